/**
 * @module
 * The guard every request passes before routing: an address with a path
 * segment that can't name anything here (domain/paths.ts isReadablePath:
 * invalid UTF-8, control characters, encoded slashes, over 256 bytes) is
 * answered 404, in the client's format and language, before a route reads
 * it as a parameter and builds a redirect, a header or a query from it.
 */
import type { MiddlewareHandler } from "hono";
import { isReadablePath } from "../domain/paths";
import type { AppEnv } from "./app-env";
import { notFound } from "./errors";
import { requestUrl } from "./urls";

/** Answers 404 ("There is no page at this address") for an unreadable path; otherwise goes on. */
export function readablePaths(): MiddlewareHandler<AppEnv> {
  return async function readablePath(c, next) {
    if (!isReadablePath(requestUrl(c).pathname)) return notFound(c);
    await next();
  };
}
