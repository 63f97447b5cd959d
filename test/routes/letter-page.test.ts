import { describe, expect, it } from "vitest";
import { createLetter, fetchWorker, getPage, texts, uniqueSlug } from "../helpers";

describe("GET /letters/{slug}", () => {
  it("shows the letter: title, date, addressee, body, counts, signatories in their order, and the form", async () => {
    const letter = await createLetter({
      title: "Letter to the Secretary General",
      addressee: "The Honorable Luis Almagro\nSecretary General\nOrganization of American States",
      bodyMarkdown: "Dear Secretary General Almagro:\n\nWe, the undersigned organizations, thank you.\n\nSincerely,",
      organizations: ["AFL-CIO", "Alianza Americas", "CARECEN"],
      individuals: ["Ana Pérez"],
    });
    const { response, document } = await getPage(`/letters/${letter.slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(texts(document, "h1")).toEqual(["Letter to the Secretary General"]);
    expect(document.querySelector("article time")?.getAttribute("datetime")).toBe("2017-12-20");
    expect(texts(document, "article time")).toEqual(["December 20, 2017"]);
    expect(document.querySelector(".addressee")?.innerHTML).toBe(
      "The Honorable Luis Almagro<br>Secretary General<br>Organization of American States",
    );
    expect(texts(document, ".letter-body p")).toEqual([
      "Dear Secretary General Almagro:",
      "We, the undersigned organizations, thank you.",
      "Sincerely,",
    ]);
    expect(texts(document, ".signatories h3")).toEqual(["Organizations", "Individuals"]);
    expect(texts(document, ".signatory-list.organizations li")).toEqual(["AFL-CIO", "Alianza Americas", "CARECEN"]);
    expect(texts(document, ".signatory-list.individuals li")).toEqual(["Ana Pérez"]);
    expect(texts(document, ".counts")).toEqual(["4 signatures: 3 organizations and 1 individual."]);
    const form = document.querySelector("form#sign, #sign form");
    expect(form?.getAttribute("method")).toBe("post");
    expect(form?.getAttribute("action")).toBe(`/letters/${letter.slug}/signatures`);
    for (const name of ["kind", "name", "organization", "title", "city", "country", "email"]) {
      expect(form?.querySelector(`[name="${name}"]`), name).not.toBeNull();
    }
  });

  it("labels every form control and writes no script", async () => {
    const letter = await createLetter();
    const { document } = await getPage(`/letters/${letter.slug}`);
    const controls = document.querySelectorAll('form input:not([type="hidden"]), form select');
    expect(controls.length).toBeGreaterThan(6);
    for (const control of controls) {
      const id = control.getAttribute("id");
      expect(id, control.outerHTML.slice(0, 80)).toBeTruthy();
      expect(document.querySelector(`label[for="${id}"]`), `label for ${id}`).not.toBeNull();
    }
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(document.querySelector("html")?.getAttribute("lang")).toBe("en");
    expect(document.querySelector('meta[name="viewport"]')?.getAttribute("content")).toContain("width=device-width");
  });

  it("carries the title, description, canonical link and Open Graph and Twitter metadata", async () => {
    const letter = await createLetter({ title: "On elections", summary: "Organizations ask for new elections." });
    const { document } = await getPage(`/letters/${letter.slug}?utm_source=newsletter`);
    const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content");
    expect(texts(document, "title")).toEqual(["On elections · Undersigned"]);
    expect(meta('meta[name="description"]')).toBe("Organizations ask for new elections.");
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      `https://undersigned.test/letters/${letter.slug}`,
    );
    expect(meta('meta[property="og:title"]')).toBe("On elections");
    expect(meta('meta[property="og:description"]')).toBe("Organizations ask for new elections.");
    expect(meta('meta[property="og:url"]')).toBe(`https://undersigned.test/letters/${letter.slug}`);
    expect(meta('meta[property="og:type"]')).toBe("article");
    expect(meta('meta[name="twitter:card"]')).toBe("summary_large_image");
  });

  it("links a stylesheet that has a print section hiding the form", async () => {
    const letter = await createLetter();
    const { document } = await getPage(`/letters/${letter.slug}`);
    const href = document.querySelector('link[rel="stylesheet"]')?.getAttribute("href");
    expect(href).toMatch(/^\/assets\/site\.[0-9a-f]{8}\.css$/);
    const css = await fetchWorker(href!);
    expect(css.status).toBe(200);
    expect(css.headers.get("Cache-Control")).toContain("immutable");
    const text = await css.text();
    expect(text).toMatch(/@media print \{[^@]*\.sign[^{]*\{ display: none/);
  });

  it("says when signing has closed, and offers no form", async () => {
    const closed = await createLetter({ status: "closed" });
    const expired = await createLetter({ closesAt: "2018-01-31T23:59:59.000Z" });
    for (const [letter, status] of [
      [closed, "Closed for signatures"],
      [expired, "Signing closed on January 31, 2018"],
    ] as const) {
      const { response, document } = await getPage(`/letters/${letter.slug}`);
      expect(response.status).toBe(200);
      expect(document.querySelector("#sign form")).toBeNull();
      expect(texts(document, "#sign h2")).toEqual(["Signing has closed"]);
      expect(texts(document, ".status")).toEqual([status]);
    }
    expect(texts((await getPage(`/letters/${expired.slug}`)).document, "#sign p")[0]).toContain("January 31, 2018");
  });

  it("shows a future closing date", async () => {
    const letter = await createLetter({ closesAt: "2999-05-01T12:00:00.000Z" });
    const { document } = await getPage(`/letters/${letter.slug}`);
    expect(texts(document, ".status")).toEqual(["Open for signatures until May 1, 2999 at 12:00 PM (UTC)"]);
  });

  it("answers 404 with a page for unknown, draft and impossible slugs", async () => {
    const draft = await createLetter({ status: "draft" });
    for (const slug of [uniqueSlug("missing"), draft.slug, "UPPER", "a--b", "x".repeat(101), "12345678901234567890"]) {
      const { response, document } = await getPage(`/letters/${slug}`);
      expect(response.status, slug).toBe(404);
      expect(texts(document, "h1"), slug).toEqual(["Letter not found"]);
    }
    // A segment that can't name anything (an encoded slash) is no page at all, before any route reads it.
    const { response, document } = await getPage("/letters/%2e%2e%2fx");
    expect(response.status).toBe(404);
    expect(texts(document, "h1")).toEqual(["Page not found"]);
  });

  it("answers HEAD like GET without a body, and other methods with 405", async () => {
    const letter = await createLetter();
    const head = await fetchWorker(`/letters/${letter.slug}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const del = await fetchWorker(`/letters/${letter.slug}`, { method: "DELETE" });
    expect(del.status).toBe(405);
    expect(del.headers.get("Allow")).toBe("GET, HEAD");
  });

  it("redirects a trailing slash to the canonical address", async () => {
    const letter = await createLetter();
    const response = await fetchWorker(`/letters/${letter.slug}/`, { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get("Location")!).pathname).toBe(`/letters/${letter.slug}`);
  });

  it("answers unknown paths with a real 404 page", async () => {
    const { response, document } = await getPage("/no/such/page");
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(texts(document, "h1")).toEqual(["Page not found"]);
  });
});
