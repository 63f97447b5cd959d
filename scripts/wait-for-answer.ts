/**
 * Waits until a server answers HTTP at an address: `npm start` prints its
 * addresses only then, so that the first click is never refused.
 */
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Asks `url` every `intervalMs` until any HTTP answer comes back (whatever its
 * status: the server is up), and resolves to that answer's status.
 *
 * @param url - The address to ask, e.g. `http://127.0.0.1:8787/`.
 * @param options.signal - Stops waiting (the server's process has exited): the promise rejects with its reason.
 * @param options.intervalMs - Milliseconds between two attempts while nothing listens; 250 by default.
 * @param options.attemptTimeoutMs - Milliseconds one attempt may wait for its answer (the first request
 *   builds the Worker, which takes seconds); 60,000 by default.
 * @returns The HTTP status of the first answer.
 * @throws The signal's reason when it aborts first.
 */
export async function waitForAnswer(
  url: string,
  {
    signal,
    intervalMs = 250,
    attemptTimeoutMs = 60_000,
  }: { signal?: AbortSignal; intervalMs?: number; attemptTimeoutMs?: number } = {},
): Promise<number> {
  for (;;) {
    signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(attemptTimeoutMs);
    try {
      const response = await fetch(url, {
        redirect: "manual",
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      // Nothing listens yet (or the attempt timed out): try again, unless told to stop.
      signal?.throwIfAborted();
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
  }
}
