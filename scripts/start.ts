/**
 * `npm start`: everything a newcomer needs, with no account and no manual
 * step. Writes what is missing from .dev.vars (a random SECRET_KEY and
 * ADMIN_TOKEN, and MAILER=local so confirmation emails land at /dev/mail),
 * applies the D1 migrations to the local database, loads the letters in
 * content/ (all idempotent), then runs `wrangler dev` on
 * http://127.0.0.1:8787 (PORT picks another port) and prints the addresses
 * and the admin token once the app answers there (the organizer area's at
 * http://localhost:8787, the same server by name, where passkeys work).
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { generateSignerKey } from "../src/domain/signed-note";
import { loadLetters } from "./load-letters";
import { waitForAnswer } from "./wait-for-answer";
import { persistArgs, runWrangler, startWrangler } from "./wrangler";

const DEV_VARS = fileURLToPath(new URL("../.dev.vars", import.meta.url));

/** Local settings live in .dev.vars (ignored by git); what is missing is added once, and existing values are kept. */
async function ensureLocalSettings(): Promise<Record<string, string>> {
  let current = existsSync(DEV_VARS)
    ? await readFile(DEV_VARS, "utf8")
    : "# Local settings for wrangler dev. Never commit this file.\n";
  const wanted: Record<string, () => string | Promise<string>> = {
    SECRET_KEY: () => randomBytes(32).toString("hex"),
    ADMIN_TOKEN: () => randomBytes(18).toString("base64url"),
    MAILER: () => "local",
    // The key that signs the records' checkpoints, named for where the app runs locally.
    RECORD_SIGNING_KEY: () => generateSignerKey("localhost"),
  };
  const added: string[] = [];
  for (const [name, value] of Object.entries(wanted)) {
    if (new RegExp(`^${name}\\s*=`, "m").test(current)) continue;
    current += `${current.endsWith("\n") ? "" : "\n"}${name}="${await value()}"\n`;
    added.push(name);
  }
  if (added.length > 0) {
    await writeFile(DEV_VARS, current);
    console.log(`Added ${added.join(", ")} to .dev.vars.`);
  }
  return Object.fromEntries(
    [...current.matchAll(/^([A-Z_]+)\s*=\s*"?([^"\n]*)"?$/gm)].map((match) => [match[1]!, match[2]!]),
  );
}

/**
 * One line for what `wrangler d1 migrations apply` did (its own output is two
 * tables, about 230 lines on a first start), e.g. "Local database: applied 12
 * migrations (0001_create_letters.sql to 0012_add_email_allowance.sql)."
 */
function migrationSummary(output: string): string {
  const applied = /About to apply (\d+) migration/.exec(output);
  if (applied) {
    const names = [...new Set(output.match(/\b\d{4}_[\w-]+\.sql\b/g))];
    const count = Number(applied[1]);
    const range = names.length > 1 ? ` (${names[0]} to ${names.at(-1)})` : names.length ? ` (${names[0]})` : "";
    return `Local database: applied ${count} migration${count === 1 ? "" : "s"}${range}.`;
  }
  if (/No migrations to apply/.test(output)) return "Local database: up to date, no migration to apply.";
  return "Local database: migrations applied.";
}

async function main(): Promise<void> {
  const port = process.env.PORT ?? "8787";
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535) throw new Error(`PORT must be a port number, not "${port}".`);
  const settings = await ensureLocalSettings();
  // Quiet: wrangler's tables are shown only if applying fails.
  const migrations = await runWrangler(["d1", "migrations", "apply", "DB", "--local", ...persistArgs()], {
    quiet: true,
  });
  console.log(migrationSummary(migrations));
  await loadLetters();
  const origin = `http://127.0.0.1:${port}`;
  console.log(`Starting the app on ${origin}/: its addresses follow once it answers.`);
  const dev = startWrangler(["dev", "--ip", "127.0.0.1", "--port", port, ...persistArgs()]);
  const exited = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
  dev.on("exit", (code, signal) => {
    exited.abort(new Error("wrangler dev exited"));
    process.exit(code ?? (signal ? 1 : 0));
  });
  // The addresses only once the app answers: wrangler takes seconds to start and to build the Worker.
  await waitForAnswer(`${origin}/`, { signal: exited.signal });
  // The same server by name: a passkey's relying party must be a domain name, and browsers refuse an IP
  // address (WebAuthn's RP ID; Chromium throws a SecurityError at 127.0.0.1), but take "localhost".
  const organizers = `http://localhost:${port}`;
  console.log(`
Undersigned is running on ${origin}/
  The demo letter:      ${origin}/letters/honduras-new-elections-2017
  Emails sent locally:  ${origin}/dev/mail${settings.MAILER === "local" ? "" : " (set MAILER=local in .dev.vars to use it)"}
  Organizers:           ${organizers}/admin  (log in with the admin token ${settings.ADMIN_TOKEN ?? "(ADMIN_TOKEN in .dev.vars)"})
                        at localhost rather than 127.0.0.1, so that passkeys work too: both reach this server
  Scheduled jobs:       npm run job -- maintenance | webhooks | checkpoints | daily-summary  (they never run by themselves locally)
`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
