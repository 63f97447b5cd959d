/** The local outbox (/dev/mail) exists only with MAILER=local on localhost; anywhere else it is a 404 under any method. */
import { describe, expect, it } from "vitest";
import { fetchApp } from "../helpers";

describe("the local outbox", () => {
  it("is a 404 under any method without MAILER=local on localhost, never a 405 whose Allow says it exists", async () => {
    for (const [url, env] of [
      ["/dev/mail", { MAILER: "log" }],
      ["/dev/mail", { MAILER: "local" }],
      ["http://localhost/dev/mail", { MAILER: "log" }],
    ] as const) {
      for (const method of ["GET", "POST", "PUT", "DELETE"]) {
        const response = await fetchApp(url, env, { method });
        expect(response.status, `${method} ${url} ${env.MAILER}`).toBe(404);
        expect(response.headers.get("Allow"), `${method} ${url} ${env.MAILER}`).toBeNull();
      }
    }
    // Where it exists, it answers GET, and another method is a 405 as on any other path.
    const local = { MAILER: "local" };
    expect((await fetchApp("http://localhost/dev/mail", local)).status).toBe(200);
    expect((await fetchApp("http://localhost/dev/mail", local, { method: "POST" })).status).toBe(405);
  });
});
