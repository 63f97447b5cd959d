/**
 * "Send a test delivery" (issue 15): the letter's webhook is called exactly as
 * real deliveries call it (signed with its secret, event webhook.test, no
 * signature in the body), and the organizer sees what the receiver answered:
 * its status and the beginning of its answer, or why it could not be reached,
 * in plain words. The receiver is a stand-in for fetch: nothing leaves the machine.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { app } from "../../src/index";
import { LOCAL_SESSION_COOKIE } from "../../src/domain/organizer-session";
import {
  createLetter,
  formBody,
  logIn,
  ORIGIN,
  organizerPage,
  organizerPost,
  parseHtml,
  SAME_ORIGIN_FORM,
  texts,
  type OrganizerSession,
} from "../helpers";

const HOOK = "https://crm.example.org/hooks/undersigned-test";

afterEach(() => {
  vi.restoreAllMocks();
});

async function withWebhook(session: OrganizerSession) {
  const letter = await createLetter({ confirmSignatures: false });
  expect(
    (await organizerPost(session, `/admin/letters/${letter.slug}/notifications`, { webhook_url: HOOK })).status,
  ).toBe(303);
  const { document } = await organizerPage(session, `/admin/letters/${letter.slug}`);
  const secret = document.querySelector("#field-webhook-secret")!.getAttribute("value")!;
  return { letter, secret, document };
}

/** A stand-in receiver answering `answer` to requests for HOOK, recording them. */
function receiver(answer: () => Response | Promise<Response>) {
  const requests: Request[] = [];
  const bodies: string[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (request.url !== HOOK) throw new Error(`Unexpected request to ${request.url}`);
    requests.push(request);
    bodies.push(await request.text());
    return answer();
  });
  return { requests, bodies };
}

