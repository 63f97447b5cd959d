/**
 * The Worker's own CPU time, from V8's sampling CPU profiler over the DevTools
 * inspector that `wrangler dev` opens (`--inspector-port`), the way
 * Cloudflare's dashboard profiles a Worker
 * (https://developers.cloudflare.com/workers/observability/dev-tools/cpu-usage/).
 *
 * Method: `Profiler.start`, the work, `Profiler.stop`; the profile's samples
 * each carry the time since the previous one (`timeDeltas`, µs), and the
 * Worker's CPU time is the sum over every sample not in `(idle)`: its
 * JavaScript, V8's own work for it (`(program)`: compiling, the runtime's
 * built-ins; `(garbage collector)`), and the native calls it makes on its
 * thread (Web Crypto, the HTML rewriter, text encoding). It does not hold
 * the local D1's SQLite or the Cache API's storage: miniflare runs those in
 * other Workers, each in its own isolate, while this one waits, idle. That
 * is the separation of Worker time from D1 time the bench needs, without
 * stubbing the database.
 *
 * Sampling costs a little time per sample, so the figures are an upper bound
 * of the time the same code takes unprofiled (at SAMPLING_INTERVAL_US the
 * profiler's own overhead stays within a few percent). Measured work must run
 * one request after another (never concurrently: busy time is a sum).
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
  /** The functions with the most self time, for finding what to make cheaper. */
  top: { name: string; ms: number }[];
}

/**
 * Sums a V8 CPU profile's samples into busy, idle, program and GC time.
 *
 * @param profile `Profiler.stop`'s `profile` (the DevTools protocol's Profiler.Profile)
 * @returns times in ms over the whole profile
 */
export function profileTimes(profile: Profile): ProfileTimes {
  const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName || "(anonymous)"]));
  const self = new Map<string, number>();
  for (let index = 0; index < profile.samples.length; index++) {
    const name = names.get(profile.samples[index]!) ?? "(unknown)";
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0));
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
    top: [...self]
      .filter(([name]) => name !== "(idle)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, micros]) => ({ name, ms: Number(ms(micros).toFixed(2)) })),
  };
}

/** A DevTools protocol session with the Worker behind `wrangler dev --inspector-port`. */
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
    const { profile } = (await this.send("Profiler.stop")) as { profile: Profile };
    if (failure) throw failure;
    if (saveTo) await writeFile(saveTo, JSON.stringify(profile));
    return profileTimes(profile);
  }

  close(): void {
    this.socket.close();
  }
}
