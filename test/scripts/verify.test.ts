/** `npm run verify` as anyone would run it, against the app started by `npm start` (see test/browser/start-server.ts). */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";

const run = promisify(execFile);
const baseUrl = inject("baseUrl");

async function verify(address: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "verify", "--", address]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run verify", () => {
  it("verifies the demo letter's record against its counts", async () => {
    const result = await verify(`${baseUrl}/letters/honduras-new-elections-2017`);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Verified: the record of "honduras-new-elections-2017" has \d+ entries, every hash checks out, and it adds up to \d+ signatures \(\d+ organizations, \d+ individuals\)\.\nRoot: [0-9a-f]{64}\n$/,
    );
  });

  it("fails clearly for an address that is not a letter", async () => {
    const missing = await verify(`${baseUrl}/letters/no-such-letter`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("answered 404");
    const wrong = await verify(`${baseUrl}/about`);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("is not a letter's address");
  });
});
