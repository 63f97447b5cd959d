/**
 * The organizer area's own stylesheet, on top of the site's: wider pages,
 * tables, the editor beside its preview. Public pages never load it.
 */
import { fingerprint } from "../styles";

export const ADMIN_STYLESHEET = `
body.admin .site-header, body.admin main, body.admin .site-footer { max-width: 76rem; }
.admin-header, .admin-menu-items { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
/* The navigation, language and logout sit in a <details> "Menu" (views/admin/admin-layout.tsx): open at
   desktop width where the browser can show a closed <details>' content (::details-content; elsewhere its
   button stays, and works), behind its button on a phone, so that the header there is one row. */
.admin-menu { flex: 1 1 0; min-width: 0; }
.admin-menu > summary {
  display: flex; align-items: center; width: max-content; min-height: 2.75rem; padding: 0 0.75rem; list-style: none;
  font-weight: 600; color: var(--accent); border: 2px solid var(--accent); border-radius: 0.4rem; cursor: pointer;
}
.admin-menu > summary::-webkit-details-marker { display: none; }
.admin-menu > summary::after { content: "\\25BE" / ""; margin-left: 0.4rem; }
.admin-menu[open] > summary::after { content: "\\25B4" / ""; }
.admin-menu > summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
@media (width > 40rem) {
  @supports selector(::details-content) {
    .admin-menu > summary { display: none; }
    .admin-menu::details-content { content-visibility: visible; }
  }
}
@media (max-width: 40rem) {
  .admin-header { position: relative; row-gap: 0; padding-top: 0.5rem; padding-bottom: 0.5rem; }
  .admin-header .site-name { display: flex; align-items: center; min-height: 2.75rem; padding-right: 6.5rem; font-size: 1rem; }
  .admin-menu { flex-basis: 100%; }
  .admin-menu > summary { position: absolute; top: 0.5rem; right: 1rem; }
  .admin-menu-items { flex-direction: column; align-items: stretch; gap: 0.25rem; padding: 0.5rem 0 0.25rem; }
  .admin-menu-items nav ul { flex-direction: column; gap: 0; }
  .admin-menu-items nav a { display: flex; align-items: center; min-height: 2.75rem; }
  .admin-menu-items .signed-in, .admin-menu-items form { margin: 0; }
  .admin-menu-items .language-switcher { gap: 0 1rem; align-items: center; }
  .admin-menu-items .link-button { min-height: 2.75rem; }
}
.admin-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
.admin-header form { margin-left: auto; }
.admin-header .signed-in { margin: 0 0 0 auto; font-size: 0.9375rem; }
.admin-header .signed-in + form { margin-left: 0; }
.admin-header .language-switcher { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: baseline; font-size: 0.9em; }
.admin-header .language-switcher + form { margin-left: 0; }
.link-button { background: none; color: var(--accent); border: 0; padding: 0; font-weight: 400; text-decoration: underline; }
.button-secondary { background: var(--surface); color: var(--accent); border-color: var(--accent); }
.button-danger { background: var(--error); color: var(--accent-text); }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 1rem 0; }
/* position: a visually hidden label inside a cell is placed (and clipped) within the table, not beside the page. */
.table-wrap { overflow-x: auto; margin: 1rem 0; position: relative; }
/* A word in a cell or a button never breaks in the middle at desktop width ("Propietar|io"): a column is as wide as its
   longest word, and the table scrolls in its wrapper if it must; long tokens (emails, addresses) break where they say. */
td { overflow-wrap: break-word; }
/* An email address breaks only at its <wbr> (after "@", before a dot): see views/admin/email-address.tsx. */
.email { overflow-wrap: break-word; }
.email-part { white-space: nowrap; }
select, input, textarea { max-width: 100%; }
/* In the editors, a select or a title as wide as their column (the site's forms stop at 32rem): the longest choice shows
   whole ("Confirmación por correo"), a title as much as it can. */
.editor .field select, .editor .field input[type="text"] { max-width: 100%; }
.activity { list-style: none; margin: 1rem 0; padding: 0; }
.activity-entry { border-bottom: 1px solid var(--border); padding: 0.5rem 0; overflow-wrap: anywhere; }
.activity-entry p, .activity-changes { margin: 0.2rem 0; }
.activity-changes { padding-left: 1.25rem; }
.button-link { display: inline-block; margin: 0 0.25rem 0.25rem 0; padding: 0.25rem 0.6rem; font-size: 0.875rem; border: 2px solid var(--accent); border-radius: 0.3rem; }
.consequences li { margin: 0.25rem 0; }
.webhook-answer { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 20rem; overflow: auto; }
/* On a phone, a list (signatures, letters) is a stack of cards: each row's cells one under the other, labelled. */
@media (max-width: 40rem) {
  .stacked-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .stacked-table, .stacked-table tbody, .stacked-table tr, .stacked-table td { display: block; width: auto; }
  .stacked-table tr { border: 1px solid var(--border); border-radius: 0.4rem; margin: 0 0 0.75rem; padding: 0.35rem 0; }
  .stacked-table td { border: 0; padding: 0.2rem 0.75rem; overflow-wrap: anywhere; }
  .stacked-table td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  .stacked-table td.number { text-align: left; }
  .stacked-table td.row-select { float: right; }
  .stacked-table td.row-select input { width: 1.5rem; height: 1.5rem; }
  .stacked-table td.row-actions::before { display: block; }
  .stacked-table button, .stacked-table .button-link { padding: 0.45rem 0.75rem; margin: 0.2rem 0.35rem 0.2rem 0; min-height: 2.75rem; }
}
table { border-collapse: collapse; width: 100%; font-size: 0.9375rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--border); }
th { font-weight: 600; white-space: nowrap; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; font-size: 0.8125rem; font-weight: 600; padding: 0 0.5rem; border-radius: 1rem; border: 1px solid currentColor; white-space: nowrap; }
.badge-draft { color: var(--muted); }
.badge-open, .badge-confirmed { color: var(--success); }
.badge-closed, .badge-hidden, .badge-withdrawn, .badge-unconfirmed { color: var(--muted); }
.badge-delivered { color: var(--accent); }
.badge-in_review, .badge-flag { color: var(--error); }
.badge-rejected { color: var(--error); }
.badge-verified { color: var(--success); white-space: normal; }
.badge-unverified { color: var(--muted); }
.badge-valid { color: var(--success); }
.badge-refused { color: var(--error); }
.badge-duplicate { color: var(--muted); }
.sample { display: block; max-width: 20rem; overflow-wrap: anywhere; }
.sample + .sample { border-top: 1px dotted var(--muted); }
.import-counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; list-style: none; padding: 0; }
.table-wrap select { max-width: 100%; }
.filters { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: flex-end; margin: 1rem 0; }
.filters .field { margin: 0; }
.filters .field input[type="search"] { width: 18rem; max-width: 100%; }
/* One class's weight (:where adds none), so that the site's .field-invalid outranks it. */
.field :where(textarea, input[type="date"], input[type="datetime-local"], input[type="password"], input[type="search"], input[type="url"], input[type="number"]) {
  display: block; width: 100%; font: inherit; padding: 0.5rem; color: var(--text);
  background: var(--background); border: 2px solid var(--muted); border-radius: 0.3rem;
}
.field textarea { font: 0.9375rem/1.5 ui-monospace, "SFMono-Regular", Menlo, monospace; min-height: 10rem; }
.field input[type="password"] { max-width: 32rem; }
.editor { display: grid; gap: 1.5rem; }
@media (min-width: 64rem) { .editor { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; } .editor .preview { position: sticky; top: 1rem; } }
/* A translation: the original above the fields on a narrow screen, beside them (over the preview) on a wide one. */
.translation-editor .original { border: 1px solid var(--border); border-radius: 0.4rem; padding: 0.5rem 0.75rem; }
.translation-editor .original > summary { font-weight: 600; cursor: pointer; }
.translation-editor .original-text { max-height: 16rem; overflow: auto; }
.translation-editor .original-text .mail-body + .mail-body { margin-top: 1rem; }
@media (min-width: 64rem) {
  .translation-editor { grid-template-areas: "form original" "form preview"; }
  .translation-editor > form { grid-area: form; }
  .translation-editor > .original { grid-area: original; }
  .translation-editor > .preview { grid-area: preview; }
  .translation-editor .original-text { max-height: 24rem; }
}
.preview iframe { width: 100%; height: 80vh; border: 1px solid var(--border); border-radius: 0.4rem; background: #fff; }
.flash { border-left: 4px solid var(--success); padding: 0.5rem 1rem; background: var(--surface); margin: 1rem 0; }
.danger-zone { border: 1px solid var(--error); border-radius: 0.5rem; padding: 0.25rem 1rem 1rem; margin-top: 2rem; }
.history li { margin: 0.25rem 0; }
.inline-form { display: inline; }
.position-input { width: 6rem; font: inherit; padding: 0.3rem; }
td button { margin: 0 0.25rem 0.25rem 0; padding: 0.25rem 0.6rem; font-size: 0.875rem; }
/* A choice in a row (a person's role): a control like the forms' own, at least 44 px tall (WCAG 2.5.5), its button beside it as tall. */
td select {
  font: inherit; font-size: 0.9375rem; min-height: 2.75rem; padding: 0.35rem 0.5rem; color: var(--text);
  background: var(--background); border: 2px solid var(--muted); border-radius: 0.3rem;
}
.row-choice { display: inline-flex; flex-wrap: wrap; gap: 0.35rem 0.5rem; align-items: stretch; max-width: 100%; }
.row-choice button { margin: 0; }
.copy-status { font-weight: 600; }
/* A signature entered by hand: the group of fields of who did not sign is hidden once the choice is made, unless a
   problem in it is to be fixed (views/admin/signatures-page.tsx); without :has(), both groups show under their legends. */
.manual-entry:has(#field-kind-individual:checked) .kind-fields-organization:not(.kind-fields-invalid),
.manual-entry:has(#field-kind:checked) .kind-fields-individual:not(.kind-fields-invalid) { display: none; }
.kind-fields > legend { font-weight: 600; }
`;

export const ADMIN_STYLESHEET_PATH = `/assets/admin.${fingerprint(ADMIN_STYLESHEET)}.css`;
