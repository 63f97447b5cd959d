/**
 * The bootstrap owner (id 1, "Owner (admin token)"), after the security
 * review of issue 15: its way in is ADMIN_TOKEN alone, so that changing the
 * token takes the area back.
 * - "Never zero active owners" counts it only while ADMIN_TOKEN is usable
 *   (set, and strong enough): else it is no owner anyone can be.
 * - Disabled, it no longer "signs in" with the token: the login form and
 *   the API say so.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_TOKEN,
  createLetter,
  fetchApp,
  formBody,
  logIn,
  parseHtml,
  randomIp,
  SAME_ORIGIN_FORM,
  sessionAs,
  texts,
  type OrganizerSession,
} from "../helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A form post from one of our pages with the session's cookie and CSRF token, under `overrides` of the bindings. */
function post(
  session: OrganizerSession,
  path: string,
  fields: Record<string, string>,
  overrides: Partial<Cloudflare.Env> = {},
) {
  return fetchApp(path, overrides, {
    method: "POST",
    headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": randomIp(), Cookie: session.cookie },
    body: formBody({ csrf: session.csrf, ...fields }),
    redirect: "manual",
  });
}

async function isActive(id: number): Promise<boolean> {
  const row = await env.DB.prepare("SELECT disabled_at, role FROM organizers WHERE id = ?1")
    .bind(id)
    .first<{ disabled_at: string | null; role: string }>();
  return row !== null && row.disabled_at === null && row.role === "owner";
}

describe("never zero active owners, counting the bootstrap owner only while ADMIN_TOKEN is usable", () => {
  for (const [what, token] of [
    ["unset", ""],
    ["too weak", "passwordpassword"],
  ] as const) {
    it(`with ADMIN_TOKEN ${what}, the last named owner can be neither demoted nor disabled`, async () => {
      vi.spyOn(console, "error").mockImplementation(() => {});
      const mara = await sessionAs("owner");
      const ines = await sessionAs("owner");
      // The tests of this file share a database: the owners other tests made step down first.
      await env.DB.prepare("UPDATE organizers SET role = 'viewer' WHERE id NOT IN (1, ?1, ?2)")
        .bind(mara.organizerId, ines.organizerId)
        .run();
      const settings = { ADMIN_TOKEN: token };
      // Two named owners: one may go.
      expect((await post(mara, `/admin/people/${ines.organizerId}/role`, { role: "editor" }, settings)).status).toBe(
        303,
      );
      const demoted = await post(mara, `/admin/people/${mara.organizerId}/role`, { role: "editor" }, settings);
      expect(demoted.status).toBe(409);
      expect(await demoted.text()).toContain("last active owner");
      const disabled = await post(mara, `/admin/people/${mara.organizerId}/disable`, { confirmed: "yes" }, settings);
      expect(disabled.status).toBe(409);
      expect(await isActive(mara.organizerId)).toBe(true);
    });
  }

  it("with ADMIN_TOKEN set and strong, the bootstrap owner counts: the named owner may step down", async () => {
    const mara = await sessionAs("owner");
    expect((await post(mara, `/admin/people/${mara.organizerId}/role`, { role: "editor" })).status).toBe(303);
    expect(await isActive(1)).toBe(true);
  });
});

describe("a disabled bootstrap owner", () => {
  it("is refused on the login form with the admin token, and told why; the API says so too", async () => {
    const mara = await sessionAs("owner");
    expect((await post(mara, "/admin/people/1/disable", { confirmed: "yes" })).status).toBe(303);
    const warnings = vi.spyOn(console, "warn");

    const login = await fetchApp(
      "/admin/login",
      {},
      {
        method: "POST",
        headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": randomIp() },
        body: formBody({ token: ADMIN_TOKEN, next: "/admin" }),
        redirect: "manual",
      },
    );
    expect(login.status).toBe(403);
    expect(login.headers.get("Set-Cookie")).toBeNull();
    const document = parseHtml(await login.text());
    expect(texts(document, "title")[0]).toMatch(/^Error: /);
    expect(document.textContent).toContain("The admin token's account is disabled");
    const sessions = await env.DB.prepare("SELECT count(*) AS n FROM organizer_sessions WHERE organizer_id = 1").first<{
      n: number;
    }>();
    expect(sessions!.n).toBe(0);

    const { slug } = await createLetter();
    const api = await fetchApp(
      `/admin/api/letters/${slug}/sources`,
      {},
      {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "CF-Connecting-IP": randomIp() },
      },
    );
    expect(api.status).toBe(403);
    expect(await api.text()).toContain("The admin token's account is disabled");

    const logged = warnings.mock.calls
      .map((call) => String(call[0]))
      .filter((line) => line.includes("sign_in_refused"));
    expect(logged.map((line) => JSON.parse(line) as unknown)).toEqual([
      { event: "sign_in_refused", via: "admin-token", reason: "account-disabled" },
      { event: "sign_in_refused", via: "bearer", reason: "account-disabled" },
    ]);

    // Enabled again, the token signs in again.
    expect((await post(mara, "/admin/people/1/enable", {})).status).toBe(303);
    expect((await logIn()).csrf).not.toBe("");
  });
});
