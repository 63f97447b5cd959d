/**
 * Every organizer form's error summary lists its problems in the order of the form's fields (issue
 * 15, third trial): a person reads the summary top to bottom, then the form, and meets the same
 * fields in the same order. Failed before: "Add a signature" listed Email before Name, the
 * letter's editor its summary before its text, each in the order the schema checked them.
 */
import { describe, expect, it } from "vitest";
import { createLetter, letterEditorFields, organizerPost, parseHtml, uniqueSlug } from "../helpers";
import { post } from "../imports";
import { sessionAs } from "../organizers";

/** The fields the summary `summaryId` links to, in its order, and where each field is in `html`. */
function summaryAndFields(html: string, summaryId = "error-summary"): { linked: string[]; positions: number[] } {
  const document = parseHtml(html);
  const summary = document.querySelector(`#${summaryId}`);
  expect(summary, `no #${summaryId}`).not.toBeNull();
  const linked = summary!.querySelectorAll("a").map((link) => link.getAttribute("href")!.slice(1));
  const positions = linked.map((id) => html.indexOf(`id="${id}"`, html.indexOf(`id="${summaryId}"`) + 1));
  return { linked, positions };
}

/** Expects at least `least` problems, each linking to a field on the page, in the fields' order. */
function expectInFormOrder(html: string, least: number, summaryId?: string) {
  const { linked, positions } = summaryAndFields(html, summaryId);
  expect(linked.length, linked.join(", ")).toBeGreaterThanOrEqual(least);
  for (const [index, position] of positions.entries()) expect(position, linked[index]).toBeGreaterThan(0);
  expect(positions, linked.join(", ")).toEqual([...positions].sort((a, b) => a - b));
}

describe("an organizer form's error summary", () => {
  it("follows the form's order in every form with more than one field", async () => {
    const owner = await sessionAs("Olga Owner", "owner");

    // A new letter, every field wrong.
    const letter = await organizerPost(owner, "/admin/letters", {
      ...letterEditorFields(uniqueSlug("bad"), {
        title: "",
        slug: "Not A Slug!",
        date: "someday",
        language: "",
        addressee: "",
        body: "",
        summary: "x".repeat(400),
        confirm_signatures: "maybe",
        closes_at: "soon",
      }),
    });
    expect(letter.status).toBe(422);
    expectInFormOrder(await letter.text(), 6);

    // A translation.
    const stored = await createLetter();
    const translation = await organizerPost(owner, `/admin/letters/${stored.slug}/translations/es`, {
      title: "",
      addressee: "",
      body: "",
      summary: "x".repeat(400),
    });
    expect(translation.status).toBe(422);
    expectInFormOrder(await translation.text(), 3);

    // A signature entered by hand: a person without a name, with a wrong email and country.
    const hand = await organizerPost(owner, `/admin/letters/${stored.slug}/signatures`, {
      kind: "individual",
      name: "",
      email: "not-an-address",
      country: "ZZ",
      received: "pigeon",
    });
    expect(hand.status).toBe(422);
    expectInFormOrder(await hand.text(), 3);

    // An invitation (offered where a mailer can send it).
    const invitation = await post(
      owner,
      "/admin/people",
      { name: "", email: "not-an-address", role: "emperor", language: "xx" },
      { MAILER: "local" },
    );
    expect(invitation.status).toBe(422);
    expectInFormOrder(await invitation.text(), 3);

    // Notifications.
    const notifications = await organizerPost(owner, `/admin/letters/${stored.slug}/notifications`, {
      webhook_url: "ftp://example.org/hook",
      summary_email: "not-an-address",
    });
    expect(notifications.status).toBe(422);
    expectInFormOrder(await notifications.text(), 2, "notifications-errors");

    // A delivery: a day that is not one, a note too long in each language.
    const translated = await createLetter({ translations: [] });
    expect(
      (
        await organizerPost(owner, `/admin/letters/${translated.slug}/translations/es`, {
          title: "Carta",
          addressee: "Alguien",
          body: "Texto.",
          summary: "",
        })
      ).status,
    ).toBe(303);
    const delivery = await organizerPost(owner, `/admin/letters/${translated.slug}/state`, {
      change: "deliver",
      delivered_on: "someday",
      delivery_note_es: "x".repeat(400),
      delivery_note: "y".repeat(400),
    });
    expect(delivery.status).toBe(422);
    expectInFormOrder(await delivery.text(), 2, "delivery-errors");
  });
});
