/**
 * Signatures waiting for their email confirmation, from the organizers' side
 * (issue 15): the confirmation email sent again on the signer's request,
 * within the signature's email allowance (and told when it is used up); a
 * signature confirmed for its signer with a reason, which the activity log
 * keeps; rejecting one. Each only while it waits, on a letter that takes
 * signatures.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  createLetter,
  fetchApp,
  individual,
  linkIn,
  logIn,
  mailTo,
  organization,
  parseHtml,
  postSignature,
  texts,
  type OrganizerSession,
} from "../helpers";
import { post } from "../imports";

const MAIL = { MAILER: "local" };

async function waitingSignature(slug: string, fields = individual()) {
  expect((await postSignature(slug, fields, { env: MAIL })).status).toBe(303);
  const row = await env.DB.prepare(
    "SELECT s.id, s.token, s.status, s.email FROM signatures s JOIN letters l ON l.id = s.letter_id WHERE l.slug = ? AND s.email = ?",
  )
    .bind(slug, fields.email)
    .first<{ id: number; token: string; status: string; email: string }>();
  expect(row!.status).toBe("unconfirmed");
  return row!;
}

async function statusOf(id: number) {
  return (await env.DB.prepare("SELECT status FROM signatures WHERE id = ?").bind(id).first<{ status: string }>())!
    .status;
}

async function logOf(id: number) {
  const { results } = await env.DB.prepare(
    `SELECT action, organizer_name AS who, detail, before_json AS before, after_json AS after
     FROM organizer_activity WHERE signature_id = ? ORDER BY id`,
  )
    .bind(id)
    .all();
  return results;
}

function listPage(session: OrganizerSession, slug: string, query = "") {
  return fetchApp(`/admin/letters/${slug}/signatures${query}`, MAIL, { headers: { Cookie: session.cookie } });
}

describe("a signature waiting for its email confirmation", () => {
  it("offers to send the email again, to confirm it for the signer, and to reject it", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const waiting = await waitingSignature(letter.slug);
    const session = await logIn();
    const document = parseHtml(await (await listPage(session, letter.slug, "?status=unconfirmed")).text());
    const actions = document.querySelector(`#select-${waiting.token}`)!.closest("tr")!;
    expect(actions.querySelector(`button[formaction$="/${waiting.token}/resend"]`)).not.toBeNull();
    expect(actions.querySelector(`button[formaction$="/${waiting.token}/reject"]`)).not.toBeNull();
    expect(actions.querySelector(`a[href*="/${waiting.token}/confirm"]`)!.getAttribute("href")).toBe(
      `/admin/letters/${letter.slug}/signatures/${waiting.token}/confirm?status=unconfirmed`,
    );
  });

  it("sends its confirmation email again, with a link that confirms, until its allowance is used up", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const waiting = await waitingSignature(letter.slug);
    const session = await logIn();
    const path = `/admin/letters/${letter.slug}/signatures/${waiting.token}/resend`;
    const first = await post(session, path, { status: "unconfirmed" }, MAIL);
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toBe(
      `/admin/letters/${letter.slug}/signatures?status=unconfirmed&done=resent&n=3`,
    );
    const flash = parseHtml(await (await listPage(session, letter.slug, "?done=resent&n=3")).text());
    expect(texts(flash, ".flash")[0]).toMatch(/sent again.*3 more can be sent today/);
    const mails = await mailTo(waiting.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.body).toContain(linkIn(mails[0]!.body, "/confirm").split("?")[0]!);
    // The signer's own link works from the email sent again.
    const confirmPage = await fetchApp(linkIn(mails[1]!.body, "/confirm"), MAIL);
    expect(confirmPage.status).toBe(200);

    for (let more = 0; more < 3; more++) expect((await post(session, path, {}, MAIL)).status).toBe(303);
    expect(await mailTo(waiting.email)).toHaveLength(5);
    const refused = await post(session, path, {}, MAIL);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/allowance of 5 emails in 24 hours is used up/);
    expect(await mailTo(waiting.email)).toHaveLength(5);
    expect((await logOf(waiting.id)).map((entry) => entry.action)).toEqual([
      "confirmation-resent",
      "confirmation-resent",
      "confirmation-resent",
      "confirmation-resent",
    ]);
    // The signature itself still waits for its signer.
    expect(await statusOf(waiting.id)).toBe("unconfirmed");
  });

  it("says until when its allowance is used up in the letter's time zone, as the rest of its page", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    await env.DB.prepare("UPDATE letters SET closes_time_zone = 'America/Tegucigalpa' WHERE slug = ?1")
      .bind(letter.slug)
      .run();
    const waiting = await waitingSignature(letter.slug);
    const session = await logIn();
    const path = `/admin/letters/${letter.slug}/signatures/${waiting.token}/resend`;
    for (let sent = 1; sent < 5; sent++) expect((await post(session, path, {}, MAIL)).status).toBe(303);
    const refused = await post(session, path, {}, MAIL);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/It can be sent again after [^;]+ \(Honduras time, UTC−6\);/);
  });

  it("is confirmed for its signer only with a reason, which the activity log keeps", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const waiting = await waitingSignature(letter.slug);
    const session = await logIn();
    const path = `/admin/letters/${letter.slug}/signatures/${waiting.token}/confirm`;
    const page = await fetchApp(path, MAIL, { headers: { Cookie: session.cookie } });
    expect(page.status).toBe(200);
    const form = parseHtml(await page.text());
    expect(form.querySelector("textarea[name=reason][required]")).not.toBeNull();

    const refused = await post(session, path, { reason: "   " }, MAIL);
    expect(refused.status).toBe(422);
    const refusedPage = parseHtml(await refused.text());
    expect(refusedPage.querySelector(".error-summary[autofocus] a")!.getAttribute("href")).toBe("#field-reason");
    expect(refusedPage.querySelector("title")!.textContent).toMatch(/^Error: /);
    expect(await statusOf(waiting.id)).toBe("unconfirmed");
    expect((await post(session, path, { reason: "x".repeat(501) }, MAIL)).status).toBe(422);

    const reason = "Asked by phone on 30 November: the email never arrived.";
    const done = await post(session, path, { reason }, MAIL);
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe(`/admin/letters/${letter.slug}/signatures?done=confirmed-on-request`);
    expect(await statusOf(waiting.id)).toBe("confirmed");
    expect(await logOf(waiting.id)).toEqual([
      {
        action: "signature-confirmed",
        who: "Owner (admin token)",
        detail: reason,
        before: '{"status":"unconfirmed"}',
        after: '{"status":"confirmed"}',
      },
    ]);
    const counted = await env.DB.prepare("SELECT event FROM record_entries WHERE ref = ?").bind(waiting.token).all();
    expect(counted.results).toEqual([{ event: "signed" }]);
    // Once confirmed, neither applies any more.
    expect((await post(session, path, { reason }, MAIL)).status).toBe(409);
    expect((await post(session, `${path.replace(/confirm$/, "resend")}`, {}, MAIL)).status).toBe(409);
  });

  it("goes to review when the letter reviews organizations, and can be rejected", async () => {
    const letter = await createLetter({ confirmSignatures: true, reviewOrganizations: true });
    const org = await waitingSignature(letter.slug, organization());
    const person = await waitingSignature(letter.slug);
    const session = await logIn();
    const base = `/admin/letters/${letter.slug}/signatures`;
    expect(
      (await post(session, `${base}/${org.token}/confirm`, { reason: "Their director called." }, MAIL)).status,
    ).toBe(303);
    expect(await statusOf(org.id)).toBe("in_review");
    expect((await post(session, `${base}/${person.token}/reject`, {}, MAIL)).status).toBe(303);
    expect(await statusOf(person.id)).toBe("rejected");
  });

  it("is neither sent again nor confirmed once the letter has closed", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const waiting = await waitingSignature(letter.slug);
    await env.DB.prepare("UPDATE letters SET status = 'closed' WHERE slug = ?").bind(letter.slug).run();
    const session = await logIn();
    const base = `/admin/letters/${letter.slug}/signatures/${waiting.token}`;
    expect((await post(session, `${base}/resend`, {}, MAIL)).status).toBe(409);
    expect((await post(session, `${base}/confirm`, { reason: "Asked." }, MAIL)).status).toBe(409);
    expect(await mailTo(waiting.email)).toHaveLength(1);
    expect(await statusOf(waiting.id)).toBe("unconfirmed");
  });
});

describe("a signature rejected while it waited for its signer, then restored", () => {
  // Restoring made it count at once, confirmed by nobody: only its signer may confirm it.
  it("waits for its signer again, one by one and in bulk, and counts once the signer confirms", async () => {
    const letter = await createLetter({ confirmSignatures: true });
    const one = await waitingSignature(letter.slug);
    const other = await waitingSignature(letter.slug);
    const session = await logIn();
    const base = `/admin/letters/${letter.slug}/signatures`;
    const count = async () =>
      (await env.DB.prepare("SELECT signature_count AS n FROM letters WHERE slug = ?").bind(letter.slug).first<{
        n: number;
      }>())!.n;
    const before = await count();
    for (const waiting of [one, other]) {
      expect((await post(session, `${base}/${waiting.token}/reject`, {}, MAIL)).status).toBe(303);
      expect(await statusOf(waiting.id)).toBe("rejected");
    }
    expect((await post(session, `${base}/${one.token}/restore`, {}, MAIL)).status).toBe(303);
    expect(await statusOf(one.id)).toBe("unconfirmed");
    const bulk = await post(
      session,
      `${base}/bulk`,
      { action: "restore", scope: "matching", status: "rejected", step: "apply", confirmed: "yes" },
      MAIL,
    );
    expect(bulk.status).toBeLessThan(400);
    expect(await statusOf(other.id)).toBe("unconfirmed");
    expect(await count()).toBe(before);
    const page = await fetchApp(`/letters/${letter.slug}`, { ...MAIL, CACHE_MAX_AGE: "0" });
    expect(await page.text()).not.toContain(one.email);

    // The signer's own link still counts it.
    const [mail] = await mailTo(one.email);
    const confirmPage = await fetchApp(linkIn(mail!.body, "/confirm"), MAIL);
    expect(confirmPage.status).toBe(200);
    const form = parseHtml(await confirmPage.text()).querySelector("form[method=post]");
    expect(form).not.toBeNull();
  });
});
