/** What the browser tests need to act as an organizer of the app `npm start` serves. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The token `npm start` keeps in .dev.vars (it writes one there when there is none) and the server it started reads. */
export function localAdminToken(): string {
  const devVars = readFileSync(fileURLToPath(new URL("../../.dev.vars", import.meta.url)), "utf8");
  const token = /^ADMIN_TOKEN\s*=\s*"?([^"\n]*)"?$/m.exec(devVars)?.[1];
  if (!token) throw new Error("No ADMIN_TOKEN in .dev.vars: npm start should have written one.");
  return token;
}
