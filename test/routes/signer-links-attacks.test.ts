/**
 * Attacks on the signer's links (issue 12 §1): a stranger who knows an
 * address tries to publish, change or learn about someone else's
 * signature, and links are thrown malformed at the link routes.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createLetter,
  fetchApp,
  getPage,
  individual,
  organization,
  linkIn,
  mailTo,
  parseHtml,
  postForm,
  postSignature,
  signatureRows,
  stopClock,
} from "../helpers";
import { seedSignatures } from "../seed";

const LOCAL_MAIL = { MAILER: "local" };

afterEach(() => {
  vi.useRealTimers();
});

function tokenOf(link: string): string {
  return new URL(link, "https://x").searchParams.get("token")!;
}

function apiSign(slug: string, body: unknown, overrides: Partial<Cloudflare.Env> = {}) {
  return fetchApp(`/api/v1/letters/${slug}/signatures`, overrides, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": "203.0.113.77" },
    body: JSON.stringify(body),
  });
}

/** The names the letter's public JSON lists, read afresh. */
async function publishedNames(slug: string): Promise<string[]> {
  const response = await fetchApp(`/letters/${slug}.json`, { CACHE_MAX_AGE: "0" });
  return (await response.json<{ signatories: { name: string }[] }>()).signatories.map((entry) => entry.name);
}

/** The text of the confirm page behind `link`, as its reader sees it. */
async function confirmPageText(link: string): Promise<string> {
  const response = await fetchApp(link, LOCAL_MAIL);
  expect(response.status).toBe(200);
  return parseHtml(await response.text())
    .querySelector("main")!
    .text.replace(/\s+/g, " ");
}

describe("a stranger who repeats an unconfirmed address", () => {
  it("can't publish a name whose signer chose not to be listed: the confirm page shows that choice", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const email = "private-signer@example.org";
    // The signer asks not to be listed, as someone at risk would.
    await postSignature(letter.slug, individual({ name: "Ana Reservada", email, hide_name: "on" }), {
      env: LOCAL_MAIL,
    });
    const link = linkIn((await mailTo(email))[0]!.body, "/confirm?token=");
    const asSigned = await confirmPageText(link);

    // A stranger repeats the address with the same name, leaving "don't list my name" unchecked.
    await postSignature(letter.slug, individual({ name: "Ana Reservada", email }), { env: LOCAL_MAIL });
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ is_public: 1 });
    const afterStranger = await confirmPageText(link);

    // What will be published changed (listed by name, instead of counted only), so the page must say so.
    expect(afterStranger).not.toBe(asSigned);
  });

  it("can't change what the signer is confirming between opening the page and pressing the button", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const email = "owner-of-words@example.org";
    await postSignature(letter.slug, individual({ name: "Owner Of Words", email }), { env: LOCAL_MAIL });
    const link = linkIn((await mailTo(email))[0]!.body, "/confirm?token=");
    // The signer opens the page: it shows their own words.
    const page = parseHtml(await (await fetchApp(link, LOCAL_MAIL)).text());
    expect(page.querySelector("main")!.text).toContain("Owner Of Words");
    const form = Object.fromEntries(
      page
        .querySelectorAll("main form input[type=hidden]")
        .map((input) => [input.getAttribute("name")!, input.getAttribute("value")!]),
    );

    // Meanwhile a stranger repeats the address with words the signer never saw.
    await postSignature(letter.slug, individual({ name: "Words Never Seen", email }), { env: LOCAL_MAIL });

    // The signer presses the button on the page they read: nothing is confirmed, and the page shows what it says now.
    const pressed = await postForm(`/letters/${letter.slug}/confirm`, form, LOCAL_MAIL);
    expect(pressed.status).toBe(409);
    const again = parseHtml(await pressed.text());
    expect(again.querySelector("h1")!.text).toBe("Please check your signature again");
    expect(again.querySelector(".receipt")!.text).toContain("Words Never Seen");
    expect(await publishedNames(letter.slug)).not.toContain("Words Never Seen");
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ status: "unconfirmed" });
  });

  it("can't turn an individual into an organization unseen: the address then signs for an organization beside it", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const email = "sam-lee@example.org";
    await postSignature(letter.slug, individual({ name: "Sam Lee", email }), { env: LOCAL_MAIL });
    const link = linkIn((await mailTo(email))[0]!.body, "/confirm?token=");
    const asSigned = await confirmPageText(link);
    await postSignature(letter.slug, organization({ organization_name: "Sam Lee", email }), { env: LOCAL_MAIL });
    // Issue 14: one person may sign for an organization and as themselves; the individual stays as it was.
    expect((await signatureRows(letter.slug)).map((row) => row.kind)).toEqual(["individual", "organization"]);
    expect(await confirmPageText(link)).toBe(asSigned);
  });

  it("can't change an unconfirmed organization's contact unseen: the confirm page shows what the contact confirms", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const email = "contact@fundacion.example.org";
    const signed = organization({ organization_name: "Fundación Paz", contact_name: "Lucía Ramírez", email });
    await postSignature(letter.slug, signed, { env: LOCAL_MAIL });
    const link = linkIn((await mailTo(email))[0]!.body, "/confirm?token=");
    const page = parseHtml(await (await fetchApp(link, LOCAL_MAIL)).text());
    const form = Object.fromEntries(
      page.querySelectorAll("form input").map((input) => [input.getAttribute("name")!, input.getAttribute("value")!]),
    );
    // A stranger who knows the address repeats it for the same organization, with another contact and website.
    const repeat = await postSignature(
      letter.slug,
      { ...signed, organization_name: "FUNDACION PAZ", contact_name: "Mallory", website: "evil-site.org" },
      { env: LOCAL_MAIL },
    );
    expect(repeat.status).toBe(303);
    expect(await signatureRows(letter.slug)).toMatchObject([{ name: "FUNDACION PAZ" }]);
    // The contact presses the button on the page they read: nothing is confirmed, and the page shows what it says now.
    const pressed = await postForm(`/letters/${letter.slug}/confirm`, form, LOCAL_MAIL);
    expect(pressed.status).toBe(409);
    const again = parseHtml(await pressed.text()).text;
    expect(again).toContain("Mallory");
    expect(again).toContain("evil-site.org");
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ status: "unconfirmed" });
  });
});

