/**
 * Every writer of what the public sees refreshes the letter's public copies
 * (the rule of app/deps.ts PublicCopies), whoever writes: a signer through
 * the form or the API, an organizer, the queue's consumer, the maintenance
 * job. Each case caches probes that no list of keys ever named (a country
 * and kind of the API's signatories, the card with a partner's source in
 * Spanish, the counts, and the site's letters.json), makes the change, and
 * expects each probe's next GET to be rendered anew and true.
 */
import { createExecutionContext, createMessageBatch, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { SignatureMessage } from "../../src/app/signing";
import { FORM_STAMP_FIELD } from "../../src/domain/bots";
import {
  createLetter,
  fetchApp,
  individual,
  linkIn,
  logIn,
  mailTo,
  ORIGIN,
  organizerPost,
  postForm,
  postSignature,
  randomIp,
  recordingQueue,
  runStatements,
  signatureRows,
  translation,
  type LetterOptions,
  type OrganizerSession,
} from "../helpers";
import { seedSignatures } from "../seed";

/** The jobs name the copies they refresh by PUBLIC_URL: this test's origin. */
const JOB_ENV = { PUBLIC_URL: ORIGIN };
const LOCAL_MAIL = { MAILER: "local" };

/** Each case reads its probes a dozen times: more than Vitest's 5 s on a busy machine. */
const SLOW = { timeout: 60_000 };

function probes(slug: string): string[] {
  return [
    `/api/v1/letters/${slug}/signatories?country=HN`,
    `/api/v1/letters/${slug}/signatories?kind=individual&country=HN`,
    `/letters/${slug}/embed?source=partner-a&lang=es`,
    `/api/v1/letters/${slug}/counts`,
    "/letters.json",
  ];
}

function comparable(body: string): string {
  return body.replace(new RegExp(`(name="${FORM_STAMP_FIELD}"[^>]*value=")[^"]*`, "g"), "$1");
}

/** A published letter with a Spanish translation, its probes cached (each read twice: a HIT). */
async function cachedLetter(options: LetterOptions = {}) {
  const letter = await createLetter({
    translations: [translation("es", "Carta", "Pedimos un proceso justo.")],
    ...options,
  });
  await cacheProbes(letter.slug);
  return letter;
}

async function cacheProbes(slug: string): Promise<void> {
  for (const path of probes(slug)) {
    await (await fetchApp(path)).body?.cancel();
    const again = await fetchApp(path);
    expect(again.headers.get("X-Cache"), path).toBe("HIT");
    await again.body?.cancel();
  }
}

/** Every probe's next GET is a new render, the same as an uncached one; `shown` is in the first probe. */
async function expectRefreshed(slug: string, shown?: string): Promise<void> {
  for (const path of probes(slug)) {
    const response = await fetchApp(path);
    expect(response.headers.get("X-Cache"), path).toBe("MISS");
    const body = await response.text();
    expect(comparable(body), path).toBe(comparable(await (await fetchApp(path, { CACHE_MAX_AGE: "0" })).text()));
  }
  if (shown) expect(await (await fetchApp(probes(slug)[0]!)).text()).toContain(shown);
}

/**
 * A change nothing public shows (a signature waiting, or one that waited and is turned away): the letter's
 * probes are still HITs, and true. (/letters.json is left out: letters are made here behind the app's back.)
 */
async function expectUnchanged(slug: string): Promise<void> {
  for (const path of probes(slug).filter((path) => path !== "/letters.json")) {
    const response = await fetchApp(path);
    expect(response.headers.get("X-Cache"), path).toBe("HIT");
    expect(comparable(await response.text()), path).toBe(
      comparable(await (await fetchApp(path, { CACHE_MAX_AGE: "0" })).text()),
    );
  }
}

async function refOf(slug: string, name: string): Promise<string> {
  return (await signatureRows(slug)).find((row) => row.name === name)!.token as string;
}

let session: OrganizerSession | undefined;
async function organizer(): Promise<OrganizerSession> {
  return (session ??= await logIn());
}

async function runMaintenanceJob(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }),
    { ...env, ...JOB_ENV },
    ctx,
  );
}

