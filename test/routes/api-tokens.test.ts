/**
 * Per-person API tokens (issue 15): made on Your account → API tokens, shown
 * once and kept only as a SHA-256, sent as a bearer token to /admin/api with
 * the person's role, revocable (after a question), dead once revoked or once
 * the person is disabled, and logged in the activity log by label only.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sha256Hex } from "../../src/domain/crypto";
import type { Role } from "../../src/domain/organizer-roles";
import {
  createLetter,
  fetchWorker,
  formFieldsOf,
  logIn,
  makeApiToken,
  organizerFetch,
  organizerPage,
  organizerPost,
  parseHtml,
  randomIp,
  sessionAs,
  stopClock,
} from "../helpers";
import { seedSignatures } from "../seed";

/** A request to the organizers' API with `token` as the bearer, from a connection of its own. */
function api(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetchWorker(path, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "CF-Connecting-IP": randomIp(), ...(init.headers ?? {}) },
  });
}

describe("an API token", () => {
  it("is shown once, stored as its SHA-256 only, listed by label, and logged without the token", async () => {
    const session = await sessionAs("moderator", { name: "Marta Moderator" });
    const token = await makeApiToken(session);
    const rows = await env.DB.prepare("SELECT * FROM api_tokens WHERE organizer_id = ?1")
      .bind(session.organizerId)
      .all<Record<string, unknown>>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]!.token_hash).toBe(await sha256Hex(token));
    expect(JSON.stringify(rows.results)).not.toContain(token.slice(3));

    const { response, document } = await organizerPage(session, "/admin/account/tokens");
    expect(response.status).toBe(200);
    const html = document.toString();
    expect(html).not.toContain(token);
    expect(document.querySelector("tbody td")?.textContent).toBe("Signatures spreadsheet");

    const logged = await env.DB.prepare(
      "SELECT * FROM organizer_activity WHERE organizer_id = ?1 AND action = 'api-token-created'",
    )
      .bind(session.organizerId)
      .first<Record<string, unknown>>();
    expect(logged).toMatchObject({ organizer_name: "Marta Moderator", detail: "Signatures spreadsheet" });
    expect(JSON.stringify(logged)).not.toContain(token.slice(3));
  });

  it("acts with its person's role on the API, and notes when it was last used", async () => {
    const { slug } = await createLetter({ organizations: ["Lead Org"] });
    const answers: Record<string, [number, number]> = {};
    for (const role of ["owner", "editor", "moderator", "viewer"] as Role[]) {
      const token = await makeApiToken(await sessionAs(role));
      const signatures = await api(`/admin/api/letters/${slug}/signatures`, token);
      const sources = await api(`/admin/api/letters/${slug}/sources`, token);
      answers[role] = [signatures.status, sources.status];
      await signatures.body?.cancel();
      await sources.body?.cancel();
      const used = await env.DB.prepare("SELECT created_at, last_used_at FROM api_tokens WHERE token_hash = ?1")
        .bind(await sha256Hex(token))
        .first<{ created_at: string; last_used_at: string | null }>();
      // Noted to the hour, or at its creation when it was made in this hour (never before it).
      expect(used?.last_used_at, role).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(used!.last_used_at! >= used!.created_at, role).toBe(true);
    }
    // Signatures carry emails: moderators and owners; counts per source: everyone.
    expect(answers).toEqual({ owner: [200, 200], editor: [403, 200], moderator: [200, 200], viewer: [403, 200] });
  });

  it("changes signatures with no CSRF token (a program's request), as its person", async () => {
    const { slug } = await createLetter({ organizations: ["Lead Org"], reviewOrganizations: true });
    const ref = (await env.DB.prepare(
      "SELECT s.token FROM signatures AS s JOIN letters AS l ON l.id = s.letter_id WHERE l.slug = ?1",
    )
      .bind(slug)
      .first<{ token: string }>())!.token;
    const token = await makeApiToken(await sessionAs("moderator"));
    const response = await api(`/admin/api/letters/${slug}/signatures/${ref}/hide`, token, { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ref, status: "hidden" });
  });

  it("is revoked after a question, then refused (401), and the revocation is logged", async () => {
    const session = await sessionAs("editor");
    const token = await makeApiToken(session, "Old script");
    const { slug } = await createLetter();
    expect((await api(`/admin/api/letters/${slug}/sources`, token)).status).toBe(200);

    const { document } = await organizerPage(session, "/admin/account/tokens");
    const revoke = document.querySelector('form[action$="/revoke"]')!.getAttribute("action")!;
    const asked = await organizerPost(session, revoke, {});
    expect(asked.status).toBe(200);
    const question = parseHtml(await asked.text());
    expect(question.querySelector("h1")?.textContent).toBe("Revoke the token for “Old script”?");
    expect((await api(`/admin/api/letters/${slug}/sources`, token)).status).toBe(200);

    const { action, fields } = formFieldsOf(question, {}, 'main form[method="post"]');
    const done = await organizerPost(session, action, fields);
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/admin/account/tokens?done=revoked");
    expect((await api(`/admin/api/letters/${slug}/sources`, token)).status).toBe(401);
    const listed = await organizerPage(session, done.headers.get("Location")!);
    expect(listed.document.querySelector("tbody")).toBeNull();
    expect(listed.document.querySelector(".flash")?.textContent).toContain("revoked");
    const logged = await env.DB.prepare(
      "SELECT detail FROM organizer_activity WHERE organizer_id = ?1 AND action = 'api-token-revoked'",
    )
      .bind(session.organizerId)
      .first<{ detail: string }>();
    expect(logged?.detail).toBe("Old script");
  });

  it("can't be revoked by anyone but its person (404), whatever their role", async () => {
    const mine = await sessionAs("viewer");
    await makeApiToken(mine);
    const id = (await env.DB.prepare("SELECT id FROM api_tokens WHERE organizer_id = ?1")
      .bind(mine.organizerId)
      .first<{ id: number }>())!.id;
    const owner = await sessionAs("owner");
    const response = await organizerPost(owner, `/admin/account/tokens/${id}/revoke`, { confirmed: "yes" });
    expect(response.status).toBe(404);
    const row = await env.DB.prepare("SELECT revoked_at FROM api_tokens WHERE id = ?1")
      .bind(id)
      .first<{ revoked_at: string | null }>();
    expect(row?.revoked_at).toBeNull();
  });

  it("stops working when its person is disabled", async () => {
    const session = await sessionAs("owner");
    const token = await makeApiToken(session);
    const { slug } = await createLetter();
    expect((await api(`/admin/api/letters/${slug}/sources`, token)).status).toBe(200);
    await env.DB.prepare("UPDATE organizers SET disabled_at = ?2 WHERE id = ?1")
      .bind(session.organizerId, new Date().toISOString())
      .run();
    expect((await api(`/admin/api/letters/${slug}/sources`, token)).status).toBe(401);
  });

  it("ends for good when its person is disabled: enabling them again does not bring it back", async () => {
    const person = await sessionAs("moderator");
    const token = await makeApiToken(person);
    const { slug } = await createLetter();
    const owner = await logIn();
    const disable = await organizerPost(owner, `/admin/people/${person.organizerId}/disable`, { confirmed: "yes" });
    expect(disable.status).toBe(303);
    expect((await api(`/admin/api/letters/${slug}/sources`, token)).status).toBe(401);
    expect((await organizerPost(owner, `/admin/people/${person.organizerId}/enable`, {})).status).toBe(303);
    expect((await api(`/admin/api/letters/${slug}/sources`, token)).status).toBe(401);
    const row = await env.DB.prepare("SELECT revoked_at FROM api_tokens WHERE organizer_id = ?1")
      .bind(person.organizerId)
      .first<{ revoked_at: string | null }>();
    expect(row?.revoked_at).not.toBeNull();
  });

  it("is never made for the admin token's account, which must not outlive a change of the admin token", async () => {
    const bootstrap = await logIn();
    const response = await organizerPost(bootstrap, "/admin/account/tokens", { label: "Kept after a leak" });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Invite yourself by email");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM api_tokens WHERE organizer_id = 1").first("n")).toBe(0);
  });

  it("is not offered to the admin token's account: its page says why, and how to have tokens, instead of a form", async () => {
    const { document } = await organizerPage(await logIn(), "/admin/account/tokens");
    expect(document.querySelector('form[action="/admin/account/tokens"]')).toBeNull();
    expect(document.querySelector("#field-label")).toBeNull();
    const notice = document.querySelector(".notice")?.textContent ?? "";
    expect(notice).toContain("The admin token's account can't hold API tokens");
    expect(document.querySelector('.notice a[href="/admin/people"]')).not.toBeNull();
    const mine = await organizerPage(await sessionAs("viewer"), "/admin/account/tokens");
    expect(mine.document.querySelector('form[action="/admin/account/tokens"]')).not.toBeNull();
  });

  it("needs a label: without one the form comes back with its problem focused (422)", async () => {
    const session = await sessionAs("viewer");
    const response = await organizerPost(session, "/admin/account/tokens", { label: "   " });
    expect(response.status).toBe(422);
    const document = parseHtml(await response.text());
    expect(document.querySelector("title")?.textContent).toMatch(/^Error: /);
    expect(document.querySelector("[autofocus]")?.textContent).toContain("Say what the token is for");
    expect(document.querySelector("#new-token")).toBeNull();
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM api_tokens WHERE organizer_id = ?1")
        .bind(session.organizerId)
        .first("n"),
    ).toBe(0);
  });

  it("a token-shaped guess that matches nothing is refused like any wrong token", async () => {
    const { slug } = await createLetter();
    const guess = `us_${"A".repeat(43)}`;
    const response = await api(`/admin/api/letters/${slug}/sources`, guess);
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toContain("Bearer");
  });

  it("the page is in the navigation of every role", async () => {
    for (const role of ["owner", "editor", "moderator", "viewer"] as Role[]) {
      const { document } = await organizerPage(await sessionAs(role), "/admin");
      expect(document.querySelector('nav a[href="/admin/account/tokens"]'), role).not.toBeNull();
    }
    const page = await organizerFetch(await sessionAs("viewer"), "/admin/account/tokens");
    expect(page.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("an API token's last use", () => {
  afterEach(() => vi.useRealTimers());

  /** The token's last_used_at after one request with it. */
  async function lastUsedAfterRequest(slug: string, token: string): Promise<string | null> {
    const response = await api(`/admin/api/letters/${slug}/sources`, token);
    expect(response.status).toBe(200);
    await response.body?.cancel();
    const row = await env.DB.prepare("SELECT last_used_at FROM api_tokens WHERE token_hash = ?1")
      .bind(await sha256Hex(token))
      .first<{ last_used_at: string | null }>();
    return row?.last_used_at ?? null;
  }

  it("is written at most once an hour (a D1 row written is billed), and the page says it is to the hour", async () => {
    const session = await sessionAs("editor");
    const token = await makeApiToken(session, "Hourly script");
    const { slug } = await createLetter();
    stopClock("2030-06-15T10:05:30.000Z");
    expect(await lastUsedAfterRequest(slug, token)).toBe("2030-06-15T10:00:00.000Z");
    // Later in the same hour: nothing written, so the row still says 10:00 (a per-minute note would say 10:59).
    vi.setSystemTime(new Date("2030-06-15T10:59:10.000Z"));
    expect(await lastUsedAfterRequest(slug, token)).toBe("2030-06-15T10:00:00.000Z");
    // The next hour is noted again.
    vi.setSystemTime(new Date("2030-06-15T11:00:05.000Z"));
    expect(await lastUsedAfterRequest(slug, token)).toBe("2030-06-15T11:00:00.000Z");

    // The session was opened on today's clock: the page is read on it again.
    vi.useRealTimers();
    const { document } = await organizerPage(session, "/admin/account/tokens");
    expect(document.querySelectorAll("thead th").map((cell) => cell.textContent)).toContain("Last used (to the hour)");
    expect(document.querySelector("tbody td:nth-child(3) time")?.getAttribute("datetime")).toBe(
      "2030-06-15T11:00:00.000Z",
    );
  });

  it("is never earlier than the token's creation (a token made at 10:45 and used at 10:50 was not used at 10:00)", async () => {
    stopClock("2030-07-01T10:45:20.000Z");
    const session = await sessionAs("editor");
    const { slug } = await createLetter();
    const token = await makeApiToken(session, "Made mid-hour");
    const created = await env.DB.prepare("SELECT created_at FROM api_tokens WHERE token_hash = ?1")
      .bind(await sha256Hex(token))
      .first<{ created_at: string }>();
    expect(created?.created_at).toBe("2030-07-01T10:45:20.000Z");
    vi.setSystemTime(new Date("2030-07-01T10:50:00.000Z"));
    const first = await lastUsedAfterRequest(slug, token);
    expect(first! >= created!.created_at).toBe(true);
    // Still one write an hour: later in that hour nothing changes, and the next hour is noted to the hour.
    vi.setSystemTime(new Date("2030-07-01T10:58:00.000Z"));
    expect(await lastUsedAfterRequest(slug, token)).toBe(first);
    vi.setSystemTime(new Date("2030-07-01T11:03:00.000Z"));
    expect(await lastUsedAfterRequest(slug, token)).toBe("2030-07-01T11:00:00.000Z");
  });
});

describe("what is done and read through an API token is in the activity log", () => {
  it("logs reading signers' data through the API once per person, letter and hour, not once per page", async () => {
    const { slug } = await createLetter();
    await seedSignatures(slug, [{ name: "Signer One" }, { name: "Signer Two" }, { name: "Signer Three" }]);
    const session = await sessionAs("moderator");
    const token = await makeApiToken(session, "Nightly sync");
    expect((await api(`/admin/api/letters/${slug}/signatures`, token)).status).toBe(200);
    // A later page of the same walk (a cursor), and the walk again within the hour: no more entries.
    expect((await api(`/admin/api/letters/${slug}/signatures?before=999999999`, token)).status).toBe(200);
    expect((await api(`/admin/api/letters/${slug}/signatures`, token)).status).toBe(200);
    // The counts by partner hold no personal data: not logged.
    expect((await api(`/admin/api/letters/${slug}/sources`, token)).status).toBe(200);
    const logged = await env.DB.prepare(
      "SELECT action, detail, detail_json FROM organizer_activity WHERE organizer_id = ?1 AND action = 'export-downloaded'",
    )
      .bind(session.organizerId)
      .all<{ action: string; detail: string; detail_json: string }>();
    expect(logged.results).toHaveLength(1);
    expect(logged.results[0]!.detail).toContain("through the organizers' API");
    expect(logged.results[0]!.detail).toContain("“Nightly sync”");
    expect(logged.results[0]!.detail_json).not.toContain(token.slice(3));
  });

  it("logs five API reads made at the same moment once, not once each (the check and the write are one statement)", async () => {
    const { slug } = await createLetter();
    await seedSignatures(slug, [{ name: "Signer One" }]);
    const session = await sessionAs("moderator");
    const token = await makeApiToken(session, "Parallel sync");
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => api(`/admin/api/letters/${slug}/signatures`, token)),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    const logged = await env.DB.prepare(
      "SELECT count(*) AS n FROM organizer_activity WHERE organizer_id = ?1 AND action = 'export-downloaded'",
    )
      .bind(session.organizerId)
      .first<{ n: number }>();
    expect(logged?.n).toBe(1);
  });

  it("logs a hide through a token like one in the area, saying which token, in the reader's language", async () => {
    const { slug } = await createLetter({ organizations: ["Lead Org"], reviewOrganizations: true });
    const ref = (await env.DB.prepare(
      "SELECT s.token FROM signatures AS s JOIN letters AS l ON l.id = s.letter_id WHERE l.slug = ?1",
    )
      .bind(slug)
      .first<{ token: string }>())!.token;
    const moderator = await sessionAs("moderator");
    const token = await makeApiToken(moderator, "Spam sweeper");
    expect((await api(`/admin/api/letters/${slug}/signatures/${ref}/hide`, token, { method: "POST" })).status).toBe(
      200,
    );
    const entry = await env.DB.prepare(
      "SELECT detail, after_json FROM organizer_activity WHERE organizer_id = ?1 AND action = 'signature-hidden'",
    )
      .bind(moderator.organizerId)
      .first<{ detail: string; after_json: string }>();
    expect(entry?.after_json).toContain("hidden");
    expect(entry?.detail).toBe("Through the API token “Spam sweeper”.");

    const owner = await sessionAs("owner");
    await env.DB.prepare("UPDATE organizers SET language = 'es' WHERE id = ?1").bind(owner.organizerId).run();
    const { document } = await organizerPage(owner, `/admin/activity?person=${moderator.organizerId}`);
    const details = [...document.querySelectorAll(".activity-detail")].map((node) => node.textContent);
    expect(details).toContain("A través del token de API «Spam sweeper».");
  });
});
