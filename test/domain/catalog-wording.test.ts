/**
 * Wording the organizer catalogs build from parts (issue 15's trial): a count of zero in the
 * plural where the language says it so (Portuguese: "0 assinaturas"), and a role's description,
 * nested in a sentence that adds its own colon, never making a second one.
 */
import { describe, expect, it } from "vitest";
import { adminMessagesFor } from "../../src/domain/i18n";
import { BOOTSTRAP_ORGANIZER_ID, BOOTSTRAP_ORGANIZER_NAME, ROLES } from "../../src/domain/organizer-roles";
import { activityChanges } from "../../src/views/admin/activity-page";

const LANGUAGES = ["en", "es", "fr", "pt"] as const;

describe("the organizer catalogs' built sentences", () => {
  it("write zero signatures in the plural in Portuguese", () => {
    const pt = adminMessagesFor("pt");
    expect(pt.editor.revisionPublished(0)).toContain("0 assinaturas");
    expect(pt.editor.revisionPublished(1)).toContain("1 assinatura ");
    expect(pt.revision.savedPublished("hoje", 0)).toContain("0 assinaturas");
  });

  it("never put two colons in a sentence that names a role and what it does", () => {
    for (const language of LANGUAGES) {
      const t = adminMessagesFor(language);
      for (const role of ROLES) {
        const does = t.people.roleDoes[role];
        const sentences = [t.signInLinks.invitedAs(t.layout.roleNames[role], does), `${t.roles.names[role]}: ${does}`];
        for (const sentence of sentences)
          expect(sentence.split(":").length, `${language}: ${sentence}`).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe("the activity log's before and after", () => {
  it("words the bootstrap account's stored name as people.nameOf does, in the reader's language", () => {
    for (const language of LANGUAGES) {
      const t = adminMessagesFor(language);
      const entry = {
        organizerId: BOOTSTRAP_ORGANIZER_ID,
        before: { name: BOOTSTRAP_ORGANIZER_NAME },
        after: { name: "Laura Castillo" },
      };
      const [change] = activityChanges(entry, t);
      expect(change).toContain(t.people.bootstrapName);
      expect(change).toContain("Laura Castillo");
      if (language !== "en") expect(change).not.toContain(BOOTSTRAP_ORGANIZER_NAME);
    }
  });
});
