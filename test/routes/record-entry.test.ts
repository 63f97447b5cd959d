/**
 * Issue 13, "signers check their own entry": the thank-you and confirmed
 * pages and the emails give the signer their entry's number and hash;
 * /letters/{slug}/record/{seq} shows the entry (or that it was withdrawn,
 * with the withdrawal entry), and its .json carries an inclusion proof that
 * checks against the record's root. Through HTTP, with the local outbox.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hashFromHex, verifyInclusion } from "../../src/domain/merkle";
import { interceptDatabase } from "../../src/storage/database";
import {
  createLetter,
  fetchApp,
  getPage,
  individual,
  linkIn,
  mailTo,
  parseHtml,
  postForm,
  postSignature,
  texts,
  translation,
} from "../helpers";
import { seedSignatures } from "../seed";

const LOCAL_MAIL = { MAILER: "local" };
const FRESH = { CACHE_MAX_AGE: "0" };

interface EntryJson {
  seq: number;
  event: string;
  ref: string;
  name: string | null;
  salt: string | null;
  digest: string;
  hash: string;
}

interface EntryDocument {
  letter: { slug: string; url: string };
  entry: EntryJson;
  later: EntryJson[];
  size: number;
  root: string;
  proof: string[];
  checkpoint: unknown;
  url: string;
}

async function entryJson(slug: string, seq: number): Promise<EntryDocument> {
  const response = await fetchApp(`/letters/${slug}/record/${seq}.json`, FRESH);
  expect(response.status).toBe(200);
  expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  return response.json<EntryDocument>();
}

/** Checks the document's proof the way a verifier would: the entry's leaf hash, in the tree of `size`, makes `root`. */
async function proofHolds(document: EntryDocument): Promise<boolean> {
  return verifyInclusion(
    document.entry.seq - 1,
    document.size,
    hashFromHex(document.entry.hash)!,
    document.proof.map((hex) => hashFromHex(hex)!),
    hashFromHex(document.root)!,
  );
}

/** The entry a thank-you or confirmed page gives its signer: number (from its link) and hash. */
function signerEntryOf(html: string): { seq: number; hash: string } | null {
  const document = parseHtml(html);
  const link = document.querySelector(".your-entry a")?.getAttribute("href");
  const hash = document.querySelector(".your-entry .record-hash")?.textContent;
  if (!link || !hash) return null;
  return { seq: Number(/\/record\/(\d+)(?:\?|$)/.exec(link)![1]), hash };
}

function tokenOf(link: string): string {
  return new URL(link, "https://x").searchParams.get("token")!;
}

