/**
 * Passkeys through HTTP, with a software authenticator (test/webauthn.ts):
 * adding one to your account, signing in with it (discoverable, no email),
 * and every answer that must be refused: a replayed challenge, another
 * origin or RP ID, a bad signature, a counter that did not grow, no user
 * verification, a disabled person, a removed passkey, a challenge the
 * server did not sign; sign-in attempts limited per client and logged
 * without secrets; the anonymous options cost no database write.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addPasskey, passkeyRegistrationOptions } from "../../src/app/passkeys";
import { relyingPartyOf } from "../../src/domain/passkeys";
import { organizerDeps } from "../app/organizer-deps";
import {
  countingDatabase,
  fetchApp,
  fetchWorker,
  formBody,
  getPage,
  ORIGIN,
  organizerFetch,
  organizerPage,
  organizerPost,
  randomIp,
  SAME_ORIGIN_FORM,
  sessionAs,
  stopClock,
  texts,
  type OrganizerSession,
} from "../helpers";
import { base64url, SoftAuthenticator } from "../webauthn";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

type Options = { challenge: string; rp: { id: string; name: string }; user: { id: string; name: string } } & Record<
  string,
  unknown
>;

async function registrationOptions(session: OrganizerSession): Promise<Options> {
  const response = await organizerPost(session, "/admin/account/passkeys/options", {});
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toContain("application/json");
  return response.json();
}

function addForm(session: OrganizerSession, name: string, credential: unknown): Promise<Response> {
  return organizerPost(session, "/admin/account/passkeys", { name, credential: JSON.stringify(credential) });
}

/** Adds a new software passkey to the session's account; the authenticator. */
async function addedPasskey(session: OrganizerSession, name = "Work laptop"): Promise<SoftAuthenticator> {
  const authenticator = await SoftAuthenticator.create(ORIGIN);
  const response = await addForm(session, name, await authenticator.register(await registrationOptions(session)));
  expect(response.status).toBe(303);
  expect(response.headers.get("Location")).toBe("/admin/account/passkeys?done=added");
  return authenticator;
}

async function signInOptions(ip: string): Promise<{ challenge: string; rpId: string } & Record<string, unknown>> {
  const response = await fetchWorker("/admin/login/passkey/options", {
    method: "POST",
    headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": ip },
    body: "",
  });
  expect(response.status).toBe(200);
  return response.json();
}

function signIn(credential: unknown, ip: string, next = "/admin"): Promise<Response> {
  return fetchWorker("/admin/login/passkey", {
    method: "POST",
    headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": ip },
    body: formBody({ credential: JSON.stringify(credential), next }),
    redirect: "manual",
  });
}

/** The activity log's entries of organizer `id`, oldest first. */
async function activityOf(id: number) {
  const { results } = await env.DB.prepare(
    "SELECT organizer_name, action, detail FROM organizer_activity WHERE organizer_id = ?1 ORDER BY id",
  )
    .bind(id)
    .all<{ organizer_name: string; action: string; detail: string | null }>();
  return results;
}

async function passkeyRow(id: string) {
  return env.DB.prepare("SELECT organizer_id, counter, name, last_used_at FROM passkeys WHERE credential_id = ?1")
    .bind(id)
    .first<{ organizer_id: number; counter: number; name: string; last_used_at: string | null }>();
}

