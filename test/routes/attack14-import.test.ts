/**
 * Attacks on the organizers' import (issue 14): two tabs on one import, the
 * refused rows' CSV brought back in, what an import keeps of its rows after
 * their retention, re-imports, and confirmation emails the provider refuses.
 * Each test was a fault.
 */
import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLetter, logIn, mailTo, organizerFetch, runMinuteJob } from "../helpers";
import { confirmMapping, importIdOf, importRow, pageForm, post, runToTheEnd, upload } from "../imports";

const MAIL = { MAILER: "local" };

async function runCron(cron: string, at = Date.now()) {
  const { createScheduledController, createExecutionContext, waitOnExecutionContext } = await import("cloudflare:test");
  const worker = (await import("../../src/index")).default;
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime: at }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("two tabs on one import", { timeout: 120_000 }, () => {
  it("the Import button starts what its page previewed, not what another tab mapped since", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const session = await logIn();
    const paste = "Name,Email\nTab Uno,tab.uno@example.org\nTab Dos,tab.dos@example.org\n";
    const id = importIdOf(await upload(session, letter.slug, { paste }, MAIL));
    // Tab A: previewed with the coalition vouching; its page offers "Import 2 signatures".
    expect((await confirmMapping(session, letter.slug, id, { mode: "vouch" }, MAIL)).status).toBe(303);
    const tabA = await pageForm(session, `/admin/imports/${letter.slug}/${id}`, 'form[action$="/start"]', {}, MAIL);
    // Tab B: the same import mapped again, with confirmation emails.
    expect((await confirmMapping(session, letter.slug, id, { mode: "confirm" }, MAIL)).status).toBe(303);
    // Tab A's button: what the organizer saw there (counted at once, nobody emailed) is not what would run.
    const started = await post(session, tabA.action, tabA.fields, MAIL);
    expect(started.status).toBe(409);
    expect(await importRow(id)).toMatchObject({ state: "previewed" });
    expect(await mailTo("tab.uno@example.org")).toHaveLength(0);
  });

  it("a page left open on a discarded import does not start the next one, which took its number", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const first = importIdOf(await upload(session, letter.slug, { paste: "Name\nPrimera Fila\n" }));
    expect((await confirmMapping(session, letter.slug, first)).status).toBe(303);
    const stale = await pageForm(session, `/admin/imports/${letter.slug}/${first}`, 'form[action$="/start"]');
    expect((await post(session, `/admin/imports/${letter.slug}/${first}/discard`, { confirmed: "yes" })).status).toBe(
      303,
    );
    const second = importIdOf(
      await upload(session, letter.slug, { paste: "Name\nOtra Persona\nY Otra Más\nY Otra Más Aún\n" }),
    );
    expect((await confirmMapping(session, letter.slug, second)).status).toBe(303);
    // SQLite gave the new import the discarded one's number (INTEGER PRIMARY KEY without AUTOINCREMENT).
    if (second === first) {
      const started = await post(session, stale.action, stale.fields);
      expect(started.status).toBe(409);
      expect(await importRow(second)).toMatchObject({ state: "previewed" });
    }
  });
});

describe("the refused rows' CSV", { timeout: 120_000 }, () => {
  it("brought back in once fixed, keeps a name that begins with + - @ as it was", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const paste = "Organization name\tCountry\n+Acumen\tAtlantis\n-Lab Colectivo\tNarnia\n@Home Foundation\tUS\n";
    const id = importIdOf(await upload(session, letter.slug, { paste }));
    expect((await confirmMapping(session, letter.slug, id)).status).toBe(303);
    expect(await importRow(id)).toMatchObject({ valid_count: 1, refused_count: 2 });
    await runToTheEnd(session, letter.slug, id);
    const csv = await organizerFetch(session, `/admin/imports/${letter.slug}/${id}/refused.csv`);
    const records: string[][] = parse(await csv.text(), { bom: true });
    expect(records.map((record) => record[0])).toEqual(["Organization name", "'+Acumen", "'-Lab Colectivo"]);
    // The organizer fixes the countries, as the page says, and imports the file again.
    const fixed = records.map((record, index) => (index === 0 ? record : [record[0]!, "US", record[2]!]));
    const text = fixed.map((record) => record.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\r\n");
    const again = importIdOf(
      await upload(session, letter.slug, { file: new File([`\uFEFF${text}\r\n`], "firmas-refused.csv") }),
    );
    expect((await confirmMapping(session, letter.slug, again)).status).toBe(303);
    await runToTheEnd(session, letter.slug, again);
    const { results } = await env.DB.prepare("SELECT name FROM signatures WHERE import_id = ?1 ORDER BY id")
      .bind(again)
      .all<{ name: string }>();
    expect(results.map((row) => row.name)).toEqual(["+Acumen", "-Lab Colectivo"]);
  });
});

