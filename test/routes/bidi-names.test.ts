/**
 * Names in any script: a Hebrew name with a Hebrew affiliation must read
 * name first wherever it is shown. Each field a signer typed is its own
 * bidirectional isolate (a <bdi>, dir="rtl" for right-to-left letters) on
 * every surface that shows it, in the order written; plain text (Atom
 * titles, emails) carries FSI … PDI around a right-to-left title. The visual
 * order in Chromium is test/browser/bidi-names.test.ts's.
 */
import { describe, expect, it } from "vitest";
import type { HTMLElement } from "node-html-parser";
import { FIRST_STRONG_ISOLATE, isolate, POP_DIRECTIONAL_ISOLATE, textDirection } from "../../src/domain/bidi";
import {
  createLetter,
  fetchApp,
  individual,
  linkIn,
  logIn,
  mailTo,
  organization,
  organizerFetch,
  parseHtml,
  postSignature,
} from "../helpers";

const FRESH = { CACHE_MAX_AGE: "0" };
const NAME = "דנה לוי";
const AFFILIATION = "אוניברסיטת חיפה";
const TITLE = "מרצה בכירה";

/** Each isolate inside `element`, in document order: its text and its dir attribute. */
function isolates(element: HTMLElement): [string, string | undefined][] {
  return element.querySelectorAll("bdi").map((bdi) => [bdi.textContent, bdi.getAttribute("dir")]);
}

/** The element of `html` matching `selector` whose text mentions `name` (the Hebrew name). */
function entryOf(html: string, selector: string, name = NAME): HTMLElement {
  const entry = parseHtml(html)
    .querySelectorAll(selector)
    .find((element) => element.textContent.includes(name));
  if (!entry) throw new Error(`No ${selector} names ${name} in:\n${html}`);
  return entry;
}

const EXPECTED: [string, string | undefined][] = [
  [NAME, "rtl"],
  [TITLE, "rtl"],
  [AFFILIATION, "rtl"],
  ["Haifa", undefined],
  ["Israel", undefined],
];

describe("the direction of a text", () => {
  it("is its first strong letter's; a text with no right-to-left letter is not wrapped", () => {
    expect(textDirection(NAME)).toBe("rtl");
    expect(textDirection("عمر خالد")).toBe("rtl");
    expect(textDirection("1. דנה")).toBe("rtl");
    expect(textDirection("Dana לוי")).toBe("ltr");
    expect(textDirection("2026")).toBeNull();
    expect(isolate(NAME)).toBe(`${FIRST_STRONG_ISOLATE}${NAME}${POP_DIRECTIONAL_ISOLATE}`);
    expect(isolate("Oxfam America")).toBe("Oxfam America");
  });
});

describe("a Hebrew name with a Hebrew affiliation", () => {
  it("is drawn name first, each field its own isolate, on every page that shows it", async () => {
    const letter = await createLetter({ title: "Letter for Haifa" });
    const signed = await postSignature(
      letter.slug,
      individual({ name: NAME, organization: AFFILIATION, title: TITLE, city: "Haifa", country: "IL" }),
    );
    expect(signed.status).toBe(303);
    const pages = {
      letter: `/letters/${letter.slug}`,
      signatories: `/letters/${letter.slug}/signatories`,
      card: `/letters/${letter.slug}/embed`,
      thanks: signed.headers.get("Location")!,
      // The letter's text is entry 1; the signature is entry 2.
      record: `/letters/${letter.slug}/record/2`,
    };
    for (const [page, path] of Object.entries(pages)) {
      const html = await (await fetchApp(path, FRESH)).text();
      const selector = { thanks: ".receipt", record: ".record-details" }[page] ?? "li";
      expect(isolates(entryOf(html, selector)), page).toEqual(EXPECTED);
      // The entry's words read as before: the isolates add no character.
      expect(entryOf(html, selector).textContent.replace(/\s+/g, " "), page).toContain(
        `${NAME}, ${TITLE}, ${AFFILIATION} — Haifa, Israel`,
      );
    }

    const session = await logIn();
    const delivery = await (await organizerFetch(session, `/admin/letters/${letter.slug}/delivery`)).text();
    expect(isolates(entryOf(delivery, ".signatory-list li")), "delivery document").toEqual(EXPECTED);
    const signatures = await (await organizerFetch(session, `/admin/letters/${letter.slug}/signatures`)).text();
    const row = entryOf(signatures, "tbody tr");
    expect(isolates(row).slice(0, 5), "organizer list").toEqual([
      [NAME, "rtl"],
      [AFFILIATION, "rtl"],
      [TITLE, "rtl"],
      ["Haifa", undefined],
      ["Israel", undefined],
    ]);
  });

  it("is isolated on the withdraw page, which names whose signature it takes back", async () => {
    const letter = await createLetter();
    const signed = await postSignature(letter.slug, individual({ name: NAME, organization: AFFILIATION }));
    const thanks = await (await fetchApp(signed.headers.get("Location")!, FRESH)).text();
    const withdraw = parseHtml(thanks)
      .querySelectorAll("a")
      .find((link) => link.getAttribute("href")?.includes("/withdraw?token="))!
      .getAttribute("href")!;
    const page = parseHtml(await (await fetchApp(withdraw, FRESH)).text());
    expect(isolates(page.querySelector("main .receipt")!)).toEqual([
      [NAME, "rtl"],
      [AFFILIATION, "rtl"],
    ]);
  });
});

describe("a Hebrew organization's name inside a sentence", () => {
  it("is between FSI and PDI in the thank-you page's sentence about its contact", async () => {
    const letter = await createLetter();
    const signed = await postSignature(letter.slug, organization({ organization_name: AFFILIATION }));
    expect(signed.status).toBe(303);
    const thanks = await (await fetchApp(signed.headers.get("Location")!, FRESH)).text();
    expect(thanks).toContain(`${FIRST_STRONG_ISOLATE}${AFFILIATION}${POP_DIRECTIONAL_ISOLATE}`);
    expect(isolates(entryOf(thanks, ".receipt", AFFILIATION))).toEqual([[AFFILIATION, "rtl"]]);
  });
});

describe("a Hebrew letter title in plain text", () => {
  it("is between FSI and PDI in the Atom feed's entry titles and in the emails", async () => {
    const title = "מכתב לשר החוץ";
    const letter = await createLetter({ title, language: "he" });
    const feed = await (await fetchApp(`/letters/${letter.slug}/feed.atom`, FRESH)).text();
    expect(feed).toContain(`Published: ${FIRST_STRONG_ISOLATE}${title}${POP_DIRECTIONAL_ISOLATE}`);

    const email = `hebrew-${crypto.randomUUID().slice(0, 6)}@example.org`;
    await postSignature(letter.slug, individual({ name: NAME, email }), { env: { MAILER: "local" } });
    const [mail] = await mailTo(email);
    expect(mail!.subject).toContain(`${FIRST_STRONG_ISOLATE}${title}${POP_DIRECTIONAL_ISOLATE}`);
    expect(mail!.body).toContain(`${FIRST_STRONG_ISOLATE}${title}${POP_DIRECTIONAL_ISOLATE}`);
    expect(linkIn(mail!.body, "/confirm?token=")).toContain(letter.slug);
  });
});
