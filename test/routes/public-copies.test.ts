/**
 * Every public copy tells the same story at once (issue 12, section 4).
 *
 * The public GET routes are read from the app's router (`app.routes`), not
 * from a hand-kept list. Each one either has samples here — its addresses
 * with every kind of variant a cache key can hold (languages by ?lang= and by
 * Accept-Language, cursors, kind, country, source, sizes) — or is exempt,
 * with its reason checked: never cached (no X-Cache), or naming no letter.
 * A route that is neither fails the test, so the next route can't be
 * forgotten.
 *
 * With CACHE_MAX_AGE at 60 s and the clock stopped, every sample is cached
 * (a HIT), then a change is made through HTTP as people make it (a signer
 * withdraws, an organizer hides a name, an organizer edits the title, the
 * closing time passes), or by the minute job (a checkpoint of the record
 * signed): the next GET of every sample renders anew (MISS) and
 * is exactly what an uncached render gives, and a removed name is gone from
 * it. Each route's samples must change under at least one of the changes, so
 * that a sample proves something.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import worker, { app } from "../../src/index";
import { FORM_STAMP_FIELD } from "../../src/domain/bots";
import {
  createLetter,
  fetchApp,
  logIn,
  ORIGIN,
  organizerPost,
  parseHtml,
  postForm,
  postSignature,
  signatureRows,
  stopClock,
  translation,
  type OrganizerSession,
} from "../helpers";

/** Each step reads every sample (about 40 addresses) a few times: more than Vitest's 5 s on a busy machine. */
const SLOW = { timeout: 120_000 };

/** Two signatories a page, so that cursors lead somewhere with a handful of them. */
const SETTINGS = { CACHE_MAX_AGE: "60", SIGNATORIES_PER_PAGE: "2" } as const;
const UNCACHED = { ...SETTINGS, CACHE_MAX_AGE: "0" } as const;

const START = Date.parse("2031-05-05T12:00:15.000Z");
/** The letter closes 45 s after the clock is stopped: every copy of it (and of the lists) must end then. */
const CLOSES_AT = "2031-05-05T12:01:00.000Z";
const UNTIL_CLOSING = 45;

interface Sample {
  path: string;
  headers?: Record<string, string>;
}

/** Why a route is exempt: checked for each of its samples. */
type Exemption =
  | { notCached: string } // its answers never go through the edge cache: no X-Cache
  | { namesNoLetter: string }; // cached, but no letter's change alters it: neither the letter's slug nor its title is in it

const EXEMPT: Record<string, Exemption> = {
  "/favicon.svg": { namesNoLetter: "a static file" },
  "/embed.js": { namesNoLetter: "the partners' script, a static file" },
  "/robots.txt": { namesNoLetter: "names only the sitemap" },
  "/.well-known/undersigned-record-key": { namesNoLetter: "the key that signs every letter's checkpoints" },
  "/api/v1": { namesNoLetter: "describes the API for people" },
  "/api/v1/openapi.json": { namesNoLetter: "describes the API for tools" },
  "/api/v1/problems": { namesNoLetter: "the API's problem types" },
  "/api/v1/problems/:kind": { namesNoLetter: "one kind of problem of the API" },
  "/letters/:slug/signatures": { notCached: "a 303 to the letter's form" },
  "/letters/:slug/signed": { notCached: "a signer's thank-you page: private" },
  "/letters/:slug/confirmed": { notCached: "a signer's page: private" },
  "/letters/:slug/confirm": { notCached: "a signer's link: private" },
  "/letters/:slug/withdraw": { notCached: "a signer's link: private" },
  "/letters/:slug/withdrawn": { notCached: "answered after a withdrawal" },
  "/letters/:slug/unsubscribe": { notCached: "a signer's unsubscribe link: private" },
  "/letters/:slug/unsubscribed": { notCached: "answered after unsubscribing" },
  "/letters/:slug/preview": { notCached: "a draft's preview, for the people given its key" },
  "/dev/mail": { notCached: "the local outbox (MAILER=local on a local address only)" },
  "/__bench/constant": { notCached: "BENCH=1 only" },
  "/__bench/stats": { notCached: "BENCH=1 only" },
  "/__bench/count/:slug": { notCached: "BENCH=1 only" },
  "/__bench/stats/statements": { notCached: "BENCH=1 only" },
  "/__bench/counter/:slug": { notCached: "BENCH=1 only" },
  "/__bench/record/:slug": { notCached: "BENCH=1 only" },
  "/__bench/webhooks/:slug": { notCached: "BENCH=1 only" },
  "/__bench/imports/:id{[0-9]{1,15}}": { notCached: "BENCH=1 only" },
  "/__bench/backfills": { notCached: "BENCH=1 only" },
};

