/**
 * Organization signatures stored before organizations were keyed
 * (migrations/0015 left their organization_key NULL) get their key from the
 * maintenance job, run as the cron trigger runs it: a bounded batch per run,
 * oldest first, idempotent; two spellings of one organization on a letter
 * are both kept, the later one left unkeyed and reported, never failing the
 * batch; once keyed, another contact signing for it gets the 409.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { keyExistingOrganizations, ORGANIZATION_BATCH_SIZE } from "../../src/jobs/maintenance";
import { createLetter, organization, postSignature } from "../helpers";
import { letterIdOf } from "../seed";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the maintenance job as the cron trigger does; its report, as it logged it. */
async function runJob(): Promise<Record<string, unknown>> {
  const log = vi.spyOn(console, "log");
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
  const line = log.mock.calls.map(([text]) => String(text)).find((text) => text.includes('"maintenance"'));
  log.mockRestore();
  return JSON.parse(line!) as Record<string, unknown>;
}

/** Stores organization signatures as the app did before migrations/0015: no organization_key. */
async function signTheOldWay(slug: string, names: string[], status = "confirmed"): Promise<void> {
  const letterId = await letterIdOf(slug);
  await env.DB.batch(
    names.map((name) =>
      env.DB.prepare(
        `INSERT INTO signatures (letter_id, token, kind, name, status, channel, position, confirmed_at)
         VALUES (?1, lower(hex(randomblob(16))), 'organization', ?2, ?3, 'form', 1000000000, '2026-01-01T00:00:00.000Z')`,
      ).bind(letterId, name, status),
    ),
  );
}

async function keys(slug: string) {
  const { results } = await env.DB.prepare(
    "SELECT name, organization_key FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1) ORDER BY id",
  )
    .bind(slug)
    .all<{ name: string; organization_key: string | null }>();
  return results;
}

describe("keying organizations signed before they were keyed", () => {
  it("keys each, leaves a second spelling and a name of symbols unkeyed and reported, and is idempotent", async () => {
    const letter = await createLetter();
    await signTheOldWay(letter.slug, ["Fundación Paz", "FUNDACION PAZ.", "Oxfam", "***"]);
    const report = await runJob();
    expect(report.organizationsKeyed).toBeGreaterThanOrEqual(2);
    expect(report.organizationsUnkeyed).toBeGreaterThanOrEqual(2);
    expect(await keys(letter.slug)).toEqual([
      { name: "Fundación Paz", organization_key: "fundacion paz" },
      { name: "FUNDACION PAZ.", organization_key: null },
      { name: "Oxfam", organization_key: "oxfam" },
      { name: "***", organization_key: null },
    ]);
    // Nothing uncounted, and the next run changes nothing.
    await runJob();
    expect(await keys(letter.slug)).toHaveLength(4);
    expect((await keys(letter.slug)).filter((row) => row.organization_key).length).toBe(2);
    // Keyed: another contact signing for it is told it has signed.
    const again = await postSignature(letter.slug, organization({ organization_name: "Oxfam" }));
    expect(again.status).toBe(409);
  });

  it("keys no withdrawn, hidden or rejected organization: they hold no organization", async () => {
    const letter = await createLetter();
    for (const status of ["withdrawn", "hidden", "rejected"])
      await signTheOldWay(letter.slug, [`Org ${status}`], status);
    await runJob();
    expect((await keys(letter.slug)).map((row) => row.organization_key)).toEqual([null, null, null]);
    // Whoever signs for one of them next makes a new signature.
    expect((await postSignature(letter.slug, organization({ organization_name: "Org hidden" }))).status).toBe(303);
    expect((await keys(letter.slug)).map((row) => row.organization_key)).toEqual([null, null, null, "org hidden"]);
  });

  it("goes past the rows it can't key within one run, a bounded batch at a time", async () => {
    const letter = await createLetter();
    await signTheOldWay(letter.slug, ["Same Org", ...Array.from({ length: 3 }, () => "same org")]);
    await signTheOldWay(letter.slug, ["Later Org"]);
    const result = await keyExistingOrganizations(env.DB, { batches: Number.POSITIVE_INFINITY });
    expect(result.unkeyed).toBeGreaterThanOrEqual(3);
    expect((await keys(letter.slug)).map((row) => row.organization_key)).toEqual([
      "same org",
      null,
      null,
      null,
      "later org",
    ]);
    expect(ORGANIZATION_BATCH_SIZE).toBeLessThanOrEqual(250);
  });
});

