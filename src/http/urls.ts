/**
 * The public addresses of Undersigned, in one place: routes, views and JSON
 * all build links from here, so a path changes in one line.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";

export const paths = {
  home: () => "/",
  feed: () => "/feed.atom",
  lettersJson: () => "/letters.json",
  letter: (slug: string) => `/letters/${slug}`,
  letterJson: (slug: string) => `/letters/${slug}.json`,
  letterFeed: (slug: string) => `/letters/${slug}/feed.atom`,
  signatories: (slug: string, cursor?: string) =>
    `/letters/${slug}/signatories${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
  signatoriesJson: (slug: string, cursor?: string) =>
    `/letters/${slug}/signatories.json${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
  sign: (slug: string) => `/letters/${slug}/signatures`,
  /** Signing from the embed: the answers (thank-you, errors) stay in the frame; `source` is the partner's attribution. */
  signFromEmbed: (slug: string, source: string | null) =>
    `/letters/${slug}/signatures?${new URLSearchParams({ embed: "1", ...(source ? { source } : {}) })}`,
  signed: (slug: string, receipt: string) => `/letters/${slug}/signed?receipt=${encodeURIComponent(receipt)}`,
  confirm: (slug: string, token?: string) => `/letters/${slug}/confirm${token ? `?token=${token}` : ""}`,
  confirmed: (slug: string, receipt: string) => `/letters/${slug}/confirmed?receipt=${encodeURIComponent(receipt)}`,
  withdraw: (slug: string, token?: string) => `/letters/${slug}/withdraw${token ? `?token=${token}` : ""}`,
  withdrawn: (slug: string) => `/letters/${slug}/withdrawn`,
  record: (slug: string, after?: number) => `/letters/${slug}/record.json${after ? `?after=${after}` : ""}`,
  /** The card partners frame: with ?source= for their attribution, or ?receipt= for its thank-you state. */
  embed: (slug: string, query: { source?: string | null; receipt?: string } = {}) => {
    const params = new URLSearchParams();
    if (query.source) params.set("source", query.source);
    if (query.receipt) params.set("receipt", query.receipt);
    return `/letters/${slug}/embed${params.size ? `?${params}` : ""}`;
  },
  /** A draft's shareable preview. */
  draftPreview: (slug: string, key: string) => `/letters/${slug}/preview?key=${encodeURIComponent(key)}`,
  oembed: (url: string) => `/oembed?${new URLSearchParams({ url, format: "json" })}`,
};

/** The origin links are made absolute with: PUBLIC_URL when set, else the request's own. */
export function publicOrigin<E extends AppEnv>(c: Context<E>): string {
  return c.get("settings")?.publicUrl ?? new URL(c.req.url).origin;
}

export function absoluteUrl<E extends AppEnv>(c: Context<E>, path: string): string {
  return `${publicOrigin(c)}${path}`;
}

/** The organizer area's addresses. */
export const adminPaths = {
  home: () => "/admin",
  newLetter: () => "/admin/letters/new",
  letters: () => "/admin/letters",
  letter: (slug: string, done?: string) => `/admin/letters/${slug}${done ? `?done=${done}` : ""}`,
  letterPreview: (slug: string) => `/admin/letters/${slug}/preview`,
  previewForm: () => "/admin/letters/preview",
  letterState: (slug: string) => `/admin/letters/${slug}/state`,
  deleteLetter: (slug: string) => `/admin/letters/${slug}/delete`,
  revision: (slug: string, id: number) => `/admin/letters/${slug}/revisions/${id}`,
  signatures: (slug: string) => `/admin/letters/${slug}/signatures`,
};
