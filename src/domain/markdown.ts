/**
 * Letter bodies from Markdown to HTML with markdown-it, configured so that
 * the output is safe to publish as it is: raw HTML in the source is shown as
 * text, and only http(s), mailto and relative links survive.
 */
import MarkdownIt from "markdown-it";

const SAFE_LINK = /^(?:https?:|mailto:|#|\/(?!\/)|\.{0,2}\/|[^:/?#]+(?:[/?#]|$))/i;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// markdown-it already refuses javascript:, vbscript:, file: and most data: URLs;
// we go further and allow only the schemes a letter needs.
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

// The letter's title is the page's only <h1>: headings inside the body start at <h2>.
for (const rule of ["heading_open", "heading_close"] as const) {
  markdown.renderer.rules[rule] = (tokens, index, options, _env, self) => {
    const token = tokens[index]!;
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
    return self.renderToken(tokens, index, options);
  };
}

/** Renders a letter body. The result contains no script, no raw HTML and no unsafe link. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** The text of the first paragraph at least `minLength` long (or the first paragraph), for descriptions. */
export function firstParagraphText(source: string, minLength = 80): string {
  const paragraphs: string[] = [];
  const tokens = markdown.parse(source, {});
  tokens.forEach((token, index) => {
    if (token.type === "paragraph_open" && tokens[index + 1]?.type === "inline") {
      const inline = tokens[index + 1]!;
      const text = (inline.children ?? [])
        .filter((child) => child.type === "text" || child.type === "code_inline" || child.type === "softbreak")
        .map((child) => (child.type === "softbreak" ? " " : child.content))
        .join("")
        .trim();
      if (text) paragraphs.push(text);
    }
  });
  return paragraphs.find((text) => text.length >= minLength) ?? paragraphs[0] ?? "";
}
