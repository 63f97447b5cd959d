/** The benchmark's routes exist only when BENCH=1 (npm run bench); everywhere else they are 404s. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countBenchQueries } from "../../src/routes/bench";
import { seedLetterStatements } from "../../src/storage/seed";
import {
  createLetter,
  fetchApp,
  fetchWorker,
  individual,
  letterRow,
  parseHtml,
  postSignature,
  recordingQueue,
  runStatements,
  signatureRows,
  submitForm,
} from "../helpers";

describe("bench routes", () => {
  it("are 404s without BENCH=1", async () => {
    for (const [method, path] of [
      ["GET", "/__bench/stats"],
      ["GET", "/__bench/constant"],
      ["POST", "/__bench/insert"],
      ["GET", "/__bench/count/x"],
      ["GET", "/__bench/counter/x"],
      ["POST", "/__bench/missing/x"],
      ["GET", "/__bench/stats/statements"],
      ["GET", "/__bench/record/x"],
      ["GET", "/__bench/webhooks/x"],
      ["GET", "/__bench/imports/1"],
      ["GET", "/__bench/backfills"],
      ["POST", "/__bench/age"],
      ["POST", "/__bench/signatures/x?count=1&status=counted"],
    ] as const) {
      expect((await fetchWorker(path, { method })).status, path).toBe(404);
    }
  });

  it("are 404s without BENCH=1 under any method, never a 405 whose Allow says they exist", async () => {
    for (const [method, path] of [
      ["GET", "/__bench/insert"],
      ["GET", "/__bench/age"],
      ["GET", "/__bench/setup"],
      ["GET", "/__bench/signatures/x"],
      ["PUT", "/__bench/stats"],
      ["POST", "/__bench/stats"],
      ["DELETE", "/__bench/constant"],
    ] as const) {
      const response = await fetchWorker(path, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get("Allow"), `${method} ${path}`).toBeNull();
    }
    // With BENCH=1 the 405 stands, as on any other path.
    expect((await fetchApp("/__bench/insert", { BENCH: "1" })).status).toBe(405);
  });

  it("answer a body that is not a JSON array of strings with a 400 that says what to send, with BENCH=1", async () => {
    const letter = await createLetter({ organizations: ["Lead Org"] });
    const before = await signatureRows(letter.slug);
    for (const path of [`/__bench/missing/${letter.slug}`, "/__bench/age"]) {
      for (const body of ["not json", "", "null", "{}", '{"a":1}', "[1,2]", '"text"']) {
        const response = await fetchApp(
          path,
          { BENCH: "1" },
          { method: "POST", headers: { "content-type": "application/json" }, body },
        );
        expect(response.status, `${path} ${body}`).toBe(400);
        expect(await response.text(), `${path} ${body}`).toMatch(/JSON array of (emails|slugs)/);
      }
    }
    expect(await signatureRows(letter.slug)).toEqual(before);
  });

  it("ignore X-Bench-Bypass-Cache without BENCH=1", async () => {
    const letter = await createLetter();
    await fetchApp(`/letters/${letter.slug}`);
    const again = await fetchApp(`/letters/${letter.slug}`, {}, { headers: { "X-Bench-Bypass-Cache": "1" } });
    expect(again.headers.get("X-Cache")).toBe("HIT");
  });

  it("count queries, bypass the cache and insert bare rows with BENCH=1, on a seeded letter with exact counters", async () => {
    const bench = { BENCH: "1" };
    expect((await fetchApp("/__bench/stats", bench)).status).toBe(200);
    await fetchApp("/__bench/setup", bench, { method: "POST" });
    await runStatements(await seedLetterStatements("bench-seeded", 20, 2_500));
    expect(await (await fetchApp("/__bench/count/bench-seeded", bench)).json()).toMatchObject({
      counter_total: 2_520,
      counter_organizations: 20,
      counter_individuals: 2_500,
      rows_confirmed: 2_520,
      duplicated_emails: 0,
    });
    await fetchApp("/__bench/stats/reset", bench, { method: "POST" });
    const page = await fetchApp("/letters/bench-seeded", bench, { headers: { "X-Bench-Bypass-Cache": "1" } });
    expect(page.headers.get("X-Cache")).toBe("MISS");
    expect(await (await fetchApp("/__bench/stats", bench)).json()).toMatchObject({
      queries: 3,
      calls: 3,
      rows_written: 0,
      calls_without_rows: 0,
    });
    const again = await fetchApp("/letters/bench-seeded", bench, { headers: { "X-Bench-Bypass-Cache": "1" } });
    expect(again.headers.get("X-Cache")).toBe("MISS");
    expect((await fetchApp("/__bench/insert", bench, { method: "POST" })).status).toBe(303);
  });

  it("count the rows D1 reports read and written, exactly as D1 reports them, and reset them", async () => {
    const bench = { BENCH: "1" };
    const stats = async () => (await fetchApp("/__bench/stats", bench)).json();
    const reset = async () => (await fetchApp("/__bench/stats/reset", bench, { method: "POST" })).json();
    const zero = { queries: 0, calls: 0, rows_read: 0, rows_written: 0, calls_without_rows: 0 };
    await fetchApp("/__bench/setup", bench, { method: "POST" });
    // The same INSERT straight to D1 says what one costs.
    const insert = "INSERT INTO bench_inserts (value) VALUES (?1)";
    const direct = await env.DB.prepare(insert).bind("direct").run();
    expect(direct.meta.rows_written).toBeGreaterThanOrEqual(1);
    expect(await reset()).toEqual(zero);
    expect((await fetchApp("/__bench/insert", bench, { method: "POST" })).status).toBe(303);
    expect(await stats()).toEqual({
      ...zero,
      queries: 1,
      calls: 1,
      rows_read: direct.meta.rows_read,
      rows_written: direct.meta.rows_written,
    });

    // .first() is made with .all() to see its rows, and answers as before; a batch counts each result.
    await reset();
    const counted = countBenchQueries(env.DB);
    const count = "SELECT count(*) AS n FROM bench_inserts";
    const none = "SELECT * FROM bench_inserts WHERE value = ?1";
    const countCost = (await env.DB.prepare(count).all()).meta;
    const noneCost = (await env.DB.prepare(none).bind("nobody").all()).meta;
    expect(countCost.rows_read).toBeGreaterThan(0);
    expect(await counted.prepare(count).first()).toEqual({ n: 2 });
    expect(await counted.prepare(count).first("n")).toBe(2);
    expect(await counted.prepare(none).bind("nobody").first()).toBeNull();
    expect(await stats()).toEqual({
      ...zero,
      queries: 3,
      calls: 3,
      rows_read: 2 * countCost.rows_read + noneCost.rows_read,
    });
    await reset();
    const batch = await counted.batch([counted.prepare(insert).bind("one"), counted.prepare(insert).bind("two")]);
    expect(batch).toHaveLength(2);
    expect(await stats()).toEqual({
      ...zero,
      queries: 2,
      calls: 1,
      rows_read: batch[0]!.meta.rows_read + batch[1]!.meta.rows_read,
      rows_written: 2 * direct.meta.rows_written,
    });
    // Statement by statement: the two inserts of the batch under their one SQL.
    const statements = await (
      await fetchApp("/__bench/stats/statements", bench)
    ).json<{ sql: string; calls: number; rows_read: number; rows_written: number }[]>();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ sql: insert, calls: 2, rows_written: 2 * direct.meta.rows_written });
    expect(await reset()).toEqual(zero);
    expect(await stats()).toEqual(zero);
    expect(await (await fetchApp("/__bench/stats/statements", bench)).json()).toEqual([]);
  });

  it("say where a letter's record, webhooks and imports stand, and date seeded signatures, with BENCH=1", async () => {
    const bench = { BENCH: "1" };
    const letter = await createLetter({ organizations: ["Lead Org"] });
    const json = async (path: string, init?: RequestInit): Promise<unknown> =>
      (await fetchApp(path, bench, init)).json();
    const record = (await json(`/__bench/record/${letter.slug}`)) as { record_length: number; record_sealed: number };
    expect(record.record_length).toBeGreaterThan(0);
    expect(record.record_sealed).toBeLessThanOrEqual(record.record_length);
    expect(await json(`/__bench/webhooks/${letter.slug}`)).toEqual({});
    expect(await json("/__bench/imports/999999999")).toBeNull();
    const { awaiting } = (await json("/__bench/backfills")) as { awaiting: number };
    expect(awaiting).toBeGreaterThanOrEqual(0);
    const dated = await json("/__bench/age", { method: "POST", body: JSON.stringify([letter.slug]) });
    expect(dated).toEqual({ dated: 1 });
    const [row] = await signatureRows(letter.slug);
    expect(Date.parse(String(row!.created_at))).toBeLessThan(Date.now() - 86_000_000);
  });

  it("let X-Bench-Signature-Writes pick the signing path only with BENCH=1", async () => {
    const letter = await createLetter();
    const { queue, sent } = recordingQueue();
    const headers = { "X-Bench-Signature-Writes": "queue" };
    expect((await postSignature(letter.slug, individual(), { headers, env: { SIGN_QUEUE: queue } })).status).toBe(303);
    expect(sent).toHaveLength(0);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
    expect(
      (await postSignature(letter.slug, individual(), { headers, env: { SIGN_QUEUE: queue, BENCH: "1" } })).status,
    ).toBe(303);
    expect(sent).toHaveLength(1);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
  });

  it("tell which of the emails answered 303 have no signature", async () => {
    const letter = await createLetter();
    const signer = individual();
    expect((await postSignature(letter.slug, signer)).status).toBe(303);
    const response = await fetchApp(
      `/__bench/missing/${letter.slug}`,
      { BENCH: "1" },
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify([signer.email, "never-signed@example.org"]),
      },
    );
    expect(await response.json()).toEqual({ missing: 1 });
  });

  it("store signatures whose links confirm and withdraw them through the signer's pages, with BENCH=1", async () => {
    const bench = { BENCH: "1" };
    const letter = await createLetter();
    const store = async (query: string) =>
      fetchApp(`/__bench/signatures/${letter.slug}?${query}`, bench, { method: "POST" });
    const links = async (query: string) =>
      (await (await store(query)).json<{ links: { confirm: string; withdraw: string }[] }>()).links;
    // Pressing the button of the page a link opens, as the signer does.
    const press = async (link: string) => {
      const page = await fetchApp(link, bench);
      expect(page.status, link).toBe(200);
      return (await submitForm(parseHtml(await page.text()), {}, { env: bench })).status;
    };

    const waiting = await links("count=2&status=unconfirmed");
    expect(waiting).toHaveLength(2);
    expect((await signatureRows(letter.slug)).map((row) => row.status)).toEqual(["unconfirmed", "unconfirmed"]);
    expect((await letterRow(letter.slug))?.signature_count).toBe(0);
    expect(await press(waiting[0]!.confirm)).toBe(303);
    expect((await signatureRows(letter.slug)).map((row) => row.status)).toEqual(["confirmed", "unconfirmed"]);

    const [counted] = await links("count=1&status=counted");
    expect((await letterRow(letter.slug))?.signature_count).toBe(2);
    expect(await press(counted!.withdraw)).toBe(303);
    expect((await signatureRows(letter.slug)).map((row) => row.status)).toEqual([
      "confirmed",
      "unconfirmed",
      "withdrawn",
    ]);
    expect((await letterRow(letter.slug))?.signature_count).toBe(1);

    // Bad input is a 400 that says what to send; no letter, a 404; nothing stored either way.
    for (const query of [
      "count=0&status=counted",
      "count=201&status=counted",
      "count=1&status=maybe",
      "status=counted",
    ]) {
      const response = await store(query);
      expect(response.status, query).toBe(400);
      expect(await response.text(), query).toMatch(/count must be|status must be/);
    }
    expect(
      (await fetchApp("/__bench/signatures/no-such-letter?count=1&status=counted", bench, { method: "POST" })).status,
    ).toBe(404);
    expect(await signatureRows(letter.slug)).toHaveLength(3);
    expect(await (await fetchApp(`/__bench/counter/${letter.slug}`, bench)).json()).toEqual({ signature_count: 1 });
    expect((await fetchApp("/__bench/counter/no-such-letter", bench)).status).toBe(404);
  });
});
