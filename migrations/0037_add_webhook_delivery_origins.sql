-- The public origin a webhook delivery's letter.url is made at, kept when the delivery is queued
-- (as delivery_notices.origin is): the origin of the request that counted the signature (or of the
-- import, or of the queued signature's request). The minute cron has no request of its own, so
-- without PUBLIC_URL (`npm start`) its deliveries took letter.url null. PUBLIC_URL, when set, still
-- wins when the body is made (src/jobs/webhooks.ts). NULL: queued before this column, or with no
-- origin known; letter.url is then null unless PUBLIC_URL is set.
ALTER TABLE webhook_deliveries ADD COLUMN origin TEXT;
