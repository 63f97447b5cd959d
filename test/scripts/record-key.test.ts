/**
 * `npm run record-key -- NAME` as an operator runs it: a new signer key for
 * RECORD_SIGNING_KEY, and its verifier key, which the signer key's own
 * parsing agrees with.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseSignerKey, parseVerifierKey } from "../../src/domain/signed-note";

const run = promisify(execFile);

describe("npm run record-key", () => {
  it("prints a new signer key named as asked, and its verifier key", async () => {
    const { stdout } = await run("npm", ["run", "--silent", "record-key", "--", "letters.example.org"]);
    const signerKey = /^PRIVATE\+KEY\+letters\.example\.org\+[0-9a-f]{8}\+\S+$/m.exec(stdout)?.[0];
    const verifierKey = /^letters\.example\.org\+[0-9a-f]{8}\+\S+$/m.exec(stdout)?.[0];
    expect(signerKey, stdout).toBeDefined();
    expect((await parseSignerKey(signerKey!)).verifierKey.text).toBe(verifierKey);
    expect((await parseVerifierKey(verifierKey!)).name).toBe("letters.example.org");
    expect(stdout).toContain("npx wrangler secret put RECORD_SIGNING_KEY");
  });

  it("refuses a name a key can't have", async () => {
    const failed = await run("npm", ["run", "--silent", "record-key", "--", "two words"]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining("can't name a key") as unknown });
  });
});
