/** Letter bodies: Markdown rendered safely, the same in Node (the loader) and in the Worker (the editor). */
import { describe, expect, it } from "vitest";
import { firstParagraphText, renderMarkdown } from "../../src/domain/markdown";

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

  it("keeps tables, emphasis and code, escaped", () => {
    const html = renderMarkdown("| a | b |\n|---|---|\n| 1 | <b>2</b> |\n\n*em* **strong** `x < y`");
    expect(html).toContain("<table>");
    expect(html).toContain("&lt;b&gt;2&lt;/b&gt;");
    expect(html).toContain("<code>x &lt; y</code>");
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
