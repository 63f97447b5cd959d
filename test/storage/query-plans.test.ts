/**
 * Every query a public page or the sign form runs is answered from an index:
 * no full scan of signatures, no sort in a temporary B-tree. The queries are
 * the ones the app really ran, recorded through the D1 binding, and their
 * plans come from SQLite's EXPLAIN QUERY PLAN.
 */
import { env } from "cloudflare:workers";
import {
  activityPage,
  insertActivityUnlessSince,
  insertNetworkActivity,
  type ActivityRow,
} from "../../src/storage/activity";
import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ORGANIZER_ID } from "../../src/domain/organizer-roles";
import {
  countingDatabase,
  createLetter,
  fetchApp,
  formBody,
  individual,
  SAME_ORIGIN_FORM,
  stampedForm,
  translation,
  type RecordedQuery,
} from "../helpers";

async function plan(query: RecordedQuery): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .bind(...query.params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail);
}

async function queriesOf(path: string, init?: RequestInit): Promise<RecordedQuery[]> {
  const counter = countingDatabase(env.DB);
  const response = await fetchApp(path, { DB: counter.database, CACHE_MAX_AGE: "0" }, init);
  expect(response.status, path).toBeLessThan(400);
  return counter.recorded();
}

describe("query plans", () => {
  it("use an index for every query of the pages, the JSON and the sign form", async () => {
    const letter = await createLetter({
      organizations: ["AFL-CIO", "WOLA"],
      individuals: ["Ana"],
      translations: [translation("es", "Carta", "Estimado Secretario General:\n\nPedimos.")],
    });
    const queries = [
      ...(await queriesOf("/")),
      ...(await queriesOf(`/letters/${letter.slug}?lang=es`)),
      ...(await queriesOf("/letters.json")),
      ...(await queriesOf(`/letters/${letter.slug}`)),
      ...(await queriesOf(`/letters/${letter.slug}.json`)),
      ...(await queriesOf(`/letters/${letter.slug}/signatories`)),
      ...(await queriesOf("/api/v1/letters?status=open")),
      ...(await queriesOf(`/api/v1/letters/${letter.slug}/signatories?kind=individual`)),
      ...(await queriesOf(`/api/v1/letters/${letter.slug}/signatories?country=HN`)),
      ...(await queriesOf(`/api/v1/letters/${letter.slug}/counts`)),
      ...(await queriesOf(`/letters/${letter.slug}/embed`)),
      ...(await queriesOf(`/letters/${letter.slug}/embed/sign`)),
      ...(await queriesOf(`/letters/${letter.slug}/signatures`, {
        method: "POST",
        headers: SAME_ORIGIN_FORM,
        body: formBody(await stampedForm(letter.slug, individual())),
      })),
    ];
    // The confirmation, withdrawal and organizers' paths, on a letter with a mailer.
    const local = { MAILER: "local", CACHE_MAX_AGE: "0" };
    const signer = individual({ email: "plans@example.org" });
    await fetchApp(`/letters/${letter.slug}/signatures`, local, {
      method: "POST",
      headers: SAME_ORIGIN_FORM,
      body: formBody(await stampedForm(letter.slug, signer)),
    });
    const mail = await env.DB.prepare("SELECT body FROM local_mail WHERE recipient = 'plans@example.org'").first<{
      body: string;
    }>();
    const confirmToken = /confirm\?token=([\w-]+)/.exec(mail!.body)![1]!;
    const withdrawToken = /withdraw\?token=([\w-]+)/.exec(mail!.body)![1]!;
    const recordQueries = async (path: string, init?: RequestInit) => {
      const counter = countingDatabase(env.DB);
      await fetchApp(path, { ...local, DB: counter.database }, init);
      return counter.recorded();
    };
    queries.push(
      ...(await recordQueries(`/letters/${letter.slug}/signatures`, {
        method: "POST",
        headers: SAME_ORIGIN_FORM,
        body: formBody(await stampedForm(letter.slug, signer)),
      })),
      ...(await recordQueries(`/letters/${letter.slug}/confirm`, {
        method: "POST",
        headers: SAME_ORIGIN_FORM,
        body: `token=${confirmToken}`,
      })),
      ...(await recordQueries(`/letters/${letter.slug}/withdraw`, {
        method: "POST",
        headers: SAME_ORIGIN_FORM,
        body: `token=${withdrawToken}`,
      })),
      ...(await recordQueries(`/letters/${letter.slug}/record.json`)),
      ...(await recordQueries(`/letters/${letter.slug}/record/2`)),
      ...(await recordQueries(`/letters/${letter.slug}/record/2.json`)),
      ...(await recordQueries(`/letters/${letter.slug}/record/consistency.json?from=1&to=3`)),
      ...(await recordQueries(`/admin/api/letters/${letter.slug}/signatures?status=confirmed`, {
        headers: { Authorization: "Bearer Tq7vXk2pL9wRz4mWc8sNd3bY" },
      })),
    );
    // The thank-you page of a signature counted at once finds its entry (no mailer: the receipt names it).
    const counted = await fetchApp(
      `/letters/${letter.slug}/signatures`,
      { CACHE_MAX_AGE: "0" },
      {
        method: "POST",
        headers: SAME_ORIGIN_FORM,
        body: formBody(await stampedForm(letter.slug, individual())),
        redirect: "manual",
      },
    );
    const thanks = countingDatabase(env.DB);
    const page = await fetchApp(counted.headers.get("Location")!, { DB: thanks.database });
    expect(await page.text()).toContain('class="your-entry"');
    const signerEntry = thanks.recorded().find((query) => query.sql.includes("event IN ('signed', 'restored')"));
    // A signer's entry is found by its reference, never by reading the letter's whole record.
    expect((await plan(signerEntry!)).join("\n")).toMatch(
      /SEARCH record_entries USING INDEX record_entries_by_ref \(letter_id=\? AND ref=\?/,
    );
    queries.push(...thanks.recorded());
    expect(queries.length).toBeGreaterThanOrEqual(20);
    const plans = new Map<string, string[]>();
    for (const query of queries) plans.set(query.sql, await plan(query));
    for (const [sql, details] of plans) {
      const text = details.join("\n");
      expect(text, sql).not.toMatch(/SCAN signatures(?! USING)/);
      expect(text, sql).not.toMatch(/SCAN letters(?! USING (?:COVERING )?INDEX letters_published_by_date)/);
      expect(text, sql).not.toContain("USE TEMP B-TREE");
      // The record is read a page, an entry or a reference at a time: never whole.
      expect(text, sql).not.toMatch(/SCAN record_entries|SEARCH record_entries USING PRIMARY KEY \(letter_id=\?\)$/m);
      // The tree is read a node at a time, by its key: never the letter's whole tree for one proof.
      expect(text, sql).not.toMatch(
        /SCAN (?:n|record_nodes)\b|SEARCH (?:n|record_nodes) USING PRIMARY KEY \(letter_id=\?\)$/m,
      );
      // An entry's page and the erasing of a withdrawn name seek the ref's entries, not every later one.
      if (/record_entries[\s\S]*ref (?:=|IN) \(SELECT/.test(sql))
        expect(text, sql).toMatch(/SEARCH record_entries USING INDEX record_entries_by_ref \(letter_id=\? AND ref=\?/);
    }
    const nodes = [...plans].filter(([sql]) => sql.includes("record_nodes n"));
    expect(nodes.length).toBeGreaterThanOrEqual(1);
    for (const [, details] of nodes)
      expect(details.join("\n")).toMatch(/SEARCH n USING PRIMARY KEY \(letter_id=\? AND level=\? AND idx=\?\)/);
    expect([...plans.keys()].filter((sql) => sql.includes("AND seq >= ?2 AND seq <= ?3"))).toHaveLength(1);
    const listing = [...plans].find(([sql]) => sql.includes("ORDER BY position, id"))?.[1].join("\n");
    // Both seeks of the keyset pagination land exactly: the second needs no skipping within a position.
    expect(listing).toMatch(
      /SEARCH signatures USING INDEX signatures_public_listing \(letter_id=\? AND kind=\? AND position=\? AND id>\?\)/,
    );
    expect(listing).toMatch(
      /SEARCH signatures USING INDEX signatures_public_listing \(letter_id=\? AND kind=\? AND position>\?\)/,
    );
    // Sealing updates its batch of entries by seq range: not every entry of the letter once per entry sealed.
    const sealing = [...plans].find(([sql]) => sql.includes("UPDATE record_entries SET digest"));
    expect(sealing?.[1].join("\n")).toMatch(
      /SEARCH record_entries USING PRIMARY KEY \(letter_id=\? AND seq>\? AND seq<\?\)/,
    );
    const byToken = [...plans].find(([sql]) => sql.includes("WHERE token = ?7"));
    expect(byToken?.[1].join("\n")).toMatch(
      /SEARCH signatures USING (?:COVERING )?INDEX sqlite_autoindex_signatures_1 \(token=\?\)/,
    );
  });
});

describe("the activity log's query plans", () => {
  it("narrow each filter by its own index, newest first without a sort", async () => {
    const planOf = async (
      filter: Omit<Parameters<typeof activityPage>[1], "since" | "earlierThan">,
      before?: number,
    ) => {
      const counter = countingDatabase(env.DB);
      await activityPage(counter.database, { since: null, earlierThan: null, ...filter }, { before, limit: 51 });
      return (await plan(counter.recorded()[0]!)).join("\n");
    };
    expect(await planOf({ letter: 7 })).toMatch(/SEARCH a USING INDEX organizer_activity_by_letter \(letter_id=\?\)/);
    expect(await planOf({ person: 3 }, 100)).toMatch(
      /SEARCH a USING INDEX organizer_activity_by_organizer \(organizer_id=\? AND id<\?\)/,
    );
    expect(await planOf({ person: 0 })).toMatch(
      /SEARCH a USING INDEX organizer_activity_by_organizer \(organizer_id=\?\)/,
    );
    expect(await planOf({ action: "signature-hidden" })).toMatch(/SEARCH a USING INDEX organizer_activity_by_action/);
    expect(await planOf({}, 100)).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid<\?\)/);
    for (const filter of [{ letter: 7 }, { person: 3 }, { action: "signature-hidden" as const }, {}])
      expect(await planOf(filter)).not.toContain("USE TEMP B-TREE");
  });
});

describe("the query plans of the entries noted at most once in a while", () => {
  it("seek the earlier entry among the window's entries (by time), never through a person's or a letter's whole history", async () => {
    const row = (organizerId: number | null, detailJson: string): ActivityRow => ({
      at: "2031-02-01T10:00:00.000Z",
      organizerId,
      organizerName: organizerId === null ? null : "Ana",
      action: organizerId === null ? "sign-in-refused" : "export-downloaded",
      letterId: null,
      signatureId: null,
      beforeJson: null,
      afterJson: null,
      detail: "words",
      detailJson,
    });
    const since = "2031-02-01T09:00:00.000Z";
    const counter = countingDatabase(env.DB);
    await insertActivityUnlessSince(
      counter.database,
      row(BOOTSTRAP_ORGANIZER_ID, '{"code":"signaturesApi","args":[]}'),
      since,
    );
    await insertNetworkActivity(
      counter.database,
      row(null, '{"code":"signInRefused","args":["198.51.100.0/24","bearer"]}'),
      row(null, '{"code":"signInRefusedElsewhere","args":[20,15]}'),
      since,
      20,
    );
    const plans = await Promise.all(counter.recorded().map(plan));
    expect(plans).toHaveLength(3);
    for (const steps of plans) {
      expect(steps.join("\n")).toMatch(/organizer_activity_by_time \(at>\?\)/);
      expect(steps.join("\n")).not.toMatch(/SCAN organizer_activity\b/);
    }
  });
});

describe("the query plans of migrations/0028's lookups", () => {
  it("seek email-less individuals, keys to renew and confirmation emails to send again by their indexes", async () => {
    const { existingPeople, findImport, importedSignatures } = await import("../../src/storage/imports");
    const { peopleAwaitingKey, organizationKeysToRenew } = await import("../../src/storage/maintenance");
    const { claimDueConfirmations } = await import("../../src/storage/confirmation-mail-retries");
    const counter = countingDatabase(env.DB);
    const db = counter.database;
    const now = new Date().toISOString();
    const planned = async (run: () => Promise<unknown>) => {
      counter.reset();
      await run();
      return Promise.all(counter.recorded().map(async (query) => [query.sql, (await plan(query)).join("\n")] as const));
    };
    const people = await planned(() => existingPeople(db, 1, ["ana papel|tegucigalpa|HN"]));
    expect(people[0]![1]).toMatch(/SEARCH signatures USING COVERING INDEX signatures_people_without_email/);
    const awaiting = await planned(() => peopleAwaitingKey(db, 250, { letterId: 1, id: 10 }));
    expect(awaiting[0]![1]).toMatch(/SEARCH signatures USING INDEX signatures_awaiting_person_key/);
    const due = await planned(() => claimDueConfirmations(db, { now, leaseUntil: now, limit: 20 }));
    expect(due.map(([, text]) => text).join("\n")).toMatch(
      /SEARCH r USING COVERING INDEX confirmation_mail_retries_due \(next_attempt_at<\?\)/,
    );
    const ofImport = await planned(() =>
      claimDueConfirmations(db, { now, leaseUntil: now, limit: 20, of: { letterId: 1, importId: 1 } }),
    );
    expect(ofImport[0]![1]).toMatch(/SEARCH r USING INDEX confirmation_mail_retries_by_letter \(letter_id=\?\)/);
    const importPage = await planned(async () => {
      await findImport(db, 1, 1);
      await importedSignatures(db, 1, 1, { limit: 51 });
    });
    expect(importPage.map(([, text]) => text).join("\n")).toMatch(
      /SEARCH m USING INDEX confirmation_mail_retries_by_letter/,
    );
    const renewals = await planned(() => organizationKeysToRenew(db, 250));
    // The list of keys to renew is read whole, a batch at a time, and emptied: its own rows only.
    expect(renewals[0]![1]).toMatch(/SEARCH s USING INTEGER PRIMARY KEY/);
    for (const [sql, text] of [...people, ...awaiting, ...due, ...ofImport, ...importPage, ...renewals]) {
      expect(text, sql).not.toMatch(/SCAN (?:signatures|s)\b(?! USING)/);
    }
    for (const [sql, text] of [...due, ...ofImport, ...importPage])
      expect(text, sql).not.toMatch(/SCAN (?:confirmation_mail_retries|m|r)\b(?! USING)/);
  });
});

/** A filter that keeps every signature (as storage reads one). */
const EVERY_SIGNATURE = { signedSince: null, signedBefore: null };

describe("the indexes of signatures (issue 17, docs/scaling.md)", () => {
  it("each serve a named query of the app: none costs its rows for nothing", async () => {
    const signatures = await import("../../src/storage/signatures");
    const { expireUnconfirmed, flagBursts, organizationsAwaitingKey, signaturesAwaitingMailbox } =
      await import("../../src/storage/maintenance");
    const { importedSignatures } = await import("../../src/storage/imports");
    const counter = countingDatabase(env.DB);
    const db = counter.database;
    const hash = "0".repeat(64);
    // The query of the app each index serves, by the function that runs it. A new signature of the form is
    // written into the token's and the first twelve below (the public two once confirmed), and into no other
    // (test/storage/signature-write-cost.test.ts): each of those rows buys the seek proven here.
    const served: Record<string, () => Promise<unknown>> = {
      // Uniqueness, and a signer's repeat is found by them (one seek each).
      signatures_one_per_mailbox: () => signatures.findSignatureByEmail(db, 1, hash, "a@example.org", hash),
      signatures_one_per_email_hash: () => signatures.findSignatureByEmail(db, 1, hash, "a@example.org", hash),
      signatures_one_per_email: () => signatures.findSignatureByEmail(db, 1, hash, "a@example.org", hash),
      // The random link secrets of signatures from before derived links (UNIQUE columns).
      sqlite_autoindex_signatures_2: () => signatures.findSignatureByLinkToken(db, 1, "confirm", hash),
      sqlite_autoindex_signatures_3: () => signatures.findSignatureByLinkToken(db, 1, "withdraw", hash),
      // The organizers' list, newest first: whole, and by status.
      signatures_by_letter: () => signatures.listSignaturesForOrganizers(db, 1, { limit: 51 }),
      signatures_by_status: () => signatures.listSignaturesForOrganizers(db, 1, { status: "confirmed", limit: 51 }),
      // The organizers' downloads in the public list's order: the ranked signatures (few), then the
      // unranked organizations (migrations/0039; an individual is written into neither).
      signatures_ranked: () => signatures.listSignaturesInOrder(db, 1, EVERY_SIGNATURE, { limit: 51 }),
      signatures_unranked_organizations: () => signatures.listSignaturesInOrder(db, 1, EVERY_SIGNATURE, { limit: 51 }),
      // The cron's burst flagging: the last minutes' signatures, read once (their clients and email domains
      // counted over that read), and its expiry of unconfirmed signatures whose link expired long ago.
      signatures_by_time: () => flagBursts(db, new Date(), 30),
      signatures_unconfirmed_by_expiry: () => expireUnconfirmed(db, new Date()),
      // The public list (the page, the JSON, the API), and the API's ?country=.
      signatures_public_listing: () => signatures.listPublicSignatories(db, 1, null, 50),
      signatures_public_by_country: () => signatures.listPublicSignatories(db, 1, null, 50, { country: "HN" }),
      // The organizers' list of flagged signatures (a flag is set later, by the cron or a person).
      signatures_flagged: () => signatures.listSignaturesForOrganizers(db, 1, { flagged: true, limit: 51 }),
      // Organizations: one per name and per verified domain, and a set-aside contact's repeat.
      signatures_one_per_organization: () => signatures.findOrganizationSignature(db, 1, "wola"),
      signatures_one_per_verified_domain: () => signatures.verifiedDomainHeld(db, 1, "wola.org", 0),
      signatures_organization_contacts: () => signatures.findSetAsideOrganization(db, 1, hash),
      // An import's own page of signatures.
      signatures_by_import: () => importedSignatures(db, 1, 1, { limit: 51 }),
      // The maintenance job's backfills (rows from before a column existed; new rows are not in them).
      signatures_awaiting_organization_key: () => organizationsAwaitingKey(db, 250),
      signatures_awaiting_mailbox: () => signaturesAwaitingMailbox(db, 250, 1),
    };
    for (const [index, run] of Object.entries(served)) {
      counter.reset();
      await run();
      const plans = await Promise.all(counter.recorded().map(plan));
      expect(plans.flat().join("\n"), index).toMatch(new RegExp(`USING (?:COVERING )?INDEX ${index}\\b`));
    }
    // Proven elsewhere, by the test named.
    const elsewhere: Record<string, string> = {
      sqlite_autoindex_signatures_1: "the token (ref) seek, in the first test of this file",
      signatures_people_without_email: "migrations/0028's lookups, in this file",
      signatures_awaiting_person_key: "migrations/0028's lookups, in this file",
      signatures_delivery_consent: "the delivery notices' queueing, test/routes/delivery-notices.test.ts",
      // The target of the letter file's upsert (src/storage/letters-sql.ts ON CONFLICT ... WHERE channel =
      // 'initial'), which SQLite refuses without it: every createLetter of these tests runs it.
      signatures_initial_by_name: "the initial signatories' upsert, src/storage/letters-sql.ts",
    };
    const { results } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'signatures' ORDER BY name",
    ).all<{ name: string }>();
    expect(results.map((row) => row.name)).toEqual([...Object.keys(served), ...Object.keys(elsewhere)].sort());
  });
});
