/**
 * Undersigned: open letters and their sign-ons, on Cloudflare Workers.
 * The app's middleware, in order, and its routes. Everything else lives in
 * routes/ (HTTP), domain/ (rules), storage/ (SQL), views/ (markup) and
 * http/ (cross-cutting HTTP).
 */
import { Hono } from "hono";
import { trimTrailingSlash } from "hono/trailing-slash";
import { readSettings, type AppEnv, type Bindings, type Settings } from "./env";
import { notFound, onError } from "./http/errors";
import { securityHeaders } from "./http/security";
import { resilientDatabase } from "./storage/database";
import { assets } from "./routes/assets";
import { letters } from "./routes/letters";
import { signatures } from "./routes/signatures";

const settingsByEnv = new WeakMap<Bindings, Settings>();

export const app = new Hono<AppEnv>();

app.use(securityHeaders());
app.use(async function settings(c, next) {
  let settings = settingsByEnv.get(c.env);
  if (!settings) {
    settings = readSettings(c.env);
    settingsByEnv.set(c.env, settings);
  }
  c.set("settings", settings);
  c.set("db", resilientDatabase(c.env.DB, { timeoutMs: settings.d1TimeoutMs }));
  await next();
});
app.use(trimTrailingSlash());

app.route("/", assets);
app.route("/", letters);
app.route("/", signatures);

app.notFound(notFound);
app.onError(onError);

export default app;