describe("a signer's entry, counted at once (no mailer)", () => {
  it("is on the thank-you page with its number and hash, which the entry's page and JSON confirm", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO", "WOLA"] });
    const signed = await postSignature(
      letter.slug,
      individual({ name: "Entry Checker", email: "checker@example.org" }),
    );
    expect(signed.status).toBe(303);
    const thanks = await fetchApp(signed.headers.get("Location")!);
    // The signer's own page: never kept by a shared cache.
    expect(thanks.headers.get("Cache-Control")).toBe("private, no-store");
    const html = await thanks.text();
    const mine = signerEntryOf(html);
    // The letter's text is entry 1, its two organizations 2 and 3.
    expect(mine?.seq).toBe(4);
    expect(mine?.hash).toMatch(/^[0-9a-f]{64}$/);

    const document = await entryJson(letter.slug, 4);
    expect(document.entry).toMatchObject({ seq: 4, event: "signed", name: "Entry Checker", hash: mine!.hash });
    expect(document).toMatchObject({
      letter: { slug: letter.slug, url: `https://undersigned.test/letters/${letter.slug}` },
      later: [],
      size: 4,
      // The record's latest checkpoint, signed when the entry was first read: of the tree the proof is in.
      checkpoint: {
        size: 4,
        root: document.root,
        url: `https://undersigned.test/letters/${letter.slug}/checkpoints?before=5`,
      },
      url: `https://undersigned.test/letters/${letter.slug}/record/4`,
    });
    const record = await (
      await fetchApp(`/letters/${letter.slug}/record.json`, FRESH)
    ).json<{
      record: { root: string };
      entries: EntryJson[];
    }>();
    expect(record.entries[3]).toEqual(document.entry);
    expect(document.root).toBe(record.record.root);
    expect(await proofHolds(document)).toBe(true);
    expect(JSON.stringify(document)).not.toMatch(/@|email|token/);

    const page = await getPage(`/letters/${letter.slug}/record/4`);
    expect(page.response.status).toBe(200);
    expect(texts(page.document, "h1")).toEqual(["Entry 4 of the public record"]);
    expect(texts(page.document, ".record-event")).toEqual(["Signed the letter"]);
    expect(texts(page.document, ".record-details")).toEqual(["Entry Checker"]);
    expect(texts(page.document, ".record-hash")).toEqual([mine!.hash]);
    expect(texts(page.document, ".command")).toEqual([
      `npm run verify -- https://undersigned.test/letters/${letter.slug} --entry 4:${mine!.hash}`,
    ]);
    expect(page.document.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(page.document.toString()).not.toContain("checker@example.org");
  });

  it("proves every entry of a longer record against the same root", async () => {
    const letter = await createLetter({ organizations: Array.from({ length: 6 }, (_, i) => `Org ${i}`) });
    await seedSignatures(letter.slug, [{ name: "A" }, { name: "B", status: "withdrawn" }, { name: "C" }]);
    const roots = new Set<string>();
    // The text, six organizations, three signatures and a withdrawal.
    for (let seq = 1; seq <= 11; seq++) {
      const document = await entryJson(letter.slug, seq);
      expect(document.size).toBe(11);
      expect(await proofHolds(document), `entry ${seq}`).toBe(true);
      // A proof for another entry's place does not check.
      expect(await proofHolds({ ...document, entry: { ...document.entry, seq: (seq % 11) + 1 } })).toBe(false);
      roots.add(document.root);
    }
    expect(roots.size).toBe(1);
  });

  it("shows a withdrawn signature's entry with its withdrawal, names erased, and a cached copy refreshed", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const [leaving] = await seedSignatures(letter.slug, [{ name: "Soon Gone", city: "Tegucigalpa" }]);
    // Read through the edge cache (the default CACHE_MAX_AGE), twice: the second read is a copy.
    const before = await fetchApp(`/letters/${letter.slug}/record/3`);
    expect(await before.text()).toContain("Soon Gone");
    const cached = await fetchApp(`/letters/${letter.slug}/record/3`);
    expect(cached.headers.get("X-Cache")).toBe("HIT");
    await cached.body?.cancel();
    const cachedJson = await fetchApp(`/letters/${letter.slug}/record/3.json`);
    await cachedJson.body?.cancel();

    const withdrawn = await postForm(`/letters/${letter.slug}/withdraw`, { token: leaving!.withdrawToken });
    expect(withdrawn.status).toBe(303);

    // The copies cached before are not served: the withdrawal refreshed them, like every public copy.
    const page = await getPage(`/letters/${letter.slug}/record/3`);
    expect(page.response.headers.get("X-Cache")).toBe("MISS");
    expect(page.document.toString()).not.toContain("Soon Gone");
    expect(page.document.toString()).not.toContain("Tegucigalpa");
    expect(texts(page.document, ".record-event")).toEqual(["Signed the letter"]);
    expect(texts(page.document, ".record-details")[0]).toMatch(/^None any more: they were erased/);
    expect(texts(page.document, ".record-later li")).toEqual([
      expect.stringMatching(/^Entry 4: Withdrew their signature, /),
    ]);
    expect(page.document.querySelector(".record-later a")?.getAttribute("href")).toBe(
      `/letters/${letter.slug}/record/4`,
    );

    const document = await (await fetchApp(`/letters/${letter.slug}/record/3.json`)).json<EntryDocument>();
    expect(document.entry).toMatchObject({ seq: 3, event: "signed", name: null, salt: null });
    expect(document.later).toEqual([expect.objectContaining({ seq: 4, event: "withdrawn", name: null })]);
    expect(document.size).toBe(4);
    expect(await proofHolds(document)).toBe(true);

    const withdrawal = await getPage(`/letters/${letter.slug}/record/4`);
    expect(texts(withdrawal.document, ".record-event")).toEqual(["Withdrew their signature"]);
    expect(texts(withdrawal.document, ".record-later li")).toEqual([]);
  });

  it("shows an entry erased by the organizers' hiding without its name, and the hiding as theirs", async () => {
    const letter = await createLetter();
    await seedSignatures(letter.slug, [{ name: "Kept Private", status: "hidden" }]);
    const document = await entryJson(letter.slug, 2);
    expect(document.entry).toMatchObject({ name: null, salt: null });
    expect(document.later).toEqual([expect.objectContaining({ event: "hidden" })]);
    const page = await getPage(`/letters/${letter.slug}/record/3`);
    expect(texts(page.document, ".record-event")).toEqual(["Hidden by the organizers"]);
    expect(page.document.toString()).not.toContain("Kept Private");
  });

  it("speaks the letter's language when asked", async () => {
    const letter = await createLetter({
      organizations: ["AFL-CIO"],
      translations: [translation("es", "Carta justa", "Pedimos un proceso justo.")],
    });
    const page = await getPage(`/letters/${letter.slug}/record/3?lang=es`);
    expect(page.response.status).toBe(200);
    expect(page.document.querySelector("html")?.getAttribute("lang")).toBe("es");
    expect(texts(page.document, "h1")).toEqual(["Entrada 3 del registro público"]);
    expect(texts(page.document, ".record-event")).toEqual(["Firmó la carta"]);
  });

  it("says of a text version's entry that nothing later is about that version, not about a signature", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const text = await getPage(`/letters/${letter.slug}/record/1`);
    expect(texts(text.document, ".record-event")).toEqual(["A version of the letter's text was published"]);
    const said = texts(text.document, "main p").join(" ");
    expect(said).toContain("no later entry is about this version of the text");
    expect(said).not.toContain("this signature");
    const signature = await getPage(`/letters/${letter.slug}/record/2`);
    expect(texts(signature.document, "main p").join(" ")).toContain("no later entry is about this signature");
  });

  it.each(["0", "-1", "99999", "abc", "1e3", "01", "1.5", "%20", "9".repeat(16)])(
    "answers /record/%s with a clear 404, as a page and as JSON",
    async (seq) => {
      const letter = await createLetter({ organizations: ["AFL-CIO", "WOLA"] });
      const page = await getPage(`/letters/${letter.slug}/record/${seq}`);
      expect(page.response.status).toBe(404);
      expect(texts(page.document, "h1")).toEqual(["There is no such entry"]);
      const message = texts(page.document, "main p").join(" ");
      if (seq === "99999") expect(message).toContain("This letter's record has 3 entries so far");
      else expect(message).toContain("numbered 1, 2, 3");
      const json = await fetchApp(`/letters/${letter.slug}/record/${seq}.json`);
      expect(json.status).toBe(404);
      expect(json.headers.get("Content-Type")).toMatch(/json/);
      expect(await json.json()).toMatchObject({ error: { status: 404, title: "There is no such entry" } });
    },
  );

  it("answers an entry of a letter that does not exist with the letter's 404", async () => {
    const page = await getPage("/letters/no-such-letter-here/record/1");
    expect(page.response.status).toBe(404);
    expect(texts(page.document, "h1")).toEqual(["Letter not found"]);
    expect((await fetchApp("/letters/no-such-letter-here/record/1.json")).status).toBe(404);
  });

  it("says a signature waiting for review has no entry yet", async () => {
    const letter = await createLetter({ reviewOrganizations: true });
    const signed = await postSignature(letter.slug, {
      kind: "organization",
      organization_name: "Reviewed Org",
      contact_name: "Rita",
      authorized: "on",
      email: "org@example.org",
    });
    const html = await (await fetchApp(signed.headers.get("Location")!)).text();
    expect(signerEntryOf(html)).toBeNull();
    expect(texts(parseHtml(html), ".your-entry p")).toEqual([
      "Your signature gets its entry in the letter's public record once the organizers approve it.",
    ]);
  });
});

