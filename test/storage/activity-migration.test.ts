/**
 * migrations/0025 folds the moderation log (migrations/0020) into the activity log: each entry
 * becomes the bootstrap owner's (the admin token was the only way in), its reason the detail.
 * The migration's fold is run again here on a moderation log recreated as 0020 made it.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import moderationLog from "../../migrations/0020_add_moderation_log.sql?raw";
import activity from "../../migrations/0025_add_organizer_activity.sql?raw";
import { createLetter, sqlStatements } from "../helpers";
import { letterIdOf, seedSignatures } from "../seed";

describe("migration 0025", () => {
  it("keeps the moderation log's entries, as the bootstrap owner's, with their reason", async () => {
    const letter = await createLetter({ title: "Folded letter" });
    const letterId = await letterIdOf(letter.slug);
    const [signature] = await seedSignatures(letter.slug, [{ status: "confirmed" }]);
    await env.DB.batch(sqlStatements(moderationLog).map((sql) => env.DB.prepare(sql)));
    await env.DB.prepare(
      `INSERT INTO moderation_log (letter_id, signature_id, action, reason, from_status, to_status, created_at)
       VALUES (?1, ?2, 'resend', NULL, 'unconfirmed', 'unconfirmed', '2026-11-01T10:00:00.000Z'),
              (?1, ?2, 'confirm', 'Asked by phone', 'unconfirmed', 'confirmed', '2026-11-02T10:00:00.000Z')`,
    )
      .bind(letterId, signature!.id)
      .run();
    const fold = activity.slice(activity.indexOf("-- The moderation log (migrations/0020) becomes"));
    await env.DB.batch(sqlStatements(fold).map((sql) => env.DB.prepare(sql)));

    const { results } = await env.DB.prepare(
      `SELECT at, organizer_id, organizer_name, action, letter_id, letter_title, signature_id, before_json, after_json, detail
       FROM organizer_activity WHERE signature_id = ?1 ORDER BY id`,
    )
      .bind(signature!.id)
      .all();
    expect(results).toEqual([
      {
        at: "2026-11-01T10:00:00.000Z",
        organizer_id: 1,
        organizer_name: "Owner (admin token)",
        action: "confirmation-resent",
        letter_id: letterId,
        letter_title: "Folded letter",
        signature_id: signature!.id,
        before_json: null,
        after_json: null,
        detail: null,
      },
      {
        at: "2026-11-02T10:00:00.000Z",
        organizer_id: 1,
        organizer_name: "Owner (admin token)",
        action: "signature-confirmed",
        letter_id: letterId,
        letter_title: "Folded letter",
        signature_id: signature!.id,
        before_json: '{"status":"unconfirmed"}',
        after_json: '{"status":"confirmed"}',
        detail: "Asked by phone",
      },
    ]);
    const gone = await env.DB.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'moderation_log'").first();
    expect(gone).toEqual({ n: 0 });
  });
});
