/**
 * Attacks on "one person, one signature, by mailbox" (issue 12 §3): an
 * internationalized domain typed in capitals must be the domain IDNA makes
 * of it — what a browser's `<input type=email>` sends, and where the mail
 * goes — so that its two spellings are one mailbox and the email reaches it.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLetter, fetchApp, mailTo, postSignature, randomIp, signatureRows } from "../helpers";

const LOCAL_MAIL = { MAILER: "local" };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("an internationalized domain typed in capitals", () => {
  // JavaScript's toLowerCase turns a capital sigma before a non-letter into the final form ς
  // ("ΣΟΦΟΣ-ΑΘΗΝΑ" → "σοφος-αθηνα"); IDNA (UTS #46) maps Σ to σ wherever it stands. ς and σ are
  // different labels in IDNA 2008, so they are two different domains.
  const TYPED = "eleni@ΣΟΦΟΣ-ΑΘΗΝΑ.gr";
  const BROWSER_DOMAIN = new URL("http://ΣΟΦΟΣ-ΑΘΗΝΑ.gr").hostname;
  const WRONG_DOMAIN = new URL("http://σοφος-αθηνα.gr").hostname;

  it("is the domain IDNA gives, the one a browser sends: one mailbox, and the email goes there", async () => {
    expect(BROWSER_DOMAIN).toBe("xn----zlbaxe5aja8ac5a.gr");
    expect(WRONG_DOMAIN).not.toBe(BROWSER_DOMAIN);
    const letter = await createLetter();
    const api = await fetchApp(`/api/v1/letters/${letter.slug}/signatures`, LOCAL_MAIL, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": randomIp() },
      body: JSON.stringify({ kind: "individual", name: "Eleni Papadopoulou", email: TYPED }),
    });
    expect(api.status).toBe(202);
    // The same person, from the letter's form: the browser sends the domain in ASCII.
    const form = await postSignature(
      letter.slug,
      { kind: "individual", name: "Eleni Papadopoulou", email: `eleni@${BROWSER_DOMAIN}` },
      { env: LOCAL_MAIL },
    );
    expect(form.status).toBe(303);

    const rows = await signatureRows(letter.slug);
    expect(rows.map((row) => row.email)).toEqual([`eleni@${BROWSER_DOMAIN}`]);
    expect(await mailTo(`eleni@${WRONG_DOMAIN}`)).toHaveLength(0);
  });
});