describe("a letter that counts signatures at once, with a mailer", () => {
  it("answers a repeated address as it answers a new one: the receipt's link behaves alike", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    await postSignature(letter.slug, individual({ name: "Already Here", email: "already@example.org" }), {
      env: LOCAL_MAIL,
    });
    const answers = await Promise.all(
      ["already@example.org", "brand-new@example.org"].map(async (email) => {
        const response = await apiSign(
          letter.slug,
          { kind: "individual", name: "Probe", email, hide_name: true },
          LOCAL_MAIL,
        );
        const body = await response.json<{ withdraw_url?: string }>();
        const opened = body.withdraw_url
          ? (await fetchApp(new URL(body.withdraw_url).pathname + new URL(body.withdraw_url).search, LOCAL_MAIL)).status
          : null;
        return { status: response.status, keys: Object.keys(body).sort(), opened };
      }),
    );
    // Whether an address had signed must not show in the answer, nor in what its link does.
    expect(answers[0]).toEqual(answers[1]);
  });
});

/** Signs again with `email`, as the dead-link page advises, and withdraws with the link the newest email carries. */
async function followDeadLinkAdvice(slug: string, email: string, name: string) {
  const before = (await mailTo(email)).length;
  await postSignature(slug, individual({ name, email }), { env: LOCAL_MAIL });
  const mails = await mailTo(email);
  expect(mails.length, "an email with the link").toBeGreaterThan(before);
  const token = tokenOf(linkIn(mails.at(-1)!.body, "/withdraw?token="));
  expect((await postForm(`/letters/${slug}/withdraw`, { token }, LOCAL_MAIL)).status).toBe(303);
}

describe("the dead-link page's advice: sign again with the same address and we email your link", () => {
  it("holds on a letter that counts signatures at once", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const email = "lost-my-link@example.org";
    await postSignature(letter.slug, individual({ name: "Lost My Link", email }), { env: LOCAL_MAIL });
    const dead = await fetchApp(`/letters/${letter.slug}/withdraw?token=nothing`, LOCAL_MAIL);
    expect(dead.status).toBe(404);
    expect(await dead.text()).toContain("we will email your private link to that address");
    await followDeadLinkAdvice(letter.slug, email, "Lost My Link");
  });

  it("holds a day after a stranger repeated the address five times", async () => {
    stopClock(Date.now());
    const letter = await createLetter({ confirmSignatures: true });
    const email = "target-of-spam@example.org";
    await postSignature(letter.slug, individual({ name: "Target Person", email }), { env: LOCAL_MAIL });
    const confirm = tokenOf(linkIn((await mailTo(email))[0]!.body, "/confirm?token="));
    expect((await postForm(`/letters/${letter.slug}/confirm`, { token: confirm }, LOCAL_MAIL)).status).toBe(303);
    for (let attempt = 0; attempt < 5; attempt++)
      await apiSign(letter.slug, { kind: "individual", name: "Stranger", email }, LOCAL_MAIL);
    // However a limit on emails is kept, a stranger's repeats must not end the owner's way back for good.
    vi.setSystemTime(Date.now() + 86_400_000);
    await followDeadLinkAdvice(letter.slug, email, "Target Person");
  });

  it("holds for a signature an organizer hid (the signer may still withdraw it)", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const email = "hidden-signer@example.org";
    const [seeded] = await seedSignatures(letter.slug, [{ name: "Hidden Signer", email, status: "hidden" }]);
    expect(seeded!.status).toBe("hidden");
    await followDeadLinkAdvice(letter.slug, email, "Hidden Signer");
  });
});

