/**
 * `npm start`: everything a newcomer needs, with no account and no manual
 * step. Writes what is missing from .dev.vars (a random SECRET_KEY and
 * ADMIN_TOKEN, and MAILER=local so confirmation emails land at /dev/mail),
 * applies the D1 migrations to the local database, loads the letters in
 * content/ (all idempotent), then runs `wrangler dev` on
 * http://127.0.0.1:8787 (PORT picks another port).
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadLetters } from "./load-letters";
import { persistArgs, runWrangler, startWrangler } from "./wrangler";

const DEV_VARS = fileURLToPath(new URL("../.dev.vars", import.meta.url));

/** Local settings live in .dev.vars (ignored by git); what is missing is added once, and existing values are kept. */
async function ensureLocalSettings(): Promise<Record<string, string>> {
  let current = existsSync(DEV_VARS)
    ? await readFile(DEV_VARS, "utf8")
    : "# Local settings for wrangler dev. Never commit this file.\n";
  const wanted: Record<string, () => string> = {
    SECRET_KEY: () => randomBytes(32).toString("hex"),
    ADMIN_TOKEN: () => randomBytes(18).toString("base64url"),
    MAILER: () => "local",
  };
  const added: string[] = [];
  for (const [name, value] of Object.entries(wanted)) {
    if (new RegExp(`^${name}\\s*=`, "m").test(current)) continue;
    current += `${current.endsWith("\n") ? "" : "\n"}${name}="${value()}"\n`;
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

async function main(): Promise<void> {
  const port = process.env.PORT ?? "8787";
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535) throw new Error(`PORT must be a port number, not "${port}".`);
  const settings = await ensureLocalSettings();
  await runWrangler(["d1", "migrations", "apply", "DB", "--local", ...persistArgs()]);
  await loadLetters();
  const origin = `http://127.0.0.1:${port}`;
  console.log(`
Starting Undersigned on ${origin}/
  The demo letter:      ${origin}/letters/honduras-new-elections-2017
  Emails sent locally:  ${origin}/dev/mail${settings.MAILER === "local" ? "" : " (set MAILER=local in .dev.vars to use it)"}
  Organizers:           ${origin}/admin  (log in with the admin token ${settings.ADMIN_TOKEN ?? "(ADMIN_TOKEN in .dev.vars)"})
`);
  const dev = startWrangler(["dev", "--ip", "127.0.0.1", "--port", port, ...persistArgs()]);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
  dev.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
