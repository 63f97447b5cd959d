/**
 * The oEmbed endpoint as real consumers read it: @extractus/oembed-extractor
 * (by a provider list, and by discovery from the letter's page) and
 * oembed-parser (by a provider list), pointed at the app npm start runs, with
 * a provider list naming only it. No network: every request they make is
 * checked to go to the local app (both libraries force https on a listed
 * endpoint, so it is sent to the app's http address: extractor's fetcher
 * option, oembed-parser's proxy option through a local forwarder).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as extractor from "@extractus/oembed-extractor";
import * as parser from "oembed-parser";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO } from "./demo";

const baseUrl = inject("baseUrl");
const letterUrl = `${baseUrl}${DEMO}`;
const SPANISH_TITLE = "Carta al Secretario General de la OEA, Luis Almagro, sobre nuevas elecciones en Honduras";

/** The provider list a consumer is given: this site's letters, its oEmbed endpoint. */
const providers = [
  {
    provider_name: "Undersigned (local)",
    provider_url: baseUrl,
    endpoints: [{ schemes: [`${baseUrl}/letters/*`], url: `${baseUrl}/oembed`, discovery: true }],
  },
];

/** Every address the consumers asked for, to prove they reached nothing but the app. */
const asked: string[] = [];

/** `url` on the app's own (http) address: the libraries write the listed endpoint with https. */
function onTheApp(url: string): string {
  const local = url.replace(/^https:/, "http:");
  asked.push(local);
  if (new URL(local).origin !== new URL(baseUrl).origin) throw new Error(`a consumer left the app: ${url}`);
  return local;
}

/** extractor's fetcher: the app only. */
const localFetch = (url: string) => fetch(onTheApp(url));

/** The card's address in an oEmbed answer's iframe. */
function cardOf(html: unknown): URL {
  const src = parse(String(html)).querySelector("iframe")?.getAttribute("src");
  if (!src) throw new Error(`no iframe in ${String(html)}`);
  return new URL(src.replaceAll("&amp;", "&"));
}

describe("@extractus/oembed-extractor", () => {
  it("embeds the letter from the provider list in the largest frame within its limits, and gets a 404 below the smallest", async () => {
    extractor.setProviderList(providers);
    const wide = await extractor.extract(letterUrl, { maxwidth: 640, maxheight: 900 }, localFetch);
    expect(wide).toMatchObject({ version: "1.0", type: "rich", provider_name: "Undersigned", width: 480, height: 720 });
    expect(wide.method).toBe("provider-api");
    expect(cardOf(wide.html).pathname).toBe(`${DEMO}/embed`);

    const narrow = await extractor.extract(letterUrl, { maxwidth: 350, maxheight: 500 }, localFetch);
    expect([narrow.width, narrow.height]).toEqual([320, 480]);
    expect(Number.isInteger(narrow.width) && Number.isInteger(narrow.height)).toBe(true);

    await expect(extractor.extract(letterUrl, { maxwidth: 250, maxheight: 350 }, localFetch)).rejects.toThrow(
      "Request failed with error code 404",
    );
  });

  it("discovers the Spanish card from the Spanish page, and finds no card in a language the letter lacks", async () => {
    extractor.setProviderList([]);
    const spanish = await extractor.extract(`${letterUrl}?lang=es`, { maxwidth: 500 }, localFetch);
    expect(spanish.method).toBe("auto-discovery");
    expect(spanish.title).toBe(SPANISH_TITLE);
    const card = cardOf(spanish.html);
    expect(card.searchParams.get("lang")).toBe("es");
    const framed = parse(await (await localFetch(card.toString())).text());
    expect(framed.querySelector("html")?.getAttribute("lang")).toBe("es");

    extractor.setProviderList(providers);
    await expect(extractor.extract(`${letterUrl}?lang=fr`, {}, localFetch)).rejects.toThrow(
      "Request failed with error code 404",
    );
  });
});

describe("oembed-parser", () => {
  let forwarder: Server;

  beforeAll(async () => {
    // oembed-parser's proxy option: it asks `target + encodeURIComponent(url)`; this sends that url to the app.
    forwarder = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://forwarder.invalid").searchParams.get("u") ?? "";
      fetch(onTheApp(url))
        .then(async (answer) => {
          response.writeHead(answer.status, { "Content-Type": answer.headers.get("Content-Type") ?? "text/plain" });
          response.end(await answer.text());
        })
        .catch((error: Error) => {
          response.writeHead(502);
          response.end(error.message);
        });
    });
    await new Promise<void>((resolve) => forwarder.listen(0, "127.0.0.1", resolve));
    parser.setProviderList(providers);
  });

  afterAll(() => new Promise<void>((resolve) => forwarder.close(() => resolve())));

  it("embeds the letter with a partner's source and the language of its address, within maxwidth", async () => {
    const proxy = { target: `http://127.0.0.1:${(forwarder.address() as AddressInfo).port}/?u=`, headers: {} };
    const answer = await parser.extract(
      `${letterUrl}/embed?lang=es&source=Partner-Site`,
      { maxwidth: 400, maxheight: 1000 },
      { proxy },
    );
    expect(answer).toMatchObject({ type: "rich", title: SPANISH_TITLE, width: 400, height: 720 });
    const card = cardOf(answer.html);
    expect(card.searchParams.get("source")).toBe("partner-site");
    expect(card.searchParams.get("lang")).toBe("es");

    await expect(parser.extract(letterUrl, { maxwidth: 279 }, { proxy })).rejects.toThrow(
      "Request failed with error code 404",
    );
  });
});

describe("what the consumers asked for", () => {
  it("was the app and nothing else, and a format other than JSON is the 501 oEmbed 1.0 §2.4 names", async () => {
    expect(asked.length).toBeGreaterThan(5);
    for (const url of asked) expect(new URL(url).origin).toBe(new URL(baseUrl).origin);
    const xml = await fetch(`${baseUrl}/oembed?${new URLSearchParams({ url: letterUrl, format: "xml" })}`);
    expect(xml.status).toBe(501);
  });
});
