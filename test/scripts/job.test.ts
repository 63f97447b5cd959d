/**
 * `npm run job -- <name>` as anyone would run it, against the app started by
 * `npm start` (see test/browser/start-server.ts): each scheduled job runs and
 * logs its report in npm start's output.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { JOBS } from "../../scripts/job";

const run = promisify(execFile);
const baseUrl = inject("baseUrl");
const startLog = inject("startLog");
const port = new URL(baseUrl).port;

async function job(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "job", "--", ...args], {
      env: { ...process.env, PORT: port },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The reports a job logged so far: npm start's output lines that are its JSON event. */
async function reports(event: string): Promise<Record<string, unknown>[]> {
  const lines = (await readFile(startLog, "utf8")).split("\n").filter((line) => line.startsWith(`{"event":"${event}"`));
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Waits for one more report than `before` (wrangler may flush the Worker's log a moment after answering). */
async function nextReport(event: string, before: number): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const all = await reports(event);
    if (all.length > before) return all.at(-1)!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no new "${event}" report in npm start's output`);
}

describe("npm run job", () => {
  it("knows every cron trigger of wrangler.jsonc, and no other", async () => {
    const config = await readFile(new URL("../../wrangler.jsonc", import.meta.url), "utf8");
    const crons = JSON.parse(/"crons":\s*(\[[^\]]*\])/.exec(config)![1]!) as string[];
    // Webhooks and checkpoints share the minute's trigger.
    expect([...new Set(Object.values(JOBS))].sort()).toEqual([...crons].sort());
  });

  it.each([
    ["maintenance", "maintenance", ["sealedLetters", "expired", "closedLetters"]],
    ["webhooks", "webhooks", ["delivered", "retrying", "failed"]],
    ["checkpoints", "checkpoints", ["letters", "signed"]],
    ["daily-summary", "daily_summary", ["sent", "failed"]],
  ])("runs the %s job, which logs its report", async (name, event, fields) => {
    const before = (await reports(event)).length;
    const result = await job(name);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Ran the ${name} job (cron "${JOBS[name as keyof typeof JOBS]}")`);
    const report = await nextReport(event, before);
    for (const field of fields) expect(report[field]).toEqual(expect.any(Number));
  });

  it("refuses a name that is not a job's, and says which there are", async () => {
    const result = await job("backup");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '"backup" is not a job. Usage: npm run job -- maintenance | webhooks | checkpoints | daily-summary',
    );
  });

  it("says to start the app first when nothing answers on PORT", async () => {
    const { freePort } = await import("../../scripts/free-port");
    try {
      await run("npm", ["run", "--silent", "job", "--", "webhooks"], {
        env: { ...process.env, PORT: String(await freePort()) },
      });
      expect.unreachable();
    } catch (error) {
      const failed = error as { code: number; stderr: string };
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain("start the app with npm start first");
    }
  });
});
