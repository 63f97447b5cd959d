/**
 * How long `npm run verify` takes on a letter of 10,000 signatures, end to
 * end: the letter is seeded with a record entry per signature (see
 * src/storage/seed.ts), sealed by reading its JSON once, then verified by
 * the real script in a child process, as anyone would run it: every record
 * page, every signatory page, the hashes, the list, the checkpoints.
 *
 * Part of `npm run bench` (bench/run.ts seeds VERIFY_LETTER with the others
 * and calls timeVerify), and runs on its own with `npx tsx bench/verify.ts`,
 * which starts `wrangler dev` on a fresh local database for it.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../scripts/free-port";
import { seedLetter } from "../scripts/seed-letter";
import { runWrangler, startWrangler } from "../scripts/wrangler";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The letter verified: 10,000 signatures, 100 of them organizations, each with its record entry. */
export const VERIFY_LETTER = { slug: "bench-verify-10k", organizations: 100, individuals: 9_900 };

/** Seeds VERIFY_LETTER with its record, in the local database wrangler reads (PERSIST_TO). */
export function seedVerifyLetter(): Promise<void> {
  const { slug, organizations, individuals } = VERIFY_LETTER;
  return seedLetter(slug, organizations, individuals, { record: true });
}

export interface VerifyTiming {
  signatures: number;
  entries: number;
  /** Seconds the first read of the letter's JSON took: it seals (hashes) every entry. */
  seal_seconds: number;
  /** Seconds `npm run verify -- {letter}` took, from spawning it to its exit. */
  verify_seconds: number;
  exit_code: number;
}

/** Seals VERIFY_LETTER on the app at `base`, then times `npm run verify` on it. @throws Error when it does not verify */
export async function timeVerify(base: string): Promise<VerifyTiming> {
  const address = `${base}/letters/${VERIFY_LETTER.slug}`;
  let started = Date.now();
  const sealing = await fetch(`${address}.json`);
  if (!sealing.ok) throw new Error(`${address}.json answered ${sealing.status}`);
  const letter = (await sealing.json()) as { counts: { total: number }; record: { length: number; complete: boolean } };
  const seal_seconds = (Date.now() - started) / 1000;
  if (!letter.record.complete) throw new Error(`${address}: the record was not sealed by the first read`);
  started = Date.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile("npm", ["run", "--silent", "verify", "--", address], { cwd: ROOT }, (error, out, err) =>
      done({ code: error ? Number(error.code) : 0, stdout: out, stderr: err }),
    );
  });
  const verify_seconds = (Date.now() - started) / 1000;
  if (code !== 0) throw new Error(`npm run verify exited ${code}:\n${stderr}${stdout}`);
  const entries = Number(/has (\d+) entries/.exec(stdout)?.[1] ?? NaN);
  return {
    signatures: letter.counts.total,
    entries,
    seal_seconds: Number(seal_seconds.toFixed(1)),
    verify_seconds: Number(verify_seconds.toFixed(1)),
    exit_code: code,
  };
}

async function main(): Promise<void> {
  const state = await mkdtemp(join(tmpdir(), "undersigned-bench-verify-"));
  process.env.PERSIST_TO = state;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let app: ReturnType<typeof startWrangler> | null = null;
  try {
    await runWrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], { quiet: true });
    let started = Date.now();
    await seedVerifyLetter();
    console.log(`Seeded ${VERIFY_LETTER.slug} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    app = startWrangler(
      [
        "dev",
        ...["--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, "--log-level", "warn"],
        ...["--var", "SECRET_KEY:bench-secret-key-0123456789-abcdefghijklmnop", "--var", "MAILER:"],
      ],
      { hide: /^\s*$/ },
    );
    started = Date.now();
    for (;;) {
      if (
        await fetch(`${base}/`).then(
          (response) => response.ok,
          () => false,
        )
      )
        break;
      if (Date.now() - started > 120_000) throw new Error("wrangler dev did not start");
      await new Promise((wait) => setTimeout(wait, 500));
    }
    const timing = await timeVerify(base);
    console.log(
      `npm run verify on ${timing.signatures} signatures (${timing.entries} record entries): ${timing.verify_seconds} s end to end (sealing them first took ${timing.seal_seconds} s).`,
    );
  } finally {
    app?.kill("SIGTERM");
    await rm(state, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
