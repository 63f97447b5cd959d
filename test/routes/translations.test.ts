/**
 * Letters in several languages: the language is chosen by ?lang=, else by
 * Accept-Language among the letter's languages, else it is the original;
 * each page says which it is in (html lang, canonical, hreflang, the
 * switcher), is cached per language, and signing keeps the signer's language
 * through errors, the thank-you page and the emails. Signatures are pooled.
 */
import { env } from "cloudflare:workers";
import { publicCopiesAt } from "../../src/http/page-cache";
import { openGraphLocale } from "../../src/views/layout";
import { describe, expect, it } from "vitest";
import {
  countingDatabase,
  createLetter,
  fetchApp,
  getPage,
  individual,
  linkIn,
  logIn,
  mailTo,
  organizerPage,
  parseHtml,
  postForm,
  postSignature,
  signatureRows,
  texts,
  translation,
} from "../helpers";

const SPANISH = translation(
  "es",
  "Carta por un proceso justo",
  "Estimado Secretario General:\n\nPedimos un proceso justo.",
  "Excmo. Sr. Alguien\nSecretario General",
);
const FRENCH = translation(
  "fr",
  "Lettre pour un processus équitable",
  "Monsieur le Secrétaire général,\n\nNous demandons un processus équitable.",
);

function multilingual(options: Parameters<typeof createLetter>[0] = {}) {
  return createLetter({
    title: "Letter on a fair process",
    organizations: ["AFL-CIO"],
    translations: [SPANISH, FRENCH],
    ...options,
  });
}

function page(path: string, acceptLanguage?: string) {
  return getPage(path, acceptLanguage ? { headers: { "Accept-Language": acceptLanguage } } : undefined);
}

