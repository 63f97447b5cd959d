/**
 * What the organizer area's application tests share: dependencies as a
 * route would pass them (the real local D1), whose cache refresher records
 * the letters it was told about, and data stored through the storage layer.
 */
import { env } from "cloudflare:workers";
import { appDeps, type AppDeps, type PublicCopies } from "../../src/app/deps";
import type { LetterInput } from "../../src/domain/letter-form";
import { renderMarkdown } from "../../src/domain/markdown";
import type { SignatureKind, SignatureStatus } from "../../src/domain/signature";
import { readSettings } from "../../src/env";
import { insertDraftLetter } from "../../src/storage/letters";
import { findEditableLetter, findLetter, type EditableLetter } from "../../src/storage/letters";
import { insertSignatures } from "../../src/storage/signatures";
import { uniqueSlug } from "../helpers";
import { newSignature } from "../seed";

/** Dependencies on the local D1, with `overrides`; `refreshed` lists every letter whose public copies were refreshed. */
export function organizerDeps(overrides: Partial<Pick<AppDeps, "now">> & { env?: Partial<Cloudflare.Env> } = {}) {
  const refreshed: string[] = [];
  const publicCopies: PublicCopies = {
    letterChanged: (slug) => {
      refreshed.push(slug);
      return Promise.resolve();
    },
  };
  const bindings = { ...env, ...overrides.env };
  const deps = appDeps(bindings, readSettings(bindings), {
    publicCopies,
    origin: "https://undersigned.test",
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  return { deps, refreshed };
}

/** What the editor's form would give for a letter (a draft, unless stored otherwise). */
export function letterInput(overrides: Partial<LetterInput> = {}): LetterInput {
  const bodyMarkdown = overrides.bodyMarkdown ?? "Dear Secretary General:\n\nWe ask for a fair process.";
  return {
    title: "Letter on a fair process",
    slug: uniqueSlug("app"),
    date: "2017-12-20",
    language: "en",
    addressee: "The Honorable Someone",
    summary: "Organizations ask for a fair process.",
    bodyMarkdown,
    bodyHtml: renderMarkdown(bodyMarkdown),
    confirmSignatures: false,
    reviewOrganizations: false,
    closesAt: null,
    closesTimeZone: "UTC",
    slugFromTitle: false,
    ...overrides,
  };
}

/** A draft stored as the organizer area stores one, read back as the editor reads it. */
export async function storedDraft(overrides: Partial<LetterInput> = {}): Promise<EditableLetter> {
  const input = letterInput(overrides);
  await insertDraftLetter(env.DB, input);
  return (await findEditableLetter(env.DB, input.slug))!;
}

/** Stores signatures of the letter at `slug` in the given statuses, through the storage layer; their refs. */
export async function storedSignatures(
  slug: string,
  statuses: SignatureStatus[],
  { kind = "individual", source = null }: { kind?: SignatureKind; source?: string | null } = {},
): Promise<string[]> {
  const letter = (await findLetter(env.DB, slug))!;
  const signatures = await Promise.all(
    statuses.map((status) =>
      newSignature({ kind, source, status, withdrawTokenHash: `app-withdraw-${crypto.randomUUID()}` }),
    ),
  );
  const results = await insertSignatures(
    env.DB,
    signatures.map((signature) => ({ letterId: letter.id, signature })),
  );
  return results.map((result) => result.ref);
}
