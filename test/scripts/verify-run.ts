/** Runs `npm run verify` as a person would, for the script's tests. */
import { execFile } from "node:child_process";

/** What `npm run verify` answered: its exit code and what it printed. */
export interface VerifyRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run --silent verify -- ...args`; resolves with its exit code and output, never rejects. */
export function runVerify(...args: string[]): Promise<VerifyRun> {
  return new Promise((resolve) => {
    execFile("npm", ["run", "--silent", "verify", "--", ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}
