/**
 * A readable difference between two versions of a letter's text, word by
 * word, for the versions page: the `diff` package's diffWords (Myers'
 * algorithm over words and punctuation; whitespace is kept but never counted
 * as a change). Pure: no I/O.
 */
import { diffWords } from "diff";

/** A run of text that both versions share, or that the later one added or removed. */
export interface TextChange {
  kind: "same" | "added" | "removed";
  text: string;
}

/**
 * How long one difference may take (ms): Myers' algorithm is O(N·D) in the
 * words and the changes, and a page is drawn inside a Worker's CPU budget.
 * Past it, the whole text is shown as replaced, which is true if coarse.
 */
export const DIFF_TIMEOUT_MS = 250;

/**
 * The changes that turn `before` into `after`, in reading order, runs of
 * the same kind merged. Empty texts give no run.
 */
export function wordChanges(before: string, after: string, timeoutMs = DIFF_TIMEOUT_MS): TextChange[] {
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  const parts = diffWords(before, after, { timeout: timeoutMs }) ?? [
    { value: before, added: false, removed: true, count: 1 },
    { value: after, added: true, removed: false, count: 1 },
  ];
  const changes: TextChange[] = [];
  for (const part of parts) {
    if (!part.value) continue;
    const kind = part.added ? "added" : part.removed ? "removed" : "same";
    const last = changes.at(-1);
    if (last?.kind === kind) last.text += part.value;
    else changes.push({ kind, text: part.value });
  }
  return changes;
}