describe("a signer's entry with a mailer", () => {
  it("confirming by email: the email names the reference, the confirmed page gives the entry", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"] });
    const email = "confirms@example.org";
    const signed = await postSignature(letter.slug, individual({ name: "Confirmed Signer", email }), {
      env: LOCAL_MAIL,
    });
    // Nothing to give before confirming.
    const thanks = await fetchApp(signed.headers.get("Location")!, LOCAL_MAIL);
    expect(signerEntryOf(await thanks.text())).toBeNull();

    const [mail] = await mailTo(email);
    const token = tokenOf(linkIn(mail!.body, "/confirm?token="));
    const ref = token.split(".")[0]!;
    expect(mail!.body).toContain(`under the reference\n${ref}\n`);

    const confirmed = await postForm(`/letters/${letter.slug}/confirm`, { token }, LOCAL_MAIL);
    expect(confirmed.status).toBe(303);
    const done = await fetchApp(confirmed.headers.get("Location")!, LOCAL_MAIL);
    expect(done.headers.get("Cache-Control")).toBe("private, no-store");
    const mine = signerEntryOf(await done.text());
    expect(mine?.seq).toBe(3);
    const document = await entryJson(letter.slug, 3);
    expect(document.entry).toMatchObject({ ref, name: "Confirmed Signer", hash: mine!.hash });
    expect(await proofHolds(document)).toBe(true);
  });

  it("counted at once: the email gives number, hash and page; the thank-you page reads the same for a repeat", async () => {
    const letter = await createLetter({ organizations: ["AFL-CIO"], confirmSignatures: false });
    const email = "receipt@example.org";
    const first = await postSignature(letter.slug, individual({ name: "Receipt Signer", email }), { env: LOCAL_MAIL });
    const [mail] = await mailTo(email);
    expect(mail!.subject).toBe(`Thank you for signing: ${letter.title}`);
    const document = await entryJson(letter.slug, 3);
    expect(document.entry.name).toBe("Receipt Signer");
    expect(mail!.body).toContain(
      `Your signature is entry 3 of the letter's public record, with the hash\n${document.entry.hash}\n`,
    );
    expect(linkIn(mail!.body, "/record/")).toBe(`/letters/${letter.slug}/record/3`);

    // The page can't say which entry is the signer's (a repeat would then differ): the email does.
    // (The count differs: a repeat adds nothing. That is the letter's choice of counting at once.)
    const page = async (response: Response) =>
      texts(
        parseHtml(await (await fetchApp(response.headers.get("Location")!, LOCAL_MAIL)).text()),
        "main > :not(.counts)",
      );
    const firstPage = await page(first);
    expect(firstPage.join(" ")).toContain("The email we sent you gives your entry's number");
    const repeat = await postSignature(letter.slug, individual({ name: "Receipt Signer", email }), { env: LOCAL_MAIL });
    const newcomer = await postSignature(letter.slug, individual({ name: "Receipt Signer" }), { env: LOCAL_MAIL });
    expect(await page(repeat)).toEqual(await page(newcomer));

    // The owner of the repeated address is told their own entry.
    const already = (await mailTo(email)).at(-1)!;
    expect(already.subject).toBe(`You have already signed: ${letter.title}`);
    expect(already.body).toContain(`entry 3 of the letter's public record, with the hash\n${document.entry.hash}\n`);
  });

  it("an organization waiting for review is told so by email, not that it is counted", async () => {
    const letter = await createLetter({ confirmSignatures: false, reviewOrganizations: true });
    const email = "review-org@example.org";
    await postSignature(
      letter.slug,
      { kind: "organization", organization_name: "Waiting Org", contact_name: "Wim", authorized: "on", email },
      { env: LOCAL_MAIL },
    );
    const [mail] = await mailTo(email);
    expect(mail!.body).not.toContain("Your signature is counted");
    expect(mail!.body).toContain("The organizers review organizations' signatures before they count");
    expect(mail!.body).not.toContain("/record/");
    const { results } = await env.DB.prepare(
      "SELECT count(*) AS n FROM record_entries e JOIN letters l ON l.id = e.letter_id WHERE l.slug = ? AND e.event <> 'text'",
    )
      .bind(letter.slug)
      .all<{ n: number }>();
    expect(results[0]!.n).toBe(0);
  });
});

