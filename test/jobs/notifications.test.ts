/**
 * Letters' notifications: the webhook queued in the transaction that counts
 * a signature, delivered signed by the cron job, retried with a doubling
 * wait, given up in the end, skipped for signatures no longer counted; the
 * organizers' settings form; the daily summary email.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker, { CRONS } from "../../src/index";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { newWebhookSecret, WEBHOOK_MAX_ATTEMPTS } from "../../src/domain/webhook";
import { webhookHeaders } from "../../src/integrations/webhooks";
import {
  createLetter,
  formBody,
  individual,
  organization,
  letterRow,
  logIn,
  mailTo,
  organizerPage,
  organizerPost,
  ORIGIN,
  parseHtml,
  postSignature,
  randomIp,
  SAME_ORIGIN_FORM,
  signatureRows,
  stampedForm,
  texts,
  type OrganizerSession,
} from "../helpers";
import { seedSignatures } from "../seed";

const HOOK = "https://crm.example.org/hooks/undersigned";

async function runCron(cron: string, at: Date, overrides: Partial<Cloudflare.Env> = {}) {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: at.getTime(), cron }),
    { ...env, ...overrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

async function deliveries(slug: string) {
  const { results } = await env.DB.prepare(
    "SELECT d.* FROM webhook_deliveries d JOIN letters l ON l.id = d.letter_id WHERE l.slug = ? ORDER BY d.id",
  )
    .bind(slug)
    .all<{
      id: number;
      state: string;
      attempts: number;
      next_attempt_at: string;
      last_status: number | null;
      last_error: string | null;
      origin: string | null;
    }>();
  return results;
}

async function withWebhook(
  session: OrganizerSession,
  options: Parameters<typeof createLetter>[0] = {},
  fields: Record<string, string> = {},
) {
  const letter = await createLetter({ confirmSignatures: false, ...options });
  const saved = await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, {
    webhook_url: HOOK,
    ...fields,
  });
  expect(saved.status).toBe(303);
  const { document } = await organizerPage(session, `/admin/letters/${letter.slug}`);
  const secret = document.querySelector("#field-webhook-secret")?.getAttribute("value");
  expect(secret).toMatch(/^whsec_/);
  return { letter, secret: secret! };
}

/** A stand-in for the coalition's server: records what reaches it (for `slug` only: other tests' letters share the outbox). */
function receiver(slug: string, status = 200) {
  const requests: { headers: Headers; url: string; body: string }[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const body = await request.text();
    if ((JSON.parse(body) as { letter: { slug: string } }).letter.slug === slug)
      requests.push({ headers: request.headers, url: request.url, body });
    return new Response("ok", { status });
  });
  return { requests };
}

/** What a receiver checks with the Standard Webhooks library: the parsed body, or it throws. */
function verified(secret: string, request: { headers: Headers; body: string }): unknown {
  return new Webhook(secret).verify(request.body, Object.fromEntries(request.headers));
}

