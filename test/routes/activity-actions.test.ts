/// <reference types="vite/client" />
/**
 * Every action the activity log can name (domain/activity.ts ACTIVITY_ACTIONS) is one the app
 * writes: an action worded in the catalogs that nothing writes ("changed their language" was one)
 * promises owners an entry they never get. Each action is listed below with the test that makes
 * it as an organizer would, through HTTP, and finds its entry; those no other test looks for are
 * made here. A new action must be added to the list (the Record's type makes a missing one a
 * compile error), with the test that makes it.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ACTIVITY_ACTIONS, type ActivityAction } from "../../src/domain/activity";
import { BOOTSTRAP_ORGANIZER_ID } from "../../src/domain/organizer-roles";
import {
  createLetter,
  letterEditorFields,
  logIn,
  organizerPage,
  organizerPost,
  postOrganizerForm,
  sessionAs,
  texts,
  uniqueSlug,
} from "../helpers";
import { unworded } from "../activity-words";
import { letterIdOf, seedSignatures } from "../seed";

const HERE = "test/routes/activity-actions.test.ts";

/** The test file that makes each action through the app and checks its entry. */
const MADE_IN: Record<ActivityAction, string> = {
  "letter-created": "test/routes/activity-hooks.test.ts",
  "letter-edited": "test/routes/activity-hooks.test.ts",
  "letter-deleted": "test/routes/activity-hooks.test.ts",
  "letter-published": "test/routes/activity-hooks.test.ts",
  "letter-closed": "test/routes/activity-hooks.test.ts",
  "letter-reopened": "test/routes/activity-hooks.test.ts",
  "letter-delivered": "test/routes/activity-hooks.test.ts",
  "letter-unpublished": HERE,
  "translation-saved": "test/routes/activity-hooks.test.ts",
  "translation-deleted": "test/routes/activity-hooks.test.ts",
  "organizations-reordered": "test/routes/activity-hooks.test.ts",
  "preview-link-renewed": "test/routes/admin-letters.test.ts",
  "signature-approved": HERE,
  "signature-rejected": HERE,
  "signature-hidden": "test/routes/activity-hooks.test.ts",
  "signature-restored": "test/routes/admin-activity.test.ts",
  "signature-confirmed": "test/routes/waiting-signatures.test.ts",
  "confirmation-resent": "test/routes/waiting-signatures.test.ts",
  "organization-verified": "test/routes/activity-hooks.test.ts",
  "organization-unverified": HERE,
  "signature-entered": "test/routes/activity-hooks.test.ts",
  "import-created": "test/routes/activity-hooks.test.ts",
  "import-run": "test/routes/admin-imports.test.ts",
  "import-discarded": "test/routes/activity-hooks.test.ts",
  "export-downloaded": "test/routes/activity-hooks.test.ts",
  "webhook-changed": "test/routes/activity-hooks.test.ts",
  "webhook-tested": "test/routes/activity-hooks.test.ts",
  "sign-in": "test/routes/passkeys.test.ts",
  "sign-in-link-sent": HERE,
  "invitation-sent": "test/routes/organizer-accounts.test.ts",
  "invitation-accepted": "test/routes/organizer-accounts.test.ts",
  "role-changed": HERE,
  "account-disabled": HERE,
  "account-enabled": HERE,
  "account-renamed": HERE,
  "session-ended": HERE,
  "api-token-created": "test/routes/api-tokens.test.ts",
  "api-token-revoked": "test/routes/api-tokens.test.ts",
  "passkey-added": "test/routes/passkeys.test.ts",
  "passkey-removed": "test/routes/passkeys.test.ts",
  "language-changed": HERE,
  "time-zone-changed": "test/routes/account-time-zone.test.ts",
  "sign-in-refused": "test/routes/sign-in-limits.test.ts",
};