describe("a test delivery", () => {
  it("is offered in plain words once a webhook is saved, signed as real ones, and shows the receiver's answer", async () => {
    const session = await logIn();
    const { letter, secret, document } = await withWebhook(session);
    expect(texts(document, "label[for=field-webhook-url]")[0]).toMatch(/^Send each new signature to another system/);
    const button = document.querySelector(`form[action="/admin/letters/${letter.slug}/notifications/test"] button`)!;
    expect(button.textContent).toBe("Send a test delivery");

    const { requests, bodies } = receiver(() => new Response(`Received, thanks. ${"x".repeat(2000)}`, { status: 202 }));
    const response = await organizerPost(session, `/admin/letters/${letter.slug}/notifications/test`, {});
    expect(response.status).toBe(200);
    const page = parseHtml(await response.text());
    expect(texts(page, "h1")).toEqual(["The test delivery was taken"]);
    expect(texts(page, "[role=status]")[0]).toContain(`Sent to ${HOOK}. It answered 202`);
    expect(texts(page, "dd")[0]).toBe("202");
    const shown = texts(page, ".webhook-answer")[0]!;
    expect(shown.startsWith("Received, thanks.")).toBe(true);
    expect(shown.length).toBe(500);

    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.method).toBe("POST");
    // Checked as a receiver checks it, with the Standard Webhooks library and the secret the editor shows.
    const payload = new Webhook(secret).verify(bodies[0]!, Object.fromEntries(request.headers));
    expect(request.headers.get("webhook-id")).toBe((payload as { id: string }).id);
    expect(payload).toMatchObject({
      event: "webhook.test",
      letter: { slug: letter.slug, title: letter.title },
      signature: null,
    });
  });

  it("says what a refusal, a redirect and an unreachable receiver mean", async () => {
    const session = await logIn();
    const { letter } = await withWebhook(session);
    const path = `/admin/letters/${letter.slug}/notifications/test`;
    const said = async () => {
      const page = parseHtml(await (await organizerPost(session, path, {})).text());
      return { h1: texts(page, "h1")[0], status: texts(page, "[role=status]")[0] };
    };
    receiver(() => new Response("bad signature", { status: 401 }));
    const refused = await said();
    expect(refused.h1).toBe("The test delivery did not go through");
    expect(refused.status).toMatch(
      /answered 401: it refused the delivery\. Check that it was given this letter's current secret/,
    );
    vi.restoreAllMocks();
    receiver(() => new Response(null, { status: 301, headers: { Location: "https://crm.example.org/elsewhere" } }));
    expect((await said()).status).toMatch(/answered 301, a redirect: deliveries are never redirected/);
    vi.restoreAllMocks();
  });

  it("says why nothing answered in plain words, never the runtime's error", async () => {
    const session = await logIn();
    const { letter } = await withWebhook(session);
    const path = `/admin/letters/${letter.slug}/notifications/test`;
    const said = async (failure: Error) => {
      vi.restoreAllMocks();
      receiver(() => Promise.reject(failure));
      const page = parseHtml(await (await organizerPost(session, path, {})).text());
      expect(texts(page, "h1")[0]).toBe("The test delivery did not go through");
      const status = texts(page, "[role=status]")[0]!;
      expect(status).not.toContain(failure.message);
      return status;
    };
    expect(await said(new DOMException("The operation was aborted due to timeout", "TimeoutError"))).toBe(
      `Sent to ${HOOK}. The receiver did not answer within 10 seconds. Check that the receiving system is running, and that it answers as soon as it has the delivery.`,
    );
    for (const failure of [
      new TypeError("Network connection lost."),
      new Error("internal error; reference = 0123abcd"),
      new TypeError("DNS lookup failed"),
    ]) {
      expect(await said(failure)).toBe(
        `Sent to ${HOOK}. The address could not be reached: no system answered there, or its secure connection failed. Check the address for a typo, that the receiving system is running, and that its HTTPS certificate is valid.`,
      );
    }
    expect(await said(new TypeError("TLS peer's certificate is not trusted; reason = certificate has expired"))).toBe(
      `Sent to ${HOOK}. The receiver's secure connection could not be trusted: its HTTPS certificate is missing, expired or made out to another address. Ask whoever runs the receiving system to renew or correct its certificate.`,
    );
  });

  it("says what the receiver answered, and why deliveries failed, in the organizer's language", async () => {
    const session = await logIn();
    const { letter } = await withWebhook(session);
    expect((await organizerPost(session, "/admin/language", { language: "es", back: "/admin" })).status).toBe(303);
    try {
      const path = `/admin/letters/${letter.slug}/notifications/test`;
      receiver(() => new Response("nope", { status: 403 }));
      let page = parseHtml(await (await organizerPost(session, path, {})).text());
      expect(texts(page, "[role=status]")[0]).toBe(
        `Enviado a ${HOOK}. Respondió 403: rechazó el envío. Compruebe que tiene el secreto actual de esta carta.`,
      );
      vi.restoreAllMocks();
      receiver(() => Promise.reject(new DOMException("The operation was aborted due to timeout", "TimeoutError")));
      page = parseHtml(await (await organizerPost(session, path, {})).text());
      expect(texts(page, "[role=status]")[0]).toBe(
        `Enviado a ${HOOK}. El sistema receptor no respondió en 10 segundos. Compruebe que el sistema receptor está en marcha y que responde en cuanto recibe el envío.`,
      );

      // The deliveries list words the errors the deliveries job stored (in English) in the reader's language.
      const { id } = (await env.DB.prepare("SELECT id FROM letters WHERE slug = ?1")
        .bind(letter.slug)
        .first<{ id: number }>())!;
      for (const [error, status] of [
        ["The address could not be reached: no system answered there, or its secure connection failed.", null],
        ["The address answered 503.", 503],
      ] as const) {
        await env.DB.prepare(
          `INSERT INTO webhook_deliveries (letter_id, signature_id, event, state, attempts, last_status, last_error)
           VALUES (?1, 1, 'signature.counted', 'failed', 9, ?2, ?3)`,
        )
          .bind(id, status, error)
          .run();
      }
      const editor = (await organizerPage(session, `/admin/letters/${letter.slug}`)).document.text;
      expect(editor).toContain(
        "No se pudo llegar a la dirección: ningún sistema respondió allí, o falló su conexión segura.",
      );
      expect(editor).toContain("La dirección respondió 503.");
      expect(editor).not.toContain("The address");
    } finally {
      await organizerPost(session, "/admin/language", { language: "en", back: "/admin" });
    }
  });

  it("needs a saved webhook", async () => {
    const session = await logIn();
    const letter = await createLetter();
    const { document } = await organizerPage(session, `/admin/letters/${letter.slug}`);
    expect(document.querySelector("form[action$='/notifications/test']")).toBeNull();
    expect((await organizerPost(session, `/admin/letters/${letter.slug}/notifications/test`, {})).status).toBe(409);
  });
});

