import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../../src/domain/cursor";
import { openReceipt, sealReceipt, type Receipt } from "../../src/domain/receipt";
import { normalizeText, publicTextProblem } from "../../src/domain/text";

describe("publicTextProblem", () => {
  it.each([
    "Ana Pérez",
    "Center for Justice and International Law (CEJIL)",
    "MoveOn.org Political Action",
    "Mennonite Central Committee U.S. Washington Office",
    "Organización Fraternal Negra Hondureña (OFRANEH)",
    "محمد عبد الله",
    "שלום עליכם",
    "李小龍",
    "Nguyễn Thị Minh Khai",
    "O'Brien-Smith",
    "Zoë d’Arc",
    "Trade Union Confederation of the Americas — TUCA",
    'Asociación de Mujeres "Las Dignas"',
    "Women's Equality = Justice Coalition",
    "+Acumen",
    "@Home Foundation",
    "-Lab Colectivo",
    "@handle",
    "+1 Fund",
  ])("accepts %s", (name) => {
    expect(publicTextProblem(name, "The name", 200)).toBeUndefined();
  });

  it.each([
    ["=1+1", /formula/],
    [" +44 20", /formula/],
    ["@SUM(A1:A2)", /formula/],
    ['+HYPERLINK("x")', /formula/],
    ["-2+3", /formula/],
    ["+ Acumen", /formula/],
    ["@ Home", /formula/],
    ["-(1)", /formula/],
    ["-10", /formula/],
    ["http://x.example", /web address/],
    ["see WWW.example.org", /web address/],
    ["javascript:alert(1)", /web address/],
    ["bit.ly/abc", /web address/],
    ["ana@example.org", /email address/],
    ["Ana\tPérez", /one line/],
    ["Ana\nPérez", /one line/],
    ["Ana\u0000", /one line/],
    ["Ana\u007F", /one line/],
    ["Ana\u202Egnp", /invisible/],
    ["Ana\u2066x\u2069", /invisible/],
    ["Ana\u200B", /invisible/],
    ["\uD800Ana", /could not be read/],
    ["Ana\uFFFD", /could not be read/],
    [`Z${"\u0301\u0302\u0303\u0304\u0305"}`, /accent marks/],
    ["x".repeat(201), /at most 200/],
    ["<b>Bold</b>", /< or >/],
    ['" onmouseover="alert(1)', /looks like code/],
  ])("refuses %j", (value, message) => {
    expect(publicTextProblem(value, "The name", 200)).toMatch(message);
  });

  it("counts characters, not UTF-16 units, against the limit", () => {
    expect(publicTextProblem("😀".repeat(200), "The name", 200)).toBeUndefined();
    expect(publicTextProblem("😀".repeat(201), "The name", 200)).toMatch(/at most 200/);
  });
});

describe("normalizeText", () => {
  it("composes accents and folds spaces", () => {
    expect(normalizeText("  Jose\u0301   Pe\u0301rez ")).toBe("José Pérez");
  });
});

describe("cursors", () => {
  it("round-trip and refuse anything else", () => {
    const cursor = { kind: "individual" as const, position: 1_000_000_000, id: 123_456 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(encodeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor("")).toBeNull();
    expect(decodeCursor("a.b")).toBeNull();
  });

  it("decode any text to a cursor we could have made, or to null, never throwing", () => {
    const cursors = fc.record({
      kind: fc.constantFrom("organization" as const, "individual" as const),
      position: fc.nat(),
      id: fc.nat(),
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), cursors.map(encodeCursor)), (text) => {
        const cursor = decodeCursor(text);
        if (cursor !== null) expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
      }),
      { numRuns: 1_000 },
    );
    fc.assert(
      fc.property(cursors, (cursor) => {
        expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
      }),
    );
  });
});

describe("receipts", () => {
  const receipt: Receipt = {
    slug: "a-letter",
    kind: "individual",
    name: "Ana",
    organization: null,
    title: null,
    city: null,
    country: "HN",
    website: null,
    isPublic: true,
    signedAt: "2026-01-01T00:00:00.000Z",
    outcome: "counted",
    ref: "0".repeat(32),
  };
  const secret = "x".repeat(40);

  it("open only with the same secret and letter, unchanged", async () => {
    const sealed = await sealReceipt(receipt, secret);
    expect(await openReceipt(sealed, "a-letter", secret)).toEqual(receipt);
    expect(await openReceipt(sealed, "another-letter", secret)).toBeNull();
    expect(await openReceipt(sealed, "a-letter", "y".repeat(40))).toBeNull();
    expect(await openReceipt(`${sealed}x`, "a-letter", secret)).toBeNull();
    expect(await openReceipt(sealed.replace(".", ".."), "a-letter", secret)).toBeNull();
    expect(sealed).not.toContain("@");
  });
});
