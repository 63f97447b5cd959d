/**
 * Global setup of the browser tests: runs `npm start` exactly as a newcomer
 * would (migrations, letter loading, wrangler dev), on a free port and with
 * its local state in a fresh temporary folder, and stops it afterwards.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

async function waitFor(url: string, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`npm start did not serve ${url} within ${timeoutMs / 1000} s. Its output:\n${output()}`);
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
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${baseUrl}/letters/honduras-new-elections-2017`, () => output, 120_000);
  } catch (error) {
    process.kill(-server.pid!, "SIGTERM");
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  return async () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await rm(state, { recursive: true, force: true });
  };
}
