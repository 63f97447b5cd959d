/**
 * A letter's webhook through the organizers' JSON API (issue 16): read and
 * set with a bearer token, the secret in its Standard Webhooks form, and an
 * address the rules refuse answered 422 with the form's words and a stable
 * code, never stored.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createLetter, logIn, organizerPost } from "../helpers";
import { api, put, type WebhookJson } from "../webhooks";

interface ErrorJson {
  error: { status: number; code: string; title: string; message: string };
}

describe("the webhook through the organizers' API", () => {
  it("is set, read and given a new secret on request, the daily summary left as it was", async () => {
    const letter = await createLetter();
    const session = await logIn();
    await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, {
      summary_email: "organizers@coalition.example",
    });
    expect(await (await api(`/admin/api/letters/${letter.slug}/webhook`)).json()).toEqual({
      url: null,
      include_email: false,
      secret: null,
    });

    const set = await put(letter.slug, { url: "https://crm.example.org/hooks/undersigned", include_email: true });
    expect(set.status).toBe(200);
    const saved = await set.json<WebhookJson>();
    expect(saved).toMatchObject({ url: "https://crm.example.org/hooks/undersigned", include_email: true });
    expect(saved.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(await (await api(`/admin/api/letters/${letter.slug}/webhook`)).json()).toEqual(saved);

    const kept = await (await put(letter.slug, { url: "https://crm.example.org/v2" })).json<WebhookJson>();
    expect(kept).toEqual({ url: "https://crm.example.org/v2", include_email: false, secret: saved.secret });
    const rotated = await (
      await put(letter.slug, { url: "https://crm.example.org/v2", rotate_secret: true })
    ).json<WebhookJson>();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(saved.secret);

    const row = await env.DB.prepare("SELECT summary_email FROM letters WHERE slug = ?1").bind(letter.slug).first();
    expect(row).toEqual({ summary_email: "organizers@coalition.example" });
  });

  it("refuses an address the rules refuse with a 422 in the form's words, and stores nothing", async () => {
    const letter = await createLetter();
    for (const [url, message] of [
      ["https://2130706433/hook", "Use the receiving system's host name (such as crm.example.org), not an IP address."],
      [
        "https://[::ffff:127.0.0.1]/hook",
        "Use the receiving system's host name (such as crm.example.org), not an IP address.",
      ],
      ["https://localhost./hook", "The address must name a public host (no IP addresses or local names)."],
      ["https://metadata.google.internal/", "The address must name a public host (no IP addresses or local names)."],
      ["https://crm.example.org:8443/", "Leave the port out: the address must use HTTPS's standard port (443)."],
      ["https://crm.example.org./", "Remove the dot at the end of the host name."],
      [
        "https://me:pw@crm.example.org/",
        "Put no user name or password in the address: check the signature header instead.",
      ],
      ["http://crm.example.org/", "The address must start with https:// so that signatures travel encrypted."],
    ] as const) {
      const response = await put(letter.slug, { url });
      expect(response.status, url).toBe(422);
      expect(await response.json(), url).toEqual({
        error: { status: 422, code: "webhookUrlRefused", title: "Webhook address refused", message },
      });
    }
    const row = await env.DB.prepare("SELECT webhook_url, webhook_secret FROM letters WHERE slug = ?1")
      .bind(letter.slug)
      .first();
    expect(row).toEqual({ webhook_url: null, webhook_secret: null });
  });

  it("refuses a body that is not the settings' JSON with a 400 saying what to send", async () => {
    const letter = await createLetter();
    for (const body of [
      { url: 42 },
      { include_email: true },
      { url: "https://crm.example.org/", include_email: "yes" },
    ]) {
      const response = await put(letter.slug, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = await response.json<ErrorJson>();
      expect(error.code).toBe("webhookBodyInvalid");
      expect(error.message).toContain('"url"');
    }
    expect((await put(letter.slug, "{not json")).status).toBe(400);
  });

  it("refuses a field it does not know, naming it, and saves nothing", async () => {
    const letter = await createLetter();
    const response = await put(letter.slug, { url: "https://crm.example.org/hooks/undersigned", extra: 1 });
    expect(response.status).toBe(400);
    const { error } = await response.json<ErrorJson>();
    expect(error.code).toBe("webhookBodyInvalid");
    expect(error.message).toContain('There is no field "extra".');
    const row = await env.DB.prepare("SELECT webhook_url FROM letters WHERE slug = ?1").bind(letter.slug).first();
    expect(row).toEqual({ webhook_url: null });
  });
});
