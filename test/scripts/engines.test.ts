/**
 * package.json's engines.node is true of everything npm installs here: npm install prints
 * no EBADENGINE warning on the lowest Node.js it allows, nor on 24 (npm's own check,
 * npm-install-checks, is semver.satisfies with prereleases included). Packages for other
 * platforms, in the lock file but not installed, are left out, as npm leaves them.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import semver from "semver";
import { describe, expect, it } from "vitest";

type Lock = { packages: Record<string, { version?: string; engines?: { node?: string } }> };

const root = new URL("../../", import.meta.url);
const manifest = JSON.parse(await readFile(new URL("package.json", root), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(await readFile(new URL("package-lock.json", root), "utf8")) as Lock;

describe("engines.node", () => {
  it("starts at a Node.js 22 or 24 LTS release (Node.js 20 has reached its end of life)", () => {
    const lowest = semver.minVersion(manifest.engines.node)!;
    expect([22, 24]).toContain(lowest.major);
  });

  const lowest = semver.minVersion(manifest.engines.node)!.version;
  it.each([lowest, "24.0.0"])("is enough for every installed package on Node.js %s", (version) => {
    const refused = Object.entries(lock.packages)
      .filter(([path, entry]) => path && entry.engines?.node && existsSync(new URL(path, root)))
      .filter(([, entry]) => !semver.satisfies(version, entry.engines!.node!, { includePrerelease: true }))
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, "")}@${entry.version} wants ${entry.engines!.node}`);
    expect(refused).toEqual([]);
  });
});
