/**
 * Bulk changes and exports as an organizer uses them (issue 15): every row of
 * the page shown selected at once without a script; the review lists the
 * names it will change, with the time each signed; the list shows times of
 * day; the two CSV exports (confirmed, every signature) and a filtered one
 * download under different names saying the letter, which export and the day.
 */
import { describe, expect, it } from "vitest";
import {
  createLetter,
  fetchWorker,
  letterRow,
  logIn,
  organizerPost,
  parseHtml,
  texts,
  type OrganizerSession,
} from "../helpers";

const PEOPLE = ["Ana Díaz", "Berta Cáceres", "Carlos Ruiz"];

async function page(session: OrganizerSession, path: string) {
  const response = await fetchWorker(path, { headers: { Cookie: session.cookie } });
  return { response, document: parseHtml(await response.text()) };
}

describe("bulk changes", () => {
  it("selects every row of the page without a script, and the review names each one with its time", async () => {
    const letter = await createLetter({ individuals: PEOPLE });
    const session = await logIn();
    const list = `/admin/letters/${letter.slug}/signatures`;
    const { document } = await page(session, list);
    expect(document.querySelector("label[for=scope-page]")!.textContent).toBe("All 3 rows on this page");
    const form = document.querySelector("form[action$='/bulk']")!;
    const pageRefs = form
      .querySelectorAll("input[type=hidden][name=page_ref]")
      .map((input) => input.getAttribute("value")!);
    expect(pageRefs).toHaveLength(3);
    // The times of day, not only the dates.
    for (const time of texts(document, "table time")) expect(time).toMatch(/, \d{1,2}:\d{2} [AP]M \(UTC\)$/);

    const review = await organizerPost(session, `${list}/bulk`, {
      action: "hide",
      scope: "page",
      page_ref: pageRefs,
      step: "review",
    });
    expect(review.status).toBe(200);
    const reviewed = parseHtml(await review.text());
    expect(texts(reviewed, "h1")).toEqual(["Hide 3 signatures?"]);
    expect(texts(reviewed, ".review-names li strong").sort()).toEqual([...PEOPLE].sort());
    for (const item of texts(reviewed, ".review-names li"))
      expect(item).toMatch(/person, signed .+, \d{1,2}:\d{2} [AP]M \(UTC\)/);
    expect((await letterRow(letter.slug))!.individual_count).toBe(3);

    // The review's form applies the change to those rows.
    const apply = reviewed.querySelector("form[action$='/bulk']")!;
    const fields: Record<string, string | string[]> = {};
    for (const input of apply.querySelectorAll("input[type=hidden]")) {
      const name = input.getAttribute("name")!;
      const value = input.getAttribute("value")!;
      if (name === "ref") fields.ref = [...((fields.ref as string[] | undefined) ?? []), value];
      else fields[name] = value;
    }
    expect(fields.scope).toBe("selected");
    expect(fields.ref).toHaveLength(3);
    const applied = await organizerPost(session, `${list}/bulk`, { ...fields, step: "apply" });
    expect(applied.headers.get("Location")).toBe(`${list}?done=hide&n=3`);
    expect((await letterRow(letter.slug))!.individual_count).toBe(0);
  });

  it("names what matches the filter, and refuses 'every row' of an empty page", async () => {
    const letter = await createLetter({ individuals: PEOPLE });
    const session = await logIn();
    const list = `/admin/letters/${letter.slug}/signatures`;
    const review = await organizerPost(session, `${list}/bulk`, {
      action: "hide",
      scope: "matching",
      q: "Berta",
      step: "review",
    });
    expect(texts(parseHtml(await review.text()), ".review-names li strong")).toEqual(["Berta Cáceres"]);
    // "Every row on this page" of a page with no row: nothing selected, said above the list again.
    const empty = await organizerPost(session, `${list}/bulk`, { action: "hide", scope: "page", step: "review" });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Select at least one signature");
  });
});

describe("the CSV exports", () => {
  it("download under names that say the letter, which export and the day", async () => {
    const letter = await createLetter({ individuals: PEOPLE });
    const session = await logIn();
    const day = new Date().toISOString().slice(0, 10);
    const fileOf = async (href: string) => {
      const response = await fetchWorker(href, { headers: { Cookie: session.cookie } });
      expect(response.status).toBe(200);
      await response.body?.cancel();
      return /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1];
    };
    // The letter's page offers the two exports; they never share a name.
    const editor = await page(session, `/admin/letters/${letter.slug}`);
    const links = editor.document.querySelectorAll(".export-links a[download]").map((a) => a.getAttribute("href")!);
    expect(links).toHaveLength(2);
    expect(await Promise.all(links.map(fileOf))).toEqual([
      `${letter.slug}-confirmed-signatures-${day}.csv`,
      `${letter.slug}-all-signatures-${day}.csv`,
    ]);
    // The list's export of what its filter shows says so.
    const list = await page(session, `/admin/letters/${letter.slug}/signatures?q=Ana`);
    const filtered = list.document.querySelector(".export-links a[download]")!.getAttribute("href")!;
    expect(await fileOf(filtered)).toBe(`${letter.slug}-all-signatures-filtered-${day}.csv`);
    expect(await fileOf(`/admin/letters/${letter.slug}/signatures.csv?status=in_review`)).toBe(
      `${letter.slug}-in-review-signatures-${day}.csv`,
    );
  });
});
