/**
 * Attack on the shared claim of emails to send (storage/claims.ts claimDueRows, app/mail-pace.ts
 * sendClaimed) for the confirmation emails sent again and the delivery notices: a sender whose
 * lease lapsed mid-send (a slow provider, D1's retries) settles its failure after another sender
 * claimed the email again. Its "try again in a minute" must not move the new holder's lease (a third
 * sender would take the email while the second still sends it: one email sent twice), nor bring back
 * a confirmation another sender gave up: confirmationFailed and deliveryNoticeFailed settle a row
 * only while it carries the claim of the sender that tried it.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { claimWindow, FIRST_RETRY_DELAY_MS } from "../../src/app/mail-pace";
import {
  claimDueConfirmations,
  confirmationFailed,
  keepConfirmationsToSend,
} from "../../src/storage/confirmation-mail-retries";
import {
  claimDueDeliveryNotices,
  deliveryNoticeFailed,
  queueDeliveryNotices,
  recordDeliveryConsent,
} from "../../src/storage/delivery-notices";
import { createLetter, ORIGIN } from "../helpers";
import { letterIdOf, seedSignatures } from "../seed";

const T0 = new Date("2031-03-01T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
/**
 * The settle sendClaimed makes for a first attempt refused for a moment (a 503), by a sender that
 * started at `now` and holds `claim`.
 */
const retryFrom = (now: Date, { claim }: { claim: string }) => ({
  claim,
  nextAttemptAt: new Date(now.getTime() + FIRST_RETRY_DELAY_MS).toISOString(),
  error: "Resend answered 503",
  counted: true,
});
const LEASE_MS = 5 * 60_000;

/** A letter with one unconfirmed signature whose confirmation email waits to be sent again, due at T0. */
async function waitingConfirmation() {
  const letter = await createLetter();
  const [signature] = await seedSignatures(letter.slug, [{ status: "unconfirmed" }]);
  const letterId = await letterIdOf(letter.slug);
  await keepConfirmationsToSend(env.DB, [
    { letterId, ref: signature!.ref, origin: ORIGIN, nextAttemptAt: T0.toISOString(), error: "Resend answered 503" },
  ]);
  return { letterId, signatureId: signature!.id };
}

/** A delivered letter's one waiting delivery notice, due at T0. */
async function waitingNotice() {
  const letter = await createLetter();
  const [signature] = await seedSignatures(letter.slug, [{ status: "confirmed" }]);
  await recordDeliveryConsent(env.DB, signature!.id, true);
  const letterId = await letterIdOf(letter.slug);
  expect(await queueDeliveryNotices(env.DB, letterId, ORIGIN, T0.toISOString())).toBe(1);
  return { letterId, signatureId: signature!.id };
}

async function confirmationState(signatureId: number) {
  return env.DB.prepare("SELECT state, attempts FROM confirmation_mail_retries WHERE signature_id = ?1")
    .bind(signatureId)
    .first<{ state: string; attempts: number }>();
}

describe("a sender whose lease lapsed mid-send, settling after another sender claimed the email again", () => {
  it("leaves a confirmation email to the sender that holds it now: no third sender takes it meanwhile", async () => {
    const { signatureId } = await waitingConfirmation();
    const claimOf = async (now: Date) =>
      (await claimDueConfirmations(env.DB, claimWindow(now, LEASE_MS, 1000))).filter(
        (row) => row.signatureId === signatureId,
      );
    const [a] = await claimOf(T0); // sender A, which is slow
    const [b] = await claimOf(at(6)); // sender B, after A's lease lapsed: holds it until at(11)
    expect(b).toBeDefined();
    await confirmationFailed(env.DB, signatureId, retryFrom(T0, a!)); // A's send failed at last: "again at at(1)"
    // Sender C, while B still holds the email: it must not take it (B may be sending it right now).
    expect(await claimOf(at(7))).toEqual([]);
    // B's own failure settles it, and it is due again when B said.
    await confirmationFailed(env.DB, signatureId, retryFrom(at(6), b!));
    expect(await claimOf(at(7))).toHaveLength(1);
  });

  it("does not bring back to waiting a confirmation email another sender gave up", async () => {
    const { signatureId } = await waitingConfirmation();
    const claimOf = async (now: Date) =>
      (await claimDueConfirmations(env.DB, claimWindow(now, LEASE_MS, 1000))).filter(
        (row) => row.signatureId === signatureId,
      );
    const [a] = await claimOf(T0); // A
    const [b] = await claimOf(at(6)); // B
    // B: refused for good (422).
    await confirmationFailed(env.DB, signatureId, {
      nextAttemptAt: null,
      error: "Resend answered 422",
      counted: true,
      claim: b!.claim,
    });
    expect(await confirmationState(signatureId)).toEqual({ state: "given-up", attempts: 2 });
    // A, late: a 503.
    await confirmationFailed(env.DB, signatureId, retryFrom(T0, a!));
    expect(await confirmationState(signatureId)).toEqual({ state: "given-up", attempts: 2 });
  });

  it("leaves a delivery notice to the run that holds it now: no third run takes it meanwhile", async () => {
    const { signatureId } = await waitingNotice();
    const claimOf = async (now: Date) =>
      (await claimDueDeliveryNotices(env.DB, claimWindow(now, LEASE_MS, 1000))).filter(
        (row) => row.signatureId === signatureId,
      );
    const [a] = await claimOf(T0); // A, slow
    const [b] = await claimOf(at(6)); // B, until at(11)
    expect(b).toBeDefined();
    await deliveryNoticeFailed(env.DB, signatureId, retryFrom(T0, a!)); // A, late: "again at at(1)"
    expect(await claimOf(at(7))).toEqual([]); // C must not take what B holds
    await deliveryNoticeFailed(env.DB, signatureId, retryFrom(at(6), b!));
    expect(await claimOf(at(7))).toHaveLength(1);
  });
});
