/**
 * One person, one signature, by mailbox rather than by spelling (issue 12,
 * section 3), through HTTP: the spellings of one inbox sign once, by the form
 * and the API alike, each repeat answered as a new signer and its address
 * written to as typed; internationalized domains are accepted and kept in
 * ASCII form; and nothing public moves when a known address signs again, or
 * when a new one signs but has not confirmed (no public `pending` count).
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createLetter,
  fetchApp,
  getPage,
  individual,
  letterRow,
  linkIn,
  logIn,
  mailTo,
  organizerPost,
  postForm,
  postSignature,
  randomIp,
  signatureRows,
  stopClock,
} from "../helpers";

const LOCAL_MAIL = { MAILER: "local" };

/** The four spellings of one Gmail inbox in the issue. */
const GMAIL_SPELLINGS = [
  "maria.lopez.test@gmail.com",
  "marialopeztest@gmail.com",
  "maria.lopez.test+carta@gmail.com",
  "MariaLopezTest@googlemail.com",
];

afterEach(() => {
  vi.useRealTimers();
});

/** POSTs a signature to the public API from a client of its own. */
function apiSign(slug: string, body: unknown, overrides: Partial<Cloudflare.Env> = LOCAL_MAIL) {
  return fetchApp(`/api/v1/letters/${slug}/signatures`, overrides, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": randomIp() },
    body: JSON.stringify(body),
  });
}

/** The thank-you page a form answer leads to, without its per-signer secrets. */
async function thankYou(response: Response): Promise<string> {
  expect(response.status).toBe(303);
  const page = await getPage(response.headers.get("Location")!);
  return page.document
    .querySelector("main")!
    .toString()
    .replace(/(token|receipt)=[\w.-]+/g, "$1=…");
}

/** Confirms through the newest confirmation link emailed to `address`. */
async function confirmFromMail(slug: string, address: string) {
  const mails = await mailTo(address);
  const link = linkIn(mails.at(-1)!.body, "/confirm?token=");
  const token = new URL(link, "https://x").searchParams.get("token")!;
  return postForm(`/letters/${slug}/confirm`, { token }, LOCAL_MAIL);
}

describe("one mailbox, one signature", () => {
  it("takes the four spellings of one Gmail inbox through the form as one signature, answering each repeat as a new signer", async () => {
    const letter = await createLetter();
    const answers: string[] = [];
    for (const email of GMAIL_SPELLINGS) {
      const response = await postSignature(letter.slug, individual({ name: "María López", email }), {
        env: LOCAL_MAIL,
      });
      answers.push(await thankYou(response));
    }
    // The same page for the first signature and for each repeat: nobody can tell them apart.
    expect(new Set(answers).size).toBe(1);
    const rows = await signatureRows(letter.slug);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: "maria.lopez.test@gmail.com", status: "unconfirmed" });
    expect(rows[0]!.mailbox_hash).toMatch(/^[0-9a-f]{64}$/);
    // Each spelling got the usual email, at the address as it was typed (lower-cased): a new confirmation link.
    for (const email of GMAIL_SPELLINGS) {
      const mails = await mailTo(email.toLowerCase());
      expect(
        mails.map((mail) => mail.subject),
        email,
      ).toEqual([`Confirm your signature: ${letter.title}`]);
    }
    // The newest link confirms the one signature; then another spelling is told it has already signed.
    expect((await confirmFromMail(letter.slug, GMAIL_SPELLINGS[3]!.toLowerCase())).status).toBe(303);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1, individual_count: 1 });
    const again = await postSignature(letter.slug, individual({ name: "Maria", email: "M.ARIALOPEZTEST@gmail.com" }), {
      env: LOCAL_MAIL,
    });
    expect(again.status).toBe(303);
    expect((await mailTo("m.arialopeztest@gmail.com")).map((mail) => mail.subject)).toEqual([
      `You have already signed: ${letter.title}`,
    ]);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1 });
  });

  it("counts one signature for the four spellings when signatures count at once, and through the API", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const answers: Record<string, unknown>[] = [];
    for (const email of GMAIL_SPELLINGS) {
      const response = await apiSign(letter.slug, { kind: "individual", name: "María López", email }, {});
      expect(response.status, email).toBe(202);
      const body = await response.json<Record<string, unknown>>();
      answers.push({ ...body, withdraw_url: typeof body.withdraw_url });
    }
    expect(answers.every((answer) => JSON.stringify(answer) === JSON.stringify(answers[0]))).toBe(true);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1, individual_count: 1 });
    const json = await (
      await fetchApp(`/letters/${letter.slug}.json`, { CACHE_MAX_AGE: "0" })
    ).json<{ counts: { total: number }; signatories: { name: string }[] }>();
    expect(json.counts.total).toBe(1);
    expect(json.signatories.map((signatory) => signatory.name)).toEqual(["María López"]);
  });

  it("keeps one signature per mailbox for hand entries too", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    await postSignature(letter.slug, individual({ email: "ana.perez+news@gmail.com" }));
    const session = await logIn();
    const added = await organizerPost(session, `/admin/letters/${letter.slug}/signatures`, {
      kind: "individual",
      name: "Ana Pérez",
      email: "AnaPerez@googlemail.com",
      public: "1",
      received: "paper",
    });
    expect(added.status).toBe(409);
    expect(await added.text()).toContain("This email address has already signed the letter.");
    expect(await signatureRows(letter.slug)).toHaveLength(1);
  });
});

