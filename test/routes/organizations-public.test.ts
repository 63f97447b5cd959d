/**
 * What the public sees of organizations (issue 14): their website, as a link
 * to its host that search engines do not follow, and their verification (a
 * mark with its meaning in words, explained once on the signatories page; in
 * the JSON and the API as `verified`), on every list of signatories; never
 * their contact person (name, role, email), nor whether the contact stated
 * they were authorized, in any public output, cached copies included. The
 * public GET routes are read from the router, so a new one can't be forgotten.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { app } from "../../src/index";
import { apiSchemas } from "../../src/domain/public-api";
import { messagesFor } from "../../src/domain/i18n";
import { createLetter, fetchApp, ORIGIN, parseHtml, texts, translation } from "../helpers";
import { seedSignatures } from "../seed";

const SLOW = { timeout: 120_000 };

/** What only organizers may ever read: the contacts' names, roles and email addresses. */
const PRIVATE = [
  "Lucía Ramírez",
  "Directora de Programas",
  "lucia.ramirez@fundacionjusticia.org",
  "Quentin Contactperson",
  "Secret Role Title",
  "quentin.contact@gmail.com",
  "Norma Nobody",
  "norma.nobody@collective.example.org",
  // Whether the contact stated they were authorized, and when (the sign form's own fields are named contact_name etc.).
  "authorized_at",
  "authorizedAt",
];

let slug = "";
let verifiedAt = "";

beforeAll(async () => {
  const letter = await createLetter({
    title: "Letter with organizations",
    organizations: ["Lead Org"],
    translations: [
      translation("es", "Carta con organizaciones", "Pedimos un proceso justo."),
      translation("fr", "Lettre avec des organisations", "Nous demandons un processus équitable."),
      translation("pt", "Carta com organizações", "Pedimos um processo justo."),
    ],
  });
  slug = letter.slug;
  verifiedAt = "2031-01-02T03:04:05.000Z";
  await seedSignatures(slug, [
    {
      kind: "organization",
      name: "Fundación Justicia y Paz",
      city: "Tegucigalpa",
      country: "HN",
      website: "https://www.fundacionjusticia.org/",
      contactName: "Lucía Ramírez",
      contactRole: "Directora de Programas",
      email: "lucia.ramirez@fundacionjusticia.org",
      authorized: true,
      verification: { by: "email-domain", at: verifiedAt, domain: "fundacionjusticia.org" },
    },
    {
      kind: "organization",
      name: "+Acumen",
      country: "US",
      website: "https://acumen.org/",
      contactName: "Quentin Contactperson",
      contactRole: "Secret Role Title",
      email: "quentin.contact@gmail.com",
      authorized: true,
      verification: { by: "organizers", at: verifiedAt },
    },
    {
      kind: "organization",
      name: "Unverified Collective",
      country: "HN",
      contactName: "Norma Nobody",
      email: "norma.nobody@collective.example.org",
      authorized: true,
    },
    { kind: "individual", name: "Ana Pérez", organization: "Radio Progreso", country: "HN" },
  ]);
}, SLOW.timeout);

