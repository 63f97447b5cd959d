/**
 * The cache's storage rules on a minimal app, for answers the real routes
 * never give today (a Set-Cookie, an error status).
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { readSettings } from "../../src/env";
import { type AppEnv } from "../../src/http/app-env";
import { cachedPage } from "../../src/http/page-cache";

/** An app whose one page renders `answer`, and a count of its renders. */
function appAnswering(answer: { status: number; body: string; headers?: Record<string, string> }) {
  let renders = 0;
  const url = `https://rules-${crypto.randomUUID()}.test/page`;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("settings", readSettings(c.env));
    await next();
  });
  app.get("/page", (c) =>
    cachedPage(c, "static", () => {
      renders += 1;
      return Promise.resolve({ contentType: "text/plain", ...answer });
    }),
  );
  const get = async () => {
    const ctx = createExecutionContext();
    const response = await app.fetch(new Request(url), env, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
  return { get, url, renders: () => renders };
}

describe("what the edge cache stores", () => {
  it("stores an ordinary page (the control case)", async () => {
    const page = appAnswering({ status: 200, body: "hello" });
    await page.get();
    expect((await page.get()).headers.get("X-Cache")).toBe("HIT");
    expect(page.renders()).toBe(1);
  });

  it("never stores an answer that sets a cookie", async () => {
    const page = appAnswering({ status: 200, body: "hello", headers: { "Set-Cookie": "session=1" } });
    expect((await page.get()).headers.get("X-Cache")).toBe("MISS");
    expect((await page.get()).headers.get("X-Cache")).toBe("MISS");
    expect(page.renders()).toBe(2);
    expect(await caches.default.match(page.url)).toBeUndefined();
  });

  it("never stores an error answer", async () => {
    const page = appAnswering({ status: 404, body: "missing" });
    expect((await page.get()).status).toBe(404);
    expect((await page.get()).status).toBe(404);
    expect(page.renders()).toBe(2);
    expect(await caches.default.match(page.url)).toBeUndefined();
  });
});
