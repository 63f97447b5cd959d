/**
 * Organizations as organizers see and vet them (issue 14): the contact
 * person, website, authorization statement and verification in each row;
 * marking an organization verified by hand, or removing the mark, as an
 * organizer action (CSRF-guarded, logged without emails) that every public
 * copy of the letter shows at once, cached ones included.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { messagesFor } from "../../src/domain/i18n";
import {
  fetchApp,
  createLetter,
  logIn,
  organizerFetch,
  organizerPage,
  organizerPost,
  signatureRows,
  texts,
  translation,
} from "../helpers";
import { seedSignatures } from "../seed";

const SLOW = { timeout: 60_000 };

function listPath(slug: string, query = "") {
  return `/admin/letters/${slug}/signatures${query ? `?${query}` : ""}`;
}

async function rowOf(slug: string, name: string) {
  return (await signatureRows(slug)).find((row) => row.name === name)!;
}

/** A letter with an organization verified by its email domain, one signed through the form, one entered by hand, and a person. */
async function organizationsLetter() {
  const letter = await createLetter({
    confirmSignatures: false,
    translations: [translation("es", "Carta", "Pedimos un proceso justo.")],
  });
  await seedSignatures(letter.slug, [
    {
      kind: "organization",
      name: "Fundación Justicia y Paz",
      country: "HN",
      website: "https://www.fundacionjusticia.org/",
      contactName: "Lucía Ramírez",
      contactRole: "Directora de Programas",
      email: "lucia@fundacionjusticia.org",
      authorized: true,
      verification: { by: "email-domain", at: "2031-01-02T03:04:05.000Z", domain: "fundacionjusticia.org" },
    },
    {
      kind: "organization",
      name: "Grassroots Union",
      country: "HN",
      website: "https://grassroots.example.org/",
      contactName: "Gabriel Union",
      email: "gabriel@gmail.com",
      authorized: true,
    },
    { kind: "organization", name: "Paper Coalition", channel: "manual", source: "paper" },
    { name: "Ana Pérez", country: "HN" },
  ]);
  return letter;
}

