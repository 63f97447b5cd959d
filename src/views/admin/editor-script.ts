/**
 * The editor's one script, optional: as the organizer types, it presses the
 * Preview button for them (after a pause), so the preview frame follows the
 * text; and while the address is empty or still the one the title made, it
 * fills the address from the title as it is typed (with the server's own
 * rule, domain/letter.ts slugFromTitle, whose source it carries). Everything
 * works without it: an address left empty is made from the title on saving.
 */
import { slugFromTitle } from "../../domain/letter";
import { fingerprint } from "../styles";

export const EDITOR_SCRIPT = `(() => {
  const form = document.getElementById("letter-form");
  const button = document.getElementById("preview-button");
  const title = document.getElementById("field-title");
  const slug = document.getElementById("field-slug");
  const slugOf = (${slugFromTitle.toString()});
  if (title && slug && !slug.readOnly) {
    let following = slug.value === "" || slug.value === slugOf(title.value);
    slug.addEventListener("input", () => {
      following = slug.value === "";
    });
    title.addEventListener("input", () => {
      if (following) slug.value = slugOf(title.value);
    });
  }
  if (!form || !button || typeof form.requestSubmit !== "function") return;
  let timer;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => form.requestSubmit(button), 400);
  });
})();
`;

export const EDITOR_SCRIPT_PATH = `/assets/admin-editor.${fingerprint(EDITOR_SCRIPT)}.js`;
