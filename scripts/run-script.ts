/**
 * How a script of scripts/ runs when npm starts it, and does nothing when a test imports it.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Runs `main` when the module at `moduleUrl` (its import.meta.url) is the script Node was started
 * with, never when it is imported (the tests import the scripts' functions): the process exits with
 * the code `main` resolves to, or prints the error's message and exits with 1.
 */
export function runAsScript(moduleUrl: string, main: () => Promise<number>): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
