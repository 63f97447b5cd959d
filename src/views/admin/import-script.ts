/**
 * The import's progress page's one script, optional: it presses "Continue"
 * for the organizer once the page has loaded, so that an import runs to its
 * end while the page is open (each press answers with the page again).
 * Without it, the button works, and the minute cron goes on by itself.
 */
import { fingerprint } from "../styles";

export const IMPORT_SCRIPT = `(() => {
  const form = document.getElementById("import-continue");
  if (!form || typeof form.requestSubmit !== "function") return;
  const note = document.getElementById("import-auto");
  if (note) note.hidden = false;
  setTimeout(() => form.requestSubmit(), 250);
})();
`;

export const IMPORT_SCRIPT_PATH = `/assets/admin-import.${fingerprint(IMPORT_SCRIPT)}.js`;
