/**
 * Regressions of the attack on the webhooks of issue 16 (commit ae2dbdc):
 * Standard Webhooks signing, the address rules (webhookUrlProblem) and the
 * organizers' API GET/PUT /admin/api/letters/{slug}/webhook. Each test was
 * an `it.fails` documenting a fault found; each now holds the fix.
 */
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { webhookUrlProblem } from "../../src/domain/webhook";
import { resilientDatabase, StorageConstraintFailed } from "../../src/storage/database";
import { deliverWebhooks } from "../../src/jobs/webhooks";
import { createLetter, logIn, organizerPost } from "../helpers";
import { seedSignatures } from "../seed";
import { api, put, type WebhookJson } from "../webhooks";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/**
 * Addresses the WHATWG parser reads as https://example.com/ (a missing or backslashed "//"), which
 * webhookUrlProblem accepts, but which are stored as typed and so break letters.webhook_url's CHECK
 * (`LIKE 'https://%'`, migrations/0009).
 */
const SLASHLESS = ["https:example.com/hook", "https:/example.com/hook", "https:\\\\example.com/hook"];

describe("regression (attack 16): webhook addresses the parser reads but the database refuses", () => {
  it("the API answers a 4xx for an https: address without '//', never a 503 'database did not answer'", async () => {
    const letter = await createLetter();
    for (const url of SLASHLESS) {
      // The rule accepts it: the parser reads the host example.com.
      expect(webhookUrlProblem(url), url).toBeUndefined();
      const response = await put(letter.slug, { url });
      // Was: 503 "unavailable" (the D1 CHECK constraint failed, logged as storage_unavailable).
      expect(response.status, url).toBe(200);
      // Stored as the parser read it (the address the rule checked).
      expect((await response.json<WebhookJson>()).url, url).toBe("https://example.com/hook");
    }
  });

  it("the organizers' form answers a 4xx (or saves it) for an https: address without '//', never a 503", async () => {
    const letter = await createLetter();
    const session = await logIn();
    for (const url of SLASHLESS) {
      const response = await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, {
        webhook_url: url,
      });
      // Was: 503 (the CHECK constraint), the organizer told the database is unavailable.
      expect(response.status, url).toBeLessThan(500);
      const stored = await env.DB.prepare("SELECT webhook_url FROM letters WHERE slug = ?1")
        .bind(letter.slug)
        .first<{ webhook_url: string | null }>();
      expect(stored?.webhook_url, url).toBe("https://example.com/hook");
    }
  });
});

describe("regression (attack 16): a write the schema refuses", () => {
  it("is a constraint failure, never the database being unavailable", async () => {
    const letter = await createLetter();
    const db = resilientDatabase(env.DB);
    await expect(
      db.prepare("UPDATE letters SET webhook_url = 'https:example.com/hook' WHERE slug = ?1").bind(letter.slug).run(),
    ).rejects.toBeInstanceOf(StorageConstraintFailed);
  });
});

