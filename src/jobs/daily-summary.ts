/**
 * The daily summary (a cron trigger, once a day; see wrangler.jsonc): one
 * email per published letter that has a summary address, with what the last
 * day brought and what waits for the organizers.
 */
import { dailySummaryMail } from "../domain/organizer-mail";
import type { Mailer } from "../integrations/mailer";
import { organizerByEmail } from "../storage/organizers";
import { summaryDigests } from "../storage/webhooks";

export async function sendDailySummaries(
  db: D1Database,
  mailer: Mailer | null,
  now: Date,
  publicUrl: string | undefined,
): Promise<{ sent: number; failed: number }> {
  if (!mailer) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (const digest of await summaryDigests(db, new Date(now.getTime() - 24 * 3_600_000))) {
    const adminUrl = publicUrl ? `${publicUrl}/admin/letters/${digest.slug}/signatures` : null;
    try {
      // In the language of the organizer with that address, if one has it and chose one; else English.
      const language = (await organizerByEmail(db, digest.summaryEmail))?.language ?? "en";
      await mailer.send(dailySummaryMail(digest.summaryEmail, digest, adminUrl, language));
      sent++;
    } catch {
      // One letter's failed email does not stop the others'; the next day's summary covers it.
      failed++;
    }
  }
  return { sent, failed };
}
