/**
 * Organizers' letters, called as a route would (explicit dependencies, no
 * HTTP) against the real local D1: drafts written and edited, the stages
 * from draft to delivered with the reason for each refusal, deleting, the
 * shareable preview's key, and which changes refresh the public copies.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  changeLetterStage,
  createDraft,
  deleteDraft,
  editLetter,
  letterHistory,
  previewedLetter,
  renewPreviewLink,
  previewOfForm,
  requireEditableLetter,
  requireLetter,
} from "../../src/app/letters";
import { Problem } from "../../src/app/problem";
import { draftPreviewKey } from "../../src/domain/draft-preview";
import { findEditableLetter, findLetter, letterPreviewSeed } from "../../src/storage/letters";
import { upsertLetterTranslation } from "../../src/storage/letter-translations";
import { createLetter, uniqueSlug } from "../helpers";
import { letterInput, organizerDeps, storedDraft, storedSignatures } from "./organizer-deps";

describe("finding a letter", () => {
  it("finds drafts too, and answers 404 for an unknown address or one that can't be an address", async () => {
    const { deps } = organizerDeps();
    const draft = await storedDraft();
    expect((await requireLetter(deps, draft.slug)).status).toBe("draft");
    expect((await requireEditableLetter(deps, draft.slug)).bodyMarkdown).toBe(draft.bodyMarkdown);
    for (const slug of ["no-such-letter", "NOT_A_SLUG", ""]) {
      await expect(requireLetter(deps, slug)).rejects.toMatchObject({ status: 404, title: "Letter not found" });
    }
  });
});

describe("writing a letter", () => {
  it("saves a new draft, refreshing nothing (it is not public), and refuses an address already taken (409)", async () => {
    const { deps, refreshed } = organizerDeps();
    const input = letterInput();
    expect(await createDraft(deps, input)).toEqual({ slug: input.slug });
    expect((await findLetter(env.DB, input.slug))!.status).toBe("draft");
    expect(await createDraft(deps, { ...input, title: "Another" })).toMatchObject({ field: "slug", status: 409 });
    expect(refreshed).toEqual([]);
  });

  it("edits a draft, its address included, and refreshes the copies of the address it had", async () => {
    const { deps, refreshed } = organizerDeps();
    const draft = await storedDraft();
    const renamed = uniqueSlug("renamed");
    expect(await editLetter(deps, draft, letterInput({ slug: renamed, title: "Renamed" }))).toEqual({ slug: renamed });
    expect((await findLetter(env.DB, renamed))!.title).toBe("Renamed");
    expect(refreshed).toEqual([draft.slug]);
  });

  it("keeps a published letter's address whatever the form says", async () => {
    const { deps } = organizerDeps();
    const draft = await storedDraft();
    await changeLetterStage(deps, draft, "publish", null);
    const published = (await findEditableLetter(env.DB, draft.slug))!;
    expect(await editLetter(deps, published, letterInput({ slug: uniqueSlug("moved"), title: "Edited" }))).toEqual({
      slug: draft.slug,
    });
    expect((await findLetter(env.DB, draft.slug))!.title).toBe("Edited");
  });

  it("refuses a language the letter has a translation in (422) and an address taken (409), saving nothing", async () => {
    const { deps, refreshed } = organizerDeps();
    const other = await storedDraft();
    const draft = await storedDraft({ title: "Original title" });
    await upsertLetterTranslation(env.DB, draft.id, {
      language: "es",
      title: "Carta",
      summary: "Resumen.",
      addressee: "Alguien",
      bodyMarkdown: "Texto.",
      bodyHtml: "<p>Texto.</p>",
    });
    const translated = (await findEditableLetter(env.DB, draft.slug))!;
    expect(await editLetter(deps, translated, letterInput({ slug: draft.slug, language: "es" }))).toMatchObject({
      field: "language",
      status: 422,
    });
    expect(await editLetter(deps, translated, letterInput({ slug: other.slug }))).toMatchObject({
      field: "slug",
      status: 409,
      message: "Another letter already has this address. Choose another.",
    });
    expect((await findLetter(env.DB, draft.slug))!.title).toBe("Original title");
    expect(refreshed).toEqual([]);
  });

  it("previews the form as the letter it would make, with the stored letter's counts", async () => {
    const { deps } = organizerDeps();
    const draft = await storedDraft();
    await changeLetterStage(deps, draft, "publish", null);
    await storedSignatures(draft.slug, ["confirmed", "confirmed"]);
    const preview = await previewOfForm(deps, letterInput({ slug: draft.slug, title: "As typed" }));
    expect(preview).toMatchObject({ id: draft.id, title: "As typed", status: "open", languages: ["en"] });
    expect(preview.counts.total).toBe(2);
    expect(await previewOfForm(deps, letterInput())).toMatchObject({ id: 0, status: "draft" });
  });
});

describe("a letter's stages", () => {
  it("goes from draft to open, closed, open and delivered, refreshing the public copies at each step", async () => {
    const { deps, refreshed } = organizerDeps();
    const draft = await storedDraft();
    const read = () => findLetter(env.DB, draft.slug).then((letter) => letter!);
    await changeLetterStage(deps, await read(), "publish", null);
    expect((await read()).status).toBe("open");
    await changeLetterStage(deps, await read(), "close", null);
    expect((await read()).status).toBe("closed");
    await changeLetterStage(deps, await read(), "reopen", null);
    await changeLetterStage(deps, await read(), "deliver", {
      on: "2017-12-20",
      note: "Delivered to the OAS.",
      translations: {},
    });
    expect(await read()).toMatchObject({
      status: "closed",
      deliveredOn: "2017-12-20",
      deliveryNote: "Delivered to the OAS.",
    });
    expect(refreshed).toEqual(Array(4).fill(draft.slug));
  });

  it("refuses a change that does not apply, with its reason (409), changing nothing", async () => {
    const { deps, refreshed } = organizerDeps();
    const draft = await storedDraft();
    await expect(changeLetterStage(deps, draft, "close", null)).rejects.toMatchObject({
      status: 409,
      message: "A letter that is draft can't be changed that way. Reload the page to see its stage.",
    });
    await changeLetterStage(deps, draft, "publish", null);
    await storedSignatures(draft.slug, ["confirmed"]);
    await expect(changeLetterStage(deps, (await findLetter(env.DB, draft.slug))!, "unpublish", null)).rejects.toThrow(
      "can't go back to being a draft",
    );
    expect((await findLetter(env.DB, draft.slug))!.status).toBe("open");
    expect(refreshed).toEqual([draft.slug]);
  });

  it("refuses a change made on a letter that changed since it was read (409)", async () => {
    const { deps } = organizerDeps();
    const draft = await storedDraft();
    await changeLetterStage(deps, draft, "publish", null);
    const open = (await findLetter(env.DB, draft.slug))!;
    await changeLetterStage(deps, open, "close", null);
    // `open` is stale: closing it again passes the stage check on what was read, and the write refuses.
    await expect(changeLetterStage(deps, open, "close", null)).rejects.toMatchObject({
      status: 409,
      title: "The letter changed meanwhile",
    });
  });

  it("closes on the clock it is given: a closing time passed is a closed letter", async () => {
    const { deps } = organizerDeps({ now: () => new Date("2030-01-01T00:00:00Z") });
    const draft = await storedDraft({ closesAt: "2029-12-31T23:59:00.000Z" });
    await changeLetterStage(deps, draft, "publish", null);
    await expect(
      changeLetterStage(deps, (await findLetter(env.DB, draft.slug))!, "close", null),
    ).rejects.toBeInstanceOf(Problem);
  });
});

describe("deleting a letter", () => {
  it("deletes a draft nobody signed, and nothing else (409)", async () => {
    const { deps } = organizerDeps();
    const draft = await storedDraft();
    await deleteDraft(deps, draft);
    expect(await findLetter(env.DB, draft.slug)).toBeNull();
    const published = await storedDraft();
    await changeLetterStage(deps, published, "publish", null);
    await expect(deleteDraft(deps, published)).rejects.toMatchObject({ status: 409 });
    expect(await findLetter(env.DB, published.slug)).not.toBeNull();
  });
});

describe("a draft's shareable preview", () => {
  it("opens with the letter's own key only, and says nothing else (404)", async () => {
    const { deps } = organizerDeps();
    const draft = await storedDraft();
    const other = await storedDraft();
    const { previewKey, revisions } = await letterHistory(deps, draft);
    const seed = (await letterPreviewSeed(env.DB, draft.id))!;
    expect(seed.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(previewKey).toBe(await draftPreviewKey(env.SECRET_KEY!, seed));
    expect(revisions).toHaveLength(1);
    expect((await previewedLetter(deps, draft.slug, previewKey)).id).toBe(draft.id);
    for (const [slug, key] of [
      [other.slug, previewKey],
      [draft.slug, "x".repeat(32)],
      [draft.slug, ""],
      ["no-such-letter", previewKey],
    ] as const) {
      await expect(previewedLetter(deps, slug, key)).rejects.toMatchObject({ status: 404, title: "Preview not found" });
    }
  });

  it("is made anew on request: the key changes, the one before opens nothing, each letter's on its own", async () => {
    const { deps } = organizerDeps();
    const draft = await storedDraft();
    const other = await storedDraft();
    const before = (await letterHistory(deps, draft)).previewKey;
    const otherKey = (await letterHistory(deps, other)).previewKey;
    await renewPreviewLink(deps, draft);
    const after = (await letterHistory(deps, draft)).previewKey;
    expect(after).not.toBe(before);
    const renewed = (await letterPreviewSeed(env.DB, draft.id))!;
    expect(renewed.generation).toBe(1);
    expect(after).toBe(await draftPreviewKey(env.SECRET_KEY!, renewed));
    expect((await previewedLetter(deps, draft.slug, after)).id).toBe(draft.id);
    await expect(previewedLetter(deps, draft.slug, before)).rejects.toMatchObject({ status: 404 });
    expect((await letterHistory(deps, other)).previewKey).toBe(otherKey);
    await renewPreviewLink(deps, draft);
    await expect(previewedLetter(deps, draft.slug, after)).rejects.toMatchObject({ status: 404 });
  });

  it("of a letter stored before preview secrets keeps its key made from the id, until a new link is made", async () => {
    const { deps } = organizerDeps();
    const draft = await storedDraft();
    await env.DB.prepare("UPDATE letters SET preview_secret = NULL WHERE id = ?1").bind(draft.id).run();
    const legacy = await draftPreviewKey(env.SECRET_KEY!, { letterId: draft.id, secret: null, generation: 0 });
    expect((await letterHistory(deps, draft)).previewKey).toBe(legacy);
    expect((await previewedLetter(deps, draft.slug, legacy)).id).toBe(draft.id);
    await renewPreviewLink(deps, draft);
    expect((await letterPreviewSeed(env.DB, draft.id))!.secret).toMatch(/^[0-9a-f]{32}$/);
    await expect(previewedLetter(deps, draft.slug, legacy)).rejects.toMatchObject({ status: 404 });
  });

  it("is never another letter's: each stored letter draws its own secret, whichever way it is stored", async () => {
    const drafts = await Promise.all([storedDraft(), storedDraft()]);
    const seeds = await Promise.all(drafts.map((draft) => letterPreviewSeed(env.DB, draft.id)));
    expect(seeds[0]!.secret).not.toBe(seeds[1]!.secret);
    const { slug } = await createLetter();
    const filed = await findLetter(env.DB, slug);
    expect((await letterPreviewSeed(env.DB, filed!.id))!.secret).toMatch(/^[0-9a-f]{32}$/);
  });
});