describe("an import's rows after their retention", { timeout: 120_000 }, () => {
  it("keep nothing a signer wrote, not even in the reasons", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    // A column mapped to the wrong field: the reasons quote the cells.
    const paste =
      "Name,Pais,Tipo,Org\nAna Retenida,ana.retenida@example.org,Individual,\nOtra,HN,Ana's own words,\nBea,HN,Individual,\n";
    const id = importIdOf(await upload(session, letter.slug, { paste }));
    const mapped = await post(session, `/admin/imports/${letter.slug}/${id}/mapping`, {
      "column-0": "name",
      "column-1": "country",
      "column-2": "kind",
      "column-3": "organization",
      kind: "column",
      mode: "vouch",
    });
    if (mapped.status !== 303) console.log((await mapped.text()).replace(/\s+/g, " ").slice(0, 3000));
    expect(mapped.status).toBe(303);
    await runToTheEnd(session, letter.slug, id);
    await env.DB.prepare("UPDATE imports SET finished_at = '2020-01-01T00:00:00.000Z' WHERE id = ?1").bind(id).run();
    await runCron("*/5 * * * *");
    expect((await importRow(id))!.erased_at).not.toBeNull();
    const { results } = await env.DB.prepare("SELECT * FROM import_rows WHERE import_id = ?1").bind(id).all();
    const kept = JSON.stringify(results);
    expect(kept).not.toContain("ana.retenida");
    expect(kept).not.toContain("own words");
  });
});

describe("a file imported again", { timeout: 120_000 }, () => {
  // FAULT, not fixed: an individual without an email (a paper sign-on sheet, which the coalition vouches
  // for) has no key at all (app/imports.ts duplicateKey returns null), so neither the preview nor the
  // unique indexes ever see a duplicate: the same sheet imported twice (an updated export with rows
  // appended, a double-submitted upload of the same file run twice) counts every such signer twice,
  // and a row repeated within one file is imported twice. Expected: a row with the same name, city and
  // country as an earlier row of the file, or as an individual of the letter signed without an email,
  // is reported as a duplicate, like a repeated mailbox. Left for the lead: which fields make an
  // email-less signer "the same" is a product decision, and the check against the letter's
  // signatures needs a lookup by name (no index has it).
  it("does not count again the individuals it brought in without an email", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const paste = "Name,City,Country\nAna Papel,Tegucigalpa,HN\nBeto Papel,La Ceiba,HN\nAna Papel,Tegucigalpa,HN\n";
    const first = importIdOf(await upload(session, letter.slug, { paste }));
    expect((await confirmMapping(session, letter.slug, first, { kind: "individual" })).status).toBe(303);
    expect(await importRow(first)).toMatchObject({ valid_count: 2, duplicate_count: 1 });
    await runToTheEnd(session, letter.slug, first);
    const again = importIdOf(await upload(session, letter.slug, { paste }));
    expect((await confirmMapping(session, letter.slug, again, { kind: "individual" })).status).toBe(303);
    expect(await importRow(again)).toMatchObject({ valid_count: 0, duplicate_count: 3 });
  });
});

