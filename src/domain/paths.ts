/**
 * The addresses of Undersigned, in one place: routes, views, JSON and emails
 * all build links from here, so a path changes in one line. Pure strings:
 * making them absolute is http/urls.ts's.
 */
import type { Letter } from "./letter";

/** The query parameter that names a page's language. */
export const LANG_PARAM = "lang";

/** The cache key's stand-in for the browser's language preferences (never a query parameter we read). */
export const PREFERENCES_KEY = "accept-language";

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
  /** The delivery email's unsubscribe link (GET: a page with a button; POST: RFC 8058 one-click too). */
  unsubscribe: (slug: string, token?: string) => `/letters/${slug}/unsubscribe${token ? `?token=${token}` : ""}`,
  unsubscribed: (slug: string) => `/letters/${slug}/unsubscribed`,
  /** The record's overview for people: what it is, how long, where its parts are, how to check it. */
  recordOverview: (slug: string) => `/letters/${slug}/record`,
  record: (slug: string, after?: number) => `/letters/${slug}/record.json${after ? `?after=${after}` : ""}`,
  /** The record's signed checkpoints, newest first: those smaller than `before` when given. */
  checkpoints: (slug: string, before?: number) => `/letters/${slug}/checkpoints${before ? `?before=${before}` : ""}`,
  /** The RFC 9162 consistency proof from the record's first `from` entries to its first `to` (its sealed length when absent). */
  consistency: (slug: string, from: number, to?: number) =>
    `/letters/${slug}/record/consistency.json?${new URLSearchParams({ from: String(from), ...(to === undefined ? {} : { to: String(to) }) })}`,
  /** The verifier key of the checkpoints' signer, as text. */
  recordKey: () => "/.well-known/undersigned-record-key",
  /** One entry of the record (numbered from 1), what happened after it, and how to check it; and the same as JSON with its inclusion proof. */
  recordEntry: (slug: string, seq: number) => `/letters/${slug}/record/${seq}`,
  recordEntryJson: (slug: string, seq: number) => `/letters/${slug}/record/${seq}.json`,
  /** Every published version of the letter's text, with the differences between them (and as JSON). */
  versions: (slug: string) => `/letters/${slug}/versions`,
  versionsJson: (slug: string) => `/letters/${slug}/versions.json`,
  /** The card partners frame: with ?source= for their attribution, or ?receipt= for its thank-you state. */
  embed: (slug: string, query: { source?: string | null; receipt?: string } = {}) => {
    const params = new URLSearchParams();
    if (query.source) params.set("source", query.source);
    if (query.receipt) params.set("receipt", query.receipt);
    return `/letters/${slug}/embed${params.size ? `?${params}` : ""}`;
  },
  /** The card's second state, its sign form (opened in the same frame from the card's Sign link), with ?source= kept. */
  embedSign: (slug: string, source: string | null = null) =>
    `/letters/${slug}/embed/sign${source ? `?${new URLSearchParams({ source })}` : ""}`,
  /** A draft's shareable preview. */
  draftPreview: (slug: string, key: string) => `/letters/${slug}/preview?key=${encodeURIComponent(key)}`,
  oembed: (url: string) => `/oembed?${new URLSearchParams({ url, format: "json" })}`,
};

/** The organizer area's addresses. */
export const adminPaths = {
  home: () => "/admin",
  newLetter: () => "/admin/letters/new",
  letters: () => "/admin/letters",
  letter: (slug: string, done?: string) => `/admin/letters/${slug}${done ? `?done=${done}` : ""}`,
  letterPreview: (slug: string) => `/admin/letters/${slug}/preview`,
  /** "New preview link": the draft's shareable link made anew (POST). */
  letterPreviewLink: (slug: string) => `/admin/letters/${slug}/preview-link`,
  previewForm: () => "/admin/letters/preview",
  letterState: (slug: string) => `/admin/letters/${slug}/state`,
  deleteLetter: (slug: string) => `/admin/letters/${slug}/delete`,
  revision: (slug: string, id: number) => `/admin/letters/${slug}/revisions/${id}`,
  signatures: (slug: string) => `/admin/letters/${slug}/signatures`,
};

/** `path` with ?lang= (or &lang=) added, unless `language` is null. */
export function withLang(path: string, language: string | null | undefined): string {
  if (!language) return path;
  const hash = path.indexOf("#");
  const [base, fragment] = hash === -1 ? [path, ""] : [path.slice(0, hash), path.slice(hash)];
  return `${base}${base.includes("?") ? "&" : "?"}${LANG_PARAM}=${encodeURIComponent(language)}${fragment}`;
}

/** A letter page's canonical address in `language`: the bare address for its original language. */
export function canonicalPath(letter: Letter, path: string, language: string): string {
  return language === letter.languages[0] ? path : withLang(path, language);
}

/**
 * The longest path segment any address here has, in bytes as sent
 * (percent-encoded): a slug is at most 100 characters (SLUG_MAX_LENGTH), a
 * signature's ref 32 hex digits; 256 leaves room for `{slug}.json` and
 * percent-encoded letters.
 */
export const PATH_SEGMENT_MAX_LENGTH = 256;

/**
 * Whether every segment of `pathname` (as sent: percent-encoded) can name
 * something here, so that a route's parameter is never one that can't:
 * each decodes as UTF-8 (RFC 3986 section 2.1; a lone "%", "%zz", an
 * invalid or surrogate sequence such as "%C3%28" or "%ED%A0%80" do not),
 * holds no control character (CR, LF, NUL… which would break a header
 * built from it), no encoded "/" or "\" (one segment read as two, or a
 * protocol-relative redirect), and is at most PATH_SEGMENT_MAX_LENGTH
 * long. "." and ".." segments never get here: the URL parser (and
 * Cloudflare's) resolves them first.
 */
export function isReadablePath(pathname: string): boolean {
  return pathname.split("/").every((segment) => {
    if (segment.length > PATH_SEGMENT_MAX_LENGTH) return false;
    if (!segment.includes("%")) return !/[\u0000-\u001F\u007F\\]/.test(segment);
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    return !/[\u0000-\u001F\u007F/\\]/.test(decoded);
  });
}