/** The test files and the app's code, as text (workerd has no file system: Vite reads them in). */
const TESTS = import.meta.glob<string>("/test/**/*.test.ts", { query: "?raw", import: "default", eager: true });
const APP = import.meta.glob<string>(["/src/**/*.ts", "/src/**/*.tsx"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** `source` without its comments (a `//` after a colon, as in a URL, is kept). */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

/** Whether `source` names `action` as a string ("…", '…' or `…`). */
function names(source: string, action: string): boolean {
  return ['"', "'", "`"].some((quote) => source.includes(`${quote}${action}${quote}`));
}

/** Whether `source` mentions `action` whole (in a string, a query, a URL's filter), not as part of a longer one. */
function mentions(source: string, action: string): boolean {
  return new RegExp(`(^|[^a-z-])${action}([^a-z-]|$)`, "m").test(source);
}

describe("every action of the activity log", () => {
  it("is listed with the test that makes it, which looks for its entry, and is named where the app writes it", () => {
    expect(Object.keys(MADE_IN).sort()).toEqual([...ACTIVITY_ACTIONS].sort());
    for (const action of ACTIVITY_ACTIONS) {
      const file = MADE_IN[action];
      // This file's own are checked by making them, below (Vite leaves the file that globs out of its glob).
      if (file !== HERE) {
        const test = TESTS[`/${file}`];
        expect(test, `${action}: ${file}`).toBeDefined();
        expect(mentions(code(test!), action), `${action} in ${file}`).toBe(true);
      }
      // Outside the list of actions and the catalogs that word them.
      const writers = Object.entries(APP).filter(
        ([path, source]) =>
          !path.endsWith("/domain/activity.ts") && !path.includes("/locales/") && names(code(source), action),
      );
      expect(writers.length, `${action} in src/`).toBeGreaterThan(0);
    }
  });

  it("that no other test looks for is made here, as organizers make it", async () => {
    const owner = await logIn();
    const since = (await env.DB.prepare("SELECT coalesce(max(id), 0) AS id FROM organizer_activity").first<{
      id: number;
    }>())!.id;

    // A draft published, then back to draft.
    const slug = uniqueSlug("back-to-draft");
    expect((await organizerPost(owner, "/admin/letters", letterEditorFields(slug))).status).toBe(303);
    for (const change of ["publish", "unpublish"])
      expect((await organizerPost(owner, `/admin/letters/${slug}/state`, { change, confirmed: "yes" })).status).toBe(
        303,
      );

    // Organizations approved and rejected after review; one verified, then not.
    const letter = await createLetter({ organizations: ["Lead Org"], reviewOrganizations: true });
    const [approved, rejected, verified] = await seedSignatures(letter.slug, [
      { kind: "organization", name: "Approved Org", status: "in_review" },
      { kind: "organization", name: "Rejected Org", status: "in_review" },
      { kind: "organization", name: "Verified Org" },
    ]);
    const list = `/admin/letters/${letter.slug}/signatures`;
    for (const [ref, change] of [
      [approved!.ref, "approve"],
      [rejected!.ref, "reject"],
      [verified!.ref, "verify"],
      [verified!.ref, "unverify"],
    ] as const)
      expect((await organizerPost(owner, `${list}/${ref}/${change}`, {})).status, change).toBe(303);

    // A colleague's role changed, their access removed and given back.
    const colleague = await sessionAs("viewer", { name: "Vera Viewer" });
    const people = `/admin/people/${colleague.organizerId}`;
    expect((await organizerPost(owner, `${people}/role`, { role: "editor" })).status).toBe(303);
    expect((await organizerPost(owner, `${people}/disable`, { confirmed: "yes" })).status).toBe(303);
    expect((await organizerPost(owner, `${people}/enable`, {})).status).toBe(303);

    // A person asks for a sign-in link, renames themselves, changes the area's language, logs out everywhere.
    const person = await sessionAs("moderator", { name: "Mora Moderator" });
    const asked = await postOrganizerForm(
      "/admin/login/link",
      { email: person.email, next: "/admin" },
      { env: { MAILER: "local" } },
    );
    expect(asked.status).toBe(200);
    expect((await organizerPost(person, "/admin/account/name", { name: "Mora M." })).status).toBe(303);
    expect((await organizerPost(person, "/admin/language", { language: "fr", back: "/admin" })).status).toBe(303);
    expect((await organizerPost(person, "/admin/account/sessions/end-all", {})).status).toBe(303);

    const { results } = await env.DB.prepare(
      "SELECT action, organizer_id, letter_id, before_json, after_json FROM organizer_activity WHERE id > ?1 ORDER BY id",
    )
      .bind(since)
      .all<{
        action: ActivityAction;
        organizer_id: number | null;
        letter_id: number | null;
        before_json: string | null;
        after_json: string | null;
      }>();
    const made = new Set(results.map((entry) => entry.action));
    for (const action of ACTIVITY_ACTIONS.filter((one) => MADE_IN[one] === HERE))
      expect(made.has(action), action).toBe(true);

    const entry = (action: ActivityAction) => results.find((one) => one.action === action)!;
    expect(entry("letter-unpublished")).toMatchObject({
      organizer_id: BOOTSTRAP_ORGANIZER_ID,
      letter_id: await letterIdOf(slug),
      before_json: '{"stage":"open"}',
      after_json: '{"stage":"draft"}',
    });
    // The language the area was in before (English: the person had none stored, and the request asked for none), and the new one.
    expect(entry("language-changed")).toMatchObject({
      organizer_id: person.organizerId,
      letter_id: null,
      before_json: '{"language":"en"}',
      after_json: '{"language":"fr"}',
    });
    // Each field, value and detail they keep is worded in every organizer language.
    expect(await unworded(since)).toEqual([]);
  });

  it("logs a language change only when the language changes, and says it in the reader's words", async () => {
    const person = await sessionAs("editor", { name: "Eli Editor" });
    const changes = async () =>
      (
        await env.DB.prepare(
          "SELECT before_json, after_json FROM organizer_activity WHERE organizer_id = ?1 AND action = 'language-changed' ORDER BY id",
        )
          .bind(person.organizerId)
          .all<{ before_json: string; after_json: string }>()
      ).results;
    // The area was shown in Spanish (the browser's language) before the person chose one.
    const chosen = await postOrganizerForm(
      "/admin/language",
      { language: "pt", back: "/admin" },
      { session: person, language: "es-MX,es;q=0.9" },
    );
    expect(chosen.status).toBe(303);
    // The same language again: nothing changed, nothing logged.
    expect((await organizerPost(person, "/admin/language", { language: "pt", back: "/admin" })).status).toBe(303);
    expect((await organizerPost(person, "/admin/language", { language: "en", back: "/admin" })).status).toBe(303);
    expect(await changes()).toEqual([
      { before_json: '{"language":"es"}', after_json: '{"language":"pt"}' },
      { before_json: '{"language":"pt"}', after_json: '{"language":"en"}' },
    ]);
    const owner = await logIn();
    const { document } = await organizerPage(
      owner,
      `/admin/activity?action=language-changed&person=${person.organizerId}`,
    );
    const entries = document.querySelectorAll("ol.activity > li");
    expect(entries.map((entry) => entry.querySelector("p")!.textContent.split(" · ")[0])).toEqual([
      "Eli Editor changed their language",
      "Eli Editor changed their language",
    ]);
    expect(texts(document, ".activity-changes li")).toEqual([
      "Language: Portuguese → English",
      "Language: Spanish → Portuguese",
    ]);
  });
});
