import { describe, expect, it } from "vitest";
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
