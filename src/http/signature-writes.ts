import type { Context } from "hono";
import type { Settings } from "../env";
import type { AppEnv } from "./app-env";

/** How this signature is written: SIGNATURE_WRITES, or under `npm run bench` the X-Bench-Signature-Writes header (to measure both in one run). */
export function signatureWrites<E extends AppEnv>(c: Context<E>): "direct" | "queue" {
  const settings = c.get("settings") as Settings;
  const asked = settings.bench ? c.req.header("X-Bench-Signature-Writes") : undefined;
  if ((asked === "queue" && c.env.SIGN_QUEUE) || asked === "direct") return asked;
  return settings.signatureWrites;
}
