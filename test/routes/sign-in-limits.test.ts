/**
 * Wrong secrets are limited per client and overall (issue 15: 200 wrong
 * bearer tokens in 2.7 s were all answered 401, then the right one worked).
 * Bearer tokens: ten wrong ones a minute from one client; the login form
 * and bearer tokens together: a hundred wrong secrets a minute from everyone.
 * Past its own client's limit, the right token waits too (429, Retry-After);
 * past everyone's, only wrong ones do, so that strangers can't lock the
 * owner out. A client is an IPv4 address, or an IPv6 address's /64. Each
 * refusal is logged without the secret.
 *
 * The clock is stopped at a different hour in each test: the limits count
 * in D1, which the tests of this file share.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BEARER_FAILURES_PER_MINUTE,
  REFUSED_SIGN_IN_NETWORKS_LOGGED,
  SIGN_IN_FAILURES_PER_MINUTE,
} from "../../src/app/organizer-login";
import {
  ADMIN_TOKEN,
  createLetter,
  fetchWorker,
  formBody,
  organizerPost,
  parseHtml,
  organizerFetch,
  randomIp,
  SAME_ORIGIN_FORM,
  sessionAs,
  stopClock,
  texts,
} from "../helpers";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function bearer(path: string, token: string, ip: string): Promise<Response> {
  return fetchWorker(path, { headers: { Authorization: `Bearer ${token}`, "CF-Connecting-IP": ip } });
}

function wrongGuess(index: number): string {
  return `us_${btoa(String(index).padStart(32, "x")).replaceAll("=", "").slice(0, 43).padEnd(43, "Q")}`;
}

describe("bearer tokens", () => {
  it("200 wrong tokens from one connection: ten are answered 401, the rest 429, and then the right one waits too", async () => {
    stopClock("2031-01-10T09:00:10.000Z");
    const { slug } = await createLetter();
    const path = `/admin/api/letters/${slug}/sources`;
    const ip = randomIp();
    const warnings = vi.spyOn(console, "warn");
    const statuses = new Map<number, number>();
    for (let index = 0; index < 200; index++) {
      const response = await bearer(path, index % 2 ? wrongGuess(index) : `wrong-${index}-0123456789abcdef`, ip);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      await response.body?.cancel();
    }
    expect(Object.fromEntries(statuses)).toEqual({
      401: BEARER_FAILURES_PER_MINUTE,
      429: 200 - BEARER_FAILURES_PER_MINUTE,
    });

    const right = await bearer(path, ADMIN_TOKEN, ip);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another connection is not held up by this one's guesses.
    expect((await bearer(path, ADMIN_TOKEN, randomIp())).status).toBe(200);
    // Once the minute has slid by, the right token works again from the guessing connection.
    vi.setSystemTime(new Date("2031-01-10T09:02:11.000Z"));
    expect((await bearer(path, ADMIN_TOKEN, ip)).status).toBe(200);

    const logged = warnings.mock.calls
      .map((call) => String(call[0]))
      .filter((line) => line.includes("sign_in_refused"));
    expect(logged.length).toBe(201);
    expect(logged.every((line) => (JSON.parse(line) as { via: string }).via === "bearer")).toBe(true);
    expect(logged.some((line) => line.includes("0123456789abcdef") || /us_[A-Za-z0-9]/.test(line))).toBe(false);
  }, 120_000);

  it("a program with the right token is never slowed, however often it calls", async () => {
    stopClock("2031-01-10T10:00:10.000Z");
    const { slug } = await createLetter();
    const ip = randomIp();
    for (let call = 0; call < 3 * BEARER_FAILURES_PER_MINUTE; call++) {
      const response = await bearer(`/admin/api/letters/${slug}/sources`, ADMIN_TOKEN, ip);
      expect(response.status).toBe(200);
      await response.body?.cancel();
    }
  }, 120_000);

  it("many connections together: past a hundred wrong secrets a minute, wrong ones wait and the right ones pass", async () => {
    stopClock("2031-01-10T11:00:10.000Z");
    const { slug } = await createLetter();
    const path = `/admin/api/letters/${slug}/sources`;
    const token = parseHtml(
      await (await organizerPost(await sessionAs("viewer"), "/admin/account/tokens", { label: "Script" })).text(),
    )
      .querySelector("#new-token input")!
      .getAttribute("value")!;
    let refused = 0;
    for (let index = 0; index < SIGN_IN_FAILURES_PER_MINUTE; index++) {
      // A fresh connection for every guess: only the overall limit can stop them.
      const response = await bearer(path, wrongGuess(index), randomIp());
      if (response.status === 401) refused += 1;
      await response.body?.cancel();
    }
    expect(refused).toBe(SIGN_IN_FAILURES_PER_MINUTE);
    expect((await bearer(path, wrongGuess(999), randomIp())).status).toBe(429);
    const wrongLogin = await fetchWorker("/admin/login", {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": randomIp() },
      body: formBody({ token: "not-the-token-but-long-enough", next: "/admin" }),
      redirect: "manual",
    });
    expect(wrongLogin.status).toBe(429);
    expect(wrongLogin.headers.get("Retry-After")).toMatch(/^[1-9][0-9]*$/);
    // Strangers' failures lock nobody out: a person's live API token (256 random bits) and the
    // admin token (at least 64 bits, checked at start) still work, on the API and the login form.
    expect((await bearer(path, token, randomIp())).status).toBe(200);
    expect((await bearer(path, ADMIN_TOKEN, randomIp())).status).toBe(200);
    const login = await fetchWorker("/admin/login", {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": randomIp() },
      body: formBody({ token: ADMIN_TOKEN, next: "/admin" }),
      redirect: "manual",
    });
    expect(login.status).toBe(303);
    // Sessions already open are not affected: the limits are on secrets, not on people at work.
    expect((await fetchWorker("/admin", { headers: { Cookie: (await sessionAs("viewer")).cookie } })).status).toBe(200);
    vi.setSystemTime(new Date("2031-01-10T11:02:11.000Z"));
    expect((await bearer(path, token, randomIp())).status).toBe(200);
  }, 120_000);

  it("wrong admin tokens on the login form count overall and are logged without the secret", async () => {
    stopClock("2031-01-10T12:00:10.000Z");
    const warnings = vi.spyOn(console, "warn");
    const response = await fetchWorker("/admin/login", {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": randomIp() },
      body: formBody({ token: "not-the-token-but-long-enough", next: "/admin" }),
      redirect: "manual",
    });
    expect(response.status).toBe(401);
    const logged = warnings.mock.calls
      .map((call) => String(call[0]))
      .filter((line) => line.includes("sign_in_refused"));
    expect(logged.map((line) => JSON.parse(line) as unknown)).toEqual([
      { event: "sign_in_refused", via: "admin-token", reason: "wrong-secret" },
    ]);
    expect(logged.join()).not.toContain("not-the-token");
  });
});

describe("clients", () => {
  it("an IPv6 client is its /64: its other addresses share its limit, the next /64 has its own", async () => {
    stopClock("2031-01-10T13:00:10.000Z");
    const { slug } = await createLetter();
    const path = `/admin/api/letters/${slug}/sources`;
    for (let index = 0; index < BEARER_FAILURES_PER_MINUTE; index++) {
      // A new address of the same /64 for every guess, as privacy addresses would give.
      const response = await bearer(path, wrongGuess(index), `2001:db8:aa:bb:${(index + 1).toString(16)}::1`);
      expect(response.status).toBe(401);
    }
    expect((await bearer(path, wrongGuess(99), "2001:db8:aa:bb:ffff:1:2:3")).status).toBe(429);
    expect((await bearer(path, ADMIN_TOKEN, "2001:DB8:AA:BB::77")).status).toBe(429);
    expect((await bearer(path, ADMIN_TOKEN, "2001:db8:aa:bc::1")).status).toBe(200);
    expect((await bearer(path, wrongGuess(100), "2001:db8:aa:bc::2")).status).toBe(401);
  });

  it("the login form counts an IPv6 /64's tries together, and an IPv4 address's alone", async () => {
    stopClock("2031-01-10T14:00:10.000Z");
    const login = (ip: string, token = "not-the-token-but-long-enough") =>
      fetchWorker("/admin/login", {
        method: "POST",
        headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": ip },
        body: formBody({ token, next: "/admin" }),
        redirect: "manual",
      });
    for (let index = 0; index < 10; index++) {
      expect((await login(`2001:db8:cc:dd::${(index + 1).toString(16)}`)).status).toBe(401);
    }
    expect((await login("2001:db8:cc:dd:1234::9", ADMIN_TOKEN)).status).toBe(429);
    expect((await login("2001:db8:cc:de::1", ADMIN_TOKEN)).status).toBe(303);
    const ip = randomIp();
    for (let index = 0; index < 10; index++) expect((await login(ip)).status).toBe(401);
    expect((await login(ip, ADMIN_TOKEN)).status).toBe(429);
    const neighbour = ip.replace(/\.(\d+)$/, (_, last: string) => `.${(Number(last) + 1) % 256}`);
    expect((await login(neighbour, ADMIN_TOKEN)).status).toBe(303);
  });
});

describe("a weak ADMIN_TOKEN", () => {
  it("is treated as unset: the login form and the API refuse even that token, and the Worker logs how to make one", async () => {
    const { fetchApp } = await import("../helpers");
    const weak = "passwordpassword";
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    // A bindings object of its own: the settings (and the log of weak secrets) are read once per bindings.
    const login = await fetchApp(
      "/admin/login",
      { ADMIN_TOKEN: weak },
      {
        method: "POST",
        headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": randomIp() },
        body: formBody({ token: weak, next: "/admin" }),
        redirect: "manual",
      },
    );
    expect(login.status).toBe(401);
    expect(await login.text()).toContain("npx wrangler secret put ADMIN_TOKEN");
    const { slug } = await createLetter();
    const api = await fetchApp(
      `/admin/api/letters/${slug}/sources`,
      { ADMIN_TOKEN: weak },
      { headers: { Authorization: `Bearer ${weak}`, "CF-Connecting-IP": randomIp() } },
    );
    expect(api.status).toBe(401);
    const logged = errors.mock.calls.map((call) => String(call[0])).filter((line) => line.includes("weak_secret"));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0]).toContain("ADMIN_TOKEN is too easy to guess");
    expect(logged[0]).toContain("openssl rand -base64 32");
    expect(logged.join()).not.toContain(weak);
  });
});

describe("one rule for both doors", () => {
  /**
   * A client's wrong secrets are counted together, on the login form and as bearer tokens: past ten a
   * minute, the admin token waits on both (right or wrong); an API token (256 random bits: never
   * guessed) passes on the API whatever its client tried. The right admin token is never counted.
   */
  const login = (ip: string, token: string) =>
    fetchWorker("/admin/login", {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": ip },
      body: formBody({ token, next: "/admin" }),
      redirect: "manual",
    });

  async function apiToken(): Promise<string> {
    const response = await organizerPost(await sessionAs("viewer"), "/admin/account/tokens", { label: "Rule" });
    return parseHtml(await response.text())
      .querySelector("#new-token input")!
      .getAttribute("value")!;
  }

  it("wrong bearer tokens hold back the login form's right admin token too, never an API token", async () => {
    stopClock("2031-01-10T16:00:10.000Z");
    const { slug } = await createLetter();
    const path = `/admin/api/letters/${slug}/sources`;
    const token = await apiToken();
    const ip = randomIp();
    for (let index = 0; index < BEARER_FAILURES_PER_MINUTE; index++) {
      expect((await bearer(path, wrongGuess(index), ip)).status).toBe(401);
    }
    expect((await login(ip, ADMIN_TOKEN)).status).toBe(429);
    expect((await bearer(path, ADMIN_TOKEN, ip)).status).toBe(429);
    expect((await bearer(path, token, ip)).status).toBe(200);
  });

  it("wrong admin tokens on the login form hold back the admin token on the API too, never an API token", async () => {
    stopClock("2031-01-10T17:00:10.000Z");
    const { slug } = await createLetter();
    const path = `/admin/api/letters/${slug}/sources`;
    const token = await apiToken();
    const ip = randomIp();
    for (let index = 0; index < 10; index++)
      expect((await login(ip, `not-the-token-${index}-long-enough`)).status).toBe(401);
    expect((await bearer(path, ADMIN_TOKEN, ip)).status).toBe(429);
    expect((await login(ip, ADMIN_TOKEN)).status).toBe(429);
    expect((await bearer(path, token, ip)).status).toBe(200);
  });

  it("the right admin token is not a failure: signing in often never locks its client out", async () => {
    stopClock("2031-01-10T18:00:10.000Z");
    const ip = randomIp();
    for (let index = 0; index < 12; index++) expect((await login(ip, ADMIN_TOKEN)).status).toBe(303);
  });
});

