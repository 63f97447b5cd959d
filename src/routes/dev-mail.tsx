/**
 * GET /dev/mail: the local mailer's outbox, so a newcomer running `npm start`
 * can open the confirmation link. It exists only with MAILER=local and only
 * for requests to localhost; anywhere else it is a 404.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { notFound } from "../http/errors";
import { pageShell, type AppEnv } from "../http/app-env";
import { listLocalMail } from "../storage/local-mail";
import { DevMailPage } from "../views/dev-mail-page";
import { renderDocument } from "../views/layout";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Answers 404 for /dev/* unless MAILER=local on a localhost request. src/index.ts runs it before the 405
 * middleware, which would otherwise answer another method than GET with 405 and Allow, naming the path.
 */
export const devMailOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.env.MAILER?.trim().toLowerCase() !== "local" || !LOCAL_HOSTS.has(new URL(c.req.url).hostname)) {
    return notFound(c);
  }
  await next();
};

export const devMail = new Hono<AppEnv>();

devMail.get("/mail", devMailOnly, async (c) => {
  const body = await renderDocument(<DevMailPage messages={await listLocalMail(c.var.db)} />, pageShell(c));
  return c.body(body, 200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
});
