/**
 * Cloudflare Turnstile, when TURNSTILE_SECRET_KEY is set: the form carries
 * the widget's token, and the server checks it with siteverify before
 * anything is stored. Verification fails closed: an error counts as a failure.
 * Siteverify itself refuses a token it has seen before (single use).
 * https://developers.cloudflare.com/turnstile/get-started/server-side-validation/
 */
export const SITEVERIFY_URL = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

export type TurnstileVerdict = { ok: true } | { ok: false; reason: "failed" | "unavailable"; codes: string[] };

export async function verifyTurnstile(
  secret: string,
  token: unknown,
  remoteIp: string | undefined,
): Promise<TurnstileVerdict> {
  if (typeof token !== "string" || token === "" || token.length > 2048) {
    return { ok: false, reason: "failed", codes: ["missing-input-response"] };
  }
  const body = new FormData();
  body.set("secret", secret);
  body.set("response", token);
  if (remoteIp) body.set("remoteip", remoteIp);
  try {
    const response = await fetch(SITEVERIFY_URL, { method: "POST", body, signal: AbortSignal.timeout(5_000) });
    if (!response.ok) return { ok: false, reason: "unavailable", codes: [`http-${response.status}`] };
    const outcome = await response.json<{ success?: boolean; "error-codes"?: string[] }>();
    return outcome.success === true
      ? { ok: true }
      : { ok: false, reason: "failed", codes: outcome["error-codes"] ?? [] };
  } catch (error) {
    return { ok: false, reason: "unavailable", codes: [String(error)] };
  }
}
