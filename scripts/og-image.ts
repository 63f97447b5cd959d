/**
 * `npm run og-image`: draws the image link previews show for Undersigned's
 * pages (Open Graph, 1200 × 630) in Debian's Chromium from the HTML below,
 * and writes it to public/og-image.png, which Cloudflare serves as a static
 * asset (outside the Worker's bundle). Run it again after changing the
 * design; the output is committed.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../test/browser/chromium";

const CARD = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body { background: #fdfcf9; color: #1b1b1f; font-family: "DejaVu Sans", "Noto Sans", system-ui, sans-serif;
    display: flex; flex-direction: column; justify-content: space-between; box-sizing: border-box; padding: 72px 88px;
    border-top: 24px solid #0b5394; }
  .mark { display: flex; align-items: center; gap: 22px; font-size: 40px; font-weight: 700; letter-spacing: 0.5px; }
  .mark svg { width: 72px; height: 72px; }
  h1 { font-family: "DejaVu Serif", Georgia, serif; font-size: 76px; line-height: 1.12; margin: 0; max-width: 980px; }
  p { font-size: 34px; color: #4a4a55; margin: 0; }
  .signatures { display: flex; gap: 18px; align-items: center; }
  .signatures span { display: block; height: 10px; border-radius: 5px; background: #0b5394; opacity: 0.85; }
</style></head><body>
  <div class="mark"><svg viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5394"/><path d="M7 21c3-6 5-9 7-9s-1 8 1 8 3-6 5-6 0 5 2 5 2-2 3-3" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>Undersigned</div>
  <h1>We, the undersigned organizations…</h1>
  <div>
    <div class="signatures"><span style="width:180px"></span><span style="width:120px"></span><span style="width:240px"></span><span style="width:90px"></span><span style="width:150px"></span></div>
    <p style="margin-top:26px">Open letters and their signatories. Read, then add your name.</p>
  </div>
</body></html>`;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.setContent(CARD);
  const png = await page.screenshot({ type: "png" });
  const target = fileURLToPath(new URL("../public/og-image.png", import.meta.url));
  await writeFile(target, png);
  console.log(`Wrote ${target} (${png.byteLength} bytes).`);
} finally {
  await browser.close();
}
