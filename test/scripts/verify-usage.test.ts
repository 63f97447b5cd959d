/**
 * `npm run verify`'s own arguments, as a person first tries it (a fresh-user trial): `--help`
 * prints its usage, options and exit codes and exits 0; an argument it does not take is named,
 * with the usage line, and exits 3 ("could not verify", as the README lists), reading nothing.
 */
import { describe, expect, it } from "vitest";
import { runVerify as verify } from "./verify-run";

describe("npm run verify's arguments", () => {
  it("prints its usage, options and exit codes for --help and -h, and exits 0", async () => {
    for (const flag of ["--help", "-h"]) {
      const help = await verify(flag);
      expect(help.code, flag).toBe(0);
      expect(help.stderr, flag).toBe("");
      expect(help.stdout, flag).toMatch(/^Usage: npm run verify -- https:\/\/example\.org\/letters\/\{slug\}/);
      for (const option of ["--key KEY", "--since FILE", "--entry SEQ:HASH", "--save FILE", "--max-minutes N"])
        expect(help.stdout, flag).toContain(option);
      expect(help.stdout, flag).toContain("Exit codes: 0 verified");
    }
  });

  it("names an argument it does not take, with the usage line (exit 3)", async () => {
    const unknown = await verify("--nope", "https://example.org/letters/x");
    expect(unknown.code).toBe(3);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toBe(
      "npm run verify does not take --nope.\n" +
        "Usage: npm run verify -- https://example.org/letters/{slug} [--key KEY] [--since LENGTH:HASH | --since FILE] [--entry SEQ:HASH] [--save FILE] [--max-requests N] [--max-minutes N]\n" +
        "npm run verify -- --help lists the options.\n",
    );
    const missing = await verify("https://example.org/letters/x", "--key");
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^Option '--key <value>' argument missing\nUsage: npm run verify -- /);
    const two = await verify("https://example.org/letters/x", "https://example.org/letters/y");
    expect(two.code).toBe(3);
    expect(two.stderr).toMatch(/^One letter's address at a time, not 2: /);
    const count = await verify("https://example.org/letters/x", "--max-requests", "many");
    expect(count.code).toBe(3);
    expect(count.stderr).toBe('--max-requests takes a number of requests, not "many".\n');
  });
});