/** The earlier X-Undersigned-Signature (t=…,v1=<hex HMAC-SHA-256 of "t.body" under the secret's text>), checked by hand. */
async function verifiedTheEarlierWay(secret: string, header: string, body: string): Promise<boolean> {
  const { t, v1 } = Object.fromEntries(header.split(",").map((part) => part.split("=") as [string, string]));
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${t}.${body}`)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, "0")).join("") === v1;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the webhook settings", () => {
  it("take only an https address on a public host, and a valid summary address", async () => {
    const session = await logIn();
    const letter = await createLetter();
    for (const webhook_url of [
      "http://crm.example.org/hook",
      "https://127.0.0.1/hook",
      "https://localhost/hook",
      "https://user:pw@crm.example.org/",
      "not a url",
    ]) {
      const response = await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, { webhook_url });
      expect(response.status, webhook_url).toBe(422);
      expect(texts(parseHtml(await response.text()), "#notifications .error-summary li")).toHaveLength(1);
    }
    const badEmail = await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, {
      summary_email: "nobody",
    });
    expect(badEmail.status).toBe(422);
    const row = await env.DB.prepare("SELECT webhook_url, summary_email FROM letters WHERE slug = ?")
      .bind(letter.slug)
      .first();
    expect(row).toEqual({ webhook_url: null, summary_email: null });
  });

  it("refuse every address the rules refuse with a 422 saying what to change, and keep nothing", async () => {
    const session = await logIn();
    const letter = await createLetter();
    const ip = "Use the receiving system's host name (such as crm.example.org), not an IP address.";
    const local = "The address must name a public host (no IP addresses or local names).";
    for (const [webhook_url, said] of [
      ["https://localhost./hook", local],
      ["https://crm.localhost/hook", local],
      ["https://printer.local/hook", local],
      ["https://crm.corp.internal/hook", local],
      ["https://1.0.0.127.in-addr.arpa/hook", local],
      ["https://crm.default.svc/hook", local],
      ["https://crm/hook", local],
      ["https://crm.example.org./hook", "Remove the dot at the end of the host name."],
      ["https://2130706433/hook", ip],
      ["https://0x7f000001/hook", ip],
      ["https://0177.0.0.1/hook", ip],
      ["https://10.0.0.1/hook", ip],
      ["https://[::ffff:127.0.0.1]/hook", ip],
      ["https://[fd00::1]/hook", ip],
      [
        "https://hook@crm.example.org/",
        "Put no user name or password in the address: check the signature header instead.",
      ],
      ["https://crm.example.org:8443/hook", "Leave the port out: the address must use HTTPS's standard port (443)."],
      ["http://crm.example.org/hook", "The address must start with https:// so that signatures travel encrypted."],
    ] as const) {
      const response = await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, { webhook_url });
      expect(response.status, webhook_url).toBe(422);
      const document = parseHtml(await response.text());
      expect(texts(document, "#notifications .error-summary li"), webhook_url).toEqual([`Webhook address: ${said}`]);
    }
    // The standard port, written out, is no other port: stored as the URL parser reads it, without it.
    const standard = await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, {
      webhook_url: "https://crm.example.org:443/hook",
    });
    expect(standard.status).toBe(303);
    const row = await env.DB.prepare("SELECT webhook_url FROM letters WHERE slug = ?").bind(letter.slug).first();
    expect(row).toEqual({ webhook_url: "https://crm.example.org/hook" });
  });

  it("keep the secret until the organizers ask for a new one", async () => {
    const session = await logIn();
    const { letter, secret } = await withWebhook(session);
    await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, { webhook_url: HOOK });
    const again = (await organizerPage(session, `/admin/letters/${letter.slug}`)).document
      .querySelector("#field-webhook-secret")
      ?.getAttribute("value");
    expect(again).toBe(secret);
    await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, {
      webhook_url: HOOK,
      rotate_secret: "1",
      confirmed: "yes",
    });
    const rotated = (await organizerPage(session, `/admin/letters/${letter.slug}`)).document
      .querySelector("#field-webhook-secret")
      ?.getAttribute("value");
    expect(rotated).not.toBe(secret);
  });
});

describe("webhook deliveries", () => {
  it("announce each newly counted signature once, signed, without the email unless asked", async () => {
    const session = await logIn();
    const { letter, secret } = await withWebhook(session);
    const quiet = await createLetter({ confirmSignatures: false });
    expect(
      (await postSignature(letter.slug, individual({ name: "Ana Pérez", email: "ana@example.org", country: "HN" })))
        .status,
    ).toBe(303);
    expect((await postSignature(quiet.slug, individual())).status).toBe(303);
    expect(await deliveries(quiet.slug)).toHaveLength(0);
    expect(await deliveries(letter.slug)).toMatchObject([{ state: "pending", attempts: 0 }]);

    const { requests } = receiver(letter.slug);
    await runCron(CRONS.webhooks, new Date());
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.url).toBe(HOOK);
    const body = request.body;
    // Standard Webhooks: the receiver's library checks it with the secret the editor shows.
    expect(verified(secret, request)).toMatchObject({ event: "signature.counted" });
    // A secret made since then gets no earlier headers: there is no receiver of them to keep working.
    expect(request.headers.has("X-Undersigned-Signature")).toBe(false);
    const payload = JSON.parse(body) as { id: number };
    expect(payload).toMatchObject({
      event: "signature.counted",
      letter: { slug: letter.slug, counts: { total: 1 } },
      signature: { name: "Ana Pérez", country: "HN", kind: "individual", listed_publicly: true, channel: "form" },
    });
    expect(body).not.toContain("ana@example.org");
    expect(String(payload.id)).toBe(request.headers.get("webhook-id"));
    expect(await deliveries(letter.slug)).toMatchObject([{ state: "delivered", attempts: 1, last_status: 200 }]);
    // Nothing is sent twice.
    await runCron(CRONS.webhooks, new Date());
    expect(requests).toHaveLength(1);
    const editor = await organizerPage(session, `/admin/letters/${letter.slug}`);
    expect(texts(editor.document, "#notifications tbody td:nth-child(3)")).toEqual(["delivered"]);
  });

  it("carry the email when the organizers turned it on", async () => {
    const session = await logIn();
    const { letter } = await withWebhook(session, {}, { webhook_includes_email: "1" });
    await postSignature(letter.slug, individual({ email: "carla@example.org" }));
    const { requests } = receiver(letter.slug);
    await runCron(CRONS.webhooks, new Date());
    expect((JSON.parse(requests[0]!.body) as { signature: { email?: string } }).signature.email).toBe(
      "carla@example.org",
    );
  });

  it("carry an organization's website and verification, never its contact person", async () => {
    const session = await logIn();
    const { letter } = await withWebhook(session, {}, { webhook_includes_email: "1" });
    await seedSignatures(letter.slug, [
      {
        kind: "organization",
        name: "Fundación Justicia y Paz",
        website: "https://www.fundacionjusticia.org/",
        contactName: "Lucía Ramírez",
        contactRole: "Directora de Programas",
        email: "lucia@fundacionjusticia.org",
        authorized: true,
        verification: { by: "email-domain", at: "2031-01-02T03:04:05.000Z", domain: "fundacionjusticia.org" },
      },
      { name: "Ana Pérez" },
    ]);
    const { requests } = receiver(letter.slug);
    await runCron(CRONS.webhooks, new Date());
    const signatures = requests.map(
      (request) => (JSON.parse(request.body) as { signature: Record<string, unknown> }).signature,
    );
    expect(signatures.find((signature) => signature.kind === "organization")).toMatchObject({
      name: "Fundación Justicia y Paz",
      website: "https://www.fundacionjusticia.org/",
      verified: { by: "email-domain", at: "2031-01-02T03:04:05.000Z" },
      email: "lucia@fundacionjusticia.org",
    });
    expect(signatures.find((signature) => signature.kind === "individual")).toMatchObject({
      website: null,
      verified: null,
    });
    for (const request of requests) {
      expect(request.body).not.toContain("Lucía Ramírez");
      expect(request.body).not.toContain("Directora de Programas");
    }
  });

  it("wait for a signature to be counted: after the organizers approve it", async () => {
    const session = await logIn();
    const { letter } = await withWebhook(session, { reviewOrganizations: true });
    await postSignature(letter.slug, organization({ organization_name: "Reviewed Org", email: "org@example.org" }));
    expect(await deliveries(letter.slug)).toHaveLength(0);
    const ref = (await signatureRows(letter.slug))[0]!.token as string;
    await organizerPost(session, `/admin/letters/${letter.slug}/signatures/${ref}/approve`, {});
    // Queued with the origin of the organizer's request, which its letter.url is made at.
    expect(await deliveries(letter.slug)).toMatchObject([{ origin: ORIGIN }]);
  });

  it("retry with a doubling wait, then give up; and skip a signature no longer counted", async () => {
    const session = await logIn();
    const { letter } = await withWebhook(session);
    await postSignature(letter.slug, individual());
    const { requests } = receiver(letter.slug, 500);
    let now = new Date();
    await runCron(CRONS.webhooks, now);
    let [delivery] = await deliveries(letter.slug);
    expect(delivery).toMatchObject({
      state: "pending",
      attempts: 1,
      last_status: 500,
      last_error: "The address answered 500.",
    });
    expect(Date.parse(delivery!.next_attempt_at) - now.getTime()).toBe(60_000);
    // Not before its time.
    await runCron(CRONS.webhooks, new Date(now.getTime() + 30_000));
    expect(requests).toHaveLength(1);
    for (let attempt = 2; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      now = new Date(Date.parse((await deliveries(letter.slug))[0]!.next_attempt_at));
      await runCron(CRONS.webhooks, now);
    }
    expect(requests).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    [delivery] = await deliveries(letter.slug);
    expect(delivery).toMatchObject({ state: "failed", attempts: WEBHOOK_MAX_ATTEMPTS });

    // A signature hidden before its delivery is not announced.
    await postSignature(letter.slug, individual({ name: "Soon Hidden" }));
    const ref = (await signatureRows(letter.slug)).find((row) => row.name === "Soon Hidden")!.token as string;
    await organizerPost(session, `/admin/letters/${letter.slug}/signatures/${ref}/hide`, {});
    await runCron(CRONS.webhooks, new Date());
    expect(requests).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    expect((await deliveries(letter.slug))[1]).toMatchObject({ state: "skipped", attempts: 0 });
  });

  it("count an unreachable address as a failed attempt", async () => {
    const session = await logIn();
    const { letter } = await withWebhook(session);
    await postSignature(letter.slug, individual());
    vi.spyOn(globalThis, "fetch").mockRejectedValue(new TypeError("Network connection lost."));
    await runCron(CRONS.webhooks, new Date());
    expect((await deliveries(letter.slug))[0]).toMatchObject({
      state: "pending",
      attempts: 1,
      // In plain words, never the runtime's error.
      last_error: "The address could not be reached: no system answered there, or its secure connection failed.",
    });
  });
});

describe("a delivery's letter.url", () => {
  const LOCAL = "http://localhost:8787";

  /** Signs `slug` as a person does on `npm start`: the Worker reached at a loopback origin, without PUBLIC_URL. */
  async function signLocally(slug: string) {
    const ctx = createExecutionContext();
    const response = await worker.fetch(
      new Request(`${LOCAL}/letters/${slug}/signatures`, {
        method: "POST",
        headers: { "CF-Connecting-IP": randomIp(), ...SAME_ORIGIN_FORM, Origin: LOCAL },
        body: formBody(await stampedForm(slug, individual())),
        redirect: "manual",
      }),
      { ...env, PUBLIC_URL: "" },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(303);
  }

  async function letterUrlSent(slug: string, overrides: Partial<Cloudflare.Env>) {
    const { requests } = receiver(slug);
    await runCron(CRONS.webhooks, new Date(), overrides);
    expect(requests).toHaveLength(1);
    return (JSON.parse(requests[0]!.body) as { letter: { url: string | null } }).letter.url;
  }

  it("is the signing request's origin without PUBLIC_URL, as the cron has no request of its own", async () => {
    const { letter } = await withWebhook(await logIn());
    await signLocally(letter.slug);
    expect(await deliveries(letter.slug)).toMatchObject([{ origin: LOCAL }]);
    expect(await letterUrlSent(letter.slug, { PUBLIC_URL: "" })).toBe(`${LOCAL}/letters/${letter.slug}`);
  });

  it("is PUBLIC_URL's when it is set, and null only when neither is known", async () => {
    const { letter } = await withWebhook(await logIn());
    await signLocally(letter.slug);
    expect(await letterUrlSent(letter.slug, {})).toBe(`${ORIGIN}/letters/${letter.slug}`);

    // Queued before deliveries kept their origin.
    await signLocally(letter.slug);
    await env.DB.prepare(
      "UPDATE webhook_deliveries SET origin = NULL WHERE state = 'pending' AND letter_id = (SELECT id FROM letters WHERE slug = ?1)",
    )
      .bind(letter.slug)
      .run();
    vi.restoreAllMocks();
    expect(await letterUrlSent(letter.slug, { PUBLIC_URL: "" })).toBeNull();
  });
});

describe("Standard Webhooks signatures", () => {
  it("verify with the receiver's library, the same id on every retry; a tampered body or an old timestamp does not", async () => {
    const session = await logIn();
    const { letter, secret } = await withWebhook(session);
    // "whsec_" and the base64 of a 32-byte key, as Standard Webhooks writes secrets.
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await postSignature(letter.slug, individual({ name: "Marta Reyes" }));
    const { requests } = receiver(letter.slug, 503);
    const sentAt = new Date();
    await runCron(CRONS.webhooks, sentAt);
    await runCron(CRONS.webhooks, new Date(Date.parse((await deliveries(letter.slug))[0]!.next_attempt_at)));
    expect(requests).toHaveLength(2);
    const [first, retry] = requests as [(typeof requests)[0], (typeof requests)[0]];
    expect(first.headers.get("webhook-timestamp")).toBe(String(Math.floor(sentAt.getTime() / 1000)));
    expect(first.headers.get("webhook-signature")).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verified(secret, first)).toMatchObject({ signature: { name: "Marta Reyes" } });
    expect(verified(secret, retry)).toMatchObject({ signature: { name: "Marta Reyes" } });
    // The receiver de-duplicates on webhook-id: a retry carries the same.
    expect(retry.headers.get("webhook-id")).toBe(first.headers.get("webhook-id"));

    const tampered = { headers: first.headers, body: first.body.replace("Marta Reyes", "Marta Reyez") };
    expect(() => verified(secret, tampered)).toThrow(WebhookVerificationError);
    expect(() => verified(newWebhookSecret(), first)).toThrow(WebhookVerificationError);
    // Signed ten minutes ago (a replayed delivery): past the library's five minutes.
    const replayed = await webhookHeaders(secret, first.body, {
      event: "signature.counted",
      deliveryId: first.headers.get("webhook-id")!,
      now: new Date(Date.now() - 10 * 60_000),
    });
    expect(() => verified(secret, { headers: new Headers(replayed), body: first.body })).toThrow(/too old/);
  });

  it("keep a secret made before them working: shown as the whsec_ form of the same key, the earlier headers sent until it is replaced", async () => {
    const session = await logIn();
    const { letter } = await withWebhook(session);
    // As newWebhookSecret wrote them before: "whsec_" and the base64url of 24 bytes, the text itself the key.
    const earlier = "whsec_Qm9sZC1vbGQtc2VjcmV0LV9fLWtleS0x";
    await env.DB.prepare("UPDATE letters SET webhook_secret = ?1 WHERE slug = ?2").bind(earlier, letter.slug).run();
    const editor = (await organizerPage(session, `/admin/letters/${letter.slug}`)).document;
    const field = editor.querySelector("#field-webhook-secret")!;
    const shown = field.getAttribute("value")!;
    expect(shown).toBe(`whsec_${btoa(earlier)}`);
    expect(editor.querySelector(`#${field.getAttribute("aria-describedby")!}`)!.textContent).toContain(
      "X-Undersigned-Signature",
    );

    await postSignature(letter.slug, individual());
    const { requests } = receiver(letter.slug);
    await runCron(CRONS.webhooks, new Date());
    const [request] = requests as [(typeof requests)[0]];
    expect(verified(shown, request)).toMatchObject({ event: "signature.counted" });
    expect(await verifiedTheEarlierWay(earlier, request.headers.get("X-Undersigned-Signature")!, request.body)).toBe(
      true,
    );
    expect(request.headers.get("X-Undersigned-Event")).toBe("signature.counted");
    expect(request.headers.get("X-Undersigned-Delivery")).toBe(request.headers.get("webhook-id"));

    await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, {
      webhook_url: HOOK,
      rotate_secret: "1",
      confirmed: "yes",
    });
    const rotated = (await organizerPage(session, `/admin/letters/${letter.slug}`)).document;
    const replaced = rotated.querySelector("#field-webhook-secret")!.getAttribute("value")!;
    expect(replaced).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(rotated.querySelector("#notifications")!.textContent).not.toContain("X-Undersigned-Signature");
    await postSignature(letter.slug, individual());
    await runCron(CRONS.webhooks, new Date());
    expect(requests).toHaveLength(2);
    expect(verified(replaced, requests[1]!)).toMatchObject({ event: "signature.counted" });
    expect(requests[1]!.headers.has("X-Undersigned-Signature")).toBe(false);
  });
});

