/**
 * Cloudflare Access and organizers' accounts (issue 15): an Access identity
 * is the account with its email; one without an account is the bootstrap
 * owner only on a fresh deployment (no account but the admin token's), and
 * nobody once colleagues have accounts: Access letting a person through
 * must not make them an owner. An identity that names nobody vetoes no
 * other credential: a program's bearer token sent through Access, or a
 * session opened by a magic link, is still honoured. (A file of its own: it
 * needs a database where nobody was invited yet.)
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { forgetAccessKeys } from "../../src/integrations/access";
import { ACCESS, accessJwt, serveAccessCertificates, withAccess as withToken } from "../access";
import {
  createLetter,
  organizerPost,
  parseHtml,
  postOrganizerForm,
  randomIp,
  sessionAs,
  type OrganizerSession,
  type PersonSession,
} from "../helpers";

afterEach(() => {
  vi.restoreAllMocks();
  forgetAccessKeys();
});

/** A request through Access for the person Access knows by `email`, with `headers` (a bearer token, a cookie). */
async function withAccess(path: string, email: string, headers: Record<string, string> = {}): Promise<Response> {
  const token = await accessJwt({ sub: `user-${email}`, email });
  return withToken(path, token, { headers: { "CF-Connecting-IP": randomIp(), ...headers } });
}

/** Makes an API token on the page as its person would; returns the token the page showed once. */
async function apiTokenOf(session: PersonSession): Promise<string> {
  const response = await organizerPost(session, "/admin/account/tokens", { label: "CI" });
  expect(response.status).toBe(200);
  return parseHtml(await response.text())
    .querySelector("#new-token input")!
    .getAttribute("value")!;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const cookieOf = (session: OrganizerSession) => ({ Cookie: session.cookie });

describe("Cloudflare Access identities and accounts", () => {
  it("makes an identity without an account the bootstrap owner on a fresh deployment only", async () => {
    serveAccessCertificates();
    const fresh = await withAccess("/admin", "first@coalition.example");
    expect(fresh.status).toBe(200);
    expect(parseHtml(await fresh.text()).querySelector(".signed-in")!.text).toBe("Signed in as Owner (admin token)");

    await env.DB.prepare("INSERT INTO organizers (email, name, role) VALUES (?1, 'Nora', 'moderator')")
      .bind("nora@coalition.example")
      .run();

    // Now an identity Access lets through without an account is nobody here.
    const stranger = await withAccess("/admin/people", "stranger@coalition.example");
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get("Location")).toMatch(/^\/admin\/login\?/);
    expect((await withAccess("/admin/api/letters", "stranger@coalition.example")).status).toBe(401);

    // The identity with an account is that person, with their role.
    const nora = await withAccess("/admin", "Nora@coalition.example");
    expect(nora.status).toBe(200);
    expect(parseHtml(await nora.text()).querySelector(".signed-in")!.text).toBe("Signed in as Nora (moderator)");
    expect((await withAccess("/admin/people", "nora@coalition.example")).status).toBe(403);
  });

  it("honours a valid bearer token sent through Access by an identity without an account", async () => {
    serveAccessCertificates();
    const { slug } = await createLetter({ organizations: ["Lead Org"] });
    const signatures = `/admin/api/letters/${slug}/signatures`;
    // A CI job's token, of a moderator, sent through Access by a runner whose identity has no account.
    const token = await apiTokenOf(await sessionAs("moderator", { name: "Signatures CI" }));
    const ci = await withAccess(signatures, "ci-runner@coalition.example", bearer(token));
    expect(ci.status).toBe(200);
    expect((await ci.json<{ letter: { slug: string } }>()).letter.slug).toBe(slug);
    // Without it, the identity alone is nobody (colleagues have accounts).
    expect((await withAccess(signatures, "ci-runner@coalition.example")).status).toBe(401);
    // A wrong bearer token is refused, whatever Access says: the program chose that credential.
    expect((await withAccess(signatures, "ci-runner@coalition.example", bearer("us_wrong"))).status).toBe(401);
  });

  it("still opens the API to an identity with an account, and the bearer token decides when both are valid", async () => {
    serveAccessCertificates();
    const { slug } = await createLetter({ organizations: ["Lead Org"] });
    const signatures = `/admin/api/letters/${slug}/signatures`;
    const moderator = await sessionAs("moderator", { name: "Olga" });
    expect((await withAccess(signatures, moderator.email)).status).toBe(200);
    // A viewer's token sent from Olga's machine acts as that viewer (who may not read signatures), not as Olga.
    const viewerToken = await apiTokenOf(await sessionAs("viewer", { name: "Dashboard" }));
    expect((await withAccess(signatures, moderator.email, bearer(viewerToken))).status).toBe(403);
  });

  it("honours a session opened by a magic link when Access's identity has no account", async () => {
    serveAccessCertificates();
    // Paula's account is under her organization's address; Access knows her by her personal one.
    const paula = await sessionAs("editor", { name: "Paula", email: "paula@partner.example" });
    const page = await withAccess("/admin", "paula.personal@mail.example", cookieOf(paula));
    expect(page.status).toBe(200);
    expect(parseHtml(await page.text()).querySelector(".signed-in")!.text).toBe("Signed in as Paula (editor)");
    // Her forms carry her session's CSRF token, and work.
    const personal = await accessJwt({ sub: "user-paula", email: "paula.personal@mail.example" });
    const named = await postOrganizerForm(
      "/admin/account/name",
      { name: "Paula Ríos" },
      { session: paula, env: ACCESS, headers: { "Cf-Access-Jwt-Assertion": personal } },
    );
    expect(named.status).toBe(303);
    // An identity with an account still comes first: it is who Access says is at the keyboard.
    const nora = await withAccess("/admin", "nora@coalition.example", cookieOf(paula));
    expect(parseHtml(await nora.text()).querySelector(".signed-in")!.text).toBe("Signed in as Nora (moderator)");
  });
});