describe("confirmation emails the provider refuses for a moment", { timeout: 120_000 }, () => {
  // FAULT, not fixed: a batch sends its 20 confirmation emails at once (app/signing.ts notifySigners,
  // Promise.all), and Resend takes a few requests a second per team (its default rate limit, answered
  // 429 beyond: https://resend.com/docs/api-reference/rate-limit) and 100 emails a day on its free
  // plan. Every email refused is only counted (imports.unsent_count): its signature stays unconfirmed
  // with emails_sent = 1, nothing tries it again, and the organizer can't tell whom it was or send it
  // again, so those signers never get a way to confirm. Expected: an email the provider refused for a
  // moment (429, 5xx) is sent again later (a later batch, the minute cron), at a pace the provider
  // takes, and the organizer sees who is still waiting. Left for the lead: it needs a per-signature
  // "email to send" state (a column or the import row's), not a count.
  it("every signer gets their confirmation email in the end", async () => {
    const resend = { RESEND_API_KEY: "re_test_key", MAIL_FROM: "Undersigned <letters@example.org>" };
    const letter = await createLetter({ confirmSignatures: true });
    const session = await logIn();
    const rows = Array.from({ length: 10 }, (_, index) => `Persona ${index},limit${index}@example.org`);
    const id = importIdOf(await upload(session, letter.slug, { paste: `Name,Email\n${rows.join("\n")}\n` }, resend));
    expect((await confirmMapping(session, letter.slug, id, { mode: "confirm" }, resend)).status).toBe(303);
    // Resend: two requests at a time, the others 429 (with Retry-After), as its rate limit answers.
    const delivered = new Set<string>();
    let inFlight = 0;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      if (!String(input instanceof Request ? input.url : input).startsWith("https://api.resend.com/")) {
        throw new Error("unexpected fetch");
      }
      inFlight++;
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (inFlight > 2)
          return new Response('{"name":"rate_limit_exceeded"}', { status: 429, headers: { "Retry-After": "1" } });
        const body = JSON.parse(init?.body as string) as { to: string[] };
        delivered.add(body.to[0]!);
        return new Response('{"id":"x"}', { status: 200 });
      } finally {
        inFlight--;
      }
    });
    await runToTheEnd(session, letter.slug, id, resend);
    // Later: the page's Continue, a few times.
    for (let minute = 1; minute <= 3; minute++) {
      await post(session, `/admin/imports/${letter.slug}/${id}/continue`, {}, resend);
    }
    expect(delivered.size).toBe(10);
  });
});

describe("a letter's retention", { timeout: 120_000 }, () => {
  it("erases the emails its imports keep when the letter's signatures are anonymized", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const paste = "Name,Email\nAna Anonimizada,ana.anonimizada@example.org\nMal Correo,not-an-email\n";
    const id = importIdOf(await upload(session, letter.slug, { paste }));
    expect((await confirmMapping(session, letter.slug, id, { kind: "individual" })).status).toBe(303);
    await runToTheEnd(session, letter.slug, id);
    // The letter closed long ago: the maintenance job erases its signers' emails (RETENTION_DAYS after).
    await env.DB.prepare("UPDATE letters SET closes_at = '2020-01-01T00:00:00.000Z' WHERE slug = ?1")
      .bind(letter.slug)
      .run();
    await runCron("*/5 * * * *");
    const { email } = (await env.DB.prepare("SELECT email FROM signatures WHERE import_id = ?1")
      .bind(id)
      .first<{ email: string | null }>())!;
    expect(email).toBeNull();
    const { results } = await env.DB.prepare("SELECT cells, reason FROM import_rows WHERE import_id = ?1")
      .bind(id)
      .all();
    expect(JSON.stringify(results)).not.toContain("ana.anonimizada");
    expect(JSON.stringify(results)).not.toContain("not-an-email");
  });
});