describe("an address saved before the rules refuse it", () => {
  it("is not called, by a delivery or a test delivery, and the organizers are told why", async () => {
    const session = await logIn();
    const { letter } = await withWebhook(session);
    // The cloud's metadata address: https://, so migrations/0009's CHECK let it in before the rules refused IP addresses.
    await env.DB.prepare("UPDATE letters SET webhook_url = 'https://169.254.169.254/latest' WHERE slug = ?1")
      .bind(letter.slug)
      .run();
    const fetched = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("ok"));
    await postSignature(letter.slug, individual());
    await runCron(CRONS.webhooks, new Date());
    expect(fetched.mock.calls.map(([input, init]) => new Request(input, init).url)).not.toContain(
      "https://169.254.169.254/latest",
    );
    expect((await deliveries(letter.slug))[0]).toMatchObject({
      state: "pending",
      attempts: 1,
      last_error: expect.stringMatching(/^Nothing was sent: this address is not accepted any more/) as unknown,
    });

    const test = await organizerPost(session, `/admin/letters/${letter.slug}/notifications/test`, {});
    expect(test.status).toBe(200);
    const page = parseHtml(await test.text());
    expect(texts(page, "h1")).toEqual(["The test delivery did not go through"]);
    expect(texts(page, "[role=status]")[0]).toContain("Nothing was sent: this address is not accepted any more");
    expect(fetched.mock.calls.map(([input, init]) => new Request(input, init).url)).not.toContain(
      "https://169.254.169.254/latest",
    );
  });
});

