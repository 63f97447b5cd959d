/**
 * An attack on the per-letter cache generations (issue 12 §4): a removed
 * name must never come back from this data center's cache once the change
 * that removed it has answered.
 */
import { createExecutionContext, createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";
import { afterEach, describe, expect, it, vi } from "vitest";
import { interceptDatabase } from "../../src/storage/database";
import {
  createLetter,
  fetchApp,
  formBody,
  individual,
  logIn,
  ORIGIN,
  postSignature,
  recordingQueue,
  SAME_ORIGIN_FORM,
  signatureRows,
  type OrganizerSession,
} from "../helpers";
import { seedSignatures } from "../seed";

const SLOW = { timeout: 60_000 };

afterEach(() => {
  vi.restoreAllMocks();
});

/** An organizer's form post through the app itself (this module's memory), with the bindings `overrides` changes. */
function organizerPostApp(
  session: OrganizerSession,
  path: string,
  fields: Record<string, string | string[]>,
  overrides: Partial<Cloudflare.Env> = {},
): Promise<Response> {
  return fetchApp(path, overrides, {
    method: "POST",
    redirect: "manual",
    headers: { ...SAME_ORIGIN_FORM, Cookie: session.cookie },
    body: formBody({ csrf: session.csrf, ...fields }),
  });
}

async function cachedPage(path: string, shown: string): Promise<void> {
  await (await fetchApp(path)).body?.cancel();
  const again = await fetchApp(path);
  expect(again.headers.get("X-Cache")).toBe("HIT");
  expect(await again.text()).toContain(shown);
}

describe("bulk moderation that fails part way", SLOW, () => {
  it("still refreshes the copies for the names it did hide", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { slug } = await createLetter();
    await seedSignatures(slug, [
      { kind: "organization", name: "Bulk Hidden First", country: "HN" },
      { kind: "organization", name: "Bulk Hidden Second", country: "HN" },
    ]);
    const page = `/letters/${slug}`;
    await cachedPage(page, "Bulk Hidden First");
    const refs = (await signatureRows(slug)).map((row) => row.token as string);
    const session = await logIn();

    // D1 fails from the second status change on: the first hide is stored, the second is not.
    let batches = 0;
    const database = interceptDatabase(env.DB, (call, invoke) => {
      if (call.method === "batch" && ++batches >= 2) {
        return Promise.reject(new Error("D1_ERROR: Network connection lost."));
      }
      return invoke();
    });
    const response = await organizerPostApp(
      session,
      `/admin/letters/${slug}/signatures/bulk`,
      { action: "hide", scope: "selected", ref: refs, step: "apply" },
      { DB: database },
    );
    await response.body?.cancel();
    expect(response.status).toBeGreaterThanOrEqual(500);
    const statuses = (await signatureRows(slug)).map((row) => row.status);
    expect(statuses).toContain("hidden");

    // The hidden name is stored as hidden: no reader of this data center may see it again.
    const name = (await signatureRows(slug)).find((row) => row.status === "hidden")!.name as string;
    const after = await fetchApp(page);
    expect((await after.text()).includes(name), `${after.headers.get("X-Cache")} copy shows ${name}`).toBe(false);
  });
});

describe("the one-second generation memory", SLOW, () => {
  it("is not put back to the old generation by a lookup that was under way when the letter changed", async () => {
    const { slug } = await createLetter();
    const [seeded] = await seedSignatures(slug, [{ kind: "organization", name: "Raced Away Org", country: "HN" }]);
    const page = `/letters/${slug}`;
    await cachedPage(page, "Raced Away Org");
    const session = await logIn();
    // Past the generation's second in memory: the next reader looks it up in the cache.
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    // The next lookup of this letter's generation reads the cache now, and answers once the hide has answered.
    const generationUrl = `${ORIGIN}/__generation/letters/${slug}`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let looked!: () => void;
    const lookedUp = new Promise<void>((resolve) => (looked = resolve));
    const cache = caches.default;
    const match = cache.match.bind(cache);
    let gated = false;
    vi.spyOn(cache, "match").mockImplementation(async (request, options) => {
      const url = typeof request === "string" ? request : request instanceof URL ? request.href : request.url;
      if (url !== generationUrl || gated) return match(request, options);
      gated = true;
      const answer = await match(request, options);
      looked();
      await gate;
      return answer;
    });

    const early = fetchApp(page); // began before the change: may show the name
    await lookedUp;
    const ref = seeded!.ref;
    const hidden = await organizerPostApp(session, `/admin/letters/${slug}/signatures/${ref}/hide`, {});
    expect(hidden.status, await hidden.text()).toBe(303);
    expect((await signatureRows(slug))[0]!.status).toBe("hidden");
    release();
    await (await early).body?.cancel();

    // A reader who comes after the hide answered, in the same Worker instance.
    const later = await fetchApp(page);
    expect((await later.text()).includes("Raced Away Org"), `${later.headers.get("X-Cache")} copy shows the name`).toBe(
      false,
    );
  });
});