describe("an import into a letter already anonymized", { timeout: 120_000 }, () => {
  // FAULT, not fixed: the maintenance job anonymizes a letter once (lettersDueForAnonymization takes
  // only letters with anonymized_at NULL), and an import in vouch mode still stores its rows' emails
  // in a closed letter afterwards: those emails are never erased. (Entering signatures by hand after
  // the anonymization looks the same.) Expected: a signature stored in an anonymized letter keeps no
  // email (its hashes are enough to keep one signature per mailbox), or the next maintenance run
  // erases it. Left for the lead: the Letter type carries no anonymizedAt, and a maintenance query for
  // such signatures wants a partial index (a migration).
  it("does not keep the emails it brings in", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    await env.DB.prepare("UPDATE letters SET closes_at = '2020-01-01T00:00:00.000Z' WHERE slug = ?1")
      .bind(letter.slug)
      .run();
    await runCron("*/5 * * * *");
    expect(
      (await env.DB.prepare("SELECT anonymized_at FROM letters WHERE slug = ?1").bind(letter.slug).first())!
        .anonymized_at,
    ).not.toBeNull();
    const paste = "Name,Email\nLate One,late.one@example.org\n";
    const id = importIdOf(await upload(session, letter.slug, { paste }));
    expect((await confirmMapping(session, letter.slug, id, { kind: "individual" })).status).toBe(303);
    await runToTheEnd(session, letter.slug, id);
    await runCron("*/5 * * * *", Date.now() + 40 * 86_400_000);
    const { email } = (await env.DB.prepare("SELECT email FROM signatures WHERE import_id = ?1")
      .bind(id)
      .first<{ email: string | null }>())!;
    expect(email).toBeNull();
  });
});

describe("a file of a million columns", { timeout: 120_000 }, () => {
  // csv-parse's max_record_size bounds a cell, not a row: a header of 1.2 million one-letter columns
  // was read whole (three times to find the delimiter, then once more) before the 60-column limit
  // refused it: 12 to 56 s in workerd on the (loaded) test machine, where a Worker has 30 s of CPU at most.
  it("is refused from its header, at once", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const header = Array.from({ length: 1_200_000 }, () => "c").join(",");
    const file = new File([`${header}\n${header}\n`], "columns.csv");
    const response = await upload(session, letter.slug, { file });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("at most 60");
    // (Not timed: tests never assert on time. readImportHead reads at most HEADER_SCAN_CHARACTERS of a
    // header, and the whole file never: src/domain/signature-import.ts.)
  }, 180_000);
});

describe("individuals without an email, beside what the letter has", { timeout: 120_000 }, () => {
  it("counts once a person the organizers entered by hand, or the letter's own file lists", async () => {
    const letter = await createLetter({ confirmSignatures: false, individuals: ["Rosa Archivo"] });
    const session = await logIn();
    const byHand = await post(session, `/admin/letters/${letter.slug}/signatures`, {
      kind: "individual",
      name: "Luis Papel",
      city: "San Pedro Sula",
      country: "HN",
      received: "paper",
      public: "1",
    });
    expect(byHand.status).toBe(303);
    // The same people spelled otherwise (case, accents, spaces), another city, and one of the same name elsewhere.
    const paste = [
      "Name,City,Country",
      "LUIS  PAPEL,San Pedro Sula,HN",
      "Rosa Archivo,,",
      "Luis Papel,La Ceiba,HN",
      "Rosa Archivo,Tegucigalpa,HN",
      "Luís Papel,san pedro sula,Honduras",
    ].join("\n");
    const id = importIdOf(await upload(session, letter.slug, { paste }));
    expect((await confirmMapping(session, letter.slug, id, { kind: "individual" })).status).toBe(303);
    expect(await importRow(id)).toMatchObject({ valid_count: 2, duplicate_count: 3 });
    const { results } = await env.DB.prepare(
      "SELECT line, outcome, reason FROM import_rows WHERE import_id = ?1 ORDER BY line",
    )
      .bind(id)
      .all<{ line: number; outcome: string; reason: string | null }>();
    expect(results.map((row) => [row.line, row.outcome])).toEqual([
      [2, "duplicate"],
      [3, "duplicate"],
      [4, "valid"],
      [5, "valid"],
      [6, "duplicate"],
    ]);
    // The preview words why, in the organizer's language.
    const page = await organizerFetch(session, `/admin/imports/${letter.slug}/${id}?show=duplicate`);
    const text = (await page.text()).replace(/\s+/g, " ");
    expect(text).toContain("This person has already signed this letter: the same name, city and country");
  });

  it("reports the second row of one person in the file by its first row's number", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const paste = "Name,City,Country\nAna Papel,Tegucigalpa,HN\nOtra Persona,,\nana papel,TEGUCIGALPA,HN\n";
    const id = importIdOf(await upload(session, letter.slug, { paste }));
    expect((await confirmMapping(session, letter.slug, id, { kind: "individual" })).status).toBe(303);
    const page = await organizerFetch(session, `/admin/imports/${letter.slug}/${id}?show=duplicate`);
    expect((await page.text()).replace(/\s+/g, " ")).toContain(
      "The same person as row 2: the same name, city and country",
    );
  });

  it("stores one of two imports of one sheet previewed side by side, the other's rows found while importing", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const paste = "Name,City,Country\nAna Papel,Tegucigalpa,HN\nBeto Papel,La Ceiba,HN\n";
    const first = importIdOf(await upload(session, letter.slug, { paste }));
    const second = importIdOf(await upload(session, letter.slug, { paste }));
    for (const id of [first, second])
      expect((await confirmMapping(session, letter.slug, id, { kind: "individual" })).status).toBe(303);
    expect(await importRow(second)).toMatchObject({ valid_count: 2, duplicate_count: 0 });
    await runToTheEnd(session, letter.slug, first);
    await runToTheEnd(session, letter.slug, second);
    expect(await importRow(second)).toMatchObject({ imported_count: 0, duplicate_count: 2 });
    const counts = await env.DB.prepare("SELECT individual_count, signature_count FROM letters WHERE slug = ?1")
      .bind(letter.slug)
      .first();
    expect(counts).toEqual({ individual_count: 2, signature_count: 2 });
  });
});

