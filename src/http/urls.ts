/**
 * The public addresses of Undersigned, in one place: routes, views and JSON
 * all build links from here, so a path changes in one line.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";

export const paths = {
  home: () => "/",
  lettersJson: () => "/letters.json",
  letter: (slug: string) => `/letters/${slug}`,
  letterJson: (slug: string) => `/letters/${slug}.json`,
  signatories: (slug: string, cursor?: string) => `/letters/${slug}/signatories${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
  signatoriesJson: (slug: string, cursor?: string) =>
    `/letters/${slug}/signatories.json${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
  sign: (slug: string) => `/letters/${slug}/signatures`,
  signed: (slug: string, receipt: string) => `/letters/${slug}/signed?receipt=${encodeURIComponent(receipt)}`,
  confirm: (slug: string, token?: string) => `/letters/${slug}/confirm${token ? `?token=${token}` : ""}`,
  confirmed: (slug: string, receipt: string) => `/letters/${slug}/confirmed?receipt=${encodeURIComponent(receipt)}`,
  withdraw: (slug: string, token?: string) => `/letters/${slug}/withdraw${token ? `?token=${token}` : ""}`,
  withdrawn: (slug: string) => `/letters/${slug}/withdrawn`,
  record: (slug: string, after?: number) => `/letters/${slug}/record.json${after ? `?after=${after}` : ""}`,
};

/** The origin links are made absolute with: PUBLIC_URL when set, else the request's own. */
export function publicOrigin<E extends AppEnv>(c: Context<E>): string {
  return c.get("settings").publicUrl ?? new URL(c.req.url).origin;
}

export function absoluteUrl<E extends AppEnv>(c: Context<E>, path: string): string {
  return `${publicOrigin(c)}${path}`;
}
