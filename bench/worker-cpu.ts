/**
 * The Worker's own CPU time, from V8's sampling CPU profiler over the DevTools
 * inspector that `wrangler dev` opens (`--inspector-port`), the way
 * Cloudflare's dashboard profiles a Worker
 * (https://developers.cloudflare.com/workers/observability/dev-tools/cpu-usage/).
 *
 * Method: `Profiler.start`, the work, `Profiler.stop`. Each sample names the
 * stack the Worker's thread was in; `timeDeltas` (µs) give the time since the
 * previous sample. The Worker's CPU time is the sum over the samples not in
 * `(idle)` of that time, each sample counting at most MAX_SAMPLE_PERIODS
 * sampling periods (period_us): its JavaScript, V8's own work
 * for it (`(program)`, `(garbage collector)`) and the native calls it makes
 * on its thread (Web Crypto, the HTML rewriter, text encoding).
 *
 * What the raw sum would include that production does not bill (measured on
 * 2 shared cores with others' work, 100 requests × 3 runs per figure, on the
 * code of commit 09bae96; the table below):
 *
 * - Gaps: V8 samples this isolate only while its thread runs it. workerd runs
 *   every isolate of `wrangler dev` on one thread: the app, and miniflare's
 *   own Workers behind the local D1 (its SQLite), the Cache API and the
 *   entry proxy. While the thread runs those (or the OS runs another
 *   process: the bench's client, wrangler's proxy), this isolate gets no
 *   sample and is not marked idle either, so the whole gap lands on the
 *   next sample: the first function that runs after an `await` of the cache
 *   or D1, or the first of the next request (Hono's Context, a Headers#set
 *   in the cache's respond()). Summed raw, a trivial route
 *   (/__bench/constant: 1.1 to 1.7 samples per request) "took" 11.1 to 15.3
 *   ms per request, a cache hit of the letter page 12.6 to 17.7 ms. These
 *   gaps are 95 to 98 % of the raw sum on a cache hit, 75 to 88 % on an
 *   uncached page or JSON, and are why the first quick runs put a cache hit
 *   at 8.3 ms. Counting each sample at most MAX_SAMPLE_PERIODS periods
 *   leaves them out (`gaps_ms` keeps the part left out, to show how much).
 * - wrangler dev's injected middleware (templates/middleware:
 *   middleware-ensure-req-body-drained's drainBody and
 *   middleware-miniflare3-json-error's jsonError, run through
 *   `__facade_invoke__`): absent from `wrangler deploy`'s bundle. Measured
 *   (inclusive, less the app's own fetch under it): up to 0.04 ms per
 *   request (0.002 to 0.037), at most 6 % of a cache hit, under 1 % of an
 *   uncached page.
 * - The bench's own D1 counter (src/routes/bench.ts countBenchQueries, a
 *   second Proxy around every statement, `.first()` run as `.all()`): BENCH=1
 *   only; 0.002 to 0.028 ms per request (under 0.5 % of an uncached render).
 *
 * What is included and billed in production too: the D1 binding's client
 * code (workerd's d1-api: `_send`, `_wrappedFetch`, `toJson`,
 * `toArrayOfObjects`, `withSpan`) and the Cache API's, which run in the
 * Worker's isolate in production as here; esbuild's `__name` (wrangler
 * bundles with keep_names in both); workerd's Node-compatible timers
 * (nodejs_compat). Not included, here or in production's CPU time: D1's
 * SQLite and the cache's storage, which run elsewhere (here: miniflare's
 * other isolates, left out as gaps above).
 *
 * | per request (ms)       | raw sum     | counted     | gaps    |
 * | ---------------------- | ----------- | ----------- | ------- |
 * | /__bench/constant      | 11.1 – 15.3 | 0.30 – 0.40 | 96–98 % |
 * | cache hit, letter page | 12.6 – 17.7 | 0.53 – 0.68 | 95–97 % |
 * | uncached page, 100     | 24.5 – 31.3 | 4.9 – 7.0   | 75–84 % |
 * | uncached JSON, 100     | 17.2 – 28.6 | 2.7 – 3.5   | 81–88 % |
 *
 * The counted figure is still an upper bound of the same code unprofiled:
 * sampling costs a little per sample, and a sample whose thread the OS
 * paused counts up to its cap. On a busy machine (others' benches, the
 * client and wrangler on the same two cores) it stays indicative; rows are
 * exact. Measured work must run one request after another (never
 * concurrently: busy time is a sum).
 */

import { writeFile } from "node:fs/promises";

/** How often V8 samples the Worker's stack (µs): 100 µs = 100 samples per 10 ms of CPU. */
export const SAMPLING_INTERVAL_US = 100;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a profile's time went (ms). */
export interface ProfileTimes {
  /** Every sample not idle: the Worker's CPU time. */
  busy_ms: number;
  /** Of busy_ms, V8's own work not attributed to a function (compiling, built-ins). */
  program_ms: number;
  /** Of busy_ms, garbage collection. */
  gc_ms: number;
  /** Samples in (idle): waiting for D1, the cache, the network. */
  idle_ms: number;
  /**
   * Left out of busy_ms: the part of each busy sample's delta beyond
   * MAX_SAMPLE_PERIODS periods, when the thread ran other isolates or
   * processes (see the module's comment). busy_ms + gaps_ms is the raw sum.
   */
  gaps_ms: number;
  /**
   * The sampler's actual period (µs): the low decile of the deltas between samples, at least
   * SAMPLING_INTERVAL_US (V8 may not keep the interval asked for: about 170 µs for 100 here).
   */
  period_us: number;
  /** The functions with the most self time, for finding what to make cheaper. */
  top: { name: string; ms: number }[];
}

