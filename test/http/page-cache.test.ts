import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appDeps } from "../../src/app/deps";
import { withdrawSignature } from "../../src/app/signature-links";
import { readSettings } from "../../src/env";
import { cacheKey, GENERATION_PARAM, generationUrl, publicCopiesAt } from "../../src/http/page-cache";
import { interceptDatabase } from "../../src/storage/database";
import { findPublishedLetter } from "../../src/storage/letters";
import {
  countingDatabase,
  createLetter,
  fetchApp,
  individual,
  ORIGIN,
  parseHtml,
  postSignature,
  stopClock,
  texts,
} from "../helpers";
import { seedSignatures } from "../seed";

afterEach(() => {
  vi.useRealTimers();
});

/** A page's HTML without its sign form's stamp, which every answer draws anew (http/form-stamps.ts). */
function withoutStamp(html: string): string {
  return html.replace(/(name="form_stamp" value=")[^"]*"/, '$1"');
}

/** The app with a D1 binding that counts queries. */
function counted() {
  const counter = countingDatabase(env.DB);
  const get = (path: string, init?: RequestInit) => fetchApp(path, { DB: counter.database }, init);
  return { counter, get };
}

describe("edge cache", () => {
  it.each([
    ["the letter page", (slug: string) => `/letters/${slug}`],
    ["the letter JSON", (slug: string) => `/letters/${slug}.json`],
    ["the signatories page", (slug: string) => `/letters/${slug}/signatories`],
    ["the signatories JSON", (slug: string) => `/letters/${slug}/signatories.json`],
  ])("serves %s from the cache on the second GET, with no D1 query", async (_, path) => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const { counter, get } = counted();
    const first = await get(path(letter.slug));
    expect(first.status).toBe(200);
    expect(first.headers.get("X-Cache")).toBe("MISS");
    expect(counter.queries()).toBeGreaterThan(0);
    const body = await first.text();
    counter.reset();
    const second = await get(path(letter.slug));
    expect(second.headers.get("X-Cache")).toBe("HIT");
    expect(withoutStamp(await second.text())).toBe(withoutStamp(body));
    expect(counter.queries()).toBe(0);
    expect(second.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(second.headers.get("ETag")).toBe(first.headers.get("ETag"));
    expect(second.headers.has("X-Rendered-At")).toBe(false);
  });

  it("serves the home page and /letters.json from the cache too", async () => {
    await createLetter();
    const { counter, get } = counted();
    for (const path of ["/", "/letters.json"]) {
      await get(path);
      counter.reset();
      const again = await get(path);
      expect(again.headers.get("X-Cache"), path).toBe("HIT");
      expect(counter.queries(), path).toBe(0);
    }
  });

  it("answers a conditional request with 304 and no body", async () => {
    const letter = await createLetter();
    const first = await fetchApp(`/letters/${letter.slug}`);
    const etag = first.headers.get("ETag")!;
    // Weak: each answer's sign form carries a stamp of its own (http/form-stamps.ts).
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{22}"$/);
    for (const ifNoneMatch of [etag, etag.slice(2), `"other", ${etag}`, "*"]) {
      const conditional = await fetchApp(`/letters/${letter.slug}`, {}, { headers: { "If-None-Match": ifNoneMatch } });
      expect(conditional.status, ifNoneMatch).toBe(304);
      expect(await conditional.text()).toBe("");
      expect(conditional.headers.get("ETag")).toBe(etag);
    }
    const changed = await fetchApp(`/letters/${letter.slug}`, {}, { headers: { "If-None-Match": '"something-else"' } });
    expect(changed.status).toBe(200);
  });

  it("keys the cache on the parameters that change the answer and ignores tracking ones", async () => {
    const letter = await createLetter();
    const { counter, get } = counted();
    await get(`/letters/${letter.slug}`);
    counter.reset();
    for (const query of [
      "?utm_source=newsletter&utm_medium=email",
      "?fbclid=abc",
      "?gclid=1&x=2",
      "?cursor=ignored-here",
    ]) {
      const response = await get(`/letters/${letter.slug}${query}`);
      expect(response.headers.get("X-Cache"), query).toBe("HIT");
    }
    expect(counter.queries()).toBe(0);
    // The key holds the values the route read, never the query as typed.
    expect(cacheKey("https://x.test/letters/a?utm_source=n&cursor=typed&z=1", { cursor: "B" })).toBe(
      "https://x.test/letters/a?cursor=B",
    );
    expect(cacheKey("https://x.test/letters/a?cursor=B&utm_campaign=y#top", { cursor: null, after: "" })).toBe(
      "https://x.test/letters/a",
    );
  });

  it("serves a stale copy once past its freshness while it re-renders, so a change it was not told of shows within one TTL", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const start = new Date("2030-01-01T00:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const { counter, get } = counted();
    await get(`/letters/${letter.slug}`);

    // Stored without telling this data center's cache, as a signature taken by another data center is.
    await seedSignatures(letter.slug, [{ name: "Late Signer" }]);
    const cachedCopy = await get(`/letters/${letter.slug}`);
    expect(cachedCopy.headers.get("X-Cache")).toBe("HIT");
    expect(await cachedCopy.text()).not.toContain("Late Signer");

    vi.setSystemTime(new Date(start.getTime() + 61_000));
    counter.reset();
    const stale = await get(`/letters/${letter.slug}`);
    expect(stale.headers.get("X-Cache")).toBe("STALE");
    expect(Number(stale.headers.get("Age"))).toBeGreaterThanOrEqual(61);
    expect(await stale.text()).not.toContain("Late Signer");
    expect(counter.queries()).toBeGreaterThan(0); // the refresh, in waitUntil

    counter.reset();
    const refreshed = await get(`/letters/${letter.slug}`);
    expect(refreshed.headers.get("X-Cache")).toBe("HIT");
    expect(counter.queries()).toBe(0);
    const document = parseHtml(await refreshed.text());
    expect(texts(document, ".signatory-list.individuals li")).toEqual(["Late Signer"]);

    vi.setSystemTime(new Date(start.getTime() + 61_000 + 61_000 + 601_000));
    const expired = await get(`/letters/${letter.slug}`);
    expect(expired.headers.get("X-Cache")).toBe("MISS");
  });

  it("shows a new signature in the JSON at once", async () => {
    const letter = await createLetter();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-01-01T00:00:00Z"));
    const before = await (await fetchApp(`/letters/${letter.slug}.json`)).json<{ counts: { total: number } }>();
    expect(before.counts.total).toBe(0);
    await postSignature(letter.slug, individual({ name: "Json Signer" }));
    const response = await fetchApp(`/letters/${letter.slug}.json`);
    expect(response.headers.get("X-Cache")).toBe("MISS");
    const after = await response.json<{ counts: { total: number }; signatories: { name: string }[] }>();
    expect(after.counts.total).toBe(1);
    expect(after.signatories.map((s) => s.name)).toEqual(["Json Signer"]);
  });

  it("never stores form answers, the thank-you page, errors, or anything when the cache is off", async () => {
    const letter = await createLetter();
    const { counter, get } = counted();
    const signed = await postSignature(letter.slug, individual());
    expect(signed.headers.get("X-Cache")).toBeNull();
    const thanks = await get(signed.headers.get("Location")!);
    expect(thanks.headers.get("Cache-Control")).toBe("private, no-store");
    expect(thanks.headers.get("X-Cache")).toBeNull();
    const invalid = await postSignature(letter.slug, { kind: "individual" });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("Cache-Control")).toBe("no-store");

    for (let attempt = 0; attempt < 2; attempt++) {
      const missing = await get("/letters/no-such-letter-here");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("Cache-Control")).toBe("no-store");
      expect(missing.headers.get("X-Cache")).toBeNull();
    }

    const uncached = { CACHE_MAX_AGE: "0" };
    await fetchApp(`/letters/${letter.slug}`, uncached);
    const again = await fetchApp(`/letters/${letter.slug}`, { ...uncached, DB: counter.database });
    expect(again.headers.get("X-Cache")).toBe("MISS");
    expect(again.headers.get("Cache-Control")).toBe("public, max-age=0");
  });

  it("stores no personal data in cached copies", async () => {
    const letter = await createLetter();
    await postSignature(letter.slug, individual({ name: "Private Person", email: "private.person@example.org" }));
    await fetchApp(`/letters/${letter.slug}`);
    await fetchApp(`/letters/${letter.slug}.json`);
    const generation = await (await caches.default.match(generationUrl(ORIGIN, { letter: letter.slug })!))!.text();
    for (const path of [`/letters/${letter.slug}`, `/letters/${letter.slug}.json`]) {
      const stored = await caches.default.match(cacheKey(`${ORIGIN}${path}`, { [GENERATION_PARAM]: generation }));
      expect(stored, path).toBeDefined();
      const body = await stored!.text();
      expect(body).toContain("Private Person");
      expect(body).not.toContain("private.person@example.org");
      expect(stored!.headers.has("Set-Cookie")).toBe(false);
    }
  });
});