describe("the public lists of signatories", SLOW, () => {
  it("show an organization's website as a link to its host that search engines don't follow, and individuals none", async () => {
    for (const path of [`/letters/${slug}`, `/letters/${slug}/signatories`, `/letters/${slug}/embed`]) {
      const document = parseHtml(await (await fetchApp(path)).text());
      const links = document.querySelectorAll("a.signatory-website");
      expect(
        links.map((link) => [link.getAttribute("href"), link.getAttribute("rel"), link.textContent]),
        path,
      ).toEqual([
        ["https://www.fundacionjusticia.org/", "nofollow ugc noopener", "fundacionjusticia.org"],
        ["https://acumen.org/", "nofollow ugc noopener", "acumen.org"],
      ]);
    }
  });

  it("mark verified organizations with the mark's meaning in words, in the page's language", async () => {
    for (const [path, locale] of [
      [`/letters/${slug}/signatories`, "en"],
      [`/letters/${slug}/signatories?lang=es`, "es"],
      [`/letters/${slug}`, "en"],
      [`/letters/${slug}/embed?lang=es`, "es"],
    ] as const) {
      const t = messagesFor(locale);
      const document = parseHtml(await (await fetchApp(path)).text());
      const entries = document.querySelectorAll(".signatory-list li, .embed-signatories li");
      const entry = (name: string) => entries.find((li) => li.querySelector(".signatory-name")?.textContent === name);
      const mark = (name: string) => {
        expect(entry(name), `${path} ${name}`).toBeDefined();
        return entry(name)!.querySelector(".verified");
      };
      expect(mark("Fundación Justicia y Paz")?.getAttribute("title"), path).toBe(
        t.list.verifiedByDomain("fundacionjusticia.org"),
      );
      expect(mark("Fundación Justicia y Paz")?.querySelector(".visually-hidden")?.textContent, path).toBe(
        `(${t.list.verifiedByDomain("fundacionjusticia.org")})`,
      );
      expect(mark("Fundación Justicia y Paz")?.querySelector('[aria-hidden="true"]')?.textContent).toBe("✓");
      expect(mark("+Acumen")?.getAttribute("title"), path).toBe(t.list.verifiedByOrganizers);
      expect(mark("Unverified Collective"), path).toBeNull();
      expect(mark("Ana Pérez"), path).toBeNull();
    }
  });

  it("explain once on the signatories page what “verified” means, in its language", async () => {
    for (const locale of ["en", "es", "fr", "pt"] as const) {
      const document = parseHtml(await (await fetchApp(`/letters/${slug}/signatories?lang=${locale}`)).text());
      const t = messagesFor(locale);
      expect(texts(document, ".verified-explanation summary"), locale).toEqual([t.list.whatVerifiedMeans]);
      expect(texts(document, ".verified-explanation p"), locale).toEqual([t.list.verifiedExplained]);
    }
    // The letter's own page shows the marks (each with its words) without the explanation.
    expect(
      parseHtml(await (await fetchApp(`/letters/${slug}`)).text()).querySelector(".verified-explanation"),
    ).toBeNull();
  });

  it("carry an organization's website and verification in the JSON and the API, as the published schema says", async () => {
    const expected = {
      "Fundación Justicia y Paz": {
        website: "https://www.fundacionjusticia.org/",
        verified: { by: "email-domain", at: verifiedAt, domain: "fundacionjusticia.org" },
      },
      "+Acumen": { website: "https://acumen.org/", verified: { by: "organizers", at: verifiedAt, domain: null } },
      "Unverified Collective": { website: null, verified: null },
      "Lead Org": { website: null, verified: null },
      "Ana Pérez": { website: null, verified: null },
    };
    for (const path of [
      `/letters/${slug}.json`,
      `/letters/${slug}/signatories.json`,
      `/api/v1/letters/${slug}`,
      `/api/v1/letters/${slug}/signatories`,
      `/api/v1/letters/${slug}/signatories?kind=organization&country=HN`,
    ]) {
      const body = await (await fetchApp(path)).json<{ signatories: Record<string, unknown>[] }>();
      expect(body.signatories.length, path).toBeGreaterThan(0);
      for (const signatory of body.signatories) {
        expect(Object.keys(signatory).sort(), path).toEqual([
          "city",
          "country",
          "kind",
          "name",
          "organization",
          "ref",
          "signed_at",
          "title",
          "verified",
          "website",
        ]);
        expect(apiSchemas.Signatory.safeParse(signatory).success, path).toBe(true);
        expect(
          { website: signatory.website, verified: signatory.verified },
          `${path} ${String(signatory.name)}`,
        ).toEqual(expected[signatory.name as keyof typeof expected]);
      }
    }
  });
});

/** The public GET routes the router has, as registered (the organizer area is not public). */
function publicGetRoutes(): string[] {
  const found = new Set<string>();
  for (const route of app.routes) {
    if (route.method === "GET" && route.path !== "/admin" && !route.path.startsWith("/admin/")) found.add(route.path);
  }
  return [...found];
}

/** Public routes with nothing of any signature in them, or answering one signer only (never a public copy). */
const EXEMPT: Record<string, string> = {
  "/favicon.svg": "a static file",
  "/embed.js": "a static file",
  "/robots.txt": "names only the sitemap",
  "/.well-known/undersigned-record-key": "the record's key",
  "/api/v1": "describes the API",
  "/api/v1/openapi.json": "describes the API",
  "/api/v1/problems": "describes the API's problems",
  "/api/v1/problems/:kind": "describes one kind of problem",
  "/letters/:slug/signatures": "a 303 to the letter's form",
  "/letters/:slug/signed": "a signer's own thank-you page, never cached",
  "/letters/:slug/confirmed": "a signer's own page, never cached",
  "/letters/:slug/confirm": "a signer's own link, never cached",
  "/letters/:slug/withdraw": "a signer's own link, never cached",
  "/letters/:slug/withdrawn": "answered after a withdrawal",
  "/letters/:slug/unsubscribe": "a signer's own unsubscribe link, never cached",
  "/letters/:slug/unsubscribed": "answered after unsubscribing",
  "/letters/:slug/preview": "a draft's preview",
  "/dev/mail": "the local outbox",
  "/__bench/constant": "BENCH=1 only",
  "/__bench/stats": "BENCH=1 only",
  "/__bench/count/:slug": "BENCH=1 only",
  "/__bench/stats/statements": "BENCH=1 only",
  "/__bench/counter/:slug": "BENCH=1 only",
  "/__bench/record/:slug": "BENCH=1 only",
  "/__bench/webhooks/:slug": "BENCH=1 only",
  "/__bench/imports/:id{[0-9]{1,15}}": "BENCH=1 only",
  "/__bench/backfills": "BENCH=1 only",
};

