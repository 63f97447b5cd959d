/**
 * A cursor pointing past the data is refused on every paged public route,
 * pages and API alike: a 400 whose words say what happened and where to
 * start again (problem details for the API), never an empty 200 page.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeCursor, encodeLetterCursor } from "../../src/domain/cursor";
import { messagesFor } from "../../src/domain/i18n";
import { PROBLEM_TYPES } from "../../src/domain/problem-types";
import { answerOf, createLetter, fetchApp, translation } from "../helpers";

const SETTINGS = { SIGNATORIES_PER_PAGE: "2" } as const;

const get = (path: string, language = "en") => fetchApp(path, SETTINGS, { headers: { "Accept-Language": language } });

let slug: string;
/** The cursor of the last signatory of the list (nothing follows it), and ones far past every signatory. */
let atTheEnd: string;
const farPast = encodeCursor({ kind: "individual", position: 999_999, id: 999_999_999 });
const pastOrganizations = encodeCursor({ kind: "organization", position: 999_999, id: 999_999_999 });

beforeAll(async () => {
  const letter = await createLetter({
    organizations: ["Org One", "Org Two"],
    individuals: ["Person One", "Person Two"],
    translations: [translation("es", "Carta sobre los cursores", "Pedimos listas claras.")],
  });
  slug = letter.slug;
  const second = await (
    await get(
      `/letters/${slug}/signatories.json?cursor=${(await (await get(`/letters/${slug}/signatories.json`)).json<{ next_cursor: string }>()).next_cursor}`,
    )
  ).json<{ signatories: unknown[]; next_cursor: string | null }>();
  expect(second.signatories).toHaveLength(2);
  expect(second.next_cursor).toBeNull();
  atTheEnd = encodeCursor({ kind: "individual", position: 2, id: Number.MAX_SAFE_INTEGER });
});

describe("a cursor past the end of the list", () => {
  it("is a 400 with the reader's words on the signatories page, in the page's language", async () => {
    const english = { status: 400, ...messagesFor("en").errors.cursorPastEnd };
    for (const cursor of [farPast, atTheEnd]) {
      expect(await answerOf(await get(`/letters/${slug}/signatories?cursor=${cursor}`)), cursor).toEqual(english);
    }
    // Past the organizations, the list goes on with the individuals: not past its end.
    expect((await get(`/letters/${slug}/signatories?cursor=${pastOrganizations}`)).status).toBe(200);
    expect(await answerOf(await get(`/letters/${slug}/signatories?cursor=${farPast}&lang=es`))).toEqual({
      status: 400,
      ...messagesFor("es").errors.cursorPastEnd,
    });
    // The letter's language the browser prefers, as its pages are negotiated.
    expect(await answerOf(await get(`/letters/${slug}/signatories?cursor=${atTheEnd}`, "es-MX, fr;q=0.5"))).toEqual({
      status: 400,
      ...messagesFor("es").errors.cursorPastEnd,
    });
  });

  it("is a 400 in the signatories JSON and the API (problem details), filters included", async () => {
    const words = { status: 400, ...messagesFor("en").errors.cursorPastEnd };
    for (const path of [
      `/letters/${slug}/signatories.json?cursor=${farPast}`,
      `/letters/${slug}/signatories.json?cursor=${atTheEnd}`,
      `/api/v1/letters/${slug}/signatories?cursor=${farPast}`,
      `/api/v1/letters/${slug}/signatories?kind=organization&cursor=${pastOrganizations}`,
      `/api/v1/letters/${slug}/signatories?country=HN&cursor=${farPast}`,
    ]) {
      const response = await get(path);
      expect(response.headers.get("Cache-Control"), path).toBe("no-store");
      if (path.startsWith("/api/")) {
        // The API's problem details: the kind's title, the page's words as the detail.
        expect(response.headers.get("Content-Type"), path).toContain("problem+json");
        expect(await answerOf(response), path).toEqual({ ...words, title: PROBLEM_TYPES["invalid-cursor"].title });
      } else expect(await answerOf(response), path).toEqual(words);
    }
  });

  it("is a 400 on the API's list of letters", async () => {
    const past = encodeLetterCursor({ date: "1000-01-01", id: 1 });
    const response = await get(`/api/v1/letters?cursor=${past}`);
    expect(response.headers.get("Content-Type")).toContain("problem+json");
    expect(await answerOf(response)).toEqual({
      status: 400,
      title: PROBLEM_TYPES["invalid-cursor"].title,
      message: "No letter follows this cursor. Start again from the first page (leave cursor out).",
    });
    expect((await get(`/api/v1/letters?cursor=${past}&status=closed`)).status).toBe(400);
  });

  it("is a 400 on the record past its sealed length, which a follower's after= at the end is not", async () => {
    const record = await (await get(`/letters/${slug}/record.json`)).json<{ record: { length: number } }>();
    const sealed = record.record.length;
    expect(sealed).toBeGreaterThan(0);
    for (const base of [`/letters/${slug}/record.json`, `/api/v1/letters/${slug}/record`]) {
      expect((await get(`${base}?after=${sealed}`)).status, base).toBe(200);
      const answer = await answerOf(await get(`${base}?after=${sealed + 1}`));
      expect(answer, base).toEqual({
        status: 400,
        title: base.startsWith("/api/") ? PROBLEM_TYPES["invalid-parameter"].title : "This record link is past its end",
        message: `The record has ${sealed} entries so far: after= must be at most that (the number of the last entry you read).`,
      });
    }
  });

  it("is not a cursor at the last signatory or letter there is (those after it gone since): an empty page, truthfully", async () => {
    const last = await env.DB.prepare(
      "SELECT id, position FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1) AND kind = 'individual' ORDER BY position DESC, id DESC LIMIT 1",
    )
      .bind(slug)
      .first<{ id: number; position: number }>();
    const atLast = encodeCursor({ kind: "individual", position: last!.position, id: last!.id });
    for (const path of [
      `/letters/${slug}/signatories.json?cursor=${atLast}`,
      `/api/v1/letters/${slug}/signatories?cursor=${atLast}`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect((await response.json<{ signatories: unknown[] }>()).signatories, path).toEqual([]);
    }
    expect((await get(`/letters/${slug}/signatories?cursor=${atLast}`)).status).toBe(200);
    const oldest = await env.DB.prepare(
      "SELECT id, letter_date FROM letters WHERE status <> 'draft' ORDER BY letter_date, id LIMIT 1",
    ).first<{ id: number; letter_date: string }>();
    const afterOldest = await get(
      `/api/v1/letters?cursor=${encodeLetterCursor({ date: oldest!.letter_date, id: oldest!.id })}`,
    );
    expect(afterOldest.status).toBe(200);
    expect((await afterOldest.json<{ letters: unknown[] }>()).letters).toEqual([]);
  });

  it("leaves the pages it points into as they were", async () => {
    const first = await (await get(`/letters/${slug}/signatories.json`)).json<{ next_cursor: string }>();
    for (const path of [
      `/letters/${slug}/signatories?cursor=${first.next_cursor}`,
      `/letters/${slug}/signatories.json?cursor=${first.next_cursor}`,
      `/api/v1/letters/${slug}/signatories?cursor=${first.next_cursor}`,
    ]) {
      expect((await get(path)).status, path).toBe(200);
    }
  });
});
