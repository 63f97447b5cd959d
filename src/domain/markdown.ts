/**
 * Letter bodies from Markdown to HTML with marked, configured so that the
 * output is safe to publish as it is: raw HTML in the source is shown as
 * text, only http(s), mailto and relative links survive, and an image from
 * another site is a link to it (the pages' CSP loads images from the site
 * only). The same function renders at load time (Node) and in the organizer
 * area (the Worker), so the editor's preview is the public page. (marked
 * rather than markdown-it: a third of the size in the Worker's bundle.)
 *
 * Rendering is bounded, whatever the text: marked's emphasis and
 * strikethrough scan the rest of a paragraph for each opening delimiter
 * (quadratic: "*a" repeated to 78 KB took 2.8 s, "_a" 9 s), and its
 * containers and emphasis recurse (">" or "*" repeated thousands of times
 * overflowed the stack). So quotes and lists nest at most
 * MARKDOWN_MAX_NESTING deep per line, indentation counts up to
 * MARKDOWN_MAX_INDENT columns, emphasis, strikethrough and links nest at
 * most MARKDOWN_MAX_NESTING deep, and the delimiter scans of one body read at
 * most MARKDOWN_SCAN_BUDGET characters in all: past any of these, the marks
 * are shown as the characters they are. A letter as people write it never
 * comes near them (bench/markdown.ts measures the worst bodies).
 */
import { Lexer, Marked, Tokenizer, type Tokens } from "marked";

