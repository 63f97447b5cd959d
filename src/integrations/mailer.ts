/**
 * Email delivery behind one small interface, so signing does not care who
 * delivers: Resend's HTTP API in production (it works from Workers with a
 * plain fetch), or a local outbox in D1 that `npm start` shows at /dev/mail.
 * With neither configured there is no mailer, and letters take signatures
 * without email confirmation.
 */
import type { MailMessage } from "../domain/mail";
import { ConfigurationError, type Bindings } from "../env";
import { storeLocalMail } from "../storage/local-mail";

export interface Mailer {
  /** "resend" or "local". */
  readonly name: string;
  /** Delivers `message`, or throws MailDeliveryError. */
  send(message: MailMessage): Promise<void>;
}

export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
}

export const RESEND_ENDPOINT = "https://api.resend.com/emails";

/** Resend (https://resend.com/docs/api-reference/emails/send-email). */
export class ResendMailer implements Mailer {
  readonly name = "resend";

  constructor(
    private readonly apiKey: string,
    private readonly from: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    let response: Response;
    try {
      response = await fetch(RESEND_ENDPOINT, {
        method: "POST",
        headers: { Authorization: `Bearer ${this.apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ from: this.from, to: [message.to], subject: message.subject, text: message.text }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new MailDeliveryError(`Resend could not be reached: ${String(error)}`);
    }
    if (!response.ok) {
      // The body names the problem (domain not verified, bad key…); it never contains the recipient.
      throw new MailDeliveryError(`Resend answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
  }
}

/** Keeps messages in D1 for the local development page /dev/mail. */
export class LocalMailer implements Mailer {
  readonly name = "local";

  constructor(private readonly db: D1Database) {}

  async send(message: MailMessage): Promise<void> {
    await storeLocalMail(this.db, message);
  }
}

/** The mailer the bindings configure, or null. */
export function mailerFor(env: Bindings, db: D1Database): Mailer | null {
  const choice = env.MAILER?.trim().toLowerCase() || (env.RESEND_API_KEY ? "resend" : "");
  if (choice === "") return null;
  if (choice === "local") return new LocalMailer(db);
  if (choice === "resend") {
    if (!env.RESEND_API_KEY) throw new ConfigurationError("MAILER is resend but RESEND_API_KEY is not set.");
    if (!env.MAIL_FROM)
      throw new ConfigurationError('MAIL_FROM must name the sender, e.g. "Undersigned <letters@example.org>".');
    return new ResendMailer(env.RESEND_API_KEY, env.MAIL_FROM);
  }
  throw new ConfigurationError(`MAILER must be "resend" or "local", not "${env.MAILER}".`);
}
