/**
 * The embeddable card, signing through it, partners' attribution, and
 * oEmbed: the card is the only page other sites may frame, and everything
 * signing from it answers stays framable.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { EMBED_HEIGHT, EMBED_MIN_WIDTH, EMBED_WIDTH } from "../../src/domain/embed";
import { FRAME_SCRIPT_PATH } from "../../src/views/embed-scripts";
import {
  createLetter,
  fetchWorker,
  getPage,
  individual,
  ORIGIN,
  postSignature,
  recordingQueue,
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
  it("shows the title, the count, the first signatories and a form that posts within the frame, and may be framed by any site", async () => {
    const letter = await createLetter({ organizations: ["Lead Org"] });
    const { response, document } = await getPage(`/letters/${letter.slug}/embed?source=Partner-Org`);
    expect(response.status).toBe(200);
    expectFramable(response);
    expect(document.querySelector("body")?.getAttribute("class")).toBe("embed");
    expect(document.querySelector("h1")?.textContent).toContain(letter.title);
    expect(document.querySelector("base")?.getAttribute("target")).toBe("_blank");
    expect(document.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    const form = document.querySelector("form");
    expect(form?.getAttribute("target")).toBe("_self");
    expect(form?.getAttribute("action")).toBe(`/letters/${letter.slug}/signatures?embed=1&source=partner-org`);
    // One script, optional: it only reports the card's height to the framing page.
    expect(document.querySelectorAll("script").map((script) => script.getAttribute("src"))).toEqual([
      FRAME_SCRIPT_PATH,
    ]);
    expect(document.querySelector(".embed-signatories")?.textContent).toContain("Lead Org");
    expect((await fetchWorker(`/letters/${letter.slug}/embed?source=Partner-Org`)).headers.get("X-Cache")).toBe("HIT");
  });

  it("drops an attribution it can't keep, and never refuses the card for it", async () => {
    const letter = await createLetter();
    const { response, document } = await getPage(
      `/letters/${letter.slug}/embed?source=${encodeURIComponent("<script>x</script>")}`,
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
  });

  it("answers the largest of its frames within maxwidth and maxheight (oEmbed 1.0 §2.2), and 404 when none fits", async () => {
    const letter = await createLetter();
    const ask = (maxwidth: string | null, maxheight: string | null) =>
      fetchWorker(
        `/oembed?${new URLSearchParams({
          url: letterUrl(letter.slug),
          format: "json",
          ...(maxwidth ? { maxwidth } : {}),
          ...(maxheight ? { maxheight } : {}),
        })}`,
      );
    const cases: [string | null, string | null, [number, number] | null][] = [
      ["250", "350", null],
      ["100", null, null],
      [null, "399", null],
      ["279", "10000", null],
      ["280", "400", [280, 400]],
      ["300", "350", null],
      ["320", "500", [320, 480]],
      ["479", "719", [400, 600]],
      ["600", "900", [EMBED_WIDTH, EMBED_HEIGHT]],
      ["10000", null, [EMBED_WIDTH, EMBED_HEIGHT]],
    ];
    for (const [maxwidth, maxheight, frame] of cases) {
      const response = await ask(maxwidth, maxheight);
      const asked = `${maxwidth} × ${maxheight}`;
      if (!frame) {
        expect(response.status, asked).toBe(404);
        expect((await response.json<{ error: { message: string } }>()).error.message, asked).toContain("280 × 400");
        continue;
      }
      expect(response.status, asked).toBe(200);
      const body = await response.json<{ width: unknown; height: unknown; html: string }>();
      expect([body.width, body.height], asked).toEqual(frame);
      expect(Number.isInteger(body.width) && Number.isInteger(body.height), asked).toBe(true);
      expect(body.width as number, asked).toBeLessThanOrEqual(Number(maxwidth ?? Infinity));
      expect(body.height as number, asked).toBeLessThanOrEqual(Number(maxheight ?? Infinity));
      expect(body.html, asked).toContain(`width="${frame[0]}" height="${frame[1]}"`);
    }
    expect(EMBED_MIN_WIDTH).toBe(280);
  });

  it("gives the card in the language of the page it was discovered on, and 404 for a language the letter lacks", async () => {
    const letter = await createLetter({
      translations: [translation("es", "Carta sobre un proceso justo", "Pedimos un proceso justo.")],
    });
    const { document } = await getPage(`/letters/${letter.slug}?lang=es`);
    const discovery = document.querySelector('link[rel="alternate"][type="application/json+oembed"]')!;
    const oembed = new URL(discovery.getAttribute("href")!);
    expect(new URL(oembed.searchParams.get("url")!).searchParams.get("lang")).toBe("es");
    const response = await fetchWorker(`${oembed.pathname}${oembed.search}`);
    expect(response.status).toBe(200);
    const body = await response.json<{ title: string; html: string }>();
    expect(body.title).toBe("Carta sobre un proceso justo");
    const card = new URL(/src="([^"]+)"/.exec(body.html)![1]!.replaceAll("&amp;", "&"));
    expect(card.pathname).toBe(`/letters/${letter.slug}/embed`);
    expect(card.searchParams.get("lang")).toBe("es");
    const { document: framed } = await getPage(`${card.pathname}${card.search}`);
    expect(framed.querySelector("html")?.getAttribute("lang")).toBe("es");
    expect(framed.querySelector("h1, h2")?.textContent).toContain("Carta sobre un proceso justo");

    for (const lang of ["fr", "xx", ""]) {
      const address = `${letterUrl(letter.slug)}?lang=${lang}`;
      const refused = await fetchWorker(`/oembed?${new URLSearchParams({ url: address, format: "json" })}`);
      expect(refused.status, lang).toBe(404);
      expect(refused.headers.get("Content-Type"), lang).toContain("application/json");
    }
    const twice = `${letterUrl(letter.slug)}?lang=es&lang=en`;
    expect((await fetchWorker(`/oembed?${new URLSearchParams({ url: twice })}`)).status).toBe(404);
  });

  it("keeps a partner's ?source= from the URL it is given", async () => {
    const letter = await createLetter();
    const body = await (
      await fetchWorker(`/oembed?${new URLSearchParams({ url: `${letterUrl(letter.slug)}?source=partner-org` })}`)
    ).json<{ html: string }>();
    expect(body.html).toContain(`/letters/${letter.slug}/embed?source=partner-org`);
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
