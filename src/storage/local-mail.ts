/** The local development mailer's outbox (local_mail): never used in production. */
import type { MailMessage } from "../domain/mail";

export interface StoredMail extends MailMessage {
  id: number;
  createdAt: string;
}

/** Keeps `message` in the outbox, with its extra header fields (as JSON, migrations/0036) when it has any. */
export async function storeLocalMail(db: D1Database, message: MailMessage): Promise<void> {
  await db
    .prepare("INSERT INTO local_mail (recipient, subject, body, headers) VALUES (?1, ?2, ?3, ?4)")
    .bind(message.to, message.subject, message.text, message.headers ? JSON.stringify(message.headers) : null)
    .run();
}

/** The newest messages first. */
export async function listLocalMail(db: D1Database, limit = 50): Promise<StoredMail[]> {
  const { results } = await db
    .prepare("SELECT id, recipient, subject, body, headers, created_at FROM local_mail ORDER BY id DESC LIMIT ?1")
    .bind(limit)
    .all<{
      id: number;
      recipient: string;
      subject: string;
      body: string;
      headers: string | null;
      created_at: string;
    }>();
  return results.map((row) => ({
    id: row.id,
    to: row.recipient,
    subject: row.subject,
    text: row.body,
    ...(row.headers ? { headers: JSON.parse(row.headers) as Record<string, string> } : {}),
    createdAt: row.created_at,
  }));
}