/** The text of the organizers' row of `name`, whitespace collapsed. */
async function rowText(session: Awaited<ReturnType<typeof logIn>>, slug: string, name: string) {
  const { document } = await organizerPage(session, listPath(slug));
  const row = document.querySelectorAll("tbody tr").find((tr) => tr.querySelector("strong")?.textContent === name)!;
  return row.textContent.replace(/\s+/g, " ").trim();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("an organization in the organizers' list", SLOW, () => {
  it("shows its contact's name and role, email, website, authorization and verification", async () => {
    const letter = await organizationsLetter();
    const session = await logIn();
    const fundacion = await rowText(session, letter.slug, "Fundación Justicia y Paz");
    expect(fundacion).toContain("Contact: Lucía Ramírez, Directora de Programas");
    expect(fundacion).toContain("lucia@fundacionjusticia.org");
    expect(fundacion).toContain("Website: https://www.fundacionjusticia.org/");
    expect(fundacion).toMatch(/Authorized: stated on \w+ \d+, \d{4}/);
    expect(fundacion).toContain(
      "Verified by email domain on January 2, 2031: its contact confirmed an address at fundacionjusticia.org",
    );
    expect(fundacion).toContain("Removing the mark forgets fundacionjusticia.org for it.");
    expect(fundacion).toContain("Remove the verified mark from Fundación Justicia y Paz");
    const union = await rowText(session, letter.slug, "Grassroots Union");
    expect(union).toContain("Contact: Gabriel Union");
    expect(union).toContain("not verified");
    expect(union).toContain("Mark Grassroots Union verified");
    const paper = await rowText(session, letter.slug, "Paper Coalition");
    expect(paper).toContain("Contact: none given");
    expect(paper).toContain("Authorized: entered by organizers");
    const person = await rowText(session, letter.slug, "Ana Pérez");
    expect(person).not.toContain("verified");
    expect(person).not.toContain("Contact:");
  });

  it("carries its contact, website, authorization and verification in the organizers' JSON API", async () => {
    const letter = await organizationsLetter();
    const session = await logIn();
    const listed = await (
      await organizerFetch(session, `/admin/api/letters/${letter.slug}/signatures`)
    ).json<{ signatures: Record<string, unknown>[] }>();
    const fundacion = listed.signatures.find((signature) => signature.name === "Fundación Justicia y Paz")!;
    expect(fundacion).toMatchObject({
      website: "https://www.fundacionjusticia.org/",
      contact_name: "Lucía Ramírez",
      contact_role: "Directora de Programas",
      email: "lucia@fundacionjusticia.org",
      verified: { by: "email-domain", at: "2031-01-02T03:04:05.000Z", domain: "fundacionjusticia.org" },
    });
    expect(fundacion.authorized_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(listed.signatures.find((signature) => signature.name === "Ana Pérez")).toMatchObject({
      contact_name: null,
      verified: null,
    });
  });

  it("can be found by its contact's name, and among the organizations verified or not", async () => {
    const letter = await organizationsLetter();
    const session = await logIn();
    const names = async (query: string) =>
      texts((await organizerPage(session, listPath(letter.slug, query))).document, "tbody td:nth-child(2) strong");
    expect(await names("verified=no")).toEqual(["Paper Coalition", "Grassroots Union"]);
    expect(await names("verified=yes")).toEqual(["Fundación Justicia y Paz"]);
    expect(await names("q=gabriel union")).toEqual(["Grassroots Union"]);
    const bad = await organizerPage(session, listPath(letter.slug, "verified=maybe"));
    expect(bad.response.status).toBe(422);
  });
});

describe("marking an organization verified by hand", SLOW, () => {
  it("stores it as the organizers', logs it without emails, and every public copy shows it at once", async () => {
    const letter = await organizationsLetter();
    const session = await logIn();
    const copies = [
      `/letters/${letter.slug}`,
      `/letters/${letter.slug}/signatories`,
      `/letters/${letter.slug}/signatories?lang=es`,
      `/letters/${letter.slug}.json`,
      `/letters/${letter.slug}/signatories.json`,
      `/api/v1/letters/${letter.slug}`,
      `/api/v1/letters/${letter.slug}/signatories?kind=organization&country=HN`,
      `/letters/${letter.slug}/embed`,
    ];
    const cacheCopies = async () => {
      for (const path of copies) {
        await (await fetchApp(path)).body?.cancel();
        const again = await fetchApp(path);
        expect(again.headers.get("X-Cache"), path).toBe("HIT");
        await again.body?.cancel();
      }
    };
    await cacheCopies();
    const logged: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void logged.push(String(line)));
    const ref = (await rowOf(letter.slug, "Grassroots Union")).token as string;
    const response = await organizerPost(session, `${listPath(letter.slug)}/${ref}/verify`, { kind: "organization" });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`${listPath(letter.slug)}?kind=organization&done=verified`);
    const row = await rowOf(letter.slug, "Grassroots Union");
    expect(row).toMatchObject({ verification: "organizers", verified_domain: null });
    expect(Date.parse(row.verified_at as string)).toBeGreaterThan(Date.now() - 60_000);

    const line = logged
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find((entry) => entry.event === "organization_verified");
    expect(line).toEqual({
      event: "organization_verified",
      letter: letter.slug,
      ref,
      verified: true,
      by: "organizers",
      previous: null,
      domain_forgotten: null,
    });
    expect(logged.join("\n")).not.toContain("@");

    for (const path of copies) {
      const copy = await fetchApp(path);
      expect(copy.headers.get("X-Cache"), path).toBe("MISS");
      const body = await copy.text();
      if (path.includes(".json") || path.includes("/api/")) {
        const { signatories } = JSON.parse(body) as { signatories: { name: string; verified: unknown }[] };
        const union = signatories.find((signatory) => signatory.name === "Grassroots Union")!;
        expect(union.verified, path).toEqual({ by: "organizers", at: row.verified_at, domain: null });
      } else {
        const t = messagesFor(path.includes("lang=es") ? "es" : "en");
        expect(body, path).toContain(`title="${t.list.verifiedByOrganizers}"`);
      }
    }

    const { document } = await organizerPage(session, response.headers.get("Location")!);
    expect(texts(document, ".flash")).toEqual([
      "The organization is marked verified by the organizers. The public lists show the mark now.",
    ]);
    expect(await rowText(session, letter.slug, "Grassroots Union")).toMatch(
      /Verified by the organizers on \w+ \d+, \d{4}/,
    );

    // Marked again (a double click): nothing changes.
    const twice = await organizerPost(session, `${listPath(letter.slug)}/${ref}/verify`, {});
    expect(twice.headers.get("Location")).toBe(`${listPath(letter.slug)}?done=already-verified`);
    expect((await rowOf(letter.slug, "Grassroots Union")).verified_at).toBe(row.verified_at);

    // Removing the mark: cleared, and the copies follow at once.
    await cacheCopies();
    const removed = await organizerPost(session, `${listPath(letter.slug)}/${ref}/unverify`, {});
    expect(removed.headers.get("Location")).toBe(`${listPath(letter.slug)}?done=unverified`);
    expect(await rowOf(letter.slug, "Grassroots Union")).toMatchObject({ verification: null, verified_at: null });
    const json = await (
      await fetchApp(`/letters/${letter.slug}/signatories.json`)
    ).json<{
      signatories: { name: string; verified: unknown }[];
    }>();
    expect(json.signatories.find((s) => s.name === "Grassroots Union")!.verified).toBeNull();
    const page = await fetchApp(`/letters/${letter.slug}/signatories`);
    expect(page.headers.get("X-Cache")).toBe("MISS");
    expect(await page.text()).not.toContain("Verified by the organizers");
  });

  it("removing an email-domain verification forgets the domain too, and says so", async () => {
    const letter = await organizationsLetter();
    const session = await logIn();
    const logged: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => void logged.push(String(line)));
    const ref = (await rowOf(letter.slug, "Fundación Justicia y Paz")).token as string;
    const removed = await organizerPost(session, `${listPath(letter.slug)}/${ref}/unverify`, {});
    expect(removed.headers.get("Location")).toBe(`${listPath(letter.slug)}?done=unverified-domain`);
    expect(await rowOf(letter.slug, "Fundación Justicia y Paz")).toMatchObject({
      verification: null,
      verified_at: null,
      verified_domain: null,
    });
    const { document } = await organizerPage(session, removed.headers.get("Location")!);
    expect(texts(document, ".flash")[0]).toContain("and so is the email domain its contact had proved");
    expect(logged.map((text) => JSON.parse(text) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({
        event: "organization_verified",
        verified: false,
        previous: "email-domain",
        domain_forgotten: "fundacionjusticia.org",
      }),
    );
    // Marked by hand afterwards, it is the organizers' verification, with no domain.
    await organizerPost(session, `${listPath(letter.slug)}/${ref}/verify`, {});
    expect(await rowOf(letter.slug, "Fundación Justicia y Paz")).toMatchObject({
      verification: "organizers",
      verified_domain: null,
    });
  });

  it("is refused for a person (409), an unknown signature (404), and a post without the session's CSRF token (403)", async () => {
    const letter = await organizationsLetter();
    const session = await logIn();
    const person = (await rowOf(letter.slug, "Ana Pérez")).token as string;
    const individual = await organizerPost(session, `${listPath(letter.slug)}/${person}/verify`, {});
    expect(individual.status).toBe(409);
    expect(await individual.text()).toContain("Only organizations are verified");
    const unknown = await organizerPost(session, `${listPath(letter.slug)}/${"0".repeat(32)}/verify`, {});
    expect(unknown.status).toBe(404);
    const ref = (await rowOf(letter.slug, "Grassroots Union")).token as string;
    const forged = await organizerPost({ ...session, csrf: "forged" }, `${listPath(letter.slug)}/${ref}/verify`, {});
    expect(forged.status).toBe(403);
    expect(await rowOf(letter.slug, "Grassroots Union")).toMatchObject({ verification: null });
    const row = await env.DB.prepare("SELECT verification FROM signatures WHERE token = ?1").bind(person).first();
    expect(row).toEqual({ verification: null });
  });
});
