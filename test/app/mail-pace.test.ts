/**
 * sendClaimed (src/app/mail-pace.ts): what becomes of each claimed email of a round, for the
 * confirmation emails sent again and the delivery notices alike: sent; kept for later (a refusal
 * for a moment, the provider's Retry-After, those left untried after its 429); given up (refused for
 * good, the last attempt, or no use trying after `until`); each failed attempt logged without an
 * address.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_CONFIRMATION_ATTEMPTS, sendClaimed, type ClaimedEmail } from "../../src/app/mail-pace";
import { MailDeliveryError } from "../../src/integrations/mailer";

const NOW = new Date("2030-05-01T12:00:00.000Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000).toISOString();

interface Email extends ClaimedEmail {
  to: string;
  /** What the provider answers it: nothing (taken), or this error. */
  refusal?: MailDeliveryError;
  until?: number;
}

let ids = 0;
function email(to: string, fields: Partial<Email> = {}): Email {
  ids += 1;
  return { signatureId: ids, letterId: 7, attempts: 0, to, ...fields };
}

/** Runs a round of `emails`; what each handler was called with, and the round. */
async function round(emails: Email[]) {
  const tried: string[] = [];
  const sent: string[] = [];
  const failed = new Map<string, { nextAttemptAt: string | null; error: string; counted: boolean }>();
  const result = await sendClaimed(emails, NOW, {
    send: async (each) => {
      tried.push(each.to);
      await Promise.resolve();
      if (each.refusal) throw each.refusal;
    },
    sent: (each) => {
      sent.push(each.to);
      return Promise.resolve();
    },
    failed: (each, failure) => {
      failed.set(each.to, failure);
      return Promise.resolve();
    },
    until: (each) => each.until ?? Infinity,
    event: "test_email_failed",
  });
  return { result, tried, sent, failed };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a round of claimed emails", () => {
  it("sends, keeps for later, and gives up each as its answer says", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const moment = () => new MailDeliveryError("Resend answered 503", { temporary: true, status: 503 });
    const { result, sent, failed } = await round([
      email("taken@example.org"),
      email("last-try@example.org", { attempts: MAX_CONFIRMATION_ATTEMPTS - 1, refusal: moment() }),
      email("refused@example.org", { refusal: new MailDeliveryError("Resend answered 422", { status: 422 }) }),
      email("expiring@example.org", { refusal: moment(), until: NOW.getTime() + 30_000 }),
      email("asked@example.org", {
        attempts: 2,
        refusal: new MailDeliveryError("Resend answered 503", { temporary: true, status: 503, retryAfterSeconds: 120 }),
      }),
    ]);
    expect(result).toEqual({ sent: 1, waiting: 1, givenUp: 3 });
    expect(sent).toEqual(["taken@example.org"]);
    expect(Object.fromEntries(failed)).toEqual({
      "last-try@example.org": { nextAttemptAt: null, error: "Resend answered 503", counted: true },
      "refused@example.org": { nextAttemptAt: null, error: "Resend answered 422", counted: true },
      // Its next attempt (a minute later) would come after `until`.
      "expiring@example.org": { nextAttemptAt: null, error: "Resend answered 503", counted: true },
      "asked@example.org": { nextAttemptAt: later(120), error: "Resend answered 503", counted: true },
    });
    const events = logged.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
    expect(events).toContainEqual({ event: "test_email_failed", letter: 7, attempts: 3, kept: true });
    expect(events).toContainEqual({
      event: "test_email_failed",
      letter: 7,
      attempts: MAX_CONFIRMATION_ATTEMPTS,
      kept: false,
    });
    expect(JSON.stringify(logged.mock.calls)).not.toContain("@");
  });

  it("tries none after the provider's 429, and keeps those for its Retry-After, their attempt not counted", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const limited = new MailDeliveryError("Resend answered 429", {
      temporary: true,
      status: 429,
      retryAfterSeconds: 300,
    });
    // Two go at once: the second had started when the first was turned away; the third never starts.
    const { result, tried, sent, failed } = await round([
      email("limited@example.org", { refusal: limited }),
      email("started@example.org"),
      email("untried@example.org"),
    ]);
    expect(tried).toEqual(["limited@example.org", "started@example.org"]);
    expect(sent).toEqual(["started@example.org"]);
    expect(result).toEqual({ sent: 1, waiting: 2, givenUp: 0 });
    expect(Object.fromEntries(failed)).toEqual({
      "limited@example.org": { nextAttemptAt: later(300), error: "Resend answered 429", counted: true },
      "untried@example.org": {
        nextAttemptAt: later(300),
        error: "Not tried: the provider had just answered 429.",
        counted: false,
      },
    });
  });
});
