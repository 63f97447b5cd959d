/** waitForAnswer, which keeps npm start's addresses back until the app answers. */
import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { freePort } from "../../scripts/free-port";
import { waitForAnswer } from "../../scripts/wait-for-answer";

describe("waitForAnswer", () => {
  it("resolves only once a server answers, with its status, whatever it is", async () => {
    const port = await freePort();
    const server = createServer((_request, response) => response.writeHead(503).end());
    let listeningAt = 0;
    const timer = setTimeout(() => server.listen(port, "127.0.0.1", () => (listeningAt = Date.now())), 600);
    try {
      const status = await waitForAnswer(`http://127.0.0.1:${port}/`, { intervalMs: 50 });
      expect(status).toBe(503);
      expect(listeningAt).toBeGreaterThan(0);
    } finally {
      clearTimeout(timer);
      server.close();
    }
  });

  it("gives up when told to (the server's process has exited)", async () => {
    const port = await freePort();
    const exited = new AbortController();
    setTimeout(() => exited.abort(new Error("wrangler dev exited")), 300);
    await expect(waitForAnswer(`http://127.0.0.1:${port}/`, { signal: exited.signal, intervalMs: 50 })).rejects.toThrow(
      "wrangler dev exited",
    );
  });
});
