/**
 * src/storage/signatures.ts against the real local D1: what each function's
 * doc comment promises. Adding a signature moves the letter's counters, its
 * record and its webhook outbox in the same transaction, and a repeated
 * email moves nothing; a status change is optimistic (a stale read changes
 * nothing) and counts exactly the signatures that enter or leave
 * "confirmed"; emails per signature have a cap; the public list pages in
 * (kind, position, id) order.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/domain/crypto";
import {
  SIGNATURE_STATUSES,
  UNRANKED_POSITION,
  type SignatureKind,
  type SignatureStatus,
} from "../../src/domain/signature";
import {
  changeSignatureStatus,
  findSignatureByEmail,
  findSignatureByLinkToken,
  findSignatureByRef,
  insertSignature,
  insertSignatures,
  listPublicSignatories,
  replaceUnconfirmedDetails,
  reserveEmail,
  setSignaturePositions,
  type NewSignature,
  type StoredSignature,
} from "../../src/storage/signatures";
import { createLetter } from "../helpers";
import { letterIdOf, newSignature as newSignatureOf } from "../seed";

const db = env.DB;

/**
 * A new signature (test/seed.ts newSignature) that also keeps the SHA-256 of a withdrawal secret
 * drawn at random, as signatures made before derived links did.
 */
async function newSignature(overrides: Partial<NewSignature> = {}): Promise<NewSignature> {
  return newSignatureOf({ withdrawTokenHash: await sha256Hex(crypto.randomUUID()), ...overrides });
}

/**
 * A letter with no signatories of its own (its counters start at 0), and its
 * id. Its record starts with its published text (entry 1, record_length 1).
 */
async function emptyLetter(options: Parameters<typeof createLetter>[0] = {}) {
  const letter = await createLetter(options);
  return { slug: letter.slug, id: await letterIdOf(letter.slug) };
}

async function counters(letterId: number) {
  return db
    .prepare(
      "SELECT signature_count, organization_count, individual_count, pending_count, record_length FROM letters WHERE id = ?1",
    )
    .bind(letterId)
    .first<{
      signature_count: number;
      organization_count: number;
      individual_count: number;
      pending_count: number;
      record_length: number;
    }>();
}

/** The letter's record entries about signatures (not its text's). */
async function recordOf(letterId: number) {
  const { results } = await db
    .prepare(
      "SELECT seq, event, ref, name, salt FROM record_entries WHERE letter_id = ?1 AND event <> 'text' ORDER BY seq",
    )
    .bind(letterId)
    .all<{ seq: number; event: string; ref: string; name: string | null; salt: string | null }>();
  return results;
}

async function webhooksOf(letterId: number) {
  const { results } = await db
    .prepare("SELECT signature_id, event FROM webhook_deliveries WHERE letter_id = ?1 ORDER BY id")
    .bind(letterId)
    .all<{ signature_id: number; event: string }>();
  return results;
}

async function withWebhook(letterId: number) {
  await db.prepare("UPDATE letters SET webhook_url = 'https://hooks.example.org/x' WHERE id = ?1").bind(letterId).run();
}

async function stored(letterId: number, ref: string): Promise<StoredSignature> {
  const signature = await findSignatureByRef(db, letterId, ref);
  expect(signature, ref).not.toBeNull();
  return signature!;
}

async function rowOf(id: number) {
  return db
    .prepare(
      "SELECT status, email, confirmed_at, withdrawn_at, confirm_token_hash, withdraw_token_hash, emails_sent, confirm_expires_at, position FROM signatures WHERE id = ?1",
    )
    .bind(id)
    .first<Record<string, unknown>>();
}

