/** Letter bodies: Markdown rendered safely, the same in Node (the loader) and in the Worker (the editor). */
import fc from "fast-check";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import {
  boundedSource,
  firstParagraphText,
  lastRenderWork,
  MARKDOWN_MAX_INDENT,
  MARKDOWN_MAX_NESTING,
  MARKDOWN_SCAN_BUDGET,
  publishedBodyHtml,
  renderMarkdown,
} from "../../src/domain/markdown";
import { BODY_MAX_LENGTH } from "../../src/domain/letter-form";
import { PATHOLOGICAL_BODIES } from "../pathological-markdown";

/** The elements renderMarkdown may write, and the attributes each may carry. */
const ALLOWED: Record<string, string[]> = {
  p: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  em: [],
  strong: [],
  del: [],
  code: [],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ["start"],
  li: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ["align"],
  td: ["align"],
  br: [],
  hr: [],
  a: ["href", "title"],
  img: ["src", "alt", "title"],
  input: ["checked", "disabled", "type"],
};

/** What in `html` renderMarkdown may not write: an element or attribute not in ALLOWED, an unsafe link, another site's image. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  for (const element of parse(html).querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    if (!ALLOWED[tag]) problems.push(`<${tag}>`);
    for (const name of Object.keys(element.attributes))
      if (!ALLOWED[tag]?.includes(name)) problems.push(`<${tag} ${name}>`);
    const target = element.getAttribute("href") ?? element.getAttribute("src");
    if (
      target !== undefined &&
      (/[\u0000-\u001F\u007F]/.test(target) ||
        /^[/\\]{2}|^(?!https?:|mailto:)[a-z][a-z0-9+.-]*:/i.test(target.trim()) ||
        (tag === "img" && /^[a-z][a-z0-9+.-]*:/i.test(target)))
    )
      problems.push(`<${tag}> to ${target}`);
  }
  return problems;
}

describe("renderMarkdown", () => {
  it("starts headings at h2, below the page's title", () => {
    expect(renderMarkdown("# One\n\n## Two\n\n###### Six")).toBe("<h2>One</h2>\n<h3>Two</h3>\n<h6>Six</h6>\n");
  });

  it("leaves bare addresses as the author wrote them, and links only what is written as a link", () => {
    const html = renderMarkdown("See www.oas.org and https://www.oas.org, or <https://www.oas.org/en/>.");
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('<a href="https://www.oas.org/en/">');
  });

  it("shows raw HTML as text and drops unsafe links and images, whatever their spelling", () => {
    const html = renderMarkdown(
      '<a href="javascript:alert(1)">x</a> [t](java\tscript:alert(1)) ![i](javascript:alert(1)) <javascript:alert(1)> [q](https://example.org "a\\"b")',
    );
    expect(html).not.toMatch(/<a href="(?!https:)|<img|<script|onerror/i);
    expect(html).toContain("&lt;a href=");
    expect(html).toContain('title="a&quot;b"');
  });

  it("refuses protocol-relative links and images (//host, /\\host, \\\\host), split by a tab or newline or not", () => {
    const sources = [
      "[a](//evil.example)",
      "[a](/\\evil.example)",
      "[a](<//evil.example>)",
      "[a](</\\evil.example>)",
      "[a](\\\\evil.example)",
      "[a](</\t/evil.example>)",
      "[a](</\n/evil.example>)",
      "[a](<\t//evil.example>)",
      "[a](\\/\\/evil.example)",
      "[a]\n\n[a]: //evil.example",
      "![a](//evil.example/x.png)",
      "![a](/\\evil.example/x.png)",
      "![a](</\t/evil.example/x.png>)",
    ];
    for (const source of sources) {
      const html = renderMarkdown(source);
      expect(html, source).not.toMatch(/<a |<img /);
      expect(html, source).toContain("a");
    }
    // What stays: an address on this site, another site's with its scheme.
    expect(
      renderMarkdown("[a](/letters/x) [b](./y) [c](../z) [d](#e) [f](https://example.org)").match(/<a /g),
    ).toHaveLength(5);
  });

  it("makes another site's image a link to it, and keeps the site's own", () => {
    expect(renderMarkdown("![The march](https://photos.example/march.jpg)")).toBe(
      '<p><a href="https://photos.example/march.jpg">The march</a></p>\n',
    );
    expect(renderMarkdown("![](http://photos.example/x.jpg)")).toContain(">http://photos.example/x.jpg</a>");
    expect(renderMarkdown("![Logo](/assets/logo.png)")).toBe('<p><img src="/assets/logo.png" alt="Logo"></p>\n');
  });

  it("keeps tables, emphasis and code, escaped", () => {
    const html = renderMarkdown("| a | b |\n|---|---|\n| 1 | <b>2</b> |\n\n*em* **strong** `x < y`");
    expect(html).toContain("<table>");
    expect(html).toContain("&lt;b&gt;2&lt;/b&gt;");
    expect(html).toContain("<code>x &lt; y</code>");
  });
});

describe("publishedBodyHtml", () => {
  it("makes links and images absolute against the letter's page, and another origin's image (stored before) a link", () => {
    const stored =
      '<p><a href="/a?x=1&amp;y=2">a</a> <a href="#n">n</a> <a href="mailto:x@example.org">m</a> <img src="logo.png" alt="L"> <img src="https://photos.example/p.jpg" alt="P&amp;Q" title="t"></p>\n';
    expect(publishedBodyHtml(stored, "https://letters.example/letters/slug?lang=es")).toBe(
      '<p><a href="https://letters.example/a?x=1&amp;y=2">a</a> <a href="https://letters.example/letters/slug?lang=es#n">n</a> <a href="mailto:x@example.org">m</a> <img src="https://letters.example/letters/logo.png" alt="L"> <a href="https://photos.example/p.jpg" title="t">P&amp;Q</a></p>\n',
    );
    // Raw HTML written in the letter is text, and stays text.
    const text = renderMarkdown('<img src="https://evil.example/x.png"> <a href="/x">');
    expect(publishedBodyHtml(text, "https://letters.example/letters/slug")).toBe(text);
  });
});

describe("rendering is bounded", () => {
  it("renders every pathological body of up to 100,000 characters: safe, of bounded size, within the scan budget", () => {
    for (const [name, body] of Object.entries(PATHOLOGICAL_BODIES)) {
      expect(body.length, name).toBeLessThanOrEqual(BODY_MAX_LENGTH * 1.25);
      const html = renderMarkdown(body);
      expect(html.length, name).toBeGreaterThan(0);
      // Each character becomes at most one element's worth of markup.
      expect(html.length, name).toBeLessThan(body.length * 40 + 100);
      expect(lastRenderWork().scanned, name).toBeLessThanOrEqual(MARKDOWN_SCAN_BUDGET + body.length);
      expect(unsafeParts(html), name).toEqual([]);
    }
  }, 300_000);

  it("nests quotes, lists and emphasis at most MARKDOWN_MAX_NESTING deep, then shows the marks as text", () => {
    const depth = (html: string, tag: string) => {
      let deepest = 0;
      for (const element of parse(html).querySelectorAll(tag)) {
        let level = 0;
        for (let at: typeof element | null = element; at; at = at.parentNode)
          if (at.tagName?.toLowerCase() === tag) level++;
        deepest = Math.max(deepest, level);
      }
      return deepest;
    };
    expect(depth(renderMarkdown(`${"> ".repeat(100)}a`), "blockquote")).toBe(MARKDOWN_MAX_NESTING);
    expect(renderMarkdown(`${"> ".repeat(100)}a`)).toContain("&gt;");
    expect(depth(renderMarkdown(`${"- ".repeat(100)}a`), "ul")).toBeLessThanOrEqual(MARKDOWN_MAX_NESTING);
    const emphasis = renderMarkdown(`${"*".repeat(5_000)}a${"*".repeat(5_000)}`);
    expect(depth(emphasis, "em") + depth(emphasis, "strong")).toBeLessThanOrEqual(MARKDOWN_MAX_NESTING);
    // A letter as people write it is untouched.
    const letter = "Dear Sir:\n\n> We ask:\n>\n> - *one*\n>   - **two**\n\n```\n" + " ".repeat(60) + "kept\n```\n";
    expect(boundedSource(letter)).toBe(letter);
    expect(boundedSource(`${" ".repeat(100)}deep`)).toBe(`${" ".repeat(MARKDOWN_MAX_INDENT)}deep`);
  });

  it("any text of Markdown's marks renders, safe (property)", () => {
    const marks = fc.constantFrom(
      ..."*_~`[]()!<>#-+. \t\n\\|:/a1@&;\"'".split(""),
      "//",
      "/\\",
      "http://x",
      "javascript:",
      "  \n",
    );
    fc.assert(
      fc.property(fc.array(marks, { maxLength: 400 }), (parts) => {
        const html = renderMarkdown(parts.join(""));
        expect(unsafeParts(html)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("firstParagraphText", () => {
  it("gives the first real paragraph as plain text, without markup", () => {
    const text = firstParagraphText(
      'Dear **Sir**:\n\nWe, the undersigned organizations, thank AT&T for "calling" for *new* elections in <b>Honduras</b> today.',
    );
    expect(text).toBe(
      'We, the undersigned organizations, thank AT&T for "calling" for new elections in Honduras today.',
    );
    expect(firstParagraphText("Short.")).toBe("Short.");
  });
});
