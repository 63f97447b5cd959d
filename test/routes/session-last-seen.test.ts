/**
 * "Last active" of each session on Your account (issue 15, found by a fresh-eyed trial): the list
 * showed each session's device and start only. A request notes the session as used
 * (organizer_sessions.last_seen_at) only once the time noted is 5 minutes old, so most requests
 * write nothing (a D1 write on every request is a cost); the session the page is seen in says
 * "active now".
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  csrfToken,
  newSession,
  SESSION_COOKIE,
  SESSION_SECONDS,
  sessionIdHash,
} from "../../src/domain/organizer-session";
import { insertSession } from "../../src/storage/organizer-sessions";
import { countingDatabase, fetchApp, type OrganizerSession, parseHtml, sessionAs, stopClock } from "../helpers";

afterEach(() => {
  vi.useRealTimers();
});

const T0 = "2031-06-01T09:00:00.000Z";

function at(minutes: number): Date {
  return new Date(Date.parse(T0) + minutes * 60_000);
}

/** Another session of organizer `organizerId`, opened now on `device`, as a sign-in stores it. */
async function anotherSession(organizerId: number, device: string): Promise<OrganizerSession & { idHash: string }> {
  const session = await newSession(env.SECRET_KEY!);
  const idHash = await sessionIdHash(session.id);
  const now = new Date();
  await insertSession(env.DB, {
    idHash,
    organizerId,
    via: "passkey",
    tokenFingerprint: null,
    device,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000),
  });
  return { cookie: `${SESSION_COOKIE}=${session.cookie}`, csrf: await csrfToken(env.SECRET_KEY!, session.id), idHash };
}

async function lastSeen(idHash: string): Promise<string | null> {
  return env.DB.prepare("SELECT last_seen_at FROM organizer_sessions WHERE id_hash = ?1")
    .bind(idHash)
    .first<string | null>("last_seen_at");
}

/** Your account as `session` sees it, through a D1 handle that records the queries. */
async function accountPage(session: OrganizerSession, headers: Record<string, string> = {}) {
  const counter = countingDatabase(env.DB);
  const response = await fetchApp(
    "/admin/account",
    { DB: counter.database },
    { headers: { Cookie: session.cookie, ...headers } },
  );
  expect(response.status).toBe(200);
  const page = parseHtml(await response.text());
  const rows = page.querySelectorAll("section[aria-labelledby=sessions] tbody tr").map((row) => ({
    device: row.querySelector("td")!.text,
    lastActive: row.querySelector('td[data-label="Last active"]')?.text,
    time: row.querySelector('td[data-label="Last active"] time')?.getAttribute("datetime") ?? null,
  }));
  const sessionWrites = counter.recorded().filter(({ sql }) => /UPDATE organizer_sessions/i.test(sql));
  return { page, rows, sessionWrites };
}

describe("each session's last activity", () => {
  it("is noted at most once every 5 minutes, and shown: 'active now' for this one, a time for the others", async () => {
    stopClock(T0);
    const person = await sessionAs("editor");
    const here = person;
    const hereHash = (await env.DB.prepare("SELECT id_hash FROM organizer_sessions WHERE organizer_id = ?1")
      .bind(person.organizerId)
      .first<string>("id_hash"))!;
    // A session starts as seen when it starts.
    expect(await lastSeen(hereHash)).toBe(T0);
    vi.setSystemTime(at(1));
    const phone = await anotherSession(person.organizerId, "Safari on iOS");
    expect(await lastSeen(phone.idHash)).toBe(at(1).toISOString());

    // Within 5 minutes, requests write nothing.
    vi.setSystemTime(at(4));
    const early = await accountPage(here);
    expect(early.sessionWrites).toEqual([]);
    expect(await lastSeen(hereHash)).toBe(T0);

    // Past 5 minutes, one request notes it, and the next few write nothing again.
    vi.setSystemTime(at(5));
    expect((await accountPage(here)).sessionWrites).toHaveLength(1);
    expect(await lastSeen(hereHash)).toBe(at(5).toISOString());
    vi.setSystemTime(at(9));
    expect((await accountPage(here)).sessionWrites).toEqual([]);
    expect(await lastSeen(hereHash)).toBe(at(5).toISOString());

    // The phone is used at minute 12; seen from here at minute 30, it was last active then.
    vi.setSystemTime(at(12));
    await accountPage(phone);
    expect(await lastSeen(phone.idHash)).toBe(at(12).toISOString());
    vi.setSystemTime(at(30));
    const { rows } = await accountPage(here);
    expect(rows).toHaveLength(2);
    const thisOne = rows.find((row) => row.device.includes("(this one)"))!;
    expect(thisOne.lastActive).toBe("active now");
    const other = rows.find((row) => row.device.startsWith("Safari on iOS"))!;
    expect(other.time).toBe(at(12).toISOString());
    // And from the phone, the first one was last active at minute 30 (noted by the request just made).
    vi.setSystemTime(at(31));
    const fromPhone = await accountPage(phone);
    expect(fromPhone.rows.find((row) => !row.device.includes("(this one)"))!.time).toBe(at(30).toISOString());
  });

  it("says 'active now' in the page's language", async () => {
    const person = await sessionAs("viewer");
    await env.DB.prepare("UPDATE organizers SET language = 'es' WHERE id = ?1").bind(person.organizerId).run();
    const { page } = await accountPage(person);
    expect(page.querySelector('td[data-label="Última actividad"]')!.text).toBe("ahora mismo");
  });
});
