/**
 * Signatures stored before the mailbox rule (migrations/0010) get their
 * mailbox key from the maintenance job, run through the Worker's scheduled
 * handler as the cron trigger runs it: a bounded batch per run, oldest
 * first, idempotent; two signatures of a letter that share a mailbox are both
 * kept, and reported to organizers by name; once keyed, another spelling of
 * the mailbox is a repeat. The rows are written the way the app wrote them
 * before 0010 (no mailbox_hash), with SQL of that time.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hmacHex, randomToken } from "../../src/domain/crypto";
import worker from "../../src/index";
import { keyExistingMailboxes, MAILBOX_BATCH_SIZE } from "../../src/jobs/maintenance";
import {
  countingDatabase,
  createLetter,
  individual,
  logIn,
  organizerPage,
  postSignature,
  runStatements,
  signatureRows,
  texts,
} from "../helpers";
import { letterIdOf } from "../seed";

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the maintenance job as the cron trigger does; its report, as it logged it. */
async function runJob(at = new Date()): Promise<Record<string, unknown>> {
  const log = vi.spyOn(console, "log");
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at.getTime(), cron: "*/5 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
  const line = log.mock.calls.map(([text]) => String(text)).find((text) => text.includes('"maintenance"'));
  log.mockRestore();
  return JSON.parse(line!) as Record<string, unknown>;
}

interface OldSignature {
  name: string;
  email: string;
  status?: "confirmed" | "unconfirmed" | "hidden";
  kind?: "individual" | "organization";
}

/**
 * Stores signatures as the app did before migrations/0010: the address trimmed and lower-cased, its
 * keyed hash, its domain, no mailbox hash; with the letter's counters moved as that code moved them.
 */
async function signTheOldWay(slug: string, signatures: OldSignature[]): Promise<void> {
  const letterId = await letterIdOf(slug);
  const statements: D1PreparedStatement[] = [];
  for (const { name, email: typed, status = "confirmed", kind = "individual" } of signatures) {
    const email = typed.trim().toLowerCase();
    statements.push(
      env.DB.prepare(
        `INSERT INTO signatures (letter_id, token, kind, name, email, email_hash, email_domain, status, is_public, channel,
           position, withdraw_token_hash, confirmed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, 'form', 1000000000, ?9,
           CASE WHEN ?8 IN ('confirmed', 'hidden') THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END)`,
      ).bind(
        letterId,
        randomToken(),
        kind,
        name,
        email,
        await hmacHex(env.SECRET_KEY!, "email", email),
        email.slice(email.lastIndexOf("@") + 1),
        status,
        randomToken(),
      ),
      env.DB.prepare(
        `UPDATE letters SET signature_count = signature_count + ?2, individual_count = individual_count + ?3,
           organization_count = organization_count + ?4, pending_count = pending_count + ?5 WHERE id = ?1`,
      ).bind(
        letterId,
        status === "confirmed" ? 1 : 0,
        status === "confirmed" && kind === "individual" ? 1 : 0,
        status === "confirmed" && kind === "organization" ? 1 : 0,
        status === "unconfirmed" ? 1 : 0,
      ),
    );
  }
  await env.DB.batch(statements);
}

async function letterCounts(slug: string) {
  return env.DB.prepare(
    "SELECT signature_count, organization_count, individual_count, pending_count FROM letters WHERE slug = ?1",
  )
    .bind(slug)
    .first();
}

async function reports(slug: string) {
  const { results } = await env.DB.prepare(
    `SELECT s.name AS later, h.name AS holder FROM mailbox_duplicates d
       JOIN signatures s ON s.id = d.signature_id JOIN signatures h ON h.id = d.duplicate_of_id
     WHERE d.letter_id = (SELECT id FROM letters WHERE slug = ?1) ORDER BY d.signature_id`,
  )
    .bind(slug)
    .all<{ later: string; holder: string }>();
  return results.map((row) => [row.later, row.holder]);
}