describe("renewing the keys of organizations named beyond ASCII (migrations/0028)", () => {
  /** An organization signature keyed as before confusables were read, listed for renewal as the migration lists them. */
  async function keyedTheOldWay(slug: string, name: string, oldKey: string): Promise<void> {
    const letterId = await letterIdOf(slug);
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO signatures (letter_id, token, kind, name, status, channel, position, confirmed_at, organization_key)
         VALUES (?1, lower(hex(randomblob(16))), 'organization', ?2, 'confirmed', 'form', 1000000000, '2026-01-01T00:00:00.000Z', ?3)`,
      ).bind(letterId, name, oldKey),
      env.DB.prepare(
        `INSERT INTO organization_keys_to_renew (signature_id)
         SELECT id FROM signatures WHERE letter_id = ?1 AND name = ?2 AND name GLOB '*[^ -~]*'`,
      ).bind(letterId, name),
    ]);
  }

  it("gives each its key with look-alike letters read, keeps the old one where another holds the new, and empties the list", async () => {
    const letter = await createLetter();
    const other = await createLetter();
    // "Оxfam" with a Cyrillic О, keyed "оxfam" before; "Fundación Paz", whose key does not change.
    await keyedTheOldWay(letter.slug, "\u041Exfam", "\u043Exfam");
    await keyedTheOldWay(letter.slug, "Fundación Paz", "fundacion paz");
    // On another letter, the real Oxfam signed first: the look-alike keeps its old key there.
    await keyedTheOldWay(other.slug, "Oxfam", "oxfam");
    await keyedTheOldWay(other.slug, "\u041Exfam", "\u043Exfam");
    const report = await runJob();
    expect(report.organizationKeysRenewed).toBeGreaterThanOrEqual(1);
    expect(report.organizationKeysKept).toBeGreaterThanOrEqual(1);
    expect(await keys(letter.slug)).toEqual([
      { name: "\u041Exfam", organization_key: "oxfam" },
      { name: "Fundación Paz", organization_key: "fundacion paz" },
    ]);
    expect(await keys(other.slug)).toEqual([
      { name: "Oxfam", organization_key: "oxfam" },
      { name: "\u041Exfam", organization_key: "\u043Exfam" },
    ]);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM organization_keys_to_renew").first()).toEqual({ n: 0 });
    // Renewed: the real Oxfam's contact is told it has signed.
    expect((await postSignature(letter.slug, organization({ organization_name: "Oxfam" }))).status).toBe(409);
  });
});

describe("keying individuals signed without an email before they were keyed (migrations/0028)", () => {
  it("gives each its person key, so an import finds them", async () => {
    const letter = await createLetter();
    const letterId = await letterIdOf(letter.slug);
    await env.DB.prepare(
      `INSERT INTO signatures (letter_id, token, kind, name, city, country, status, channel, position, confirmed_at)
       VALUES (?1, lower(hex(randomblob(16))), 'individual', 'Ana  Papel', 'Tegucigalpa', 'HN', 'confirmed', 'manual',
         1000000000, '2026-01-01T00:00:00.000Z')`,
    )
      .bind(letterId)
      .run();
    const report = await runJob();
    expect(report.peopleKeyed).toBeGreaterThanOrEqual(1);
    const row = await env.DB.prepare("SELECT person_key FROM signatures WHERE letter_id = ?1").bind(letterId).first();
    expect(row).toEqual({ person_key: "ana papel|tegucigalpa|HN" });
  });
});
