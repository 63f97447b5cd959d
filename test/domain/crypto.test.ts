import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../../src/domain/crypto";

describe("base64url", () => {
  it("decodes what it encodes, for every length of the last group", () => {
    for (const length of [0, 1, 2, 3, 31, 32, 33]) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + 11) % 256);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
  });

  it("refuses a second spelling of the same bytes (the unused low bits of the last character set)", () => {
    const mac = toBase64Url(new Uint8Array(32)); // 43 characters, the last one carrying 4 bits and 2 unused
    expect(mac.endsWith("A")).toBe(true);
    for (const spare of ["B", "C", "D"]) expect(fromBase64Url(`${mac.slice(0, -1)}${spare}`)).toBeNull();
    expect(fromBase64Url("QQ")).toEqual(new Uint8Array([65]));
    expect(fromBase64Url("QR")).toBeNull();
  });

  it("refuses padding, standard base64's characters, and lengths no bytes have", () => {
    for (const text of ["QQ==", "a+b/", "abcde", "a b", "é"]) expect(fromBase64Url(text), text).toBeNull();
  });
});
