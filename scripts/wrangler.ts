/**
 * Runs the project's own wrangler (node_modules), quietly and without prompts,
 * for the scripts that prepare and start the app.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * The path of wrangler's command-line entry point, from the `bin` field of its
 * package.json: the package's `exports` map hides its files (`wrangler/bin/wrangler.js`
 * no longer resolves), but always exports `./package.json`.
 *
 * @throws Error when wrangler is not installed or its manifest names no `wrangler` binary.
 */
export function wranglerBin(): string {
  const manifestPath = require.resolve("wrangler/package.json");
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.wrangler;
  if (!bin) throw new Error(`${manifestPath} names no "wrangler" binary.`);
  return join(dirname(manifestPath), bin);
}

const WRANGLER = wranglerBin();

/** The environment wrangler runs with: no telemetry, no interactive questions. */
export function wranglerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: "false", CI: process.env.CI ?? "true" };
}

/**
 * Starts wrangler with `args`, its output going to ours, except the lines
 * matching `hide` (the bench hides workerd's complaints about the
 * connections a load generator drops when a timed run ends, and the Worker's
 * routine logs, which it counts through `onLine` instead).
 */
export function startWrangler(
  args: string[],
  { hide, onLine }: { hide?: RegExp; onLine?: (line: string) => void } = {},
): ChildProcess {
  if (!hide && !onLine) return spawn(process.execPath, [WRANGLER, ...args], { stdio: "inherit", env: wranglerEnv() });
  const child = spawn(process.execPath, [WRANGLER, ...args], { stdio: ["ignore", "pipe", "pipe"], env: wranglerEnv() });
  const pass = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
    const all = chunk.toString().split("\n");
    if (onLine) all.forEach(onLine);
    const lines = hide ? all.filter((line) => !hide.test(line)) : all;
    if (lines.some((line) => line.trim())) target.write(lines.join("\n"));
  };
  child.stdout?.on("data", pass(process.stdout));
  child.stderr?.on("data", pass(process.stderr));
  return child;
}

/**
 * Runs wrangler to completion; rejects with a readable error when it fails.
 * Quiet runs keep wrangler's output to themselves unless it fails, and
 * resolve to it (stdout and stderr, interleaved); other runs resolve to "".
 */
export function runWrangler(args: string[], { quiet = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRANGLER, ...args], {
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      env: wranglerEnv(),
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) return resolve(output);
      if (quiet) process.stderr.write(output);
      reject(new Error(`wrangler ${args.slice(0, 3).join(" ")} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** The --persist-to option for local state, from PERSIST_TO when it is set (tests use their own folder). */
export function persistArgs(): string[] {
  return process.env.PERSIST_TO ? ["--persist-to", process.env.PERSIST_TO] : [];
}