describe("choosing the language of a letter's page", () => {
  it("shows the translation named by ?lang=, with the interface in that language", async () => {
    const letter = await multilingual();
    const { response, document } = await page(`/letters/${letter.slug}?lang=es`);
    expect(response.status).toBe(200);
    expect(document.querySelector("html")!.getAttribute("lang")).toBe("es");
    expect(texts(document, "h1")).toEqual(["Carta por un proceso justo"]);
    expect(document.querySelector("article")!.getAttribute("lang")).toBe("es");
    expect(texts(document, ".addressee")).toEqual(["Excmo. Sr. Alguien Secretario General"]);
    expect(texts(document, ".letter-body")).toEqual(["Estimado Secretario General: Pedimos un proceso justo."]);
    expect(texts(document, "#signatories-title")).toEqual(["Firmantes"]);
    expect(texts(document, ".counts")).toEqual(["1 firma: 1 organización y 0 personas a título individual."]);
    expect(texts(document, "form button[type=submit]")).toEqual(["Firmar la carta"]);
    expect(texts(document, 'label[for="sign-email"]')).toEqual(["Correo electrónico (privado)"]);
    expect(document.querySelector('input[name="lang"]')!.getAttribute("value")).toBe("es");
    expect(texts(document, ".skip-link")).toEqual(["Ir al contenido"]);
  });

  it("shows the original at the bare address to a browser that asks for nothing we have", async () => {
    const letter = await multilingual();
    for (const acceptLanguage of [undefined, "de-DE,de;q=0.9", "pt-BR"]) {
      const { response, document } = await page(`/letters/${letter.slug}`, acceptLanguage);
      expect(response.status, acceptLanguage).toBe(200);
      expect(document.querySelector("html")!.getAttribute("lang"), acceptLanguage).toBe("en");
      expect(texts(document, "h1"), acceptLanguage).toEqual(["Letter on a fair process"]);
      expect(response.headers.get("Vary"), acceptLanguage).toContain("Accept-Language");
    }
  });

  it("negotiates Accept-Language among the letter's languages: q-values honoured, regional tags matched to their language", async () => {
    const letter = await multilingual();
    const cases: [string, string][] = [
      ["es-MX,es;q=0.9,en;q=0.8", "Carta por un proceso justo"],
      ["en;q=0.5, fr;q=0.9", "Lettre pour un processus équitable"],
      ["pt-BR, fr-CA;q=0.8", "Lettre pour un processus équitable"],
      ["es;q=0, en", "Letter on a fair process"],
      ["*", "Letter on a fair process"],
    ];
    for (const [acceptLanguage, title] of cases) {
      const { document } = await page(`/letters/${letter.slug}`, acceptLanguage);
      expect(texts(document, "h1"), acceptLanguage).toEqual([title]);
    }
  });

  it("answers 404, never a 500, for a language the letter or the interface doesn't have, and caches nothing for it", async () => {
    const letter = await multilingual();
    for (const lang of ["pt", "de", "xx-random", "ES", ""]) {
      const { response, document } = await page(`/letters/${letter.slug}?lang=${lang}`);
      expect(response.status, lang).toBe(404);
      expect(response.headers.get("Cache-Control"), lang).toBe("no-store");
      expect(document.querySelector("h1"), lang).not.toBeNull();
    }
    // Said in the language asked for, when the interface has it.
    const { response, document } = await page(`/letters/${letter.slug}?lang=pt`, "es");
    expect(response.status).toBe(404);
    expect(document.querySelector("html")!.getAttribute("lang")).toBe("pt");
    expect(texts(document, "h1")).toEqual(["Esta carta não está disponível nesse idioma"]);
    expect(texts(document, "main p")[0]).toBe("Esta carta pode ser lida em: English, Español, Français.");
  });

  it("says which address is canonical, links every language with hreflang and x-default, and shows a switcher of links", async () => {
    const letter = await multilingual();
    const base = `https://undersigned.test/letters/${letter.slug}`;
    for (const [path, canonical] of [
      [`/letters/${letter.slug}`, base],
      [`/letters/${letter.slug}?lang=en`, base],
      [`/letters/${letter.slug}?lang=fr`, `${base}?lang=fr`],
    ]) {
      const { document } = await page(path!);
      expect(document.querySelector('link[rel="canonical"]')!.getAttribute("href"), path).toBe(canonical);
      const alternates = document
        .querySelectorAll('link[rel="alternate"][hreflang]')
        .map((link) => [link.getAttribute("hreflang"), link.getAttribute("href")]);
      expect(alternates, path).toEqual([
        ["en", base],
        ["es", `${base}?lang=es`],
        ["fr", `${base}?lang=fr`],
        ["x-default", base],
      ]);
      const switcher = document
        .querySelectorAll(".language-switcher a")
        .map((link) => [link.textContent, link.getAttribute("href"), link.getAttribute("lang")]);
      expect(switcher, path).toEqual([
        ["English", `/letters/${letter.slug}?lang=en`, "en"],
        ["Español", `/letters/${letter.slug}?lang=es`, "es"],
        ["Français", `/letters/${letter.slug}?lang=fr`, "fr"],
      ]);
    }
    const { document } = await page(`/letters/${letter.slug}?lang=fr`);
    expect(document.querySelector('.language-switcher a[aria-current="page"]')!.textContent).toBe("Français");
    // Link previews say the language too, in Open Graph's own form.
    expect(document.querySelector('meta[property="og:locale"]')!.getAttribute("content")).toBe("fr_FR");
    expect(
      document.querySelectorAll('meta[property="og:locale:alternate"]').map((meta) => meta.getAttribute("content")),
    ).toEqual(["en_US", "es_ES"]);
    expect(document.querySelectorAll("script")).toHaveLength(0);
  });

  it("leaves the switcher and hreflang out of the organizers' preview of a translated letter", async () => {
    const letter = await multilingual();
    const { response, document } = await organizerPage(await logIn(), `/admin/letters/${letter.slug}/preview`);
    expect(response.status).toBe(200);
    expect(texts(document, "h1")).toEqual(["Letter on a fair process"]);
    expect(document.querySelector(".language-switcher")).toBeNull();
    expect(document.querySelectorAll("link[hreflang]")).toHaveLength(0);
  });

  it("names each language's likeliest locale for Open Graph, from Intl rather than a table", () => {
    expect(["en", "es", "fr", "pt", "es-MX", "not a language"].map(openGraphLocale)).toEqual([
      "en_US",
      "es_ES",
      "fr_FR",
      "pt_BR",
      "es_MX",
      "en_US",
    ]);
  });

  it("shows no switcher and no hreflang for a letter in one language", async () => {
    const letter = await createLetter();
    const { document } = await page(`/letters/${letter.slug}`, "es");
    expect(document.querySelector("html")!.getAttribute("lang")).toBe("en");
    expect(document.querySelector(".language-switcher")).toBeNull();
    expect(document.querySelectorAll("link[hreflang]")).toHaveLength(0);
    expect(document.querySelector('meta[property="og:locale"]')!.getAttribute("content")).toBe("en_US");
    expect(document.querySelectorAll('meta[property="og:locale:alternate"]')).toHaveLength(0);
  });
});

