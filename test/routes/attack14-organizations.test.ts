/**
 * Attacks on organizations as signatories (issue 14): a squatter who signs
 * for an organization before it does, one organization signing twice under
 * spellings that look the same, an email-domain verification that proves
 * nothing, and steps that go between signing, withdrawing, the queue and the
 * organizers' hand. Through HTTP in workerd with the real D1 and the real
 * emails from the local outbox. Each test was a fault.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { expireUnconfirmed } from "../../src/storage/maintenance";
import {
  createLetter,
  fetchApp,
  linkIn,
  logIn,
  mailTo,
  organization,
  organizerPost,
  parseHtml,
  postForm,
  postSignature,
  recordingQueue,
  signatureRows,
  stopClock,
} from "../helpers";

const LOCAL_MAIL = { MAILER: "local" };
const SLOW = { timeout: 60_000 };

/** Opens the newest confirmation link emailed to `email` and presses its button; the answer to the press. */
async function confirmFromEmail(slug: string, email: string): Promise<Response> {
  const mails = await mailTo(email);
  const link = linkIn(mails.at(-1)!.body, "/confirm?token=");
  const page = parseHtml(await (await fetchApp(link, LOCAL_MAIL)).text());
  const form = Object.fromEntries(
    page.querySelectorAll("form input").map((input) => [input.getAttribute("name")!, input.getAttribute("value")!]),
  );
  return postForm(`/letters/${slug}/confirm`, form, LOCAL_MAIL);
}

/** Signs for an organization through the form and confirms it from the email. */
async function signAndConfirm(slug: string, fields: Record<string, string>): Promise<void> {
  const response = await postSignature(slug, organization(fields), { env: LOCAL_MAIL });
  expect(response.status).toBe(303);
  expect((await confirmFromEmail(slug, fields.email!)).status).toBe(303);
}

afterEach(() => {
  vi.useRealTimers();
});

function listPath(slug: string): string {
  return `/admin/letters/${slug}/signatures`;
}

describe("one organization, spellings that look the same", () => {
  // Each looks exactly like "Oxfam" on the page: a mark the eye can't see after or inside it. The text
  // rules refuse some invisible characters (U+200B, U+2060, U+FEFF…), not these (Unicode's
  // Default_Ignorable_Code_Point: direction marks, joiners, fillers, invisible operators, tags).
  const lookalikes = [
    ["a left-to-right mark", "Oxfam\u200E"],
    ["a zero-width joiner", "Ox\u200Dfam"],
    ["a zero-width non-joiner", "Oxf\u200Cam"],
    ["a Hangul filler", "Oxfam\u3164"],
    ["an invisible times", "Ox\u2062fam"],
    ["a tag character", "Oxfam\u{E0041}"],
  ] as const;

  it.each(lookalikes)(
    "answers a second contact who writes the name with %s as the organization it is (409, nothing stored)",
    async (_, lookalike) => {
      const letter = await createLetter({ confirmSignatures: true });
      await signAndConfirm(letter.slug, { organization_name: "Oxfam", email: "ana@oxfam.org" });
      const second = await postSignature(
        letter.slug,
        organization({ organization_name: lookalike, email: "bo@gmail.com" }),
        { env: LOCAL_MAIL },
      );
      expect(second.status).toBe(409);
      expect(await signatureRows(letter.slug)).toHaveLength(1);
    },
  );
});

describe("one organization, letters of another script that look the same", () => {
  // "Оxfam" with a Cyrillic О (U+041E) looks exactly like "Oxfam" on the page and in the delivery
  // document, but its key is another (NFKD keeps scripts apart), so a squatter can list a second
  // "Oxfam" beside the real one, or take the name before it and be told from it by nobody. The rule
  // that would catch it is Unicode's confusable "skeleton" (UTS #39, https://www.unicode.org/reports/tr39/),
  // which needs its data table (a maintained package); mixed-script names could also be refused. Left failing.
  it.fails("answers a second contact who writes the name with a Cyrillic О as the organization it is", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    await signAndConfirm(letter.slug, { organization_name: "Oxfam", email: "ana@oxfam.org" });
    const second = await postSignature(
      letter.slug,
      organization({ organization_name: "\u041Exfam", email: "bo@gmail.com" }),
      { env: LOCAL_MAIL },
    );
    expect(second.status).toBe(409);
  });
});

