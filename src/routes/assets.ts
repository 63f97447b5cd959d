/** The stylesheet and the icon: static, fingerprinted where they can be, cached for a year. */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { FAVICON_SVG, STYLESHEET, STYLESHEET_PATH } from "../views/styles";

export const assets = new Hono<AppEnv>();

assets.get(STYLESHEET_PATH, (c) =>
  c.body(STYLESHEET, 200, {
    "Content-Type": "text/css; charset=utf-8",
    "Cache-Control": "public, max-age=31536000, immutable",
  }),
);

assets.get("/favicon.svg", (c) =>
  c.body(FAVICON_SVG, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" }),
);