describe("a slug no letter has", SLOW, () => {
  it("makes no generation in the cache (an outsider can't fill it with one entry per made-up slug)", async () => {
    const slug = `no-such-letter-${crypto.randomUUID().slice(0, 8)}`;
    for (const path of [`/letters/${slug}`, `/api/v1/letters/${slug}/counts`, `/letters/${slug}/embed`]) {
      const response = await fetchApp(path);
      expect(response.status, path).toBe(404);
      await response.body?.cancel();
    }
    expect(await caches.default.match(`${ORIGIN}/__generation/letters/${slug}`)).toBeUndefined();
  });
});

describe("the embed card's source", SLOW, () => {
  it("is keyed as the card reads it, so spellings of one source (or of none) share one copy", async () => {
    const { slug } = await createLetter();
    const first = await fetchApp(`/letters/${slug}/embed?source=partner-a`);
    await first.body?.cancel();
    for (const spelling of ["Partner-A", "PARTNER-A", "%20partner-a"]) {
      const again = await fetchApp(`/letters/${slug}/embed?source=${spelling}`);
      await again.body?.cancel();
      expect(again.headers.get("X-Cache"), spelling).toBe("HIT");
    }
    // Not a source at all: the card without one, whatever was typed.
    await (await fetchApp(`/letters/${slug}/embed`)).body?.cancel();
    for (const junk of ["!!1", "!!2", "%3Cscript%3E"]) {
      const again = await fetchApp(`/letters/${slug}/embed?source=${junk}`);
      await again.body?.cancel();
      expect(again.headers.get("X-Cache"), junk).toBe("HIT");
    }
  });
});

describe("a letter's address spelled with percent-escapes", SLOW, () => {
  it("shares the copy of the address it means (RFC 3986 §6.2.2.2), so an outsider can't make a render per spelling", async () => {
    const { slug } = await createLetter();
    await (await fetchApp(`/letters/${slug}`)).body?.cancel();
    const escaped = [...slug].map((char, index) => (index % 2 ? char : `%${char.charCodeAt(0).toString(16)}`)).join("");
    for (const path of [
      `/letters/${escaped}`,
      `/%6cetters/${slug}`,
      `/letters/${escaped.replace(/%[0-9a-f]{2}/g, (escape) => escape.toUpperCase())}`,
    ]) {
      const again = await fetchApp(path);
      expect(again.status, path).toBe(200);
      await again.body?.cancel();
      expect(again.headers.get("X-Cache"), path).toBe("HIT");
    }
  });
});

describe("the queue's consumer on a deployment without PUBLIC_URL (its documented default)", SLOW, () => {
  it("refreshes the copies of the letters it counted a signature for", async () => {
    const { slug } = await createLetter();
    const counts = `/api/v1/letters/${slug}/counts`;
    await (await fetchApp(counts)).body?.cancel();
    expect((await fetchApp(counts)).headers.get("X-Cache")).toBe("HIT");
    const { queue, sent } = recordingQueue();
    const signed = await postSignature(slug, individual({ name: "Queued Without Origin", country: "HN" }), {
      env: { SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue },
    });
    expect(signed.status).toBe(303);
    const batch = createMessageBatch(
      "undersigned-signatures",
      sent.map((body, index) => ({ id: `attack3-${slug}-${index}`, timestamp: new Date(), attempts: 1, body })),
    );
    await worker.queue(batch, { ...env, PUBLIC_URL: "" }, createExecutionContext());
    expect((await signatureRows(slug)).map((row) => row.status)).toEqual(["confirmed"]);
    const after = await fetchApp(counts);
    expect(after.headers.get("X-Cache")).toBe("MISS");
    await after.body?.cancel();
  });
});
