/**
 * What the import tests share: uploading a file or pasted rows, posting an organizer form of an
 * import, its mapping and its run as the pages send them, and reading an import's id from a redirect
 * and its row (test/routes/admin-imports.test.ts, attack14-import.test.ts, attack14b-import.test.ts).
 */
import { env } from "cloudflare:workers";
import { adminMessagesFor } from "../src/domain/i18n";
import { ImportRefused, readFileProblem, readRowProblems } from "../src/domain/signature-import";
import { expect } from "vitest";
import {
  fetchApp,
  formBody,
  formFieldsOf,
  organizerFetch,
  ORIGIN,
  parseHtml,
  SAME_ORIGIN_FORM,
  type OrganizerSession,
} from "./helpers";

/** Uploads `file` (or pastes `paste`) into `slug`'s imports; returns the answer. */
export function upload(
  session: OrganizerSession,
  slug: string,
  content: { file?: File; paste?: string },
  envOverrides?: Partial<Cloudflare.Env>,
) {
  const form = new FormData();
  form.set("csrf", session.csrf);
  if (content.file) form.set("file", content.file);
  else form.set("file", new File([], ""));
  form.set("paste", content.paste ?? "");
  // The browser's multipart Content-Type (with its boundary) comes from the body.
  const init: RequestInit = {
    method: "POST",
    headers: { Origin: ORIGIN, "Sec-Fetch-Site": "same-origin", Cookie: session.cookie },
    body: form,
    redirect: "manual",
  };
  return envOverrides
    ? fetchApp(`/admin/imports/${slug}`, envOverrides, init)
    : organizerFetch(session, `/admin/imports/${slug}`, init);
}

/** Posts an organizer form (urlencoded) with the session, through fetchApp when `envOverrides` are given. */
export function post(
  session: OrganizerSession,
  path: string,
  fields: Record<string, string | string[]>,
  envOverrides?: Partial<Cloudflare.Env>,
) {
  const init: RequestInit = {
    method: "POST",
    headers: { ...SAME_ORIGIN_FORM, Cookie: session.cookie },
    body: formBody({ csrf: session.csrf, ...fields }),
    redirect: "manual",
  };
  return envOverrides ? fetchApp(path, envOverrides, init) : organizerFetch(session, path, init);
}

/** The id of the import a redirect leads to; throws when the answer leads to none. */
export function importIdOf(response: Response): number {
  const location = response.headers.get("Location") ?? "";
  const id = /\/admin\/imports\/[^/]+\/(\d+)/.exec(location)?.[1];
  if (!id) throw new Error(`No import in ${response.status} ${location}`);
  return Number(id);
}

/** An import's state in D1. */
export async function importState(id: number): Promise<string | undefined> {
  const row = await env.DB.prepare("SELECT state FROM imports WHERE id = ?1").bind(id).first<{ state: string }>();
  return row?.state;
}

/** An import's row in D1, every column. */
export async function importRow(id: number) {
  return env.DB.prepare("SELECT * FROM imports WHERE id = ?1").bind(id).first<Record<string, unknown>>();
}

/** The form `selector` of the organizer page at `path` as a browser would send it, with `changes`. */
export async function pageForm(
  session: OrganizerSession,
  path: string,
  selector: string,
  changes: Record<string, string | null> = {},
  envOverrides?: Partial<Cloudflare.Env>,
) {
  const response = envOverrides
    ? await fetchApp(path, envOverrides, { headers: { Cookie: session.cookie }, redirect: "manual" })
    : await organizerFetch(session, path);
  return formFieldsOf(parseHtml(await response.text()), changes, selector);
}

/** Sends the import page's mapping form as it is (the guessed mapping), with `changes`, once the file is read. */
export async function confirmMapping(
  session: OrganizerSession,
  slug: string,
  id: number,
  changes: Record<string, string | null> = {},
  envOverrides?: Partial<Cloudflare.Env>,
) {
  await settle(session, slug, id, envOverrides);
  const { action, fields } = await pageForm(
    session,
    `/admin/imports/${slug}/${id}`,
    'form[action$="/mapping"]',
    changes,
    envOverrides,
  );
  const posted = await post(session, action, fields, envOverrides);
  await settle(session, slug, id, envOverrides);
  return posted;
}

/**
 * Starts the import from its page's "Import" button (with what the page was shown for: its preview
 * stamp), then presses Continue until it is done.
 *
 * @returns how many presses it took
 */
export async function runToTheEnd(
  session: OrganizerSession,
  slug: string,
  id: number,
  envOverrides?: Partial<Cloudflare.Env>,
): Promise<number> {
  const { action, fields } = await pageForm(
    session,
    `/admin/imports/${slug}/${id}`,
    'form[action$="/start"]',
    {},
    envOverrides,
  );
  const start = await post(session, action, fields, envOverrides);
  expect(start.status).toBe(303);
  return pressContinueWhile(
    session,
    slug,
    id,
    envOverrides,
    (state) => {
      if (state === undefined) throw new Error(`No import ${id}`);
      return state !== "done";
    },
    "finished",
  );
}

/**
 * Presses Continue, as the page's script does, while the import is being
 * read or checked (a step a press); returns how many presses it took.
 */
export async function settle(
  session: OrganizerSession,
  slug: string,
  id: number,
  envOverrides?: Partial<Cloudflare.Env>,
): Promise<number> {
  return pressContinueWhile(
    session,
    slug,
    id,
    envOverrides,
    (state) => state === "reading" || state === "checking",
    "settled",
  );
}

/**
 * Presses Continue while `going` holds of the import's state, at most 500 times (else "The import
 * never {what}"); each press must answer as a press does (isPressAnswer). Returns the presses.
 */
async function pressContinueWhile(
  session: OrganizerSession,
  slug: string,
  id: number,
  envOverrides: Partial<Cloudflare.Env> | undefined,
  going: (state: string | undefined) => boolean,
  what: string,
): Promise<number> {
  let presses = 0;
  while (going(await importState(id))) {
    const pressed = await post(session, `/admin/imports/${slug}/${id}/continue`, {}, envOverrides);
    if (!isPressAnswer(pressed.status)) throw new Error(`Continue answered ${pressed.status}`);
    if (++presses > 500) throw new Error(`The import never ${what}`);
  }
  return presses;
}

/**
 * Whether `status` is what a press of Continue answers after one step: 307 (the browser sends the form
 * again for the next step: routes/admin-imports.tsx STEPS_PER_PRESS) or 303 (to the import's page).
 */
export function isPressAnswer(status: number): boolean {
  return status === 303 || status === 307;
}

const englishImports = adminMessagesFor("en").imports;

/** An import's stored problem (imports.problem) as the English organizer area words it. */
export function fileProblemWords(stored: unknown): string {
  return englishImports.fileProblem(readFileProblem(String(stored)));
}

/** A row's stored reason (import_rows.reason) as the English organizer area words it. */
export function rowReasonWords(stored: string): string {
  return readRowProblems(stored).map(englishImports.rowProblem).join(" ");
}

/** What `read` was refused with (an ImportRefused), as the English organizer area words it. */
export function refusalWords(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportRefused) return englishImports.fileProblem(error.problem);
    throw error;
  }
  return "";
}
