/**
 * Colleagues' names kept apart by the database (migrations/0029): each name's key
 * (domain/organizer-accounts.ts nameKey) stored, unique among active accounts. The migration keys
 * names of printable ASCII as nameKey does; the app keys the others when it next compares names;
 * an account disabled while a namesake was invited is not enabled again over them.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import migration from "../../migrations/0029_add_organizer_name_keys.sql?raw";
import { nameKey } from "../../src/domain/organizer-accounts";
import { organizerPost, sessionAs, sqlStatements } from "../helpers";

async function keyOf(id: number): Promise<string | null> {
  return (await env.DB.prepare("SELECT name_key FROM organizers WHERE id = ?1")
    .bind(id)
    .first<string | null>("name_key"))!;
}

async function insert(name: string, disabled = false): Promise<number> {
  return (await env.DB.prepare(
    "INSERT INTO organizers (email, name, role, disabled_at) VALUES (?1, ?2, 'viewer', ?3) RETURNING id",
  )
    .bind(`${crypto.randomUUID()}@example.org`, name, disabled ? "2026-01-01T00:00:00.000Z" : null)
    .first<number>("id"))!;
}

describe("migration 0029", () => {
  it("keys names of printable ASCII as nameKey does, the earlier of two active namesakes only", async () => {
    await env.DB.exec("DROP INDEX organizers_active_name_key");
    await env.DB.exec("DROP INDEX organizers_awaiting_name_key");
    const ana = await insert("Ana Owner");
    const twin = await insert("ANA OWNER");
    const disabledTwin = await insert("Ana  Owner", true);
    const zoe = await insert("Zoë Ü");
    const fromKeys = migration.slice(migration.indexOf("-- A name of printable ASCII only"));
    await env.DB.batch(sqlStatements(fromKeys).map((sql) => env.DB.prepare(sql)));
    expect(await keyOf(ana)).toBe(nameKey("Ana Owner"));
    expect(await keyOf(twin)).toBeNull();
    expect(await keyOf(disabledTwin)).toBe(nameKey("Ana  Owner"));
    expect(await keyOf(zoe)).toBeNull();
    expect(await keyOf(1)).toBe(nameKey("Owner (admin token)"));
  });
});

describe("the stored key", () => {
  it("is given to an unkeyed name when names are next compared, and then refuses its look-alike", async () => {
    const zoe = await insert("Zoë Ünal");
    const person = await sessionAs("editor");
    await env.DB.prepare("UPDATE organizers SET name_key = NULL WHERE id = ?1").bind(zoe).run();
    expect((await organizerPost(person, "/admin/account/name", { name: "Someone Else" })).status).toBe(303);
    expect(await keyOf(zoe)).toBe(nameKey("Zoë Ünal"));
    // "Ζоë Ünal" with a Greek Ζ and a Cyrillic о.
    expect((await organizerPost(person, "/admin/account/name", { name: "\u0396\u043eë Ünal" })).status).toBe(422);
  });

  it("keeps an account disabled while an active colleague goes by its name", async () => {
    const owner = await sessionAs("owner", { name: "Keys Owner" });
    const gone = await insert("Returning Rita", true);
    await sessionAs("viewer", { name: "Returning Rita" });
    const answer = await organizerPost(owner, `/admin/people/${gone}/enable`, {});
    expect(answer.status).toBe(409);
    expect(
      await env.DB.prepare("SELECT disabled_at FROM organizers WHERE id = ?1").bind(gone).first("disabled_at"),
    ).not.toBeNull();
  });

  it("can't be held by two active accounts", async () => {
    const first = await insert("Unique Una");
    await env.DB.prepare("UPDATE organizers SET name_key = 'uniqueuna' WHERE id = ?1").bind(first).run();
    const second = await insert("Other Name");
    await expect(
      env.DB.prepare("UPDATE organizers SET name_key = 'uniqueuna' WHERE id = ?1").bind(second).run(),
    ).rejects.toThrow(/UNIQUE/);
  });
});
