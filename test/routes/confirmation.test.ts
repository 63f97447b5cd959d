/**
 * Double opt-in: with a mailer set up, a signature counts only once the
 * signer clicks the link we email; links are single-use, expire, are stored
 * hashed; at most five emails per signature; and the answer never tells
 * whether an address had signed before.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
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
  runStatements,
  signatureRows,
  texts,
} from "../helpers";

const LOCAL_MAIL = { MAILER: "local" };

async function json(slug: string, overrides: Partial<Cloudflare.Env> = LOCAL_MAIL) {
  return (await fetchApp(`/letters/${slug}.json`, { ...overrides, CACHE_MAX_AGE: "0" })).json<{
    counts: { total: number };
    pending?: number;
    signatories: { name: string }[];
    record: { length: number };
  }>();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("signing when a mailer is set up", () => {
  it("counts nothing until the signer confirms through the emailed link", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const email = "ana.confirm@example.org";
    const signed = await postSignature(letter.slug, individual({ name: "Ana Confirm", email }), { env: LOCAL_MAIL });
    expect(signed.status).toBe(303);
    const thanks = await getPage(signed.headers.get("Location")!);
    expect(texts(thanks.document, "h1")).toEqual(["Check your email to confirm"]);
    expect(texts(thanks.document, ".receipt")).toEqual(["Ana Confirm"]);

    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1 });
    const before = await json(letter.slug);
    expect(before.counts.total).toBe(1);
    // What waits for confirmation is not published (it would tell who signed).
    expect(before).not.toHaveProperty("pending");
    expect(before.signatories.map((s) => s.name)).toEqual(["AFL-CIO"]);
    expect((await getPage(`/letters/${letter.slug}`)).document.toString()).not.toContain("Ana Confirm");

    const [mail] = await mailTo(email);
    expect(mail?.subject).toBe(`Confirm your signature: ${letter.title}`);
    const confirmLink = linkIn(mail!.body, "/confirm?token=");
    expect(linkIn(mail!.body, "/withdraw?token=")).toMatch(/^\/letters\/.+\/withdraw\?token=[0-9a-f]{32}\.[\w-]{22}$/);

    // Opening the link changes nothing by itself (mail scanners open links): it shows a button.
    const page = await fetchApp(confirmLink, LOCAL_MAIL);
    expect(page.status).toBe(200);
    const document = parseHtml(await page.text());
    expect(texts(document, "h1")).toEqual(["Confirm your signature"]);
    expect((await json(letter.slug)).counts.total).toBe(1);

    const token = document.querySelector('input[name="token"]')!.getAttribute("value")!;
    const confirmed = await postForm(`/letters/${letter.slug}/confirm`, { token }, LOCAL_MAIL);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("Location")).toMatch(/\/confirmed\?receipt=/);
    const done = await getPage(confirmed.headers.get("Location")!);
    expect(texts(done.document, "h1")).toEqual(["Your signature is confirmed"]);
    expect(texts(done.document, ".counts")).toEqual([
      "The letter now has 2 signatures: 1 organization and 1 individual.",
    ]);

    const after = await json(letter.slug);
    expect(after.counts.total).toBe(2);
    expect(after.signatories.map((s) => s.name)).toEqual(["AFL-CIO", "Ana Confirm"]);
    // The letter's text, then its two signatures.
    expect(after.record.length).toBe(3);
  });

  it("says 'already confirmed' on a second click, and counts once", async () => {
    const letter = await createLetter();
    await postSignature(letter.slug, individual({ email: "twice@example.org" }), { env: LOCAL_MAIL });
    const link = linkIn((await mailTo("twice@example.org"))[0]!.body, "/confirm?token=");
    const token = new URL(link, "https://x").searchParams.get("token")!;
    const clicks = await Promise.all(
      [1, 2, 3].map(() => postForm(`/letters/${letter.slug}/confirm`, { token }, LOCAL_MAIL)),
    );
    expect(clicks.map((r) => r.status).sort()).toEqual([200, 200, 303]);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1 });
    const again = await fetchApp(link, LOCAL_MAIL);
    expect(texts(parseHtml(await again.text()), "h1")).toEqual(["Already confirmed"]);
  });

  it("stores no link secret: links are derived from the signature's public reference under SECRET_KEY", async () => {
    const letter = await createLetter();
    await postSignature(letter.slug, individual({ email: "hashed@example.org" }), { env: LOCAL_MAIL });
    const body = (await mailTo("hashed@example.org"))[0]!.body;
    const tokens = ["/confirm?token=", "/withdraw?token="].map((marker) =>
      new URL(linkIn(body, marker), "https://x").searchParams.get("token")!,
    );
    const [row] = await signatureRows(letter.slug);
    for (const token of tokens) expect(JSON.stringify(row)).not.toContain(token.split(".")[1]);
    expect(row).toMatchObject({ confirm_token_hash: null, withdraw_token_hash: null });
    expect(row!.email_hash).toMatch(/^[0-9a-f]{64}$/);
    // A reference with another MAC confirms nothing.
    const [ref] = tokens[0]!.split(".");
    const forged = await fetchApp(`/letters/${letter.slug}/confirm?token=${ref}.${"A".repeat(22)}`, LOCAL_MAIL);
    expect(forged.status).toBe(404);
  });

  it("refuses an expired link with 410, and an unknown or malformed one", async () => {
    const letter = await createLetter();
    await postSignature(letter.slug, individual({ email: "late@example.org" }), { env: LOCAL_MAIL });
    const link = linkIn((await mailTo("late@example.org"))[0]!.body, "/confirm?token=");
    await runStatements([
      `UPDATE signatures SET confirm_expires_at = '2001-01-01T00:00:00.000Z' WHERE email = 'late@example.org'`,
    ]);
    const expired = await fetchApp(link, LOCAL_MAIL);
    expect(expired.status).toBe(410);
    expect(texts(parseHtml(await expired.text()), "h1")).toEqual(["This link has expired"]);
    const token = new URL(link, "https://x").searchParams.get("token")!;
    expect((await postForm(`/letters/${letter.slug}/confirm`, { token }, LOCAL_MAIL)).status).toBe(410);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 0 });

    expect((await fetchApp(`/letters/${letter.slug}/confirm?token=${"A".repeat(43)}`, LOCAL_MAIL)).status).toBe(404);
    expect((await fetchApp(`/letters/${letter.slug}/confirm?token=short`, LOCAL_MAIL)).status).toBe(404);
    expect((await fetchApp(`/letters/${letter.slug}/confirm`, LOCAL_MAIL)).status).toBe(404);
  });

  it("sends the same link again when an unconfirmed address signs again, answering exactly as the first time", async () => {
    const letter = await createLetter();
    const email = "again@example.org";
    const first = await postSignature(letter.slug, individual({ name: "First Try", email }), { env: LOCAL_MAIL });
    const second = await postSignature(letter.slug, individual({ name: "First Try", email: " AGAIN@example.org" }), {
      env: LOCAL_MAIL,
    });
    expect(second.status).toBe(first.status);
    const [a, b] = await Promise.all([
      getPage(first.headers.get("Location")!),
      getPage(second.headers.get("Location")!),
    ]);
    expect(
      b.document
        .querySelector("main")!
        .toString()
        .replace(/token=[\w-]+/g, ""),
    ).toBe(
      a.document
        .querySelector("main")!
        .toString()
        .replace(/token=[\w-]+/g, ""),
    );
    const mails = await mailTo(email);
    expect(mails).toHaveLength(2);
    // Every link ever sent keeps working: the signature has one of each kind.
    expect(linkIn(mails[1]!.body, "/confirm?token=")).toBe(linkIn(mails[0]!.body, "/confirm?token="));
    expect(linkIn(mails[1]!.body, "/withdraw?token=")).toBe(linkIn(mails[0]!.body, "/withdraw?token="));
    expect((await fetchApp(linkIn(mails[0]!.body, "/confirm?token="), LOCAL_MAIL)).status).toBe(200);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
  });

  it("sends at most five emails about one signature in a day", async () => {
    const letter = await createLetter();
    const email = "capped@example.org";
    for (let attempt = 0; attempt < 8; attempt++) {
      expect((await postSignature(letter.slug, individual({ email }), { env: LOCAL_MAIL })).status).toBe(303);
    }
    expect(await mailTo(email)).toHaveLength(5);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ emails_sent: 5 });
  });

  it("tells a confirmed signer who signs again that they already signed, and changes nothing", async () => {
    const letter = await createLetter();
    const email = "done@example.org";
    await postSignature(letter.slug, individual({ email }), { env: LOCAL_MAIL });
    const token = new URL(linkIn((await mailTo(email))[0]!.body, "/confirm?token="), "https://x").searchParams.get(
      "token",
    )!;
    await postForm(`/letters/${letter.slug}/confirm`, { token }, LOCAL_MAIL);
    const repeat = await postSignature(letter.slug, individual({ name: "Other Name", email }), { env: LOCAL_MAIL });
    expect(repeat.status).toBe(303);
    const mails = await mailTo(email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      `Confirm your signature: ${letter.title}`,
      `You have already signed: ${letter.title}`,
    ]);
    expect(mails[1]!.body).toContain(`/letters/${letter.slug}/withdraw?token=`);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1 });
    expect((await signatureRows(letter.slug)).map((row) => row.name)).not.toContain("Other Name");
  });

  it("lets a letter take signatures without confirmation, or insist on it", async () => {
    const open = await createLetter({ confirmSignatures: false });
    await postSignature(open.slug, individual({ email: "direct@example.org" }), { env: LOCAL_MAIL });
    expect(await letterRow(open.slug)).toMatchObject({ signature_count: 1 });
    // Counted at once; the signer's private link goes by email, never only in the answer.
    const mails = await mailTo("direct@example.org");
    expect(mails.map((mail) => mail.subject)).toEqual([`Thank you for signing: ${open.title}`]);
    expect(linkIn(mails[0]!.body, "/withdraw?token=")).toMatch(/withdraw\?token=[0-9a-f]{32}\.[\w-]{22}$/);

    const strict = await createLetter({ confirmSignatures: true });
    const refused = await postSignature(strict.slug, individual(), { env: { MAILER: "" } });
    expect(refused.status).toBe(503);
    expect(await signatureRows(strict.slug)).toHaveLength(0);
  });

  it("delivers through Resend's API when configured, and never reaches the network in tests", async () => {
    const letter = await createLetter();
    const calls: { url: string; init: RequestInit }[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
      calls.push({ url: new Request(input).url, init: init ?? {} });
      return Promise.resolve(new Response(JSON.stringify({ id: "email-1" }), { status: 200 }));
    });
    const resend = { RESEND_API_KEY: "re_test_key", MAIL_FROM: "Undersigned <letters@example.org>" };
    await postSignature(letter.slug, individual({ email: "resend@example.org" }), { env: resend });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("https://api.resend.com/emails");
    expect(new Headers(calls[0]!.init.headers).get("Authorization")).toBe("Bearer re_test_key");
    const body = await new Response(calls[0]!.init.body).json<{
      from: string;
      to: string[];
      subject: string;
      text: string;
    }>();
    expect(body).toMatchObject({ from: "Undersigned <letters@example.org>", to: ["resend@example.org"] });
    expect(body.text).toContain(`/letters/${letter.slug}/confirm?token=`);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 0 });
  });

  it("keeps the signature unconfirmed and asks to send it again when the mail provider fails, logging no address", async () => {
    const letter = await createLetter();
    vi.spyOn(globalThis, "fetch").mockResolvedValue(
      new Response('{"message":"bad to: failing@example.org"}', { status: 422 }),
    );
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void logged.push(String(line)));
    const response = await postSignature(letter.slug, individual({ email: "failing@example.org" }), {
      env: { RESEND_API_KEY: "re_test_key", MAIL_FROM: "letters@example.org" },
    });
    // "Check your email" would be untrue: the form comes back, and sending it again sends a new email.
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.text()).toContain("could not send the email");
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ status: "unconfirmed" });
    expect(logged.join("\n")).toContain("mail_failed");
    expect(logged.join("\n")).not.toContain("failing@example.org");
  });
});
