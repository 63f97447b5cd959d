/**
 * Refusals the organizer area words in the organizer's language: a refused
 * field of an organizer form (an issue) and a request the application
 * refuses (a problem) carry a code and its details, and the admin
 * catalog's `issues` and `problems` sections (domain/locales/admin/) give
 * the words. The English words go with them too, for whoever reads the
 * refusal without a catalog (the organizers' JSON API, logs, tests).
 * Pure: no I/O.
 */
import type { core } from "zod/mini";
import { refuse, type FormIssues } from "./form-fields";
import { en, type AdminMessages } from "./locales/admin/en";

type IssueWords = AdminMessages["issues"];
/** A refused field's code: a key of the catalogs' `issues`. */
export type IssueCode = keyof IssueWords;
/** What the words of an issue need (none for a fixed sentence). */
export type IssueArgs<K extends IssueCode> = IssueWords[K] extends (...args: infer A) => string ? A : [];
/** A refused field, as its schema says it: a code and what its words need. */
export interface OrganizerIssue<K extends IssueCode = IssueCode> {
  code: K;
  args: IssueArgs<K>;
}

type ProblemWords = AdminMessages["problems"];
/** A refusal's code: a key of the catalogs' `problems`. */
export type ProblemCode = keyof ProblemWords;
export type ProblemArgs<K extends ProblemCode> = ProblemWords[K] extends (...args: infer A) => Wording ? A : [];
/** A refused request, as the application says it (see app/problem.ts organizerProblem). */
export interface OrganizerRefusal<K extends ProblemCode = ProblemCode> {
  code: K;
  args: ProblemArgs<K>;
}

/** A problem's words: a short title and what happened, with what to do next. */
export interface Wording {
  title: string;
  message: string;
}

/** The sentence for `issue` in the catalog `t`. */
export function issueWords(t: AdminMessages, issue: OrganizerIssue): string {
  const words = t.issues[issue.code] as string | ((...args: unknown[]) => string);
  return typeof words === "function" ? words(...(issue.args as unknown[])) : words;
}

/** The title and message for `refusal` in the catalog `t`. */
export function problemWords(t: AdminMessages, refusal: OrganizerRefusal): Wording {
  const words = t.problems[refusal.code] as Wording | ((...args: unknown[]) => Wording);
  return typeof words === "function" ? words(...(refusal.args as unknown[])) : words;
}

/**
 * Refuses the organizer form's field being read with the issue `code`: its
 * English sentence is the issue's message, and the code with `args` is kept
 * on it (params.organizerIssue) for inOrganizerWords to word it again.
 */
export function refuseAs<K extends IssueCode>(ctx: core.ParsePayload, code: K, ...args: IssueArgs<K>): never {
  const issue = { code, args } as OrganizerIssue;
  return refuse(ctx, issueWords(en, issue), { organizerIssue: issue });
}

/** An issue to push on a schema's own (a check across fields): its English message and its code. */
export function issueAs<K extends IssueCode>(
  code: K,
  ...args: IssueArgs<K>
): { message: string; params: { organizerIssue: OrganizerIssue } } {
  const issue = { code, args } as OrganizerIssue;
  return { message: issueWords(en, issue), params: { organizerIssue: issue } };
}

/**
 * Words the issues of a refused organizer form in `t`, in place: each issue
 * a schema refused with a code (refuseAs, issueAs) gets its sentence in the
 * catalog's language; others keep theirs.
 */
export function inOrganizerWords(error: FormIssues, t: AdminMessages): void {
  for (const issue of error.issues) {
    const coded = issue.params?.organizerIssue as OrganizerIssue | undefined;
    if (coded) (issue as { message: string }).message = issueWords(t, coded);
  }
}