describe("a signer's entry when the record can't be read", () => {
  /** D1 failing every read of the record (sealing starts with one), and nothing else. */
  const failingRecord = () =>
    interceptDatabase(env.DB, (call, invoke) =>
      call.method !== "batch" &&
      call.statements.some((statement) => /FROM record_entries|SELECT record_length, record_sealed/.test(statement.sql))
        ? Promise.reject(new Error("D1_ERROR: Network connection lost."))
        : invoke(),
    );

  it("still shows the thank-you page, without the entry", async () => {
    const letter = await createLetter();
    const signed = await postSignature(letter.slug, individual({ name: "Thanked Anyway" }));
    const thanks = await fetchApp(signed.headers.get("Location")!, { DB: failingRecord() });
    expect(thanks.status).toBe(200);
    const html = await thanks.text();
    expect(texts(parseHtml(html), ".receipt")).toEqual(["Thanked Anyway"]);
    expect(signerEntryOf(html)).toBeNull();
  });

  it("still sends the signer's email, without the entry, and the signature stands", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const email = "unsealed@example.org";
    const signed = await postSignature(letter.slug, individual({ email }), {
      env: { ...LOCAL_MAIL, DB: failingRecord() },
    });
    expect(signed.status).toBe(303);
    const [mail] = await mailTo(email);
    expect(mail!.subject).toBe(`Thank you for signing: ${letter.title}`);
    expect(mail!.body).not.toContain("/record/");
    expect((await entryJson(letter.slug, 2)).entry.event).toBe("signed");
  });
});
