/**
 * The public classes of work measured for issue 17 (bench/operations.ts):
 * what readers, signers and verifiers set off.
 */
import { CACHE_HIT_CPU_MS, expectStatus, FREE_PLAN_CPU_MS, type BenchContext, type Operation } from "./operations";

const DEMO = "honduras-new-elections-2017";

/** The letters bench/run.ts seeds with 100, 100,000 and 1,000,000 signatures. */
export const SIZED_LETTERS = ["bench-100", "bench-100k", "bench-1m"];

/** Requests one after another: `count` of them. */
async function times(count: number, request: (index: number) => Promise<unknown>): Promise<void> {
  for (let index = 0; index < count; index++) await request(index);
}

export function publicOperations(context: BenchContext): Operation[] {
  const requests = context.quick ? 50 : 200;
  const bypass = { headers: { "x-bench-bypass-cache": "1" } };
  const operations: Operation[] = [
    {
      name: "cache hit of the letter page",
      per: "request",
      targetMs: CACHE_HIT_CPU_MS,
      units: requests,
      prepare: async () => void (await expectStatus(context, `/letters/${DEMO}`, 200)),
      run: () => times(requests, () => expectStatus(context, `/letters/${DEMO}`, 200)),
    },
  ];
  for (const slug of SIZED_LETTERS) {
    operations.push(
      {
        name: `uncached letter page, ${slug}`,
        per: "request",
        targetMs: FREE_PLAN_CPU_MS,
        units: requests,
        run: () => times(requests, () => expectStatus(context, `/letters/${slug}`, 200, bypass)),
      },
      {
        name: `uncached letter JSON, ${slug}`,
        per: "request",
        targetMs: FREE_PLAN_CPU_MS,
        units: requests,
        run: () => times(requests, () => expectStatus(context, `/letters/${slug}.json`, 200, bypass)),
      },
    );
  }
  return operations;
}
