/**
 * The Worker's size and startup time: what `wrangler deploy` uploads, and the
 * CPU its global scope takes on a cold start.
 *
 * Cloudflare's limits (https://developers.cloudflare.com/workers/platform/limits/):
 * the Worker's size, long 3 MB on Workers Free and 10 MB on Paid after
 * compression, in the page's latest version 64 MiB on both, uncompressed
 * (https://github.com/cloudflare/cloudflare-docs/pull/31002);
 * the startup time, 1 second on both plans (400 ms until October 2025:
 * https://developers.cloudflare.com/changelog/2025-10-10-increased-startup-time),
 * which is the time to parse and execute the Worker's global scope before its
 * first event; a Worker over it is refused at upload ("Script startup exceeded
 * CPU time limit"). Every cold start pays it before the first request of an
 * isolate is answered, so it adds to that request's latency.
 *
 * Method: `wrangler deploy --dry-run --outfile` writes the exact upload (a
 * multipart form with the metadata, `index.js` and its source map);
 * `wrangler check startup --worker` loads that upload in a local workerd with
 * V8's CPU profiler on during the global scope's evaluation and writes the
 * profile. The startup CPU is the sum of the profile's samples not in
 * `(idle)` (parsing and compiling in `(program)`, garbage collection
 * included), which is the "Active" figure `wrangler check startup` prints;
 * the median of STARTUP_RUNS runs is reported. It is measured on this
 * machine's CPU, not Cloudflare's, and the sampler is coarse here (about one
 * sample per 2 ms): it says where startup time goes and whether it is far
 * from the limit, not the exact figure Cloudflare sees.
 *
 * Where it goes: the same code is built again without minifying and profiled
 * STARTUP_RUNS times more; each busy sample is charged to the source its
 * stack's top frame comes from, through that upload's source map (a function's
 * frame by its line and column; the script's top-level code, which V8 reports
 * by line only, by its line: unminified, a line holds one source's code).
 * Sources are grouped by npm package; `src/` files are kept by path. `(program)`
 * is V8 parsing and compiling, `(garbage collector)` its collector, `(built-in)`
 * the runtime's own functions, `(bundler)` esbuild's helpers in the bundle
 * (`__name`, which wrangler's keep_names adds around every named function and
 * class, `__export`, `__commonJS`). The
 * unminified script parses more slowly, so the shares, not the sum, are what
 * this part tells.
 */

import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { SourceMap, type SourceMapPayload } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { runWrangler, wranglerBin, wranglerEnv } from "../scripts/wrangler";

/** How many times startup is profiled; the median is reported. */
export const STARTUP_RUNS = 3;

/**
 * Cloudflare's startup time limit (ms), both plans. The bench's target is
 * stricter (STARTUP_TARGET_MS), see there.
 */
export const CLOUDFLARE_STARTUP_LIMIT_MS = 1000;

/**
 * The bench's target for startup CPU measured here (ms): a tenth of
 * Cloudflare's limit. Cold starts add their startup to a visitor's wait, and
 * the measurement is on another CPU with a coarse sampler, so a figure near
 * the limit here could be over it there; 100 ms leaves room for both and for
 * the app to grow.
 */
export const STARTUP_TARGET_MS = 100;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  positionTicks?: { line: number; ticks: number }[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The Worker as `wrangler deploy` uploads it. */
export interface WorkerUpload {
  /** Path of the multipart upload on disk, for `wrangler check startup --worker`. */
  path: string;
  /** The JavaScript modules of the upload, by name (`index.js`). */
  modules: Map<string, Buffer>;
  /** The source map of `index.js`, when the upload carries one (`upload_source_maps`). */
  sourceMap?: SourceMapPayload;
}

/**
 * Builds the Worker as `wrangler deploy` would upload it, without uploading.
 *
 * @param dir a folder for the upload (`worker.bundle`, `worker-unminified.bundle`)
 * @param minify false to build without minifying (for attributing time to sources)
 * @throws Error when wrangler fails or the upload is not a multipart form
 */
export async function buildUpload(dir: string, { minify = true } = {}): Promise<WorkerUpload> {
  const path = join(dir, minify ? "worker.bundle" : "worker-unminified.bundle");
  await runWrangler(["deploy", "--dry-run", "--outfile", path, ...(minify ? [] : ["--no-minify"])], { quiet: true });
  const bytes = await readFile(path);
  const boundary = /^--(\S+)\r?\n/.exec(bytes.subarray(0, 200).toString("latin1"))?.[1];
  if (!boundary) throw new Error(`${path} is not a multipart upload`);
  const form = await new Response(bytes, {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  }).formData();
  const modules = new Map<string, Buffer>();
  let sourceMap: SourceMapPayload | undefined;
  const parts = form as unknown as Iterable<[string, string | Blob]>;
  for (const [name, value] of parts) {
    if (typeof value === "string") continue;
    const content = Buffer.from(await value.arrayBuffer());
    if (name.endsWith(".map")) sourceMap = JSON.parse(content.toString("utf8")) as SourceMapPayload;
    else if (name.endsWith(".js") || name.endsWith(".mjs")) modules.set(name, content);
  }
  return { path, modules, sourceMap };
}

/** The upload's JavaScript, raw and gzip (bytes): what the size limit counts, compressed. */
export function uploadSizes(upload: WorkerUpload): { bytes: number; gzip_bytes: number } {
  const all = Buffer.concat([...upload.modules.values()]);
  return { bytes: all.byteLength, gzip_bytes: gzipSync(all).byteLength };
}

/** Startup CPU, measured STARTUP_RUNS times. */
export interface StartupResult {
  /** Median of the runs' busy time (ms). */
  cpu_ms: number;
  cpu_ms_runs: number[];
  /** Of the median run, garbage collection and V8's own work (parsing, compiling) (ms). */
  gc_ms: number;
  program_ms: number;
  /**
   * Busy time by source in the unminified build's runs, per start (ms), largest first; the
   * unminified build's median busy time is `unminified_cpu_ms`.
   */
  top: { source: string; ms: number }[];
  unminified_cpu_ms: number;
}

/** Runs `wrangler check startup` on the upload, writing the profile to `outfile`. */
function checkStartup(upload: string, outfile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [wranglerBin(), "check", "startup", "--worker", upload, "--outfile", outfile],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: wranglerEnv(),
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`wrangler check startup failed (exit ${code}):\n${output}`)),
    );
  });
}

