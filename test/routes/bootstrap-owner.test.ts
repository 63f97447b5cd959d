/**
 * The bootstrap owner (id 1, "Owner (admin token)"), after the security
 * review of issue 15: its way in is ADMIN_TOKEN alone, so that changing the
 * token takes the area back.
 * - It holds no passkey (one would outlive a change of the token), as it
 *   holds no API token: the passkeys page says why and what to do instead.
 * - "Never zero active owners" counts it only while ADMIN_TOKEN is usable
 *   (set, and strong enough): else it is no owner anyone can be.
 * - Disabled, it no longer "signs in" with the token: the login form and
 *   the API say so.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PasskeyRefused, addPasskey, passkeyRegistrationOptions } from "../../src/app/passkeys";
import { relyingPartyOf } from "../../src/domain/passkeys";
import { organizerDeps } from "../app/organizer-deps";
import {
  ADMIN_TOKEN,
  createLetter,
  fetchApp,
  formBody,
  logIn,
  organizerPage,
  organizerPost,
  ORIGIN,
  parseHtml,
  postOrganizerForm,
  randomIp,
  SAME_ORIGIN_FORM,
  sessionAs,
  texts,
} from "../helpers";
import { SoftAuthenticator } from "../webauthn";

afterEach(() => {
  vi.restoreAllMocks();
});

async function isActive(id: number): Promise<boolean> {
  const row = await env.DB.prepare("SELECT disabled_at, role FROM organizers WHERE id = ?1")
    .bind(id)
    .first<{ disabled_at: string | null; role: string }>();
  return row !== null && row.disabled_at === null && row.role === "owner";
}

async function passkeysOf(id: number): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM passkeys WHERE organizer_id = ?1")
    .bind(id)
    .first<{ n: number }>();
  return row!.n;
}

describe("the bootstrap owner's passkeys", () => {
  it("are refused: the page says why and to invite yourself, and no options or passkey are given", async () => {
    const admin = await logIn();
    const { response, document } = await organizerPage(admin, "/admin/account/passkeys");
    expect(response.status).toBe(200);
    const page = document.textContent ?? "";
    expect(page).toContain("keep signing in after the admin token changes");
    expect(page).toContain("Invite yourself");
    expect(document.querySelector("a[href='/admin/people']")).not.toBeNull();
    // Nothing to add one with: no form, no script.
    expect(document.querySelector("form[data-passkey=create]")).toBeNull();
    expect(document.querySelector("script[src^='/assets/admin-passkeys.']")).toBeNull();

    const options = await organizerPost(admin, "/admin/account/passkeys/options", {});
    expect(options.status).toBe(403);
    expect(await options.text()).toContain("Invite yourself");
    const before = await env.DB.prepare("SELECT count(*) AS n FROM webauthn_challenges").first<{ n: number }>();
    expect(before!.n).toBe(0);

    // An answer made for another account's options is refused too, before anything is stored.
    const authenticator = await SoftAuthenticator.create(ORIGIN);
    const added = await organizerPost(admin, "/admin/account/passkeys", {
      name: "Laptop",
      credential: JSON.stringify(
        await authenticator.register({ challenge: "AAAA", rp: { id: "undersigned.test" }, user: { id: "AAAA" } }),
      ),
    });
    expect(added.status).toBe(403);
    expect(await passkeysOf(1)).toBe(0);
  });

  it("are refused by the use cases too, whoever calls them", async () => {
    const { deps } = organizerDeps();
    const rp = relyingPartyOf(ORIGIN, "Undersigned");
    const owner = { id: 1, name: "Owner (admin token)", role: "owner" as const };
    await expect(passkeyRegistrationOptions(deps, rp, owner)).rejects.toMatchObject({ status: 403 });
    await expect(addPasskey(deps, rp, owner, "Laptop", "{}")).rejects.not.toBeInstanceOf(PasskeyRefused);
    await expect(addPasskey(deps, rp, owner, "Laptop", "{}")).rejects.toMatchObject({ status: 403 });
  });

  it("added before they were refused, sign nobody in, and the page asks to remove them", async () => {
    const { deps } = organizerDeps();
    const rp = relyingPartyOf(ORIGIN, "Undersigned");
    const someone = await sessionAs("owner");
    const actor = { id: someone.organizerId, name: someone.name, role: "owner" as const };
    const authenticator = await SoftAuthenticator.create(ORIGIN);
    await addPasskey(
      deps,
      rp,
      actor,
      "Old laptop",
      JSON.stringify(await authenticator.register(await passkeyRegistrationOptions(deps, rp, actor))),
    );
    // As the admin token's account held it before the fix.
    await env.DB.prepare("UPDATE passkeys SET organizer_id = 1 WHERE credential_id = ?1").bind(authenticator.id).run();
    const log = vi.spyOn(console, "log");
    const ip = randomIp();
    const options = await fetchApp(
      "/admin/login/passkey/options",
      {},
      {
        method: "POST",
        headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": ip },
        body: "",
      },
    );
    const signIn = await fetchApp(
      "/admin/login/passkey",
      {},
      {
        method: "POST",
        headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": ip },
        body: formBody({
          credential: JSON.stringify(await authenticator.assert(await options.json())),
          next: "/admin",
        }),
        redirect: "manual",
      },
    );
    expect(signIn.status).toBe(401);
    expect(signIn.headers.get("Set-Cookie")).toBeNull();
    expect(log.mock.calls.map(([line]) => String(line))).toContain(
      JSON.stringify({ event: "sign_in_refused", via: "passkey", reason: "admin-token-account" }),
    );
    const { document } = await organizerPage(await logIn(), "/admin/account/passkeys");
    expect(texts(document, "tbody td[data-label=Name]")).toEqual(["Old laptop"]);
    expect(document.textContent).toContain("no longer sign anyone in");
  });

  it("are still offered to a named owner", async () => {
    const owner = await sessionAs("owner");
    const { document } = await organizerPage(owner, "/admin/account/passkeys");
    expect(document.querySelector("form[data-passkey=create]")).not.toBeNull();
    expect((await organizerPost(owner, "/admin/account/passkeys/options", {})).status).toBe(200);
  });
});

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
      expect(
        (
          await postOrganizerForm(
            `/admin/people/${ines.organizerId}/role`,
            { role: "editor" },
            { session: mara, env: settings },
          )
        ).status,
      ).toBe(303);
      const demoted = await postOrganizerForm(
        `/admin/people/${mara.organizerId}/role`,
        { role: "editor" },
        { session: mara, env: settings },
      );
      expect(demoted.status).toBe(409);
      expect(await demoted.text()).toContain("last active owner");
      const disabled = await postOrganizerForm(
        `/admin/people/${mara.organizerId}/disable`,
        { confirmed: "yes" },
        { session: mara, env: settings },
      );
      expect(disabled.status).toBe(409);
      expect(await isActive(mara.organizerId)).toBe(true);
    });
  }

  it("with ADMIN_TOKEN set and strong, the bootstrap owner counts: the named owner may step down", async () => {
    const mara = await sessionAs("owner");
    expect(
      (await postOrganizerForm(`/admin/people/${mara.organizerId}/role`, { role: "editor" }, { session: mara })).status,
    ).toBe(303);
    expect(await isActive(1)).toBe(true);
  });
});

describe("a disabled bootstrap owner", () => {
  it("is refused on the login form with the admin token, and told why; the API says so too", async () => {
    const mara = await sessionAs("owner");
    expect((await postOrganizerForm("/admin/people/1/disable", { confirmed: "yes" }, { session: mara })).status).toBe(
      303,
    );
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
    // Its sessions ended (kept, expired, until the maintenance job forgets them: their browsers are told why).
    const sessions = await env.DB.prepare(
      "SELECT count(*) AS n FROM organizer_sessions WHERE organizer_id = 1 AND expires_at > ?1",
    )
      .bind(new Date().toISOString())
      .first<{ n: number }>();
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
    expect((await postOrganizerForm("/admin/people/1/enable", {}, { session: mara })).status).toBe(303);
    expect((await logIn()).csrf).not.toBe("");
  });
});
