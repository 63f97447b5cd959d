/**
 * Organizers' names (review of issue 15): the invitation form and "Your name"
 * refuse invisible, bidirectional and control characters, and a name a
 * colleague already goes by (the activity log would name two people alike);
 * what they keep is normalized (NFC, trimmed, single spaces).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  createLetter,
  fetchApp,
  formBody,
  logIn,
  parseHtml,
  postOrganizerForm,
  randomIp,
  SAME_ORIGIN_FORM,
  sessionAs,
  texts,
  type OrganizerSession,
} from "../helpers";
import { seedSignatures } from "../seed";

const MAIL = { MAILER: "local" };

function newEmail(): string {
  return `named-${crypto.randomUUID().slice(0, 8)}@coalition.example`;
}

async function nameProblem(response: Response): Promise<string> {
  expect(response.status).toBe(422);
  return texts(parseHtml(await response.text()), ".error-summary li").join(" ");
}

async function storedName(email: string): Promise<string | null> {
  const row = await env.DB.prepare("SELECT name FROM organizers WHERE email = ?1")
    .bind(email)
    .first<{ name: string }>();
  return row?.name ?? null;
}

describe("an organizer's name (failed before: any text was taken)", () => {
  it.each([
    ["a right-to-left override", "Ana \u202Egnp.exe", /invisible/],
    ["a bidirectional isolate", "\u2067Ana\u2069", /invisible/],
    ["a left-to-right mark", "Ana\u200E Reyes", /invisible/],
    ["a zero-width space", "An\u200Ba", /invisible/],
    ["a word joiner", "Ana\u2060", /invisible/],
    ["a Hangul filler (a blank that is a letter)", "\u3164", /invisible/],
    ["a control character", "Ana\u0007", /control/],
    ["a line break", "Ana\nReyes", /one line/],
  ])("refuses %s on the invitation form, with a clear message", async (_, name, message) => {
    const owner = await logIn();
    const email = newEmail();
    const refused = await postOrganizerForm(
      "/admin/people",
      { name, email, role: "viewer" },
      { session: owner, env: MAIL },
    );
    expect(await nameProblem(refused)).toMatch(message);
    expect(await storedName(email)).toBeNull();
  });

  it("keeps a name normalized: NFC, trimmed, single spaces", async () => {
    const owner = await logIn();
    const email = newEmail();
    const invited = await postOrganizerForm(
      "/admin/people",
      { name: "  Jose\u0301   Pe\u0301rez ", email, role: "viewer" },
      { session: owner, env: MAIL },
    );
    expect(invited.status).toBe(303);
    expect(await storedName(email)).toBe("José Pérez");
  });

  it("refuses a name an active colleague goes by, whatever its case and spaces; a disabled one's is free", async () => {
    const owner = await logIn();
    await sessionAs("editor", { name: "Lucía Gómez" });
    const email = newEmail();
    const same = await postOrganizerForm(
      "/admin/people",
      { name: "  lucía   GÓMEZ", email, role: "viewer" },
      { session: owner, env: MAIL },
    );
    expect(await nameProblem(same)).toContain("Lucía Gómez");
    expect(await storedName(email)).toBeNull();
    // The admin token's account is a colleague too: nobody may pass for it.
    const bootstrap = await postOrganizerForm(
      "/admin/people",
      { name: "owner (ADMIN token)", email, role: "viewer" },
      { session: owner, env: MAIL },
    );
    expect(await nameProblem(bootstrap)).toContain("Owner (admin token)");

    const gone = await sessionAs("viewer", { name: "Marta Ruiz" });
    await env.DB.prepare("UPDATE organizers SET disabled_at = ?1 WHERE id = ?2")
      .bind(new Date().toISOString(), gone.organizerId)
      .run();
    expect(
      (
        await postOrganizerForm(
          "/admin/people",
          { name: "Marta Ruiz", email, role: "viewer" },
          { session: owner, env: MAIL },
        )
      ).status,
    ).toBe(303);
  });

  it("refuses the same on your account page, and lets you change only the case of your own", async () => {
    await sessionAs("moderator", { name: "Nora Díaz" });
    const you = await sessionAs("viewer", { name: "Olga Vidal" });
    expect(
      await nameProblem(
        await postOrganizerForm("/admin/account/name", { name: "nora díaz" }, { session: you, env: MAIL }),
      ),
    ).toContain("Nora Díaz");
    expect(
      await nameProblem(
        await postOrganizerForm("/admin/account/name", { name: "Olga\u202E Vidal" }, { session: you, env: MAIL }),
      ),
    ).toMatch(/invisible/);
    expect(
      (await postOrganizerForm("/admin/account/name", { name: "OLGA VIDAL" }, { session: you, env: MAIL })).status,
    ).toBe(303);
    const row = await env.DB.prepare("SELECT name FROM organizers WHERE id = ?1")
      .bind(you.organizerId)
      .first<{ name: string }>();
    expect(row!.name).toBe("OLGA VIDAL");
  });
});

describe("the admin token's account's name (failed before: 'Owner (admin token)' in every language)", () => {
  const SPANISH_NAME = "Propietario (clave de administración)";

  /** A page for `session` in the browser's `language` (the admin token's account has no language of its own here). */
  async function page(session: OrganizerSession, path: string, language: string): Promise<string> {
    const response = await fetchApp(path, MAIL, { headers: { Cookie: session.cookie, "Accept-Language": language } });
    expect(response.status, path).toBe(200);
    return response.text();
  }

  it("is worded in the reader's language wherever it is drawn, and stays stored as it was", async () => {
    const owner = await logIn();
    const letter = await createLetter();
    const [signature] = await seedSignatures(letter.slug, [{ name: "Hidden By Owner" }]);
    const hidden = await postOrganizerForm(
      `/admin/letters/${letter.slug}/signatures/${signature!.ref}/hide`,
      {},
      { session: owner, env: MAIL },
    );
    expect(hidden.status).toBe(303);
    const paths = [
      "/admin/people",
      "/admin/account",
      "/admin/activity",
      `/admin/letters/${letter.slug}/signatures?status=hidden`,
    ];
    for (const path of paths) {
      const spanish = await page(owner, path, "es");
      expect(spanish, path).toContain(SPANISH_NAME);
      expect(spanish, path).not.toContain("Owner (admin token)");
      expect(await page(owner, path, "en"), path).toContain("Owner (admin token)");
    }
    const spanishAccount = parseHtml(await page(owner, "/admin/account", "es"));
    expect(spanishAccount.querySelector("input[name=name]")!.getAttribute("value")).toBe(SPANISH_NAME);
    expect(texts(spanishAccount, ".signed-in").join(" ")).toContain(SPANISH_NAME);

    // Saving the name as the page shows it keeps the stored one: a French colleague still reads it in French.
    const saved = await fetchApp("/admin/account/name", MAIL, {
      method: "POST",
      headers: { ...SAME_ORIGIN_FORM, "CF-Connecting-IP": randomIp(), Cookie: owner.cookie, "Accept-Language": "es" },
      body: formBody({ csrf: owner.csrf, name: SPANISH_NAME }),
      redirect: "manual",
    });
    expect(saved.status).toBe(303);
    const row = await env.DB.prepare("SELECT name FROM organizers WHERE id = 1").first<{ name: string }>();
    expect(row!.name).toBe("Owner (admin token)");
    expect(await page(owner, "/admin/people", "fr")).toContain("Propriétaire (clé d’administration)");
  });

  it("is nobody else's, in any of the area's languages", async () => {
    const owner = await logIn();
    const refused = await postOrganizerForm(
      "/admin/people",
      { name: SPANISH_NAME, email: newEmail(), role: "viewer" },
      { session: owner, env: MAIL },
    );
    expect(await nameProblem(refused)).toContain("Owner (admin token)");
  });
});
