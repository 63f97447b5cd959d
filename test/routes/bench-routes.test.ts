/** The benchmark's routes exist only when BENCH=1 (npm run bench); everywhere else they are 404s. */
import { describe, expect, it } from "vitest";
import { seedLetterStatements } from "../../src/storage/seed";
import {
  createLetter,
  fetchApp,
  fetchWorker,
  individual,
  postSignature,
  recordingQueue,
  runStatements,
  signatureRows,
} from "../helpers";

describe("bench routes", () => {
  it("are 404s without BENCH=1", async () => {
    for (const [method, path] of [
      ["GET", "/__bench/stats"],
      ["GET", "/__bench/constant"],
      ["POST", "/__bench/insert"],
      ["GET", "/__bench/count/x"],
      ["POST", "/__bench/missing/x"],
    ] as const) {
      expect((await fetchWorker(path, { method })).status, path).toBe(404);
    }
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
    expect(await (await fetchApp("/__bench/stats", bench)).json()).toEqual({ queries: 3, calls: 3 });
    const again = await fetchApp("/letters/bench-seeded", bench, { headers: { "X-Bench-Bypass-Cache": "1" } });
    expect(again.headers.get("X-Cache")).toBe("MISS");
    expect((await fetchApp("/__bench/insert", bench, { method: "POST" })).status).toBe(303);
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
});