describe("the cache, per language", () => {
  it("never serves a Spanish copy to an English reader, nor an English one to a Spanish reader", async () => {
    const letter = await multilingual();
    const counter = countingDatabase(env.DB);
    const get = async (acceptLanguage: string) => {
      const response = await fetchApp(
        `/letters/${letter.slug}`,
        { DB: counter.database },
        { headers: { "Accept-Language": acceptLanguage } },
      );
      return { cache: response.headers.get("X-Cache"), title: texts(parseHtml(await response.text()), "h1")[0] };
    };
    expect(await get("es")).toEqual({ cache: "MISS", title: "Carta por un proceso justo" });
    expect(await get("en")).toEqual({ cache: "MISS", title: "Letter on a fair process" });
    counter.reset();
    expect(await get("es-AR,es;q=0.9")).toEqual({ cache: "HIT", title: "Carta por un proceso justo" });
    expect(await get("en-GB")).toEqual({ cache: "HIT", title: "Letter on a fair process" });
    expect(counter.queries()).toBe(0);
  });

  it("keeps ?lang= in the key, and serves each language from the cache with no D1 query", async () => {
    const letter = await multilingual();
    const counter = countingDatabase(env.DB);
    const get = (path: string) => fetchApp(path, { DB: counter.database }, { headers: { "Accept-Language": "en" } });
    for (const lang of ["es", "fr", "en"]) await get(`/letters/${letter.slug}?lang=${lang}&utm_source=x`);
    counter.reset();
    for (const lang of ["es", "fr", "en"]) {
      const response = await get(`/letters/${letter.slug}?lang=${lang}`);
      expect(response.headers.get("X-Cache"), lang).toBe("HIT");
      expect(
        parseHtml(await response.text())
          .querySelector("html")!
          .getAttribute("lang"),
        lang,
      ).toBe(lang);
    }
    expect(counter.queries()).toBe(0);
  });

  it("purges every language's copy of a letter's pages at once (what a withdrawal does)", async () => {
    const letter = await multilingual();
    const requests: [string, string | undefined][] = [
      [`/letters/${letter.slug}?lang=es`, undefined],
      [`/letters/${letter.slug}`, "es-MX,fr;q=0.5"],
      [`/letters/${letter.slug}/signatories`, "fr"],
      [`/letters/${letter.slug}.json?lang=fr`, undefined],
    ];
    const get = (path: string, acceptLanguage?: string) =>
      fetchApp(path, {}, acceptLanguage ? { headers: { "Accept-Language": acceptLanguage } } : undefined);
    for (const [path, acceptLanguage] of requests) await get(path, acceptLanguage);
    for (const [path, acceptLanguage] of requests)
      expect((await get(path, acceptLanguage)).headers.get("X-Cache"), path).toBe("HIT");
    await publicCopiesAt("https://undersigned.test").letterChanged(letter.slug);
    for (const [path, acceptLanguage] of requests)
      expect((await get(path, acceptLanguage)).headers.get("X-Cache"), path).toBe("MISS");
  });

  it("reads a translated letter page with one query more than the original", async () => {
    const letter = await multilingual();
    const queriesFor = async (path: string) => {
      const counter = countingDatabase(env.DB);
      await fetchApp(path, { DB: counter.database, CACHE_MAX_AGE: "0" });
      return counter.queries();
    };
    expect(await queriesFor(`/letters/${letter.slug}?lang=es`)).toBe((await queriesFor(`/letters/${letter.slug}`)) + 1);
  });
});

