/**
 * The maintenance job, run through the Worker's scheduled handler as the
 * cron trigger runs it: sealing, expiring unconfirmed signatures, forgetting
 * rate-limit windows, and anonymizing letters closed for RETENTION_DAYS.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { createLetter, fetchApp, runStatements, signatureRows } from "../helpers";
import { seedSignatures } from "../seed";

async function runJob(at = new Date()) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at.getTime(), cron: "*/5 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function letterState(slug: string) {
  return env.DB.prepare("SELECT pending_count, record_length, record_sealed, anonymized_at FROM letters WHERE slug = ?")
    .bind(slug)
    .first<{ pending_count: number; record_length: number; record_sealed: number; anonymized_at: string | null }>();
}

describe("the maintenance job", () => {
  it("flags a burst from one email domain signed by its signers, never one the organizers entered", async () => {
    const signed = await createLetter();
    const entered = await createLetter();
    const at = (letter: string, index: number) => `member${index}@union-${letter}.example`;
    await seedSignatures(
      signed.slug,
      Array.from({ length: 20 }, (_, index) => ({ email: at("a", index) })),
    );
    await seedSignatures(
      entered.slug,
      Array.from({ length: 20 }, (_, index) => ({ email: at("b", index), channel: "manual" as const })),
    );
    await runJob();
    expect((await signatureRows(signed.slug)).filter((row) => row.flag === "many-from-one-email-domain")).toHaveLength(
      20,
    );
    expect((await signatureRows(entered.slug)).filter((row) => row.flag !== null)).toHaveLength(0);
  });

  it("seals the record entries the loader wrote", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO", "WOLA"] });
    // Its text and its two signatories.
    expect(await letterState(letter.slug)).toMatchObject({ record_length: 3, record_sealed: 0 });
    await runJob();
    expect(await letterState(letter.slug)).toMatchObject({ record_length: 3, record_sealed: 3 });
  });

  it("gives up on unconfirmed signatures a day after their link expired, forgetting their email", async () => {
    const letter = await createLetter();
    await seedSignatures(letter.slug, [
      { email: "gone@example.org", status: "unconfirmed" },
      { email: "recent@example.org", status: "unconfirmed" },
    ]);
    expect(await letterState(letter.slug)).toMatchObject({ pending_count: 2 });
    await runStatements([
      `UPDATE signatures SET confirm_expires_at = '2001-01-01T00:00:00.000Z' WHERE email = 'gone@example.org'`,
    ]);
    await runJob();
    const rows = await signatureRows(letter.slug);
    // The email goes, and with it what was kept only beside it: its domain and the client's keyed hash.
    expect(rows.map((row) => [row.status, row.email, row.email_domain])).toEqual([
      ["withdrawn", null, null],
      ["unconfirmed", "recent@example.org", "example.org"],
    ]);
    expect(rows[0]!.client_hash).toBeNull();
    expect(rows[0]!.email_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await letterState(letter.slug)).toMatchObject({ pending_count: 1 });
  });

  it("anonymizes the signatures of a letter closed for longer than RETENTION_DAYS, keeping the public list", async () => {
    const letter = await createLetter();
    const recent = await createLetter();
    const open = await createLetter();
    for (const slug of [letter.slug, recent.slug, open.slug])
      await seedSignatures(slug, [{ name: "Kept Name", email: `kept-${slug}@example.org` }]);
    // A signature from before keyed hashes existed: its hash is made before its address goes.
    await runStatements([`UPDATE signatures SET email_hash = NULL WHERE email = 'kept-${letter.slug}@example.org'`]);
    const now = new Date();
    await runStatements([
      `UPDATE letters SET closes_at = '${new Date(now.getTime() - 31 * 86_400_000).toISOString()}' WHERE slug = '${letter.slug}'`,
      `UPDATE letters SET closes_at = '${new Date(now.getTime() - 5 * 86_400_000).toISOString()}' WHERE slug = '${recent.slug}'`,
    ]);
    await runJob(now);

    const [anonymized] = await signatureRows(letter.slug);
    expect(anonymized).toMatchObject({ email: null, email_domain: null, client_hash: null, name: "Kept Name" });
    expect(anonymized!.email_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(anonymized!.anonymized_at).toBeTruthy();
    expect((await letterState(letter.slug))?.anonymized_at).toBeTruthy();
    for (const slug of [recent.slug, open.slug]) {
      const [row] = await signatureRows(slug);
      expect(row, slug).toMatchObject({ email: `kept-${slug}@example.org`, anonymized_at: null });
      expect(row!.client_hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const json = await (
      await fetchApp(`/letters/${letter.slug}.json`, { CACHE_MAX_AGE: "0" })
    ).json<{ signatories: { name: string }[] }>();
    expect(json.signatories.map((s) => s.name)).toEqual(["Kept Name"]);
  });

  it("counts the retention of a letter closed before its deadline from the day it closed, not the deadline", async () => {
    const early = await createLetter({ status: "closed", closesAt: "2999-01-01T00:00:00.000Z" });
    await seedSignatures(early.slug, [{ name: "Early Name", email: `early-${early.slug}@example.org` }]);
    const now = new Date();
    await runStatements([
      `UPDATE letters SET closed_at = '${new Date(now.getTime() - 31 * 86_400_000).toISOString()}' WHERE slug = '${early.slug}'`,
    ]);
    await runJob(now);
    const [row] = await signatureRows(early.slug);
    expect(row).toMatchObject({ email: null, name: "Early Name" });
    expect(row!.anonymized_at).toBeTruthy();
  });

  it("follows RETENTION_DAYS", async () => {
    const letter = await createLetter({ closesAt: new Date(Date.now() - 2 * 86_400_000).toISOString() });
    await runStatements([
      `INSERT INTO signatures (letter_id, token, kind, name, email, email_hash, channel, position) VALUES ((SELECT id FROM letters WHERE slug = '${letter.slug}'), 'retention-${letter.slug}', 'individual', 'Old', 'old-${letter.slug}@example.org', 'h-${letter.slug}', 'form', 1000000000)`,
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }),
      { ...env, RETENTION_DAYS: "1" },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ email: null });
  });

  it("forgets rate-limit windows older than two hours (an hour's sliding window reads the hour before)", async () => {
    const now = Math.floor(Date.now() / 1000);
    await runStatements([
      `INSERT INTO rate_limits (key, window_start, hits) VALUES ('sign:old', ${now - 7_300}, 3)`,
      `INSERT INTO rate_limits (key, window_start, hits) VALUES ('sign-in-link:previous-hour', ${now - 5_400}, 3)`,
    ]);
    await runJob();
    const left = await env.DB.prepare(
      "SELECT key FROM rate_limits WHERE key IN ('sign:old', 'sign-in-link:previous-hour')",
    ).all<{ key: string }>();
    expect(left.results.map((row) => row.key)).toEqual(["sign-in-link:previous-hour"]);
  });
});

