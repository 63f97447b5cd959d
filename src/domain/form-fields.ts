/**
 * What form and query schemas are made of (zod/mini): a field read as text
 * by a rule that returns its value or refuses it with the message shown
 * beside it (or answered), and, for a refused form, one message per field
 * and the values to fill the form with again. The sign form, the organizer
 * area and the public routes' queries (domain/public-query.ts) are built
 * from these. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { NEVER, object, optional, pipe, transform, unknown, type core } from "zod/mini";

/**
 * A field's value as text: the first of a repeated field; a file, or a
 * field that is absent, counts as empty (as FormData#get and a form's
 * unticked checkbox would have it).
 */
export function textOf(raw: unknown): string {
  const first = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof first === "string" ? first : "";
}

/**
 * Refuses the field being read: `message` is what the form shows beside it
 * (or the answer's message); `params`, kept on the issue, say more to whoever
 * words or answers it (the sign form's issue code, a query's QueryRefusal).
 */
export function refuse(ctx: core.ParsePayload, message: string, params?: Record<string, unknown>): never {
  ctx.issues.push({ code: "custom", message, input: ctx.value, ...(params ? { params } : {}) });
  return NEVER;
}

/**
 * A query parameter, read by `rule` as text, or as undefined when it is
 * absent. A repeated parameter is read as its first value (as Hono's
 * `c.req.query(name)` and the edge cache's key read it), unless `repeated`
 * is given: then it refuses it (see refuse).
 */
export function queryParam<T>(
  rule: (text: string | undefined, ctx: core.ParsePayload) => T,
  repeated?: (ctx: core.ParsePayload) => never,
) {
  return pipe(
    optional(unknown()),
    transform((raw, ctx): T => {
      if (Array.isArray(raw) && repeated) return repeated(ctx);
      const first: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
      return rule(typeof first === "string" ? first : undefined, ctx);
    }),
  );
}

/**
 * A form or query field, read as text (see textOf) by `rule`, which returns
 * the field's value or refuses it (see refuse). Absent fields are read too,
 * as "", so that each rule says whether its field may be empty.
 */
export function field<T>(rule: (text: string, ctx: core.ParsePayload) => T) {
  return queryParam((text, ctx) => rule(text ?? "", ctx));
}

/**
 * A field that must come once and as text, read by `rule`: sent more than
 * once, or as a file, it is refused with a message naming it by `label`
 * (issue codes "repeated" and "not-text", see domain/signature.ts
 * SignFormIssue). Absent fields must be given as "" first (the sign form's
 * withEveryField), so that each rule says whether its field may be empty.
 */
export function singleText<T>(label: string, rule: (text: string, ctx: core.ParsePayload) => T) {
  return pipe(
    unknown(),
    transform((value, ctx): T => {
      if (Array.isArray(value))
        return refuse(ctx, `${label} was sent more than once. Please send it once.`, { issue: { code: "repeated" } });
      if (typeof value !== "string")
        return refuse(ctx, `${label} must be text, not a file.`, { issue: { code: "not-text" } });
      return rule(value, ctx);
    }),
  );
}

/** The issues of a refused form, as zod gives them. */
export interface FormIssues {
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string; params?: Record<string, unknown> }>;
}

/** One message per field of `fields`, the first found for each. */
export function fieldErrors<F extends string>(error: FormIssues, fields: readonly F[]): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const name = issue.path[0];
    if (typeof name === "string" && (fields as readonly string[]).includes(name)) errors[name as F] ??= issue.message;
  }
  return errors;
}

/** Every message, in the order found (for a page that lists them rather than showing each beside its field). */
export function problemsOf(error: FormIssues): string[] {
  return error.issues.map((issue) => issue.message);
}

/** The submitted values of `fields` as plain text (see textOf), to fill the form with again. */
export function formValues<F extends string>(data: unknown, fields: readonly F[]): Partial<Record<F, string>> {
  const values: Partial<Record<F, string>> = {};
  if (typeof data !== "object" || data === null) return values;
  for (const name of fields) {
    if (!Object.hasOwn(data, name)) continue;
    const raw = (data as Record<string, unknown>)[name];
    if (typeof raw === "string" || Array.isArray(raw)) values[name] = textOf(raw);
  }
  return values;
}

/**
 * What `schema` makes of `data` once the fields `error` refused are left
 * out: a page shown with its problems still applies the rest (a filter with
 * one bad field still filters by the others). Null when even that fails.
 */
export function withoutRefused<T>(
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } },
  data: unknown,
  error: FormIssues,
): T | null {
  const refused = new Set(error.issues.map((issue) => issue.path[0]));
  const rest = Object.fromEntries(
    Object.entries(typeof data === "object" && data !== null ? data : {}).filter(([name]) => !refused.has(name)),
  );
  const result = schema.safeParse(rest);
  return result.success ? result.data : null;
}

/**
 * A page's `?done=`, which says what was just done there (the 303 after a
 * change leads back to it): one of `keys`, or nothing; anything else is
 * ignored, as a link may be old.
 */
export function doneField<K extends string>(keys: readonly K[]) {
  return field((text): K | null => ((keys as readonly string[]).includes(text) ? (text as K) : null));
}

/** The query of a page that says what was just done there (see doneField). */
export function doneQuery<K extends string>(keys: readonly K[]) {
  return object({ done: doneField(keys) });
}
