/**
 * Issue 12, section 1: only the signer can take their name off, and their
 * links always work. Each journey goes through HTTP as a signer (and a
 * stranger) would, with the emails from the local outbox.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import wranglerConfig from "../../wrangler.jsonc?raw";
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
  stopClock,
  texts,
} from "../helpers";
import { seedSignatures } from "../seed";

const LOCAL_MAIL = { MAILER: "local" };
const ADMIN = { Authorization: "Bearer Tq7vXk2pL9wRz4mWc8sNd3bY" };

afterEach(() => {
  vi.useRealTimers();
});

function tokenOf(link: string): string {
  return new URL(link, "https://x").searchParams.get("token")!;
}

/** Presses the button behind a withdrawal link, as a signer would. */
function withdraw(slug: string, token: string, overrides?: Partial<Cloudflare.Env>) {
  return postForm(`/letters/${slug}/withdraw`, { token }, overrides);
}

async function confirmFromMail(slug: string, email: string) {
  const token = tokenOf(linkIn((await mailTo(email))[0]!.body, "/confirm?token="));
  const confirmed = await postForm(`/letters/${slug}/confirm`, { token }, LOCAL_MAIL);
  expect(confirmed.status).toBe(303);
  return confirmed;
}

function apiSign(slug: string, body: unknown, overrides: Partial<Cloudflare.Env> = {}) {
  return fetchApp(`/api/v1/letters/${slug}/signatures`, overrides, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": "203.0.113.9" },
    body: JSON.stringify(body),
  });
}

/** Every public representation of the letter, read afresh. */
async function publicTexts(slug: string): Promise<string> {
  const paths = [
    `/letters/${slug}`,
    `/letters/${slug}.json`,
    `/letters/${slug}/signatories.json`,
    `/letters/${slug}/record.json`,
    `/api/v1/letters/${slug}`,
    `/api/v1/letters/${slug}/signatories`,
    `/letters/${slug}/embed`,
  ];
  const bodies = await Promise.all(paths.map(async (path) => (await fetchApp(path, { CACHE_MAX_AGE: "0" })).text()));
  return bodies.join("\n");
}

describe("a stranger who knows a signer's address", () => {
  it("gets no secret that acts on the signature, through the API or the form; its owner gets their own links", async () => {
    const letter = await createLetter();
    const victim = "victim@example.org";
    await postSignature(letter.slug, individual({ name: "Victim Person", email: victim }), { env: LOCAL_MAIL });
    await confirmFromMail(letter.slug, victim);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1 });

    // Through the API, as in the issue: the answer carries no withdrawal link (it goes by email).
    const byApi = await apiSign(letter.slug, { kind: "individual", name: "Anyone", email: victim }, LOCAL_MAIL);
    const stranger = await apiSign(
      letter.slug,
      { kind: "individual", name: "Someone New", email: "new-person@example.org" },
      LOCAL_MAIL,
    );
    expect(byApi.status).toBe(202);
    const [repeatBody, newBody] = [await byApi.json(), await stranger.json()];
    expect(repeatBody).toEqual(newBody);
    expect(JSON.stringify(repeatBody)).not.toContain("withdraw");

    // Through the form: the receipt page has no link either, and reads as a new signer's does.
    const byForm = await postSignature(letter.slug, individual({ name: "Anyone", email: victim }), { env: LOCAL_MAIL });
    const receipt = await getPage(byForm.headers.get("Location")!);
    expect(receipt.document.querySelector('a[href*="/withdraw"]')).toBeNull();
    expect(texts(receipt.document, "main p")).toContain(
      "The email we sent you has your private link to take your signature back at any time.",
    );

    // Nothing changed for the owner, who got "you have already signed" emails with their own working link.
    expect((await signatureRows(letter.slug)).find((row) => row.name === "Victim Person")).toMatchObject({
      status: "confirmed",
      email: victim,
    });
    const mails = await mailTo(victim);
    expect(mails.map((mail) => mail.subject)).toEqual([
      `Confirm your signature: ${letter.title}`,
      `You have already signed: ${letter.title}`,
      `You have already signed: ${letter.title}`,
    ]);
    const links = mails.map((mail) => linkIn(mail.body, "/withdraw?token="));
    expect(new Set(links).size).toBe(1);
    expect((await withdraw(letter.slug, tokenOf(links[2]!), LOCAL_MAIL)).status).toBe(303);
    expect(await publicTexts(letter.slug)).not.toContain("Victim Person");
  });

  it("gets, when the letter counts at once, a link that leads nowhere, and the signature stays", async () => {
    const letter = await createLetter();
    await postSignature(letter.slug, individual({ name: "Counted Person", email: "counted@example.org" }));
    const repeat = await apiSign(letter.slug, { kind: "individual", name: "Anyone", email: "counted@example.org" });
    const { withdraw_url } = await repeat.json<{ withdraw_url: string }>();
    expect(withdraw_url).toMatch(/\/withdraw\?token=[0-9a-f]{32}\.[\w-]{22}$/);
    expect((await fetchApp(new URL(withdraw_url).pathname + new URL(withdraw_url).search)).status).toBe(404);
    expect((await withdraw(letter.slug, tokenOf(withdraw_url))).status).toBe(404);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ name: "Counted Person", status: "confirmed" });
  });
});

