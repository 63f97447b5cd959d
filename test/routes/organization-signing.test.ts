/**
 * Organizations as signatories, the signer's side (issue 14): one signature
 * per organization per letter, the same address signing once for its
 * organization and once as an individual, the contact's email domain
 * verified at confirmation, and the queue's path. Through HTTP with the
 * real emails from the local outbox.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import {
  createLetter,
  fetchApp,
  getPage,
  individual,
  letterRow,
  linkIn,
  mailTo,
  organization,
  parseHtml,
  postForm,
  postSignature,
  recordingQueue,
  texts,
} from "../helpers";

const LOCAL_MAIL = { MAILER: "local" };

afterEach(() => {
  vi.restoreAllMocks();
});

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

async function rows(slug: string) {
  const { results } = await env.DB.prepare(
    `SELECT kind, name, status, contact_name, verification, verified_domain, flag FROM signatures
     WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1) ORDER BY id`,
  )
    .bind(slug)
    .all<Record<string, unknown>>();
  return results;
}

describe("one address, two signatures", () => {
  it("signs once for its organization and once as an individual: both stored, emailed and confirmed", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const email = "directora@justiciaypaz.org";
    const asOrganization = await postSignature(
      letter.slug,
      organization({
        organization_name: "Fundación Justicia y Paz",
        contact_name: "Lucía Ramírez",
        contact_role: "Directora de Programas",
        email,
      }),
      { env: LOCAL_MAIL },
    );
    expect(asOrganization.status).toBe(303);
    const asPerson = await postSignature(letter.slug, individual({ name: "Lucía Ramírez", email }), {
      env: LOCAL_MAIL,
    });
    expect(asPerson.status).toBe(303);
    const mails = await mailTo(email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      `Confirm your signature: ${letter.title}`,
      `Confirm your signature: ${letter.title}`,
    ]);
    expect(mails[0]!.body).toContain("You are signing for Fundación Justicia y Paz as its contact");
    expect(mails[1]!.body).not.toContain("as its contact");

    // Each email's link confirms its own signature.
    const [first, second] = mails.map((mail) => linkIn(mail.body, "/confirm?token="));
    for (const link of [first!, second!]) {
      const page = parseHtml(await (await fetchApp(link, LOCAL_MAIL)).text());
      const form = Object.fromEntries(
        page.querySelectorAll("form input").map((input) => [input.getAttribute("name")!, input.getAttribute("value")!]),
      );
      expect((await postForm(`/letters/${letter.slug}/confirm`, form, LOCAL_MAIL)).status).toBe(303);
    }
    expect((await rows(letter.slug)).map((row) => [row.kind, row.name, row.status])).toEqual([
      ["organization", "Fundación Justicia y Paz", "confirmed"],
      ["individual", "Lucía Ramírez", "confirmed"],
    ]);
    expect(await letterRow(letter.slug)).toMatchObject({ organization_count: 1, individual_count: 1 });
  });
});

describe("one signature per organization", () => {
  it("answers a second contact with the form again, a message on the organization's name, nothing stored and nobody emailed", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    await postSignature(letter.slug, organization({ organization_name: "Oxfam", email: "ana@oxfam.org" }), {
      env: LOCAL_MAIL,
    });
    const second = await postSignature(
      letter.slug,
      organization({ organization_name: "OXFAM.", contact_name: "Bo", email: "bo@oxfam.org" }),
      { env: LOCAL_MAIL },
    );
    expect(second.status).toBe(409);
    const document = parseHtml(await second.text());
    expect(document.querySelector("#sign-organization-name-error")?.text).toMatch(
      /OXFAM\. has already signed this letter, or its signature is waiting for its contact's confirmation.*write to the letter's organizers/,
    );
    expect(document.querySelector("#sign-contact-name")?.getAttribute("value")).toBe("Bo");
    expect(await mailTo("bo@oxfam.org")).toEqual([]);
    expect(await rows(letter.slug)).toHaveLength(1);
  });

  it("is signed anew, when withdrawn, by whoever signs for it next: a new signature beside the withdrawn one", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    await postSignature(
      letter.slug,
      organization({ organization_name: "Red Cross", website: "redcross.org", email: "old@redcross.org" }),
      { env: LOCAL_MAIL },
    );
    expect((await confirmFromEmail(letter.slug, "old@redcross.org")).status).toBe(303);
    expect(await rows(letter.slug)).toMatchObject([{ status: "confirmed", verified_domain: "redcross.org" }]);
    const withdraw = linkIn((await mailTo("old@redcross.org"))[0]!.body, "/withdraw?token=");
    const token = new URL(withdraw, "https://x").searchParams.get("token")!;
    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token }, LOCAL_MAIL)).status).toBe(303);
    // Withdrawn, it gives up the organization and the domain its contact proved (and the verification that came with it).
    const [old] = await rows(letter.slug);
    expect(old).toMatchObject({ status: "withdrawn", verification: null, verified_domain: null });

    const next = await postSignature(
      letter.slug,
      organization({
        organization_name: "Red Cross",
        website: "redcross.org",
        contact_name: "New Contact",
        email: "new@redcross.org",
      }),
      { env: LOCAL_MAIL },
    );
    expect(next.status).toBe(303);
    const [withdrawn, signed] = await rows(letter.slug);
    expect(withdrawn).toEqual(old);
    expect(signed).toMatchObject({ status: "unconfirmed", contact_name: "New Contact" });
    expect((await confirmFromEmail(letter.slug, "new@redcross.org")).status).toBe(303);
    expect((await rows(letter.slug)).map((row) => [row.status, row.verified_domain])).toEqual([
      ["withdrawn", null],
      ["confirmed", "redcross.org"],
    ]);
    const counts = await env.DB.prepare("SELECT organization_count FROM letters WHERE slug = ?1")
      .bind(letter.slug)
      .first<{ organization_count: number }>();
    expect(counts?.organization_count).toBe(1);
  });

  it("lets another organization verify at the domain a withdrawn one had proved, without going to review", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const first = { organization_name: "Red Cross", website: "redcross.org", email: "first@redcross.org" };
    await postSignature(letter.slug, organization(first), { env: LOCAL_MAIL });
    expect((await confirmFromEmail(letter.slug, "first@redcross.org")).status).toBe(303);
    const withdraw = linkIn((await mailTo("first@redcross.org"))[0]!.body, "/withdraw?token=");
    const token = new URL(withdraw, "https://x").searchParams.get("token")!;
    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token }, LOCAL_MAIL)).status).toBe(303);

    const other = { organization_name: "Croix-Rouge", website: "https://redcross.org/fr", email: "ana@redcross.org" };
    expect((await postSignature(letter.slug, organization(other), { env: LOCAL_MAIL })).status).toBe(303);
    expect((await confirmFromEmail(letter.slug, "ana@redcross.org")).status).toBe(303);
    expect((await rows(letter.slug)).map((row) => [row.name, row.status, row.verified_domain, row.flag])).toEqual([
      ["Red Cross", "withdrawn", null, null],
      ["Croix-Rouge", "confirmed", "redcross.org", null],
    ]);
  });

  it("on the queue: refused before sending when another contact's organization has signed", async () => {
    const letter = await createLetter();
    await postSignature(letter.slug, organization({ organization_name: "Amnesty", email: "a@amnesty.org" }));
    const { queue, sent } = recordingQueue();
    const response = await postSignature(
      letter.slug,
      organization({ organization_name: "Amnesty", email: "b@amnesty.org" }),
      { env: { SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue } },
    );
    expect(response.status).toBe(409);
    expect(sent).toEqual([]);
  });

  it("on the queue: a conflict found by the consumer writes to the signer, never a receipt for what was not kept", async () => {
    const letter = await createLetter();
    const { queue, sent } = recordingQueue();
    const queued = { env: { SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue, ...LOCAL_MAIL } };
    // Two contacts of one organization, both queued before either is stored.
    for (const email of ["first@hrw.org", "second@hrw.org"])
      expect((await postSignature(letter.slug, organization({ organization_name: "HRW", email }), queued)).status).toBe(
        303,
      );
    expect(sent).toHaveLength(2);
    const batch = createMessageBatch(
      "undersigned-signatures",
      sent.map((body, index) => ({ id: `hrw-${index}`, timestamp: new Date(), attempts: 1, body })),
    );
    const ctx = createExecutionContext();
    await worker.queue(batch, { ...env, ...LOCAL_MAIL }, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["hrw-0", "hrw-1"]);
    expect(await rows(letter.slug)).toHaveLength(1);
    expect((await mailTo("first@hrw.org")).map((mail) => mail.subject)).toEqual([
      `Confirm your signature: ${letter.title}`,
    ]);
    const [told] = await mailTo("second@hrw.org");
    expect(told?.subject).toBe(`Your organization had already signed: ${letter.title}`);
    expect(told?.body).toContain("was not kept");
    expect(told?.body).not.toContain("/withdraw");
  });
});

describe("email-domain verification at confirmation", () => {
  async function signAndConfirm(slug: string, fields: Record<string, string>) {
    const response = await postSignature(slug, organization(fields), { env: LOCAL_MAIL });
    expect(response.status).toBe(303);
    return confirmFromEmail(slug, fields.email!);
  }

  it("verifies an address at the website's domain, or at a subdomain of it", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const confirmed = await signAndConfirm(letter.slug, {
      organization_name: "Example Org",
      website: "https://www.example.org/about",
      email: "ana@example.org",
    });
    const { document } = await getPage(confirmed.headers.get("Location")!);
    expect(texts(document, "main p").join(" ")).toContain(
      "Your address is at example.org, the domain of the organization's website: the organization is shown as verified.",
    );
    await signAndConfirm(letter.slug, {
      organization_name: "Sub Org",
      website: "suborg.net",
      email: "ana@mail.suborg.net",
    });
    expect(await rows(letter.slug)).toMatchObject([
      { status: "confirmed", verification: "email-domain", verified_domain: "example.org" },
      { status: "confirmed", verification: "email-domain", verified_domain: "suborg.net" },
    ]);
    const at = await env.DB.prepare("SELECT verified_at, confirmed_at FROM signatures WHERE verified_domain = ?1")
      .bind("example.org")
      .first<{ verified_at: string; confirmed_at: string }>();
    expect(at?.verified_at).toBe(at?.confirmed_at);
  });

  it("never verifies webmail, another domain under a public suffix, or a signature counted without confirmation", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    await signAndConfirm(letter.slug, { organization_name: "Gmail Group", website: "gmail.com", email: "x@gmail.com" });
    await signAndConfirm(letter.slug, {
      organization_name: "UK Charity",
      website: "example.co.uk",
      email: "ana@other.co.uk",
    });
    await signAndConfirm(letter.slug, { organization_name: "No Website", email: "ana@nowebsite.org" });
    expect(await rows(letter.slug)).toMatchObject([
      { status: "confirmed", verification: null },
      { status: "confirmed", verification: null },
      { status: "confirmed", verification: null },
    ]);
    // Counted at once (no confirmation asked): nothing proved the address.
    const open = await createLetter({ confirmSignatures: false });
    await postSignature(open.slug, organization({ website: "proved.org", email: "ana@proved.org" }), {
      env: LOCAL_MAIL,
    });
    expect(await rows(open.slug)).toMatchObject([{ status: "confirmed", verification: null }]);
  });

  it("sends a second organization with a domain already verified to the organizers, and says so", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    await signAndConfirm(letter.slug, { organization_name: "Acme", website: "acme.org", email: "a@acme.org" });
    const second = await signAndConfirm(letter.slug, {
      organization_name: "Acme Foundation",
      website: "www.acme.org",
      email: "b@acme.org",
    });
    expect(second.status).toBe(303);
    const { document } = await getPage(second.headers.get("Location")!);
    expect(texts(document, ".notice").join(" ")).toMatch(/already confirmed an address at the same domain/);
    expect(await rows(letter.slug)).toMatchObject([
      { name: "Acme", status: "confirmed", verified_domain: "acme.org" },
      { name: "Acme Foundation", status: "in_review", verification: null, flag: "organization-domain-taken" },
    ]);
    expect(
      await env.DB.prepare("SELECT signature_count, pending_count FROM letters WHERE slug = ?1")
        .bind(letter.slug)
        .first(),
    ).toEqual({ signature_count: 1, pending_count: 1 });
  });
});

describe("names that begin with + - @", () => {
  it("takes +Acumen and @Home Foundation through the form, and still refuses =1+1 and @SUM(A1)", async () => {
    const letter = await createLetter();
    for (const name of ["+Acumen", "@Home Foundation"])
      expect((await postSignature(letter.slug, organization({ organization_name: name }))).status).toBe(303);
    for (const name of ["=1+1", "@SUM(A1)"])
      expect((await postSignature(letter.slug, organization({ organization_name: name }))).status).toBe(422);
    const { document } = await getPage(`/letters/${letter.slug}`);
    expect(texts(document, ".signatory-list.organizations li")).toEqual(["+Acumen", "@Home Foundation"]);
  });
});
