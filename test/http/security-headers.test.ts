import { describe, expect, it } from "vitest";
import { createLetter, fetchWorker, individual, postSignature } from "../helpers";

const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

describe("security headers", () => {
  it("sends a CSP that allows no script, and forbids framing, on every kind of answer", async () => {
    const letter = await createLetter();
    const answers = [
      await fetchWorker("/"),
      await fetchWorker(`/letters/${letter.slug}`),
      await fetchWorker(`/letters/${letter.slug}.json`),
      await fetchWorker("/no/such/page"),
      await postSignature(letter.slug, { kind: "individual" }),
      await postSignature(letter.slug, individual()),
    ];
    for (const response of answers) {
      const csp = response.headers.get("Content-Security-Policy");
      expect(csp, `${response.status}`).toBe(CSP);
      expect(csp).not.toContain("script-src");
      expect(response.headers.get("X-Frame-Options")).toBe("DENY");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("Strict-Transport-Security")).toContain("max-age=");
      expect(response.headers.get("Permissions-Policy")).toContain("camera=()");
    }
  });

  it("lets any site read the JSON, and nothing else", async () => {
    const letter = await createLetter();
    expect(
      (
        await fetchWorker(`/letters/${letter.slug}.json`, { headers: { Origin: "https://partner.example" } })
      ).headers.get("Access-Control-Allow-Origin"),
    ).toBe("*");
    expect((await fetchWorker("/letters.json")).headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(
      (await fetchWorker(`/letters/${letter.slug}`, { headers: { Origin: "https://partner.example" } })).headers.get(
        "Access-Control-Allow-Origin",
      ),
    ).toBeNull();
    const preflight = await fetchWorker(`/letters/${letter.slug}.json`, {
      method: "OPTIONS",
      headers: { Origin: "https://partner.example", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toBe("GET,HEAD");
  });
});