describe("keying the mailboxes of signatures made before the mailbox rule", () => {
  it("keys the oldest spelling of each mailbox, reports the others, and deletes or uncounts nothing", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    await signTheOldWay(letter.slug, [
      { name: "María López", email: "maria.lopez.test@gmail.com" },
      { name: "Maria Lopez", email: "marialopeztest@gmail.com" },
      { name: "M. López", email: "maria.lopez.test+carta@gmail.com", status: "unconfirmed" },
      { name: "MARIA LOPEZ", email: "MariaLopezTest@googlemail.com", status: "hidden" },
      { name: "Ben Ortiz", email: "ben@example.org" },
      { name: "Ben Ortiz (work)", email: "Ben+work@Example.org" },
      { name: "Cy Tran", email: "cy.tran@example.org" },
      { name: "Cy Tran again", email: "cytran@example.org" },
    ]);
    const before = await letterCounts(letter.slug);
    const rowsBefore = await signatureRows(letter.slug);
    expect(rowsBefore.every((row) => row.mailbox_hash === null)).toBe(true);

    const report = await runJob();
    expect(report).toMatchObject({ mailboxesKeyed: 4, mailboxDuplicates: 4 });
    const rows = await signatureRows(letter.slug);
    // Nothing deleted, no status or count changed.
    expect(rows.map((row) => [row.name, row.status, row.email])).toEqual(
      rowsBefore.map((row) => [row.name, row.status, row.email]),
    );
    expect(await letterCounts(letter.slug)).toEqual(before);
    // The first of each mailbox holds its key; the letter's own signatory (no email) has none to hold.
    expect(rows.filter((row) => row.mailbox_hash !== null).map((row) => row.name)).toEqual([
      "María López",
      "Ben Ortiz",
      "Cy Tran",
      "Cy Tran again",
    ]);
    expect(await reports(letter.slug)).toEqual([
      ["Maria Lopez", "María López"],
      ["M. López", "María López"],
      ["MARIA LOPEZ", "María López"],
      ["Ben Ortiz (work)", "Ben Ortiz"],
    ]);

    // Idempotent: a second run finds nothing to do and reports nothing twice.
    expect(await runJob()).toMatchObject({ mailboxesKeyed: 0, mailboxDuplicates: 0 });
    expect(await reports(letter.slug)).toHaveLength(4);

    // From now on another spelling of a keyed mailbox is a repeat, by the form as by anything else.
    const repeat = await postSignature(letter.slug, individual({ email: "m.a.r.i.a.lopeztest@gmail.com" }));
    expect(repeat.status).toBe(303);
    expect(await signatureRows(letter.slug)).toHaveLength(rows.length);
  });

  it("reports a signature whose mailbox a newer one took before the job came round", async () => {
    const letter = await createLetter();
    await signTheOldWay(letter.slug, [{ name: "Ana Pérez", email: "ana.perez@gmail.com" }]);
    // Signed after the upgrade, before the job: the old row had no key yet, so this one is stored.
    expect(
      (await postSignature(letter.slug, individual({ name: "Ana P.", email: "anaperez+x@gmail.com" }))).status,
    ).toBe(303);
    expect(await signatureRows(letter.slug)).toHaveLength(2);
    expect(await runJob()).toMatchObject({ mailboxesKeyed: 0, mailboxDuplicates: 1 });
    expect(await reports(letter.slug)).toEqual([["Ana Pérez", "Ana P."]]);
    expect((await signatureRows(letter.slug)).map((row) => [row.name, row.status])).toEqual([
      ["Ana Pérez", "confirmed"],
      ["Ana P.", "confirmed"],
    ]);
  });

  it("shows organizers each pair by name, never by email, on the letter's signatures page", async () => {
    const letter = await createLetter();
    const other = await createLetter();
    await signTheOldWay(letter.slug, [
      { name: "Dora Diaz", email: "dora.diaz@gmail.com" },
      { name: "Dora D.", email: "DoraDiaz+petitions@googlemail.com" },
    ]);
    await signTheOldWay(other.slug, [{ name: "Eli Ek", email: "eli@example.org" }]);
    await runJob();
    const session = await logIn();
    const { response, document } = await organizerPage(session, `/admin/letters/${letter.slug}/signatures`);
    expect(response.status).toBe(200);
    const section = document.querySelector("section.shared-mailboxes")!;
    expect(texts(section, "h2")).toEqual(["Signed twice from one mailbox?"]);
    expect(texts(section, "tbody td strong")).toEqual(["Dora D.", "Dora Diaz"]);
    expect(section.toString()).not.toMatch(/@/);
    expect(texts(section, "tbody .badge")).toEqual(["counted", "counted"]);

    // A letter with no shared mailbox shows no such section.
    const clean = await organizerPage(session, `/admin/letters/${other.slug}/signatures`);
    expect(clean.document.querySelector("section.shared-mailboxes")).toBeNull();
  });

  it("works in bounded batches, oldest first, read from its own index", async () => {
    const letter = await createLetter();
    const letterId = await letterIdOf(letter.slug);
    // More signatures than one batch, inserted by SQL of the old schema in one statement.
    await runStatements([
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${MAILBOX_BATCH_SIZE + 10})
       INSERT INTO signatures (letter_id, token, kind, name, email, status, channel, position)
       SELECT ${letterId}, 'bulk-' || i || '-${letterId}', 'individual', 'Bulk ' || i, 'bulk' || i || '@example.org',
         'confirmed', 'form', 1000000000 FROM n`,
    ]);
    const counter = countingDatabase(env.DB);
    const first = await keyExistingMailboxes(env, counter.database, { batches: 1, letterId });
    expect(first).toEqual({ keyed: MAILBOX_BATCH_SIZE, duplicates: 0 });
    const { results: keyed } = await env.DB.prepare(
      "SELECT max(id) - min(id) + 1 AS span, count(*) AS n FROM signatures WHERE letter_id = ?1 AND mailbox_hash IS NOT NULL",
    )
      .bind(letterId)
      .all<{ span: number; n: number }>();
    // The oldest ones, without gaps.
    expect(keyed[0]).toEqual({ span: MAILBOX_BATCH_SIZE, n: MAILBOX_BATCH_SIZE });
    // The rest, by the job's own call (every letter): the ten left, and nothing more to do.
    expect(await keyExistingMailboxes(env, counter.database, { batches: 5 })).toEqual({ keyed: 10, duplicates: 0 });
    expect(await keyExistingMailboxes(env, env.DB, { batches: 5, letterId })).toEqual({ keyed: 0, duplicates: 0 });
    const selects = counter
      .recorded()
      .filter((query) => query.sql.includes("mailbox_hash IS NULL AND email IS NOT NULL"));
    expect(selects.length).toBeGreaterThanOrEqual(2);
    for (const select of selects) {
      const { results: plan } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${select.sql}`)
        .bind(...select.params)
        .all<{ detail: string }>();
      const details = plan.map((row) => row.detail).join("\n");
      expect(details, select.sql).toMatch(/(SEARCH|SCAN) s USING INDEX signatures_awaiting_mailbox/);
      expect(details, select.sql).not.toContain("USE TEMP B-TREE");
    }
  });

  it("keys a letter's signatures before its emails are erased at the end of retention", async () => {
    const letter = await createLetter();
    await signTheOldWay(letter.slug, [
      { name: "Fay Fox", email: "fay.fox@gmail.com" },
      { name: "Fay F.", email: "fayfox@gmail.com" },
    ]);
    await runStatements([
      `UPDATE letters SET closes_at = '${new Date(Date.now() - 31 * 86_400_000).toISOString()}' WHERE slug = '${letter.slug}'`,
    ]);
    await runJob();
    const rows = await signatureRows(letter.slug);
    expect(rows.map((row) => [row.email, row.mailbox_hash === null])).toEqual([
      [null, false],
      [null, true],
    ]);
    expect(await reports(letter.slug)).toEqual([["Fay F.", "Fay Fox"]]);
    // What stays once the emails are gone is the keyed hash: one signature per mailbox still holds.
    expect(rows[0]!.mailbox_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