describe("an email-domain verification that proves nothing", () => {
  // Providers that give anyone an address (mail for activists, privacy mail, forwarding aliases) are
  // not in email-providers' list: an address there said "verified" for any name whose website was them.
  const providers = [
    "riseup.net",
    "disroot.org",
    "autistici.org",
    "posteo.de",
    "tutanota.com",
    "tuta.io",
    "duck.com",
    "fastmail.com",
    "mailfence.com",
    "mozmail.com",
    "simplelogin.com",
    "addy.io",
  ];

  it.each(providers)("never marks an organization verified by an address at %s", async (provider) => {
    const letter = await createLetter({ confirmSignatures: true });
    await signAndConfirm(letter.slug, {
      organization_name: "Amnistía Internacional",
      website: `https://${provider}/`,
      email: `anyone@${provider}`,
    });
    expect(await signatureRows(letter.slug)).toMatchObject([
      { status: "confirmed", verification: null, verified_domain: null },
    ]);
  });
});

describe("a squatter who signs for an organization before it does", SLOW, () => {
  // A stranger signs "Oxfam" with their own webmail and confirms. The real Oxfam's contact is told to
  // write to the organizers, who hide the squatter's signature (a confirmed one can only be hidden; one
  // in review, rejected). The hidden or rejected row still holds the organization's key
  // (signatures_one_per_organization: organizationTakenBy lets only a withdrawn holder go), so the
  // real contact is refused again (409) and so is the organizers' own hand entry (409 "already
  // signed"). Nothing the organizers can do gives the organization its name back: there is no delete,
  // and "restore" brings back the squatter. Not a small fix (what becomes of a hidden or rejected
  // holder when the real organization signs — its row taken over, or its key released and given back
  // on restore — is a design choice): left failing.
  it.fails("gets its name back once the organizers hide the squatter", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    await signAndConfirm(letter.slug, { organization_name: "Oxfam", email: "squatter@gmail.com" });
    const real = { organization_name: "Oxfam", website: "oxfam.org", email: "ana@oxfam.org" };
    expect((await postSignature(letter.slug, organization(real), { env: LOCAL_MAIL })).status).toBe(409);

    const session = await logIn();
    const [squatter] = await signatureRows(letter.slug);
    expect((await organizerPost(session, `${listPath(letter.slug)}/${String(squatter!.token)}/hide`, {})).status).toBe(
      303,
    );
    expect(await signatureRows(letter.slug)).toMatchObject([{ status: "hidden" }]);

    // The real organization's contact signs again, as the 409 page told them to once the organizers had seen it.
    const again = await postSignature(letter.slug, organization(real), { env: LOCAL_MAIL });
    expect(again.status).toBe(303);
    expect((await confirmFromEmail(letter.slug, "ana@oxfam.org")).status).toBe(303);
    expect(
      (await signatureRows(letter.slug)).filter((row) => row.status === "confirmed").map((row) => row.email),
    ).toEqual(["ana@oxfam.org"]);
  });

  it.fails("can be entered by hand by the organizers once the squatter's signature is rejected", async () => {
    // Organizations wait for the organizers' review: the squatter's confirmed signature is in review, and rejected.
    const letter = await createLetter({ confirmSignatures: true, reviewOrganizations: true });
    await signAndConfirm(letter.slug, { organization_name: "Oxfam", email: "squatter@gmail.com" });
    const session = await logIn();
    const [squatter] = await signatureRows(letter.slug);
    expect(squatter).toMatchObject({ status: "in_review" });
    await organizerPost(session, `${listPath(letter.slug)}/${String(squatter!.token)}/reject`, {});
    expect(await signatureRows(letter.slug)).toMatchObject([{ status: "rejected" }]);
    const byHand = await organizerPost(session, listPath(letter.slug), {
      kind: "organization",
      organization_name: "Oxfam",
      website: "oxfam.org",
      contact_name: "Ana",
      email: "ana@oxfam.org",
      received: "paper",
      public: "1",
    });
    expect(byHand.status).toBe(303);
  });

  // The squatter never confirmed, and their link expired: the maintenance job withdrew the signature. The
  // public form now gives the organization to whoever signs for it next (handleRepeat revives it), but
  // the organizers' hand entry of the real organization, received on paper, is refused (409 "its
  // signature is withdrawn") whatever the holder's status (addSignatureByHand). Left failing: the hand
  // entry would have to take over the withdrawn row (its channel, contact and source), as the form does.
  it.fails("can be entered by hand once the squatter's signature is withdrawn", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const squatting = await postSignature(
      letter.slug,
      organization({ organization_name: "Oxfam", email: "squatter@gmail.com" }),
      { env: LOCAL_MAIL },
    );
    expect(squatting.status).toBe(303);
    // As the maintenance job leaves an unconfirmed signature whose link expired (storage/maintenance.ts expireUnconfirmed).
    await env.DB.prepare(
      "UPDATE signatures SET status = 'withdrawn', email = NULL, withdrawn_at = confirm_expires_at WHERE name = 'Oxfam' AND letter_id = (SELECT id FROM letters WHERE slug = ?1)",
    )
      .bind(letter.slug)
      .run();
    const session = await logIn();
    const byHand = await organizerPost(session, listPath(letter.slug), {
      kind: "organization",
      organization_name: "Oxfam",
      contact_name: "Ana",
      email: "ana@oxfam.org",
      received: "paper",
      public: "1",
    });
    expect(byHand.status).toBe(303);
    expect(await signatureRows(letter.slug)).toMatchObject([{ status: "confirmed", contact_name: "Ana" }]);
  });
});

