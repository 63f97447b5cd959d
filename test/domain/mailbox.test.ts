/**
 * The address rules of domain/mailbox.ts, without I/O: an address is kept
 * lower-cased with its domain in ASCII (IDNA) form, and one mailbox signs
 * once whatever the spelling (issue 12, section 3).
 */
import fc from "fast-check";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { asciiDomain, canonicalMailbox, mailboxHash, normalizeEmail } from "../../src/domain/mailbox";
import { isEmailAddress } from "../../src/domain/signature";

/** The canonical mailbox of an address as typed. */
const mailboxOf = (typed: string) => canonicalMailbox(normalizeEmail(typed));

describe("the canonical mailbox", () => {
  it("is one for the four spellings of one Gmail inbox in the issue", () => {
    const spellings = [
      "maria.lopez.test@gmail.com",
      "marialopeztest@gmail.com",
      "maria.lopez.test+carta@gmail.com",
      "MariaLopezTest@googlemail.com",
    ];
    expect(new Set(spellings.map(mailboxOf))).toEqual(new Set(["marialopeztest@gmail.com"]));
  });

  it("ignores case, spaces around, a +tag anywhere, and Gmail's dots wherever they are", () => {
    expect(mailboxOf("  Ana.Perez@Example.ORG ")).toBe("ana.perez@example.org");
    expect(mailboxOf("ana+news+more@example.org")).toBe("ana@example.org");
    expect(mailboxOf("a.n.a+x.y@GMAIL.com")).toBe("ana@gmail.com");
    expect(mailboxOf("ana.@googlemail.com")).toBe("ana@gmail.com");
    expect(mailboxOf("ana+@example.org")).toBe("ana@example.org");
  });

  it("keeps apart what reaches different people: dots outside Gmail, other domains, other separators", () => {
    expect(mailboxOf("ana.perez@example.org")).not.toBe(mailboxOf("anaperez@example.org"));
    expect(mailboxOf("ana.perez@outlook.com")).not.toBe(mailboxOf("anaperez@outlook.com"));
    expect(mailboxOf("ana@gmail.com")).not.toBe(mailboxOf("ana@gmail.co"));
    expect(mailboxOf("ana@mail.gmail.com")).toBe("ana@mail.gmail.com");
    expect(mailboxOf("ana-news@yahoo.com")).toBe("ana-news@yahoo.com");
    expect(mailboxOf("ana_perez@gmail.com")).toBe("ana_perez@gmail.com");
  });

  it("keeps a local part that is only a tag or only dots whole, rather than leave nothing", () => {
    expect(mailboxOf("+tag@example.org")).toBe("+tag@example.org");
    expect(mailboxOf("...@gmail.com")).toBe("...@gmail.com");
  });

  it("is the same for a domain typed in Unicode and in its ASCII form", () => {
    expect(mailboxOf("ana@correo.españa.es")).toBe("ana@correo.xn--espaa-rta.es");
    expect(mailboxOf("Ana+firma@CORREO.ESPAÑA.ES")).toBe(mailboxOf("ana@correo.xn--espaa-rta.es"));
  });

  it("is keyed under SECRET_KEY: the same hash for every spelling, another for another mailbox or key", async () => {
    const secret = env.SECRET_KEY!;
    const one = await mailboxHash(secret, normalizeEmail("maria.lopez.test+carta@gmail.com"));
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(await mailboxHash(secret, normalizeEmail("MariaLopezTest@googlemail.com"))).toBe(one);
    expect(await mailboxHash(secret, "maria.lopez.test2@gmail.com")).not.toBe(one);
    expect(await mailboxHash(`${secret}-other`, "marialopeztest@gmail.com")).not.toBe(one);
  });

  it("is idempotent and never longer than the address, over arbitrary addresses", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (typed) => {
        const address = normalizeEmail(typed);
        const mailbox = canonicalMailbox(address);
        expect(canonicalMailbox(mailbox)).toBe(mailbox);
        expect(mailbox.length).toBeLessThanOrEqual(address.length);
        expect(mailbox.endsWith(address.slice(address.lastIndexOf("@")).replace("@googlemail.com", "@gmail.com"))).toBe(
          true,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("addresses as they are kept", () => {
  it("have their domain in ASCII form, the local part as typed but lower-cased", () => {
    expect(normalizeEmail("ana@correo.españa.es")).toBe("ana@correo.xn--espaa-rta.es");
    expect(normalizeEmail(" Maria.Lopez+Carta@Correo.España.ES ")).toBe("maria.lopez+carta@correo.xn--espaa-rta.es");
    expect(normalizeEmail("josé@bücher.example")).toBe("josé@xn--bcher-kva.example");
    // Full-width letters and the ideographic full stop are what UTS #46 maps them to.
    expect(normalizeEmail("li@ＥＸＡＭＰＬＥ。org")).toBe("li@example.org");
    expect(normalizeEmail("ana@example.org")).toBe("ana@example.org");
  });

  it("are addresses we can mail when the domain converts, and not otherwise", () => {
    for (const typed of ["ana@correo.españa.es", "ana@correo.xn--espaa-rta.es", "li@例え.テスト", "a@faß.de"])
      expect(isEmailAddress(normalizeEmail(typed)), typed).toBe(true);
    for (const typed of [
      "josé@bücher.example", // a local part outside ASCII (SMTPUTF8) is not taken, as <input type=email> doesn't
      "ana@\u00ad.example", // nothing left of a label once UTS #46 maps it (a soft hyphen maps to nothing)
      "ana@exa\uff0fmple.org", // a full-width solidus maps to "/"
      "ana@example.org:25",
      "ana@example.org/x",
      "ana@[127.0.0.1]",
      "ana@1.2.3.4",
      "ana@example.123",
      "ana@exa mple.org",
      "ana@example",
      "ana@-example.org",
      `ana@${"a".repeat(64)}.org`,
      "ana@exam\u0000ple.org",
      "ana@\ud800.org",
    ])
      expect(isEmailAddress(normalizeEmail(typed)), typed).toBe(false);
  });

  it("convert a domain to ASCII, or say it can't be one", () => {
    expect(asciiDomain("ESPAÑA.es")).toBe("xn--espaa-rta.es");
    expect(asciiDomain("xn--espaa-rta.es")).toBe("xn--espaa-rta.es");
    expect(asciiDomain("example.org")).toBe("example.org");
    for (const domain of ["", "example.org:80", "a@b.org", "example.org?x", "example.org#x", "exa%41mple.org"])
      expect(asciiDomain(domain), domain).toBeNull();
    expect(asciiDomain("0x7f.1")).toBeNull();
    expect(asciiDomain("localhost")).toBeNull();
  });

  it("never throws, and what is accepted is stable and ASCII, over arbitrary text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.emailAddress()),
        (typed) => {
          const address = normalizeEmail(typed);
          if (!isEmailAddress(address)) return;
          expect(address).toMatch(/^[\x21-\x7e]+$/);
          expect(normalizeEmail(address)).toBe(address);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
