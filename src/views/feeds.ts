/**
 * The machine-readable indexes of the site: an Atom feed of letters
 * (RFC 4287), sitemap.xml (sitemaps.org 0.9) and robots.txt. Plain strings:
 * every text that comes from a letter is escaped for XML.
 */
import type { Letter } from "../domain/letter";
import { SITE_NAME } from "./layout";

export function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&apos;");
}

/** When a letter entered the feed or last changed, as RFC 3339. */
function letterUpdated(letter: Letter): string {
  return new Date(Date.parse(letter.updatedAt) || Date.parse(letter.date)).toISOString();
}

/** The Atom feed of published letters, newest first, each with its full text. */
export function lettersAtom(options: { letters: readonly Letter[]; origin: string; selfUrl: string; letterUrl: (slug: string) => string }): string {
  const { letters, origin, selfUrl } = options;
  const updated = letters.map(letterUpdated).sort().at(-1) ?? new Date(0).toISOString();
  const entries = letters.map((letter) => {
    const url = options.letterUrl(letter.slug);
    return `  <entry>
    <id>${escapeXml(url)}</id>
    <title>${escapeXml(letter.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>
    <published>${new Date(Date.parse(letter.date)).toISOString()}</published>
    <updated>${letterUpdated(letter)}</updated>
    <summary>${escapeXml(letter.summary)}</summary>
    <content type="html" xml:lang="${escapeXml(letter.language)}">${escapeXml(letter.bodyHtml)}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
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

/** sitemap.xml: the home page and every published letter's page. */
export function sitemapXml(urls: readonly { loc: string; lastmod?: string }[]): string {
  const entries = urls.map(({ loc, lastmod }) => `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</url>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join("\n")}
</urlset>
`;
}

/** robots.txt: letters and their signatories for everyone; nothing private, nothing per-signer. */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *
Disallow: /admin/
Disallow: /dev/
Disallow: /__bench/
Disallow: /oembed
Disallow: /letters/*/signed
Disallow: /letters/*/confirm
Disallow: /letters/*/withdraw
Disallow: /letters/*/embed

Sitemap: ${sitemapUrl}
`;
}

export { letterUpdated };