describe("adding a passkey", () => {
  it("gives options for a discoverable credential at this site, with no personal data in the user handle", async () => {
    const session = await sessionAs("owner", { name: "Olga Owner", email: "olga@example.org" });
    const options = await registrationOptions(session);
    expect(options.rp).toEqual({ id: "undersigned.test", name: "Undersigned" });
    expect(options.attestation).toBe("none");
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    expect(options.challenge).toMatch(/^[\w-]{43}$/);
    expect(options.timeout).toBe(300_000);
    // The picker shows the person's email; the handle is an opaque 16 bytes.
    expect(options.user.name).toBe("olga@example.org");
    expect(options.user.id).toMatch(/^[\w-]{22}$/);
    const again = await registrationOptions(session);
    expect(again.challenge).not.toBe(options.challenge);
    expect(again.user.id).toBe(options.user.id);
  });

  it("needs a session and the session's CSRF token", async () => {
    const none = await fetchWorker("/admin/account/passkeys/options", {
      method: "POST",
      headers: SAME_ORIGIN_FORM,
      body: "",
      redirect: "manual",
    });
    expect(none.status).toBe(401);
    const session = await sessionAs("viewer");
    const noCsrf = await organizerFetch(session, "/admin/account/passkeys/options", {
      method: "POST",
      headers: SAME_ORIGIN_FORM,
      body: "",
    });
    expect(noCsrf.status).toBe(403);
    const page = await fetchWorker("/admin/account/passkeys", { redirect: "manual" });
    expect(page.status).toBe(303);
  });

  it("adds, lists, renames and removes (after asking) a passkey", async () => {
    const session = await sessionAs("editor", { name: "Pia" });
    const authenticator = await addedPasskey(session, "  Work   laptop ");
    expect(await passkeyRow(authenticator.id)).toMatchObject({
      organizer_id: session.organizerId,
      counter: 0,
      name: "Work laptop",
    });

    const { response, document } = await organizerPage(session, "/admin/account/passkeys?done=added");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/script-src 'self'/);
    expect(response.headers.get("Content-Security-Policy")).toMatch(/connect-src 'self'/);
    expect(texts(document, ".flash")).toEqual(["The passkey is added."]);
    expect(texts(document, "tbody td[data-label=Name]")).toContain("Work laptop");
    expect(document.querySelector("form[data-passkey=create]")?.hasAttribute("hidden")).toBe(true);
    expect(document.querySelector("script[src^='/assets/admin-passkeys.']")).not.toBeNull();

    const path = `/admin/account/passkeys/${authenticator.id}`;
    const renamed = await organizerPost(session, `${path}/rename`, { name: "Phone" });
    expect(renamed.status).toBe(303);
    expect((await passkeyRow(authenticator.id))?.name).toBe("Phone");
    const empty = await organizerPost(session, `${path}/rename`, { name: "  " });
    expect(empty.status).toBe(422);
    const refusedPage = await empty.text();
    expect(refusedPage).toContain("Give the passkey a name");
    expect(refusedPage).toContain("<title>Error: ");

    const asked = await organizerPost(session, `${path}/remove`, {});
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Remove the passkey “Phone”?");
    expect(await passkeyRow(authenticator.id)).not.toBeNull();
    const removed = await organizerPost(session, `${path}/remove`, { confirmed: "yes" });
    expect(removed.status).toBe(303);
    expect(await passkeyRow(authenticator.id)).toBeNull();
    const log = (await activityOf(session.organizerId)).filter((entry) => entry.action.startsWith("passkey-"));
    expect(log.slice(-2)).toEqual([
      { organizer_name: "Pia", action: "passkey-added", detail: "“Work laptop”" },
      { organizer_name: "Pia", action: "passkey-removed", detail: "“Phone”" },
    ]);
    // A removed passkey signs nobody in.
    const ip = randomIp();
    expect((await signIn(await authenticator.assert(await signInOptions(ip)), ip)).status).toBe(401);
  });

  it("refuses an answer for another origin or RP ID, without user verification, or with a used challenge", async () => {
    const session = await sessionAs("viewer");
    const bends = [{ origin: "https://evil.test" }, { rpId: "evil.test" }, { userVerified: false }];
    for (const bend of bends) {
      const authenticator = await SoftAuthenticator.create(ORIGIN);
      const response = await addForm(
        session,
        "Key",
        await authenticator.register(await registrationOptions(session), bend),
      );
      expect(response.status, JSON.stringify(bend)).toBe(422);
      expect(await response.text()).toContain("did not check out for this site");
      expect(await passkeyRow(authenticator.id)).toBeNull();
    }
    // An answer sent twice: the second finds its challenge taken.
    const authenticator = await SoftAuthenticator.create(ORIGIN);
    const answer = await authenticator.register(await registrationOptions(session));
    expect((await addForm(session, "Key", answer)).status).toBe(303);
    const replay = await addForm(session, "Key", answer);
    expect(replay.status).toBe(422);
    expect(await replay.text()).toContain("had expired or was used already");
    // A challenge made up by the client.
    const made = await SoftAuthenticator.create(ORIGIN);
    const madeUp = await made.register({ ...(await registrationOptions(session)), challenge: "bm90LWdpdmVu" });
    expect((await addForm(session, "Key", madeUp)).status).toBe(422);
    // Unreadable answers and a missing name.
    expect((await addForm(session, "Key", "not json")).status).toBe(422);
    const noName = await addForm(session, "", {});
    expect(noName.status).toBe(422);
    const text = await noName.text();
    expect(text).toContain("Give the passkey a name");
    expect(text).not.toContain("Your browser sent no passkey");
  });

  it("refuses a challenge given to another person", async () => {
    const { deps } = organizerDeps();
    const other = await insertOrganizer("Ana Colleague", "ana@example.org");
    const rp = relyingPartyOf(ORIGIN, "Undersigned");
    const optionsForAna = await passkeyRegistrationOptions(deps, rp, { id: other, name: "Ana", role: "editor" });
    expect(optionsForAna.user.name).toBe("ana@example.org");
    const session = await sessionAs("viewer");
    const authenticator = await SoftAuthenticator.create(ORIGIN);
    const response = await addForm(session, "Key", await authenticator.register(optionsForAna));
    expect(response.status).toBe(422);
    expect(await passkeyRow(authenticator.id)).toBeNull();
  });

  it("answers 404 for a passkey that is not yours", async () => {
    const session = await sessionAs("viewer");
    const authenticator = await passkeyOf(await insertOrganizer("Bea", "bea@example.org"));
    const path = `/admin/account/passkeys/${authenticator.id}`;
    expect((await organizerPost(session, `${path}/rename`, { name: "Mine now" })).status).toBe(404);
    expect((await organizerPost(session, `${path}/remove`, { confirmed: "yes" })).status).toBe(404);
    expect(await passkeyRow(authenticator.id)).toMatchObject({ name: "Bea's phone" });
  });
});

