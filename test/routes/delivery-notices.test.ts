/**
 * "Email me when this letter is delivered" (issue 16), through HTTP as people and mail clients use
 * it: the sign form's unticked box, the confirmation from the outbox, the organizers marking the letter
 * delivered, the minute cron sending the notice in the signer's language with RFC 8058's headers,
 * and the unsubscribe link (its page, and a mail provider's one-click POST).
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker, { app } from "../../src/index";
import {
  countingDatabase,
  createLetter,
  deliveryNoticesTo,
  LOCAL_MAIL,
  mailTo,
  markDelivered,
  runMinuteJob,
  signAndConfirm,
  fetchApp,
  individual,
  linkIn,
  logIn,
  parseHtml,
  postForm,
  postOrganizerForm,
  postSignature,
  runStatements,
  signatureRows,
  texts,
  translation,
} from "../helpers";

/** A letter in English with a Spanish translation, taking signatures confirmed by email. */
async function bilingualLetter() {
  return createLetter({
    title: "Letter on a fair process",
    translations: [
      translation("es", "Carta por un proceso justo", "Estimado Secretario General:\n\nPedimos un proceso justo."),
    ],
  });
}

async function noticeRows(slug: string) {
  const { results } = await env.DB.prepare(
    `SELECT n.state FROM delivery_notices n JOIN letters l ON l.id = n.letter_id WHERE l.slug = ?1`,
  )
    .bind(slug)
    .all<{ state: string }>();
  return results.map((row) => row.state);
}

