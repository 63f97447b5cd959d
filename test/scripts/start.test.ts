/**
 * What `npm start` prints on a first start (test/browser/start-server.ts runs it
 * with a fresh local state): one line for the migrations, not wrangler's tables,
 * and the addresses only once the app answers.
 */
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");
const output = await readFile(inject("startLog"), "utf8");

describe("npm start", () => {
  it("sums up the migrations it applied in one line, without wrangler's tables", async () => {
    const migrations = (await readdir(new URL("../../migrations", import.meta.url))).filter((name) =>
      name.endsWith(".sql"),
    );
    migrations.sort();
    expect(output).toContain(
      `Local database: applied ${migrations.length} migrations (${migrations[0]} to ${migrations.at(-1)}).\n`,
    );
    expect(output).not.toContain("Migrations to be applied");
    expect(output).not.toMatch(/[┌├└│]/);
  });

  it("makes a local key for the records' checkpoints, named localhost, and the app serves its verifier key", async () => {
    const served = await fetch(`${baseUrl}/.well-known/undersigned-record-key`);
    expect(served.status).toBe(200);
    expect(await served.text()).toMatch(/^localhost\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}\n$/);
  });

  it("prints the addresses and the admin token after wrangler is ready, once", () => {
    const ready = output.indexOf(`Ready on ${baseUrl}`);
    const banner = output.indexOf(`Undersigned is running on ${baseUrl}/`);
    expect(ready).toBeGreaterThan(-1);
    expect(banner).toBeGreaterThan(ready);
    expect(output.indexOf("Undersigned is running on", banner + 1)).toBe(-1);
    expect(output.slice(banner)).toMatch(/Organizers: +\S+\/admin {2}\(log in with the admin token \S+\)/);
  });

  it("prints the organizer area at localhost, where passkeys work (not at an IP address), the same server", async () => {
    const organizers = baseUrl.replace("//127.0.0.1:", "//localhost:");
    const banner = output.slice(output.indexOf("Undersigned is running on"));
    expect(banner).toMatch(new RegExp(`Organizers: +${organizers.replaceAll(".", "\\.")}/admin {2}`));
    expect(banner).toContain("passkeys work too");
    const login = await fetch(`${organizers}/admin/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).not.toContain("not at an IP address");
  });
});
