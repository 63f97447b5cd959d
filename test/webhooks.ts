/**
 * What the tests of a letter's webhook through the organizers' API share (test/routes/webhook-api.test.ts,
 * test/routes/attack16-hooks.test.ts): a call with the owner's bearer token, and the webhook's PUT.
 */
import { ADMIN_TOKEN, fetchApp } from "./helpers";

/** A request to the organizers' API with the owner's bearer token (ADMIN_TOKEN). */
export function api(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${ADMIN_TOKEN}`);
  return fetchApp(path, {}, { ...init, headers });
}

/** PUT /admin/api/letters/{slug}/webhook with `body` as JSON (a string is sent as it is, for bodies that are not). */
export function put(slug: string, body: unknown): Promise<Response> {
  return api(`/admin/api/letters/${slug}/webhook`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** The webhook as the API answers it. */
export interface WebhookJson {
  url: string | null;
  include_email: boolean;
  secret: string | null;
}