/**
 * How many sampling periods one busy sample counts at most: a delta up to
 * twice the period is scheduling jitter of the sampler; beyond it, the thread
 * was away running something else (see the module's comment).
 */
export const MAX_SAMPLE_PERIODS = 2;

/**
 * Sums a V8 CPU profile's samples into busy, idle, program and GC time, each
 * busy sample counting at most MAX_SAMPLE_PERIODS sampling periods (the rest
 * is gaps_ms).
 *
 * @param profile `Profiler.stop`'s `profile` (the DevTools protocol's Profiler.Profile)
 * @returns times in ms over the whole profile
 */
export function profileTimes(profile: Profile): ProfileTimes {
  const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName || "(anonymous)"]));
  const deltas = profile.timeDeltas.slice(1).sort((a, b) => a - b);
  // The low decile, not the median: in a profile of light requests most deltas are gaps.
  const period = Math.max(deltas[Math.floor(deltas.length / 10)] ?? 0, SAMPLING_INTERVAL_US);
  const cap = MAX_SAMPLE_PERIODS * Math.max(period, SAMPLING_INTERVAL_US);
  const self = new Map<string, number>();
  let gaps = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    const name = names.get(profile.samples[index]!) ?? "(unknown)";
    const delta = profile.timeDeltas[index] ?? 0;
    // Time before an idle sample was spent waiting; before a busy one, at most `cap` of it was spent here.
    const counted = name === "(idle)" ? delta : Math.min(delta, cap);
    gaps += delta - counted;
    self.set(name, (self.get(name) ?? 0) + counted);
  }
  let total = 0;
  for (const micros of self.values()) total += micros;
  const ms = (micros: number) => micros / 1000;
  const idle = self.get("(idle)") ?? 0;
  return {
    busy_ms: ms(total - idle),
    program_ms: ms(self.get("(program)") ?? 0),
    gc_ms: ms(self.get("(garbage collector)") ?? 0),
    idle_ms: ms(idle),
    gaps_ms: ms(gaps),
    period_us: period,
    top: [...self]
      .filter(([name]) => name !== "(idle)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, micros]) => ({ name, ms: Number(ms(micros).toFixed(2)) })),
  };
}

/** A DevTools protocol session with the Worker behind `wrangler dev --inspector-port`. */
/** The profiler answered Profiler.stop with no profile: the Worker's inspector session was replaced. */
export class ProfileLost extends Error {
  constructor() {
    super("The Worker's profiler returned no profile (wrangler dev restarted the Worker during the run?)");
    this.name = "ProfileLost";
  }
}

export class WorkerProfiler {
  private constructor(
    private readonly socket: WebSocket,
    private readonly pending: Map<number, (message: { result?: unknown; error?: { message: string } }) => void>,
  ) {}
  private lastId = 0;

  /**
   * Connects to the inspector at `port` on 127.0.0.1 and enables the profiler.
   * wrangler's inspector proxy refuses a WebSocket without an allowed `Origin`
   * (it guards against pages in a browser), so this one says it is localhost.
   *
   * @throws Error when no Worker answers on the port within `timeoutMs`
   */
  static async connect(port: number, timeoutMs = 60_000): Promise<WorkerProfiler> {
    const deadline = Date.now() + timeoutMs;
    let url: string | undefined;
    while (!url) {
      try {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as {
          webSocketDebuggerUrl?: string;
        }[];
        url = targets[0]?.webSocketDebuggerUrl;
      } catch {
        // not yet
      }
      if (!url) {
        if (Date.now() > deadline) throw new Error(`No Worker inspector on port ${port}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    // Node's WebSocket (undici) takes headers as its one addition to the standard constructor.
    const socket = new WebSocket(url, { headers: { origin: "http://localhost" } } as unknown as string[]);
    const pending = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id !== undefined) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener("open", () => resolve(), { once: true });
      socket.addEventListener("error", () => reject(new Error(`The inspector at ${url} refused the connection`)), {
        once: true,
      });
    });
    const profiler = new WorkerProfiler(socket, pending);
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
    return profiler;
  }

  private send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The inspector did not answer ${method}`)), 60_000);
      this.pending.set(id, (message) => {
        clearTimeout(timer);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /**
   * Profiles `work` (which must run its requests one after another) and says
   * where the Worker's time went while it ran; with `saveTo`, writes the profile
   * there too (a .cpuprofile file: Chrome DevTools' Performance panel opens it).
   *
   * @throws Error when the inspector does not answer
   */
  async profile(work: () => Promise<void>, saveTo?: string): Promise<ProfileTimes> {
    await this.send("Profiler.start");
    let failure: Error | undefined;
    try {
      await work();
    } catch (error) {
      failure = error instanceof Error ? error : new Error(`The profiled work failed: ${String(error)}`);
    }
    const stopped = (await this.send("Profiler.stop")) as { profile?: Profile } | undefined;
    const profile = stopped?.profile;
    // wrangler dev restarts the Worker when its runtime gives way (under a long request, say): the
    // inspector's new session knows nothing of the profile started in the old one.
    if (!profile) throw new ProfileLost();
    if (failure) throw failure;
    if (saveTo) await writeFile(saveTo, JSON.stringify(profile));
    return profileTimes(profile);
  }

  close(): void {
    this.socket.close();
  }
}
