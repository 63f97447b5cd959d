/** scripts/wrangler.ts finds wrangler's command through its package's `bin` entry, whatever its `exports` hide. */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { wranglerBin } from "../../scripts/wrangler";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

describe("wranglerBin", () => {
  it("is the installed wrangler's own command, which runs", async () => {
    const { version } = require("wrangler/package.json") as { version: string };
    const bin = wranglerBin();
    expect(existsSync(bin)).toBe(true);
    const { stdout } = await run(process.execPath, [bin, "--version"], { env: { ...process.env, CI: "true" } });
    expect(stdout).toContain(version);
  });
});
