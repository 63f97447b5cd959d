/**
 * The part of oembed-parser the consumers' test uses: the package ships
 * index.d.ts, but its package.json "exports" hides it from TypeScript's
 * module resolution (see test/browser/oembed-consumers.test.ts).
 */
declare module "oembed-parser" {
  export interface OembedData {
    type: "rich" | "video" | "photo" | "link";
    version: string;
    title?: string;
    html?: string;
    width?: number;
    height?: number;
    [key: string]: unknown;
  }

  export interface Provider {
    provider_name: string;
    provider_url: string;
    endpoints: { schemes?: string[]; url: string; discovery?: boolean }[];
  }

  export function setProviderList(providers: Provider[]): number;

  export function extract(
    url: string,
    params?: { maxwidth?: number; maxheight?: number },
    options?: { headers?: Record<string, string>; proxy?: { target: string; headers?: Record<string, string> } },
  ): Promise<OembedData>;
}
