/**
 * The second step of an organizer action that can't be taken back or that
 * changes what the public sees at once (deleting a draft, closing signing,
 * discarding an import…): what will happen, in words, a button that does it
 * and a way back. The form posts the same fields again to the same address
 * with CONFIRM_FIELD set; the action's route acts only then (see
 * http/organizer-area.tsx confirmFirst). Works without JavaScript.
 */
import type { Child } from "hono/jsx";
import { CONFIRM_FIELD, CONFIRM_VALUE, REVISE_VALUE } from "../../domain/organizer-forms";
import { AdminLayout, CsrfField } from "./admin-layout";
import { useAdminWords } from "./admin-words";

/** What a confirmation page says: the question, what will happen, the button's words and where "back" goes. */
export interface ConfirmPrompt {
  /** The question, as the page's heading: "Delete the draft “…”?". */
  question: string;
  /** What will happen, one sentence each. */
  consequences: readonly Child[];
  /** The button that acts: "Delete the draft". */
  confirm: string;
  /** Where "No, go back" leads (the page the action was pressed on). */
  back: string;
  /** The action can't be undone: the button is drawn as a danger. */
  danger?: boolean;
  /**
   * Instead of the "back" link, a button with these words that posts the
   * same fields with CONFIRM_FIELD=REVISE_VALUE: the route shows its form
   * again as typed (for a form whose typed fields must not be lost).
   */
  revise?: string;
}

export interface ConfirmPageProps extends ConfirmPrompt {
  csrf: string | null;
  /** The address the confirmed form posts to: the action's own. */
  action: string;
  /** The fields the first post carried (the CSRF token and CONFIRM_FIELD aside), posted again. */
  fields: readonly (readonly [string, string])[];
}

export function ConfirmPage({
  csrf,
  action,
  fields,
  question,
  consequences,
  confirm,
  back,
  danger,
  revise,
}: ConfirmPageProps) {
  const t = useAdminWords();
  return (
    <AdminLayout title={question} csrf={csrf}>
      {/* Focus starts on the question, as a screen reader should read it first (autofocus: no script needed). */}
      <h1 tabindex={-1} autofocus>
        {question}
      </h1>
      <ul class="consequences">
        {consequences.map((consequence) => (
          <li>{consequence}</li>
        ))}
      </ul>
      <form method="post" action={action} class="actions">
        <CsrfField token={csrf} />
        {fields.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
        <button type="submit" class={danger ? "button-danger" : undefined}>
          {confirm}
        </button>
        {!revise && <a href={back}>{t.confirm.back}</a>}
      </form>
      {revise && (
        <form method="post" action={action} class="actions">
          <CsrfField token={csrf} />
          {fields.map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name={CONFIRM_FIELD} value={REVISE_VALUE} />
          <button type="submit" class="button-secondary">
            {revise}
          </button>
        </form>
      )}
    </AdminLayout>
  );
}
