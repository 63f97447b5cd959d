/** The stylesheets, the icon, the embed's two optional scripts and the organizer area's: static, fingerprinted where they can be. */
import { pagePolicy } from "../http/security";
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { publicOrigin } from "../http/urls";
import { FRAME_SCRIPT, FRAME_SCRIPT_PATH, PARTNER_SCRIPT_PATH, partnerScript } from "../views/embed-scripts";
import { ADMIN_STYLESHEET, ADMIN_STYLESHEET_PATH } from "../views/admin/admin-styles";
import { EDITOR_SCRIPT, EDITOR_SCRIPT_PATH } from "../views/admin/editor-script";
import { IMPORT_SCRIPT, IMPORT_SCRIPT_PATH } from "../views/admin/import-script";
import { COPY_SCRIPT, COPY_SCRIPT_PATH } from "../views/admin/copy-script";
import { PASSKEY_SCRIPT, PASSKEY_SCRIPT_PATH } from "../views/admin/passkey-script";
import { DELIVERY_STYLESHEET, DELIVERY_STYLESHEET_PATH } from "../views/admin/delivery-styles";
import { FAVICON_SVG, STYLESHEET, STYLESHEET_PATH } from "../views/styles";

export const assets = new Hono<AppEnv>();

assets.get(STYLESHEET_PATH, (c) =>
  c.body(STYLESHEET, 200, {
    "Content-Type": "text/css; charset=utf-8",
    "Cache-Control": "public, max-age=31536000, immutable",
  }),
);

assets.get(ADMIN_STYLESHEET_PATH, (c) =>
  c.body(ADMIN_STYLESHEET, 200, {
    "Content-Type": "text/css; charset=utf-8",
    "Cache-Control": "public, max-age=31536000, immutable",
  }),
);

assets.get(DELIVERY_STYLESHEET_PATH, (c) =>
  c.body(DELIVERY_STYLESHEET, 200, {
    "Content-Type": "text/css; charset=utf-8",
    "Cache-Control": "public, max-age=31536000, immutable",
  }),
);

assets.get("/favicon.svg", (c) =>
  c.body(FAVICON_SVG, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" }),
);

const JAVASCRIPT = "text/javascript; charset=utf-8";

assets.get(FRAME_SCRIPT_PATH, (c) =>
  c.body(FRAME_SCRIPT, 200, { "Content-Type": JAVASCRIPT, "Cache-Control": "public, max-age=31536000, immutable" }),
);

assets.get(EDITOR_SCRIPT_PATH, (c) =>
  c.body(EDITOR_SCRIPT, 200, { "Content-Type": JAVASCRIPT, "Cache-Control": "public, max-age=31536000, immutable" }),
);

assets.get(PASSKEY_SCRIPT_PATH, (c) =>
  c.body(PASSKEY_SCRIPT, 200, { "Content-Type": JAVASCRIPT, "Cache-Control": "public, max-age=31536000, immutable" }),
);

assets.get(COPY_SCRIPT_PATH, (c) =>
  c.body(COPY_SCRIPT, 200, { "Content-Type": JAVASCRIPT, "Cache-Control": "public, max-age=31536000, immutable" }),
);

// Partners' pages load it from other origins: a stable address, cached for a day.
assets.get(IMPORT_SCRIPT_PATH, (c) =>
  c.body(IMPORT_SCRIPT, 200, { "Content-Type": JAVASCRIPT, "Cache-Control": "public, max-age=31536000, immutable" }),
);

assets.get(PARTNER_SCRIPT_PATH, pagePolicy("loadable-by-other-sites"), (c) => {
  return c.body(partnerScript(publicOrigin(c)), 200, {
    "Content-Type": JAVASCRIPT,
    "Cache-Control": "public, max-age=86400",
    "Access-Control-Allow-Origin": "*",
  });
});
