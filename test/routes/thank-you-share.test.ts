/**
 * The thank-you page's sharing field and what it says about the delivery email: the canonical
 * address in a field as wide as the page, with the card's hint on copying it, and one line for a
 * signer who asked to be emailed when the letter is delivered.
 */
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createLetter, fetchApp, individual, parseHtml, postSignature, texts } from "../helpers";
import { STYLESHEET } from "../../src/views/styles";

const FRESH = { CACHE_MAX_AGE: "0" };

async function thankYou(fields: Record<string, string>) {
  const letter = await createLetter({ confirmSignatures: false });
  const signed = await postSignature(letter.slug, individual(fields));
  expect(signed.status).toBe(303);
  return parseHtml(await (await fetchApp(signed.headers.get("Location")!, FRESH)).text());
}

describe("the thank-you page's sharing", () => {
  it("gives the address field the page's whole width and the card's hint on copying it", async () => {
    const page = await thankYou({});
    const field = page.querySelector("#share-address")!;
    const hint = field.getAttribute("aria-describedby")!;
    expect(texts(page, `#${hint}`)).toEqual(["Select the address to copy it."]);
    const rule = /\.share-address input \{([^}]*)\}/.exec(STYLESHEET)![1]!;
    expect(rule).toContain("width: 100%");
    expect(rule).not.toContain("max-width");
  });

  it("says the signer will be emailed on delivery only when they asked", async () => {
    const asked = await thankYou({ notify_delivery: "yes" });
    expect(asked.querySelector("main")!.text).toContain("We will email you when this letter is delivered.");
    const not = await thankYou({});
    expect(not.querySelector("main")!.text).not.toContain("We will email you");
  });

  it("reopened after the letter closed and was delivered, offers neither signing again nor a delivery email to come", async () => {
    const LOCAL_MAIL = { MAILER: "local", CACHE_MAX_AGE: "0" };
    const letter = await createLetter({ confirmSignatures: true });
    const signed = await postSignature(letter.slug, individual({ notify_delivery: "yes" }), { env: LOCAL_MAIL });
    expect(signed.status).toBe(303);
    const receipt = signed.headers.get("Location")!;
    const before = parseHtml(await (await fetchApp(receipt, LOCAL_MAIL)).text()).querySelector("main")!.text;
    expect(before).toContain("sign again to get a new link");
    expect(before).toContain("We will email you when this letter is delivered.");

    await env.DB.prepare(
      "UPDATE letters SET closes_at = '2020-01-01T00:00:00.000Z', delivered_on = '2020-01-02' WHERE slug = ?1",
    )
      .bind(letter.slug)
      .run();
    const after = parseHtml(await (await fetchApp(receipt, LOCAL_MAIL)).text()).querySelector("main")!.text;
    expect(after).toContain("look in your spam folder.");
    expect(after).not.toContain("sign again");
    expect(after).not.toContain("We will email you");
  });
});