describe("the hottest copies, in the Worker instance's memory", () => {
  it("serve the same page for a second without a Cache API lookup (its generation too), and a change passes them by", async () => {
    const letter = await createLetter();
    // A copy stays in memory for a second: with the clock stopped, a slow machine can't outlast it between requests.
    stopClock("2030-06-15T12:00:00.000Z");
    const path = `/letters/${letter.slug}`;
    const rendered = await (await fetchApp(path)).text();
    expect(await (await fetchApp(path)).text()).toBe(rendered); // from the Cache API, kept in memory
    const lookups = vi.spyOn(caches.default, "match");
    const again = [await fetchApp(path), await fetchApp(path)];
    expect(lookups).not.toHaveBeenCalled();
    for (const response of again) {
      expect(response.headers.get("X-Cache")).toBe("HIT");
      expect(await response.text()).toBe(rendered);
    }
    lookups.mockRestore();
    // What every change does: the letter gets a new generation, in memory too, so the copies kept are not read again.
    await seedSignatures(letter.slug, [{ name: "Soon Gone" }]);
    await publicCopiesAt(ORIGIN).letterChanged(letter.slug);
    const after = await fetchApp(path);
    expect(after.headers.get("X-Cache")).toBe("MISS");
    expect(await after.text()).toContain("Soon Gone");
  });
});

