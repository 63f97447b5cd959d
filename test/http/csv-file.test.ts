/**
 * The name a CSV file is downloaded as (http/csv-file.ts attachment, RFC 6266): plain when it is
 * printable ASCII, else an ASCII fallback beside the UTF-8 name (RFC 8187), which browsers prefer.
 */
import { describe, expect, it } from "vitest";
import { attachment } from "../../src/http/csv-file";

describe("a downloaded file's Content-Disposition", () => {
  it("names an ASCII file plainly", () => {
    expect(attachment("carta-firmas-confirmadas-2026-11-30.csv", "x.csv")).toBe(
      'attachment; filename="carta-firmas-confirmadas-2026-11-30.csv"',
    );
  });

  it("gives any other name as filename*, percent-encoded, beside the ASCII fallback", () => {
    expect(attachment("año (2)'s-filas-rechazadas.csv", "carta-filas-rechazadas.csv")).toBe(
      "attachment; filename=\"carta-filas-rechazadas.csv\"; filename*=UTF-8''a%C3%B1o%20%282%29%27s-filas-rechazadas.csv",
    );
    expect(attachment('say "hi".csv', "carta.csv")).toBe(
      "attachment; filename=\"carta.csv\"; filename*=UTF-8''say%20%22hi%22.csv",
    );
  });
});