describe("the daily summary", () => {
  it("tells the organizers what the day brought, by email", async () => {
    const session = await logIn();
    const letter = await createLetter({
      confirmSignatures: false,
      reviewOrganizations: true,
      title: "Letter with a summary",
    });
    const address = `organizers-${crypto.randomUUID().slice(0, 6)}@coalition.example`;
    await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, { summary_email: address });
    await postSignature(letter.slug, individual());
    await postSignature(letter.slug, organization({ organization_name: "Waiting Org", email: "waiting@example.org" }));
    expect((await letterRow(letter.slug))!.signature_count).toBe(1);
    await runCron(CRONS.dailySummary, new Date(), { MAILER: "local", PUBLIC_URL: "https://letters.example.org" });
    const [mail] = await mailTo(address);
    expect(mail!.subject).toBe("+1 · Letter with a summary");
    expect(mail!.body).toContain("1 new signature counted (1 signature in all)");
    expect(mail!.body).toContain("1 signature waits for your review");
    expect(mail!.body).toContain(`https://letters.example.org/admin/letters/${letter.slug}/signatures`);
  });

  it("is written in the language of the organizer whose address gets it", async () => {
    const session = await logIn();
    const letter = await createLetter({ confirmSignatures: false, title: "Carta con resumen" });
    const address = `coordinadora-${crypto.randomUUID().slice(0, 6)}@coalition.example`;
    await env.DB.prepare(
      "INSERT INTO organizers (email, name, role, language) VALUES (?1, 'Coordinadora', 'viewer', 'es')",
    )
      .bind(address)
      .run();
    await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, { summary_email: address });
    await postSignature(letter.slug, individual());
    await postSignature(letter.slug, individual());
    await runCron(CRONS.dailySummary, new Date(), { MAILER: "local", PUBLIC_URL: "https://letters.example.org" });
    const [mail] = await mailTo(address);
    expect(mail!.subject).toBe("+2 · Carta con resumen");
    expect(mail!.body).toContain("En las últimas 24 horas en «Carta con resumen»:");
    expect(mail!.body).toContain("2 firmas nuevas contadas (2 firmas en total)");
    expect(mail!.body).toContain("0 firmas esperan su revisión");
    expect(mail!.body).not.toContain("in all");
    expect(mail!.body).not.toContain("You get this email");
  });
});
