/**
 * The activity log's one writer, recordActivity, against the real local D1: who (the actor, or
 * the system), the changed fields only, never a secret-like key.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { recordActivity } from "../../src/app/activity";
import {
  ACTIVITY_ACTIONS,
  ACTIVITY_CHANGE_JSON_LIMIT,
  ACTIVITY_DETAIL_JSON_LIMIT,
  ACTIVITY_LABELS,
  activityChange,
  fittedJson,
} from "../../src/domain/activity";
import { activityDetail } from "../../src/domain/activity-details";
import { BOOTSTRAP_ORGANIZER_ID } from "../../src/domain/organizer-roles";
import { organizerDeps, storedDraft } from "./organizer-deps";

interface Row {
  organizer_id: number | null;
  organizer_name: string | null;
  action: string;
  letter_id: number | null;
  letter_title: string | null;
  before_json: string | null;
  after_json: string | null;
  detail: string | null;
  detail_json: string | null;
  at: string;
}

async function lastEntry(): Promise<Row> {
  return (await env.DB.prepare("SELECT * FROM organizer_activity ORDER BY id DESC LIMIT 1").first<Row>())!;
}

describe("recordActivity", () => {
  it("names the actor of the deps, keeps the letter's title and only the changed fields", async () => {
    const { deps } = organizerDeps({ now: () => new Date("2026-03-01T12:00:00Z") });
    deps.actor = { id: BOOTSTRAP_ORGANIZER_ID, name: "Owner (admin token)", role: "owner" };
    const letter = await storedDraft({ title: "Letter for the log" });
    // Not fields the log writes (a compile error in a literal): a caller's object with more in it.
    const before = { title: "Old", summary: "Same", webhookSecret: "s3cret" };
    const after = { title: "Letter for the log", summary: "Same", webhookSecret: "n3w" };
    await recordActivity(deps, { action: "letter-edited", letterId: letter.id, before, after });
    const row = await lastEntry();
    expect(row).toMatchObject({
      organizer_id: BOOTSTRAP_ORGANIZER_ID,
      organizer_name: "Owner (admin token)",
      action: "letter-edited",
      letter_id: letter.id,
      letter_title: "Letter for the log",
      at: "2026-03-01T12:00:00.000Z",
    });
    expect(JSON.parse(row.before_json!)).toEqual({ title: "Old" });
    expect(JSON.parse(row.after_json!)).toEqual({ title: "Letter for the log" });
  });

  it("is the system's without an actor, and an explicit actor wins over the deps'", async () => {
    const { deps } = organizerDeps();
    await recordActivity(deps, { action: "letter-closed", detail: activityDetail("closingTimeCame") });
    expect(await lastEntry()).toMatchObject({
      organizer_id: null,
      organizer_name: null,
      detail: "Its closing time came.",
      detail_json: '{"code":"closingTimeCame","args":[]}',
    });
    deps.actor = { id: BOOTSTRAP_ORGANIZER_ID, name: "Owner (admin token)", role: "owner" };
    await recordActivity(deps, {
      action: "sign-in",
      actor: { id: BOOTSTRAP_ORGANIZER_ID, name: "Renamed", role: "owner" },
    });
    expect(await lastEntry()).toMatchObject({ organizer_name: "Renamed" });
  });

  it("keeps a detail as its code and arguments, with its English words beside them", async () => {
    const { deps } = organizerDeps();
    await recordActivity(deps, { action: "signature-confirmed", detail: activityDetail("reason", "Asked by phone") });
    expect(await lastEntry()).toMatchObject({
      detail: "Asked by phone",
      detail_json: '{"code":"reason","args":["Asked by phone"]}',
    });
    // Words that say nothing keep nothing.
    await recordActivity(deps, { action: "webhook-changed", detail: activityDetail("webhookSettings", false, false) });
    expect(await lastEntry()).toMatchObject({ detail: null, detail_json: null });
  });
});

describe("an entry too long for its columns as JSON", () => {
  it("is stored with its strings cut, never refused by the CHECKs", async () => {
    const { deps } = organizerDeps();
    // Each control character is six characters of JSON: 1,000 of them are 6,000, past detail_json's 2,000.
    const reason = `a${"\u0001".repeat(998)}a`;
    const before = { title: "\u0002".repeat(200), summary: "\u0003".repeat(200), name: "\u0004".repeat(200) };
    const after = { title: "x", summary: "y", name: "z" };
    await recordActivity(deps, { action: "letter-edited", before, after, detail: activityDetail("reason", reason) });
    const row = await lastEntry();
    expect(row.detail_json!.length).toBeLessThanOrEqual(ACTIVITY_DETAIL_JSON_LIMIT);
    const stored = JSON.parse(row.detail_json!) as { code: string; args: string[] };
    expect(stored.code).toBe("reason");
    expect(stored.args[0]!.startsWith("a\u0001")).toBe(true);
    expect(stored.args[0]!.endsWith("…")).toBe(true);
    expect(row.before_json!.length).toBeLessThanOrEqual(ACTIVITY_CHANGE_JSON_LIMIT);
    expect(Object.keys(JSON.parse(row.before_json!) as object)).toEqual(["title", "summary", "name"]);
  });

  it("fittedJson keeps what fits as it is and cuts the longest strings first", () => {
    expect(fittedJson({ a: "short", n: 3 }, 100)).toBe('{"a":"short","n":3}');
    const json = fittedJson({ code: "x", args: ["\u0001".repeat(50), "kept", 7] }, 80);
    expect(json.length).toBeLessThanOrEqual(80);
    expect(JSON.parse(json)).toMatchObject({ code: "x", args: [expect.stringMatching(/…$/), "kept", 7] });
  });
});

describe("activityChange", () => {
  it("keeps differing fields, drops secrets and cuts long strings", () => {
    expect(activityChange({ status: "pending" }, { status: "hidden" })).toEqual({
      before: { status: "pending" },
      after: { status: "hidden" },
    });
    expect(activityChange({ status: "pending" }, { status: "pending" })).toEqual({ before: null, after: null });
    expect(activityChange(null, { url: "https://example.org", secret: "x", signingLink: "y" })).toEqual({
      before: null,
      after: { url: "https://example.org" },
    });
    const long = activityChange(null, { body: "a".repeat(500) }).after!.body as string;
    expect(long).toHaveLength(200);
    expect(long.endsWith("…")).toBe(true);
  });

  it("has a label for every action", () => {
    for (const action of ACTIVITY_ACTIONS) expect(ACTIVITY_LABELS[action]).toBeTruthy();
  });
});
