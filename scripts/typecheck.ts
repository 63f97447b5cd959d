/**
 * `npm run typecheck`: the two TypeScript programs, the Worker and its tests
 * (tsconfig.json, workerd's types) and what runs in Node.js (tsconfig.node.json),
 * checked by two tsc processes at once: tsc uses one core, so on a machine with
 * two the pair takes as long as the longer one instead of both in turn. Each
 * keeps what it learnt in node_modules/.cache/typecheck/ (tsc's --incremental
 * build info, which tsc checks against every file's content), so that a second
 * run on an unchanged tree takes seconds; a fresh clone checks everything.
 * Each program's diagnostics are printed together, after both finish; the exit
 * code is 1 when either found an error.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const TSC = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
const CACHE = fileURLToPath(new URL("../node_modules/.cache/typecheck/", import.meta.url));
/** tsc colours its diagnostics only for a terminal; its output goes through a pipe here, so say which. */
const tty = Boolean(process.stdout.isTTY);

/** Checks the program of `project` (a tsconfig file); resolves to its exit code and its whole output. */
function check(project: string): Promise<{ project: string; code: number; output: string }> {
  return new Promise((resolve) => {
    const buildInfo = `${CACHE}${project.replace(/\.json$/, "")}.tsbuildinfo`;
    const tsc = spawn(
      process.execPath,
      [TSC, "--noEmit", "-p", project, "--incremental", "--tsBuildInfoFile", buildInfo, "--pretty", String(tty)],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    tsc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    tsc.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    tsc.on("error", (error) => resolve({ project, code: 1, output: `${error.message}\n` }));
    tsc.on("close", (code) => resolve({ project, code: code ?? 1, output }));
  });
}

const results = await Promise.all(["tsconfig.json", "tsconfig.node.json"].map(check));
for (const { project, code, output } of results) {
  if (code !== 0) process.stdout.write(`tsc -p ${project} failed:\n`);
  process.stdout.write(output);
}
process.exit(results.some(({ code }) => code !== 0) ? 1 : 0);
