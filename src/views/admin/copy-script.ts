/**
 * The new API token's one script, optional: it shows a "Copy the token" button beside the token,
 * which copies it with the Async Clipboard API (navigator.clipboard.writeText: a secure context and
 * a click, https://w3c.github.io/clipboard-apis/#dom-clipboard-writetext) and says "Copied" in a
 * live region (role="status"); when copying fails it selects the token for the keyboard's copy and
 * says so. Its words come from the page (data-copied, data-failed: the organizer's language).
 * Without it, the token is in a labelled, read-only input, selectable as any text.
 */
import { fingerprint } from "../styles";

export const COPY_SCRIPT = `(() => {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    const status = document.getElementById(button.dataset.status || "");
    const row = button.parentElement;
    if (!field || !status || !row || !navigator.clipboard || !window.isSecureContext) continue;
    const say = (text) => {
      status.textContent = "";
      // Emptied first and set a moment later: a second "Copied" is announced again.
      setTimeout(() => { status.textContent = text; }, 50);
    };
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(field.value).then(
        () => say(button.dataset.copied || ""),
        () => {
          field.focus();
          field.select();
          say(button.dataset.failed || "");
        },
      );
    });
    row.hidden = false;
  }
})();
`;

export const COPY_SCRIPT_PATH = `/assets/admin-copy.${fingerprint(COPY_SCRIPT)}.js`;
