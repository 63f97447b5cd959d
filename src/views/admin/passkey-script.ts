/**
 * The passkeys' one script: the browser's half of the WebAuthn ceremonies,
 * which only a script can start (navigator.credentials). For each form
 * marked `data-passkey="create"` (adding one) or `data-passkey="get"`
 * (signing in with one) it shows the form (drawn `hidden`: without a script,
 * or in a browser without passkeys, the page's other ways stay, and a
 * <noscript> note says why), and on submit: asks the server for the options
 * (a form post to the form's `data-options` address, with its CSRF field if
 * it has one: the answer is PublicKeyCredential*OptionsJSON), asks the
 * browser, puts the browser's answer as JSON in the form's `credential`
 * field, and sends the form as any other (the server checks everything and
 * answers with a page; a form re-sent from the browser's history carries an
 * old answer, which the server refuses as used). What went wrong in the browser (cancelled, timed
 * out, no passkey) is said in the form's `[role=status]` box, in the words
 * the page gives it as JSON in `data-words` (the catalog's passkeys.script),
 * so that one script serves every language.
 *
 * The base64url handling is written out (not the browser's
 * parseCreationOptionsFromJSON / toJSON) so that it works in every browser
 * with WebAuthn Level 2.
 */
import { fingerprint } from "../styles";

export const PASSKEY_SCRIPT = `(() => {
  if (!window.PublicKeyCredential || !navigator.credentials) return;
  const bytes = (text) => {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  };
  const text = (buffer) => {
    if (!buffer) return undefined;
    let binary = "";
    for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  };
  const creation = (o) => ({
    ...o,
    challenge: bytes(o.challenge),
    user: { ...o.user, id: bytes(o.user.id) },
    excludeCredentials: (o.excludeCredentials || []).map((c) => ({ ...c, id: bytes(c.id) })),
  });
  const request = (o) => ({
    ...o,
    challenge: bytes(o.challenge),
    allowCredentials: (o.allowCredentials || []).map((c) => ({ ...c, id: bytes(c.id) })),
  });
  const answer = (credential) => {
    const r = credential.response;
    const response = { clientDataJSON: text(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = text(r.attestationObject);
      response.transports = typeof r.getTransports === "function" ? r.getTransports() : [];
    } else {
      response.authenticatorData = text(r.authenticatorData);
      response.signature = text(r.signature);
      const handle = text(r.userHandle);
      if (handle) response.userHandle = handle;
    }
    return JSON.stringify({
      id: credential.id,
      rawId: text(credential.rawId),
      type: credential.type,
      response,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
    });
  };
  for (const form of document.querySelectorAll("form[data-passkey]")) {
    const mode = form.dataset.passkey;
    const status = form.querySelector("[role=status]");
    const field = form.elements.namedItem("credential");
    // The page's words for what the script says, in the area's language (the form's data-words).
    const w = JSON.parse(form.dataset.words || "{}");
    const say = (words) => {
      if (status) status.textContent = words || "";
    };
    form.hidden = false;
    for (const note of document.querySelectorAll("[data-passkey-needs-script]")) note.hidden = true;
    let busy = false;
    form.addEventListener("submit", async (event) => {
      // A submit event comes from the person only: the form is sent below with submit(), which fires none.
      if (!field) return;
      event.preventDefault();
      if (busy) return;
      const name = form.elements.namedItem("name");
      if (name && name.value.trim() === "") {
        field.value = "";
        return HTMLFormElement.prototype.submit.call(form);
      }
      busy = true;
      say(mode === "create" ? w.creating : w.choosing);
      try {
        const body = new URLSearchParams();
        const csrf = form.elements.namedItem("csrf");
        if (csrf) body.set("csrf", csrf.value);
        const reply = await fetch(form.dataset.options, { method: "POST", body, credentials: "same-origin" });
        if (!reply.ok) {
          say(reply.status === 429 ? w.tooMany : w.serverFailed);
          return;
        }
        const options = await reply.json();
        const credential = mode === "create"
          ? await navigator.credentials.create({ publicKey: creation(options) })
          : await navigator.credentials.get({ publicKey: request(options) });
        if (!credential) {
          say(w.none);
          return;
        }
        field.value = answer(credential);
        say(mode === "create" ? w.saving : w.signingIn);
        HTMLFormElement.prototype.submit.call(form);
      } catch (error) {
        const name = error && error.name;
        say(name === "NotAllowedError"
          ? w.cancelled
          : name === "InvalidStateError"
            ? w.exists
            : name === "SecurityError"
              ? w.refused
              : w.failed);
      } finally {
        busy = false;
      }
    });
  }
})();
`;

export const PASSKEY_SCRIPT_PATH = `/assets/admin-passkeys.${fingerprint(PASSKEY_SCRIPT)}.js`;