/** Static files under /assets/ have hashed names: exempt by their prefix. */
function exemption(pattern: string): Exemption | undefined {
  if (pattern.startsWith("/assets/")) return { namesNoLetter: "a static file with a hashed name" };
  return EXEMPT[pattern];
}

function isOrganizerPath(path: string): boolean {
  return path === "/admin" || path.startsWith("/admin/");
}

/** The public GET routes the router has, as registered. */
function publicGetRoutes(): string[] {
  const found = new Set<string>();
  for (const route of app.routes) if (route.method === "GET" && !isOrganizerPath(route.path)) found.add(route.path);
  return [...found];
}

const ORGANIZATION_TO_WITHDRAW = "Soon Gone Org";
const INDIVIDUAL_TO_HIDE = "Hide Me Person";

let slug = "";
let session: OrganizerSession;
let withdrawLink = "";
/** The samples of each route pattern (filled once the letter and its signatories exist). */
let samples: Record<string, Sample[]> = {};

const get = (sample: Sample) => fetchApp(sample.path, SETTINGS, { headers: sample.headers });
const uncached = (sample: Sample) => fetchApp(sample.path, UNCACHED, { headers: sample.headers });

/** A body with the sign form's stamp left out (a detail of bot checks, drawn per render). */
function comparable(body: string): string {
  return body.replace(new RegExp(`(name="${FORM_STAMP_FIELD}"[^>]*value=")[^"]*`, "g"), "$1");
}

function describeSample(sample: Sample): string {
  return `${sample.path}${sample.headers ? ` ${JSON.stringify(sample.headers)}` : ""}`;
}

async function nextCursor(path: string): Promise<string> {
  const page = await (await uncached({ path })).json<{ next_cursor: string | null }>();
  if (!page.next_cursor) throw new Error(`No next page after ${path}`);
  return page.next_cursor;
}

