/**
 * Where a webhook may point (domain/webhook.ts webhookUrlProblem, issue 16):
 * https:// on port 443 to a public host name, never an IP address in any of
 * the spellings the URL parser (the one fetch uses) reads as one, never a
 * name only a private network resolves, never credentials. Pure: no I/O.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { webhookUrlProblem } from "../../src/domain/webhook";

/** `value` written in decimal, hexadecimal (0x or 0X, any case, leading zeros) or octal (a leading 0). */
const numberSpelling = (value: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(value.toString(10)),
    fc.record({ x: fc.constantFrom("0x", "0X"), zeros: fc.nat(3), upper: fc.boolean() }).map(({ x, zeros, upper }) => {
      const digits = "0".repeat(zeros) + value.toString(16);
      return x + (upper ? digits.toUpperCase() : digits);
    }),
    fc.nat(2).map((zeros) => `0${"0".repeat(zeros)}${value.toString(8)}`),
  );

/**
 * An IPv4 address in one of the forms the WHATWG URL parser takes (and so fetch): four parts, or
 * fewer whose last fills the remaining bytes (a.b.c16, a.b24, a32), each part in any base.
 */
const ipv4Spelling: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 4 }))
  .chain(([address, parts]) => {
    const bytes = [address >>> 24, (address >>> 16) & 0xff, (address >>> 8) & 0xff, address & 0xff];
    const leading = bytes.slice(0, parts - 1);
    const last = bytes.slice(parts - 1).reduce((sum, byte) => sum * 256 + byte, 0);
    return fc.tuple(...[...leading, last].map(numberSpelling)).map((spelled) => spelled.join("."));
  });

/** Each character of `text` percent-encoded or not: the parser decodes a host before reading it. */
const percentEncoded = (text: string): fc.Arbitrary<string> =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((encode) =>
      Array.from(text, (char, index) =>
        encode[index] ? `%${char.charCodeAt(0).toString(16).padStart(2, "0")}` : char,
      ).join(""),
    );

const hex16 = fc
  .record({ value: fc.integer({ min: 0, max: 0xffff }), zeros: fc.boolean(), upper: fc.boolean() })
  .map(({ value, zeros, upper }) => {
    const digits = value.toString(16).padStart(zeros ? 4 : 1, "0");
    return upper ? digits.toUpperCase() : digits;
  });

/**
 * An IPv6 address as written between brackets: eight groups, a run of them shortened to "::", or
 * the last two as a dotted IPv4 address (IPv4-mapped ::ffff:a.b.c.d among them).
 */
const ipv6Spelling: fc.Arbitrary<string> = fc.oneof(
  fc.array(hex16, { minLength: 8, maxLength: 8 }).map((groups) => groups.join(":")),
  fc
    .tuple(fc.array(hex16, { minLength: 0, maxLength: 3 }), fc.array(hex16, { minLength: 0, maxLength: 3 }))
    .map(([head, tail]) => `${head.join(":")}::${tail.join(":")}`),
  fc
    .tuple(fc.constantFrom("::ffff:", "::FFFF:", "0:0:0:0:0:ffff:", "::", "64:ff9b::"), fc.nat(0xffffffff))
    .map(
      ([prefix, address]) =>
        `${prefix}${[address >>> 24, (address >>> 16) & 0xff, (address >>> 8) & 0xff, address & 0xff].join(".")}`,
    ),
);

/** What may follow the host: nothing, a port, a path, a query. */
const rest = fc.constantFrom("", "/", "/hook", ":443/hook", ":8443/", "/hooks?token=abc");

describe("a webhook address", () => {
  it("is refused for an IPv4 address in every spelling the URL parser reads as one", () => {
    fc.assert(
      fc.property(ipv4Spelling.chain(percentEncoded), fc.constantFrom("", "."), rest, (host, dot, after) => {
        expect(webhookUrlProblem(`https://${host}${dot}${after}`)).toBe("ip-address");
      }),
    );
  });

  it("is refused for an IPv6 address in every spelling, IPv4-mapped ones included", () => {
    fc.assert(
      fc.property(ipv6Spelling, rest, (host, after) => {
        expect(webhookUrlProblem(`https://[${host}]${after}`)).toBe("ip-address");
      }),
    );
  });

  it("is refused for the spellings of this machine named in the issue", () => {
    for (const url of [
      "https://2130706433/",
      "https://0x7f000001/",
      "https://0x7f.0.0.1/",
      "https://0177.0.0.1/",
      "https://127.1/",
      "https://%31%32%37.0.0.1/",
      "https://\uff11\uff12\uff17.\uff10.\uff10.\uff11/",
      "https://[::1]/",
      "https://[::ffff:127.0.0.1]/",
      "https://[0:0:0:0:0:0:0:1]/",
    ]) {
      expect(webhookUrlProblem(url), url).toBe("ip-address");
    }
  });

  it("is refused for names only a private network resolves, and for a name ending in a dot", () => {
    for (const url of [
      "https://localhost/",
      "https://localhost./",
      "https://LOCALHOST/",
      "https://crm.localhost/",
      "https://nas.local/",
      "https://crm.corp.internal/",
      "https://router.home.arpa/",
      "https://1.0.0.127.in-addr.arpa/",
      "https://crm.default.svc/",
      "https://crm.lan/",
      "https://crm/",
    ]) {
      expect(webhookUrlProblem(url), url).toBe("not-public");
    }
    expect(webhookUrlProblem("https://crm.example.org./hook")).toBe("trailing-dot");
  });

  it("is refused with credentials, on another port than 443, or not over https", () => {
    expect(webhookUrlProblem("https://user@crm.example.org/")).toBe("credentials");
    expect(webhookUrlProblem("https://:secret@crm.example.org/")).toBe("credentials");
    expect(webhookUrlProblem("https://user:pw@127.0.0.1:9000/", { loopback: true })).toBe("credentials");
    expect(webhookUrlProblem("https://crm.example.org:8443/")).toBe("port");
    expect(webhookUrlProblem("https://crm.example.org:80/")).toBe("port");
    expect(webhookUrlProblem("http://crm.example.org/")).toBe("not-https");
    expect(webhookUrlProblem("ftp://crm.example.org/")).toBe("not-https");
  });

  it("is taken on a public host name, the standard port written out or not", () => {
    for (const url of [
      "https://crm.example.org/hooks/undersigned",
      "https://crm.example.org:443/hook",
      "https://hooks.zapier.com/hooks/catch/123/abc/",
      "https://xn--bcher-kva.example/hook",
      "https://bücher.example/hook",
      "https://1password.example.com/hook",
      "https://crm.localhost-tools.org/",
    ]) {
      expect(webhookUrlProblem(url), url).toBeUndefined();
    }
  });

  it("on this machine is taken, on its own port, only when the Worker runs there", () => {
    for (const url of ["https://127.0.0.1:9000/hook", "https://localhost:9000/hook", "https://[::1]:9000/hook"]) {
      expect(webhookUrlProblem(url, { loopback: true }), url).toBeUndefined();
      expect(webhookUrlProblem(url), url).toBeDefined();
    }
    expect(webhookUrlProblem("https://10.0.0.1/hook", { loopback: true })).toBe("ip-address");
    expect(webhookUrlProblem("https://localhost./hook", { loopback: true })).toBe("not-public");
  });
});
