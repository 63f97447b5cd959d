/**
 * Changes to an account sent at once (two tabs, a double click after changing the choice) are
 * logged as they followed one another (issue 15, third attack): each entry's "before" is read in
 * the batch that makes the change (storage/activity.ts insertActivityBeforeStatement), so the
 * second entry's before is the first one's after, and the last one's after is what is stored. The
 * time zone's case is in test/routes/attack15c-organizer.test.ts.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { organizerPost, sessionAs, type OrganizerSession } from "../helpers";

/** The entries of `action` by organizers `ids`, oldest first, as [before, after] of `field`. */
async function changesOf(ids: number[], action: string, field: string): Promise<[unknown, unknown][]> {
  const { results } = await env.DB.prepare(
    `SELECT before_json, after_json FROM organizer_activity
     WHERE action = ?1 AND organizer_id IN (SELECT value FROM json_each(?2)) ORDER BY id`,
  )
    .bind(action, JSON.stringify(ids))
    .all<{ before_json: string; after_json: string }>();
  const value = (json: string) => (JSON.parse(json) as Record<string, unknown>)[field];
  return results.map((entry) => [value(entry.before_json), value(entry.after_json)]);
}

/** Sends each of `fields` to `path` at once, as `session`; every answer is a redirect. */
async function atOnce(session: OrganizerSession, path: string, fields: Record<string, string>[]): Promise<void> {
  const answers = await Promise.all(fields.map((form) => organizerPost(session, path, form)));
  expect(answers.map((answer) => answer.status)).toEqual(fields.map(() => 303));
}

/** The stored value of `column` of organizer `id`. */
async function stored(id: number, column: "language" | "name" | "role"): Promise<unknown> {
  const row = await env.DB.prepare(`SELECT ${column} AS value FROM organizers WHERE id = ?1`).bind(id).first();
  return row!.value;
}

describe("two changes of an account at once", () => {
  it("of one's language: logged in turn, from the language the area was in", async () => {
    const person = await sessionAs("viewer", { name: "Two Languages" });
    await atOnce(person, "/admin/language", [
      { language: "es", back: "/admin" },
      { language: "fr", back: "/admin" },
    ]);
    const changes = await changesOf([person.organizerId], "language-changed", "language");
    expect(changes).toHaveLength(2);
    expect(changes[0]![0]).toBe("en");
    expect(changes[1]![0]).toBe(changes[0]![1]);
    expect(changes[1]![1]).toBe(await stored(person.organizerId, "language"));
  });

  it("of one's name: logged in turn", async () => {
    const person = await sessionAs("viewer", { name: `First Name ${crypto.randomUUID().slice(0, 6)}` });
    const names = [`Second ${crypto.randomUUID().slice(0, 6)}`, `Third ${crypto.randomUUID().slice(0, 6)}`];
    await atOnce(
      person,
      "/admin/account/name",
      names.map((name) => ({ name })),
    );
    const changes = await changesOf([person.organizerId], "account-renamed", "name");
    expect(changes).toHaveLength(2);
    expect(changes[1]![0]).toBe(changes[0]![1]);
    expect(changes[1]![1]).toBe(await stored(person.organizerId, "name"));
  });

  it("of a colleague's role, by two owners: logged in turn", async () => {
    const [first, second] = [await sessionAs("owner"), await sessionAs("owner")];
    const colleague = await sessionAs("editor", { name: `Changing Roles ${crypto.randomUUID().slice(0, 6)}` });
    const path = `/admin/people/${colleague.organizerId}/role`;
    const answers = await Promise.all([
      organizerPost(first, path, { role: "viewer" }),
      organizerPost(second, path, { role: "moderator" }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([303, 303]);
    const changes = await changesOf([first.organizerId, second.organizerId], "role-changed", "role");
    expect(changes).toHaveLength(2);
    expect(changes[0]![0]).toBe("editor");
    expect(changes[1]![0]).toBe(changes[0]![1]);
    expect(changes[1]![1]).toBe(await stored(colleague.organizerId, "role"));
  });
});
