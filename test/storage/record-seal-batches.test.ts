/**
 * Sealing commits in batches small enough for the Workers Free plan's 10 ms of CPU an invocation
 * (storage/record.ts SEAL_BATCH): a request or cron run stopped at the limit keeps the batches it
 * committed, so sealing after a burst always moves on. With 500 entries hashed before the first
 * commit (about 25 ms), a burst of a few hundred signatures could never be sealed on the Free plan.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { interceptDatabase } from "../../src/storage/database";
import { sealRecord } from "../../src/storage/record";
import { createLetter } from "../helpers";
import { letterIdOf, seedSignatures } from "../seed";

describe("sealing after a burst", () => {
  it("commits at most 50 entries a batch, each batch on its own", async () => {
    const letter = await createLetter();
    const letterId = await letterIdOf(letter.slug);
    await sealRecord(env.DB, letterId);
    const burst = 120;
    await seedSignatures(
      letter.slug,
      Array.from({ length: burst }, (_, index) => ({ name: `Burst ${index}` })),
    );
    const head = () =>
      env.DB.prepare("SELECT record_length, record_sealed FROM letters WHERE id = ?1")
        .bind(letterId)
        .first<{ record_length: number; record_sealed: number }>();
    const before = (await head())!;
    expect(before.record_length - before.record_sealed).toBe(burst);

    const sealedAfterEachBatch: number[] = [];
    const watched = interceptDatabase(env.DB, async (call, invoke) => {
      const result = await invoke();
      if (call.method === "batch") sealedAfterEachBatch.push((await head())!.record_sealed);
      return result;
    });
    await sealRecord(watched, letterId);

    const steps = sealedAfterEachBatch.map(
      (sealed, index) => sealed - (sealedAfterEachBatch[index - 1] ?? before.record_sealed),
    );
    expect(
      steps.every((step) => step > 0 && step <= 50),
      `entries sealed per batch: ${steps.join(", ")}`,
    ).toBe(true);
    expect(sealedAfterEachBatch.at(-1)).toBe(before.record_length);
  });
});