beforeAll(async () => {
  stopClock(START);
  const letter = await createLetter({
    title: "Letter on public copies",
    organizations: ["Org One"],
    individuals: ["Early One", "Early Two"],
    closesAt: CLOSES_AT,
    translations: [translation("es", "Carta sobre las copias públicas", "Pedimos copias fieles.")],
  });
  slug = letter.slug;
  const signed = await postSignature(
    slug,
    {
      kind: "organization",
      organization_name: ORGANIZATION_TO_WITHDRAW,
      contact_name: "Soon Gone",
      authorized: "on",
      email: "soon-gone@example.org",
      country: "HN",
    },
    { env: SETTINGS },
  );
  expect(signed.status).toBe(303);
  const thanks = parseHtml(await (await fetchApp(signed.headers.get("Location")!, SETTINGS)).text());
  withdrawLink = thanks.querySelector('a[href*="/withdraw?token="]')!.getAttribute("href")!;
  expect(
    (
      await postSignature(
        slug,
        { kind: "individual", name: INDIVIDUAL_TO_HIDE, email: "hide-me@example.org", country: "HN" },
        { env: SETTINGS, query: { embed: "1", source: "partner-a" } },
      )
    ).status,
  ).toBe(303);
  session = await logIn();

  // The listing, two a page: Org One, Soon Gone Org | Early One, Early Two | Hide Me Person.
  const afterOrganizations = await nextCursor(`/letters/${slug}/signatories.json`);
  const afterEarly = await nextCursor(`/letters/${slug}/signatories.json?cursor=${afterOrganizations}`);
  const individualsAfterEarly = await nextCursor(`/api/v1/letters/${slug}/signatories?kind=individual`);
  const address = `${ORIGIN}/letters/${slug}`;
  const oembed = (url: string, extra = "") => ({
    path: `/oembed?url=${encodeURIComponent(url)}&format=json${extra}`,
  });
  samples = {
    "/": [{ path: "/" }],
    "/letters.json": [{ path: "/letters.json" }],
    "/feed.atom": [{ path: "/feed.atom" }],
    "/sitemap.xml": [{ path: "/sitemap.xml" }],
    // One sample per cached copy: a partner's source, or the card's address for the page's, is the same copy.
    "/oembed": [
      oembed(address),
      oembed(address, "&maxwidth=300&maxheight=500"),
      oembed(`${address}/embed?lang=es&source=partner-a`),
    ],
    "/letters/:file{[^/]+\\.json}": [{ path: `/letters/${slug}.json` }, { path: `/letters/${slug}.json?lang=es` }],
    "/letters/:slug": [
      { path: `/letters/${slug}` },
      { path: `/letters/${slug}?lang=es` },
      { path: `/letters/${slug}`, headers: { "Accept-Language": "es-MX,es;q=0.9" } },
      { path: `/letters/${slug}`, headers: { "Accept-Language": "fr, en;q=0.5" } },
    ],
    "/letters/:slug/signatories.json": [
      { path: `/letters/${slug}/signatories.json` },
      { path: `/letters/${slug}/signatories.json?cursor=${afterOrganizations}` },
      { path: `/letters/${slug}/signatories.json?cursor=${afterEarly}` },
    ],
    "/letters/:slug/signatories": [
      { path: `/letters/${slug}/signatories` },
      { path: `/letters/${slug}/signatories?cursor=${afterEarly}` },
      { path: `/letters/${slug}/signatories?cursor=${afterEarly}&lang=es` },
      { path: `/letters/${slug}/signatories?cursor=${afterOrganizations}`, headers: { "Accept-Language": "es" } },
    ],
    "/letters/:slug/record.json": [
      { path: `/letters/${slug}/record.json` },
      { path: `/letters/${slug}/record.json?after=3` },
    ],
    // Entry 6 is the signature to withdraw (after the text in two languages and three signatories).
    "/letters/:slug/record/:file{[^/]+\\.json}": [{ path: `/letters/${slug}/record/6.json` }],
    "/letters/:slug/record": [{ path: `/letters/${slug}/record` }, { path: `/letters/${slug}/record?lang=es` }],
    "/letters/:slug/record/:seq": [
      { path: `/letters/${slug}/record/6` },
      { path: `/letters/${slug}/record/6?lang=es` },
    ],
    "/letters/:slug/versions.json": [{ path: `/letters/${slug}/versions.json` }],
    "/letters/:slug/versions": [
      { path: `/letters/${slug}/versions` },
      { path: `/letters/${slug}/versions?lang=es` },
      { path: `/letters/${slug}/versions`, headers: { "Accept-Language": "es" } },
    ],
    "/letters/:slug/embed": [
      { path: `/letters/${slug}/embed` },
      { path: `/letters/${slug}/embed?lang=es` },
      { path: `/letters/${slug}/embed?source=partner-a`, headers: { "Accept-Language": "es" } },
    ],
    "/letters/:slug/embed/sign": [
      { path: `/letters/${slug}/embed/sign` },
      { path: `/letters/${slug}/embed/sign?source=partner-b&lang=es` },
      { path: `/letters/${slug}/embed/sign?source=partner-a`, headers: { "Accept-Language": "es" } },
    ],
    "/letters/:slug/feed.atom": [{ path: `/letters/${slug}/feed.atom` }],
    "/letters/:slug/checkpoints": [
      { path: `/letters/${slug}/checkpoints` },
      { path: `/letters/${slug}/checkpoints?before=5` },
    ],
    "/letters/:slug/record/consistency.json": [
      { path: `/letters/${slug}/record/consistency.json?from=3` },
      { path: `/letters/${slug}/record/consistency.json?from=1&to=4` },
    ],
    "/api/v1/letters": [
      { path: "/api/v1/letters" },
      { path: "/api/v1/letters?status=open" },
      { path: "/api/v1/letters?status=closed" },
    ],
    "/api/v1/letters/:slug": [{ path: `/api/v1/letters/${slug}` }, { path: `/api/v1/letters/${slug}?lang=es` }],
    "/api/v1/letters/:slug/signatories": [
      { path: `/api/v1/letters/${slug}/signatories` },
      { path: `/api/v1/letters/${slug}/signatories?kind=organization` },
      { path: `/api/v1/letters/${slug}/signatories?kind=individual` },
      { path: `/api/v1/letters/${slug}/signatories?kind=individual&cursor=${individualsAfterEarly}` },
      { path: `/api/v1/letters/${slug}/signatories?cursor=${afterEarly}` },
      { path: `/api/v1/letters/${slug}/signatories?country=HN` },
      { path: `/api/v1/letters/${slug}/signatories?country=hn&kind=organization` },
    ],
    "/api/v1/letters/:slug/record": [
      { path: `/api/v1/letters/${slug}/record` },
      { path: `/api/v1/letters/${slug}/record?after=3` },
    ],
    "/api/v1/letters/:slug/counts": [{ path: `/api/v1/letters/${slug}/counts` }],
    "/api/v1/letters/:slug/versions": [{ path: `/api/v1/letters/${slug}/versions` }],
  };
}, SLOW.timeout);

