/**
 * A letter's text is at most 100,000 characters (BODY_MAX_LENGTH), in the
 * editor as in the loader (test/domain/letter-file.test.ts): a longer one is
 * refused beside the field with the limit named (422), the letter as it was;
 * one at the limit is saved, its rendering bounded (domain/markdown.ts).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BODY_MAX_LENGTH } from "../../src/domain/letter-form";
import {
  letterEditorFields,
  letterRow,
  organizerFetch,
  logIn,
  organizerPost,
  parseHtml,
  SPANISH_TRANSLATION,
  uniqueSlug,
} from "../helpers";

describe("a letter's text over 100,000 characters", () => {
  it("is refused by the editor and the translation form with the limit named, and saved at the limit", async () => {
    const session = await logIn();
    // The editor says the limit beside the field, before anyone types that much.
    const editor = await organizerFetch(session, "/admin/letters/new");
    expect(parseHtml(await editor.text()).querySelector("#field-body-hint")?.text).toContain(
      "At most 100,000 characters.",
    );
    const slug = uniqueSlug("long");
    const tooLong = `Dear all:\n\n${"*a".repeat(BODY_MAX_LENGTH / 2)}`;
    const refused = await organizerPost(session, "/admin/letters", letterEditorFields(slug, { body: tooLong }));
    expect(refused.status).toBe(422);
    const page = parseHtml(await refused.text());
    expect(page.querySelector("#body-error, .field-error")?.text ?? page.text).toContain("100,000 characters");
    expect(await letterRow(slug)).toBeNull();

    // At the limit, the worst text we know renders and is saved.
    const atLimit = "*a".repeat(BODY_MAX_LENGTH / 2);
    expect((await organizerPost(session, "/admin/letters", letterEditorFields(slug, { body: atLimit }))).status).toBe(
      303,
    );
    const saved = await env.DB.prepare("SELECT body_markdown FROM letters WHERE slug = ?")
      .bind(slug)
      .first<{ body_markdown: string }>();
    expect(saved!.body_markdown).toHaveLength(BODY_MAX_LENGTH);

    const translation = await organizerPost(session, `/admin/letters/${slug}/translations/es`, {
      ...SPANISH_TRANSLATION,
      body: tooLong,
    });
    expect(translation.status).toBe(422);
    expect(await translation.text()).toContain("at most 100,000 characters");
  });
});
