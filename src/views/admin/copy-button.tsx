/**
 * The "Copy" row beside a read-only field (a new API token, a draft's preview link): hidden until
 * its script (views/admin/copy-script.ts, the page's own-scripts grant) finds a browser that can
 * copy, then a button that copies the field's value and says so in a live region. Without the
 * script the field stays selectable as any text.
 */

export interface CopyButtonProps {
  /** The id of the read-only input whose value is copied (Field's `field-{name}`). */
  field: string;
  /** The id of the live region the outcome is said in; unique on the page. */
  status: string;
  /** The button's words, and what is said after copying and when copying failed. */
  label: string;
  copied: string;
  failed: string;
}

export function CopyButton({ field, status, label, copied, failed }: CopyButtonProps) {
  return (
    <p class="copy-row" hidden>
      <button
        type="button"
        class="button-secondary"
        data-copy={field}
        data-copied={copied}
        data-failed={failed}
        data-status={status}
      >
        {label}
      </button>{" "}
      <span id={status} class="copy-status" role="status"></span>
    </p>
  );
}