describe("insertSignature and insertSignatures", () => {
  it("store a confirmed signature with its counters, its record entry and its webhook, in one go", async () => {
    const letter = await emptyLetter();
    await withWebhook(letter.id);
    const signature = await newSignature({ name: "Ana Pérez", country: "HN" });
    const { created, ref } = await insertSignature(db, letter.id, signature);
    expect(created).toBe(true);
    expect(ref).toMatch(/^[0-9a-f]{32}$/);
    expect(await counters(letter.id)).toEqual({
      signature_count: 1,
      organization_count: 0,
      individual_count: 1,
      pending_count: 0,
      record_length: 2,
    });
    expect(await recordOf(letter.id)).toMatchObject([{ seq: 2, event: "signed", ref, name: "Ana Pérez" }]);
    const row = await stored(letter.id, ref);
    expect(row).toMatchObject({ name: "Ana Pérez", country: "HN", status: "confirmed", email: signature.email });
    expect(await webhooksOf(letter.id)).toEqual([{ signature_id: row.id, event: "signature.counted" }]);
    expect((await rowOf(row.id))!.confirmed_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("count an organization as one, and a pending signature only as pending, with no record entry or webhook", async () => {
    const letter = await emptyLetter();
    await withWebhook(letter.id);
    await insertSignature(db, letter.id, await newSignature({ kind: "organization", name: "Oxfam" }));
    await insertSignature(db, letter.id, await newSignature({ status: "unconfirmed" }));
    await insertSignature(db, letter.id, await newSignature({ kind: "organization", status: "in_review" }));
    expect(await counters(letter.id)).toEqual({
      signature_count: 1,
      organization_count: 1,
      individual_count: 0,
      pending_count: 2,
      record_length: 2,
    });
    expect(await recordOf(letter.id)).toHaveLength(1);
    expect(await webhooksOf(letter.id)).toHaveLength(1);
  });

  it("add nothing, and move nothing, for a mailbox or an email that already signed the letter", async () => {
    const letter = await emptyLetter();
    await withWebhook(letter.id);
    const first = await newSignature({ email: "twice@example.org" });
    const { ref } = await insertSignature(db, letter.id, first);
    const before = await counters(letter.id);
    // The same keyed hash, with other details and a status that would count.
    const again = await insertSignature(
      db,
      letter.id,
      await newSignature({ emailHash: first.emailHash, name: "Other" }),
    );
    expect(again.created).toBe(false);
    expect(again.ref).not.toBe(ref);
    expect(await findSignatureByRef(db, letter.id, again.ref)).toBeNull();
    // An older row matched by its address alone (before keyed hashes) is just as taken.
    const byAddress = await insertSignature(
      db,
      letter.id,
      await newSignature({ email: "twice@example.org", emailHash: "another-hash", mailboxHash: "another-mailbox" }),
    );
    expect(byAddress.created).toBe(false);
    // Another spelling of the same mailbox (domain/mailbox.ts): its own address and hash, the same mailbox hash.
    const byMailbox = await insertSignature(
      db,
      letter.id,
      await newSignature({ email: "twice+again@example.org", mailboxHash: first.mailboxHash }),
    );
    expect(byMailbox.created).toBe(false);
    expect(await counters(letter.id)).toEqual(before);
    expect(await recordOf(letter.id)).toHaveLength(1);
    expect(await webhooksOf(letter.id)).toHaveLength(1);
    expect((await stored(letter.id, ref)).name).toBe(first.name);
  });

  it("store a batch for several letters in the given order, a repeat among them refused alone", async () => {
    const [one, two] = [await emptyLetter(), await emptyLetter()];
    const repeated = await newSignature();
    const results = await insertSignatures(db, [
      { letterId: one.id, signature: repeated },
      { letterId: one.id, signature: await newSignature({ emailHash: repeated.emailHash }) },
      {
        letterId: two.id,
        signature: await newSignature({
          email: repeated.email,
          emailHash: repeated.emailHash,
          mailboxHash: repeated.mailboxHash,
        }),
      },
      { letterId: one.id, signature: await newSignature({ status: "unconfirmed" }) },
    ]);
    expect(results.map((result) => result.created)).toEqual([true, false, true, true]);
    expect(new Set(results.map((result) => result.ref)).size).toBe(4);
    expect(await counters(one.id)).toMatchObject({ signature_count: 1, pending_count: 1, record_length: 2 });
    expect(await counters(two.id)).toMatchObject({ signature_count: 1, pending_count: 0, record_length: 2 });
    expect(await insertSignatures(db, [])).toEqual([]);
  });
});

describe("finding a signature", () => {
  it("by email: its mailbox's keyed hash, its own, or the address of an older row without one, on that letter only", async () => {
    const letter = await emptyLetter();
    const other = await emptyLetter();
    const signature = await newSignature({ email: "found@example.org" });
    const { ref } = await insertSignature(db, letter.id, signature);
    const find = (letterId: number, emailHash: string, email: string, mailboxHash = "unknown-mailbox") =>
      findSignatureByEmail(db, letterId, emailHash, email, mailboxHash);
    expect((await find(letter.id, signature.emailHash, "not-this@example.org"))?.ref).toBe(ref);
    expect((await find(letter.id, "unknown-hash", "found+tag@example.org", signature.mailboxHash))?.ref).toBe(ref);
    expect(await find(other.id, signature.emailHash, signature.email, signature.mailboxHash)).toBeNull();
    expect(await find(letter.id, "unknown-hash", "unknown@example.org")).toBeNull();

    await db.prepare("UPDATE signatures SET email_hash = NULL, mailbox_hash = NULL WHERE token = ?1").bind(ref).run();
    expect((await find(letter.id, signature.emailHash, "found@example.org"))?.ref).toBe(ref);
  });

  it("by email, preferring a signature that is not withdrawn when an older spelling was", async () => {
    const letter = await emptyLetter();
    // Withdrawn before mailboxes were keyed (no mailbox hash, email forgotten), then signed in another spelling.
    const old = await newSignature({ email: "ana.gone@example.org", status: "confirmed" });
    const withdrawn = await insertSignature(db, letter.id, old);
    await db
      .prepare("UPDATE signatures SET status = 'withdrawn', email = NULL, mailbox_hash = NULL WHERE token = ?1")
      .bind(withdrawn.ref)
      .run();
    const live = await insertSignature(db, letter.id, await newSignature({ mailboxHash: old.mailboxHash }));
    const found = await findSignatureByEmail(db, letter.id, old.emailHash, old.email, old.mailboxHash);
    expect(found?.ref).toBe(live.ref);
  });

  it("by the hash of its confirmation or withdrawal link's secret, each link on its own, on that letter only", async () => {
    const letter = await emptyLetter();
    const other = await emptyLetter();
    const confirmTokenHash = await sha256Hex("confirm-secret");
    const withdrawTokenHash = await sha256Hex("withdraw-secret");
    const { ref } = await insertSignature(
      db,
      letter.id,
      await newSignature({
        status: "unconfirmed",
        confirmTokenHash,
        withdrawTokenHash,
        confirmExpiresAt: "2030-01-01T00:00:00.000Z",
      }),
    );
    const byConfirm = await findSignatureByLinkToken(db, letter.id, "confirm", confirmTokenHash);
    expect(byConfirm).toMatchObject({ ref, status: "unconfirmed", confirmExpiresAt: "2030-01-01T00:00:00.000Z" });
    expect((await findSignatureByLinkToken(db, letter.id, "withdraw", withdrawTokenHash))?.ref).toBe(ref);
    expect(await findSignatureByLinkToken(db, letter.id, "withdraw", confirmTokenHash)).toBeNull();
    expect(await findSignatureByLinkToken(db, letter.id, "confirm", withdrawTokenHash)).toBeNull();
    expect(await findSignatureByLinkToken(db, other.id, "confirm", confirmTokenHash)).toBeNull();
  });
});

describe("changeSignatureStatus", () => {
  it("confirms a signature with its counters, record entry and webhook, and says so", async () => {
    const letter = await emptyLetter();
    await withWebhook(letter.id);
    const { ref } = await insertSignature(db, letter.id, await newSignature({ status: "unconfirmed" }));
    const signature = await stored(letter.id, ref);
    expect(await changeSignatureStatus(db, signature, "confirmed")).toBe(true);
    expect(await counters(letter.id)).toMatchObject({ signature_count: 1, pending_count: 0, record_length: 2 });
    expect(await recordOf(letter.id)).toMatchObject([{ event: "signed", ref }]);
    expect(await webhooksOf(letter.id)).toEqual([{ signature_id: signature.id, event: "signature.counted" }]);
    expect((await rowOf(signature.id))!.confirmed_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("changes nothing, and says so, when the signature was read before another change (a double click)", async () => {
    const letter = await emptyLetter();
    await withWebhook(letter.id);
    const { ref } = await insertSignature(db, letter.id, await newSignature({ status: "unconfirmed" }));
    const read = await stored(letter.id, ref);
    const alsoRead = { ...read };
    expect(await changeSignatureStatus(db, read, "confirmed")).toBe(true);
    const after = { counters: await counters(letter.id), record: await recordOf(letter.id) };
    expect(await changeSignatureStatus(db, alsoRead, "confirmed")).toBe(false);
    // Read as unconfirmed, now confirmed: a withdrawal based on the stale read is refused too.
    expect(await changeSignatureStatus(db, alsoRead, "withdrawn", { forgetEmail: true })).toBe(false);
    expect(await counters(letter.id)).toEqual(after.counters);
    expect(await recordOf(letter.id)).toEqual(after.record);
    expect(await webhooksOf(letter.id)).toHaveLength(1);
    expect(await rowOf(read.id)).toMatchObject({ status: "confirmed", email: read.email, withdrawn_at: null });
  });

  it.each<[SignatureStatus, SignatureStatus]>([
    ["confirmed", "withdrawn"],
    ["confirmed", "hidden"],
    ["in_review", "rejected"],
    ["unconfirmed", "rejected"],
    ["unconfirmed", "withdrawn"],
  ])(
    "gives up an organization's key and verified domain in the same write (%s → %s), and takes the key back on restore unless held",
    async (from, to) => {
      const letter = await emptyLetter();
      const { ref } = await insertSignature(
        db,
        letter.id,
        await newSignature({
          kind: "organization",
          name: "Médecins Sans Frontières",
          contactName: "Ana",
          status: from,
        }),
      );
      const signature = await stored(letter.id, ref);
      await db
        .prepare(
          "UPDATE signatures SET verification = 'email-domain', verified_at = '2031-01-01T00:00:00.000Z', verified_domain = 'msf.org' WHERE id = ?1",
        )
        .bind(signature.id)
        .run();
      const keys = () =>
        db
          .prepare("SELECT organization_key, verified_domain, verification, verified_at FROM signatures WHERE id = ?1")
          .bind(signature.id)
          .first();
      expect(await changeSignatureStatus(db, signature, to)).toBe(true);
      // The email-domain verification goes with its domain: never brought back.
      expect(await keys()).toEqual({
        organization_key: null,
        verified_domain: null,
        verification: null,
        verified_at: null,
      });
      if (to === "withdrawn") return;
      const setAside = await stored(letter.id, ref);
      // Another signature takes the organization meanwhile: the restore changes nothing.
      const other = await insertSignature(
        db,
        letter.id,
        await newSignature({ kind: "organization", name: "MEDECINS SANS FRONTIERES", contactName: "Bo" }),
      );
      expect(other.created).toBe(true);
      expect(await changeSignatureStatus(db, setAside, "confirmed")).toBe(false);
      expect((await stored(letter.id, ref)).status).toBe(to);
      await changeSignatureStatus(db, await stored(letter.id, other.ref), "hidden");
      expect(await changeSignatureStatus(db, setAside, "confirmed")).toBe(true);
      expect(await keys()).toEqual({
        organization_key: "medecins sans frontieres",
        verified_domain: null,
        verification: null,
        verified_at: null,
      });
    },
  );

  it("keeps an organizers' verification when the organization is set aside", async () => {
    const letter = await emptyLetter();
    const { ref } = await insertSignature(
      db,
      letter.id,
      await newSignature({ kind: "organization", name: "Oxfam", contactName: "Ana" }),
    );
    const signature = await stored(letter.id, ref);
    await db
      .prepare(
        "UPDATE signatures SET verification = 'organizers', verified_at = '2031-01-01T00:00:00.000Z' WHERE id = ?1",
      )
      .bind(signature.id)
      .run();
    expect(await changeSignatureStatus(db, signature, "hidden")).toBe(true);
    expect(
      await db
        .prepare("SELECT organization_key, verification FROM signatures WHERE id = ?1")
        .bind(signature.id)
        .first(),
    ).toEqual({ organization_key: null, verification: "organizers" });
  });

  it("erases the signatory's name from the record when hidden or withdrawn, writing the change as an entry", async () => {
    const letter = await emptyLetter();
    const { ref } = await insertSignature(db, letter.id, await newSignature({ name: "Changing Mind" }));
    expect(await changeSignatureStatus(db, await stored(letter.id, ref), "hidden")).toBe(true);
    expect(await changeSignatureStatus(db, await stored(letter.id, ref), "confirmed")).toBe(true);
    expect((await recordOf(letter.id)).map((entry) => [entry.event, entry.name])).toEqual([
      ["signed", null],
      ["hidden", null],
      ["restored", "Changing Mind"],
    ]);
    expect(await changeSignatureStatus(db, await stored(letter.id, ref), "withdrawn", { forgetEmail: true })).toBe(
      true,
    );
    const record = await recordOf(letter.id);
    expect(record.map((entry) => entry.event)).toEqual(["signed", "hidden", "restored", "withdrawn"]);
    expect(record.every((entry) => entry.name === null && entry.salt === null)).toBe(true);
    expect(await counters(letter.id)).toMatchObject({ signature_count: 0, individual_count: 0, record_length: 5 });
    const row = await rowOf((await stored(letter.id, ref)).id);
    expect(row).toMatchObject({ status: "withdrawn", email: null });
    expect(row!.withdrawn_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("brings a withdrawn signature back as a new one: its details, a new reference, no old link secret", async () => {
    const letter = await emptyLetter();
    const { ref } = await insertSignature(
      db,
      letter.id,
      await newSignature({
        status: "withdrawn",
        confirmTokenHash: await sha256Hex("old-confirm"),
        withdrawTokenHash: await sha256Hex("old-withdraw"),
      }),
    );
    const signature = await stored(letter.id, ref);
    const newRef = "ab".repeat(16);
    const changed = await changeSignatureStatus(db, signature, "unconfirmed", {
      details: {
        kind: "individual",
        name: "Back Again",
        organization: null,
        title: "Nurse",
        city: "Lima",
        country: "PE",
        website: null,
        isPublic: false,
        language: "es",
      },
      ref: newRef,
      confirmExpiresAt: "2030-01-01T00:00:00.000Z",
    });
    expect(changed).toBe(true);
    expect(await findSignatureByRef(db, letter.id, ref)).toBeNull();
    expect(await stored(letter.id, newRef)).toMatchObject({
      id: signature.id,
      name: "Back Again",
      title: "Nurse",
      city: "Lima",
      country: "PE",
      isPublic: false,
      status: "unconfirmed",
      confirmExpiresAt: "2030-01-01T00:00:00.000Z",
    });
    expect(await findSignatureByLinkToken(db, letter.id, "confirm", await sha256Hex("old-confirm"))).toBeNull();
    expect(await findSignatureByLinkToken(db, letter.id, "withdraw", await sha256Hex("old-withdraw"))).toBeNull();
    expect(await counters(letter.id)).toMatchObject({ signature_count: 0, pending_count: 1, record_length: 1 });
  });

  const isPending = (status: SignatureStatus) => status === "unconfirmed" || status === "in_review";
  const pairs = SIGNATURE_STATUSES.flatMap((from) =>
    SIGNATURE_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const),
  );

  it.each<[SignatureKind]>([["individual"], ["organization"]])(
    "moves the counts of an %s exactly when it enters or leaves confirmed, for every change of status",
    async (kind) => {
      const letter = await emptyLetter();
      const signatures = await insertSignatures(
        db,
        await Promise.all(
          pairs.map(async ([from]) => ({ letterId: letter.id, signature: await newSignature({ kind, status: from }) })),
        ),
      );
      const { results: rows } = await db
        .prepare("SELECT id, token FROM signatures WHERE letter_id = ?1")
        .bind(letter.id)
        .all<{ id: number; token: string }>();
      const ids = new Map(rows.map((row) => [row.token, row.id]));
      let after = (await counters(letter.id))!;
      for (const [index, [from, to]] of pairs.entries()) {
        const before = after;
        const signature = { id: ids.get(signatures[index]!.ref)!, letterId: letter.id, kind, status: from };
        expect(await changeSignatureStatus(db, signature, to)).toBe(true);
        after = (await counters(letter.id))!;
        const counted = Number(to === "confirmed") - Number(from === "confirmed");
        const change = `${from} → ${to}`;
        expect(after.signature_count - before.signature_count, change).toBe(counted);
        expect(after.organization_count - before.organization_count, change).toBe(
          kind === "organization" ? counted : 0,
        );
        expect(after.individual_count - before.individual_count, change).toBe(kind === "individual" ? counted : 0);
        expect(after.pending_count - before.pending_count, change).toBe(
          Number(isPending(to)) - Number(isPending(from)),
        );
        expect(after.record_length - before.record_length, change).toBe(Math.abs(counted));
      }
    },
  );
});

describe("reserveEmail", () => {
  it("allows emails up to the cap within the window, moving the confirmation link's expiry, then refuses until a day later", async () => {
    const letter = await emptyLetter();
    const day = 86_400_000;
    const start = new Date("2030-05-01T08:00:00.000Z");
    const { ref } = await insertSignature(
      db,
      letter.id,
      await newSignature({ status: "unconfirmed", emailsSent: 1, emailsWindowStart: start.toISOString() }),
    );
    const { id } = await stored(letter.id, ref);
    const at = (ms: number) => ({ cap: 3, windowMs: day, now: new Date(start.getTime() + ms) });
    expect(await reserveEmail(db, id, at(1_000), { confirmExpiresAt: "2030-06-01T00:00:00.000Z" })).toBe(true);
    expect(await reserveEmail(db, id, at(2_000))).toBe(true);
    expect(await rowOf(id)).toMatchObject({ emails_sent: 3, confirm_expires_at: "2030-06-01T00:00:00.000Z" });
    expect(await reserveEmail(db, id, at(day - 1), { confirmExpiresAt: "2031-01-01T00:00:00.000Z" })).toBe(false);
    expect(await rowOf(id)).toMatchObject({ emails_sent: 3, confirm_expires_at: "2030-06-01T00:00:00.000Z" });
    // A day after the window began, a new one starts with this email.
    expect(await reserveEmail(db, id, at(day))).toBe(true);
    expect(await rowOf(id)).toMatchObject({ emails_sent: 1 });
  });

  it("starts a window for a row written before windows existed", async () => {
    const letter = await emptyLetter();
    const { ref } = await insertSignature(db, letter.id, await newSignature({ status: "confirmed", emailsSent: 5 }));
    const { id } = await stored(letter.id, ref);
    expect(await reserveEmail(db, id, { cap: 5, windowMs: 86_400_000, now: new Date() })).toBe(true);
    expect(await rowOf(id)).toMatchObject({ emails_sent: 1 });
  });
});

describe("replaceUnconfirmedDetails", () => {
  it("replaces an unconfirmed signature's details, and nothing once it is confirmed", async () => {
    const letter = await emptyLetter();
    const details = {
      kind: "individual" as const,
      name: "Jorge Ramírez",
      organization: "Universidad Nacional",
      title: null,
      city: null,
      country: "HN",
      website: null,
      isPublic: true,
    };
    const waiting = await insertSignature(db, letter.id, await newSignature({ status: "unconfirmed" }));
    const counted = await insertSignature(db, letter.id, await newSignature({ status: "confirmed" }));
    expect(await replaceUnconfirmedDetails(db, (await stored(letter.id, waiting.ref)).id, details)).toBe(true);
    expect(await stored(letter.id, waiting.ref)).toMatchObject({
      name: "Jorge Ramírez",
      organization: "Universidad Nacional",
    });
    const before = await stored(letter.id, counted.ref);
    expect(await replaceUnconfirmedDetails(db, before.id, details)).toBe(false);
    expect(await stored(letter.id, counted.ref)).toEqual(before);
  });
});

describe("listPublicSignatories", () => {
  /** A letter with two organizations and two individuals of its own (positions 1, 2), then these signatures. */
  async function listedLetter() {
    const letter = await createLetter({ organizations: ["Lead A", "Lead B"], individuals: ["First X", "First Y"] });
    const id = await letterIdOf(letter.slug);
    const results = await insertSignatures(db, [
      { letterId: id, signature: await newSignature({ name: "Person 1", country: "HN" }) },
      { letterId: id, signature: await newSignature({ kind: "organization", name: "Org 1", country: "HN" }) },
      { letterId: id, signature: await newSignature({ name: "Unlisted", isPublic: false }) },
      { letterId: id, signature: await newSignature({ name: "Unconfirmed", status: "unconfirmed" }) },
      { letterId: id, signature: await newSignature({ name: "Hidden", status: "hidden" }) },
      { letterId: id, signature: await newSignature({ kind: "organization", name: "Org 2", country: "US" }) },
      { letterId: id, signature: await newSignature({ name: "Person 2", country: "US" }) },
    ]);
    return { id, refs: results.map((result) => result.ref) };
  }

  async function walk(letterId: number, pageSize: number, filter = {}) {
    const names: string[][] = [];
    let after = null;
    for (let pages = 0; pages < 20; pages++) {
      const page: Awaited<ReturnType<typeof listPublicSignatories>> = await listPublicSignatories(
        db,
        letterId,
        after,
        pageSize,
        filter,
      );
      names.push(page.signatories.map((signatory) => signatory.name));
      if (page.next === null) return names;
      after = page.next;
    }
    throw new Error("The pages never end");
  }

  it("pages through the confirmed, public signatories once each: organizations first, each kind by position then signing order", async () => {
    const { id } = await listedLetter();
    const everyone = ["Lead A", "Lead B", "Org 1", "Org 2", "First X", "First Y", "Person 1", "Person 2"];
    expect((await walk(id, 100)).flat()).toEqual(everyone);
    expect(await walk(id, 3)).toEqual([
      ["Lead A", "Lead B", "Org 1"],
      ["Org 2", "First X", "First Y"],
      ["Person 1", "Person 2"],
    ]);
    // Exactly a page's worth: no empty page after it.
    expect(await walk(id, 4)).toEqual([everyone.slice(0, 4), everyone.slice(4)]);
    const first = await listPublicSignatories(db, id, null, 1);
    expect(first.signatories[0]).toMatchObject({ kind: "organization", name: "Lead A" });
    expect(first.signatories[0]!.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(first.next).toEqual(first.signatories[0]!.cursor);
    expect(JSON.stringify(first)).not.toContain("@example.org");
  });

  it("keeps to one kind or one country when asked, a cursor of the other kind starting that kind afresh", async () => {
    const { id } = await listedLetter();
    expect((await walk(id, 1, { kind: "individual" })).flat()).toEqual(["First X", "First Y", "Person 1", "Person 2"]);
    expect((await walk(id, 2, { country: "HN" })).flat()).toEqual(["Org 1", "Person 1"]);
    expect((await walk(id, 2, { kind: "organization", country: "US" })).flat()).toEqual(["Org 2"]);
    const organization = (await listPublicSignatories(db, id, null, 1)).next!;
    const individuals = await listPublicSignatories(db, id, organization, 10, { kind: "individual" });
    expect(individuals.signatories.map((signatory) => signatory.name)).toEqual([
      "First X",
      "First Y",
      "Person 1",
      "Person 2",
    ]);
  });

  it("follows the positions organizers set, and puts a signatory whose position is cleared back in signing order", async () => {
    const { id, refs } = await listedLetter();
    const [person1, org1, , , , org2] = refs;
    await setSignaturePositions(db, id, [
      { ref: org2!, position: 1 },
      { ref: org1!, position: 2 },
    ]);
    expect((await walk(id, 100, { kind: "organization" })).flat()).toEqual(["Lead A", "Org 2", "Lead B", "Org 1"]);
    await setSignaturePositions(db, id, [{ ref: org2!, position: null }]);
    expect((await walk(id, 100, { kind: "organization" })).flat()).toEqual(["Lead A", "Lead B", "Org 1", "Org 2"]);
    expect((await rowOf((await stored(id, org2!)).id))!.position).toBe(UNRANKED_POSITION);
    expect((await rowOf((await stored(id, person1!)).id))!.position).toBe(UNRANKED_POSITION);
  });
});

describe("setSignaturePositions", () => {
  it("sets only the given signatures of that letter, and hands the letter's order to the organizers", async () => {
    const letter = await emptyLetter();
    const other = await emptyLetter();
    const [mine] = await insertSignatures(db, [{ letterId: letter.id, signature: await newSignature() }]);
    const [theirs] = await insertSignatures(db, [{ letterId: other.id, signature: await newSignature() }]);
    const managedBy = async (id: number) =>
      (await db.prepare("SELECT managed_by FROM letters WHERE id = ?1").bind(id).first<{ managed_by: string }>())!
        .managed_by;

    await setSignaturePositions(db, letter.id, []);
    expect(await managedBy(letter.id)).toBe("file");

    await setSignaturePositions(db, letter.id, [
      { ref: mine!.ref, position: 3 },
      { ref: theirs!.ref, position: 1 },
    ]);
    expect((await rowOf((await stored(letter.id, mine!.ref)).id))!.position).toBe(3);
    expect((await rowOf((await stored(other.id, theirs!.ref)).id))!.position).toBe(UNRANKED_POSITION);
    expect(await managedBy(letter.id)).toBe("admin");
    expect(await managedBy(other.id)).toBe("file");
  });
});
