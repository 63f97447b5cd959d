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

/**
 * A message the provider did not take. `temporary`: it may take it later (it was unreachable, answered
 * 429 beyond its rate limit or daily quota, or 5xx), so sending it again later is worth it; otherwise
 * it refused the message itself or our settings (400, 401, 403, 422…). `retryAfterSeconds`: how long the
 * provider asked us to wait (its Retry-After header), when it said.
 */
export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
  readonly temporary: boolean;
  /** The provider's HTTP status, when it answered. */
  readonly status: number | null;
  readonly retryAfterSeconds: number | null;

  constructor(
    message: string,
    options: { temporary?: boolean; status?: number | null; retryAfterSeconds?: number | null } = {},
  ) {
    super(message);
    this.temporary = options.temporary ?? false;
    this.status = options.status ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }

  /** Whether the provider said it takes no more for now (429): sending more at once only earns more refusals. */
  get rateLimited(): boolean {
    return this.status === 429;
  }
}

/** Seconds in a Retry-After header (RFC 9110 §10.2.3: a number of seconds or an HTTP date), or null. */
export function retryAfterSeconds(header: string | null, now: Date): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^[0-9]{1,9}$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
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
        body: JSON.stringify({
          from: this.from,
          to: [message.to],
          subject: message.subject,
          text: message.text,
          // Resend's own field for custom header fields (List-Unsubscribe…), when the message has any.
          ...(message.headers ? { headers: message.headers } : {}),
        }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new MailDeliveryError(`Resend could not be reached: ${String(error)}`, { temporary: true });
    }
    if (!response.ok) {
      // The body names the problem (domain not verified, bad key, rate limit…); it never contains the recipient.
      // 429: its rate limit (requests a second) or daily quota (https://resend.com/docs/api-reference/rate-limit).
      const status = response.status;
      throw new MailDeliveryError(`Resend answered ${status}: ${(await response.text()).slice(0, 300)}`, {
        temporary: status === 429 || status >= 500,
        status,
        retryAfterSeconds: retryAfterSeconds(response.headers.get("Retry-After"), new Date()),
      });
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