describe("a webhook on this machine", () => {
  /** Posts `fields` to `path` of the Worker as reached at `origin`, with the session's cookie for that origin. */
  async function postAt(origin: string, session: OrganizerSession, path: string, fields: Record<string, string>) {
    const local = origin.startsWith("http://");
    const cookie = local ? session.cookie.replace(/^[^=]+=/, `${LOCAL_SESSION_COOKIE}=`) : session.cookie;
    // As `npm start` runs: without PUBLIC_URL.
    return app.fetch(
      new Request(`${origin}${path}`, {
        method: "POST",
        headers: { ...SAME_ORIGIN_FORM, Origin: origin, Cookie: cookie },
        body: formBody({ csrf: session.csrf, ...fields }),
        redirect: "manual",
      }),
      { ...env, PUBLIC_URL: "" },
      createExecutionContext(),
    );
  }

  /** Posts the notification form to the Worker as reached at `origin`. */
  async function saveAt(origin: string, session: OrganizerSession, slug: string, webhook: string) {
    return postAt(origin, session, `/admin/letters/${slug}/notifications`, { webhook_url: webhook });
  }

  it("is accepted only while the Worker itself is reached at a loopback address (npm start)", async () => {
    const session = await logIn();
    for (const [origin, webhook] of [
      ["http://127.0.0.1:8787", "https://127.0.0.1:9000/hook"],
      ["http://localhost:8787", "https://localhost:9000/hook"],
      ["http://127.0.0.1:8787", "https://[::1]:9000/hook"],
    ] as const) {
      const letter = await createLetter();
      const saved = await saveAt(origin, session, letter.slug, webhook);
      expect(saved.status, `${webhook} from ${origin}`).toBe(303);
      const stored = await env.DB.prepare("SELECT webhook_url FROM letters WHERE slug = ?1")
        .bind(letter.slug)
        .first<{ webhook_url: string }>();
      expect(stored?.webhook_url).toBe(webhook);
    }
    // Deployed (reached by its public name), never: nor a public http:// address locally.
    for (const [origin, webhook] of [
      [ORIGIN, "https://127.0.0.1:9000/hook"],
      [ORIGIN, "https://localhost/hook"],
      // letters.webhook_url stores https:// only (migrations/0009): refused, not a storage error.
      ["http://127.0.0.1:8787", "http://127.0.0.1:9000/hook"],
      ["http://127.0.0.1:8787", "http://crm.example.org/hook"],
      ["http://127.0.0.1:8787", "http://192.168.1.10/hook"],
      ["http://127.0.0.1:8787", "http://user:secret@127.0.0.1:9000/hook"],
      // A loopback name spelled past the list of this machine's names is still no public host.
      ["http://127.0.0.1:8787", "https://localhost./hook"],
      ["http://127.0.0.1:8787", "https://user:secret@127.0.0.1:9000/hook"],
    ] as const) {
      const letter = await createLetter();
      const refused = await saveAt(origin, session, letter.slug, webhook);
      expect(refused.status, `${webhook} from ${origin}`).toBe(422);
    }
  });

  it("gets its test delivery there, on its own port, while the Worker runs on this machine", async () => {
    const session = await logIn();
    const letter = await createLetter();
    const origin = "http://127.0.0.1:8787";
    expect((await saveAt(origin, session, letter.slug, "https://localhost:9000/hook")).status).toBe(303);
    const urls: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
      urls.push(new Request(input, init).url);
      return Promise.resolve(new Response("ok"));
    });
    const tested = await postAt(origin, session, `/admin/letters/${letter.slug}/notifications/test`, {});
    expect(tested.status).toBe(200);
    expect(texts(parseHtml(await tested.text()), "h1")).toEqual(["The test delivery was taken"]);
    expect(urls).toEqual(["https://localhost:9000/hook"]);
  });
});
