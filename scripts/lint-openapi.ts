/**
 * `npm run lint:openapi`: the public API's OpenAPI document (domain/public-api.ts,
 * served at /api/v1/openapi.json) written to .openapi/openapi.json, then linted by
 * Redocly CLI (its `recommended` rules, redocly.yaml) and Spectral (`spectral:oas`,
 * .spectral.yaml). Both must find no error and no warning. Offline: the rulesets
 * are built into the tools, the document has no remote $ref, and Redocly's
 * telemetry and update check are switched off.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openApiDocument } from "../src/domain/public-api";

const DIRECTORY = ".openapi";
const FILE = join(DIRECTORY, "openapi.json");

mkdirSync(DIRECTORY, { recursive: true });
writeFileSync(FILE, `${JSON.stringify(openApiDocument("https://letters.example.org"), null, 2)}\n`);

const offline = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
const bin = (tool: string) => join("node_modules", ".bin", tool);

// Redocly exits 0 on warnings: its JSON report's totals say whether there were any.
const redocly = spawnSync(bin("redocly"), ["lint", FILE, "--config", "redocly.yaml", "--format", "json"], {
  env: offline,
  encoding: "utf8",
});
const totals = (JSON.parse(redocly.stdout || "{}") as { totals?: { errors: number; warnings: number } }).totals;
const redoclyClean = redocly.status === 0 && totals?.errors === 0 && totals.warnings === 0;
if (!redoclyClean) {
  // The same problems, written for people.
  spawnSync(bin("redocly"), ["lint", FILE, "--config", "redocly.yaml"], { stdio: "inherit", env: offline });
  if (!totals) process.stderr.write(redocly.stderr);
} else console.log(`redocly (recommended): ${FILE} has no error and no warning`);

const spectral = spawnSync(
  bin("spectral"),
  ["lint", FILE, "--ruleset", ".spectral.yaml", "--fail-severity", "hint", "--display-only-failures"],
  { stdio: "inherit", env: offline },
);
if (spectral.status === 0) console.log(`spectral (spectral:oas): ${FILE} has no error and no warning`);

process.exit(redoclyClean && spectral.status === 0 ? 0 : 1);