describe("a signer", SLOW, () => {
  it("signing through the form, counted at once, refreshes the copies", async () => {
    const { slug } = await cachedLetter();
    expect((await postSignature(slug, individual({ name: "Form Signer", country: "HN" }))).status).toBe(303);
    await expectRefreshed(slug, "Form Signer");
  });

  it("signing through the API, counted at once, refreshes the copies", async () => {
    const { slug } = await cachedLetter();
    const response = await fetchApp(
      `/api/v1/letters/${slug}/signatures`,
      {},
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": randomIp() },
        body: JSON.stringify({
          kind: "individual",
          name: "Api Signer",
          email: "api.signer@example.org",
          country: "HN",
        }),
      },
    );
    expect(response.status).toBe(202);
    await expectRefreshed(slug, "Api Signer");
  });

  it("signing with email confirmation shows nothing until the signer confirms, and confirming publishes the name", async () => {
    const { slug } = await cachedLetter();
    const email = `confirming-${slug}@example.org`;
    await postSignature(slug, individual({ name: "Confirming Signer", country: "HN", email }), { env: LOCAL_MAIL });
    // Waiting signatures are not public (no pending count): the copies stay true, and readers cost no render.
    await expectUnchanged(slug);
    const token = new URL(linkIn((await mailTo(email))[0]!.body, "/confirm?token="), ORIGIN).searchParams.get("token")!;
    expect((await postForm(`/letters/${slug}/confirm`, { token }, LOCAL_MAIL)).status).toBe(303);
    await expectRefreshed(slug, "Confirming Signer");
  });
});

