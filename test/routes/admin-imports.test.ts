/**
 * Importing signatures collected elsewhere, through the organizer area's
 * forms as a browser sends them: a Google Forms export (English and Spanish
 * headers) with bad rows and duplicates, its preview, its import in batches,
 * the counts and the public record afterwards, the refused rows as CSV;
 * confirmation emails; a batch that fails and one run twice; a 10,000-row
 * import; hostile files.
 */
import * as noble from "@noble/ed25519";
import { env } from "cloudflare:workers";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Ed25519Verify } from "../../src/domain/signed-note";
import { verifyLetter } from "../../src/domain/verify-record";
import { IMPORT_BATCH_ROWS, IMPORT_CHECK_ROWS, IMPORT_READ_ROWS } from "../../src/domain/signature-import";
import { STEPS_PER_PRESS } from "../../src/routes/admin-imports";
import { interceptDatabase } from "../../src/storage/database";
import {
  appFetch,
  createLetter,
  fetchApp,
  formFieldsOf,
  linkIn,
  logIn,
  mailTo,
  organizerFetch,
  organizerPage,
  ORIGIN,
  parseHtml,
  postForm,
  SAME_ORIGIN_FORM,
  texts,
  formBody,
} from "../helpers";
import {
  confirmMapping,
  fileProblemWords,
  importIdOf,
  importRow,
  isPressAnswer,
  post,
  runToTheEnd,
  settle,
  upload,
} from "../imports";
import { seedSignatures } from "../seed";

const nobleVerify: Ed25519Verify = (signature, message, publicKey) =>
  noble.verifyAsync(signature, message, publicKey, { zip215: false });

const HEADERS = {
  en: ["Timestamp", "Email Address", "Signing as", "Name", "Organization", "Title", "Country", "City", "Website"],
  es: [
    "Marca temporal",
    "Dirección de correo electrónico",
    "Firma como",
    "Nombre",
    "Organización",
    "Cargo",
    "País",
    "Ciudad",
    "Sitio web",
  ],
} as const;
const KINDS = { en: ["Organization", "Individual"], es: ["Organización", "Persona"] } as const;
const COUNTRIES = { en: ["Honduras", "Mexico", "hn", "Brazil"], es: ["Honduras", "México", "HN", "Brasil"] } as const;

/** A CSV cell, quoted as Google Forms writes them. */
function quoted(cell: string): string {
  return `"${cell.replaceAll('"', '""')}"`;
}

function csvOf(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(quoted).join(",")).join("\r\n")}\r\n`;
}

/**
 * A Google Forms export of `size` responses in `language`: one in ten an
 * organization (its contact's name in "Name", its own in "Organization"), the
 * rest individuals. Returns the CSV and the rows spoiled on purpose.
 */
function googleFormsExport(language: "en" | "es", size: number, tag: string) {
  const [organizationWord, individualWord] = KINDS[language];
  const rows: string[][] = [];
  for (let index = 0; index < size; index++) {
    const country = COUNTRIES[language][index % 4]!;
    const time = `2026/11/${String((index % 28) + 1).padStart(2, "0")} 10:00:00 a. m. GMT-6`;
    if (index % 10 === 0) {
      rows.push([
        time,
        `contact${index}@org${index}-${tag}.org`,
        organizationWord,
        `Contact Person ${index}`,
        `Fundación ${tag} ${index}`,
        "Directora",
        country,
        "Tegucigalpa",
        `https://www.org${index}-${tag}.org`,
      ]);
    } else {
      rows.push([
        time,
        `person${index}.${tag}@example.org`,
        individualWord,
        `Persona ${tag} ${index}`,
        index % 3 === 0 ? "" : `Red ${index}`,
        index % 5 === 0 ? "Investigadora" : "",
        country,
        index % 7 === 0 ? "" : "San Pedro Sula",
        "",
      ]);
    }
  }
  return rows;
}

