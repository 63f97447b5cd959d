/**
 * What organizers read of a letter's signatures, as the routes call it (no
 * HTTP), against the real local D1: the list a page at a time, the
 * organizations to put in order, the API's list, and where signatures came from.
 */
import { describe, expect, it } from "vitest";
import {
  LIST_PAGE_SIZE,
  organizationsInOrder,
  organizerSignatures,
  searchLetterSignatures,
  signaturesBySource,
} from "../../src/app/signature-lists";
import type { SignatureStatus } from "../../src/domain/signature";
import { createLetter } from "../helpers";
import { requireLetter } from "../../src/app/letters";
import { organizerDeps, storedSignatures } from "./organizer-deps";

describe("the organizers' list of signatures", () => {
  it("pages newest first, counting every match, and filters", async () => {
    const { deps } = organizerDeps();
    const { slug } = await createLetter();
    await storedSignatures(slug, Array<SignatureStatus>(LIST_PAGE_SIZE + 5).fill("confirmed"));
    await storedSignatures(slug, ["hidden"]);
    const letter = await requireLetter(deps, slug);
    const first = await searchLetterSignatures(deps, letter, {}, undefined);
    expect(first.matching).toEqual({ count: LIST_PAGE_SIZE + 6, more: false, of: "all" });
    expect(first.signatures).toHaveLength(LIST_PAGE_SIZE);
    expect(first.signatures[0]!.status).toBe("hidden");
    const second = await searchLetterSignatures(deps, letter, {}, first.nextBefore!);
    expect(second.signatures).toHaveLength(6);
    expect(second.nextBefore).toBeNull();
    const hidden = await searchLetterSignatures(deps, letter, { status: "hidden" }, undefined);
    expect([hidden.matching, hidden.signatures.length, hidden.nextBefore]).toEqual([
      { count: 1, more: false, of: "all" },
      1,
      null,
    ]);
  });

  it("lists the counted organizations to put in order, in the public order", async () => {
    const { deps } = organizerDeps();
    const { slug } = await createLetter({ organizations: ["First Org", "Second Org"] });
    await storedSignatures(slug, ["confirmed", "in_review"], { kind: "organization" });
    await storedSignatures(slug, ["confirmed"]);
    const organizations = await organizationsInOrder(deps, await requireLetter(deps, slug));
    expect(organizations.map((signature) => signature.name).slice(0, 2)).toEqual(["First Org", "Second Org"]);
    expect(organizations).toHaveLength(3);
    expect(organizations.every((signature) => signature.kind === "organization")).toBe(true);
  });

  it("gives the JSON API its page by status, and the counts per attribution", async () => {
    const { deps } = organizerDeps();
    const { slug } = await createLetter();
    await storedSignatures(slug, ["confirmed", "confirmed", "unconfirmed"], { source: "partner-radio" });
    await storedSignatures(slug, ["confirmed", "withdrawn"]);
    const letter = await requireLetter(deps, slug);
    const confirmed = await organizerSignatures(deps, letter, { status: "confirmed", flagged: false });
    expect(confirmed.signatures).toHaveLength(3);
    expect(confirmed.nextBefore).toBeNull();
    expect((await organizerSignatures(deps, letter, { flagged: true })).signatures).toEqual([]);
    expect(await signaturesBySource(deps, letter)).toEqual({
      sources: [
        { source: null, total: 2, confirmed: 1, withdrawn: 1 },
        { source: "partner-radio", total: 3, confirmed: 2, unconfirmed: 1 },
      ],
      counted: 5,
      all: true,
      nextBefore: null,
    });
  });
});
