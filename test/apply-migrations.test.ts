/**
 * The worker project's files share a workerd (vitest.config.ts, isolate: false): what
 * test/apply-migrations.ts does before each file must leave nothing of an earlier file behind.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { createLetter } from "./helpers";

/** Runs the per-file setup again, as Vitest does before the next file. */
async function nextFile(): Promise<void> {
  vi.resetModules();
  await import("./apply-migrations");
}

async function tables(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name",
  ).all<{ name: string }>();
  return results.map(({ name }) => name);
}

// Each test runs the whole setup again (every migration), which takes seconds on a busy machine.
describe("before each test file", { timeout: 60_000 }, () => {
  it("starts from the database migrations/ makes, with its seeded rows, and nothing an earlier file wrote", async () => {
    const schema = await tables();
    const { results: migrations } = await env.DB.prepare("SELECT name FROM d1_migrations ORDER BY id").all();
    expect(migrations).toHaveLength(env.TEST_MIGRATIONS.length);
    await createLetter();
    await env.DB.prepare(
      "INSERT INTO organizers (email, name, role) VALUES ('someone@example.org', 'Someone', 'editor')",
    ).run();
    await env.DB.exec("CREATE TABLE left_behind (id INTEGER PRIMARY KEY)");

    await nextFile();

    expect(await tables()).toEqual(schema);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM letters").first("n")).toBe(0);
    expect((await env.DB.prepare("SELECT id, email, role FROM organizers").all()).results).toEqual([
      { id: 1, email: null, role: "owner" },
    ]);
    expect((await env.DB.prepare("SELECT name FROM d1_migrations ORDER BY id").all()).results).toEqual(migrations);
    // AUTOINCREMENT counts again from the start, as in a database of its own.
    await env.DB.prepare(
      "INSERT INTO organizers (email, name, role) VALUES ('next@example.org', 'Next', 'viewer')",
    ).run();
    expect(await env.DB.prepare("SELECT id FROM organizers WHERE email = 'next@example.org'").first("id")).toBe(2);
  });

  it("empties the Cache API, the default cache and opened ones", async () => {
    const named = await caches.open("some-cache");
    const copy = () => new Response("copy", { headers: { "Cache-Control": "max-age=600" } });
    await caches.default.put("https://undersigned.test/a-page", copy());
    await caches.default.put(new Request("https://undersigned.test/another-page"), copy());
    await named.put(new URL("https://undersigned.test/a-page"), copy());
    expect(await caches.default.match("https://undersigned.test/a-page")).toBeDefined();

    await nextFile();

    expect(await caches.default.match("https://undersigned.test/a-page")).toBeUndefined();
    expect(await caches.default.match("https://undersigned.test/another-page")).toBeUndefined();
    expect(await (await caches.open("some-cache")).match("https://undersigned.test/a-page")).toBeUndefined();
  });

  it("evaluates the modules again and puts back the real clock and stubbed globals", async () => {
    const before = await import("../src/storage/letters");
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2001-01-01T00:00:00.000Z") });
    vi.stubGlobal("fetch", () => Promise.reject(new Error("stubbed")));
    const stubbed = globalThis.fetch;

    await nextFile();

    expect(await import("../src/storage/letters")).not.toBe(before);
    expect(new Date().getUTCFullYear()).toBeGreaterThan(2001);
    expect(globalThis.fetch).not.toBe(stubbed);
  });
});