describe("the delivery notice", () => {
  it("is sent once, in Spanish, with the unsubscribe headers, and one-click stops it for good", async () => {
    const letter = await bilingualLetter();
    const email = "lucia.entrega@example.org";
    // The box is on the form, unticked.
    const form = parseHtml(await (await fetchApp(`/letters/${letter.slug}?lang=es`, LOCAL_MAIL)).text());
    const box = form.querySelector('input[name="notify_delivery"]')!;
    expect(box.getAttribute("type")).toBe("checkbox");
    expect(box.hasAttribute("checked")).toBe(false);
    expect(texts(form, 'label[for="sign-notify-delivery"]')).toEqual([
      "Envíenme un correo cuando se entregue esta carta",
    ]);

    await signAndConfirm(letter.slug, individual({ name: "Lucía", email, lang: "es", notify_delivery: "yes" }));
    const [row] = await signatureRows(letter.slug);
    expect(row).toMatchObject({ status: "confirmed", delivery_notice_consent: "delivery-notice-1" });
    expect(row!.delivery_notice_consented_at).toMatch(/^\d{4}-\d\d-\d\dT/);

    await markDelivered(letter.slug);
    expect(await deliveryNoticesTo(email)).toEqual([]);
    await runMinuteJob(LOCAL_MAIL);
    const notices = await deliveryNoticesTo(email);
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice!.subject).toBe("Entregada: Carta por un proceso justo");
    expect(notice!.body).toContain("«Carta por un proceso justo», que usted firmó, se entregó el 2 de enero de 2020.");
    expect(notice!.body).toContain(`https://undersigned.test/letters/${letter.slug}?lang=es`);
    const unsubscribe = notice!.headers["List-Unsubscribe"]!;
    expect(unsubscribe).toMatch(
      new RegExp(
        `^<https://undersigned\\.test/letters/${letter.slug}/unsubscribe\\?token=[0-9a-f]{32}\\.[\\w-]{22}&lang=es>$`,
      ),
    );
    expect(notice!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    // The same link is in the text, for a client that shows no button.
    const link = linkIn(notice!.body, "/unsubscribe?token=");
    expect(unsubscribe).toBe(`<https://undersigned.test${link}>`);

    // The link's page, in Spanish, changes nothing by itself.
    const page = await fetchApp(link, LOCAL_MAIL);
    expect(page.status).toBe(200);
    const document = parseHtml(await page.text());
    expect(texts(document, "h1")).toEqual(["Cancelar el correo de entrega"]);
    expect(document.querySelector("main")!.text).toContain("no recibirá más correos sobre");
    expect(document.querySelector("main")!.text).not.toContain("cuando se entregue");
    expect(document.querySelector('meta[name="robots"]')?.getAttribute("content")).toContain("noindex");
    expect(document.querySelectorAll("script")).toHaveLength(0);
    expect(page.headers.get("Cache-Control")).toBe("private, no-store");
    // robots.txt lets crawlers read the page, so that its noindex keeps it out of search results.
    expect(await (await fetchApp("/robots.txt")).text()).not.toContain("unsubscribe");
    expect((await signatureRows(letter.slug))[0]!.delivery_notice_unsubscribed_at).toBeNull();

    // A mail provider's one-click POST: no Origin, no Sec-Fetch-Site, no form stamp.
    const oneClick = await fetchApp(link, LOCAL_MAIL, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(texts(parseHtml(await oneClick.text()), "h1")).toEqual(["No le escribiremos sobre esta carta"]);
    expect((await signatureRows(letter.slug))[0]!.delivery_notice_unsubscribed_at).toMatch(/^\d{4}-/);

    // The page says what the button stops (the notice came after delivery: no "when it is delivered"),
    // and opened again, that it is done already, with no button to press again.
    const again = parseHtml(await (await fetchApp(link, LOCAL_MAIL)).text());
    expect(texts(again, "h1")).toEqual(["Ya está hecho"]);
    expect(again.querySelectorAll("main form")).toHaveLength(0);
    expect(again.querySelector("main")!.text).toContain("no recibir más correos sobre esta carta");

    // A second delivery marking (a corrected day) sends nothing more.
    await markDelivered(letter.slug, "2020-01-03");
    await runMinuteJob(LOCAL_MAIL);
    expect(await deliveryNoticesTo(email)).toHaveLength(1);
  });

  it("is offered, unticked, on the embed card's sign form too", async () => {
    const letter = await bilingualLetter();
    const card = parseHtml(
      await (await fetchApp(`/letters/${letter.slug}/embed/sign?source=partner.example`, LOCAL_MAIL)).text(),
    );
    const box = card.querySelector('form input[name="notify_delivery"]')!;
    expect(box.getAttribute("type")).toBe("checkbox");
    expect(box.hasAttribute("checked")).toBe(false);
  });

  it("takes the box as sent again by a signer whose signature still waits for confirmation", async () => {
    const letter = await bilingualLetter();
    const email = "second.thoughts@example.org";
    expect((await postSignature(letter.slug, individual({ email }), { env: LOCAL_MAIL })).status).toBe(303);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ delivery_notice_consent: null });
    expect(
      (await postSignature(letter.slug, individual({ email, notify_delivery: "yes" }), { env: LOCAL_MAIL })).status,
    ).toBe(303);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ delivery_notice_consent: "delivery-notice-1" });
  });

  it("shows its headers in the local outbox", async () => {
    const letter = await bilingualLetter();
    const email = "outbox.headers@example.org";
    await signAndConfirm(letter.slug, individual({ email, notify_delivery: "yes" }));
    await markDelivered(letter.slug);
    await runMinuteJob(LOCAL_MAIL);
    const ctx = createExecutionContext();
    const page = await app.fetch(new Request("http://localhost/dev/mail"), { ...env, ...LOCAL_MAIL }, ctx);
    await waitOnExecutionContext(ctx);
    expect(page.status).toBe(200);
    const document = parseHtml(await page.text());
    const notice = document.querySelectorAll("article").find((article) => article.textContent.includes(email))!;
    expect(texts(notice, "dt")).toEqual(["List-Unsubscribe", "List-Unsubscribe-Post"]);
    expect(texts(notice, "dd")[1]).toBe("List-Unsubscribe=One-Click");
  });

  it("is queued and claimed through indexes: no scan of signatures or of the notices", async () => {
    const letter = await bilingualLetter();
    await signAndConfirm(letter.slug, individual({ email: "plans.notice@example.org", notify_delivery: "yes" }));
    const counter = countingDatabase(env.DB);
    const session = await logIn();
    expect(
      (
        await postOrganizerForm(
          `/admin/letters/${letter.slug}/state`,
          { change: "deliver", delivered_on: "2020-01-02" },
          { session, env: { ...LOCAL_MAIL, DB: counter.database } },
        )
      ).status,
    ).toBe(303);
    await runMinuteJob({ ...LOCAL_MAIL, DB: counter.database });
    const ours = counter.recorded().filter((query) => query.sql.includes("delivery_notices"));
    expect(ours.length).toBeGreaterThanOrEqual(3);
    for (const query of ours) {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
        .bind(...query.params)
        .all<{ detail: string }>();
      const text = results.map((row) => row.detail).join("\n");
      expect(text, query.sql).not.toMatch(/\bSCAN (?:signatures|s|delivery_notices|n)\b(?! USING)/);
      // Queueing reads the letter's consenting signatures only.
      if (query.sql.includes("INSERT INTO delivery_notices")) expect(text).toContain("signatures_delivery_consent");
    }
  });

  it("is not sent to a signer who left the box unticked", async () => {
    const letter = await bilingualLetter();
    const email = "sin.aviso@example.org";
    await signAndConfirm(letter.slug, individual({ email, lang: "es" }));
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ delivery_notice_consent: null });
    await markDelivered(letter.slug);
    await runMinuteJob(LOCAL_MAIL);
    expect(await deliveryNoticesTo(email)).toEqual([]);
    expect(await noticeRows(letter.slug)).toEqual([]);
  });

  it("is not sent to a signer who never confirmed", async () => {
    const letter = await bilingualLetter();
    const email = "never.confirmed@example.org";
    expect(
      (await postSignature(letter.slug, individual({ email, notify_delivery: "yes" }), { env: LOCAL_MAIL })).status,
    ).toBe(303);
    await markDelivered(letter.slug);
    await runMinuteJob(LOCAL_MAIL);
    expect(await deliveryNoticesTo(email)).toEqual([]);
  });

  it("is cancelled when the signature is withdrawn before it goes", async () => {
    const letter = await bilingualLetter();
    const email = "withdrawn.notice@example.org";
    await signAndConfirm(letter.slug, individual({ email, notify_delivery: "yes" }));
    await markDelivered(letter.slug);
    expect(await noticeRows(letter.slug)).toEqual(["waiting"]);
    const [confirmation] = await mailTo(email);
    const withdrawLink = linkIn(confirmation!.body, "/withdraw?token=");
    const token = new URL(withdrawLink, "https://undersigned.test").searchParams.get("token")!;
    expect((await postForm(`/letters/${letter.slug}/withdraw`, { token }, LOCAL_MAIL)).status).toBe(303);
    expect(await noticeRows(letter.slug)).toEqual([]);
    await runMinuteJob(LOCAL_MAIL);
    expect(await deliveryNoticesTo(email)).toEqual([]);
  });

  it("is cancelled when the organizers hide the signature before it goes", async () => {
    const letter = await bilingualLetter();
    const email = "hidden.notice@example.org";
    await signAndConfirm(letter.slug, individual({ email, notify_delivery: "yes" }));
    await markDelivered(letter.slug);
    expect(await noticeRows(letter.slug)).toEqual(["waiting"]);
    const [row] = await signatureRows(letter.slug);
    const session = await logIn();
    const hidden = await postOrganizerForm(
      `/admin/letters/${letter.slug}/signatures/${row!.token as string}/hide`,
      {},
      { session, env: LOCAL_MAIL },
    );
    expect(hidden.status).toBe(303);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ status: "hidden" });
    expect(await noticeRows(letter.slug)).toEqual([]);
    await runMinuteJob(LOCAL_MAIL);
    expect(await deliveryNoticesTo(email)).toEqual([]);
  });

  it("goes once however often the job runs", async () => {
    const letter = await bilingualLetter();
    const emails = ["twice.a@example.org", "twice.b@example.org", "twice.c@example.org"];
    for (const email of emails) await signAndConfirm(letter.slug, individual({ email, notify_delivery: "yes" }));
    await markDelivered(letter.slug);
    // Two runs at once (overlapping crons), then a third.
    await Promise.all([runMinuteJob(LOCAL_MAIL), runMinuteJob(LOCAL_MAIL)]);
    await runMinuteJob(LOCAL_MAIL);
    for (const email of emails) expect(await deliveryNoticesTo(email), email).toHaveLength(1);
    expect(await noticeRows(letter.slug)).toEqual(["sent", "sent", "sent"]);
    // Marked delivered again: nothing is queued for who had theirs.
    await markDelivered(letter.slug, "2020-01-05");
    await runMinuteJob(LOCAL_MAIL);
    for (const email of emails) expect(await deliveryNoticesTo(email), email).toHaveLength(1);
  });

  it("is never sent once the retention rules have erased the signers' emails", async () => {
    const letter = await bilingualLetter();
    const email = "retention.notice@example.org";
    await signAndConfirm(letter.slug, individual({ email, notify_delivery: "yes" }));
    await markDelivered(letter.slug);
    expect(await noticeRows(letter.slug)).toEqual(["waiting"]);
    // Closed longer ago than RETENTION_DAYS (30 by default): the maintenance job anonymizes it.
    const longAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
    await runStatements([
      `UPDATE letters SET closed_at = '${longAgo}', closes_at = '${longAgo}' WHERE slug = '${letter.slug}'`,
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ cron: "*/5 * * * *", scheduledTime: Date.now() }),
      { ...env, ...LOCAL_MAIL },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ email: null });
    expect(await noticeRows(letter.slug)).toEqual([]);
    await runMinuteJob(LOCAL_MAIL);
    expect(await deliveryNoticesTo(email)).toEqual([]);
  });

  it("answers a malformed, forged or another letter's unsubscribe token with a 404 page that changes nothing", async () => {
    const letter = await bilingualLetter();
    const other = await bilingualLetter();
    const email = "forged.unsubscribe@example.org";
    await signAndConfirm(letter.slug, individual({ email, notify_delivery: "yes", lang: "es" }));
    await markDelivered(letter.slug);
    await runMinuteJob(LOCAL_MAIL);
    const link = linkIn((await deliveryNoticesTo(email))[0]!.body, "/unsubscribe?token=");
    const token = new URL(link, "https://undersigned.test").searchParams.get("token")!;
    const [ref] = token.split(".");
    const [withdrawToken] = [linkIn((await mailTo(email))[0]!.body, "/withdraw?token=")].map((path) =>
      new URL(path, "https://undersigned.test").searchParams.get("token")!,
    );
    const bad = [
      `/letters/${letter.slug}/unsubscribe?token=nonsense`,
      `/letters/${letter.slug}/unsubscribe`,
      `/letters/${letter.slug}/unsubscribe?token=${ref}.${"A".repeat(22)}`,
      // The withdrawal link's token is no unsubscribe token.
      `/letters/${letter.slug}/unsubscribe?token=${withdrawToken}`,
      `/letters/${other.slug}/unsubscribe?token=${token}`,
    ];
    for (const path of bad) {
      const page = await fetchApp(path, LOCAL_MAIL);
      expect(page.status, path).toBe(404);
      expect(texts(parseHtml(await page.text()), "h1"), path).toEqual(["This link doesn't work"]);
      const posted = await fetchApp(path, LOCAL_MAIL, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      });
      expect(posted.status, path).toBe(404);
    }
    expect((await signatureRows(letter.slug))[0]!.delivery_notice_unsubscribed_at).toBeNull();
    // The page's own button works, and leads to the confirmation page.
    const page = parseHtml(await (await fetchApp(link, LOCAL_MAIL)).text());
    const form = page.querySelector("main form")!;
    const pressed = await postForm(form.getAttribute("action")!, { lang: "es" }, LOCAL_MAIL);
    expect(pressed.status).toBe(303);
    const done = await fetchApp(pressed.headers.get("Location")!, LOCAL_MAIL);
    expect(texts(parseHtml(await done.text()), "h1")).toEqual(["No le escribiremos sobre esta carta"]);
  });

  it("takes notify_delivery from the API as a boolean", async () => {
    const letter = await bilingualLetter();
    const email = "api.notice@example.org";
    const response = await fetchApp(`/api/v1/letters/${letter.slug}/signatures`, LOCAL_MAIL, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": "198.51.100.77" },
      body: JSON.stringify({ kind: "individual", name: "Api Signer", email, notify_delivery: true }),
    });
    expect(response.status).toBe(202);
    expect((await signatureRows(letter.slug))[0]).toMatchObject({ delivery_notice_consent: "delivery-notice-1" });
    const wrong = await fetchApp(`/api/v1/letters/${letter.slug}/signatures`, LOCAL_MAIL, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": "198.51.100.78" },
      body: JSON.stringify({ kind: "individual", name: "Api Signer", email: "x@example.org", notify_delivery: "yes" }),
    });
    expect(wrong.status).toBe(422);
    const openapi = await (await fetchApp("/api/v1/openapi.json")).text();
    expect(openapi).toContain("notify_delivery");
  });
});
