/**
 * The machine-readable indexes of the site: an Atom feed of letters
 * (RFC 4287), sitemap.xml (sitemaps.org 0.9) and robots.txt. Plain strings:
 * every text that comes from a letter is escaped for XML, and a letter's
 * title inside an entry's title is a bidirectional isolate (domain/bidi.ts).
 */
import { isolate } from "../domain/bidi";
import { deliveryNoteOf, signingEndedAt, type Letter } from "../domain/letter";
import type { SignedCheckpoint } from "../domain/letter-json";
import { publishedBodyHtml } from "../domain/markdown";
import { startOfDayIn } from "../domain/time-zones";
import { SITE_NAME } from "./layout";

/**
 * What XML 1.0 forbids in a document (its Char production, section 2.2): C0 controls but tab and
 * line breaks, lone surrogates, U+FFFE and U+FFFF. The forms refuse them (domain/text.ts); this is
 * the defense for text stored before they did.
 */
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/gu;

/**
 * `text` escaped for XML character data and attribute values, with every character XML 1.0 forbids
 * dropped (NOT_XML_CHAR), so that a feed or sitemap is well-formed whatever was stored.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** When a letter entered the feed or last changed, as RFC 3339. */
export function letterUpdated(letter: Letter): string {
  return new Date(Date.parse(letter.updatedAt) || Date.parse(letter.date)).toISOString();
}

/** An instant as RFC 3339 (toISOString: UTC, milliseconds). */
function instant(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Each entry's `updated` (ms), in the entries' order: never before its
 * `published` (RFC 4287 section 4.2.14 and 4.2.9: a letter dated after its
 * last change, a delivery dated before the letter was published here), and
 * none equal to another's, so a reader that orders or de-duplicates by it
 * keeps every entry: a tie is moved 1 ms later, in the order of `key`.
 */
function distinctUpdates(entries: readonly { published: number; updated: number; key: string }[]): number[] {
  const order = entries
    .map((entry, index) => ({ index, key: entry.key, at: Math.max(entry.updated, entry.published) }))
    .sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const updated: number[] = new Array<number>(entries.length);
  let previous = -Infinity;
  for (const entry of order) {
    previous = Math.max(entry.at, previous + 1);
    updated[entry.index] = previous;
  }
  return updated;
}

/**
 * The Atom feed of published letters, newest first, each with its full text
 * (links and images absolute, publishedBodyHtml), in its language
 * (`xml:lang` on each entry; the feed's own words are English).
 */
export function lettersAtom(options: {
  letters: readonly Letter[];
  origin: string;
  selfUrl: string;
  letterUrl: (slug: string) => string;
}): string {
  const { letters, origin, selfUrl } = options;
  const times = letters.map((letter) => ({
    published: Date.parse(letter.date),
    updated: Date.parse(letterUpdated(letter)),
    key: letter.slug,
  }));
  const updatedAt = distinctUpdates(times);
  const updated = instant(Math.max(0, ...updatedAt));
  const entries = letters
    .map((letter, index) => ({ letter, updated: updatedAt[index]! }))
    .sort((a, b) => b.updated - a.updated)
    .map(({ letter, updated }) => {
      const url = options.letterUrl(letter.slug);
      const language = escapeXml(letter.language);
      return `  <entry xml:lang="${language}">
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(letter.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <published>${instant(Date.parse(letter.date))}</published>
    <updated>${instant(updated)}</updated>
    <summary>${escapeXml(letter.summary)}</summary>
    <content type="html" xml:lang="${language}">${escapeXml(publishedBodyHtml(letter.bodyHtml, url))}</content>
  </entry>`;
    });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${escapeXml(`${origin}/`)}</id>
  <title>${escapeXml(`${SITE_NAME}: open letters`)}</title>
  <subtitle>Sign-on letters published here, newest first.</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}/`)}"/>
  <author><name>${escapeXml(SITE_NAME)}</name></author>
  <updated>${updated}</updated>
${entries.join("\n")}
</feed>
`;
}

/** The last millisecond of `day` (YYYY-MM-DD) in IANA `zone`: the next day's start, less 1 ms. */
function endOfDay(day: string, zone: string): number {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return Date.parse(startOfDayIn(next, zone)) - 1;
}

/** One entry of a letter's feed: HTML content linking to the letter, or a checkpoint's exact text. */
interface UpdateEntry {
  id: string;
  title: string;
  /** When it happened (ms): published, never before the letter was published here. */
  at: number;
  html?: string;
  /** The language of `html` when it is the letter's own text (its words, its summary). */
  lang?: string;
  /** Plain text kept exactly as it is (xml:space="preserve"), and the JSON it is listed in. */
  text?: { body: string; href: string };
}

/**
 * A letter's own feed: what happened to it, newest first: published here,
 * its text or details changed, signing closed, delivered, and each of its
 * newest signed checkpoints, whose content is the signed note itself, so
 * that feed readers and archives keep copies the operator can't recall.
 * (Each other entry is derived from the letter's row; earlier texts are in
 * the organizers' history.) Each entry is `published` when it happened, but
 * never before the letter was published here (a letter delivered before it
 * was put online), and `updated` then (distinct: distinctUpdates); the
 * feed's words are English (`xml:lang`), the letter's own text in its
 * language.
 */