describe("an organization's contact person", SLOW, () => {
  it("appears in no public output: pages, JSON, API, feeds, embed, record, versions, nor their cached copies", async () => {
    const record = await (
      await fetchApp(`/letters/${slug}/record.json`)
    ).json<{
      entries: { seq: number; name: string | null }[];
    }>();
    const seq = record.entries.find((entry) => entry.name === "Fundación Justicia y Paz")!.seq;
    const address = `${ORIGIN}/letters/${slug}`;
    const samples: Record<string, string[]> = {
      "/": ["/"],
      "/letters.json": ["/letters.json"],
      "/feed.atom": ["/feed.atom"],
      "/sitemap.xml": ["/sitemap.xml"],
      "/oembed": [`/oembed?url=${encodeURIComponent(address)}&format=json`],
      "/letters/:file{[^/]+\\.json}": [`/letters/${slug}.json`, `/letters/${slug}.json?lang=es`],
      "/letters/:slug": [`/letters/${slug}`, `/letters/${slug}?lang=es`],
      "/letters/:slug/signatories.json": [`/letters/${slug}/signatories.json`],
      "/letters/:slug/signatories": [`/letters/${slug}/signatories`, `/letters/${slug}/signatories?lang=fr`],
      "/letters/:slug/record.json": [`/letters/${slug}/record.json`],
      "/letters/:slug/record/:file{[^/]+\\.json}": [`/letters/${slug}/record/${seq}.json`],
      "/letters/:slug/record": [`/letters/${slug}/record`],
      "/letters/:slug/record/:seq": [`/letters/${slug}/record/${seq}`],
      "/letters/:slug/versions.json": [`/letters/${slug}/versions.json`],
      "/letters/:slug/versions": [`/letters/${slug}/versions`],
      "/letters/:slug/embed": [`/letters/${slug}/embed`, `/letters/${slug}/embed?lang=pt`],
      "/letters/:slug/embed/sign": [`/letters/${slug}/embed/sign`, `/letters/${slug}/embed/sign?lang=pt`],
      "/letters/:slug/feed.atom": [`/letters/${slug}/feed.atom`],
      "/letters/:slug/checkpoints": [`/letters/${slug}/checkpoints`],
      "/letters/:slug/record/consistency.json": [`/letters/${slug}/record/consistency.json?from=1`],
      "/api/v1/letters": ["/api/v1/letters"],
      "/api/v1/letters/:slug": [`/api/v1/letters/${slug}`],
      "/api/v1/letters/:slug/signatories": [
        `/api/v1/letters/${slug}/signatories`,
        `/api/v1/letters/${slug}/signatories?kind=organization&country=HN`,
      ],
      "/api/v1/letters/:slug/record": [`/api/v1/letters/${slug}/record`],
      "/api/v1/letters/:slug/counts": [`/api/v1/letters/${slug}/counts`],
      "/api/v1/letters/:slug/versions": [`/api/v1/letters/${slug}/versions`],
    };
    const routes = publicGetRoutes();
    expect(
      routes.filter((pattern) => !samples[pattern] && !EXEMPT[pattern] && !pattern.startsWith("/assets/")),
    ).toEqual([]);
    let organizationShown = 0;
    for (const paths of Object.values(samples)) {
      for (const path of paths) {
        // The first read renders and caches; the second is the cached copy.
        for (const read of ["rendered", "cached"]) {
          const response = await fetchApp(path);
          expect(response.status, path).toBe(200);
          if (read === "cached") expect(response.headers.get("X-Cache"), path).toBe("HIT");
          const body = await response.text();
          for (const secret of PRIVATE) expect(body, `${read} ${path}`).not.toContain(secret);
          if (body.includes("Fundación Justicia y Paz") || body.includes("Fundaci\\u00f3n")) organizationShown++;
        }
      }
    }
    // The organization itself is public: shown on the lists, the record and its entry.
    expect(organizationShown).toBeGreaterThan(20);
  });
});
