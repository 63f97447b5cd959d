/**
 * Publishing a letter publishes the text it read, or nothing: the versions'
 * digests are computed before the transaction (D1 has no SHA-256), so a
 * text changed in between must stop the publication rather than put a
 * version in the record whose digest names another text.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { changeLetterStage } from "../../src/app/letters";
import { saveTranslation } from "../../src/app/translations";
import { textVersionDigest } from "../../src/domain/text-versions";
import { interceptDatabase } from "../../src/storage/database";
import { findLetter } from "../../src/storage/letters";
import { listTextVersions } from "../../src/storage/text-versions";
import { organizerDeps, storedDraft } from "./organizer-deps";

const SPANISH = {
  title: "Carta por un proceso justo",
  addressee: "Su Excelencia",
  summary: "",
  bodyMarkdown: "Pedimos un proceso justo.",
  bodyHtml: "<p>Pedimos un proceso justo.</p>",
};

describe("publishing a letter", () => {
  it("publishes nothing, and says the letter changed meanwhile, when a text changed after it was read", async () => {
    const { deps } = organizerDeps();
    const draft = await storedDraft();
    await saveTranslation(deps, draft, "es", SPANISH);
    let batches = 0;
    const racing = {
      ...deps,
      db: interceptDatabase(deps.db, async (call, invoke) => {
        // Another organizer saves the translation between the read of the texts and the publication.
        if (call.method === "batch" && batches++ === 0) {
          await env.DB.prepare(
            "UPDATE letter_translations SET body_markdown = 'Cambiado entretanto.' WHERE letter_id = ?1",
          )
            .bind(draft.id)
            .run();
        }
        return invoke();
      }),
    };
    await expect(changeLetterStage(racing, draft, "publish", null)).rejects.toMatchObject({
      status: 409,
      title: "The letter changed meanwhile",
    });
    expect((await findLetter(env.DB, draft.slug))!.status).toBe("draft");
    expect(await listTextVersions(env.DB, draft.id)).toEqual([]);

    // Published again, it publishes the texts as they are now.
    await changeLetterStage(deps, draft, "publish", null);
    const versions = await listTextVersions(env.DB, draft.id);
    expect(versions.map((version) => [version.language, version.number, version.bodyMarkdown])).toEqual([
      ["en", 1, draft.bodyMarkdown],
      ["es", 1, "Cambiado entretanto."],
    ]);
    for (const version of versions) {
      expect(version.digest).toBe(await textVersionDigest({ ...version, body_markdown: version.bodyMarkdown }));
    }
  });
});
