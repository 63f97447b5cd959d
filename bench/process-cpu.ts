/**
 * Where a request's CPU time goes on the bench's machine, by process: the
 * app's workerd (the Worker, and local D1, Cache API and rate limiter, which
 * miniflare runs in the same process), wrangler dev's proxy (a second workerd
 * that owns the port the bench calls, and forwards each request to the app's),
 * wrangler's Node.js process, and the bench's own process (autocannon). CPU
 * time (user + system, from /proc/<pid>/stat, in clock ticks of 10 ms)
 * counts only what each process ran, so it holds while other work shares the
 * machine, unlike requests per second; over a run of thousands of requests
 * the 10 ms ticks are fine enough.
 *
 * Linux only: elsewhere (no /proc) every reading is null and the bench
 * reports none.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cpuUsage } from "node:process";

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on every Linux the bench runs on). */
const TICKS_PER_SECOND = 100;

/** CPU time of each part since the process started (ms). */
export interface CpuReading {
  app_workerd: number;
  proxy_workerd: number;
  wrangler_node: number;
  bench_node: number;
}

/**
 * CPU time per request of each part (ms), and the sum; and of the app's workerd, its main thread's
 * (the one thread that runs the Worker, D1's SQLite and the Cache API in turn: what its throughput
 * is bound by; the rest is V8's background threads, compiling and collecting garbage).
 */
export type CpuPerRequest = CpuReading & { total: number; app_workerd_main_thread: number };

interface ProcStat {
  pid: number;
  ppid: number;
  command: string;
  /** utime + stime (ms). */
  cpuMs: number;
}

/** /proc/<pid>/stat, read (the command is in parentheses and may hold spaces). Null when the process is gone. */
function procStat(pid: number, thread?: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
  } catch {
    return null;
  }
  const close = text.lastIndexOf(")");
  const command = text.slice(text.indexOf("(") + 1, close);
  // Fields after the command: state (3), ppid (4) … utime (14), stime (15).
  const fields = text
    .slice(close + 2)
    .trim()
    .split(" ");
  return {
    pid,
    ppid: Number(fields[1]),
    command,
    cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
  };
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

/**
 * The processes of `wrangler dev` started as `wranglerPid`: its Node.js processes (the launcher
 * and the CLI it spawns), and the CLI's two workerd children, told apart by their command lines
 * (the proxy's entry socket is the port the bench calls; the app's listens on port 0 and has the
 * inspector).
 */
export class DevProcesses {
  private constructor(
    private readonly nodePids: number[],
    private readonly proxyPid: number,
    private readonly appPid: number,
  ) {}

  /** Null when /proc is not there, or the processes are not found as expected. */
  static find(wranglerPid: number | undefined, port: number): DevProcesses | null {
    if (!wranglerPid) return null;
    let stats: ProcStat[];
    try {
      stats = readdirSync("/proc")
        .filter((name) => /^\d+$/.test(name))
        .map((name) => procStat(Number(name)))
        .filter((stat): stat is ProcStat => stat !== null);
    } catch {
      return null;
    }
    const descendants = new Set([wranglerPid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const stat of stats)
        if (descendants.has(stat.ppid) && !descendants.has(stat.pid)) {
          descendants.add(stat.pid);
          grew = true;
        }
    }
    const family = stats.filter((stat) => descendants.has(stat.pid));
    const workerds = family.filter((stat) => stat.command === "workerd");
    const proxy = workerds.find((child) => commandLine(child.pid).includes(`entry=127.0.0.1:${port} `));
    const app = workerds.find((child) => commandLine(child.pid).includes("--inspector-addr"));
    const nodes = family.filter((stat) => stat.command === "node" || stat.pid === wranglerPid).map((stat) => stat.pid);
    return proxy && app && proxy !== app ? new DevProcesses(nodes, proxy.pid, app.pid) : null;
  }

  /** Each part's CPU time so far (ms), and the app's main thread's. */
  read(): CpuReading & { app_workerd_main_thread: number } {
    const ms = (pid: number) => procStat(pid)?.cpuMs ?? NaN;
    const own = cpuUsage();
    return {
      app_workerd_main_thread: procStat(this.appPid, this.appPid)?.cpuMs ?? NaN,
      app_workerd: ms(this.appPid),
      proxy_workerd: ms(this.proxyPid),
      wrangler_node: this.nodePids.reduce((sum, pid) => sum + ms(pid), 0),
      bench_node: (own.user + own.system) / 1000,
    };
  }
}

/**
 * Sums CPU time per part over several runs of one kind of request, for CPU per request at the end.
 * A no-op (perRequest null) without DevProcesses.
 */
export class CpuTally {
  private readonly sum: CpuReading = { app_workerd: 0, proxy_workerd: 0, wrangler_node: 0, bench_node: 0 };
  private mainThread = 0;
  private requests = 0;

  constructor(private readonly processes: DevProcesses | null) {}

  /** Runs `work` (a load of `requests` requests, counted once it resolves) and adds the CPU each part spent meanwhile. */
  async measure<T>(work: () => Promise<T>, requests: (result: T) => number): Promise<T> {
    const before = this.processes?.read();
    const result = await work();
    const after = this.processes?.read();
    if (before && after) {
      for (const key of Object.keys(this.sum) as (keyof CpuReading)[]) this.sum[key] += after[key] - before[key];
      this.mainThread += after.app_workerd_main_thread - before.app_workerd_main_thread;
      this.requests += requests(result);
    }
    return result;
  }

  /** CPU per request of each part and in all (ms, 3 decimals), or null when nothing was measured. */
  perRequest(): CpuPerRequest | null {
    if (!this.requests) return null;
    const per = (value: number) => Number((value / this.requests).toFixed(3));
    const { app_workerd, proxy_workerd, wrangler_node, bench_node } = this.sum;
    const parts: CpuReading = {
      app_workerd: per(app_workerd),
      proxy_workerd: per(proxy_workerd),
      wrangler_node: per(wrangler_node),
      bench_node: per(bench_node),
    };
    const total = app_workerd + proxy_workerd + wrangler_node + bench_node;
    return { ...parts, total: per(total), app_workerd_main_thread: per(this.mainThread) };
  }
}
