/**
 * Letter bodies from Markdown to HTML with marked, configured so that the
 * output is safe to publish as it is: raw HTML in the source is shown as
 * text, and only http(s), mailto and relative links survive. The same
 * function renders at load time (Node) and in the organizer area (the
 * Worker), so the editor's preview is the public page. (marked rather than
 * markdown-it: a third of the size in the Worker's bundle.)
 */
import { Marked, type Tokens } from "marked";

const SAFE_LINK = /^(?:https?:|mailto:|#|\/(?!\/)|\.{0,2}\/|[^:/?#]+(?:[/?#]|$))/i;

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A link target we publish: http(s), mailto, a fragment, or a relative address; never javascript:, data: and the like. */
function isSafeLink(href: string): boolean {
  // Control characters and spaces inside a scheme are how "java\tscript:" slips past simpler checks.
  const compact = href.trim();
  return !/[\u0000-\u001F\u007F]/.test(compact) && SAFE_LINK.test(compact);
}

const markdown = new Marked({
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
  },
});

/** Renders a letter body. The result contains no script, no raw HTML and no unsafe link. */
export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}

/** The text of the first paragraph at least `minLength` long (or the first paragraph), for descriptions. */
export function firstParagraphText(source: string, minLength = 80): string {
  const paragraphs: string[] = [];
  for (const token of markdown.lexer(source)) {
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
