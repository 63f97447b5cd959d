/**
 * bench/fresh-state.ts migrationsSql: the bench's fresh database gets every
 * migration in one `wrangler d1 execute --file`, each followed by the row
 * `wrangler d1 migrations apply` records for it, so the schema is the one the
 * migrations make one by one and wrangler later finds nothing to apply. Run
 * here in Node's own SQLite (node:sqlite), which D1's local mode also is.
 */
import { readdirSync, readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { migrationsSql } from "../../bench/fresh-state";

const MIGRATIONS = fileURLToPath(new URL("../../migrations", import.meta.url));

/** Every table, index, trigger and view, as SQLite keeps their definitions. */
function schema(db: DatabaseSync): string[] {
  return db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all()
    .map((row) => `${String(row.type)} ${String(row.name)}: ${String(row.sql)}`);
}

describe("migrationsSql", () => {
  it("makes the schema the migrations make one by one, and records each as wrangler does, in order", async () => {
    const files = readdirSync(MIGRATIONS)
      .filter((name) => name.endsWith(".sql"))
      .sort();
    const oneByOne = new DatabaseSync(":memory:");
    for (const file of files) oneByOne.exec(readFileSync(`${MIGRATIONS}/${file}`, "utf8"));

    const together = new DatabaseSync(":memory:");
    together.exec(await migrationsSql());

    const recorded = together.prepare('SELECT id, name FROM "d1_migrations" ORDER BY id').all();
    expect(recorded.map((row) => row.name)).toEqual(files);
    expect(recorded.map((row) => row.id)).toEqual(files.map((_, index) => index + 1));
    expect(schema(together).filter((line) => !line.includes("d1_migrations"))).toEqual(schema(oneByOne));
  });
});