/** The 1,000-row export with 20 bad rows and 10 duplicates (5 within the file, 5 of signatures already there). */
function spoiledExport(language: "en" | "es", tag: string) {
  const rows = googleFormsExport(language, 1_000, tag);
  const [organizationWord] = KINDS[language];
  const individual = (index: number) => rows[index]!;
  // 20 rows the sign form's rules refuse (never an organization's row, so that the counts are plain).
  const bad: Array<[number, (row: string[]) => void]> = [
    [1, (row) => (row[3] = '=HYPERLINK("http://evil.example","click")')],
    [2, (row) => (row[3] = "<script>alert(1)</script>")],
    [3, (row) => (row[1] = "not-an-email")],
    [4, (row) => (row[6] = "Atlantis")],
    [5, (row) => (row[3] = "")],
    [6, (row) => (row[8] = "https://example.org")],
    [7, (row) => (row[2] = "Maybe")],
    [8, (row) => (row[3] = "Ana\u202Eevil")],
    [9, (row) => (row[3] = "-2+3")],
    [11, (row) => (row[4] = "Visit www.example.org")],
    [12, (row) => (row[5] = "x".repeat(121))],
    [13, (row) => (row[3] = "@SUM(A1:A9)")],
    [14, (row) => (row[7] = "Ciudad\tcon tab")],
    [15, (row) => (row[1] = "a@@b.org")],
    [16, (row) => (row[3] = "name@example.org")],
    [17, (row) => (row[3] = "a".repeat(201))],
    [18, (row) => (row[6] = "Narnia")],
    [19, (row) => (row[3] = 'Ana onclick="x"')],
    [21, (row) => (row[2] = "")],
    [22, (row) => (row[3] = "+")],
  ];
  for (const [index, spoil] of bad) spoil(individual(index));
  // 5 duplicates within the file: later rows repeating an earlier one's mailbox (another spelling) or organization.
  individual(101)[1] = individual(31)[1]!.toUpperCase();
  individual(102)[1] = individual(32)[1]!.replace("@", "+news@");
  individual(103)[1] = individual(33)[1]!;
  rows[110]![4] = rows[40]![4]!.toUpperCase();
  rows[120]![4] = `${rows[50]![4]!}.`;
  // 5 rows whose signatory has already signed the letter (3 individuals, 2 organizations).
  const existing = [
    { name: "Already Here 1", email: individual(201)[1]! },
    { name: "Already Here 2", email: individual(202)[1]! },
    { name: "Already Here 3", email: individual(203)[1]! },
  ];
  const existingOrganizations = [rows[210]![4]!, rows[220]![4]!];
  expect(rows[210]![2]).toBe(organizationWord);
  return {
    csv: csvOf([HEADERS[language], ...rows]),
    existing,
    existingOrganizations,
  };
}

/** The letter's counters, as its row keeps them. */
async function counters(slug: string) {
  return (await env.DB.prepare(
    "SELECT signature_count, organization_count, individual_count, pending_count, record_length FROM letters WHERE slug = ?1",
  )
    .bind(slug)
    .first<{
      signature_count: number;
      organization_count: number;
      individual_count: number;
      pending_count: number;
      record_length: number;
    }>())!;
}

