/**
 * `npm start`: everything a newcomer needs, with no account and no manual
 * step. Creates .dev.vars with a random SECRET_KEY the first time, applies
 * the D1 migrations to the local database, loads the letters in content/
 * (both idempotent), then runs `wrangler dev` on http://127.0.0.1:8787
 * (PORT picks another port).
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadLetters } from "./load-letters";
import { persistArgs, runWrangler, startWrangler } from "./wrangler";

const DEV_VARS = fileURLToPath(new URL("../.dev.vars", import.meta.url));

/** Local secrets live in .dev.vars (ignored by git); a missing SECRET_KEY is generated once. */
async function ensureLocalSecret(): Promise<void> {
  const current = existsSync(DEV_VARS) ? await readFile(DEV_VARS, "utf8") : "";
  if (/^SECRET_KEY\s*=/m.test(current)) return;
  const line = `SECRET_KEY="${randomBytes(32).toString("hex")}"\n`;
  if (current) await appendFile(DEV_VARS, (current.endsWith("\n") ? "" : "\n") + line);
  else await writeFile(DEV_VARS, `# Local secrets for wrangler dev. Never commit this file.\n${line}`);
  console.log("Created a local SECRET_KEY in .dev.vars.");
}

async function main(): Promise<void> {
  const port = process.env.PORT ?? "8787";
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535) throw new Error(`PORT must be a port number, not "${port}".`);
  await ensureLocalSecret();
  await runWrangler(["d1", "migrations", "apply", "DB", "--local", ...persistArgs()]);
  await loadLetters();
  console.log(`\nStarting Undersigned on http://127.0.0.1:${port}/ (the demo letter: http://127.0.0.1:${port}/letters/honduras-new-elections-2017)\n`);
  const dev = startWrangler(["dev", "--ip", "127.0.0.1", "--port", port, ...persistArgs()]);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
  dev.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