describe("regression (attack 16): the webhook's secret through the API", () => {
  it("is null once the webhook is removed, as the README says ('all null/false without a webhook')", async () => {
    const letter = await createLetter();
    const set = await (await put(letter.slug, { url: "https://crm.example.org/hook" })).json<WebhookJson>();
    expect(set.secret).toMatch(/^whsec_/);
    const removed = await (await put(letter.slug, { url: null })).json<WebhookJson>();
    expect(removed.url).toBeNull();
    // Was: the old secret, still shown (and still stored).
    expect(removed.secret).toBeNull();
    expect(await (await api(`/admin/api/letters/${letter.slug}/webhook`)).json()).toEqual({
      url: null,
      include_email: false,
      secret: null,
    });
  });

  it("a webhook set again after being removed is a new webhook with a new secret", async () => {
    // An owner whose secret leaked removes the webhook (even asking for a new secret as they do),
    // then sets it up again: the leaked secret comes back and keeps signing the deliveries.
    const letter = await createLetter();
    const first = await (await put(letter.slug, { url: "https://crm.example.org/hook" })).json<WebhookJson>();
    const removed = await put(letter.slug, { url: null, rotate_secret: true });
    expect(removed.status).toBe(200);
    const again = await (await put(letter.slug, { url: "https://crm.example.org/hook" })).json<WebhookJson>();
    expect(again.secret).toMatch(/^whsec_/);
    // Was: the same secret as before the removal.
    expect(again.secret).not.toBe(first.secret);
  });

  it("a PUT body far over what a webhook setting needs is refused (413), as organizer forms over 512 KB are", async () => {
    const letter = await createLetter();
    const body = JSON.stringify({ url: "https://crm.example.org/hook", padding: "x".repeat(8 * 1024 * 1024) });
    const response = await put(letter.slug, body);
    // Was: 200, the 8 MB body read and parsed whole (the form's ORGANIZER_FORM_LIMIT does not apply here).
    expect(response.status).toBe(413);
  });
  it("a secret left by a webhook removed before the fix never comes back", async () => {
    const letter = await createLetter();
    const first = await (await put(letter.slug, { url: "https://crm.example.org/hook" })).json<WebhookJson>();
    // As removing left it until then: no address, the old secret still stored.
    await env.DB.prepare("UPDATE letters SET webhook_url = NULL WHERE slug = ?1").bind(letter.slug).run();
    expect((await (await api(`/admin/api/letters/${letter.slug}/webhook`)).json<WebhookJson>()).secret).toBeNull();
    const again = await (await put(letter.slug, { url: "https://crm.example.org/hook" })).json<WebhookJson>();
    expect(again.secret).toMatch(/^whsec_/);
    expect(again.secret).not.toBe(first.secret);
  });
});

describe("regression (attack 16): the API's refusal of a body that is not JSON", () => {
  it("is the README's 400 webhookBodyInvalid, not the browser pages' 'reload the page'", async () => {
    const letter = await createLetter();
    const response = await put(letter.slug, '{"url": "https://crm.example.org/hook",');
    expect(response.status).toBe(400);
    // Was: code "badRequest", "Go back, reload the page and try again." (words for a browser's form).
    const { error } = await response.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe("webhookBodyInvalid");
  });
});

describe("regression (attack 16): the signature's timestamp", () => {
  it("is the time each delivery is sent, so one late in a slow cron run still verifies", async () => {
    // Letter A's receiver is down: each of its 40 deliveries takes the full 10 s timeout. Letter B's
    // delivery comes after them in the same run (deliveries go oldest first, 50 a run, one at a time),
    // 400 s after the run's scheduled time.
    const dead = await createLetter({ confirmSignatures: false });
    const alive = await createLetter({ confirmSignatures: false });
    expect((await put(dead.slug, { url: "https://dead.example.org/hook" })).status).toBe(200);
    const { secret } = await (await put(alive.slug, { url: "https://crm.example.org/hook" })).json<WebhookJson>();
    await seedSignatures(
      dead.slug,
      Array.from({ length: 40 }, () => ({})),
    );
    await seedSignatures(alive.slug, [{}]);

    const scheduled = new Date(Date.now() + 1000);
    vi.useFakeTimers({ toFake: ["Date"], now: scheduled });
    const verdicts: string[] = [];
    const send = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (new URL(request.url).hostname === "dead.example.org") {
        vi.setSystemTime(Date.now() + 10_000); // the timeout, 10 s of the run
        throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
      }
      const body = await request.text();
      try {
        new Webhook(secret!).verify(body, Object.fromEntries(request.headers));
        verdicts.push("verified");
      } catch (error) {
        verdicts.push((error as Error).message);
      }
      return new Response(null, { status: 204 });
    }) as typeof fetch;

    const report = await deliverWebhooks(env.DB, scheduled, env.PUBLIC_URL, send);
    expect(report).toMatchObject({ delivered: 1, retrying: 40 });
    // Was: ["Message timestamp too old"]: it was signed with the cron's scheduled time, 400 s earlier.
    expect(verdicts).toEqual(["verified"]);
  });
});