describe("signatories pages and the embed card", () => {
  it("lists the same signatories in every language, with countries named in the page's language", async () => {
    const letter = await multilingual();
    for (const [fields, language] of [
      [{ country: "DE" }, "es"],
      [{ country: "US" }, "fr"],
    ] as const) {
      const signed = await postSignature(letter.slug, individual({ ...fields, lang: language }));
      expect(signed.status).toBe(303);
    }
    const spanish = (await page(`/letters/${letter.slug}/signatories?lang=es`)).document;
    const french = (await page(`/letters/${letter.slug}/signatories?lang=fr`)).document;
    const english = (await page(`/letters/${letter.slug}/signatories`)).document;
    expect(texts(spanish, ".counts")).toEqual(["3 firmas: 1 organización y 2 personas a título individual."]);
    expect(texts(french, ".counts")).toEqual(["3 signatures : 1 organisation et 2 personnes à titre individuel."]);
    expect(texts(english, ".counts")).toEqual(["3 signatures: 1 organization and 2 individuals."]);
    expect(texts(spanish, ".signatory-details")).toEqual([", Alemania", ", Estados Unidos"]);
    expect(texts(french, ".signatory-details")).toEqual([", Allemagne", ", États-Unis"]);
    expect(texts(english, ".signatory-details")).toEqual([", Germany", ", United States"]);
    expect(spanish.querySelector("html")!.getAttribute("lang")).toBe("es");
    expect(texts(spanish, ".language-switcher a")).toEqual(["English", "Español", "Français"]);
  });

  it("draws the embed card in the language asked for, its form posting that language", async () => {
    const letter = await multilingual();
    const { response, document } = await page(`/letters/${letter.slug}/embed/sign?lang=es&source=partner`);
    expect(response.status).toBe(200);
    expect(document.querySelector("html")!.getAttribute("lang")).toBe("es");
    expect(texts(document, ".embed-title")).toEqual(["Carta por un proceso justo"]);
    expect(texts(document, "#embed-sign-title")).toEqual(["Firmar esta carta"]);
    expect(document.querySelector('input[name="lang"]')!.getAttribute("value")).toBe("es");
    expect(document.querySelectorAll(".language-switcher a").map((link) => link.getAttribute("href"))).toEqual([
      `/letters/${letter.slug}/embed/sign?source=partner&lang=en`,
      `/letters/${letter.slug}/embed/sign?source=partner&lang=es`,
      `/letters/${letter.slug}/embed/sign?source=partner&lang=fr`,
    ]);
  });
});