describe("refused sign-ins in the activity log", () => {
  it("are logged for owners by client network (a /24, never the address or the secret), at most once per client per 15 minutes", async () => {
    stopClock("2031-01-10T19:00:10.000Z");
    const { slug } = await createLetter();
    const path = `/admin/api/letters/${slug}/sources`;
    // TEST-NET-3 (RFC 5737): randomIp() draws from 198.51.0.0/16, so no other test of this file shares the network.
    const ip = `203.0.113.${10 + Math.floor(Math.random() * 200)}`;
    const network = ip.replace(/\.\d+$/, ".0/24");
    const entries = async () =>
      (
        await env.DB.prepare(
          "SELECT organizer_id, detail, detail_json FROM organizer_activity WHERE action = 'sign-in-refused' AND detail_json LIKE ?1",
        )
          .bind(`%${network}%`)
          .all<{ organizer_id: number | null; detail: string; detail_json: string }>()
      ).results;
    expect((await bearer(path, "wrong-guess-number-one-long", ip)).status).toBe(401);
    expect((await bearer(path, "wrong-guess-number-two-long", ip)).status).toBe(401);
    const first = await entries();
    expect(first).toHaveLength(1);
    expect(first[0]!.organizer_id).toBeNull();
    expect(first[0]!.detail).toContain(network);
    expect(JSON.stringify(first)).not.toContain(ip);
    expect(JSON.stringify(first)).not.toContain("wrong-guess");
    vi.setSystemTime(new Date("2031-01-10T19:16:00.000Z"));
    expect((await bearer(path, "wrong-guess-number-three-long", ip)).status).toBe(401);
    expect(await entries()).toHaveLength(2);
  });

  it("wrong secrets from one network at the same moment make one entry between them", async () => {
    stopClock("2031-01-10T20:00:10.000Z");
    const { slug } = await createLetter();
    const path = `/admin/api/letters/${slug}/sources`;
    // Five addresses of one /24 (198.18.0.0/15, benchmarking: no other test of this file draws it).
    const responses = await Promise.all(
      [11, 12, 13, 14, 15].map((host) => bearer(path, `wrong-guess-at-once-${host}-long`, `198.18.200.${host}`)),
    );
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401, 401]);
    const logged = await env.DB.prepare(
      "SELECT count(*) AS n FROM organizer_activity WHERE action = 'sign-in-refused' AND detail_json LIKE ?1",
    )
      .bind("%198.18.200.0/24%")
      .first<{ n: number }>();
    expect(logged?.n).toBe(1);
  });

  it("from many networks: one entry each up to a cap every 15 minutes, then one saying more came, so the log can't be flooded", async () => {
    stopClock("2031-01-10T21:00:10.000Z");
    const { slug } = await createLetter();
    const path = `/admin/api/letters/${slug}/sources`;
    const since = "2031-01-10T21:00:00.000Z";
    const refused = async () =>
      (
        await env.DB.prepare(
          "SELECT detail, detail_json FROM organizer_activity WHERE action = 'sign-in-refused' AND at >= ?1 ORDER BY id",
        )
          .bind(since)
          .all<{ detail: string; detail_json: string }>()
      ).results;
    const networks = REFUSED_SIGN_IN_NETWORKS_LOGGED + 15;
    // Twice as many networks as the cap, several at once (a distributed attempt), each its own /24.
    for (let start = 0; start < networks; start += 5) {
      const batch = Array.from({ length: Math.min(5, networks - start) }, (_, index) => start + index);
      const statuses = await Promise.all(
        batch.map(async (n) => (await bearer(path, `wrong-guess-network-${n}-long`, `198.19.${n}.9`)).status),
      );
      expect(statuses.every((status) => status === 401)).toBe(true);
    }
    const entries = await refused();
    expect(entries).toHaveLength(REFUSED_SIGN_IN_NETWORKS_LOGGED + 1);
    const codes = entries.map((entry) => (JSON.parse(entry.detail_json) as { code: string }).code);
    expect(codes.filter((code) => code === "signInRefused")).toHaveLength(REFUSED_SIGN_IN_NETWORKS_LOGGED);
    expect(codes.at(-1)).toBe("signInRefusedElsewhere");
    expect(entries.at(-1)!.detail).toContain("other networks");

    // The owners read it in their language.
    const owner = await sessionAs("owner");
    await env.DB.prepare("UPDATE organizers SET language = 'es' WHERE id = ?1").bind(owner.organizerId).run();
    const page = await organizerFetch(owner, "/admin/activity?action=sign-in-refused");
    const details = texts(parseHtml(await page.text()), ".activity-detail");
    expect(details.some((text) => text.includes("otras redes"))).toBe(true);

    // 16 minutes on, the window has slid past them: a network is noted again.
    vi.setSystemTime(new Date("2031-01-10T21:16:20.000Z"));
    expect((await bearer(path, "wrong-guess-network-later-long", "198.19.250.9")).status).toBe(401);
    const later = await refused();
    expect(later).toHaveLength(REFUSED_SIGN_IN_NETWORKS_LOGGED + 2);
    expect(later.at(-1)!.detail).toContain("198.19.250.0/24");
  });
});
