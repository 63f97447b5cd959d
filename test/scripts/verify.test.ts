/**
 * `npm run verify` as anyone would run it: against the app started by
 * `npm start` (see test/browser/start-server.ts), with --key, --save, --since and
 * --entry, and against hostile servers made here, for its exit codes
 * (0 verified, 1 something differs, 2 read mid-update, 3 could not verify)
 * and for what it refuses to request.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateSignerKey, parseSignerKey } from "../../src/domain/signed-note";
import { runVerify as verify } from "./verify-run";

const baseUrl = inject("baseUrl");
const DEMO = `${baseUrl}/letters/honduras-new-elections-2017`;

let folder = "";
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "undersigned-verify-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The checkpoint a run printed to keep: everything after its "Checkpoint to keep" line. */
function kept(stdout: string): string {
  return stdout.slice(stdout.indexOf("\n", stdout.indexOf("Checkpoint to keep")) + 1);
}

describe("npm run verify against the app", () => {
  it("verifies the demo letter, and prints the checkpoint to keep", async () => {
    const result = await verify(DEMO);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      // Other tests of the started app (the browser journeys) may have withdrawn or hidden signatures before this one.
      /^Verified: the record of "honduras-new-elections-2017" has \d+ entries, every hash checks out, and it adds up to \d+ signatures \(\d+ organizations?, \d+ individuals?\)\.\nList: the \d+ listed signator(?:y is|ies are) exactly the record's counted, listed entr(?:y|ies)\.\nEvents: \d+ signed(?:, \d+ withdrawn)? by signers; (?:nothing|[^;\n]+) by organizers; \d+ text versions?\.\n/,
    );
    // npm start signs with a key of its own (see start.test.ts): its latest checkpoint, checked against that key.
    const key = (await (await fetch(`${baseUrl}/.well-known/undersigned-record-key`)).text()).trim();
    expect(result.stdout).toMatch(
      new RegExp(
        `\nCheckpoints: \\d+ signed by ${key.replace(/[+/]/g, "\\$&")} \\(the latest covers \\d+ entries, signed \\S+\\)\\.\n`,
      ),
    );
    expect(result.stdout).toContain(
      "Checkpoint to keep (the latest signed one; check a later run against it with --since FILE):\n",
    );
    expect(kept(result.stdout)).toMatch(
      /^localhost\/letters\/honduras-new-elections-2017\n\d+\n\S{44}\ntime \S+\n\n— localhost \S+\n$/,
    );

    // The key pinned (--key): the one served verifies, another fails, naming both.
    expect((await verify(DEMO, "--key", key)).code).toBe(0);
    const other = (await parseSignerKey(await generateSignerKey("localhost"))).verifierKey.text;
    const pinned = await verify(DEMO, "--key", other);
    expect(pinned.code).toBe(1);
    expect(pinned.stderr).toContain(
      `- The server's record key is ${key}, not the ${other} you pinned with --key: the server changed its key, or is not the one you expect.\n`,
    );
    expect(pinned.stdout).toContain(
      "\nNothing to keep: the letter's checkpoints are not signed by the key you pinned (--key).\n",
    );
    expect(pinned.stdout).not.toContain("Checkpoint to keep");
  });

  it("saves what it saw, and proves a later run extends it (--save, --since FILE, --since LENGTH:HASH)", async () => {
    const file = join(folder, "kept.txt");
    const saved = await verify(DEMO, "--save", file);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(
      /Saved the latest signed checkpoint, the record's length and root and its \d+ leaf hashes to /,
    );
    const content = await readFile(file, "utf8");
    expect(content).toMatch(/^localhost\/letters\/honduras-new-elections-2017\n/);
    const [length, root] = /^(\d+):([0-9a-f]{64})$/m.exec(content)!.slice(1);
    expect(content.trimEnd().split("\n").slice(-Number(length))).toHaveLength(Number(length));

    const since = await verify(DEMO, "--since", file);
    expect(since.code).toBe(0);
    expect(since.stdout).toContain(`its first ${length} entries are the ones you saw`);
    const byHash = await verify(DEMO, "--since", `${length}:${root}`);
    expect(byHash.code).toBe(0);

    const wrong = await verify(DEMO, "--since", `${length}:${"0".repeat(64)}`);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(
      `The record's first ${length} entries no longer make the root you kept (${length}:${"0".repeat(64)})`,
    );
    const notAFile = await verify(DEMO, "--since", join(folder, "missing.txt"));
    expect(notAFile.code).toBe(3);
    expect(notAFile.stderr).toMatch(/^Could not verify: --since .*missing\.txt: ENOENT/);
  });

  it("proves an entry is in the latest checkpoint with its hash, and by the app's own proof (--entry SEQ:HASH)", async () => {
    const record = (await (await fetch(`${DEMO}/record.json`)).json()) as {
      entries: { seq: number; event: string; kind: string | null; hash: string }[];
    };
    // The letter's text is entry 1; its first signatory's entry is the one a signer would check.
    const entry = record.entries.find((item) => item.event === "signed")!;
    const found = await verify(DEMO, "--entry", `${entry.seq}:${entry.hash}`);
    expect(found.stderr).toBe("");
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(
      new RegExp(
        `\nEntry ${entry.seq} \\(signed, ${entry.kind}\\) is in the latest signed checkpoint \\(\\d+ entries, \\S+\\) with the hash you were given\\.\n`,
      ),
    );
    // The entry's page (/letters/{slug}/record/{seq}.json, not taken by the checkpoints' routes) gave its proof.
    expect(found.stdout).toMatch(
      new RegExp(
        `\nThe server's inclusion proof of entry ${entry.seq} in the tree of \\d+ entries checks out \\(\\d+ hashes\\)\\.\n`,
      ),
    );
    const wrong = await verify(DEMO, "--entry", `${entry.seq}:${"b".repeat(64)}`);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      `NOT VERIFIED: entry ${entry.seq} is not as you gave it.\n` +
        `- Entry ${entry.seq} does not have the hash you gave: it has ${entry.hash}, not ${"b".repeat(64)}. The number or the hash was copied wrong, or the entry was changed after its hash was given.\n`,
    );
    // What did verify is still said.
    expect(wrong.stdout).toMatch(/^Verified: the record of "honduras-new-elections-2017" has \d+ entries, .*\nList: /);
  });

  it("fails clearly, with exit code 3, for what it can't read", async () => {
    const missing = await verify(`${baseUrl}/letters/no-such-letter`);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^Could not verify: \S+\/letters\/no-such-letter\.json answered 404/);
    const wrong = await verify(`${baseUrl}/about`);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain("is not a letter's address");
    const usage = await verify();
    expect(usage.code).toBe(3);
    expect(usage.stderr).toContain("Usage: npm run verify --");
  });
});

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A server on a free loopback port, answering with `handler`; closed after the file's tests. */
async function serve(handler: Handler): Promise<{ origin: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

function json(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

function letter(origin: string, overrides: Record<string, unknown> = {}, record: Record<string, unknown> = {}) {
  return {
    slug: "hostile",
    counts: { total: 0, organizations: 0, individuals: 0 },
    record: { length: 0, root: null, complete: true, url: `${origin}/letters/hostile/record.json`, ...record },
    signatories: [],
    next_url: null,
    ...overrides,
  };
}

const LISTED = {
  ref: "f".repeat(32),
  kind: "individual",
  name: "Nobody",
  organization: null,
  title: null,
  city: null,
  country: null,
};

describe("npm run verify against a hostile server", () => {
  it("requests nothing off the letter's origin: not a next_url, not a redirect (exit 3)", async () => {
    let internalHits = 0;
    const internal = await serve((_, response) => {
      internalHits += 1;
      json(response, {});
    });
    const hostile = await serve((request, response) => {
      if (request.url === "/letters/hostile.json") {
        json(response, letter(hostile.origin, { next_url: `${internal.origin}/admin/secrets` }));
      } else if (request.url === "/letters/hostile/record.json") json(response, { entries: [], next_url: null });
      else if (request.url === "/letters/redirecting.json") {
        response.writeHead(302, { Location: `${internal.origin}/letters/redirecting.json` }).end();
      } else response.writeHead(404).end();
    });
    const followed = await verify(`${hostile.origin}/letters/hostile`);
    expect(followed.code).toBe(3);
    expect(followed.stderr).toBe(
      `Could not verify: The letter's signatories (page 1) is at ${internal.origin}/admin/secrets, which is not on ${hostile.origin}: the verifier follows only addresses on the letter's own origin.\n`,
    );
    const redirected = await verify(`${hostile.origin}/letters/redirecting`);
    expect(redirected.code).toBe(3);
    expect(redirected.stderr).toContain(`redirects, and its target is at ${internal.origin}/letters/redirecting.json`);
    expect(internalHits).toBe(0);
  });

  it("stops reading a body larger than 8 MB as it streams (exit 3)", async () => {
    let sent = 0;
    const chunk = Buffer.alloc(1024 * 1024, " ");
    const huge = await serve((_, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      const write = () => {
        // Until the verifier hangs up, or far past the limit.
        while (sent < 512 * chunk.length && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", write);
        }
        response.end();
      };
      write();
    });
    const result = await verify(`${huge.origin}/letters/hostile`);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(`Could not verify: ${huge.origin}/letters/hostile.json is larger than 8 MB: refused.\n`);
    expect(sent).toBeLessThan(128 * chunk.length);
  });

  it("says a letter that moved while read must be read again (exit 2), and one that did not fails (exit 1)", async () => {
    let reads = 0;
    const moving = await serve((request, response) => {
      if (request.url === "/letters/hostile.json") {
        reads += 1;
        // Listed, but not in the record read; then the record grows: an update, not (yet) a lie.
        json(
          response,
          letter(moving.origin, { signatories: [LISTED] }, reads > 1 ? { length: 1, root: "a".repeat(64) } : {}),
        );
      } else if (request.url === "/letters/hostile/record.json") json(response, { entries: [], next_url: null });
      else response.writeHead(404).end();
    });
    const moved = await verify(`${moving.origin}/letters/hostile`);
    expect(moved.code).toBe(2);
    expect(moved.stderr).toMatch(/^Read while the letter "hostile" was being updated: run again\.\n/);

    const still = await serve((request, response) => {
      if (request.url === "/letters/hostile.json") json(response, letter(still.origin, { signatories: [LISTED] }));
      else if (request.url === "/letters/hostile/record.json") json(response, { entries: [], next_url: null });
      else response.writeHead(404).end();
    });
    const failed = await verify(`${still.origin}/letters/hostile`);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(
      "NOT VERIFIED: the list of signatories is not the record's.\n" +
        `- The signatory ${LISTED.ref} is listed as "Nobody", but the record has no entry for it: it was never recorded.\n` +
        "- The list shows 1 signatory; the record counts 0 listed ones.\n",
    );

    const sealing = await serve((request, response) => {
      if (request.url === "/letters/hostile.json") json(response, letter(sealing.origin, {}, { complete: false }));
      else response.writeHead(404).end();
    });
    const incomplete = await verify(`${sealing.origin}/letters/hostile`);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toBe(`Read while the letter "hostile" was being updated: run again.\n`);
  });
});