describe("signing in a translation", () => {
  it("shows the form's errors in Spanish (422), the letter still in Spanish", async () => {
    const letter = await multilingual();
    const response = await postSignature(letter.slug, {
      kind: "",
      name: "=SUM(A1)",
      email: "not-an-email",
      country: "ZZ",
      lang: "es",
    });
    expect(response.status).toBe(422);
    const document = parseHtml(await response.text());
    expect(document.querySelector("html")!.getAttribute("lang")).toBe("es");
    expect(texts(document, "h1")).toEqual(["Carta por un proceso justo"]);
    expect(texts(document, "#error-summary-title")).toEqual(["Hay 4 problemas con su firma"]);
    expect(texts(document, ".error-summary li")).toEqual([
      "Indique si firma en nombre de una organización o a título individual.",
      "El nombre no puede empezar por = ni parecer una fórmula (como +1+2 o @SUMA(…)), porque las hojas de cálculo la ejecutarían.",
      "Elija un país de la lista.",
      "Escriba una dirección de correo válida, por ejemplo nombre@ejemplo.org.",
    ]);
    expect(document.querySelector('input[name="lang"]')!.getAttribute("value")).toBe("es");
  });

  it("thanks the signer in Spanish, records the language, and counts the signature once for every language", async () => {
    const letter = await multilingual();
    const signed = await postSignature(letter.slug, individual({ name: "Ana Pérez", lang: "es" }));
    expect(signed.status).toBe(303);
    const location = signed.headers.get("Location")!;
    expect(new URL(location, "https://x").searchParams.get("lang")).toBe("es");
    const { document } = await getPage(location);
    expect(document.querySelector("html")!.getAttribute("lang")).toBe("es");
    expect(texts(document, "h1")).toEqual(["Gracias por firmar"]);
    expect(texts(document, ".counts")).toEqual([
      "La carta tiene ahora 2 firmas: 1 organización y 1 persona a título individual.",
    ]);
    expect(document.querySelector('a[rel="nofollow"]')!.getAttribute("href")).toMatch(
      /\/withdraw\?token=[0-9a-f]{32}\.[\w-]{22}&lang=es$/,
    );
    const rows = await signatureRows(letter.slug);
    expect(rows.find((row) => row.name === "Ana Pérez")).toMatchObject({ language: "es" });
    for (const path of [
      `/letters/${letter.slug}.json`,
      `/letters/${letter.slug}.json?lang=es`,
      `/letters/${letter.slug}.json?lang=fr`,
    ]) {
      const body = await (
        await fetchApp(path, { CACHE_MAX_AGE: "0" })
      ).json<{ counts: { total: number }; signatories: { name: string }[] }>();
      expect(body.counts.total, path).toBe(2);
      expect(
        body.signatories.map((s) => s.name),
        path,
      ).toEqual(["AFL-CIO", "Ana Pérez"]);
    }
  });

  it("takes the language of a withdrawn signer who signs again", async () => {
    const letter = await multilingual();
    const fields = individual({ name: "Jeanne Retour", lang: "es" });
    const thanks = await getPage((await postSignature(letter.slug, fields)).headers.get("Location")!);
    const withdrawLink = thanks.document.querySelector('a[rel="nofollow"]')!.getAttribute("href")!;
    const token = new URL(withdrawLink, "https://x").searchParams.get("token")!;
    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token, lang: "es" })).status).toBe(303);
    expect((await postSignature(letter.slug, { ...fields, lang: "fr" }, { env: {} })).status).toBe(303);
    expect((await signatureRows(letter.slug)).find((row) => row.name === "Jeanne Retour")).toMatchObject({
      status: "confirmed",
      language: "fr",
    });
  });

  it("falls back to the original language for a lang field the letter doesn't have", async () => {
    const letter = await multilingual();
    const signed = await postSignature(letter.slug, individual({ name: "Zé Silva", lang: "pt" }));
    expect(signed.status).toBe(303);
    expect(new URL(signed.headers.get("Location")!, "https://x").searchParams.get("lang")).toBe("en");
    expect((await signatureRows(letter.slug)).find((row) => row.name === "Zé Silva")).toMatchObject({ language: "en" });
  });

  it("emails the confirmation in the signer's language, with the translated title and links that keep it", async () => {
    const letter = await multilingual();
    const email = "lucia.confirma@example.org";
    const signed = await postSignature(letter.slug, individual({ name: "Lucía", email, lang: "es" }), {
      env: { MAILER: "local" },
    });
    expect(signed.status).toBe(303);
    const thanks = await getPage(signed.headers.get("Location")!);
    expect(texts(thanks.document, "h1")).toEqual(["Revise su correo para confirmar"]);
    const [mail] = await mailTo(email);
    expect(mail?.subject).toBe("Confirme su firma: Carta por un proceso justo");
    expect(mail?.body).toContain("Gracias por firmar «Carta por un proceso justo».");
    expect(mail?.body).toContain("Undersigned nunca muestra ni comparte su dirección de correo.");
    const confirmLink = linkIn(mail!.body, "/confirm?token=");
    expect(confirmLink).toMatch(/&lang=es$/);
    expect(linkIn(mail!.body, "/withdraw?token=")).toMatch(/&lang=es$/);
    const confirmPage = parseHtml(await (await fetchApp(confirmLink, { MAILER: "local" })).text());
    expect(confirmPage.querySelector("html")!.getAttribute("lang")).toBe("es");
    expect(texts(confirmPage, "h1")).toEqual(["Confirme su firma"]);
    expect(texts(confirmPage, "form button")).toEqual(["Confirmar mi firma"]);
    expect(confirmPage.querySelector('form input[name="lang"]')!.getAttribute("value")).toBe("es");
  });

  it("keeps emails in English for a letter in one language", async () => {
    const letter = await createLetter();
    const email = "one.language@example.org";
    await postSignature(letter.slug, individual({ email }), {
      env: { MAILER: "local" },
      headers: { "Accept-Language": "es" },
    });
    const [mail] = await mailTo(email);
    expect(mail?.subject).toBe(`Confirm your signature: ${letter.title}`);
    expect(linkIn(mail!.body, "/confirm?token=")).not.toContain("lang=");
  });
});

