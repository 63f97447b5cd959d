/** The local development mailer's outbox (local_mail): never used in production. */
import type { MailMessage } from "../domain/mail";

export interface StoredMail extends MailMessage {
  id: number;
  createdAt: string;
}

export async function storeLocalMail(db: D1Database, message: MailMessage): Promise<void> {
  await db
    .prepare("INSERT INTO local_mail (recipient, subject, body) VALUES (?1, ?2, ?3)")
    .bind(message.to, message.subject, message.text)
    .run();
}

/** The newest messages first. */
export async function listLocalMail(db: D1Database, limit = 50): Promise<StoredMail[]> {
  const { results } = await db
    .prepare("SELECT id, recipient, subject, body, created_at FROM local_mail ORDER BY id DESC LIMIT ?1")
    .bind(limit)
    .all<{ id: number; recipient: string; subject: string; body: string; created_at: string }>();
  return results.map((row) => ({
    id: row.id,
    to: row.recipient,
    subject: row.subject,
    text: row.body,
    createdAt: row.created_at,
  }));
}
