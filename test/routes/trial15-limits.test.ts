/**
 * Issue 15's fresh-eyed trial: "Sign-in link limit: one extra 401 got through at the minute
 * boundary" and "the fourth sign-in link request was silently not sent". The sign-in limits admit
 * at most their number within any period however the attempts fall around a minute's boundary (a
 * sliding window counted in sixths of the period, each sixth that overlaps it counted whole), and a
 * sign-in link request the limits refuse is answered so (429, Retry-After), the same whether or not
 * the address has an account.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { BEARER_FAILURES_PER_MINUTE } from "../../src/app/organizer-login";
import { SIGN_IN_LINKS_PER_ADDRESS_AND_CLIENT } from "../../src/domain/organizer-accounts";
import { adminMessagesFor } from "../../src/domain/i18n";
import {
  createLetter,
  fetchWorker,
  mailTo,
  parseHtml,
  postOrganizerForm,
  randomIp,
  stopClock,
  texts,
} from "../helpers";
import { sessionAs } from "../organizers";

const MAIL = { MAILER: "local" } as const;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function bearer(path: string, token: string, ip: string): Promise<Response> {
  return fetchWorker(path, { headers: { Authorization: `Bearer ${token}`, "CF-Connecting-IP": ip } });
}

describe("wrong secrets around a minute's boundary", () => {
  it("ten wrong tokens in the last seconds of a minute: the next one within 60 seconds waits, whatever the minute", async () => {
    const { slug } = await createLetter();
    const path = `/admin/api/letters/${slug}/sources`;
    const ip = randomIp();
    stopClock("2031-05-02T09:00:50.000Z");
    for (let second = 0; second < BEARER_FAILURES_PER_MINUTE; second++) {
      vi.setSystemTime(new Date(Date.parse("2031-05-02T09:00:50.000Z") + second * 1000));
      expect((await bearer(path, `wrong-token-number-${second}-long`, ip)).status).toBe(401);
    }
    // 09:01:07: the ten wrong ones of 09:00:50–59 are all within the last 60 seconds.
    vi.setSystemTime(new Date("2031-05-02T09:01:07.000Z"));
    const eleventh = await bearer(path, "wrong-token-eleventh-long", ip);
    expect(eleventh.status).toBe(429);
    const wait = Number(eleventh.headers.get("Retry-After"));
    expect(wait).toBeGreaterThanOrEqual(52);
    // Waiting that long is enough.
    vi.setSystemTime(new Date(Date.parse("2031-05-02T09:01:07.000Z") + wait * 1000));
    expect((await bearer(path, "wrong-token-after-waiting-long", ip)).status).toBe(401);
  });
});

describe("a sign-in link request the limits refuse", () => {
  it("says so (429, with how long to wait), for an address with an account and one without alike", async () => {
    stopClock("2031-05-02T10:00:00.000Z");
    const person = await sessionAs("Limited Linda", "viewer");
    const { email } = (await (
      await import("cloudflare:workers")
    ).env.DB.prepare("SELECT email FROM organizers WHERE id = ?1")
      .bind(person.id)
      .first<{ email: string }>())!;
    const answers = async (address: string) => {
      const ip = randomIp();
      const seen: { status: number; retry: string | null; notice: string }[] = [];
      for (let request = 0; request <= SIGN_IN_LINKS_PER_ADDRESS_AND_CLIENT; request++) {
        const response = await postOrganizerForm(
          "/admin/login/link",
          { email: address, next: "/admin" },
          { env: MAIL, ip },
        );
        const document = parseHtml(await response.text());
        seen.push({
          status: response.status,
          retry: response.headers.get("Retry-After"),
          notice: texts(document, "main p")[0] ?? "",
        });
      }
      return seen;
    };
    const known = await answers(email);
    const unknown = await answers(`nobody-${crypto.randomUUID().slice(0, 8)}@example.org`);
    const t = adminMessagesFor("en");
    expect(known.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(known.at(-1)!.retry).toMatch(/^[1-9]\d*$/);
    expect(known.at(-1)!.notice).toBe(t.signInLinks.tooMany(Number(known.at(-1)!.retry)));
    // Nothing tells the two addresses apart: the same answers, the same words.
    expect(unknown).toEqual(known);
    // Only the three allowed links were sent.
    expect((await mailTo(email)).filter((mail) => mail.subject.includes("sign-in link"))).toHaveLength(3);
  });
});