describe("a copy re-rendered while the letter changes", () => {
  it("is stored under the generation read before it was rendered, so the next reader never gets it", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const [signer] = await seedSignatures(letter.slug, [{ name: "Gone Meanwhile" }]);
    const path = `/api/v1/letters/${letter.slug}/signatories?kind=individual`;
    stopClock("2035-01-01T00:00:00.000Z");
    expect(await (await fetchApp(path)).text()).toContain("Gone Meanwhile");
    vi.setSystemTime(new Date("2035-01-01T00:01:01.000Z"));

    // The stale copy's refresh reads the signatories, then the signer withdraws before it stores its render.
    let withdrawn = false;
    const database = interceptDatabase(env.DB, async (call, invoke) => {
      const result = await invoke();
      if (!withdrawn && call.statements.some((statement) => statement.sql.includes("FROM signatures"))) {
        withdrawn = true;
        const deps = appDeps(env, readSettings(env), { publicCopies: publicCopiesAt(ORIGIN), origin: ORIGIN });
        await withdrawSignature(deps, (await findPublishedLetter(env.DB, letter.slug))!, signer!.withdrawToken);
      }
      return result;
    });
    const stale = await fetchApp(path, { DB: database });
    expect(stale.headers.get("X-Cache")).toBe("STALE");
    expect(withdrawn).toBe(true);

    const next = await fetchApp(path);
    expect(next.headers.get("X-Cache")).toBe("MISS");
    expect(await next.text()).not.toContain("Gone Meanwhile");
    vi.useRealTimers();
  });
});

describe("readers who miss the same copy at once", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("share one render (as all of a popular letter's readers do right after a change)", async () => {
    // The clock stands still: on a loaded machine the four requests can reach the render more than a
    // second apart (HOT_MS), and the fourth then renders again, rightly; here they count as "at once".
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date());
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const path = `/letters/${letter.slug}`;
    const { counter, get } = counted();
    await (await get(path)).body?.cancel();
    const oneRender = counter.queries();
    expect(oneRender).toBeGreaterThan(0);
    await publicCopiesAt(ORIGIN).letterChanged(letter.slug);
    counter.reset();
    const answers = await Promise.all([get(path), get(path), get(path), get(path)]);
    expect(counter.queries()).toBe(oneRender);
    const bodies = await Promise.all(answers.map((answer) => answer.text()));
    expect(answers.map((answer) => [answer.status, answer.headers.get("X-Cache")])).toEqual(
      Array(4).fill([200, "MISS"]),
    );
    expect(new Set(bodies).size).toBe(1);
  });
});

describe("a letter that closes while its page is cached", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is never served from the cache with its form after its closing time", async () => {
    const closesAt = new Date("2032-06-01T12:00:00.000Z");
    const letter = await createLetter({ closesAt: closesAt.toISOString() });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(closesAt.getTime() - 30_000));
    const open = await fetchApp(`/letters/${letter.slug}`);
    expect(open.headers.get("Cache-Control")).toBe("public, max-age=30");
    expect(parseHtml(await open.text()).querySelector("#sign form")).not.toBeNull();
    expect((await fetchApp(`/letters/${letter.slug}`)).headers.get("X-Cache")).toBe("HIT");
    const index = await fetchApp("/letters.json");
    expect(index.headers.get("Cache-Control")).toBe("public, max-age=30");

    vi.setSystemTime(new Date(closesAt.getTime() + 1_000));
    const closed = await fetchApp(`/letters/${letter.slug}`);
    expect(closed.headers.get("X-Cache")).toBe("MISS");
    const document = parseHtml(await closed.text());
    expect(document.querySelector("#sign form")).toBeNull();
    expect(texts(document, ".status")).toEqual(["Signing closed on June 1, 2032"]);
    const json = await (await fetchApp(`/letters/${letter.slug}.json`)).json<{ status: string }>();
    expect(json.status).toBe("closed");
    const list = await (await fetchApp("/letters.json")).json<{ letters: { slug: string; status: string }[] }>();
    expect(list.letters.find((entry) => entry.slug === letter.slug)?.status).toBe("closed");
  });
});