describe("two contacts bring back one withdrawn organization at once, on the queue", SLOW, () => {
  it("tells the one that was not kept, as it tells any contact of an organization signed meanwhile", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    await signAndConfirm(letter.slug, { organization_name: "Red Cross", email: "old@redcross.org" });
    const withdraw = linkIn((await mailTo("old@redcross.org"))[0]!.body, "/withdraw?token=");
    const token = new URL(withdraw, "https://x").searchParams.get("token")!;
    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token }, LOCAL_MAIL)).status).toBe(303);

    const { queue, sent } = recordingQueue();
    const queued = { env: { SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue, ...LOCAL_MAIL } };
    // Both accepted (the organization is withdrawn: anybody may sign for it again), both told to check their email.
    for (const email of ["first@redcross.org", "second@redcross.org"])
      expect(
        (await postSignature(letter.slug, organization({ organization_name: "Red Cross", email }), queued)).status,
      ).toBe(303);
    const batch = createMessageBatch(
      "undersigned-signatures",
      sent.map((body, index) => ({ id: `rc-${index}`, timestamp: new Date(), attempts: 1, body })),
    );
    const ctx = createExecutionContext();
    await worker.queue(batch, { ...env, ...LOCAL_MAIL }, ctx);
    await getQueueResult(batch, ctx);

    expect(await signatureRows(letter.slug)).toMatchObject([{ status: "unconfirmed", email: "first@redcross.org" }]);
    expect((await mailTo("first@redcross.org")).map((mail) => mail.subject)).toEqual([
      `Confirm your signature: ${letter.title}`,
    ]);
    // The second was told "check your email" and was written nothing at all.
    const [told] = await mailTo("second@redcross.org");
    expect(told?.subject).toBe(`Your organization had already signed: ${letter.title}`);
  });
});

