/**
 * The editor's one script, optional: as the organizer types, it presses the
 * Preview button for them (after a pause), so the preview frame follows the
 * text. Everything works without it.
 */
import { fingerprint } from "../styles";

export const EDITOR_SCRIPT = `(() => {
  const form = document.getElementById("letter-form");
  const button = document.getElementById("preview-button");
  if (!form || !button || typeof form.requestSubmit !== "function") return;
  let timer;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => form.requestSubmit(button), 400);
  });
})();
`;

export const EDITOR_SCRIPT_PATH = `/assets/admin-editor.${fingerprint(EDITOR_SCRIPT)}.js`;
