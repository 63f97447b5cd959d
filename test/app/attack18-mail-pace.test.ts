/**
 * Attack on sendClaimed (src/app/mail-pace.ts): D1 failing to mark one email of a round as sent
 * (a write is never retried: StorageUnavailable) must not leave the round's other emails, already
 * sent, unmarked: their claim would lapse and the next run would send each of them again. Only the
 * email whose mark failed may go twice; the round still throws, for the cron to log.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { sendClaimed, type ClaimedEmail } from "../../src/app/mail-pace";
import { MailDeliveryError } from "../../src/integrations/mailer";
import { StorageUnavailable } from "../../src/storage/database";

const NOW = new Date("2030-05-01T12:00:00.000Z");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a round of claimed emails whose first mark D1 fails", () => {
  it("still marks the others it sent (and the one refused), then throws the failure", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const emails: (ClaimedEmail & { to: string })[] = ["first", "second", "refused", "third"].map((to, index) => ({
      signatureId: index + 1,
      letterId: 7,
      attempts: 0,
      to,
    }));
    const marked: string[] = [];
    const failed: string[] = [];
    const round = sendClaimed(emails, NOW, {
      send: (email) =>
        email.to === "refused"
          ? Promise.reject(new MailDeliveryError("Resend answered 503", { temporary: true, status: 503 }))
          : Promise.resolve(),
      sent: (email) => {
        if (email.to === "first") return Promise.reject(new StorageUnavailable("write", new Error("D1 is overloaded")));
        marked.push(email.to);
        return Promise.resolve();
      },
      failed: (email) => {
        failed.push(email.to);
        return Promise.resolve();
      },
      event: "test_email_failed",
    });
    await expect(round).rejects.toBeInstanceOf(StorageUnavailable);
    expect(marked).toEqual(["second", "third"]);
    expect(failed).toEqual(["refused"]);
  });
});