describe("the letter's JSON", () => {
  it("answers the translation named by lang, says its language, and lists every language with its addresses", async () => {
    const letter = await multilingual();
    for (const base of [`/letters/${letter.slug}.json`, `/api/v1/letters/${letter.slug}`]) {
      const body = await (await fetchApp(`${base}?lang=es`)).json<Record<string, unknown>>();
      expect(body, base).toMatchObject({
        language: "es",
        title: "Carta por un proceso justo",
        addressee: "Excmo. Sr. Alguien\nSecretario General",
        summary: "Carta por un proceso justo.",
        url: `https://undersigned.test/letters/${letter.slug}?lang=es`,
        json_url: `https://undersigned.test${base}?lang=es`,
      });
      expect(body.body_html, base).toContain("Pedimos un proceso justo.");
      expect(body.languages, base).toEqual([
        {
          code: "en",
          name: "English",
          url: `https://undersigned.test/letters/${letter.slug}`,
          json_url: `https://undersigned.test${base}`,
        },
        {
          code: "es",
          name: "Español",
          url: `https://undersigned.test/letters/${letter.slug}?lang=es`,
          json_url: `https://undersigned.test${base}?lang=es`,
        },
        {
          code: "fr",
          name: "Français",
          url: `https://undersigned.test/letters/${letter.slug}?lang=fr`,
          json_url: `https://undersigned.test${base}?lang=fr`,
        },
      ]);
      const original = await (
        await fetchApp(base, { CACHE_MAX_AGE: "0" }, { headers: { "Accept-Language": "es" } })
      ).json<Record<string, unknown>>();
      expect(original, base).toMatchObject({ language: "en", title: "Letter on a fair process" });
      expect((await fetchApp(`${base}?lang=pt`)).status, base).toBe(404);
    }
  });

  it("lists each letter's languages in letters.json and the API's list", async () => {
    const letter = await multilingual();
    for (const path of ["/letters.json", "/api/v1/letters"]) {
      const { letters } = await (
        await fetchApp(path, { CACHE_MAX_AGE: "0" })
      ).json<{ letters: { slug: string; languages: { code: string }[] }[] }>();
      expect(
        letters.find((entry) => entry.slug === letter.slug)?.languages.map((language) => language.code),
        path,
      ).toEqual(["en", "es", "fr"]);
    }
  });
});

describe("the sitemap", () => {
  it("lists each language's address of a letter", async () => {
    const letter = await multilingual();
    const body = await (await fetchApp("/sitemap.xml", { CACHE_MAX_AGE: "0" })).text();
    for (const suffix of ["", "?lang=es", "?lang=fr"])
      expect(body).toContain(`<loc>https://undersigned.test/letters/${letter.slug}${suffix}</loc>`);
  });
});
