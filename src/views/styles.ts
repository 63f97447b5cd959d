/**
 * The one stylesheet, served from a content-hashed path so browsers and the
 * edge may keep it for a year. Mobile first; a print section makes the
 * letter and its signatories print cleanly without the form.
 */

export const STYLESHEET = `
:root {
  --text: #1b1b1f; --muted: #4a4a55; --background: #fdfcf9; --surface: #ffffff; --border: #d5d3cc;
  --accent: #0b5394; --accent-text: #ffffff; --error: #b3261e; --success: #1e6b34; --focus: #ffbf47;
  --added: #d4efd9; --removed: #f9dcd9;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #ecebe6; --muted: #b9b8b2; --background: #15161a; --surface: #1e2025; --border: #4a4c52;
    --accent: #8cbdf2; --accent-text: #0d1b2a; --error: #ffb4ab; --success: #8fd6a0;
    --added: #1d4a2a; --removed: #5a2420;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--background); color: var(--text);
  font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  overflow-wrap: break-word;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.hp { position: absolute; left: -10000px; top: auto; width: 1px; height: 1px; overflow: hidden; }
.skip-link { position: absolute; left: -9999px; top: 0; background: var(--surface); padding: 0.5rem 1rem; z-index: 1; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; }
.site-header, main, .site-footer { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
.site-header { padding-top: 1rem; padding-bottom: 1rem; border-bottom: 1px solid var(--border); }
.site-name { font-weight: 700; font-size: 1.125rem; text-decoration: none; color: var(--text); }
main { padding-top: 1.5rem; padding-bottom: 2rem; }
main:focus { outline: none; }
.site-footer { padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.9375rem; }
.record-key code { overflow-wrap: anywhere; }
h1 { font-size: clamp(1.6rem, 5vw, 2.2rem); line-height: 1.2; margin: 0 0 0.75rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 2.5rem 0 0.75rem; }
h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.status { display: inline-block; font-size: 0.875rem; font-weight: 600; padding: 0.1rem 0.6rem; border-radius: 1rem; border: 1px solid currentColor; }
.status-open { color: var(--success); }
.status-closed { color: var(--muted); }
.call-to-action { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: center; margin: 1rem 0 2rem; }
.button, button {
  display: inline-block; font: inherit; font-weight: 600; background: var(--accent); color: var(--accent-text);
  border: 2px solid transparent; border-radius: 0.4rem; padding: 0.6rem 1.2rem; text-decoration: none; cursor: pointer;
}
/* A button that takes something back (withdrawing a signature): outlined in the error colour, never the confirm button's fill. */
.button-danger, button.button-danger { background: var(--surface); color: var(--error); border-color: var(--error); }
.letter { font-family: Georgia, "Iowan Old Style", "Noto Serif", serif; font-size: 1.125rem; }
.letter .meta, .letter .call-to-action { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; font-size: 1.0625rem; }
legend { padding: 0; }
.addressee { margin: 1.5rem 0; }
.letter-body p { margin: 0 0 1rem; }
.counts { font-size: 1.125rem; }
.counts strong { font-size: 1.5rem; }
.versions { list-style: none; padding: 0; margin: 0; }
.version { border-top: 1px solid var(--border); padding-top: 0.5rem; }
.version-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 1rem; color: var(--muted); }
.version-facts dd, .version-fields dd { margin: 0; }
.version-fields dt { font-weight: 600; margin-top: 0.75rem; }
.digest { word-break: break-all; font-size: 0.875rem; }
.version-text { white-space: pre-wrap; }
ins { background: var(--added); color: var(--text); text-decoration: underline; }
del { background: var(--removed); color: var(--text); text-decoration: line-through; }
.signatory-list { list-style: none; padding: 0; margin: 0; }
.signatory-list li { padding: 0.3rem 0; border-bottom: 1px solid var(--border); break-inside: avoid; }
.signatory-name { font-weight: 600; }
.signatory-details { color: var(--muted); }
.verified { color: var(--success); font-weight: 700; cursor: help; }
.verified-explanation { margin: 0 0 1rem; }
.verified-explanation summary { cursor: pointer; }
@media (min-width: 40rem) { .signatory-list.organizations { columns: 2 16rem; column-gap: 2rem; } }
.pagination { margin: 1.5rem 0; }
.letter-list { list-style: none; padding: 0; }
.letter-list li { padding: 1rem 0; border-bottom: 1px solid var(--border); }
.letter-list h2 { margin: 0 0 0.25rem; font-size: 1.25rem; }
.sign { background: var(--surface); border: 1px solid var(--border); border-radius: 0.5rem; padding: 0.25rem 1.25rem 1.25rem; margin-top: 2.5rem; }
.field { margin: 0 0 1.25rem; }
.field label, .field legend { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.hint { display: block; color: var(--muted); font-size: 0.9375rem; margin-bottom: 0.35rem; }
/* The controls' look has one class's weight (:where adds none), so that .field-invalid below outranks it for every type. */
.field :where(input[type="text"], input[type="email"], input[type="url"], input[type="search"], input[type="tel"], input[type="number"], input[type="password"], input[type="date"], input[type="datetime-local"], select, textarea) {
  display: block; width: 100%; max-width: 32rem; font: inherit; padding: 0.5rem; color: var(--text);
  background: var(--background); border: 2px solid var(--muted); border-radius: 0.3rem;
}
fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; min-width: 0; }
.field-group { border: 1px solid var(--border); border-radius: 0.4rem; padding: 0.75rem 1rem 0; }
.field-group > legend { font-weight: 700; font-size: 1.0625rem; padding: 0 0.35rem; }
.choice { display: flex; gap: 0.5rem; align-items: flex-start; margin: 0.35rem 0; }
.choice input { width: 1.25rem; height: 1.25rem; margin: 0.2rem 0 0; flex: none; }
.choice label { font-weight: 400; margin: 0; }
.field-error { display: block; color: var(--error); font-weight: 600; margin-bottom: 0.35rem; }
.field-invalid :is(input, select, textarea) { border-color: var(--error); }
.error-summary { border: 3px solid var(--error); padding: 0.75rem 1rem; margin: 1rem 0 1.5rem; border-radius: 0.4rem; }
.error-summary h3 { margin-top: 0; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: var(--error); font-weight: 600; }
.notice { border-left: 4px solid var(--accent); padding: 0.5rem 1rem; background: var(--surface); }
.privacy { color: var(--muted); font-size: 0.9375rem; }
.receipt { font-size: 1.125rem; }
.mail-body { white-space: pre-wrap; font-family: inherit; margin: 0; }
.share { margin-top: 2rem; }
.share-links { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.language-switcher ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.language-switcher a[aria-current="page"] { font-weight: 700; text-decoration: none; }
.share details { border-top: 1px solid var(--border); padding-top: 1rem; margin-top: 1rem; }
.share summary { cursor: pointer; }
.share summary h2 { display: inline; font-size: 1.125rem; }
.share-address { margin: 0 0 1rem; }
.share-address input { display: block; box-sizing: border-box; width: 100%; font: 0.9375rem/1.4 ui-monospace, monospace; padding: 0.5rem; color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: 0.3rem; }
.share textarea { display: block; width: 100%; font: 0.875rem/1.4 ui-monospace, monospace; padding: 0.5rem; color: var(--text); background: var(--surface); border: 1px solid var(--border); }
body.embed main { max-width: none; padding: 0.75rem 1rem 1rem; }
.embed-title { font-size: 1.35rem; margin-bottom: 0.5rem; }
.embed-title a { color: var(--text); }
.embed-subtitle { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
.embed-signatories { margin: 0; padding-left: 1.25rem; }
.embed-credit { margin-top: 1.5rem; }
.embed-addressee { margin: 0 0 0.5rem; }
body.embed .call-to-action { margin: 0.5rem 0; }
body.embed .counts { margin: 0 0 0.5rem; }
.embed-sign { margin: 1rem 0; }
.embed-back { margin: 0 0 0.5rem; }
body.embed h2 { margin-top: 1.25rem; }
.embed-share { margin-top: 1.5rem; }
.hash { font-family: ui-monospace, monospace; font-size: 0.9375rem; overflow-wrap: anywhere; }
.record-entry dt { font-weight: 600; }
.record-entry dd { margin: 0 0 0.75rem; }
.command { background: var(--surface); border: 1px solid var(--border); padding: 0.5rem 0.75rem; font: 0.9375rem/1.5 ui-monospace, monospace; overflow-wrap: anywhere; }
@media print {
  :root { --text: #000; --muted: #333; --background: #fff; --border: #bbb; }
  body { font-size: 11pt; background: #fff; }
  .site-header, .site-footer, .skip-link, .sign, .share, .call-to-action, .pagination, .no-print { display: none !important; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; }
  .letter-body p { orphans: 3; widows: 3; }
  .signatory-list.organizations { columns: 2; }
}
`;

/** FNV-1a: a stable fingerprint of the stylesheet for its URL, no crypto needed. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

export const STYLESHEET_PATH = `/assets/site.${fingerprint(STYLESHEET)}.css`;

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5394"/>' +
  '<path d="M7 20c3-6 5-6 6-2s3 4 5-1 4-5 7 1" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>';