describe("an organizer", SLOW, () => {
  it("approving an organization in review refreshes the copies; rejecting one changes nothing public", async () => {
    const { slug } = await cachedLetter({ reviewOrganizations: true, confirmSignatures: false });
    await seedSignatures(slug, [
      { kind: "organization", name: "Approved Org", country: "HN", status: "in_review" },
      { kind: "organization", name: "Rejected Org", country: "HN", status: "in_review" },
    ]);
    await cacheProbes(slug);
    const base = `/admin/letters/${slug}/signatures`;
    expect(
      (await organizerPost(await organizer(), `${base}/${await refOf(slug, "Approved Org")}/approve`, {})).status,
    ).toBe(303);
    await expectRefreshed(slug, "Approved Org");
    await cacheProbes(slug);
    expect(
      (await organizerPost(await organizer(), `${base}/${await refOf(slug, "Rejected Org")}/reject`, {})).status,
    ).toBe(303);
    await expectUnchanged(slug);
  });

  it("approving in bulk refreshes the copies", async () => {
    const { slug } = await cachedLetter({ reviewOrganizations: true, confirmSignatures: false });
    await seedSignatures(slug, [{ kind: "organization", name: "Bulk Org", country: "HN", status: "in_review" }]);
    await cacheProbes(slug);
    const applied = await organizerPost(await organizer(), `/admin/letters/${slug}/signatures/bulk`, {
      action: "approve",
      scope: "selected",
      ref: [await refOf(slug, "Bulk Org")],
      step: "apply",
    });
    expect(applied.status).toBe(303);
    await expectRefreshed(slug, "Bulk Org");
  });

  it("entering a signature by hand refreshes the copies", async () => {
    const { slug } = await cachedLetter();
    const added = await organizerPost(await organizer(), `/admin/letters/${slug}/signatures`, {
      kind: "organization",
      organization_name: "Paper Org",
      country: "HN",
      received: "paper",
      public: "1",
    });
    expect(added.status).toBe(303);
    await expectRefreshed(slug, "Paper Org");
  });

  it("restoring a hidden signature refreshes the copies", async () => {
    const { slug } = await cachedLetter();
    await seedSignatures(slug, [{ name: "Restored Person", country: "HN", status: "hidden" }]);
    await cacheProbes(slug);
    const restored = await organizerPost(
      await organizer(),
      `/admin/letters/${slug}/signatures/${await refOf(slug, "Restored Person")}/restore`,
      {},
    );
    expect(restored.status).toBe(303);
    await expectRefreshed(slug, "Restored Person");
  });

  it("setting the order of organizations refreshes the copies", async () => {
    const { slug } = await cachedLetter({ organizations: ["First Org"] });
    await seedSignatures(slug, [{ kind: "organization", name: "Late Org", country: "HN" }]);
    await cacheProbes(slug);
    const saved = await organizerPost(await organizer(), `/admin/letters/${slug}/order`, {
      [`position-${await refOf(slug, "Late Org")}`]: "1",
      [`position-${await refOf(slug, "First Org")}`]: "2",
    });
    expect(saved.status).toBe(303);
    await expectRefreshed(slug);
  });

  it("marking an organization verified, and removing the mark, refreshes the copies each time", async () => {
    const { slug } = await cachedLetter();
    await seedSignatures(slug, [{ kind: "organization", name: "Vetted Org", country: "HN" }]);
    await cacheProbes(slug);
    const path = `/admin/letters/${slug}/signatures/${await refOf(slug, "Vetted Org")}`;
    expect((await organizerPost(await organizer(), `${path}/verify`, {})).status).toBe(303);
    await expectRefreshed(slug, '"verified":{"by":"organizers"');
    await cacheProbes(slug);
    expect((await organizerPost(await organizer(), `${path}/unverify`, {})).status).toBe(303);
    await expectRefreshed(slug, '"verified":null');
  });

  it("saving and deleting a translation refreshes the copies", async () => {
    const { slug } = await cachedLetter();
    const saved = await organizerPost(await organizer(), `/admin/letters/${slug}/translations/es`, {
      title: "Carta corregida",
      addressee: "Destinatario",
      summary: "",
      body: "Pedimos un proceso justo y transparente.",
    });
    expect(saved.status).toBe(303);
    await expectRefreshed(slug);
    await cacheProbes(slug);
    const deleted = await organizerPost(await organizer(), `/admin/letters/${slug}/translations/es/delete`, {
      confirmed: "yes",
    });
    expect(deleted.status).toBe(303);
    // The Spanish card is now a 404 (never cached); every other probe is rendered anew.
    for (const path of probes(slug).filter((path) => !path.includes("lang=es"))) {
      expect((await fetchApp(path)).headers.get("X-Cache"), path).toBe("MISS");
    }
    expect((await fetchApp(`/letters/${slug}/embed?source=partner-a&lang=es`)).status).toBe(404);
  });

  it("closing, reopening and delivering a letter refreshes the copies each time", async () => {
    const { slug } = await cachedLetter();
    const state = (change: string, extra: Record<string, string> = {}) =>
      organizerPost(session!, `/admin/letters/${slug}/state`, { change, confirmed: "yes", ...extra });
    await organizer();
    expect((await state("close")).status).toBe(303);
    await expectRefreshed(slug);
    await cacheProbes(slug);
    expect((await state("reopen")).status).toBe(303);
    await expectRefreshed(slug);
    await cacheProbes(slug);
    expect((await state("close")).status).toBe(303);
    await cacheProbes(slug);
    expect((await state("deliver", { delivered_on: "2017-12-21", delivery_note: "Handed over." })).status).toBe(303);
    await expectRefreshed(slug);
  });
});

describe("a job", SLOW, () => {
  it("the queue's consumer storing a batch refreshes the copies of each letter in it", async () => {
    const { slug } = await cachedLetter();
    const { queue, sent } = recordingQueue();
    const signed = await postSignature(slug, individual({ name: "Queued Person", country: "HN" }), {
      env: { SIGNATURE_WRITES: "queue", SIGN_QUEUE: queue },
    });
    expect(signed.status).toBe(303);
    const batch = createMessageBatch(
      "undersigned-signatures",
      sent.map((body, index) => ({ id: `writers-${slug}-${index}`, timestamp: new Date(), attempts: 1, body })),
    );
    expect((sent[0] as SignatureMessage).signature.letter.slug).toBe(slug);
    await worker.queue(batch, { ...env, ...JOB_ENV }, createExecutionContext());
    await expectRefreshed(slug, "Queued Person");
  });

  it("the maintenance job closing a letter whose time has come refreshes its copies", async () => {
    const { slug } = await cachedLetter();
    // The time was set behind the cache's back (a copy made before it knows no expiry): only the job can tell.
    await runStatements([`UPDATE letters SET closes_at = '2001-01-01T00:00:00.000Z' WHERE slug = '${slug}'`]);
    await runMaintenanceJob();
    await expectRefreshed(slug);
  });
});