export function letterUpdatesAtom(options: {
  letter: Letter;
  url: string;
  selfUrl: string;
  closed: boolean;
  now: Date;
  /** The newest checkpoints of the letter's record (see app/checkpoints.ts). */
  checkpoints: readonly SignedCheckpoint[];
  /** When the delivery was recorded (ISO 8601), if known (app/public-documents.ts feedDeliveredAt). */
  deliveredAt?: string | null;
  /** The address of the letter's checkpoints (JSON); `before` names a page. */
  checkpointsUrl: (before?: number) => string;
}): string {
  const { letter, url, selfUrl } = options;
  const createdAt = Date.parse(letter.createdAt);
  const at = (text: string) => Math.max(Date.parse(text), createdAt);
  const entries: UpdateEntry[] = [
    {
      id: `${url}#published`,
      title: `Published: ${isolate(letter.title)}`,
      at: createdAt,
      html: `<p>${escapeXml(letter.summary)}</p>`,
      lang: letter.language,
    },
  ];
  for (const checkpoint of options.checkpoints) {
    entries.push({
      id: `${options.checkpointsUrl()}#${checkpoint.size}`,
      title: `Record signed at ${checkpoint.size} ${checkpoint.size === 1 ? "entry" : "entries"}: ${isolate(letter.title)}`,
      at: at(checkpoint.at),
      text: { body: checkpoint.note, href: options.checkpointsUrl(checkpoint.size + 1) },
    });
  }
  // "Updated" means its text changed after people signed it (the page's "updated on"), never a change
  // of stage: letters.updated_at also moves when it closes or is delivered, which have entries of their own.
  const textUpdatedAt = letter.textUpdatedAt === null ? NaN : Date.parse(letter.textUpdatedAt);
  if (textUpdatedAt - createdAt > 1_000) {
    entries.push({
      id: `${url}#updated-${instant(textUpdatedAt)}`,
      title: `Updated: ${isolate(letter.title)}`,
      at: at(letter.textUpdatedAt!),
      html: publishedBodyHtml(letter.bodyHtml, url),
      lang: letter.language,
    });
  }
  if (options.closed) {
    const closedAt = signingEndedAt(letter, options.now) ?? letter.updatedAt;
    entries.push({
      id: `${url}#closed`,
      title: `Signing has closed: ${isolate(letter.title)}`,
      at: at(closedAt),
      html: `<p>${escapeXml(`Signing has closed with ${countOf(letter.counts.total, "signature")}: ${countOf(letter.counts.organizations, "organization")} and ${countOf(letter.counts.individuals, "individual")}.`)}</p>`,
    });
  }
  if (letter.deliveredOn) {
    const note = deliveryNoteOf(letter);
    entries.push({
      id: `${url}#delivered`,
      title: `Delivered: ${isolate(letter.title)}`,
      // When it was recorded; else the end of its day in the letter's zone (not its midnight,
      // which is before a publication the same day), never later than now.
      at: at(
        options.deliveredAt ??
          instant(Math.min(endOfDay(letter.deliveredOn, letter.closesTimeZone), options.now.getTime())),
      ),
      html: note
        ? `<p lang="${escapeXml(note.language)}">${escapeXml(note.text)}</p>`
        : `<p>${escapeXml(`The letter was delivered on ${letter.deliveredOn} with ${letter.counts.total} signatures.`)}</p>`,
    });
  }
  const updatedAt = distinctUpdates(
    entries.map((entry) => ({ published: entry.at, updated: entry.at, key: entry.id })),
  );
  const shown = entries
    .map((entry, index) => ({ entry, updated: updatedAt[index]! }))
    .sort((a, b) => b.updated - a.updated);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${escapeXml(url)}</id>
  <title>${escapeXml(`Updates: ${isolate(letter.title)}`)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
  <author><name>${escapeXml(SITE_NAME)}</name></author>
  <updated>${instant(shown[0]!.updated)}</updated>
${shown
  .map(
    ({ entry, updated }) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title>${escapeXml(entry.title)}</title>
    ${
      entry.text
        ? `<link rel="alternate" type="application/json" href="${escapeXml(entry.text.href)}"/>`
        : `<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`
    }
    <published>${instant(entry.at)}</published>
    <updated>${instant(updated)}</updated>
    ${
      entry.text
        ? `<content type="text" xml:space="preserve">${escapeXml(entry.text.body)}</content>`
        : `<content type="html"${entry.lang ? ` xml:lang="${escapeXml(entry.lang)}"` : ""}>${escapeXml(entry.html ?? "")}</content>`
    }
  </entry>`,
  )
  .join("\n")}
</feed>
`;
}

/** sitemap.xml: the home page and every published letter's page. */
export function sitemapXml(urls: readonly { loc: string; lastmod?: string }[]): string {
  const entries = urls.map(
    ({ loc, lastmod }) => `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join("\n")}
</urlset>
`;
}

/**
 * robots.txt: letters and their signatories for everyone; the private areas
 * (the organizers', the local outbox, the bench) and oEmbed's JSON closed to
 * crawlers. A page that must stay out of search results (a signer's link
 * pages, the thank-you page, the embed card, error pages) says `noindex`
 * itself and is NOT disallowed here: a crawler that may not fetch it never
 * reads its noindex, and may list its address from a link anyway (RFC 9309
 * only governs fetching; Google: "robots.txt is not a mechanism for keeping
 * a web page out of Google").
 *
 * @see https://www.rfc-editor.org/rfc/rfc9309
 * @see https://developers.google.com/search/docs/crawling-indexing/block-indexing
 */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *
Disallow: /admin
Disallow: /dev/
Disallow: /__bench/
Disallow: /oembed

Sitemap: ${sitemapUrl}
`;
}

/** "1 signature", "2 signatures": the feeds are written in English (their entries' text, not the letters'). */
function countOf(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}
