/**
 * The organizers' JSON API: only with the admin token, never cached; lists
 * signatures by status or flag; approves, rejects, hides and restores them,
 * with the counts, the record and the cached pages following. Its refusals
 * are for programs: English whatever the reader's language, with a stable
 * code.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminMessagesFor } from "../../src/domain/i18n";
import {
  createLetter,
  fetchApp,
  individual,
  letterRow,
  organization,
  organizerFetch,
  organizerPost,
  postSignature,
  sessionAs,
} from "../helpers";
import { seedSignatures } from "../seed";

const TOKEN = "Tq7vXk2pL9wRz4mWc8sNd3bY";

function api(path: string, init: RequestInit = {}, token: string | null = TOKEN) {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set("Authorization", `Bearer ${token}`);
  return fetchApp(path, {}, { ...init, headers });
}

interface Listed {
  signatures: {
    ref: string;
    name: string;
    status: string;
    email: string | null;
    flag: string | null;
    flag_reason: string | null;
  }[];
  next_before: number | null;
}

async function reviewedLetter() {
  return createLetter({ organizations: ["Lead Org"], reviewOrganizations: true });
}

describe("the organizers' API", () => {
  it("answers 401 without the right token, and is never cached", async () => {
    const letter = await createLetter();
    for (const token of [null, "wrong-token-0123456789", `${TOKEN}x`]) {
      const response = await api(`/admin/api/letters/${letter.slug}/signatures`, {}, token);
      expect(response.status, String(token)).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toContain("Bearer");
      expect(response.headers.get("Cache-Control")).toBe("no-store");
    }
    const unset = await fetchApp(
      `/admin/api/letters/${letter.slug}/signatures`,
      { ADMIN_TOKEN: "" },
      { headers: { Authorization: "Bearer " } },
    );
    expect(unset.status).toBe(401);
    const ok = await api(`/admin/api/letters/${letter.slug}/signatures`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Cache-Control")).toBe("no-store");
    expect(ok.headers.get("X-Cache")).toBeNull();
  });

  it("holds organizations' signatures for review when the letter asks, and approves them into the counts and the record", async () => {
    const letter = await reviewedLetter();
    const signed = await postSignature(
      letter.slug,
      organization({ organization_name: "Candidate Org", email: "org@example.org" }),
    );
    expect((await fetchApp(signed.headers.get("Location")!)).status).toBe(200);
    await postSignature(letter.slug, individual({ name: "Person Not Reviewed" }));
    expect(await letterRow(letter.slug)).toMatchObject({
      signature_count: 2,
      organization_count: 1,
      individual_count: 1,
    });

    const listed = await (await api(`/admin/api/letters/${letter.slug}/signatures?status=in_review`)).json<Listed>();
    expect(listed.signatures.map((s) => [s.name, s.status, s.email])).toEqual([
      ["Candidate Org", "in_review", "org@example.org"],
    ]);

    const page = await (await fetchApp(`/letters/${letter.slug}.json`)).text();
    expect(page).not.toContain("Candidate Org");
    const cachedPage = await fetchApp(`/letters/${letter.slug}`);
    expect(await cachedPage.text()).not.toContain("Candidate Org");
    expect((await fetchApp(`/letters/${letter.slug}`)).headers.get("X-Cache")).toBe("HIT");

    const approved = await api(`/admin/api/letters/${letter.slug}/signatures/${listed.signatures[0]!.ref}/approve`, {
      method: "POST",
    });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toEqual({ ref: listed.signatures[0]!.ref, status: "confirmed" });
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 3, organization_count: 2 });
    // The cached copies were refreshed by the approval: the next readers see the organization at once.
    const json = await (await fetchApp(`/letters/${letter.slug}.json`)).json<{ signatories: { name: string }[] }>();
    expect(json.signatories.map((s) => s.name)).toContain("Candidate Org");
    const refreshed = await fetchApp(`/letters/${letter.slug}`);
    expect(refreshed.headers.get("X-Cache")).toBe("MISS");
    expect(await refreshed.text()).toContain("Candidate Org");
  });

  it("rejects, hides and restores, refusing actions that do not apply", async () => {
    const letter = await reviewedLetter();
    await seedSignatures(letter.slug, [
      { kind: "organization", name: "Rejected Org", status: "in_review" },
      { name: "Troll Name" },
    ]);
    const all = await (await api(`/admin/api/letters/${letter.slug}/signatures`)).json<Listed>();
    const rejected = all.signatures.find((s) => s.name === "Rejected Org")!;
    const troll = all.signatures.find((s) => s.name === "Troll Name")!;

    expect(
      (await api(`/admin/api/letters/${letter.slug}/signatures/${rejected.ref}/reject`, { method: "POST" })).status,
    ).toBe(200);
    const again = await api(`/admin/api/letters/${letter.slug}/signatures/${rejected.ref}/reject`, { method: "POST" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("can't be rejected");

    // Hiding takes the name out of the cached pages at once.
    expect(await (await fetchApp(`/letters/${letter.slug}`)).text()).toContain("Troll Name");
    expect(
      (await api(`/admin/api/letters/${letter.slug}/signatures/${troll.ref}/hide`, { method: "POST" })).status,
    ).toBe(200);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 1, individual_count: 0 });
    const page = await fetchApp(`/letters/${letter.slug}`);
    expect(page.headers.get("X-Cache")).toBe("MISS");
    expect(await page.text()).not.toContain("Troll Name");
    expect(await (await fetchApp(`/letters/${letter.slug}/record.json`, { CACHE_MAX_AGE: "0" })).text()).not.toContain(
      "Troll Name",
    );

    expect(
      (await api(`/admin/api/letters/${letter.slug}/signatures/${troll.ref}/restore`, { method: "POST" })).status,
    ).toBe(200);
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 2, individual_count: 1 });
    const record = await (
      await fetchApp(`/letters/${letter.slug}/record.json`, { CACHE_MAX_AGE: "0" })
    ).json<{ entries: { event: string }[] }>();
    expect(record.entries.map((entry) => entry.event)).toEqual(["text", "signed", "signed", "hidden", "restored"]);

    expect(
      (await api(`/admin/api/letters/${letter.slug}/signatures/${troll.ref}/explode`, { method: "POST" })).status,
    ).toBe(404);
    expect(
      (await api(`/admin/api/letters/${letter.slug}/signatures/${"0".repeat(32)}/hide`, { method: "POST" })).status,
    ).toBe(404);
    expect((await api(`/admin/api/letters/${letter.slug}/signatures/${troll.ref}/hide`)).status).toBe(405);
    expect((await api(`/admin/api/letters/${letter.slug}/signatures?status=nonsense`)).status).toBe(400);
  });

  it("shows the maintenance job's flags on bursts from one connection", async () => {
    const { default: worker } = await import("../../src/index");
    const { createScheduledController, createExecutionContext, waitOnExecutionContext } =
      await import("cloudflare:test");
    const letter = await createLetter();
    await seedSignatures(letter.slug, [
      ...Array.from({ length: 6 }, () => ({ client: "192.0.2.44" })),
      { name: "Elsewhere", client: "192.0.2.45" },
    ]);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const flagged = await (await api(`/admin/api/letters/${letter.slug}/signatures?flagged=1`)).json<Listed>();
    expect(flagged.signatures).toHaveLength(6);
    expect(flagged.signatures.every((s) => s.flag === "many-from-one-connection")).toBe(true);
    expect(flagged.signatures[0]!.flag_reason).toBe("5 or more signatures from one connection within 10 minutes");
    // Flagged, not dropped: they still count until the organizers decide.
    expect(await letterRow(letter.slug)).toMatchObject({ signature_count: 7 });
  });

  it("refuses in English with a stable code, whatever language the person chose or the request asks for", async () => {
    const letter = await createLetter();
    const [signed] = await seedSignatures(letter.slug, [{ name: "Counted Already" }]);
    const english = adminMessagesFor("en").problems;
    const spanish = await sessionAs("moderator");
    expect((await organizerPost(spanish, "/admin/language", { language: "es", back: "/admin" })).status).toBe(303);
    const viewer = await sessionAs("viewer");
    const bySession = (who: typeof spanish, path: string, init: RequestInit = {}) =>
      organizerFetch(who, path, {
        ...init,
        headers: { "Accept-Language": "es", ...(init.method === "POST" ? { "X-CSRF-Token": who.csrf } : {}) },
      });
    const base = `/admin/api/letters/${letter.slug}`;
    const cases: [Response, number, string, { title: string; message: string }?][] = [
      [
        await api("/admin/api/letters/no-such-letter/signatures", { headers: { "Accept-Language": "es" } }),
        404,
        "letterNotFound",
        english.letterNotFound,
      ],
      [await bySession(spanish, `${base}/signatures?status=nonsense`), 400, "statusUnknown"],
      [await bySession(spanish, `${base}/signatures?before=later`), 400, "cursorInvalid", english.cursorInvalid],
      [await bySession(spanish, `${base}/signatures/${signed!.ref}/explode`, { method: "POST" }), 404, "actionUnknown"],
      [
        await bySession(spanish, `${base}/signatures/${signed!.ref}/approve`, { method: "POST" }),
        409,
        "actionInapplicable",
        english.actionInapplicable("confirmed", "approve"),
      ],
      [await bySession(viewer, `${base}/signatures`), 403, "notForYourRole", english.notForYourRole],
      [
        await api(`${base}/signatures`, { headers: { "Accept-Language": "es" } }, "wrong-token-0123456789"),
        401,
        "organizersOnly",
      ],
      [
        await bySession(spanish, `${base}/nothing-here`),
        404,
        "notFound",
        adminMessagesFor("en").errorPage.byStatus[404],
      ],
      [await bySession(spanish, `${base}/sources`, { method: "POST" }), 405, "methodNotAllowed"],
    ];
    for (const [response, status, code, words] of cases) {
      expect(response.status, code).toBe(status);
      expect(response.headers.get("Content-Type"), code).toContain("application/json");
      const { error } = await response.json<{
        error: { status: number; code: string; title: string; message: string };
      }>();
      expect(error, code).toMatchObject({ status, code });
      if (words) expect(error, code).toMatchObject(words);
    }
    // The same refusal on the area's pages speaks the person's language.
    const page = await organizerPost(spanish, `/admin/letters/${letter.slug}/signatures/${signed!.ref}/approve`, {});
    expect(page.status).toBe(409);
    expect(await page.text()).toContain(
      adminMessagesFor("es").problems.actionInapplicable("confirmed", "approve").title,
    );
  });
});