describe.each(["en", "es"] as const)("a Google Forms export with %s headers", (language) => {
  it("is mapped from its headers, previewed with exactly 20 refused and 10 duplicates, and imports 970", async () => {
    const letter = await createLetter({ organizations: ["Lead Org"], confirmSignatures: false });
    const spoiled = spoiledExport(language, `${language}x`);
    await seedSignatures(letter.slug, [
      ...spoiled.existing.map((signature) => ({ ...signature })),
      ...spoiled.existingOrganizations.map((name) => ({ kind: "organization" as const, name })),
    ]);
    const before = await counters(letter.slug);
    const session = await logIn();

    const uploaded = await upload(session, letter.slug, {
      file: new File([`\uFEFF${spoiled.csv}`], `Firmas (respuestas) ${language}.csv`, { type: "text/csv" }),
    });
    expect(uploaded.status).toBe(303);
    const id = importIdOf(uploaded);
    // A thousand rows are read in steps (the page presses Continue while it is open).
    expect(await settle(session, letter.slug, id)).toBeGreaterThan(0);

    // The mapping is guessed from the headers: Google Forms' time ignored, the kind read from its column.
    const { response, document } = await organizerPage(session, `/admin/imports/${letter.slug}/${id}`);
    expect(response.status).toBe(200);
    const chosen = document
      .querySelectorAll('form[action$="/mapping"] select')
      .map((select) => select.querySelector("option[selected]")?.getAttribute("value"));
    expect(chosen).toEqual(["ignore", "email", "kind", "name", "organization", "title", "country", "city", "website"]);
    expect(document.querySelector("#kind-column")?.hasAttribute("checked")).toBe(true);
    expect(document.querySelector("#mode-vouch")?.hasAttribute("checked")).toBe(true);
    // Without a mailer, confirmation emails can't be chosen, and the page says why.
    expect(document.querySelector("#mode-confirm")?.hasAttribute("disabled")).toBe(true);
    expect(texts(document, "#mode-confirm-hint")[0]).toContain("need a mailer");

    const mapped = await confirmMapping(session, letter.slug, id);
    expect(mapped.status).toBe(303);
    expect(await importRow(id)).toMatchObject({
      state: "previewed",
      row_count: 1_000,
      valid_count: 970,
      refused_count: 20,
      duplicate_count: 10,
    });
    const preview = await organizerPage(session, `/admin/imports/${letter.slug}/${id}?show=not-valid`);
    expect(texts(preview.document, ".import-counts li")).toEqual([
      "970 will be imported",
      "20 refused",
      "10 duplicates",
    ]);
    const reasons = texts(preview.document, ".preview-rows tbody td:last-child");
    expect(reasons).toHaveLength(30);
    expect(reasons.every((reason) => reason.length > 10)).toBe(true);
    expect(reasons).toContain("The same email address (mailbox) as row 33.");
    expect(reasons).toContain("This organization has already signed this letter.");
    expect(reasons).toContain("This email address (mailbox) has already signed this letter.");
    // Nothing is stored before the organizer says so.
    expect(await counters(letter.slug)).toMatchObject({ signature_count: before.signature_count });

    await runToTheEnd(session, letter.slug, id);
    expect(await importRow(id)).toMatchObject({ state: "done", imported_count: 970 });
    const stored = await env.DB.prepare(
      "SELECT count(*) AS n, sum(kind = 'organization') AS organizations, sum(status = 'confirmed') AS confirmed FROM signatures WHERE import_id = ?1 AND channel = 'import'",
    )
      .bind(id)
      .first<{ n: number; organizations: number; confirmed: number }>();
    expect(stored).toEqual({ n: 970, organizations: 96, confirmed: 970 });
    const after = await counters(letter.slug);
    expect(after).toMatchObject({
      signature_count: Number(before.signature_count) + 970,
      organization_count: Number(before.organization_count) + 96,
      individual_count: Number(before.individual_count) + 874,
      record_length: Number(before.record_length) + 970,
    });
    // An organization's contact is kept privately, its website publicly; an individual's affiliation is kept.
    const organization = await env.DB.prepare(
      "SELECT name, organization, contact_name, contact_role, website, country, authorized_at FROM signatures WHERE import_id = ?1 AND kind = 'organization' ORDER BY id LIMIT 1",
    )
      .bind(id)
      .first();
    expect(organization).toEqual({
      name: `Fundación ${language}x 0`,
      organization: null,
      contact_name: "Contact Person 0",
      contact_role: "Directora",
      website: `https://www.org0-${language}x.org/`,
      country: "HN",
      authorized_at: null,
    });

    // The counts and the public record agree.
    const verified = await verifyLetter(`${ORIGIN}/letters/${letter.slug}`, {
      fetch: appFetch(),
      ed25519Verify: nobleVerify,
    });
    expect(verified).toMatchObject({ ok: true, problems: [] });
    expect(verified.counts.total).toBe(after.signature_count);

    // The rows not imported come back as CSV: the original columns and the reason, formulas neutralized.
    const csv = await organizerFetch(session, `/admin/imports/${letter.slug}/${id}/refused.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const records: string[][] = parse(await csv.text(), { bom: true });
    expect(records[0]).toEqual([...HEADERS[language], "reason"]);
    expect(records).toHaveLength(31);
    expect(records.slice(1).every((record) => /^Row \d+: .{10,}/.test(record.at(-1)!))).toBe(true);
    const names = records.slice(1).map((record) => record[3]);
    expect(names).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(names).toContain("'@SUM(A1:A9)");
    expect(names).toContain("'-2+3");

    // Its page lists what it imported, and links to the letter's imported signatures.
    const done = await organizerPage(session, `/admin/imports/${letter.slug}/${id}`);
    expect(texts(done.document, ".import-counts li")).toEqual(["970 imported", "20 refused", "10 duplicates"]);
    expect(done.document.querySelectorAll(".imported-signatures tbody tr")).toHaveLength(50);
    expect(done.document.querySelector('a[href$="signatures?channel=import"]')).not.toBeNull();
  }, 120_000);
});

describe("an import", { timeout: 120_000 }, () => {
  it("takes `+Acumen` and `@Home Foundation`, pasted tab-separated from a spreadsheet", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const paste = "Organization name\tCountry\tWebsite\n+Acumen\tUS\tacumen.org\n@Home Foundation\tEstados Unidos\t\n";
    const id = importIdOf(await upload(session, letter.slug, { paste }));
    expect(await importRow(id)).toMatchObject({
      file_name: "pasted rows",
      delimiter: "\t",
      default_kind: "organization",
    });
    expect((await confirmMapping(session, letter.slug, id)).status).toBe(303);
    await runToTheEnd(session, letter.slug, id);
    const { results } = await env.DB.prepare(
      "SELECT name, country, website FROM signatures WHERE import_id = ?1 ORDER BY id",
    )
      .bind(id)
      .all();
    expect(results).toEqual([
      { name: "+Acumen", country: "US", website: "https://acumen.org/" },
      { name: "@Home Foundation", country: "US", website: null },
    ]);
  });

  it("with confirmation emails sends each signer the usual email, and a signer who confirms is counted", async () => {
    const mail = { MAILER: "local" };
    const letter = await createLetter({ confirmSignatures: true });
    const session = await logIn();
    const paste =
      "Name;Email;Country\nRosa Díaz;rosa.import@example.org;Honduras\nJuan Pérez;juan.import@example.org;hn\nSin Correo;;HN\n";
    const id = importIdOf(await upload(session, letter.slug, { paste }, mail));
    expect(await importRow(id)).toMatchObject({ delimiter: ";" });
    const mapped = await confirmMapping(session, letter.slug, id, { mode: "confirm" }, mail);
    expect(mapped.status).toBe(303);
    // A row without an email is refused: a confirmation needs an address.
    expect(await importRow(id)).toMatchObject({ mode: "confirm", valid_count: 2, refused_count: 1 });
    const before = await counters(letter.slug);
    await runToTheEnd(session, letter.slug, id, mail);
    expect(await counters(letter.slug)).toMatchObject({
      signature_count: before.signature_count,
      pending_count: Number(before.pending_count) + 2,
    });
    const [message] = await mailTo("rosa.import@example.org");
    expect(message).toBeDefined();
    const confirm = await fetchApp(linkIn(message!.body, "/confirm"), mail);
    const { fields } = formFieldsOf(parseHtml(await confirm.text()));
    const confirmed = await postForm(`/letters/${letter.slug}/confirm`, fields, mail);
    expect(confirmed.status).toBe(303);
    expect(await counters(letter.slug)).toMatchObject({ signature_count: Number(before.signature_count) + 1 });
    const row = await env.DB.prepare("SELECT status, channel, emails_sent FROM signatures WHERE email = ?1")
      .bind("rosa.import@example.org")
      .first();
    expect(row).toEqual({ status: "confirmed", channel: "import", emails_sent: 1 });
  });

  it("refuses confirmation emails clearly when no mailer is set up", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const id = importIdOf(await upload(session, letter.slug, { paste: "Name,Email\nAna,ana@example.org\n" }));
    const refused = await post(session, `/admin/imports/${letter.slug}/${id}/mapping`, {
      "column-0": "name",
      "column-1": "email",
      kind: "individual",
      mode: "confirm",
    });
    expect(refused.status).toBe(422);
    expect(texts(parseHtml(await refused.text()), ".error-summary li").join(" ")).toContain(
      "Confirmation emails need a mailer",
    );
    expect(await importRow(id)).toMatchObject({ state: "mapping" });
  });

  it("goes on after a failed batch, and never imports a batch twice", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const start = await counters(letter.slug);
    const session = await logIn();
    const rows = Array.from({ length: 450 }, (_, index) => `Persona ${index},p${index}@example.org`);
    const id = importIdOf(await upload(session, letter.slug, { paste: `Name,Email\n${rows.join("\n")}\n` }));
    expect((await confirmMapping(session, letter.slug, id)).status).toBe(303);
    await env.DB.prepare("UPDATE imports SET state = 'running' WHERE id = ?1").bind(id).run();

    // D1 fails on the third batch: the two before are kept, nothing of the third is.
    let batches = 0;
    const failing = interceptDatabase(env.DB, (call, invoke) => {
      if (
        call.method === "batch" &&
        call.statements.some((statement) => statement.sql.includes("INSERT INTO signatures"))
      ) {
        batches++;
        if (batches === 3) return Promise.reject(new Error("D1_ERROR: Network connection lost."));
      }
      return invoke();
    });
    const continueWith = (DB: D1Database) => post(session, `/admin/imports/${letter.slug}/${id}/continue`, {}, { DB });
    expect((await continueWith(failing)).status).toBe(307);
    expect((await continueWith(failing)).status).toBe(307);
    expect((await continueWith(failing)).status).toBe(503);
    const twoBatches = 2 * IMPORT_BATCH_ROWS.vouch;
    expect(await importRow(id)).toMatchObject({ state: "running", imported_count: twoBatches });
    expect(await counters(letter.slug)).toMatchObject({ signature_count: twoBatches });

    // Two presses at once (two tabs): every row once.
    const presses = await Promise.all([
      post(session, `/admin/imports/${letter.slug}/${id}/continue`, {}),
      post(session, `/admin/imports/${letter.slug}/${id}/continue`, {}),
    ]);
    expect(presses.map((press) => isPressAnswer(press.status))).toEqual([true, true]);
    while ((await importRow(id))!.state !== "done") {
      await post(session, `/admin/imports/${letter.slug}/${id}/continue`, {});
    }
    expect(await importRow(id)).toMatchObject({ state: "done", imported_count: 450 });
    expect(await counters(letter.slug)).toMatchObject({
      signature_count: 450,
      record_length: start.record_length + 450,
    });
    const { n } = (await env.DB.prepare("SELECT count(*) AS n FROM signatures WHERE import_id = ?1").bind(id).first<{
      n: number;
    }>())!;
    expect(n).toBe(450);
  });

  it("is moved on by the minute cron when nobody presses Continue, a step a run", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const batch = IMPORT_BATCH_ROWS.vouch;
    const rows = Array.from({ length: 3 * batch }, (_, index) => `Cron ${index},c${index}@example.org`);
    const id = importIdOf(await upload(session, letter.slug, { paste: `Name,Email\n${rows.join("\n")}\n` }));
    expect((await confirmMapping(session, letter.slug, id)).status).toBe(303);
    await env.DB.prepare("UPDATE imports SET state = 'running', batch_at = '2020-01-01T00:00:00.000Z' WHERE id = ?1")
      .bind(id)
      .run();
    const { createScheduledController, createExecutionContext, waitOnExecutionContext } =
      await import("cloudflare:test");
    const worker = (await import("../../src/index")).default;
    const imported: unknown[] = [];
    for (let run = 1; run <= 4; run++) {
      // Each run finds it idle: the minute since its last step has passed.
      await env.DB.prepare("UPDATE imports SET batch_at = '2020-01-01T00:00:00.000Z' WHERE id = ?1").bind(id).run();
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() }), env, ctx);
      await waitOnExecutionContext(ctx);
      imported.push((await importRow(id))!.imported_count);
    }
    expect(imported).toEqual([batch, 2 * batch, 3 * batch, 3 * batch]);
    expect(await importRow(id)).toMatchObject({ state: "done", imported_count: 3 * batch });
  });

  it("reads a long file and checks its rows step by step, each step a request's worth of rows", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const rows = googleFormsExport("en", 1_000, "steps");
    const id = importIdOf(
      await upload(session, letter.slug, { file: new File([csvOf([HEADERS.en, ...rows])], "steps.csv") }),
    );
    expect(await importRow(id)).toMatchObject({ state: "reading", row_count: IMPORT_READ_ROWS });
    const reading = await organizerPage(session, `/admin/imports/${letter.slug}/${id}`);
    expect(reading.document.querySelector("#progress-title")?.textContent).toBe("Reading the file");
    expect(await settle(session, letter.slug, id)).toBe(Math.ceil(1_000 / IMPORT_READ_ROWS) - 1);
    expect(await importRow(id)).toMatchObject({ state: "mapping", row_count: 1_000, source_chars: null });
    const { n: parts } = (await env.DB.prepare("SELECT count(*) AS n FROM import_source WHERE import_id = ?1")
      .bind(id)
      .first<{ n: number }>())!;
    expect(parts).toBe(0);
    const lines = await env.DB.prepare("SELECT line FROM import_rows WHERE import_id = ?1 ORDER BY id")
      .bind(id)
      .all<{ line: number }>();
    expect(lines.results.map((row) => row.line)).toEqual(Array.from({ length: 1_000 }, (_, index) => index + 2));

    const { document } = await organizerPage(session, `/admin/imports/${letter.slug}/${id}`);
    const { action, fields } = formFieldsOf(document, {}, 'form[action$="/mapping"]');
    expect((await post(session, action, fields)).status).toBe(303);
    expect(await importRow(id)).toMatchObject({ state: "checking" });
    expect(await settle(session, letter.slug, id)).toBe(Math.ceil(1_000 / IMPORT_CHECK_ROWS) - 1);
    expect(await importRow(id)).toMatchObject({ state: "previewed", valid_count: 1_000 });
  });

  it("takes up to STEPS_PER_PRESS steps a press without JavaScript, each a request the browser sends again (307)", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const rows = googleFormsExport("en", 1_000, "hops");
    const id = importIdOf(
      await upload(session, letter.slug, { file: new File([csvOf([HEADERS.en, ...rows])], "hops.csv") }),
    );
    /** Presses Continue as a browser does: a 307 is followed by sending the form again to its Location. */
    const press = async () => {
      let path = `/admin/imports/${letter.slug}/${id}/continue`;
      for (let requests = 1; ; requests++) {
        const answer = await post(session, path, {});
        if (answer.status !== 307) return { requests, answer };
        path =
          new URL(answer.headers.get("Location")!, ORIGIN).pathname +
          new URL(answer.headers.get("Location")!, ORIGIN).search;
      }
    };
    const reading = await press();
    expect(reading.requests).toBe(Math.ceil(1_000 / IMPORT_READ_ROWS) - 1);
    expect(reading.answer.status).toBe(303);
    expect(await importRow(id)).toMatchObject({ state: "mapping" });
    const { document } = await organizerPage(session, `/admin/imports/${letter.slug}/${id}`);
    const { action, fields } = formFieldsOf(document, {}, 'form[action$="/mapping"]');
    expect((await post(session, action, fields)).status).toBe(303);
    const steps = Math.ceil(1_000 / IMPORT_CHECK_ROWS) - 1;
    const presses: Awaited<ReturnType<typeof press>>[] = [];
    while (presses.length < Math.ceil(steps / STEPS_PER_PRESS)) presses.push(await press());
    // Every press but the last takes STEPS_PER_PRESS steps and says to go on; the last ends at the preview.
    for (const each of presses.slice(0, -1)) {
      expect(each.requests).toBe(STEPS_PER_PRESS);
      expect(each.answer.headers.get("Location")).toMatch(/done=continued$/);
    }
    expect(presses.reduce((sum, each) => sum + each.requests, 0)).toBe(steps);
    expect(presses.at(-1)!.answer.headers.get("Location")).toMatch(/done=previewed#preview-title$/);
    expect(await importRow(id)).toMatchObject({ state: "previewed", valid_count: 1_000 });
  });

  it("takes IMPORT_STEPS_PER_REQUEST steps a request where the plan allows more CPU time", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const rows = googleFormsExport("en", 1_000, "paid");
    const id = importIdOf(
      await upload(session, letter.slug, { file: new File([csvOf([HEADERS.en, ...rows])], "paid.csv") }),
    );
    expect(await settle(session, letter.slug, id, { IMPORT_STEPS_PER_REQUEST: "5" })).toBe(1);
    expect(await importRow(id)).toMatchObject({ state: "mapping", row_count: 1_000 });
  });
});

describe("a 10,000-row import", () => {
  it("completes through repeated batch requests, every row once", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const start = await counters(letter.slug);
    const session = await logIn();
    const rows = googleFormsExport("en", 10_000, "big");
    const id = importIdOf(
      await upload(session, letter.slug, { file: new File([csvOf([HEADERS.en, ...rows])], "big.csv") }),
    );
    // The Free plan's setting: one step (IMPORT_BATCH_ROWS.vouch rows) a request.
    expect((await confirmMapping(session, letter.slug, id)).status).toBe(303);
    expect(await importRow(id)).toMatchObject({ valid_count: 10_000, refused_count: 0, duplicate_count: 0 });
    const presses = await runToTheEnd(session, letter.slug, id);
    expect(presses).toBe(Math.ceil(10_000 / IMPORT_BATCH_ROWS.vouch));
    expect(await importRow(id)).toMatchObject({ state: "done", imported_count: 10_000 });
    expect(await counters(letter.slug)).toMatchObject({
      signature_count: 10_000,
      record_length: start.record_length + 10_000,
    });
  }, 300_000);
});

describe("hostile input", { timeout: 120_000 }, () => {
  const cases: Array<[string, { file?: File; paste?: string }, number, string]> = [
    ["a header-only file", { file: new File(["Name,Email\r\n"], "empty.csv") }, 422, "header row but no signatures"],
    ["an empty form", {}, 422, "Choose a CSV file"],
    ["a file and a paste", { file: new File(["Name\nAna\n"], "a.csv"), paste: "Name\nAna\n" }, 422, "not both"],
    ["ragged rows", { paste: "Name,Email\nAna,a@example.org\nBea,b@example.org,extra\n" }, 422, "number of columns"],
    ["an unclosed quote", { paste: 'Name,Email\n"Ana,a@example.org\n' }, 422, "never closed"],
    [
      "binary data",
      { file: new File([new Uint8Array([0x4e, 0x61, 0x00, 0x01, 0xff, 0x00])], "data.bin") },
      415,
      "not text",
    ],
    [
      "an xlsx workbook",
      { file: new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])], "firmas.xlsx") },
      415,
      "save or download it as CSV",
    ],
    [
      "a Windows-1252 file",
      {
        file: new File(
          [new Uint8Array([0x4e, 0x6f, 0x6d, 0x62, 0x72, 0x65, 0x0a, 0x4d, 0x61, 0x72, 0xed, 0x61, 0x0a])],
          "ansi.csv",
        ),
      },
      422,
      "CSV UTF-8",
    ],
    [
      "too many columns",
      { paste: `${Array.from({ length: 61 }, (_, index) => `C${index}`).join(",")}\n${",".repeat(60)}x\n` },
      422,
      "at most 60",
    ],
    ["a cell too long", { paste: `Name\n${"a".repeat(2_001)}\n` }, 422, "more than 2,000 characters"],
  ];

  it("too many rows: the file ends unreadable once read that far, with why, and its rows deleted", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const paste = `Name\n${Array.from({ length: 10_001 }, (_, index) => `P${index}`).join("\n")}\n`;
    const id = importIdOf(await upload(session, letter.slug, { paste }));
    await settle(session, letter.slug, id);
    expect(await importRow(id)).toMatchObject({ state: "unreadable", row_count: 0 });
    const { document } = await organizerPage(session, `/admin/imports/${letter.slug}/${id}`);
    expect(document.querySelector("#unreadable-title")?.textContent).toBe("This file can't be imported");
    expect(document.querySelector(".error-summary")?.textContent).toContain("an import takes at most 10,000");
    const kept = await env.DB.prepare(
      "SELECT (SELECT count(*) FROM import_rows WHERE import_id = ?1) + (SELECT count(*) FROM import_source WHERE import_id = ?1) AS n",
    )
      .bind(id)
      .first<{ n: number }>();
    expect(kept!.n).toBe(0);
  });

  it("a row broken far down: unreadable, with the row it is near", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const good = Array.from({ length: 900 }, (_, index) => `P${index},p${index}@example.org`);
    const id = importIdOf(await upload(session, letter.slug, { paste: `Name,Email\n${good.join("\n")}\nBroken\n` }));
    await settle(session, letter.slug, id);
    expect(await importRow(id)).toMatchObject({ state: "unreadable" });
    expect(fileProblemWords((await importRow(id))!.problem)).toContain("Row 902 has a different number of columns");
  });

  it.each(cases)("%s is refused with a clear message", async (_, content, status, message) => {
    const letter = await createLetter();
    const session = await logIn();
    const response = await upload(session, letter.slug, content);
    if (response.status !== status) console.log(await response.clone().text());
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(message);
  });

  it("a 20 MB file is refused before it is read", async () => {
    const letter = await createLetter();
    const session = await logIn();
    const response = await upload(session, letter.slug, {
      file: new File([new Uint8Array(20 * 1024 * 1024).fill(0x61)], "huge.csv"),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("larger than 5 MB");
  });

  it("formulas and markup in cells are refused rows, shown escaped, never run", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const paste =
      "Name,Email\n\"<script>alert(1)</script>\",x@example.org\n=cmd|' /C calc'!A0,y@example.org\nAna,z@example.org\n";
    const id = importIdOf(await upload(session, letter.slug, { paste }));
    expect((await confirmMapping(session, letter.slug, id)).status).toBe(303);
    expect(await importRow(id)).toMatchObject({ valid_count: 1, refused_count: 2 });
    const page = await organizerFetch(session, `/admin/imports/${letter.slug}/${id}`);
    const html = await page.text();
    expect(html).not.toContain("<script>alert(1)</script>");
  });

  it("is for organizers only", async () => {
    const letter = await createLetter();
    const response = await fetchApp(`/admin/imports/${letter.slug}`, {}, { redirect: "manual" });
    expect(response.status).toBe(303);
    const posted = await fetchApp(
      `/admin/imports/${letter.slug}`,
      {},
      {
        method: "POST",
        headers: SAME_ORIGIN_FORM,
        body: formBody({ paste: "Name\nAna\n" }),
        redirect: "manual",
      },
    );
    expect(posted.status).toBe(401);
  });
});

describe("the activity log of an import that ran", () => {
  it("says how many signatures were imported once it is done, besides what it started with", async () => {
    const letter = await createLetter({ confirmSignatures: false });
    const session = await logIn();
    const uploaded = await upload(session, letter.slug, {
      paste: "name,email\nAda Lovelace,ada@example.org\nGrace Hopper,grace@example.org\n,nobody@example.org\n",
    });
    const id = importIdOf(uploaded);
    await confirmMapping(session, letter.slug, id);
    await runToTheEnd(session, letter.slug, id);
    const { results } = await env.DB.prepare(
      "SELECT action, detail FROM organizer_activity WHERE action = 'import-run' ORDER BY id",
    ).all<{ action: string; detail: string }>();
    const mine = results.filter((entry) => entry.detail.includes(`(import ${id})`));
    expect(mine.map((entry) => entry.detail)).toEqual([
      `“pasted rows” (import ${id}): started with 2 rows to import, 1 not imported.`,
      `“pasted rows” (import ${id}): done, 2 signatures imported, 1 row not imported.`,
    ]);
  });
});
