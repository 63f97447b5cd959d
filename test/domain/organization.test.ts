import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  emailRegistrableDomain,
  isWebmailDomain,
  organizationKey,
  personKey,
  readWebsite,
  verifiedEmailDomain,
} from "../../src/domain/organization";

describe("organizationKey", () => {
  it("gives one key to the spellings of one name", () => {
    const key = organizationKey("Fundación Justicia y Paz");
    expect(key).toBe("fundacion justicia y paz");
    for (const spelling of ["FUNDACION JUSTICIA Y PAZ", "  Fundación  Justicia y Paz. ", "Fundación Justicia y Paz"])
      expect(organizationKey(spelling)).toBe(key);
    expect(organizationKey("+Acumen")).toBe(organizationKey("Acumen"));
  });

  it("tells different organizations apart, and has no key for symbols alone", () => {
    expect(organizationKey("Amnistía Internacional")).not.toBe(organizationKey("Amnistía Internacional Honduras"));
    expect(organizationKey("+++")).toBeNull();
  });
});

describe("organizationKey and letters that look alike (UTS #39 confusables)", () => {
  it.each([
    ["a Cyrillic О", "\u041Exfam"],
    ["Cyrillic capitals", "\u041EX\u0046\u0410\u041C"],
    ["Greek capitals", "\u039F\u03A7F\u0391\u039C"],
    ["a multiplication sign for the x", "O\u00D7fam"],
    ["fullwidth letters", "\uFF2Fxfam"],
  ])("reads %s as the Latin letters it looks like", (_, name) => {
    expect(organizationKey(name)).toBe("oxfam");
  });

  it("keeps apart ASCII names UTS #39 would merge, and dashes that are punctuation", () => {
    // Its skeleton reads "m" as "rn" and "1" as "l": told apart on every page, so kept apart here.
    expect(organizationKey("Bam Foundation")).not.toBe(organizationKey("Barn Foundation"));
    expect(organizationKey("Plan 1")).not.toBe(organizationKey("Plan l"));
    // An em dash is confusable with a Katakana letter; as punctuation it stays a space.
    expect(organizationKey("Oxfam — Honduras")).toBe(organizationKey("Oxfam - Honduras"));
  });

  it("gives a name of printable ASCII the key it had before confusables were read (migrations/0028)", () => {
    const before = (name: string) =>
      name
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, " ")
        .trim() || null;
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..." !#&'()+,-./0123456789:;@ABCIMOXZabcilmorxz|~"), maxLength: 40 }),
        (name) => {
          expect(organizationKey(name)).toBe(before(name));
        },
      ),
    );
  });
});

describe("personKey", () => {
  it("is one for the spellings of one person's name and city, with their country", () => {
    const key = personKey({ name: "Ana Papel", city: "Tegucigalpa", country: "HN" });
    expect(key).toBe("ana papel|tegucigalpa|HN");
    expect(personKey({ name: "  ANA  PAPEL ", city: "TEGUCIGALPA", country: "HN" })).toBe(key);
    expect(personKey({ name: "Ána Papel", city: "Tegucigalpa.", country: "HN" })).toBe(key);
  });

  it("tells apart another city, another country, or none", () => {
    const key = personKey({ name: "Ana Papel", city: "Tegucigalpa", country: "HN" });
    expect(personKey({ name: "Ana Papel", city: "La Ceiba", country: "HN" })).not.toBe(key);
    expect(personKey({ name: "Ana Papel", city: "Tegucigalpa", country: "NI" })).not.toBe(key);
    expect(personKey({ name: "Ana Papel", city: null, country: null })).toBe("ana papel||");
    // A name of symbols only keeps a key of its own.
    expect(personKey({ name: "***", city: null, country: null })).toBe("***||");
  });
});

describe("readWebsite", () => {
  it.each([
    ["example.org", "https://example.org/", "example.org"],
    ["www.example.org/about", "https://www.example.org/about", "example.org"],
    ["http://example.org", "http://example.org/", "example.org"],
    ["https://www.example.co.uk", "https://www.example.co.uk/", "example.co.uk"],
    ["https://myorg.github.io/", "https://myorg.github.io/", "myorg.github.io"],
    ["https://fundación.org", "https://xn--fundacin-13a.org/", "xn--fundacin-13a.org"],
  ])("reads %s", (typed, url, domain) => {
    expect(readWebsite(typed)).toEqual({ url, domain });
  });

  it.each([
    "javascript:alert(1)",
    "ftp://example.org",
    "https://user:pass@example.org",
    "https://127.0.0.1",
    "localhost",
    "https://example.invalid",
    "co.uk",
    "not a website",
    "https://example.org:8443/",
  ])("refuses %s", (typed) => {
    expect(readWebsite(typed)).toBe("not-a-website");
  });

  it("refuses a website too long, and reads nothing from an empty field", () => {
    expect(readWebsite(`example.org/${"a".repeat(300)}`)).toBe("too-long");
    expect(readWebsite("  ")).toBeNull();
  });
});

describe("verifiedEmailDomain", () => {
  it("verifies an address at the website's registrable domain, or one of its subdomains", () => {
    expect(verifiedEmailDomain("ana@example.org", "https://www.example.org/")).toBe("example.org");
    expect(verifiedEmailDomain("ana@mail.example.org", "https://example.org/")).toBe("example.org");
    expect(verifiedEmailDomain("ana@example.co.uk", "https://www.example.co.uk/")).toBe("example.co.uk");
  });

  it("verifies nothing across a public suffix, for webmail, another domain or no website", () => {
    // Two organizations under co.uk share no registrable domain.
    expect(verifiedEmailDomain("ana@other.co.uk", "https://www.example.co.uk/")).toBeNull();
    expect(emailRegistrableDomain("ana@co.uk")).toBeNull();
    expect(verifiedEmailDomain("ana@gmail.com", "https://gmail.com/")).toBeNull();
    expect(verifiedEmailDomain("ana@proton.me", "https://proton.me")).toBeNull();
    expect(verifiedEmailDomain("ana@example.net", "https://example.org/")).toBeNull();
    expect(verifiedEmailDomain("ana@example.org", null)).toBeNull();
    // A site on a shared host (a private suffix) is its own: an address at the host proves nothing.
    expect(verifiedEmailDomain("ana@github.io", "https://myorg.github.io/")).toBeNull();
  });

  it("knows webmail providers, from the maintained list and ours", () => {
    expect(isWebmailDomain("gmail.com")).toBe(true);
    expect(isWebmailDomain("riseup.net")).toBe(true);
    expect(isWebmailDomain("example.org")).toBe(false);
  });
});