afterAll(() => {
  vi.useRealTimers();
});

/** Every sample's body as the cache serves it now. */
type Bodies = Map<Sample, string>;

/** Reads every sample twice: the second must be a HIT (the copy a change has to pass by). */
async function cacheEverySample(): Promise<Bodies> {
  const bodies: Bodies = new Map();
  for (const list of Object.values(samples)) {
    for (const sample of list) {
      const first = await get(sample);
      expect(first.status, describeSample(sample)).toBe(200);
      await first.body?.cancel();
      const second = await get(sample);
      expect(second.headers.get("X-Cache"), describeSample(sample)).toBe("HIT");
      bodies.set(sample, await second.text());
    }
  }
  return bodies;
}

/** Which route patterns had a sample whose body changed, over the whole file. */
const changedRoutes = new Set<string>();

/**
 * After a change, every sample's next GET renders anew and is exactly an
 * uncached render; `gone` must be in none of them (but those `keeps` allows).
 */
async function expectEverySampleTrue(
  before: Bodies,
  gone: string | null,
  keeps: (sample: Sample) => boolean = () => false,
) {
  if (gone) expect([...before.values()].filter((body) => body.includes(gone)).length).toBeGreaterThan(10);
  for (const [pattern, list] of Object.entries(samples)) {
    for (const sample of list) {
      const what = describeSample(sample);
      const response = await get(sample);
      expect(response.headers.get("X-Cache"), what).toBe("MISS");
      const body = await response.text();
      expect(comparable(body), what).toBe(comparable(await (await uncached(sample)).text()));
      if (gone && !keeps(sample)) expect(body, what).not.toContain(gone);
      if (comparable(body) !== comparable(before.get(sample)!)) changedRoutes.add(pattern);
    }
  }
}

describe("the public GET routes the router has", SLOW, () => {
  it("are each either sampled here or exempt, and nothing here is a route that no longer exists", () => {
    const routes = publicGetRoutes();
    expect(routes.length).toBeGreaterThan(15);
    const unaccounted = routes.filter((pattern) => !samples[pattern] && !exemption(pattern));
    expect(unaccounted, "routes neither refreshed by the rule (sampled here) nor exempt").toEqual([]);
    const stale = [...Object.keys(samples), ...Object.keys(EXEMPT)].filter((pattern) => !routes.includes(pattern));
    expect(stale, "entries for routes the router does not have").toEqual([]);
    expect(Object.keys(samples).filter((pattern) => EXEMPT[pattern])).toEqual([]);
  });

  it("exempt ones are what their reason says: never cached, or naming no letter", async () => {
    for (const pattern of publicGetRoutes()) {
      const reason = exemption(pattern);
      if (!reason) continue;
      const path = pattern.replace(":slug", slug);
      const response = await fetchApp(path, SETTINGS, { redirect: "manual" });
      const body = await response.text();
      if ("notCached" in reason) {
        expect(response.headers.get("X-Cache"), path).toBeNull();
      } else {
        expect(body, path).not.toContain(slug);
        expect(body, path).not.toContain("Letter on public copies");
      }
    }
  });
});