describe("the withdrawal pages on a letter that closed", () => {
  it("offer signing again only while the letter is open, the dead link's advice too", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const email = "closed-later@example.org";
    await postSignature(letter.slug, individual({ name: "Closed Later", email }), { env: LOCAL_MAIL });
    const link = linkIn((await mailTo(email)).at(-1)!.body, "/withdraw?token=");
    const pageText = async (path: string) =>
      parseHtml(await (await fetchApp(path, LOCAL_MAIL)).text())
        .querySelector("main")!
        .text.replace(/\s+/g, " ");
    expect(await pageText(link)).toContain("You can sign again while the letter is open");
    await env.DB.prepare(
      "UPDATE letters SET status = 'closed', closed_at = ?2, delivered_on = '2026-11-30' WHERE slug = ?1",
    )
      .bind(letter.slug, new Date().toISOString())
      .run();
    const withdraw = await pageText(link);
    expect(withdraw).toContain("Signing has closed, so it can't be signed again.");
    expect(withdraw).not.toContain("sign again later");
    expect(await pageText(`/letters/${letter.slug}/withdrawn`)).toContain("Signing has closed");
    const dead = await pageText(`/letters/${letter.slug}/withdraw?token=nothing`);
    expect(dead).not.toContain("sign the letter again");
    expect(dead).toContain("ask the letter's organizers");
  });
});

describe("a signer who withdrew and signs again", () => {
  it("gets the confirmation email the thank-you page tells them to look for, however many were sent before", async () => {
    stopClock(Date.now());
    const letter = await createLetter({ confirmSignatures: true });
    const email = "comes-back@example.org";
    await postSignature(letter.slug, individual({ name: "Comes Back", email }), { env: LOCAL_MAIL });
    // A stranger (or the signer, unsure it worked) repeats the address: four more emails.
    for (let attempt = 0; attempt < 4; attempt++)
      await apiSign(letter.slug, { kind: "individual", name: "Stranger", email }, LOCAL_MAIL);
    const withdraw = tokenOf(linkIn((await mailTo(email))[0]!.body, "/withdraw?token="));
    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token: withdraw }, LOCAL_MAIL)).status).toBe(303);

    vi.setSystemTime(Date.now() + 86_400_000);
    const before = (await mailTo(email)).length;
    const signed = await postSignature(letter.slug, individual({ name: "Comes Back", email }), { env: LOCAL_MAIL });
    const receipt = await getPage(signed.headers.get("Location")!);
    expect(receipt.document.querySelector("main")!.text).toContain("Check your email to confirm");
    expect((await mailTo(email)).length).toBeGreaterThan(before);
  });
});

describe("malformed links", () => {
  const cases: [string, string][] = [
    ["empty", ""],
    ["very long", "a".repeat(100_000)],
    ["unicode", "ñ".repeat(43)],
    ["a ref and no MAC", `${"a".repeat(32)}.`],
    ["upper-case ref", `${"A".repeat(32)}.${"b".repeat(22)}`],
    ["a MAC a character short", `${"a".repeat(32)}.${"b".repeat(21)}`],
    ["NUL", `${"a".repeat(32)}.\u0000${"b".repeat(21)}`],
    ["percent junk", "%E0%A4%A"],
  ];
  it.each(cases)("%s: one dead-link answer, never a 500", async (_name, token) => {
    const letter = await createLetter();
    for (const path of ["withdraw", "confirm"]) {
      const get = await fetchApp(`/letters/${letter.slug}/${path}?token=${encodeURIComponent(token)}`);
      expect(get.status, `GET ${path}`).toBeLessThan(500);
      expect(get.status, `GET ${path}`).toBeGreaterThanOrEqual(400);
      const post = await postForm(`/letters/${letter.slug}/${path}`, { token: token.slice(0, 20_000) });
      expect(post.status, `POST ${path}`).toBeLessThan(500);
      expect(post.status, `POST ${path}`).toBeGreaterThanOrEqual(400);
    }
  });

  it("repeated token fields, a JSON body, and a raw percent in the query get 4xx", async () => {
    const letter = await createLetter();
    const repeated = await fetchApp(`/letters/${letter.slug}/withdraw?token=a&token=b`);
    expect(repeated.status).toBe(404);
    const raw = await fetchApp(`/letters/${letter.slug}/withdraw?token=%`);
    expect(raw.status).toBeLessThan(500);
    const json = await fetchApp(
      `/letters/${letter.slug}/withdraw`,
      {},
      {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: "https://undersigned.test" },
        body: JSON.stringify({ token: ["a", "b"] }),
        redirect: "manual",
      },
    );
    expect(json.status).toBeLessThan(500);
    const form = await postForm(`/letters/${letter.slug}/withdraw`, { token: ["x", "y"] });
    expect(form.status).toBe(404);
  });
});
