/**
 * The host of emailed links (review of issue 15): sign-in links and
 * invitations point at PUBLIC_URL, never at the Host a request names;
 * without PUBLIC_URL, only a loopback development host (npm start) is
 * trusted, and elsewhere nothing is sent and the configuration error is
 * logged; an invitation is refused before its account is made.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { app } from "../../src/index";
import { formBody, linkIn, mailTo, postOrganizerForm, randomIp, sessionAs } from "../helpers";

afterEach(() => vi.restoreAllMocks());

async function askLink(origin: string, email: string, overrides: Partial<Cloudflare.Env> = {}) {
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request(`${origin}/admin/login/link`, {
      method: "POST",
      headers: {
        Origin: origin,
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": "application/x-www-form-urlencoded",
        "CF-Connecting-IP": randomIp(),
      },
      body: formBody({ email, next: "/admin" }),
    }),
    { ...env, MAILER: "local", ...overrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

describe("the host of emailed links (failed before: the request's Host was trusted)", () => {
  it("is PUBLIC_URL's whatever Host the request names", async () => {
    const victim = await sessionAs("editor");
    expect(
      (await askLink("https://evil.example", victim.email, { PUBLIC_URL: "https://letters.example.org" })).status,
    ).toBe(200);
    const mails = await mailTo(victim.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).not.toContain("evil.example");
    expect(linkIn(mails[0]!.body, "/admin/link")).toMatch(/^\/admin\/link\?token=/);
    expect(mails[0]!.body).toContain("https://letters.example.org/admin/link?token=");
  });

  it("without PUBLIC_URL, sends nothing for a host that is not this machine, and logs why", async () => {
    const victim = await sessionAs("editor");
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void errors.push(String(line)));
    expect((await askLink("https://evil.example", victim.email, { PUBLIC_URL: "" })).status).toBe(200);
    expect(await mailTo(victim.email)).toHaveLength(0);
    expect(errors.join("\n")).toContain("PUBLIC_URL");
  });

  it("without PUBLIC_URL, trusts a loopback development host (npm start)", async () => {
    const person = await sessionAs("editor");
    await askLink("http://127.0.0.1:8787", person.email, { PUBLIC_URL: "" });
    const mails = await mailTo(person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain("http://127.0.0.1:8787/admin/link?token=");
  });

  it("without PUBLIC_URL, refuses an invitation before making its account (it could never be reached)", async () => {
    const owner = await sessionAs("owner");
    const email = `unreachable-${crypto.randomUUID().slice(0, 8)}@coalition.example`;
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const refused = await postOrganizerForm(
      "/admin/people",
      { name: "Unreachable Colleague", email, role: "viewer" },
      { session: owner, env: { MAILER: "local", PUBLIC_URL: "" } },
    );
    expect(refused.status).toBe(503);
    expect(await env.DB.prepare("SELECT id FROM organizers WHERE email = ?1").bind(email).first()).toBeNull();
    expect(await mailTo(email)).toHaveLength(0);
  });
});