describe("an organization that signed without being listed", SLOW, () => {
  // It asked for its name not to be listed (hide_name), or the organizers hid it: nothing public says it
  // signed. But anyone could ask "did it?" by signing for it with their own address: the form answered
  // 409 "has already signed this letter", the API 409 too. Such a holder must be told apart only by
  // email, as an individual's repeat is: the answer is the one a new signature gets.
  it("answers a stranger who signs for it as it answers a new signature, and tells them by email", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    await signAndConfirm(letter.slug, {
      organization_name: "Fundación Discreta",
      email: "ana@discreta.org",
      hide_name: "on",
    });
    const fresh = await postSignature(letter.slug, organization({ organization_name: "Another Org" }), {
      env: LOCAL_MAIL,
    });
    expect(fresh.status).toBe(303);
    const probe = await postSignature(
      letter.slug,
      organization({ organization_name: "FUNDACION DISCRETA", email: "prober@gmail.com" }),
      { env: LOCAL_MAIL },
    );
    expect(probe.status).toBe(fresh.status);
    expect(new URL(probe.headers.get("Location")!, "https://x").pathname).toBe(
      new URL(fresh.headers.get("Location")!, "https://x").pathname,
    );
    const [told] = await mailTo("prober@gmail.com");
    expect(told?.subject).toBe(`Your organization had already signed: ${letter.title}`);

    const api = await fetchApp(`/api/v1/letters/${letter.slug}/signatures`, LOCAL_MAIL, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": "198.51.100.7" },
      body: JSON.stringify({
        kind: "organization",
        organization_name: "Fundación Discreta",
        contact_name: "Prober",
        authorized: true,
        email: "prober2@gmail.com",
      }),
    });
    expect(api.status).toBe(202);
    expect(await signatureRows(letter.slug)).toHaveLength(2);
  });

  it("answers alike for one the organizers hid", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    await signAndConfirm(letter.slug, { organization_name: "Hidden Org", email: "ana@hidden.org" });
    const session = await logIn();
    const [row] = await signatureRows(letter.slug);
    await organizerPost(session, `${listPath(letter.slug)}/${String(row!.token)}/hide`, {});
    const probe = await postSignature(
      letter.slug,
      organization({ organization_name: "Hidden Org", email: "prober3@gmail.com" }),
      { env: LOCAL_MAIL },
    );
    expect(probe.status).toBe(303);
    expect((await mailTo("prober3@gmail.com")).map((mail) => mail.subject)).toEqual([
      `Your organization had already signed: ${letter.title}`,
    ]);
  });
});

describe("a squatter who never confirms", SLOW, () => {
  // The organizers have no action on an unconfirmed signature (approve and reject act on one in review,
  // hide on a counted one), and it holds the organization's name until the maintenance job gives it up,
  // a day after its link expires (7 days). But the squatter's repeat, before then, sends the link again
  // "valid anew" (handleRepeat: reserveEmail moves confirm_expires_at on): five times a day, forever,
  // the real organization is answered 409 and the organizers can do nothing. Left failing: the
  // organizers need a way to give an unconfirmed organization up (or a repeat must not move the expiry).
  it.fails("keeps the real organization out no longer than the link's life, however often they re-sign", async () => {
    const start = Date.parse("2031-03-01T12:00:00.000Z");
    stopClock(start);
    const letter = await createLetter({ confirmSignatures: true });
    const squat = organization({ organization_name: "Oxfam", email: "squatter@gmail.com" });
    const DAY = 86_400_000;
    for (const day of [0, 6, 12]) {
      vi.setSystemTime(start + day * DAY);
      expect((await postSignature(letter.slug, squat, { env: LOCAL_MAIL })).status).toBe(303);
      await expireUnconfirmed(env.DB, new Date(start + day * DAY));
    }
    // Fourteen days on, twice the link's life: the squatter's unconfirmed signature still holds the name.
    vi.setSystemTime(start + 14 * DAY);
    await expireUnconfirmed(env.DB, new Date(start + 14 * DAY));
    const real = await postSignature(
      letter.slug,
      organization({ organization_name: "Oxfam", website: "oxfam.org", email: "ana@oxfam.org" }),
      { env: LOCAL_MAIL },
    );
    expect(real.status).toBe(303);
  });
});
