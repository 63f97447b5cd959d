/**
 * Global setup of the browser tests: runs `npm start` exactly as a newcomer
 * would (migrations, letter loading, wrangler dev), on a free port and with
 * its local state in a fresh temporary folder, and stops it afterwards. Its
 * output (the Worker's logs included) is kept in a file the tests can read.
 */
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The file npm start's output (stdout and stderr, as it comes) is appended to. */
    startLog: string;
  }
}

/**
 * Waits, as a newcomer does, for npm start to print its addresses, then opens
 * the demo letter once: the addresses mean the app answers, so that first
 * request must succeed, with no retry.
 */
async function waitForBanner(baseUrl: string, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!output().includes(`Undersigned is running on ${baseUrl}/`)) {
    if (Date.now() > deadline)
      throw new Error(`npm start printed no addresses within ${timeoutMs / 1000} s. Its output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const url = `${baseUrl}/letters/honduras-new-elections-2017`;
  const response = await fetch(url).catch((error: Error) => error);
  if (response instanceof Error || !response.ok) {
    const failure = response instanceof Error ? response.message : `${response.status}`;
    throw new Error(`npm start printed its addresses, but ${url} then failed (${failure}). Its output:\n${output()}`);
  }
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  const state = await mkdtemp(join(tmpdir(), "undersigned-browser-"));
  let output = "";
  const server = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(port), PERSIST_TO: state },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const startLog = join(state, "npm-start.log");
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    appendFileSync(startLog, chunk);
  };
  server.stdout.on("data", keep);
  server.stderr.on("data", keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForBanner(baseUrl, () => output, 180_000);
  } catch (error) {
    process.kill(-server.pid!, "SIGTERM");
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("startLog", startLog);
  return async () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await rm(state, { recursive: true, force: true });
  };
}
