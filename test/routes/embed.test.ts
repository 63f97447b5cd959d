/**
 * The embeddable card, signing through it, partners' attribution, and
 * oEmbed: the card is the only page other sites may frame, and everything
 * signing from it answers stays framable.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { EMBED_HEIGHT, EMBED_MIN_WIDTH, EMBED_WIDTH } from "../../src/domain/embed";
import { messagesFor } from "../../src/domain/i18n";
import { FRAME_SCRIPT_PATH } from "../../src/views/embed-scripts";
import { catalogTexts, englishOn } from "../english-left";
import {
  createLetter,
  fetchWorker,
  getPage,
  individual,
  ORIGIN,
  postSignature,
  recordingQueue,
  parseHtml,
  texts,
  translation,
} from "../helpers";

function expectFramable(response: Response) {
  const policy = response.headers.get("Content-Security-Policy");
  expect(policy).toContain("frame-ancestors *");
  expect(policy).toContain("script-src 'self'");
  expect(response.headers.get("X-Frame-Options")).toBeNull();
}

function expectNotFramable(response: Response) {
  const policy = response.headers.get("Content-Security-Policy");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("script-src");
  expect(response.headers.get("X-Frame-Options")).toBe("DENY");
}

async function sourceOf(slug: string, email: string): Promise<string | null | undefined> {
  const row = await env.DB.prepare(
    "SELECT source FROM signatures WHERE email = ?2 AND letter_id = (SELECT id FROM letters WHERE slug = ?1)",
  )
    .bind(slug, email)
    .first<{ source: string | null }>();
  return row?.source;
}

describe("the embed card", () => {
  it("shows the title, the addressee, the count once, the first signatories and a Sign link that stays in the frame, and may be framed by any site", async () => {
    const letter = await createLetter({ organizations: ["Lead Org", "Second Org"], individuals: ["Ana Example"] });
    const { response, document } = await getPage(`/letters/${letter.slug}/embed?source=Partner-Org`);
    expect(response.status).toBe(200);
    expectFramable(response);
    expect(document.querySelector("body")?.getAttribute("class")).toBe("embed");
    expect(document.querySelector("h1")?.textContent).toContain(letter.title);
    expect(document.querySelector(".embed-addressee")?.textContent).toBe(
      "To: The Honorable Someone, Secretary General",
    );
    expect(document.querySelector("base")?.getAttribute("target")).toBe("_blank");
    expect(document.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    // The count, once: "3 signatures: 2 organizations and 1 individual."
    expect(document.querySelector("main")?.textContent.match(/\d+ signatures?/g)).toEqual(["3 signatures"]);
    expect(document.querySelector(".counts")?.textContent).toBe("3 signatures: 2 organizations and 1 individual.");
    // The form is the card's second state, at its own address, opened in the same frame.
    expect(document.querySelector("form")).toBeNull();
    const sign = document.querySelector(".embed-sign a");
    expect(sign?.textContent).toBe("Sign this letter");
    expect(sign?.getAttribute("href")).toBe(`/letters/${letter.slug}/embed/sign?source=partner-org`);
    expect(sign?.getAttribute("target")).toBe("_self");
    // One script, optional: it only talks to the framing page.
    expect(document.querySelectorAll("script").map((script) => script.getAttribute("src"))).toEqual([
      FRAME_SCRIPT_PATH,
    ]);
    expect(texts(document, ".embed-signatories li")).toEqual(["Lead Org", "Second Org", "Ana Example"]);
    expect((await fetchWorker(`/letters/${letter.slug}/embed?source=Partner-Org`)).headers.get("X-Cache")).toBe("HIT");
  });

  it("opens its form in the frame at its own address, which posts within the frame and leads back to the card", async () => {
    const letter = await createLetter();
    const path = `/letters/${letter.slug}/embed/sign?source=Partner-Org`;
    const { response, document } = await getPage(path);
    expect(response.status).toBe(200);
    expectFramable(response);
    const form = document.querySelector("form");
    expect(form?.getAttribute("target")).toBe("_self");
    expect(form?.getAttribute("action")).toBe(`/letters/${letter.slug}/signatures?embed=1&source=partner-org`);
    const back = document.querySelector(".embed-back a");
    expect([back?.getAttribute("href"), back?.getAttribute("target")]).toEqual([
      `/letters/${letter.slug}/embed?source=partner-org`,
      "_self",
    ]);
    expect(document.querySelector(".embed-signatories")).toBeNull();
    // Cached like the card, each answer with a stamp of its own.
    const again = await fetchWorker(path);
    expect(again.headers.get("X-Cache")).toBe("HIT");
    expect(again.headers.get("ETag")).toMatch(/^W\//);
    expect((await fetchWorker(`/letters/no-such-letter-here/embed/sign`)).status).toBe(404);
  });

  it("says a closed letter takes no signatures, in the card and at its form's address", async () => {
    const letter = await createLetter({ status: "closed" });
    for (const path of [`/letters/${letter.slug}/embed`, `/letters/${letter.slug}/embed/sign`]) {
      const { response, document } = await getPage(path);
      expect(response.status, path).toBe(200);
      expect(document.querySelector("form"), path).toBeNull();
      expect(document.querySelector(".embed-sign"), path).toBeNull();
      expect(document.querySelector("main")?.textContent, path).toContain("no longer takes signatures");
    }
  });

  it("drops an attribution it can't keep, and never refuses the card for it", async () => {
    const letter = await createLetter();
    const { response, document } = await getPage(
      `/letters/${letter.slug}/embed/sign?source=${encodeURIComponent("<script>x</script>")}`,
    );
    expect(response.status).toBe(200);
    expect(document.querySelector("form")?.getAttribute("action")).toBe(`/letters/${letter.slug}/signatures?embed=1`);
  });

  it("is the only page that may be framed: the letter page and its thank-you page may not", async () => {
    const letter = await createLetter();
    expectNotFramable(await fetchWorker(`/letters/${letter.slug}`));
    const signed = await postSignature(letter.slug, individual());
    expectNotFramable(signed);
    expectNotFramable(await fetchWorker(signed.headers.get("Location")!));
  });

  it("answers 404 for a letter that does not exist", async () => {
    expect((await fetchWorker("/letters/no-such-letter-here/embed")).status).toBe(404);
  });
});

describe("signing through the embed", () => {
  it("returns to the card's thank-you state in the frame, and keeps the partner's attribution", async () => {
    const letter = await createLetter();
    const signer = individual({ name: "Framed Signer" });
    const response = await postSignature(letter.slug, signer, { query: { embed: "1", source: "partner-org" } });
    expect(response.status).toBe(303);
    expectFramable(response);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^/letters/${letter.slug}/embed\\?source=partner-org&receipt=`));
    const { response: thanks, document } = await getPage(location);
    expect(thanks.status).toBe(200);
    expectFramable(thanks);
    expect(thanks.headers.get("Cache-Control")).toBe("private, no-store");
    expect(document.querySelector("#embed-thanks-title")?.textContent).toBe("Thank you for signing");
    expect(document.querySelector(".receipt")?.textContent).toContain("Framed Signer");
    expect(document.querySelector("form")).toBeNull();
    expect(await sourceOf(letter.slug, signer.email as string)).toBe("partner-org");
  });

  it("thanks the signer with the letter's share links and its canonical address in a field to select, in the language signed in", async () => {
    const letter = await createLetter({
      translations: [translation("es", "Carta por un proceso justo", "Estimado Secretario General:")],
    });
    const cases = [
      ["en", `${ORIGIN}/letters/${letter.slug}`],
      ["es", `${ORIGIN}/letters/${letter.slug}?lang=es`],
    ] as const;
    for (const [language, canonical] of cases) {
      const signed = await postSignature(letter.slug, individual({ lang: language }), {
        query: { embed: "1", source: "partner-org" },
      });
      const location = signed.headers.get("Location")!;
      const { document } = await getPage(location);
      const address = document.querySelector("#embed-address");
      expect(address?.getAttribute("value"), language).toBe(canonical);
      expect(address?.hasAttribute("readonly"), language).toBe(true);
      expect(document.querySelector('label[for="embed-address"]'), language).not.toBeNull();
      const shares = document.querySelectorAll(".embed-share .share-links a").map((a) => a.getAttribute("href")!);
      expect(shares.length, language).toBeGreaterThan(3);
      expect(
        shares.every((href) => href.includes(encodeURIComponent(canonical))),
        language,
      ).toBe(true);
      // Its language links keep the thank-you state (and the attribution), switching in place.
      const other = document.querySelector(`.language-switcher a[hreflang="${language === "en" ? "es" : "en"}"]`);
      expect(other?.getAttribute("target"), language).toBe("_self");
      expect(other?.getAttribute("href"), language).toContain(
        `/letters/${letter.slug}/embed?source=partner-org&receipt=`,
      );
    }
  });

  it("switches language in place in each state, keeping the card's parameters", async () => {
    const letter = await createLetter({
      translations: [translation("es", "Carta por un proceso justo", "Estimado Secretario General:")],
    });
    const states = [
      [`/letters/${letter.slug}/embed?source=partner-org`, `/letters/${letter.slug}/embed?source=partner-org&lang=es`],
      [
        `/letters/${letter.slug}/embed/sign?source=partner-org`,
        `/letters/${letter.slug}/embed/sign?source=partner-org&lang=es`,
      ],
    ] as const;
    for (const [path, spanish] of states) {
      const { document } = await getPage(path);
      const link = document.querySelector('.language-switcher a[hreflang="es"]');
      expect(link?.getAttribute("href"), path).toBe(spanish);
      expect(link?.getAttribute("target"), path).toBe("_self");
      const { document: switched } = await getPage(spanish);
      expect(switched.querySelector("html")?.getAttribute("lang"), path).toBe("es");
      expect(switched.querySelector("h1")?.textContent, path).toBe("Carta por un proceso justo");
    }
    const { document: card } = await getPage(`/letters/${letter.slug}/embed?source=partner-org&lang=es`);
    expect(card.querySelector(".embed-sign a")?.getAttribute("href")).toBe(
      `/letters/${letter.slug}/embed/sign?source=partner-org&lang=es`,
    );
  });

  it("leaves no English in any state of the card drawn in Spanish, French or Portuguese", async () => {
    const letter = await createLetter({
      organizations: ["Lead Org"],
      translations: [
        translation("es", "Carta por un proceso justo", "Estimado Secretario General:"),
        translation("fr", "Lettre pour un processus équitable", "Monsieur le Secrétaire général :"),
        translation("pt", "Carta por um processo justo", "Senhor Secretário-Geral:"),
      ],
    });
    const english = catalogTexts(messagesFor("en"));
    for (const language of ["es", "fr", "pt"] as const) {
      const other = catalogTexts(messagesFor(language));
      const englishOnly = new Set(
        [...english]
          .filter(([path, text]) => other.get(path) !== text && text.trim().length > 2)
          .map(([, text]) => text.trim()),
      );
      const signed = await postSignature(letter.slug, individual({ lang: language }), { query: { embed: "1" } });
      const refused = await postSignature(letter.slug, individual({ lang: language, email: "nope" }), {
        query: { embed: "1" },
      });
      expect(refused.status).toBe(422);
      const pages: [string, string][] = [
        ["card", await (await fetchWorker(`/letters/${letter.slug}/embed?lang=${language}`)).text()],
        ["form", await (await fetchWorker(`/letters/${letter.slug}/embed/sign?lang=${language}`)).text()],
        ["errors", await refused.text()],
        ["thanks", await (await fetchWorker(signed.headers.get("Location")!)).text()],
      ];
      for (const [state, html] of pages) {
        expect(parseHtml(html).querySelector("html")?.getAttribute("lang"), `${language} ${state}`).toBe(language);
        expect(englishOn(html, englishOnly), `${language} ${state}`).toEqual([]);
      }
    }
  });

  it("opens every link that leaves the card in a new tab, without a hold on the card (rel=noopener)", async () => {
    const letter = await createLetter({
      organizations: ["Lead Org"],
      translations: [translation("es", "Carta por un proceso justo", "Estimado Secretario General:")],
    });
    const signed = await postSignature(letter.slug, individual(), { query: { embed: "1" } });
    const pages = [
      `/letters/${letter.slug}/embed`,
      `/letters/${letter.slug}/embed/sign`,
      signed.headers.get("Location")!,
    ];
    for (const path of pages) {
      const { document } = await getPage(path);
      for (const link of document.querySelectorAll("a[href]")) {
        const href = link.getAttribute("href")!;
        const inFrame = link.getAttribute("target") === "_self";
        if (inFrame) {
          // Only the card's own states stay in the frame.
          expect(href, path).toMatch(new RegExp(`^/letters/${letter.slug}/embed(/sign)?(\\?|$)`));
        } else if (!href.startsWith("mailto:")) {
          expect([href, link.getAttribute("target")], path).toEqual([href, "_blank"]);
          expect(link.getAttribute("rel")?.split(" "), `${path} ${href}`).toContain("noopener");
        }
      }
    }
  });

  it("comes back as the card's form, its error summary first, filled in and framable, when a field is wrong", async () => {
    const letter = await createLetter();
    const response = await postSignature(letter.slug, individual({ email: "not-an-email", name: "Kept Name" }), {
      query: { embed: "1", source: "partner-org" },
    });
    expect(response.status).toBe(422);
    expectFramable(response);
    const document = parseHtml(await response.text());
    expect(document.querySelector("body")?.getAttribute("class")).toBe("embed");
    expect(document.querySelector("#sign-name")?.getAttribute("value")).toBe("Kept Name");
    // Without script (or where the browser blocks autofocus in a frame), the summary is at the top of the frame's page.
    expect(document.querySelector("form")?.firstElementChild?.getAttribute("class")).toBe("error-summary");
    expect(document.querySelector(".embed-signatories")).toBeNull();
    expect(document.querySelector(".embed-back a")?.getAttribute("href")).toBe(
      `/letters/${letter.slug}/embed?source=partner-org`,
    );
  });

  it("comes back as the card, filled in and framable, when a field is wrong", async () => {
    const letter = await createLetter();
    const response = await postSignature(letter.slug, individual({ email: "not-an-email", name: "Kept Name" }), {
      query: { embed: "1" },
    });
    expect(response.status).toBe(422);
    expectFramable(response);
    const text = await response.text();
    expect(text).toContain('class="embed"');
    expect(text).toContain("Kept Name");
  });

  it("sends a reload of the form's answer back to the card's form, in the frame, not to the unframable letter page", async () => {
    const letter = await createLetter();
    const framed = await fetchWorker(`/letters/${letter.slug}/signatures?embed=1&source=Partner-Org`, {
      redirect: "manual",
    });
    expect(framed.status).toBe(303);
    expectFramable(framed);
    expect(framed.headers.get("Location")).toBe(`/letters/${letter.slug}/embed/sign?source=partner-org`);
    const page = await fetchWorker(`/letters/${letter.slug}/signatures`, { redirect: "manual" });
    expect(page.headers.get("Location")).toBe(`/letters/${letter.slug}#sign`);
  });

  it("keeps its errors framable, so the partner's page shows them", async () => {
    const letter = await createLetter({ status: "closed" });
    const response = await postSignature(letter.slug, individual(), { query: { embed: "1" } });
    expect(response.status).toBe(409);
    expectFramable(response);
    expectNotFramable(await postSignature(letter.slug, individual()));
  });

  it("stores signatures without attribution when signed on the letter's own page", async () => {
    const letter = await createLetter();
    const signer = individual();
    await postSignature(letter.slug, signer);
    expect(await sourceOf(letter.slug, signer.email as string)).toBeNull();
  });

  it("carries the attribution through the signature queue", async () => {
    const letter = await createLetter();
    const { queue, sent } = recordingQueue();
    const response = await postSignature(letter.slug, individual(), {
      query: { embed: "1", source: "partner-org" },
      env: { SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue },
    });
    expect(response.status).toBe(303);
    expect((sent[0] as { signature: { source: string } }).signature.source).toBe("partner-org");
  });

  it("shows organizers how many signed through each partner", async () => {
    const letter = await createLetter();
    await postSignature(letter.slug, individual(), { query: { embed: "1", source: "alpha" } });
    await postSignature(letter.slug, individual(), { query: { embed: "1", source: "alpha" } });
    await postSignature(letter.slug, individual());
    const path = `/admin/api/letters/${letter.slug}/sources`;
    expect((await fetchWorker(path)).status).toBe(401);
    const response = await fetchWorker(path, { headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}` } });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = await response.json<{ sources: { source: string | null; total: number; confirmed?: number }[] }>();
    expect(body.sources).toEqual([
      { source: null, total: 1, confirmed: 1 },
      { source: "alpha", total: 2, confirmed: 2 },
    ]);
  });
});

describe("the embed's optional sizing scripts", () => {
  it("serve the card's height report, and the partners' script that accepts heights from our origin only", async () => {
    const frame = await fetchWorker(FRAME_SCRIPT_PATH);
    expect(frame.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(frame.headers.get("Cache-Control")).toContain("immutable");
    expect(await frame.text()).toContain("postMessage");
    const partner = await fetchWorker("/embed.js");
    expect(partner.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(partner.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect(frame.headers.get("Cross-Origin-Resource-Policy")).toBe("same-origin");
    expect(await partner.text()).toContain(`var origin = "${ORIGIN}";`);
  });

  it("are offered with the iframe on the letter page", async () => {
    const letter = await createLetter();
    const { document } = await getPage(`/letters/${letter.slug}`);
    expect(document.querySelector("#embed-code")?.textContent).toContain(
      `<script src="${ORIGIN}/embed.js" async></script>`,
    );
  });
});

describe("oEmbed", () => {
  const letterUrl = (slug: string) => `${ORIGIN}/letters/${slug}`;

  it("is discoverable from the letter page, which also offers the iframe code", async () => {
    const letter = await createLetter();
    const { document } = await getPage(`/letters/${letter.slug}`);
    const link = document.querySelector('link[type="application/json+oembed"]');
    expect(link?.getAttribute("href")).toBe(
      `${ORIGIN}/oembed?${new URLSearchParams({ url: letterUrl(letter.slug), format: "json" })}`,
    );
    expect(document.querySelector("#embed-code")?.textContent).toContain(
      `<iframe src="${ORIGIN}/letters/${letter.slug}/embed"`,
    );
  });

  it("answers a rich embed of the card, at the default size or within maxwidth and maxheight", async () => {
    const letter = await createLetter();
    const response = await fetchWorker(
      `/oembed?${new URLSearchParams({ url: letterUrl(letter.slug), format: "json" })}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = await response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      version: "1.0",
      type: "rich",
      title: letter.title,
      provider_name: "Undersigned",
      width: EMBED_WIDTH,
      height: EMBED_HEIGHT,
    });
    expect(body.html).toContain(`src="${ORIGIN}/letters/${letter.slug}/embed"`);
    const small = await (
      await fetchWorker(
        `/oembed?${new URLSearchParams({ url: letterUrl(letter.slug), maxwidth: "320", maxheight: "500" })}`,
      )
    ).json<Record<string, unknown>>();
    expect(small).toMatchObject({ width: 320, height: 500 });
    expect(small.html).toContain('width="320" height="500"');
    const tiny = await (
      await fetchWorker(`/oembed?${new URLSearchParams({ url: letterUrl(letter.slug), maxwidth: "100" })}`)
    ).json<Record<string, unknown>>();
    expect(tiny.width).toBe(EMBED_MIN_WIDTH);
  });

  it("keeps a partner's ?source= from the URL it is given", async () => {
    const letter = await createLetter();
    const body = await (
      await fetchWorker(`/oembed?${new URLSearchParams({ url: `${letterUrl(letter.slug)}?source=partner-org` })}`)
    ).json<{ html: string }>();
    expect(body.html).toContain(`/letters/${letter.slug}/embed?source=partner-org`);
  });

  it("hands out the card in the language of a translated letter page, from its embed code and its oEmbed link", async () => {
    const letter = await createLetter({
      translations: [translation("es", "Carta por un proceso justo", "Estimado Secretario General:")],
    });
    const { document } = await getPage(`/letters/${letter.slug}?lang=es`);
    const code = document.querySelector("#embed-code")?.textContent ?? "";
    expect(code).toContain(`<iframe src="${ORIGIN}/letters/${letter.slug}/embed?lang=es"`);
    expect(code).toContain('title="Firmar: Carta por un proceso justo"');
    const href = document.querySelector('link[type="application/json+oembed"]')?.getAttribute("href") ?? "";
    const body = await (await fetchWorker(href.slice(ORIGIN.length))).json<{ html: string; title: string }>();
    expect(body.title).toBe("Carta por un proceso justo");
    expect(body.html).toContain(`src="${ORIGIN}/letters/${letter.slug}/embed?lang=es"`);
    expect(body.html).toContain('title="Firmar: Carta por un proceso justo"');
    // The original's address stays bare, and a language the letter lacks is not a letter here.
    const original = await (
      await fetchWorker(`/oembed?${new URLSearchParams({ url: letterUrl(letter.slug) })}`)
    ).json<{ html: string }>();
    expect(original.html).toContain(`src="${ORIGIN}/letters/${letter.slug}/embed"`);
    expect(original.html).toContain('title="Sign: Letter on a fair process"');
    const missing = await fetchWorker(`/oembed?${new URLSearchParams({ url: `${letterUrl(letter.slug)}?lang=fr` })}`);
    expect(missing.status).toBe(404);
  });

  it("answers 404 for addresses that are not letters here, 501 for formats other than JSON, 400 for bad sizes", async () => {
    const letter = await createLetter();
    const cases: [Record<string, string>, number][] = [
      [{ url: letterUrl("no-such-letter-here") }, 404],
      [{ url: `https://elsewhere.example/letters/${letter.slug}` }, 404],
      [{ url: `${ORIGIN}/about` }, 404],
      [{ url: "not a url" }, 404],
      [{}, 400],
      [{ url: letterUrl(letter.slug), format: "xml" }, 501],
      [{ url: letterUrl(letter.slug), maxwidth: "wide" }, 400],
      [{ url: letterUrl(letter.slug), maxheight: "0" }, 400],
    ];
    for (const [query, status] of cases) {
      const response = await fetchWorker(`/oembed?${new URLSearchParams(query)}`);
      expect(response.status, JSON.stringify(query)).toBe(status);
      expect(response.headers.get("Content-Type"), JSON.stringify(query)).toContain("application/json");
    }
  });
});
