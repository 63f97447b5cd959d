/**
 * A letter's notification settings, saved as a route would (no HTTP),
 * against the real local D1: the webhook's secret is made once and kept
 * until the organizers ask for a new one.
 */
import { describe, expect, it } from "vitest";
import { notificationsOf, saveNotifications } from "../../src/app/notifications";
import { organizerDeps, storedDraft } from "./organizer-deps";

const WEBHOOK = "https://crm.example.org/hooks/undersigned";

describe("a letter's notifications", () => {
  it("give the first webhook a secret, keep it on later saves, and make a new one when asked", async () => {
    const { deps } = organizerDeps();
    const letter = await storedDraft();
    const save = (input: { webhookUrl?: string | null; rotateSecret?: boolean } = {}) =>
      saveNotifications(deps, letter, {
        webhookUrl: WEBHOOK,
        includeEmail: false,
        summaryEmail: "team@example.org",
        rotateSecret: false,
        ...input,
      });
    const secret = async () => (await notificationsOf(deps, letter)).settings.webhookSecret;

    await save({ webhookUrl: null });
    expect(await secret()).toBeNull();
    await save();
    const first = await secret();
    // Standard Webhooks' form: "whsec_" and the base64 of a 32-byte key.
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await save();
    expect(await secret()).toBe(first);
    await save({ rotateSecret: true });
    expect(await secret()).not.toBe(first);
    const { settings, deliveries } = await notificationsOf(deps, letter);
    expect(settings).toMatchObject({ webhookUrl: WEBHOOK, includeEmail: false, summaryEmail: "team@example.org" });
    expect(deliveries).toEqual([]);
  });
});