/** An npm package's name, or a path inside the project, for a source map's source. */
function sourceGroup(source: string): string {
  const at = source.lastIndexOf("node_modules/");
  if (at < 0) return source.replace(/^(\.\.\/)+/, "");
  const [first, second] = source.slice(at + "node_modules/".length).split("/");
  return first?.startsWith("@") ? `${first}/${second}` : (first ?? source);
}

/**
 * Busy time (µs) of one profile by source (see the module's comment).
 *
 * @returns the busy, GC and program totals (µs) and the busy µs by source
 */
export function attribute(
  profile: Profile,
  map: SourceMap | undefined,
): { busy: number; gc: number; program: number; bySource: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  for (let index = 0; index < profile.samples.length; index++) {
    const id = profile.samples[index]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
  // A position the map doesn't cover is the bundler's own code (its helpers: keep_names' __name,
  // __export, __commonJS), named by the function when there is one.
  const where = (line: number, column: number, functionName = "") => {
    const entry: { originalSource?: string } | undefined = map?.findEntry(line, column);
    if (entry?.originalSource) return sourceGroup(entry.originalSource);
    return functionName ? `(bundler) ${functionName}` : "(bundler)";
  };
  const bySource = new Map<string, number>();
  const add = (source: string, micros: number) => bySource.set(source, (bySource.get(source) ?? 0) + micros);
  let busy = 0;
  let gc = 0;
  let program = 0;
  for (const [id, micros] of self) {
    const node = nodes.get(id)!;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    busy += micros;
    if (functionName === "(garbage collector)") gc += micros;
    if (functionName === "(program)") program += micros;
    if (!url) {
      // V8's own entries ("(program)", "(garbage collector)"), or a built-in of the runtime's.
      add(functionName.startsWith("(") ? functionName : `(built-in) ${functionName}`, micros);
    } else if (lineNumber >= 0) {
      add(where(lineNumber, columnNumber, functionName), micros);
    } else {
      // The script's top level: V8 gives lines (1-based) of its ticks, not columns.
      const ticks = node.positionTicks ?? [];
      const total = ticks.reduce((sum, tick) => sum + tick.ticks, 0);
      if (total === 0) add("(top level)", micros);
      for (const tick of ticks) add(where(tick.line - 1, 0), (micros * tick.ticks) / total);
    }
  }
  return { busy, gc, program, bySource };
}

/** Profiles one upload's startup STARTUP_RUNS times. */
async function profileRuns(upload: WorkerUpload, dir: string, name: string) {
  const map = upload.sourceMap ? new SourceMap(upload.sourceMap) : undefined;
  const runs: ReturnType<typeof attribute>[] = [];
  for (let run = 1; run <= STARTUP_RUNS; run++) {
    const outfile = join(dir, `${name}-${run}.cpuprofile`);
    await checkStartup(upload.path, outfile);
    runs.push(attribute(JSON.parse(await readFile(outfile, "utf8")) as Profile, map));
  }
  const median = [...runs].sort((a, b) => a.busy - b.busy)[Math.floor(runs.length / 2)]!;
  return { runs, median };
}

const ms = (micros: number) => Number((micros / 1000).toFixed(1));

/**
 * Profiles the Worker's startup (see the module's comment): the deployed
 * build for the figures, an unminified build of the same code for `top`.
 *
 * @param upload the minified upload from buildUpload
 * @param dir where the unminified upload and the profiles (`startup-N.cpuprofile`,
 *   `startup-unminified-N.cpuprofile`) are written
 * @param topCount how many sources to keep in `top`
 * @throws Error when wrangler fails
 */
export async function measureStartup(upload: WorkerUpload, dir: string, topCount = 12): Promise<StartupResult> {
  const deployed = await profileRuns(upload, dir, "startup");
  const unminified = await profileRuns(await buildUpload(dir, { minify: false }), dir, "startup-unminified");
  const bySource = new Map<string, number>();
  for (const run of unminified.runs) {
    for (const [source, micros] of run.bySource) bySource.set(source, (bySource.get(source) ?? 0) + micros);
  }
  return {
    cpu_ms: ms(deployed.median.busy),
    cpu_ms_runs: deployed.runs.map((run) => ms(run.busy)),
    gc_ms: ms(deployed.median.gc),
    program_ms: ms(deployed.median.program),
    top: [...bySource]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topCount)
      .map(([source, micros]) => ({ source, ms: ms(micros / unminified.runs.length) })),
    unminified_cpu_ms: ms(unminified.median.busy),
  };
}