const RESEND = { RESEND_API_KEY: "re_test_key", MAIL_FROM: "Undersigned <letters@example.org>" };

/**
 * Resend, as far as the tests need it: `answer(n)` says what its n-th request (from 1) gets, a status and
 * a Retry-After; 200 delivers the email. Returns the addresses delivered to, in order.
 */
function fakeResend(answer: (n: number) => { status: number; retryAfter?: string }): string[] {
  const delivered: string[] = [];
  let requests = 0;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    if (!String(input instanceof Request ? input.url : input).startsWith("https://api.resend.com/")) {
      return Promise.reject(new Error("unexpected fetch"));
    }
    const { status, retryAfter } = answer(++requests);
    if (status !== 200) {
      return Promise.resolve(
        new Response('{"name":"error"}', {
          status,
          headers: retryAfter === undefined ? {} : { "Retry-After": retryAfter },
        }),
      );
    }
    delivered.push((JSON.parse(init?.body as string) as { to: string[] }).to[0]!);
    return Promise.resolve(new Response('{"id":"x"}', { status: 200 }));
  });
  return delivered;
}

/** An import of `count` people with emails, mapped in confirmation mode and run to its end. */
async function importWithConfirmations(count: number, prefix: string) {
  const letter = await createLetter({ confirmSignatures: true });
  const session = await logIn();
  const rows = Array.from({ length: count }, (_, index) => `Persona ${index},${prefix}${index}@example.org`);
  const id = importIdOf(await upload(session, letter.slug, { paste: `Name,Email\n${rows.join("\n")}\n` }, RESEND));
  expect((await confirmMapping(session, letter.slug, id, { mode: "confirm" }, RESEND)).status).toBe(303);
  await runToTheEnd(session, letter.slug, id, RESEND);
  return { letter, session, id };
}

async function retries(letterSlug: string) {
  const { results } = await env.DB.prepare(
    `SELECT r.state, r.attempts, r.last_error FROM confirmation_mail_retries r
     WHERE r.letter_id = (SELECT id FROM letters WHERE slug = ?1) ORDER BY r.signature_id`,
  )
    .bind(letterSlug)
    .all<{ state: string; attempts: number; last_error: string }>();
  return results;
}