describe("after each change, every cached copy of every sampled route", SLOW, () => {
  it("ends at the letter's closing time, like the letter (max-age no longer than the time left)", async () => {
    for (const list of Object.values(samples)) {
      for (const sample of list) {
        const response = await get(sample);
        expect(response.headers.get("Cache-Control"), describeSample(sample)).toBe(`public, max-age=${UNTIL_CLOSING}`);
        await response.body?.cancel();
      }
    }
  });

  it("is rendered anew when a signer withdraws, and the name is gone from all of them", async () => {
    const before = await cacheEverySample();
    const page = parseHtml(await (await fetchApp(withdrawLink, SETTINGS)).text());
    const form = page.querySelector("main form")!;
    const token = form.querySelector('input[name="token"]')!.getAttribute("value")!;
    expect((await postForm(form.getAttribute("action")!, { token }, SETTINGS)).status).toBe(303);
    await expectEverySampleTrue(before, ORGANIZATION_TO_WITHDRAW, (sample) => !hasListing(sample));
  });

  it("is rendered anew when an organizer hides a name, and the name is gone from every list", async () => {
    const before = await cacheEverySample();
    const ref = (await signatureRows(slug)).find((row) => row.name === INDIVIDUAL_TO_HIDE)!.token as string;
    const hidden = await organizerPost(session, `/admin/letters/${slug}/signatures/${ref}/hide`, {});
    expect(hidden.status).toBe(303);
    // The record keeps a hidden signature's entry (a restore brings it back); every list drops it.
    await expectEverySampleTrue(
      before,
      INDIVIDUAL_TO_HIDE,
      (sample) => !hasListing(sample) || /record/.test(sample.path),
    );
  });

  it("is rendered anew when an organizer marks an organization verified by hand", async () => {
    const before = await cacheEverySample();
    const ref = (await signatureRows(slug)).find((row) => row.name === "Org One")!.token as string;
    const verified = await organizerPost(session, `/admin/letters/${slug}/signatures/${ref}/verify`, {});
    expect(verified.status).toBe(303);
    await expectEverySampleTrue(before, null);
  });

  it("is rendered anew when the minute job signs a checkpoint of the record that moved", async () => {
    const before = await cacheEverySample();
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }),
      { ...env, ...SETTINGS, PUBLIC_URL: ORIGIN },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    await expectEverySampleTrue(before, null);
  });

  it("is rendered anew when an organizer edits the letter's title", async () => {
    const before = await cacheEverySample();
    const saved = await organizerPost(session, `/admin/letters/${slug}`, {
      title: "Letter on faithful copies",
      slug,
      date: "2017-12-20",
      language: "en",
      addressee: "The Honorable Someone\nSecretary General",
      body: "Dear Secretary General:\n\nWe, the undersigned organizations, ask for a fair process.\n\nSincerely,",
      summary: "Organizations ask for a fair process.",
      confirm_signatures: "default",
      closes_at: CLOSES_AT.slice(0, 16),
    });
    expect(saved.status).toBe(303);
    await expectEverySampleTrue(before, "Letter on public copies", (sample) => !hasTitle(sample));
  });

  it("is rendered anew once the closing time has passed: no copy offers the form any more", async () => {
    const before = await cacheEverySample();
    vi.setSystemTime(Date.parse(CLOSES_AT) + 1_000);
    await expectEverySampleTrue(before, null);
    for (const sample of samples["/letters/:slug/embed"]!) {
      const card = parseHtml(await (await get(sample)).text());
      expect(card.querySelector('form[action*="/signatures"]'), describeSample(sample)).toBeNull();
    }
  });

  it("(each sampled route changed under at least one of the changes above, so its samples prove something)", () => {
    expect(Object.keys(samples).filter((pattern) => !changedRoutes.has(pattern))).toEqual([]);
  });
});

/** Whether a sample lists signatories by name (the others show counts, titles or nothing of a signature). */
function hasListing({ path }: Sample): boolean {
  return /\/letters\/[^/?]+(?:\.json)?(?:\?|$)|signatories|record|embed/.test(path) && !path.startsWith("/oembed");
}

/**
 * Whether a sample shows the letter's original title (a translation shows its
 * own; the versions keep every title the letter had).
 */
function hasTitle({ path, headers }: Sample): boolean {
  return !/lang=es|record|counts|status=closed|versions/.test(path) && !headers?.["Accept-Language"]?.startsWith("es");
}
