/**
 * The application's status changes, called as a route, a job or the queue
 * consumer would (explicit dependencies, no HTTP), against the real local D1:
 * one rule for when the public copies are refreshed, one re-read-and-retry.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { appDeps, type PublicCopies } from "../../src/app/deps";
import { BULK_LIMIT, moderateSignature, moderateSignatures, previewBulkModeration } from "../../src/app/moderation";
import { Problem } from "../../src/app/problem";
import { changesPublicCopies, changeStatus } from "../../src/app/signature-status";
import type { SignatureStatus } from "../../src/domain/signature";
import { readSettings } from "../../src/env";
import { findLetter } from "../../src/storage/letters";
import { findSignatureByRef } from "../../src/storage/signatures";
import { createLetter, letterRow } from "../helpers";
import { seedSignatures } from "../seed";

/** Dependencies whose cache refresher records the letters it was told about. */
function testDeps() {
  const refreshed: string[] = [];
  const publicCopies: PublicCopies = {
    letterChanged: (slug) => {
      refreshed.push(slug);
      return Promise.resolve();
    },
  };
  return { deps: appDeps(env, readSettings(env), { publicCopies, origin: "https://undersigned.test" }), refreshed };
}

/** Stores signatures of `letter` in the given statuses, through the storage layer (no HTTP). */
async function seed(slug: string, statuses: SignatureStatus[], kind: "organization" | "individual" = "individual") {
  const seeded = await seedSignatures(
    slug,
    statuses.map((status) => ({ status, kind })),
  );
  return { letter: (await findLetter(env.DB, slug))!, refs: seeded.map((signature) => signature.ref) };
}

describe("which status changes refresh the public copies", () => {
  it("is every change of what the public counts or lists, and only those", () => {
    expect(changesPublicCopies("in_review", "confirmed")).toBe(true);
    expect(changesPublicCopies("confirmed", "hidden")).toBe(true);
    expect(changesPublicCopies("hidden", "confirmed")).toBe(true);
    expect(changesPublicCopies("unconfirmed", "confirmed")).toBe(true);
    // Waiting signatures are not public (no pending count): moving among waiting, removed or withdrawn shows nothing.
    expect(changesPublicCopies("unconfirmed", "withdrawn")).toBe(false);
    expect(changesPublicCopies("in_review", "rejected")).toBe(false);
    expect(changesPublicCopies("hidden", "withdrawn")).toBe(false);
    expect(changesPublicCopies("rejected", "hidden")).toBe(false);
  });
});

describe("moderating one signature", () => {
  it("approves an organization into the counts and refreshes the letter's copies, whoever calls it", async () => {
    const { slug } = await createLetter({ reviewOrganizations: true });
    const { letter, refs } = await seed(slug, ["in_review"], "organization");
    const { deps, refreshed } = testDeps();
    expect(await moderateSignature(deps, letter, refs[0]!, "approve")).toEqual({ from: "in_review", to: "confirmed" });
    expect(refreshed).toEqual([slug]);
    expect(await letterRow(slug)).toMatchObject({ signature_count: 1, organization_count: 1 });
  });

  it("refuses an action that does not apply (409) and an unknown signature (404), changing nothing", async () => {
    const { slug } = await createLetter();
    const { letter, refs } = await seed(slug, ["withdrawn"]);
    const { deps, refreshed } = testDeps();
    await expect(moderateSignature(deps, letter, refs[0]!, "approve")).rejects.toMatchObject({ status: 409 });
    await expect(moderateSignature(deps, letter, "0".repeat(32), "hide")).rejects.toBeInstanceOf(Problem);
    await expect(moderateSignature(deps, letter, "not-a-ref", "hide")).rejects.toMatchObject({ status: 404 });
    expect(refreshed).toEqual([]);
  });
});

describe("changing a status under a race", () => {
  it("reads the signature again when it changed between the read and the write, and decides anew", async () => {
    const { slug } = await createLetter();
    const { letter, refs } = await seed(slug, ["confirmed"]);
    const { deps } = testDeps();
    const stale = (await findSignatureByRef(env.DB, letter.id, refs[0]!))!;
    // Someone else hides it after our read.
    await moderateSignature(deps, letter, refs[0]!, "hide");
    const decided: SignatureStatus[] = [];
    const change = await changeStatus(
      deps,
      slug,
      () => findSignatureByRef(env.DB, letter.id, refs[0]!),
      (signature) => {
        decided.push(signature.status);
        return signature.status === "withdrawn" ? null : { to: "withdrawn" };
      },
      { first: stale },
    );
    expect(decided).toEqual(["confirmed", "hidden"]);
    expect(change).toMatchObject({ changed: true, to: "withdrawn" });
    expect((await findSignatureByRef(env.DB, letter.id, refs[0]!))!.status).toBe("withdrawn");
  });
});

describe("moderating in bulk", () => {
  it("changes every selected signature the action applies to, and refreshes the copies once", async () => {
    const { slug } = await createLetter();
    const { letter, refs } = await seed(slug, ["confirmed", "confirmed", "withdrawn", "hidden"]);
    const { deps, refreshed } = testDeps();
    expect(await moderateSignatures(deps, letter, { refs }, "hide")).toEqual({ changed: 2, held: [] });
    expect(refreshed).toEqual([slug]);
    expect(await letterRow(slug)).toMatchObject({ signature_count: 0 });
  });

  it("changes everything matching a filter, and refreshes nothing when nothing applied", async () => {
    const { slug } = await createLetter();
    const { letter } = await seed(slug, ["hidden", "hidden", "confirmed"]);
    const { deps, refreshed } = testDeps();
    expect(await moderateSignatures(deps, letter, { filter: { status: "hidden" } }, "approve")).toEqual({
      changed: 0,
      held: [],
    });
    expect(refreshed).toEqual([]);
    expect(await moderateSignatures(deps, letter, { filter: {} }, "restore")).toEqual({ changed: 2, held: [] });
    expect(refreshed).toEqual([slug]);
    const fresh = (await findLetter(env.DB, slug))!;
    expect(fresh.counts.total).toBe(3);
  });

  it("refuses more than BULK_LIMIT selected signatures with the same 413, to review as to apply, changing nothing", async () => {
    const { slug } = await createLetter();
    const { letter, refs } = await seed(slug, ["confirmed"]);
    const { deps, refreshed } = testDeps();
    const tooMany = {
      refs: [...refs, ...Array.from({ length: BULK_LIMIT }, () => crypto.randomUUID().replaceAll("-", ""))],
    };
    const refusal = {
      status: 413,
      title: "Too many signatures selected",
      message: `Select at most ${BULK_LIMIT.toLocaleString("en")} at once.`,
    };
    for (const attempt of [
      () => previewBulkModeration(deps, letter, tooMany, "hide"),
      () => moderateSignatures(deps, letter, tooMany, "hide"),
    ]) {
      const error = await attempt().catch((error: unknown) => error);
      expect(error).toBeInstanceOf(Problem);
      expect(error).toMatchObject(refusal);
    }
    expect(refreshed).toEqual([]);
    expect(await letterRow(slug)).toMatchObject({ signature_count: 1 });
  });
});