describe("the signer's links", () => {
  it("work for the life of the signature: the first email's withdrawal link after confirming", async () => {
    const letter = await createLetter();
    const email = "keeps@example.org";
    await postSignature(letter.slug, individual({ name: "Keeps Links", email }), { env: LOCAL_MAIL });
    const confirmed = await confirmFromMail(letter.slug, email);
    expect(await publicTexts(letter.slug)).toContain("Keeps Links");

    // The confirmed page shows the same link as the email.
    const page = await getPage(confirmed.headers.get("Location")!);
    const shown = page.document.querySelector('a[href*="/withdraw?token="]')!.getAttribute("href")!;
    const emailed = linkIn((await mailTo(email))[0]!.body, "/withdraw?token=");
    expect(tokenOf(shown)).toBe(tokenOf(emailed));

    const opened = await fetchApp(emailed, LOCAL_MAIL);
    expect(opened.status).toBe(200);
    const done = await withdraw(letter.slug, tokenOf(emailed), LOCAL_MAIL);
    expect(done.status).toBe(303);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ status: "withdrawn", email: null });
    expect(await publicTexts(letter.slug)).not.toContain("Keeps Links");
    // Organizers' export leaves it out of the signatories too.
    const csv = await fetchApp(`/admin/api/letters/${letter.slug}/signatures`, {}, { headers: ADMIN });
    expect((await csv.json<{ signatures: { name: string; status: string }[] }>()).signatures).toEqual([
      expect.objectContaining({ status: "withdrawn" }),
    ]);
  });

  it("withdraw from every status, and withdrawn is final: no organizer action brings it back", async () => {
    const letter = await createLetter({ reviewOrganizations: true });
    const statuses = ["unconfirmed", "in_review", "confirmed", "hidden", "rejected"] as const;
    const seeded = await seedSignatures(
      letter.slug,
      statuses.map((status) => ({ status, kind: "organization" as const, name: `Org ${status}` })),
    );
    for (const signature of seeded) {
      const response = await withdraw(letter.slug, signature.withdrawToken, LOCAL_MAIL);
      expect(response.status, signature.status).toBe(303);
    }
    expect((await signatureRows(letter.slug)).map((row) => row.status)).toEqual(Array(5).fill("withdrawn"));
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 0 });
    for (const signature of seeded) {
      for (const action of ["restore", "approve", "hide", "reject"]) {
        const response = await fetchApp(
          `/admin/api/letters/${letter.slug}/signatures/${signature.ref}/${action}`,
          {},
          { method: "POST", headers: ADMIN },
        );
        expect(response.status, `${action} ${signature.status}`).toBe(409);
      }
    }
    expect((await signatureRows(letter.slug)).map((row) => row.status)).toEqual(Array(5).fill("withdrawn"));
    expect(await publicTexts(letter.slug)).not.toContain("Org ");
  });

  it("hide, then the signer withdraws, then restore is refused and the name stays off", async () => {
    const letter = await createLetter();
    const [signature] = await seedSignatures(letter.slug, [{ name: "Hidden Then Gone" }]);
    const hide = `/admin/api/letters/${letter.slug}/signatures/${signature!.ref}/hide`;
    expect((await fetchApp(hide, {}, { method: "POST", headers: ADMIN })).status).toBe(200);
    const withdrawn = await withdraw(letter.slug, signature!.withdrawToken);
    expect(withdrawn.status).toBe(303);
    const page = await getPage(withdrawn.headers.get("Location")!);
    expect(texts(page.document, "h1")).toEqual(["Your signature has been withdrawn"]);
    const restore = hide.replace(/hide$/, "restore");
    expect((await fetchApp(restore, {}, { method: "POST", headers: ADMIN })).status).toBe(409);
    expect(await publicTexts(letter.slug)).not.toContain("Hidden Then Gone");
    const record = await (await fetchApp(`/letters/${letter.slug}/record.json`, { CACHE_MAX_AGE: "0" })).text();
    expect(record).not.toContain("Hidden Then Gone");
  });
});