describe("internationalized domain names", () => {
  it("are accepted by the API, kept in ASCII form, and the same mailbox as their ASCII spelling", async () => {
    const letter = await createLetter();
    const accepted = await apiSign(letter.slug, { kind: "individual", name: "Ana", email: "ana@correo.españa.es" });
    expect(accepted.status).toBe(202);
    const rows = await signatureRows(letter.slug);
    expect(rows.map((row) => [row.email, row.email_domain])).toEqual([
      ["ana@correo.xn--espaa-rta.es", "correo.xn--espaa-rta.es"],
    ]);
    // The confirmation went to the address in the form mail servers deliver to.
    expect(await mailTo("ana@correo.xn--espaa-rta.es")).toHaveLength(1);

    const repeat = await apiSign(letter.slug, {
      kind: "individual",
      name: "Ana",
      email: "ana@correo.xn--espaa-rta.es",
    });
    expect(repeat.status).toBe(202);
    expect(await signatureRows(letter.slug)).toHaveLength(1);
    expect(await mailTo("ana@correo.xn--espaa-rta.es")).toHaveLength(2);
  });

  it("are accepted by the form, which a browser may send in either form", async () => {
    const letter = await createLetter();
    const signed = await postSignature(letter.slug, individual({ email: "José@Bücher.example" }), { env: LOCAL_MAIL });
    expect(signed.status).toBe(422); // a local part outside ASCII is not an address we take
    const ok = await postSignature(letter.slug, individual({ email: "jose@Bücher.example" }), { env: LOCAL_MAIL });
    expect(ok.status).toBe(303);
    const repeat = await postSignature(letter.slug, individual({ email: "jose+firma@xn--bcher-kva.example" }), {
      env: LOCAL_MAIL,
    });
    expect(repeat.status).toBe(303);
    expect((await signatureRows(letter.slug)).map((row) => row.email)).toEqual(["jose@xn--bcher-kva.example"]);
  });

  it("are refused with the form's message when the domain can't be converted", async () => {
    const letter = await createLetter();
    const refused = await apiSign(letter.slug, { kind: "individual", name: "Ana", email: "ana@exa／mple.org" });
    expect(refused.status).toBe(422);
    expect((await refused.json<{ errors: Record<string, string> }>()).errors.email).toMatch(/valid email address/);
  });
});

/** Every public representation of the letter, rendered now (the edge cache off), by address. */
async function publicCopies(slug: string): Promise<Map<string, string>> {
  const addresses = [
    "/",
    "/letters.json",
    "/feed.atom",
    "/sitemap.xml",
    `/oembed?url=${encodeURIComponent(`https://undersigned.test/letters/${slug}`)}&format=json`,
    `/letters/${slug}`,
    `/letters/${slug}.json`,
    `/letters/${slug}/signatories`,
    `/letters/${slug}/signatories.json`,
    `/letters/${slug}/record.json`,
    `/letters/${slug}/embed`,
    `/letters/${slug}/feed.atom`,
    "/api/v1/letters",
    `/api/v1/letters/${slug}`,
    `/api/v1/letters/${slug}/signatories`,
    `/api/v1/letters/${slug}/signatories?kind=individual`,
    `/api/v1/letters/${slug}/record`,
    `/api/v1/letters/${slug}/counts`,
  ];
  const copies = new Map<string, string>();
  for (const address of addresses) {
    const response = await fetchApp(address, { ...LOCAL_MAIL, CACHE_MAX_AGE: "0" });
    expect(response.status, address).toBe(200);
    copies.set(address, await response.text());
  }
  return copies;
}

describe("what the public sees of a signature that is not counted", () => {
  it("does not move when a new address signs and waits for confirmation, nor when a known one signs again", async () => {
    // A stopped clock: the sign form's stamp (the time it was drawn) is then the same in every render.
    stopClock("2030-03-01T12:00:00.000Z");
    const letter = await createLetter({ organizations: ["AFL-CIO"], reviewOrganizations: true });
    const before = await publicCopies(letter.slug);
    expect(before.get(`/api/v1/letters/${letter.slug}/counts`)).not.toContain("pending");
    expect(before.get(`/letters/${letter.slug}.json`)).not.toContain("pending");

    // A new address: stored, waiting for its confirmation; an organization waiting for review, likewise.
    await postSignature(letter.slug, individual({ name: "New Signer", email: "new.signer@gmail.com" }), {
      env: LOCAL_MAIL,
    });
    const newOrg = { kind: "organization", organization_name: "New Org", contact_name: "Olga", authorized: true };
    await apiSign(letter.slug, { ...newOrg, email: "org@example.org" });
    expect((await signatureRows(letter.slug)).map((row) => row.status)).toEqual([
      "confirmed",
      "unconfirmed",
      "unconfirmed",
    ]);
    const afterNew = await publicCopies(letter.slug);
    for (const [address, copy] of before) expect(afterNew.get(address), address).toBe(copy);

    // The same mailboxes again, in other spellings: nothing public changes either.
    await postSignature(letter.slug, individual({ name: "New Signer", email: "NewSigner+x@googlemail.com" }), {
      env: LOCAL_MAIL,
    });
    await apiSign(letter.slug, { ...newOrg, organization_name: "NEW ORG", email: "ORG@example.org" });
    expect(await signatureRows(letter.slug)).toHaveLength(3);
    const afterRepeat = await publicCopies(letter.slug);
    for (const [address, copy] of before) expect(afterRepeat.get(address), address).toBe(copy);

    // Organizers still see how many wait.
    const row = await env.DB.prepare("SELECT pending_count FROM letters WHERE slug = ?1")
      .bind(letter.slug)
      .first<{ pending_count: number }>();
    expect(row?.pending_count).toBe(2);
  });
});