describe("the activity log's retention", () => {
  async function activityAt(days: number, now: Date, tag: string) {
    const at = new Date(now.getTime() - days * 86_400_000).toISOString();
    await runStatements([
      `INSERT INTO organizer_activity (at, organizer_id, organizer_name, action, detail) VALUES ('${at}', 1, 'Owner (admin token)', 'sign-in', '${tag}')`,
    ]);
  }

  async function kept(tags: string[]) {
    const { results } = await env.DB.prepare(
      `SELECT detail FROM organizer_activity WHERE detail IN (${tags.map(() => "?").join(", ")}) ORDER BY detail`,
    )
      .bind(...tags)
      .all<{ detail: string }>();
    return results.map((row) => row.detail);
  }

  it("deletes entries older than ACTIVITY_RETENTION_DAYS (365 by default)", async () => {
    const now = new Date("2031-06-01T12:00:00Z");
    await activityAt(366, now, "default-old");
    await activityAt(364, now, "default-recent");
    await runJob(now);
    expect(await kept(["default-old", "default-recent"])).toEqual(["default-recent"]);

    await activityAt(31, now, "short-old");
    await activityAt(29, now, "short-recent");
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ scheduledTime: now.getTime(), cron: "*/5 * * * *" }),
      { ...env, ACTIVITY_RETENTION_DAYS: "30" },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(await kept(["short-old", "short-recent"])).toEqual(["short-recent"]);
  });

  it("says the system closed a letter whose closing time came", async () => {
    const letter = await createLetter({ closesAt: new Date(Date.now() - 60_000).toISOString() });
    await runJob();
    const entry = await env.DB.prepare(
      "SELECT organizer_id, organizer_name, action, detail FROM organizer_activity WHERE letter_id = (SELECT id FROM letters WHERE slug = ?)",
    )
      .bind(letter.slug)
      .first();
    expect(entry).toEqual({
      organizer_id: null,
      organizer_name: null,
      action: "letter-closed",
      detail: "Its closing time came.",
    });
  });
});
