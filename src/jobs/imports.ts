/**
 * The minute cron's part in imports: an import the organizer left running
 * (the page closed, a batch that failed) goes on by itself, a few batches
 * per import per minute (app/imports.ts continueIdleImports).
 */
import type { AppDeps } from "../app/deps";
import { continueIdleImports } from "../app/imports";

/** Continues the running imports nobody moved for a minute; returns how many, and how many are done. */
export function continueImports(deps: AppDeps, now: Date): Promise<{ continued: number; done: number }> {
  return continueIdleImports(deps, now);
}
