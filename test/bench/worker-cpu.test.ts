/**
 * bench/worker-cpu.ts profileTimes: the Worker's CPU time from a V8 profile
 * counts each busy sample at most MAX_SAMPLE_PERIODS sampling periods, so the
 * time the thread spent in other isolates (miniflare's D1 and cache) or other
 * processes, which lands on the next sample, is left out as gaps_ms; the time
 * before an idle sample is idle time, whatever its length.
 */
import { describe, expect, it } from "vitest";
import { MAX_SAMPLE_PERIODS, profileTimes, SAMPLING_INTERVAL_US } from "../../bench/worker-cpu";

const NODES = [
  { id: 1, callFrame: { functionName: "(root)", url: "" } },
  { id: 2, callFrame: { functionName: "(idle)", url: "" } },
  { id: 3, callFrame: { functionName: "render", url: "index.js" } },
  { id: 4, callFrame: { functionName: "respond", url: "index.js" } },
];

function profile(samples: number[], timeDeltas: number[]) {
  return { nodes: NODES, samples, timeDeltas, startTime: 0, endTime: timeDeltas.reduce((a, b) => a + b, 0) };
}

describe("profileTimes", () => {
  it("counts busy samples at their period, and a gap before one only up to MAX_SAMPLE_PERIODS periods", () => {
    // Twenty samples of render 200 µs apart, then one of respond after 50 ms the thread spent elsewhere.
    const samples = [...Array<number>(20).fill(3), 4];
    const deltas = [0, ...Array<number>(19).fill(200), 50_000];
    const times = profileTimes(profile(samples, deltas));
    expect(times.period_us).toBe(200);
    expect(times.busy_ms).toBeCloseTo((19 * 200 + MAX_SAMPLE_PERIODS * 200) / 1000, 6);
    expect(times.gaps_ms).toBeCloseTo((50_000 - MAX_SAMPLE_PERIODS * 200) / 1000, 6);
    expect(times.top[0]).toEqual({ name: "render", ms: 3.8 });
  });

  it("counts the time before an idle sample as idle, in full", () => {
    const samples = [...Array<number>(20).fill(3), 2];
    const deltas = [0, ...Array<number>(19).fill(200), 30_000];
    const times = profileTimes(profile(samples, deltas));
    expect(times.idle_ms).toBe(30);
    expect(times.gaps_ms).toBe(0);
    expect(times.busy_ms).toBeCloseTo(3.8, 6);
  });

  it("takes the period from the low decile of the deltas, so a profile of mostly gaps is not counted at its gaps", () => {
    // A light request: one busy sample each, mostly after a long wait elsewhere.
    const samples = [3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4];
    const deltas = [0, 150, 20_000, 150, 20_000, 150, 20_000, 150, 20_000, 150, 20_000, 150];
    const times = profileTimes(profile(samples, deltas));
    expect(times.period_us).toBe(150);
    // Six samples at their 150 µs, five after a gap counted 2 × 150 µs each; the rest of each gap left out.
    expect(times.busy_ms).toBeCloseTo((6 * 150 + 5 * MAX_SAMPLE_PERIODS * 150) / 1000, 6);
    expect(times.gaps_ms).toBeCloseTo((5 * (20_000 - MAX_SAMPLE_PERIODS * 150)) / 1000, 6);
  });

  it("never takes a period under the interval asked for", () => {
    const times = profileTimes(profile([3, 3, 3], [0, 10, 10]));
    expect(times.period_us).toBe(SAMPLING_INTERVAL_US);
  });
});