describe("the thank-you receipt", () => {
  it("shows the withdrawal link for 24 hours, then only the entry and where the link is", async () => {
    stopClock("2030-03-01T10:00:00.000Z");
    const letter = await createLetter();
    const signed = await postSignature(letter.slug, individual({ name: "Later Reader" }));
    const location = signed.headers.get("Location")!;
    expect(location).not.toMatch(/token=/);
    const fresh = await getPage(location);
    expect(fresh.document.querySelector('a[href*="/withdraw?token="]')).not.toBeNull();

    vi.setSystemTime(new Date("2030-03-02T10:00:01.000Z"));
    const later = await getPage(location);
    expect(texts(later.document, ".receipt")).toEqual(["Later Reader"]);
    expect(later.document.querySelector('a[href*="/withdraw"]')).toBeNull();
    expect(later.document.toString()).toContain("only for 24 hours after signing");
  });

  it("carries no link secret in its URL", async () => {
    const letter = await createLetter();
    const signed = await postSignature(letter.slug, individual());
    const sealed = new URL(signed.headers.get("Location")!, "https://x").searchParams.get("receipt")!;
    const page = await getPage(signed.headers.get("Location")!);
    const link = page.document.querySelector('a[href*="/withdraw?token="]')!.getAttribute("href")!;
    expect(sealed).not.toContain(tokenOf(link).split(".")[1]);
  });
});

describe("the thank-you receipt's address", () => {
  it("holds nothing of the signer that can be read from it: name, organization, city, email", async () => {
    const letter = await createLetter();
    const details = {
      name: "Unlisted Signer Zuñiga",
      organization: "Colectivo Discreto",
      city: "Choluteca",
      email: "unlisted.zuniga@example.org",
    };
    const signed = await postSignature(letter.slug, individual({ ...details, public: "no" }));
    const location = signed.headers.get("Location")!;
    const sealed = new URL(location, "https://x").searchParams.get("receipt")!;
    // Each part of it, and the whole, read as base64url (from any offset) and as it stands.
    const readings = [decodeURIComponent(location)];
    for (const part of [...sealed.split("."), sealed.replaceAll(".", "")]) {
      for (let offset = 0; offset < 4; offset++) {
        const text = part.slice(offset).replaceAll("-", "+").replaceAll("_", "/");
        readings.push(
          new TextDecoder("latin1").decode(
            Uint8Array.from(atob(text.slice(0, text.length - (text.length % 4))), (c) => c.charCodeAt(0)),
          ),
        );
      }
    }
    for (const value of Object.values(details)) {
      for (const piece of [value, value.slice(0, 6), value.split(/[ .@]/)[0]!]) {
        for (const reading of readings) expect(reading.toLowerCase()).not.toContain(piece.toLowerCase());
      }
    }
    // The page behind it still shows the signer their entry.
    expect(texts((await getPage(location)).document, ".receipt")[0]).toContain("Unlisted Signer Zuñiga");
  });
});

describe("re-signing before confirming", () => {
  it("fixes typos: the confirm page and the published entry show the corrected details", async () => {
    const letter = await createLetter();
    const email = "jorge@example.org";
    await postSignature(letter.slug, individual({ name: "Jorge Ramírz", organization: "Universidad Naconal", email }), {
      env: LOCAL_MAIL,
    });
    await postSignature(
      letter.slug,
      individual({ name: "Jorge Ramírez", organization: "Universidad Nacional", email }),
      { env: LOCAL_MAIL },
    );
    // The first email's link works, and shows what will be published.
    const link = linkIn((await mailTo(email))[0]!.body, "/confirm?token=");
    const page = parseHtml(await (await fetchApp(link, LOCAL_MAIL)).text());
    expect(page.querySelector("main")!.text).toContain("Jorge Ramírez");
    expect(page.querySelector("main")!.text).not.toContain("Ramírz");
    expect((await postForm(`/letters/${letter.slug}/confirm`, { token: tokenOf(link) }, LOCAL_MAIL)).status).toBe(303);
    const published = await publicTexts(letter.slug);
    expect(published).toContain("Jorge Ramírez");
    expect(published).toContain("Universidad Nacional");
    expect(published).not.toContain("Ramírz");
  });
});

describe("the deployment's logs", () => {
  it("keep invocation logs (URLs with link secrets, client IPs) off", () => {
    const config = JSON.parse(wranglerConfig.replace(/^\s*\/\/.*$/gm, "")) as {
      observability?: { enabled?: boolean; logs?: { invocation_logs?: boolean }; traces?: { enabled?: boolean } };
    };
    expect(config.observability?.logs?.invocation_logs).toBe(false);
    expect(config.observability?.traces?.enabled ?? false).toBe(false);
  });
});
