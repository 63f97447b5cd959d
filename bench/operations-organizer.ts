/**
 * The organizers' and background classes of work measured for issue 17
 * (bench/operations.ts): what organizers and the scheduled jobs set off.
 */
import type { BenchContext, Operation } from "./operations";

export function organizerOperations(_context: BenchContext): Operation[] {
  return [];
}