const SAFE_LINK = /^(?:https?:|mailto:|#|\/(?![/\\])|\.{1,2}\/|[^:/?#\\]+(?:[/?#]|$))/i;

/** How deep quotes and lists (per line) and emphasis, strikethrough and links may nest. */
export const MARKDOWN_MAX_NESTING = 16;

/** Leading whitespace counted at most (tabs to the next multiple of 4): deeper is read as this deep. */
export const MARKDOWN_MAX_INDENT = 32;

/**
 * Characters the emphasis and strikethrough scans of one body may read, in
 * all (a scan that finds its closing mark counts what it spans, one that
 * doesn't, the rest of its paragraph): 20 times a 100,000-character body,
 * a few tens of milliseconds of work (bench/markdown.ts).
 */
export const MARKDOWN_SCAN_BUDGET = 2_000_000;

/**
 * marked's GFM rule for a run of inline text (Lexer.rules.inline.gfm.text,
 * marked 18) without its stops before an email address: they look ahead
 * through every address character for an "@", at each position (quadratic:
 * "*a" repeated to 100 KB took 2.6 s), only so that bare addresses can be
 * autolinked, which letters never are (the url tokenizer below is off).
 */
const INLINE_TEXT =
  /^(?:[^a-zA-Z0-9](?=(?:mailto|xmpp):)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|[\s\S]*?(?:(?=[\\<![`*~_]|\b_|[hH][tT][tT][pP][sS]?|[fF][tT][pP]:\/\/|(?<![^\s*_~(])www\.|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=(?:mailto|xmpp):))))/;

/** The bounded work of the body being rendered (rendering is synchronous: one body at a time). */
const work = { scanned: 0, depth: 0 };

/** How much of MARKDOWN_SCAN_BUDGET the last body rendered used, for tests and bench/. */
export function lastRenderWork(): { scanned: number } {
  return { scanned: work.scanned };
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * A link target we publish: http(s), mailto, a fragment, or an address on
 * this site; never javascript:, data: and the like, nor "//host", "/\\host"
 * or "\\\\host", which browsers read as another site's address (WHATWG URL:
 * "\\" is "/" in http(s) URLs, and tabs and newlines are removed first, so
 * "/\t/host" is "//host" too).
 */
function isSafeLink(href: string): boolean {
  // Control characters and spaces inside a scheme are how "java\tscript:" slips past simpler checks.
  const compact = href.trim();
  return !/[\u0000-\u001F\u007F]/.test(compact) && !/^[/\\]{2}/.test(compact) && SAFE_LINK.test(compact);
}

/** Whether a (safe) link names another site: it has a scheme (http:, https:, mailto:). */
function isOffSite(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href.trim());
}

/**
 * Runs one of marked's inline tokenizers within the bounds: past
 * MARKDOWN_MAX_NESTING, or (for a scanning one) once MARKDOWN_SCAN_BUDGET is
 * spent, it finds nothing, and the mark is read as text.
 */
function bounded<T extends { raw: string }>(src: string, scans: boolean, run: () => T | undefined): T | undefined {
  if (work.depth >= MARKDOWN_MAX_NESTING || (scans && work.scanned >= MARKDOWN_SCAN_BUDGET)) return undefined;
  work.depth += 1;
  try {
    const token = run();
    if (scans) work.scanned += token ? token.raw.length : src.length;
    return token;
  } finally {
    work.depth -= 1;
  }
}

/** A line's container marks ("> ", "- ", "1. "), each with the whitespace before it. */
const CONTAINER_MARK = /^[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/;

/**
 * The source with each line's indentation cut to MARKDOWN_MAX_INDENT columns
 * and its container marks beyond MARKDOWN_MAX_NESTING escaped (shown as
 * text), so that block nesting, and the work it costs, is bounded. Lines of a
 * fenced code block are left as they are.
 */
export function boundedSource(source: string): string {
  let fence: string | null = null;
  return source
    .split("\n")
    .map((line) => {
      const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence) {
        if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length) fence = null;
        return line;
      }
      if (opening) fence = opening[1]!;
      let bounded = line;
      const indent = /^[ \t]*/.exec(line)![0];
      let columns = 0;
      for (const char of indent) columns = char === "\t" ? columns + 4 - (columns % 4) : columns + 1;
      if (columns > MARKDOWN_MAX_INDENT) bounded = " ".repeat(MARKDOWN_MAX_INDENT) + line.slice(indent.length);
      let rest = bounded;
      for (let depth = 0; ; depth++) {
        const mark = CONTAINER_MARK.exec(rest);
        if (!mark) break;
        if (depth === MARKDOWN_MAX_NESTING) {
          const at = bounded.length - rest.length + /^[ \t]*/.exec(rest)![0].length;
          const escaped = /^\d/.test(bounded.slice(at)) ? at + /^\d+/.exec(bounded.slice(at))![0].length : at;
          return `${bounded.slice(0, escaped)}\\${bounded.slice(escaped)}`;
        }
        rest = rest.slice(mark[0].length);
      }
      return bounded;
    })
    .join("\n");
}

let parser: Marked | undefined;

/**
 * The letters' Markdown parser, made on first use: most requests (cached
 * pages, JSON, signing) render no Markdown, so a cold start doesn't build it
 * (bench/startup.ts measures startup).
 */
function markdown(): Marked {
  parser ??= newParser();
  return parser;
}

const newParser = () =>
  new Marked({
    // CommonMark plus GitHub's tables and strikethrough; no bare-URL autolinking, no typographic replacements.
    gfm: true,
    breaks: false,
    renderer: {
      // Raw HTML in a letter is shown as the text it is.
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      link({ href, title, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens);
        if (!isSafeLink(href)) return text;
        return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ""}>${text}</a>`;
      },
      image({ href, title, text }: Tokens.Image) {
        if (!isSafeLink(href)) return escapeHtml(text);
        // Another site's image would be loaded by every reader (and refused by the pages' CSP): a link to it.
        if (isOffSite(href))
          return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ""}>${escapeHtml(text || href)}</a>`;
        return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ""}>`;
      },
      // The letter's title is the page's only <h1>: headings inside the body start at <h2>.
      heading({ tokens, depth }: Tokens.Heading) {
        const level = Math.min(6, depth + 1);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
    },
    tokenizer: {
      // Bare "www.example.org" and "https://…" stay text, as the letter's author wrote them.
      url() {
        return undefined;
      },
      inlineText(src: string) {
        // marked's own, with the text rule above (and marked's escaping of what it matches).
        return Tokenizer.prototype.inlineText.call({ ...this, rules: inlineTextRulesOf() } as Tokenizer, src);
      },
      emStrong(src: string, maskedSrc: string, prevChar?: string) {
        const scans = src[0] === "*" || src[0] === "_";
        return bounded(src, scans, () => Tokenizer.prototype.emStrong.call(this, src, maskedSrc, prevChar));
      },
      del(src: string, maskedSrc: string, prevChar?: string) {
        return bounded(src, src[0] === "~", () => Tokenizer.prototype.del.call(this, src, maskedSrc, prevChar));
      },
      link(src: string) {
        return bounded(src, false, () => Tokenizer.prototype.link.call(this, src));
      },
      reflink(src: string, links: Parameters<Tokenizer["reflink"]>[1]) {
        return bounded(src, false, () => Tokenizer.prototype.reflink.call(this, src, links));
      },
    },
  });

let inlineTextRules: Tokenizer["rules"] | undefined;

/** marked's rules, the text rule replaced (INLINE_TEXT); made on first use, as the parser. */
function inlineTextRulesOf(): Tokenizer["rules"] {
  if (!inlineTextRules) {
    const lexer = new Lexer({ gfm: true });
    const rules = (lexer as unknown as { tokenizer: Tokenizer }).tokenizer.rules;
    inlineTextRules = { ...rules, inline: { ...rules.inline, text: INLINE_TEXT } };
  }
  return inlineTextRules;
}

/** Runs `read` on the bounded source, with the work counters at zero. */
function withinBounds<T>(source: string, read: (bounded: string) => T): T {
  work.scanned = 0;
  work.depth = 0;
  return read(boundedSource(source));
}

/**
 * Renders a letter body (at most BODY_MAX_LENGTH characters in the editor
 * and the loader, but any length works, within the bounds above). The
 * result contains no script, no raw HTML, no unsafe link and no other
 * site's image. Never throws: should marked fail all the same, the text is
 * shown as escaped paragraphs.
 */
export function renderMarkdown(source: string): string {
  try {
    return withinBounds(source, (bounded) => markdown().parse(bounded, { async: false }));
  } catch {
    return source
      .split(/\n{2,}/)
      .filter((paragraph) => paragraph.trim())
      .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>\n`)
      .join("");
  }
}

/**
 * A rendered body (renderMarkdown's HTML) as documents read off the site
 * publish it (the letter's JSON, the feeds): each link's and image's address
 * made absolute against `pageUrl`, the letter's page on the site's canonical
 * origin (resolved as the page itself resolves it), and an image from
 * another origin a link to it, as renderMarkdown now writes it (bodies
 * stored before it did are published the same). Addresses that can't be
 * resolved are left as they are.
 */
export function publishedBodyHtml(html: string, pageUrl: string): string {
  const origin = new URL(pageUrl).origin;
  const resolve = (escaped: string): URL | null => {
    try {
      return new URL(decodeEntities(escaped), pageUrl);
    } catch {
      return null;
    }
  };
  return html
    .replace(
      /<img src="([^"]*)" alt="([^"]*)"((?: title="[^"]*")?)>/g,
      (tag, src: string, alt: string, title: string) => {
        const url = resolve(src);
        if (!url) return tag;
        const href = escapeHtml(url.href);
        return url.origin === origin
          ? `<img src="${href}" alt="${alt}"${title}>`
          : `<a href="${href}"${title}>${alt || href}</a>`;
      },
    )
    .replace(/<a href="([^"]*)"/g, (tag, href: string) => {
      const url = resolve(href);
      return url ? `<a href="${escapeHtml(url.href)}"` : tag;
    });
}

/** The text of the first paragraph at least `minLength` long (or the first paragraph), for descriptions. */
export function firstParagraphText(source: string, minLength = 80): string {
  const paragraphs: string[] = [];
  let tokens: ReturnType<Marked["lexer"]>;
  try {
    tokens = withinBounds(source, (bounded) => markdown().lexer(bounded));
  } catch {
    return "";
  }
  for (const token of tokens) {
    if (token.type !== "paragraph") continue;
    const text = inlineText((token as Tokens.Paragraph).tokens)
      .replace(/\s+/g, " ")
      .trim();
    if (text) paragraphs.push(text);
  }
  return paragraphs.find((text) => text.length >= minLength) ?? paragraphs[0] ?? "";
}

/** The plain text of inline tokens: emphasis and links reduced to their words, raw HTML dropped. */
function inlineText(tokens: readonly Tokens.Generic[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if (token.type === "html") return "";
      if (token.type === "br") return " ";
      if (token.tokens) return inlineText(token.tokens);
      return "text" in token ? decodeEntities(String(token.text)) : "";
    })
    .join("");
}

function decodeEntities(text: string): string {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
