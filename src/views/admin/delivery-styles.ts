/**
 * The delivery document's own stylesheet, on top of the site's: a letter on
 * paper. Pages are numbered in the bottom margin (CSS page-margin boxes,
 * which Chromium prints since version 131), organizations run in two
 * columns, no entry is split across pages, headings stay with what follows,
 * and the on-screen bar never prints.
 */
import { fingerprint } from "../styles";

export const DELIVERY_STYLESHEET = `
body.delivery { color-scheme: light; --text: #000; --muted: #333; --background: #fff; --surface: #f4f4f1; --border: #bbb; --accent: #0b5394; }
body.delivery main { max-width: 44rem; }
.delivery-bar { max-width: 44rem; margin: 1rem auto 0; padding: 0.75rem 1rem; background: var(--surface); border: 1px solid var(--border); border-radius: 0.4rem; font-size: 0.9375rem; }
.delivery-bar p { margin: 0.25rem 0; }
.delivery .letter .meta { margin-bottom: 0; }
.delivery-signatories { font-family: Georgia, "Iowan Old Style", "Noto Serif", serif; }
.delivery-signatories h2 { margin-top: 2rem; }
.delivery .signatory-list li { border-bottom: 0; padding: 0.15rem 0; }
.delivery .signatory-list.organizations { columns: 2; column-gap: 2rem; }
.delivery-totals { margin-top: 1.5rem; }
@page { size: portrait; margin: 20mm 18mm 22mm; @bottom-center { content: counter(page) " / " counter(pages); font: 9pt Georgia, serif; color: #555; } }
@media print {
  .delivery-bar { display: none !important; }
  body.delivery { font-size: 11pt; }
  body.delivery main { max-width: none; padding: 0; }
  .delivery h1 { font-size: 18pt; }
  .delivery h2 { font-size: 14pt; margin-top: 18pt; }
  .delivery h3 { font-size: 12pt; }
  .delivery h1, .delivery h2, .delivery h3 { break-after: avoid; page-break-after: avoid; }
  .delivery .addressee, .delivery .signatory-list li, .delivery-totals { break-inside: avoid; page-break-inside: avoid; }
  .delivery .signatory-list.organizations { columns: 2; }
}
`;

export const DELIVERY_STYLESHEET_PATH = `/assets/delivery.${fingerprint(DELIVERY_STYLESHEET)}.css`;