async function insertOrganizer(name: string, email: string, role = "editor"): Promise<number> {
  const row = await env.DB.prepare("INSERT INTO organizers (email, name, role) VALUES (?1, ?2, ?3) RETURNING id")
    .bind(email, name, role)
    .first<{ id: number }>();
  return row!.id;
}

/** A passkey added to organizer `id`'s account through the use cases (as their own session would). */
async function passkeyOf(id: number): Promise<SoftAuthenticator> {
  const { deps } = organizerDeps();
  const rp = relyingPartyOf(ORIGIN, "Undersigned");
  const actor = { id, name: "Someone", role: "editor" as const };
  const authenticator = await SoftAuthenticator.create(ORIGIN);
  const answer = await authenticator.register(await passkeyRegistrationOptions(deps, rp, actor));
  await addPasskey(deps, rp, actor, `Bea's phone`, JSON.stringify(answer));
  return authenticator;
}

describe("signing in with a passkey", () => {
  it("signs the passkey's person in with no email asked, and counts its use", async () => {
    const id = await insertOrganizer("Carla", "carla@example.org", "moderator");
    const authenticator = await passkeyOf(id);
    const ip = randomIp();
    const options = await signInOptions(ip);
    expect(options.rpId).toBe("undersigned.test");
    expect(options.userVerification).toBe("required");
    expect(options.allowCredentials ?? []).toEqual([]);
    const response = await signIn(await authenticator.assert(options), ip, "/admin/letters/new");
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/admin/letters/new");
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
    const page = await fetchWorker("/admin", { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
    const session = await env.DB.prepare(
      "SELECT via FROM organizer_sessions WHERE organizer_id = ?1 ORDER BY created_at DESC LIMIT 1",
    )
      .bind(id)
      .first<{ via: string }>();
    expect(session?.via).toBe("passkey");
    const row = await passkeyRow(authenticator.id);
    expect(row?.counter).toBe(1);
    expect(row?.last_used_at).not.toBeNull();
    expect(await activityOf(id)).toEqual([
      { organizer_name: "Someone", action: "passkey-added", detail: "“Bea's phone”" },
      { organizer_name: "Carla", action: "sign-in", detail: "with a passkey" },
    ]);
  });

  it("refuses a replayed answer, another origin or RP ID, a bad signature, a counter that went back, no user verification", async () => {
    const authenticator = await passkeyOf(await insertOrganizer("Dario", "dario@example.org"));
    const ip = randomIp();
    const log = vi.spyOn(console, "log");

    const good = await authenticator.assert(await signInOptions(ip));
    expect((await signIn(good, ip)).status).toBe(303);
    const replay = await signIn(good, ip);
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain("had expired or was used already");

    for (const bend of [
      { origin: "https://evil.test" },
      { rpId: "evil.test" },
      { userVerified: false },
      { counter: 1 },
    ]) {
      const response = await signIn(await authenticator.assert(await signInOptions(ip), bend), ip);
      expect(response.status, JSON.stringify(bend)).toBe(401);
      const page = await response.text();
      expect(page).toContain("That passkey could not sign you in here");
      expect(page).toContain("<title>Error: ");
    }
    const tampered = await authenticator.assert(await signInOptions(ip));
    const response = tampered.response as { signature: string };
    response.signature = `${response.signature.slice(0, -4)}AAAA`;
    expect((await signIn(tampered, ip)).status).toBe(401);
    // Someone else's user handle with this passkey.
    expect(
      (await signIn(await authenticator.assert(await signInOptions(ip), { userHandle: "AAAAAAAAAAAAAAAAAAAAAA" }), ip))
        .status,
    ).toBe(401);

    const refusals = log.mock.calls
      .map(([line]) => String(line))
      .filter((line) => line.includes("sign_in_refused"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(refusals.map((entry) => entry.reason)).toEqual([
      "challenge",
      "not-verified",
      "not-verified",
      "not-verified",
      "counter",
      "not-verified",
      "not-verified",
    ]);
    for (const entry of refusals) {
      expect(Object.keys(entry).sort()).toEqual(["event", "reason", "via"]);
      expect(entry.via).toBe("passkey");
    }
    expect(log.mock.calls.flat().join(" ")).not.toContain(authenticator.id);
    // Still usable with a fresh, right answer.
    expect((await signIn(await authenticator.assert(await signInOptions(ip)), ip)).status).toBe(303);
  });

  it("takes an answer within five minutes of its challenge only", async () => {
    const authenticator = await passkeyOf(await insertOrganizer("Fede", "fede@example.org"));
    const ip = randomIp();
    stopClock("2026-11-30T10:00:00.000Z");
    const late = await authenticator.assert(await signInOptions(ip));
    const inTime = await authenticator.assert(await signInOptions(ip));
    vi.setSystemTime(new Date("2026-11-30T10:04:59.000Z"));
    expect((await signIn(inTime, ip)).status).toBe(303);
    vi.setSystemTime(new Date("2026-11-30T10:05:00.000Z"));
    const response = await signIn(late, ip);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("had expired or was used already");
  });

  it("does not sign in a disabled person", async () => {
    const id = await insertOrganizer("Eva", "eva@example.org");
    const authenticator = await passkeyOf(id);
    await env.DB.prepare("UPDATE organizers SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE id = ?1").bind(id).run();
    const ip = randomIp();
    const log = vi.spyOn(console, "log");
    const response = await signIn(await authenticator.assert(await signInOptions(ip)), ip);
    expect(response.status).toBe(401);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(log.mock.calls.map(([line]) => String(line))).toContain(
      JSON.stringify({ event: "sign_in_refused", via: "passkey", reason: "account-disabled" }),
    );
    expect((await activityOf(id)).map((entry) => entry.action)).toEqual(["passkey-added"]);
  });

  it("limits sign-in attempts per client, counted with the admin token's", async () => {
    const ip = randomIp();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await signIn({ id: "x", response: {} }, ip)).status).toBe(401);
    }
    const limited = await signIn({ id: "x", response: {} }, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    const token = await fetchWorker("/admin/login", {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": ip },
      body: formBody({ token: "wrong", next: "/admin" }),
    });
    expect(token.status).toBe(429);
    // Another client is not held back.
    expect((await signIn({ id: "x", response: {} }, randomIp())).status).toBe(401);
  });

  it("gives sign-in options without writing to the database: the challenge is signed, not stored", async () => {
    const stored = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM webauthn_challenges").first<{ n: number }>())!.n;
    const before = await stored();
    const counting = countingDatabase(env.DB);
    const ip = randomIp();
    const challenges = new Set<string>();
    for (let attempt = 0; attempt < 40; attempt++) {
      const response = await fetchApp(
        "/admin/login/passkey/options",
        { DB: counting.database },
        { method: "POST", headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": ip }, body: "" },
      );
      expect(response.status).toBe(200);
      challenges.add((await response.json<{ challenge: string }>()).challenge);
    }
    expect(challenges.size).toBe(40);
    // Not one query, let alone a write: no stored challenge, no rate-limit counter.
    expect(counting.queries()).toBe(0);
    expect(await stored()).toBe(before);
  });

  it("takes only challenges it signed, each once: a made-up or altered one is refused", async () => {
    const authenticator = await passkeyOf(await insertOrganizer("Gus", "gus@example.org"));
    const ip = randomIp();
    const options = await signInOptions(ip);
    const made = await signIn(
      await authenticator.assert({ ...options, challenge: "bm90LWdpdmVuLWJ5LXRoZS1zZXJ2ZXI" }),
      ip,
    );
    expect(made.status).toBe(401);
    expect(await made.text()).toContain("had expired or was used already");
    const bytes = Uint8Array.from(atob(options.challenge.replaceAll("-", "+").replaceAll("_", "/")), (char) =>
      char.charCodeAt(0),
    );
    // A later expiry with the signature left as it was.
    bytes[2] = (bytes[2]! + 1) % 256;
    const altered = await signIn(await authenticator.assert({ ...options, challenge: base64url(bytes) }), ip);
    expect(altered.status).toBe(401);
    expect(await altered.text()).toContain("had expired or was used already");
    // The challenge as given works once.
    const good = await authenticator.assert(options);
    expect((await signIn(good, ip)).status).toBe(303);
    expect((await signIn(good, ip)).status).toBe(401);
  });

  it("takes posts from our own pages only", async () => {
    const response = await fetchWorker("/admin/login/passkey/options", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.test" },
      body: "",
    });
    expect(response.status).toBe(403);
  });

  it("offers the passkey on the login page, hidden until the script shows it, and localhost instead of 127.0.0.1", async () => {
    const { response, document } = await getPage("/admin/login");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/connect-src 'self'/);
    const form = document.querySelector("form[data-passkey=get]");
    expect(form?.getAttribute("action")).toBe("/admin/login/passkey");
    expect(form?.hasAttribute("hidden")).toBe(true);
    const local = await getPage("http://127.0.0.1:8787/admin/login?next=%2Fadmin%2Fletters%2Fnew");
    expect(local.document.querySelector("form[data-passkey=get]")).toBeNull();
    expect(local.document.querySelector(".passkey-sign-in a")?.getAttribute("href")).toBe(
      "http://localhost:8787/admin/login?next=%2Fadmin%2Fletters%2Fnew",
    );
  });

  it("speaks the organizer area's language, the script's messages included", async () => {
    const { document } = await getPage("/admin/login", { headers: { "Accept-Language": "es" } });
    expect(texts(document, "#passkey-sign-in-title")).toEqual(["Entrar con una llave de acceso"]);
    const words = JSON.parse(document.querySelector("form[data-passkey=get]")!.getAttribute("data-words")!) as {
      cancelled: string;
    };
    expect(words.cancelled).toContain("No se usó ninguna llave de acceso");
    const ip = randomIp();
    const refused = await fetchWorker("/admin/login/passkey", {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": ip, "Accept-Language": "fr" },
      body: formBody({ credential: JSON.stringify({ id: "x", response: {} }), next: "/admin" }),
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain("La demande à votre clé d’accès avait expiré");
  });
});
