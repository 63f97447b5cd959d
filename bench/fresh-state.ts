/**
 * The bench's fresh local database in few wrangler runs. Each `wrangler d1 …
 * --local` run pays about 2.5 s of starting wrangler and its local runtime
 * before any SQL (measured on a 2-core Xeon), and `wrangler d1 migrations
 * apply` pays it for nearly every migration (37 migrations: 23 s). So the
 * bench writes the migrations, as wrangler would apply them, followed by
 * whatever else it loads first (letters, small seeds), into one SQL file and
 * runs it with one `wrangler d1 execute --local --file`.
 *
 * Only for a database that has never been migrated (the bench's temporary
 * state): `npm start` and deployments keep `wrangler d1 migrations apply`.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runWrangler } from "../scripts/wrangler";

const MIGRATIONS = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * wrangler's table of applied migrations, as its `d1 migrations apply` creates it (wrangler 4's
 * getCreateMigrationsTableQuery; the table name is the default, wrangler.jsonc sets no
 * `migrations_table`), so that `wrangler d1 migrations apply` later finds them all applied.
 */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "d1_migrations"(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`;

/**
 * Every migration of migrations/ in order, each followed by the row wrangler adds for it to
 * `d1_migrations` (wrangler 4's buildMigrationQuery does the same: the file, then the insert).
 */
export async function migrationsSql(): Promise<string> {
  const files = (await readdir(MIGRATIONS)).filter((name) => /^\d{4}_.*\.sql$/.test(name)).sort();
  const parts = [MIGRATIONS_TABLE];
  for (const name of files) {
    parts.push(
      `${await readFile(join(MIGRATIONS, name), "utf8")}\nINSERT INTO "d1_migrations" (name) values ('${name}');`,
    );
  }
  return parts.join("\n");
}

/**
 * Runs `sql` (statements separated by `;` and new lines, as `wrangler d1 execute --file` reads them)
 * on the local database under `state`, in one wrangler run.
 *
 * @param state the folder given to wrangler as --persist-to
 * @throws Error when wrangler fails (its output is printed)
 */
export async function executeLocal(state: string, sql: string): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), "undersigned-bench-sql-"));
  const file = join(folder, "setup.sql");
  try {
    await writeFile(file, sql, "utf8");
    await runWrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--file", file], { quiet: true });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
