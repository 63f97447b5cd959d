/**
 * "Review the change" with no signature ticked answers the signatures page again, as it was
 * filtered, with an error summary that gets focus (422), not a bare error page.
 */
import { describe, expect, it } from "vitest";
import { createLetter, logIn, organizerPost, parseHtml, texts } from "../helpers";
import { seedSignatures } from "../seed";

describe("a bulk change with nothing selected", () => {
  it("shows the list again, filtered as it was, saying to select at least one signature", async () => {
    const letter = await createLetter();
    await seedSignatures(letter.slug, [{ name: "Kept Signer" }]);
    const session = await logIn();
    const response = await organizerPost(session, `/admin/letters/${letter.slug}/signatures/bulk`, {
      action: "hide",
      scope: "selected",
      step: "review",
      q: "Kept",
    });
    expect(response.status).toBe(422);
    const page = parseHtml(await response.text());
    expect(page.querySelector("title")!.textContent).toMatch(/^Error: Signatures: /);
    const summary = page.querySelector("#bulk-problems[autofocus]")!;
    expect(summary.querySelector("a")!.textContent).toMatch(/^Select at least one signature/);
    expect(page.querySelector("#bulk-action")).not.toBeNull();
    expect(page.querySelector("#filter-q")!.getAttribute("value")).toBe("Kept");
    expect(texts(page, "tbody label strong")).toContain("Kept Signer");
  });
});