describe("confirmation emails the provider turns away, sent again", { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("stops at the first 429, keeps the rest for later, shows who waits, and sends them from the page", async () => {
    // Its rate limit: the third request and those after it are turned away, until it says to go on (Retry-After: 0).
    let open = false;
    const delivered = fakeResend((n) => (open || n <= 2 ? { status: 200 } : { status: 429, retryAfter: "0" }));
    const { letter, session, id } = await importWithConfirmations(6, "wait");
    expect(delivered).toHaveLength(2);
    // Nothing counted as unsent: four wait, one refused and three not tried after it.
    expect(await importRow(id)).toMatchObject({ unsent_count: 0, state: "done" });
    expect((await retries(letter.slug)).map((row) => row.state)).toEqual(["waiting", "waiting", "waiting", "waiting"]);
    const page = (await (await organizerFetch(session, `/admin/imports/${letter.slug}/${id}`)).text()).replace(
      /\s+/g,
      " ",
    );
    expect(page).toContain("confirmation emails still to send");
    expect(page.match(/confirmation email still to send</g)).toHaveLength(4);
    // "Send them now" (the page's form): the provider takes them now.
    open = true;
    const { action, fields } = await pageForm(
      session,
      `/admin/imports/${letter.slug}/${id}`,
      'form[action$="/continue"]',
      {},
      RESEND,
    );
    expect((await post(session, action, fields, RESEND)).status).toBe(303);
    expect(delivered.toSorted()).toEqual(Array.from({ length: 6 }, (_, index) => `wait${index}@example.org`));
    expect(await retries(letter.slug)).toEqual([]);
    expect((await organizerFetch(session, `/admin/imports/${letter.slug}/${id}`)).status).toBe(200);
  });

  it("sends them again from the minute cron once their time comes, after a 5xx", async () => {
    let failing = true;
    const delivered = fakeResend(() => (failing ? { status: 503 } : { status: 200 }));
    const { letter } = await importWithConfirmations(3, "cron");
    expect(delivered).toEqual([]);
    // A 503 without Retry-After: tried again a minute later.
    await runMinuteJob(RESEND, Date.now());
    expect(delivered).toEqual([]);
    failing = false;
    await runMinuteJob(RESEND, Date.now() + 90_000);
    // (The cron sends every letter's: other tests' may go too.)
    expect(delivered.filter((to) => to.startsWith("cron")).toSorted()).toEqual([
      "cron0@example.org",
      "cron1@example.org",
      "cron2@example.org",
    ]);
    expect(await retries(letter.slug)).toEqual([]);
    // Each link, sent late, is valid a full week from when it was sent.
    const { results } = await env.DB.prepare(
      "SELECT confirm_expires_at FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1)",
    )
      .bind(letter.slug)
      .all<{ confirm_expires_at: string }>();
    for (const row of results) expect(Date.parse(row.confirm_expires_at)).toBeGreaterThan(Date.now() + 7 * 86_400_000);
  });

  it("gives one up after its attempts, and says so on the page", async () => {
    const delivered = fakeResend(() => ({ status: 500 }));
    const { letter, session, id } = await importWithConfirmations(1, "never");
    let at = Date.now();
    for (let run = 0; run < 12; run++) {
      at += 7 * 3_600_000;
      await runMinuteJob(RESEND, at);
    }
    expect(delivered.filter((to) => to.startsWith("never"))).toEqual([]);
    expect(await retries(letter.slug)).toMatchObject([{ state: "given-up", attempts: 8 }]);
    expect((await retries(letter.slug))[0]!.last_error).toContain("Resend answered 500");
    const page = (await (await organizerFetch(session, `/admin/imports/${letter.slug}/${id}`)).text()).replace(
      /\s+/g,
      " ",
    );
    expect(page).toContain("confirmation email not sent after several tries");
    expect(page).toContain("confirmation email not sent<");
  });

  it("counts an email the provider refuses for good as unsent, and never tries it again", async () => {
    const delivered = fakeResend(() => ({ status: 422 }));
    const { letter, id } = await importWithConfirmations(2, "refused");
    expect(await importRow(id)).toMatchObject({ unsent_count: 2 });
    expect(await retries(letter.slug)).toEqual([]);
    expect(delivered).toEqual([]);
  });

  it("forgets one the organizers sent again by hand", async () => {
    let failing = true;
    const delivered = fakeResend(() => (failing ? { status: 429, retryAfter: "3600" } : { status: 200 }));
    const { letter, session } = await importWithConfirmations(1, "byhand");
    expect(await retries(letter.slug)).toHaveLength(1);
    failing = false;
    const { token } = (await env.DB.prepare(
      "SELECT token FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1)",
    )
      .bind(letter.slug)
      .first<{ token: string }>())!;
    const resent = await post(session, `/admin/letters/${letter.slug}/signatures/${token}/resend`, {}, RESEND);
    expect(resent.status).toBe(303);
    expect(delivered).toEqual(["byhand0@example.org"]);
    expect(await retries(letter.slug)).toEqual([]);
    await runMinuteJob(RESEND, Date.now() + 2 * 3_600_000);
    expect(delivered.filter((to) => to.startsWith("byhand"))).toEqual(["byhand0@example.org"]);
  });
});

