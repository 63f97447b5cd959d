/**
 * Withdrawal: the private link on the thank-you page and in every email
 * takes a signature back, from every public output and the counts, at once
 * in this data center; and the answer is the same for any link.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  createLetter,
  fetchApp,
  getPage,
  individual,
  letterRow,
  linkIn,
  mailTo,
  parseHtml,
  postForm,
  postSignature,
  signatureRows,
  texts,
} from "../helpers";

async function withdrawLinkFromThankYou(response: Response): Promise<string> {
  const { document } = await getPage(response.headers.get("Location")!);
  const link = document.querySelector('a[href*="/withdraw?token="]')?.getAttribute("href");
  expect(link).toBeTruthy();
  return link!;
}

async function withdrawWith(link: string, overrides?: Partial<Cloudflare.Env>) {
  const page = await fetchApp(link, overrides);
  expect(page.status).toBe(200);
  const document = parseHtml(await page.text());
  expect(texts(document, "h1")).toEqual(["Withdraw your signature"]);
  const form = document.querySelector("main form")!;
  const token = form.querySelector('input[name="token"]')!.getAttribute("value")!;
  return postForm(form.getAttribute("action")!, { token }, overrides);
}

describe("withdrawing a signature", () => {
  it("removes the name from the page, the JSON and the record, and the counts, at once", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const signed = await postSignature(letter.slug, individual({ name: "Changed Mind", email: "changed@example.org" }));
    const link = await withdrawLinkFromThankYou(signed);
    // Cache the pages with the name on them first.
    for (const path of [
      `/letters/${letter.slug}`,
      `/letters/${letter.slug}.json`,
      `/letters/${letter.slug}/record.json`,
    ]) {
      expect(await (await fetchApp(path)).text(), path).toContain("Changed Mind");
    }

    const opened = await fetchApp(link);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 2 });
    expect(opened.status).toBe(200);
    const done = await withdrawWith(link);
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe(`/letters/${letter.slug}/withdrawn`);
    const page = await getPage(done.headers.get("Location")!);
    expect(texts(page.document, "h1")).toEqual(["Your signature has been withdrawn"]);

    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1, individual_count: 0 });
    for (const path of [
      `/letters/${letter.slug}`,
      `/letters/${letter.slug}.json`,
      `/letters/${letter.slug}/signatories.json`,
      `/letters/${letter.slug}/record.json`,
      "/letters.json",
    ]) {
      const response = await fetchApp(path);
      expect(response.headers.get("X-Cache"), path).toBe("MISS");
      expect(await response.text(), path).not.toContain("Changed Mind");
    }
    const [, row] = await signatureRows(letter.slug);
    // The email goes, and with it what was kept only beside it (README, Privacy and retention).
    expect(row).toMatchObject({ status: "withdrawn", email: null, email_domain: null, client_hash: null });
    const record = await (
      await fetchApp(`/letters/${letter.slug}/record.json`)
    ).json<{ entries: { event: string; name: string | null; salt: string | null }[] }>();
    expect(record.entries.map((entry) => entry.event)).toEqual(["text", "signed", "signed", "withdrawn"]);
    expect(record.entries.slice(2).every((entry) => entry.name === null && entry.salt === null)).toBe(true);
  });

  it("withdraws once; a used, unknown or malformed link gets the one honest dead-link answer", async () => {
    const letter = await createLetter();
    const signed = await postSignature(letter.slug, individual());
    const link = await withdrawLinkFromThankYou(signed);
    const token = new URL(link, "https://x").searchParams.get("token")!;
    const first = await withdrawWith(link);
    expect([first.status, first.headers.get("Location")]).toEqual([303, `/letters/${letter.slug}/withdrawn`]);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 0 });

    const dead = [
      await postForm(`/letters/${letter.slug}/withdraw`, { token }),
      await postForm(`/letters/${letter.slug}/withdraw`, { token: "Q".repeat(43) }),
      await postForm(`/letters/${letter.slug}/withdraw`, { token: `${"0".repeat(32)}.${"A".repeat(22)}` }),
      await postForm(`/letters/${letter.slug}/withdraw`, { token: "bad" }),
      await postForm(`/letters/${letter.slug}/withdraw`, {}),
      await fetchApp(link),
      await fetchApp(`/letters/${letter.slug}/withdraw?token=bad`),
      await fetchApp(`/letters/${letter.slug}/withdraw`),
    ];
    const bodies = await Promise.all(dead.map((response) => response.text()));
    expect(dead.map((response) => response.status)).toEqual(Array(dead.length).fill(404));
    expect(new Set(bodies).size).toBe(1);
    expect(texts(parseHtml(bodies[0]!), "h1")).toEqual(["This link doesn't work"]);
    expect(bodies[0]).not.toContain("has been withdrawn");
  });

  it("gives a repeated email's sender a link that acts on nothing", async () => {
    const letter = await createLetter();
    await postSignature(letter.slug, individual({ name: "Real", email: "repeat@example.org" }));
    const impostor = await postSignature(letter.slug, individual({ name: "Impostor", email: "repeat@example.org" }));
    const link = await withdrawLinkFromThankYou(impostor);
    const token = new URL(link, "https://x").searchParams.get("token")!;
    expect((await fetchApp(link)).status).toBe(404);
    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token })).status).toBe(404);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1 });
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ name: "Real", status: "confirmed" });
  });

  it("works from the confirmation email for an unconfirmed signature, and lets the signer sign again later", async () => {
    const letter = await createLetter();
    const local = { MAILER: "local" };
    await postSignature(letter.slug, individual({ email: "undecided@example.org" }), { env: local });
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 0 });
    const pending = await env.DB.prepare("SELECT pending_count FROM letters WHERE slug = ?")
      .bind(letter.slug)
      .first<{ pending_count: number }>();
    expect(pending?.pending_count).toBe(1);
    await withdrawWith(linkIn((await mailTo("undecided@example.org"))[0]!.body, "/withdraw?token="), local);
    const after = await env.DB.prepare("SELECT pending_count FROM letters WHERE slug = ?")
      .bind(letter.slug)
      .first<{ pending_count: number }>();
    expect(after?.pending_count).toBe(0);

    // Signing again brings the signature back, as a new one to confirm.
    await postSignature(letter.slug, individual({ name: "Decided", email: "undecided@example.org" }), { env: local });
    const mails = await mailTo("undecided@example.org");
    expect(mails).toHaveLength(2);
    const token = new URL(linkIn(mails[1]!.body, "/confirm?token="), "https://x").searchParams.get("token")!;
    expect((await postForm(`/letters/${letter.slug}/confirm`, { token }, local)).status).toBe(303);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1 });
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ name: "Decided", status: "confirmed" });
  });

  it("lets a withdrawn signer sign again at once when no confirmation is needed", async () => {
    const letter = await createLetter();
    const link = await withdrawLinkFromThankYou(
      await postSignature(letter.slug, individual({ email: "back@example.org" })),
    );
    await withdrawWith(link);
    // (Called directly so that the work done after the response is awaited.)
    const again = await postSignature(letter.slug, individual({ name: "Back Again", email: "back@example.org" }), {
      env: {},
    });
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1 });
    // The new thank-you page's link withdraws the renewed signature.
    await withdrawWith(await withdrawLinkFromThankYou(again));
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 0 });
  });
});
