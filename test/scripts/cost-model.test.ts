import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { costInputs, writeCostTables } from "../../bench/cost-report";
import type { OperationResult } from "../../bench/operations";
import { costTable, freePlanSignaturesPerDay, largestLetter, monthlyBill, PRICES } from "../../bench/cost-model";

const signature = { requests: 4, cpu_ms: 20, rows_read: 40, rows_written: 15 };
const idleDay = { requests: 1729, cpu_ms: 3000, rows_read: 20_000, rows_written: 0 };

describe("the cost model of docs/scaling.md", () => {
  it("bills only what goes beyond the Paid plan's monthly allowances", () => {
    const within = monthlyBill({ requests: 10_000_000, cpu_ms: 30_000_000, rows_read: 1e9, rows_written: 50_000_000 });
    expect(within.beyond).toBe(0);
    expect(within.paid_total).toBe(PRICES.workers.paidMonthly);
    const over = monthlyBill({ requests: 11_000_000, cpu_ms: 31_000_000, rows_read: 0, rows_written: 52_000_000 });
    expect(over.parts.requests).toBeCloseTo(0.3);
    expect(over.parts.cpu).toBeCloseTo(0.02);
    expect(over.parts.rows_written).toBeCloseTo(2);
  });

  it("checks the Free plan's daily allowances over a 30-day month, and its 500 MB database", () => {
    expect(monthlyBill({ requests: 3_000_000, cpu_ms: 0, rows_read: 0, rows_written: 3_000_000 }).fits_free).toBe(true);
    expect(monthlyBill({ requests: 3_000_030, cpu_ms: 0, rows_read: 0, rows_written: 0 }).free.requests).toBe(false);
    expect(monthlyBill({ requests: 0, cpu_ms: 0, rows_read: 0, rows_written: 0 }, 500_000_001).free.storage).toBe(
      false,
    );
  });

  it("finds the allowance that stops signing first, after the crons' share", () => {
    // Rows written: (100,000 − 0) / 15 = 6,666; requests: (100,000 − 1,729) / 4 = 24,567; rows read: 124,500.
    expect(freePlanSignaturesPerDay(signature, idleDay)).toEqual({ signatures: 6666, limit: "D1 rows written" });
    expect(freePlanSignaturesPerDay({ ...signature, rows_written: 1 }, idleDay)).toEqual({
      signatures: 24567,
      limit: "Workers requests",
    });
  });

  it("sizes the largest letter from the bytes per signature", () => {
    expect(largestLetter(548)).toEqual({ free: 912_408, paid: 18_248_175 });
  });

  it("writes a table row per kind of work, marking what the Free plan cannot carry", () => {
    const table = costTable({
      signature,
      queuedSignature: { ...signature, queue_operations: 3 },
      cachedView: { requests: 1, cpu_ms: 0.5, rows_read: 0, rows_written: 0 },
      uncachedView: { requests: 1, cpu_ms: 8, rows_read: 105, rows_written: 0 },
      export10k: { requests: 0.01, cpu_ms: 300, rows_read: 10_000, rows_written: 0 },
      idleDay,
      bytesPerSignature: 548,
    });
    const lines = table.split("\n");
    expect(lines).toHaveLength(2 + 5);
    expect(lines[2]).toContain("over: requests, rows written, storage");
    expect(lines[5]).toMatch(/^\| One CSV export .* over: 30000\.0 ms of CPU in one invocation \|$/);
    expect(lines[6]).toContain("| fits |");
  });
});

describe("docs/scaling.md's cost tables from a bench run", () => {
  const operation = (name: string, per: string, cpu: number, read: number, written: number): OperationResult => ({
    name,
    per,
    runs: 3,
    units_per_run: 10,
    cpu_ms_runs: [cpu, cpu, cpu],
    cpu_ms: cpu,
    cpu_spread: 0,
    gc_ms: 0,
    rows_read: read,
    rows_written: written,
    queries: 1,
    top: [],
  });
  const operations = [
    operation("cache hit of the letter page", "request", 0.5, 0, 0),
    operation("uncached letter page, bench-1m", "request", 5, 103, 0),
    operation("sign, direct writes", "signature", 3, 18, 17),
    operation("sign, through the queue (and its consumer)", "signature", 4, 18, 17),
    operation("confirm (open the link, press Confirm), bench-100k", "signature", 2, 14, 13),
    operation("CSV export, bench-100k", "10,000 rows", 200, 10_211, 0),
    operation("maintenance job, nothing new since its last run", "run", 2, 50, 0),
    operation("maintenance job after 1,000 new signatures", "1,000 signatures", 1_000, 200_000, 5_000),
    operation("minute job (imports, retries, notices, webhooks, checkpoints), nothing due", "run", 1, 2, 0),
  ];

  it("builds the model's inputs from the operations by name, and says which one is missing", () => {
    const inputs = costInputs(operations, 548);
    // Signing, confirming, and the maintenance job's share of each new signature (per 1,000 measured).
    expect(inputs.signature).toEqual({ requests: 4, cpu_ms: 6, rows_read: 232, rows_written: 35 });
    expect(inputs.queuedSignature.queue_operations).toBe(3);
    expect(inputs.idleDay).toEqual({ requests: 1728, cpu_ms: 2016, rows_read: 17_280, rows_written: 0 });
    expect(() => costInputs(operations.slice(1), 548)).toThrow(/cache hit of the letter page/);
  });

  it("writes both tables between their markers and keeps the rest of the document", async () => {
    const folder = await mkdtemp(join(tmpdir(), "cost-report-"));
    const path = join(folder, "scaling.md");
    const markers = (name: string) => `<!-- costs:${name}:start -->\nold\n<!-- costs:${name}:end -->`;
    await writeFile(path, `# Before\n\n${markers("operations")}\n\nBetween\n\n${markers("model")}\n\nAfter $& $1\n`);
    await writeCostTables(path, operations, costInputs(operations, 548));
    const text = await readFile(path, "utf8");
    expect(text).not.toContain("\nold\n");
    expect(text).toMatch(/^# Before\n\n<!-- costs:operations:start -->\n\| Operation \|/);
    expect(text).toContain("| CSV export, bench-100k | 10,000 rows | 200 ms (200, 200, 200) | 0 % | 10211 / 0 | — |");
    expect(text).toContain("Between");
    expect(text).toContain("The largest letter");
    expect(text.endsWith("After $& $1\n")).toBe(true);
    await expect(writeCostTables(join(folder, "none.md"), operations, costInputs(operations, 548))).rejects.toThrow();
    await rm(folder, { recursive: true, force: true });
  });
});