describe("a letter already anonymized, and its later signatures", { timeout: 120_000 }, () => {
  async function anonymizedLetter() {
    const letter = await createLetter({ confirmSignatures: false });
    await env.DB.prepare("UPDATE letters SET closes_at = '2020-01-01T00:00:00.000Z' WHERE slug = ?1")
      .bind(letter.slug)
      .run();
    await runCron("*/5 * * * *");
    return letter;
  }

  it("keeps no email of a hand entry, and still one signature per mailbox", async () => {
    const letter = await anonymizedLetter();
    const session = await logIn();
    const entry = { kind: "individual", name: "Tarde Mano", email: "tarde.mano@example.org", received: "paper" };
    expect((await post(session, `/admin/letters/${letter.slug}/signatures`, { ...entry, public: "1" })).status).toBe(
      303,
    );
    const [stored] = (
      await env.DB.prepare(
        "SELECT email, email_domain, email_hash, mailbox_hash, anonymized_at FROM signatures WHERE letter_id = (SELECT id FROM letters WHERE slug = ?1)",
      )
        .bind(letter.slug)
        .all<Record<string, string | null>>()
    ).results;
    expect(stored).toMatchObject({ email: null, email_domain: null });
    expect(stored!.email_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.mailbox_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.anonymized_at).not.toBeNull();
    // The same mailbox, spelled otherwise: already signed, by its hash.
    const again = await post(session, `/admin/letters/${letter.slug}/signatures`, {
      ...entry,
      name: "Otra Vez",
      email: "Tarde.Mano@Example.org",
      public: "1",
    });
    expect(again.status).toBe(409);
    // And an import of the same address finds it too.
    const id = importIdOf(
      await upload(session, letter.slug, { paste: "Name,Email\nTarde Mano,tarde.mano@example.org\n" }),
    );
    expect((await confirmMapping(session, letter.slug, id, { kind: "individual" })).status).toBe(303);
    expect(await importRow(id)).toMatchObject({ valid_count: 0, duplicate_count: 1 });
  });

  it("erases the emails of signatures made after it was reopened, once it has been closed long enough again", async () => {
    const letter = await anonymizedLetter();
    const session = await logIn();
    const path = `/admin/letters/${letter.slug}`;
    expect((await post(session, `${path}/state`, { change: "reopen", confirmed: "yes" })).status).toBe(303);
    expect(
      (await env.DB.prepare("SELECT anonymized_at FROM letters WHERE slug = ?1").bind(letter.slug).first())!
        .anonymized_at,
    ).toBeNull();
    const { postSignature, individual } = await import("../helpers");
    expect((await postSignature(letter.slug, individual({ email: "reabierta@example.org" }))).status).toBe(303);
    // Kept while the letter is open: its signer may still withdraw by email.
    expect(
      await env.DB.prepare("SELECT email FROM signatures WHERE email = 'reabierta@example.org'").first(),
    ).not.toBeNull();
    expect((await post(session, `${path}/state`, { change: "close", confirmed: "yes" })).status).toBe(303);
    await runCron("*/5 * * * *", Date.now() + 40 * 86_400_000);
    expect(
      await env.DB.prepare("SELECT email FROM signatures WHERE email = 'reabierta@example.org'").first(),
    ).toBeNull();
  });
});
