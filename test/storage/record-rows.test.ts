/**
 * What a public request about a letter's record reads (issue 17): D1 bills each row a statement
 * reads, and no public request may read rows in proportion to the letter's record. A signer's
 * withdrawal (and organizers' hide and reject, the same statement), an entry's page, its
 * inclusion proof and a consistency proof read the same rows, or within a log factor, on a record
 * of 40 entries and on one of 1,600. Rows are D1's own meta.rows_read.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { findEntryAndLater, recordConsistencyProof, recordInclusionProof, sealRecord } from "../../src/storage/record";
import { seedLetterStatements } from "../../src/storage/seed";
import { changeSignatureStatus } from "../../src/storage/signatures";
import { rowsReadCounter, runStatements } from "../helpers";

/** Runs `work` against a database that sums the rows each statement reads; returns that sum. */
async function rowsRead(work: (db: D1Database) => Promise<unknown>): Promise<number> {
  const counter = rowsReadCounter();
  await work(counter.database);
  return counter.read();
}

interface Record {
  letterId: number;
  size: number;
  /** A signature whose `signed` entry is near the start of the record. */
  early: { id: number; letterId: number; kind: "individual" | "organization"; status: "confirmed" };
}

/** A letter whose record holds its text and `signatures` signed entries, all sealed. */
async function sealedRecord(slug: string, signatures: number): Promise<Record> {
  await runStatements(await seedLetterStatements(slug, 0, signatures, { record: true }));
  const letter = await env.DB.prepare("SELECT id FROM letters WHERE slug = ?1").bind(slug).first<{ id: number }>();
  const size = await sealRecord(env.DB, letter!.id);
  const early = await env.DB.prepare(
    "SELECT id, kind FROM signatures WHERE letter_id = ?1 AND status = 'confirmed' ORDER BY id LIMIT 1",
  )
    .bind(letter!.id)
    .first<{ id: number; kind: "individual" | "organization" }>();
  return { letterId: letter!.id, size, early: { ...early!, letterId: letter!.id, status: "confirmed" } };
}

describe("rows read by public record requests", () => {
  it("do not grow with the record", async () => {
    const small = await sealedRecord("record-rows-small", 40);
    const large = await sealedRecord("record-rows-large", 1_600);
    expect([small.size, large.size]).toEqual([41, 1_601]);

    const entryPage = (record: Record) => rowsRead((db) => findEntryAndLater(db, record.letterId, 2, record.size));
    const inclusion = (record: Record) => rowsRead((db) => recordInclusionProof(db, record.letterId, 2, record.size));
    const consistency = (record: Record) =>
      rowsRead((db) => recordConsistencyProof(db, record.letterId, 3, record.size));
    const withdrawal = (record: Record) => rowsRead((db) => changeSignatureStatus(db, record.early, "withdrawn"));

    const measured = {
      entryPage: [await entryPage(small), await entryPage(large)],
      inclusion: [await inclusion(small), await inclusion(large)],
      consistency: [await consistency(small), await consistency(large)],
      withdrawal: [await withdrawal(small), await withdrawal(large)],
    };
    // Equal where nothing depends on the size; a proof has O(log n) nodes: log2(1,601) / log2(41) < 2.
    expect(measured.entryPage[1], JSON.stringify(measured)).toBe(measured.entryPage[0]);
    expect(measured.withdrawal[1], JSON.stringify(measured)).toBe(measured.withdrawal[0]);
    expect(measured.inclusion[1], JSON.stringify(measured)).toBeLessThanOrEqual(2 * measured.inclusion[0]!);
    expect(measured.consistency[1], JSON.stringify(measured)).toBeLessThanOrEqual(2 * measured.consistency[0]!);
  });
});
