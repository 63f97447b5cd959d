/**
 * The API tokens page as a fresh-user trial read it: "Last used" is noted to the hour, so the page
 * says the hour, in the reader's time zone, never a minute it does not know (a token used in the
 * hour it was made showed its creation minute); a token never used says so; the page says what a
 * token may do (the person's role, with People for owners) and where its routes are listed.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createLetter,
  fetchWorker,
  makeApiToken,
  organizerPage,
  randomIp,
  sessionAs,
  stopClock,
  type PersonSession,
} from "../helpers";

/** The tokens page's rows: label → the text and datetime of its "Last used" cell. */
async function lastUsedCells(session: PersonSession) {
  const { document } = await organizerPage(session, "/admin/account/tokens");
  return {
    document,
    cells: new Map(
      document.querySelectorAll("tbody tr").map((row) => {
        const cell = row.querySelector("td:nth-child(3)")!;
        return [
          row.querySelector("td")!.textContent.trim(),
          { text: cell.textContent.trim(), datetime: cell.querySelector("time")?.getAttribute("datetime") ?? null },
        ];
      }),
    ),
  };
}

describe("the API tokens page", () => {
  afterEach(() => vi.useRealTimers());

  it("says the hour a token was last used in, not its creation minute, in the reader's time zone", async () => {
    stopClock("2030-07-01T10:45:20.000Z");
    const session = await sessionAs("editor");
    const { slug } = await createLetter();
    const token = await makeApiToken(session, "Made mid-hour");
    await makeApiToken(session, "Never used");
    vi.setSystemTime(new Date("2030-07-01T10:50:00.000Z"));
    const used = await fetchWorker(`/admin/api/letters/${slug}/sources`, {
      headers: { Authorization: `Bearer ${token}`, "CF-Connecting-IP": randomIp() },
    });
    expect(used.status).toBe(200);
    await used.body?.cancel();

    const utc = (await lastUsedCells(session)).cells;
    expect(utc.get("Made mid-hour")).toEqual({
      text: "In the hour from Jul 1, 2030, 10:00 AM (UTC)",
      datetime: "2030-07-01T10:00:00.000Z",
    });
    expect(utc.get("Never used")).toEqual({ text: "Never", datetime: null });

    // In the reader's own time zone: the hour from 10:00 UTC is the hour from 3:30 PM in India.
    await env.DB.prepare("UPDATE organizers SET time_zone = 'Asia/Kolkata' WHERE id = ?1")
      .bind(session.organizerId)
      .run();
    const india = (await lastUsedCells(session)).cells.get("Made mid-hour")!;
    expect(india.text).toMatch(/^In the hour from Jul 1, 2030, 3:30 PM \(/);
    expect(india.text).not.toContain("3:45");
  });

  it("says what a token may do (the person's role), with People for owners, and where its routes are listed", async () => {
    const editor = await lastUsedCells(await sessionAs("editor"));
    expect(editor.document.textContent).toContain("Your role: Editor.");
    expect(editor.document.textContent).toContain("in the table of the organizers’ JSON API");
    // People is for owners: an editor is not sent to a page that refuses them.
    expect(editor.document.querySelector('main a[href="/admin/people"]')).toBeNull();
    const owner = await lastUsedCells(await sessionAs("owner"));
    expect(owner.document.querySelector('main a[href="/admin/people"]')?.textContent).toBe("Who may do what: People");
  });
});
