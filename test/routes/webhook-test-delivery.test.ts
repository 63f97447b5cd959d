/**
 * "Send a test delivery" (issue 15): the letter's webhook is called exactly as
 * real deliveries call it (signed with its secret, event webhook.test, no
 * signature in the body), and the organizer sees what the receiver answered:
 * its status and the beginning of its answer, or why it could not be reached,
 * in plain words. The receiver is a stand-in for fetch: nothing leaves the machine.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLetter, logIn, organizerPage, organizerPost, parseHtml, texts, type OrganizerSession } from "../helpers";

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

async function verify(secret: string, header: string, body: string): Promise<boolean> {
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
    expect(request.headers.get("X-Undersigned-Event")).toBe("webhook.test");
    expect(await verify(secret, request.headers.get("X-Undersigned-Signature")!, bodies[0]!)).toBe(true);
    expect(JSON.parse(bodies[0]!)).toMatchObject({
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
    receiver(() => Promise.reject(new TypeError("Network connection lost.")));
    expect((await said()).status).toMatch(/could not be reached \(Network connection lost\.\)\. Check the address/);
  });

  it("needs a saved webhook", async () => {
    const session = await logIn();
    const letter = await createLetter();
    const { document } = await organizerPage(session, `/admin/letters/${letter.slug}`);
    expect(document.querySelector("form[action$='/notifications/test']")).toBeNull();
    expect((await organizerPost(session, `/admin/letters/${letter.slug}/notifications/test`, {})).status).toBe(409);
  });
});
