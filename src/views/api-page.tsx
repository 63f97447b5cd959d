/**
 * /api/v1 for people: what each address answers, with an example to try;
 * and the pages of the problem types (/api/v1/problems and one per kind).
 * English, like the API's answers (see domain/problem-types.ts).
 */
import { PROBLEM_KINDS, PROBLEM_TYPES, PROBLEM_TYPES_PATH, type ProblemKind } from "../domain/problem-types";
import { Layout } from "./layout";

const ENDPOINTS = [
  {
    path: "/letters",
    query: "?status=open",
    what: "Published letters, newest first, 50 a page: slug, title, status, counts and addresses. status is open or closed; follow next_url for the next page.",
  },
  {
    path: "/letters/honduras-new-elections-2017",
    query: "",
    what: "One letter: its text (body_html), addressee, date, language, status, closing time, counts, the size and Merkle root of its public record, and its first page of signatories. languages lists every language it can be read in; ?lang=es answers a translation's title, summary, addressee and body (the counts and signatories are the same in every language).",
  },
  {
    path: "/letters/honduras-new-elections-2017/signatories",
    query: "?kind=organization",
    what: "The letter's public signatories, organizations first, a page at a time; kind keeps to organizations or individuals.",
  },
  {
    path: "/letters/honduras-new-elections-2017/record",
    query: "",
    what: "The letter's tamper-evident record of every signature counted or withdrawn, 1,000 entries a page: anyone can recompute its hashes and check they add up to the counts (npm run verify does).",
  },
  {
    path: "/letters/honduras-new-elections-2017/versions",
    query: "",
    what: "Every published version of the letter's text, in each language, with the digest its record entry carries: the record proves which words people signed.",
  },
  {
    path: "/letters/honduras-new-elections-2017/counts",
    query: "",
    what: "The counts alone (total, organizations, individuals): the cheapest way to show a live counter.",
  },
];

export function ApiPage({ origin }: { origin: string }) {
  const base = `${origin}/api/v1`;
  return (
    <Layout
      meta={{
        title: "Public API",
        description: "JSON for partners and developers: letters, signatories and counts.",
        canonical: base,
      }}
    >
      <h1>Public API</h1>
      <p>
        Read-only JSON about the letters published here, for partners' sites and tools. No key is needed. Every answer
        may be read from any origin (CORS, with ETag, Retry-After and Location exposed), is cached for about a minute,
        and carries an ETag (send it as If-None-Match for a 304). Emails and IP addresses are never part of it. Errors
        are <a href="https://www.rfc-editor.org/rfc/rfc9457">problem details</a> (<code>application/problem+json</code>:
        type, title, status, detail), one <a href="#problems">type</a> per kind of problem.
      </p>
      <p>
        The full description, for code generators and API tools:{" "}
        <a href={`${base}/openapi.json`}>{`${base}/openapi.json`}</a> (OpenAPI 3.1).
      </p>
      <h2>Addresses</h2>
      <dl class="api-endpoints">
        {ENDPOINTS.map((endpoint) => (
          <>
            <dt>
              <code>GET {`/api/v1${endpoint.path.replace("honduras-new-elections-2017", "{slug}")}`}</code>
            </dt>
            <dd>
              {endpoint.what} Try{" "}
              <a href={`${base}${endpoint.path}${endpoint.query}`}>{`${endpoint.path}${endpoint.query}`}</a>.
            </dd>
          </>
        ))}
      </dl>
      <h2 id="signing">Signing</h2>
      <dl class="api-endpoints">
        <dt>
          <code>POST /api/v1/letters/{"{slug}"}/signatures</code>
        </dt>
        <dd>
          Signs a letter from a partner's own form or CRM: one JSON object (<code>Content-Type: application/json</code>,
          at most 16 KB) with the sign form's fields: <code>kind</code> (organization or individual), <code>email</code>
          , and for an individual <code>name</code> (and optionally <code>organization</code>, <code>title</code>), for
          an organization <code>organization_name</code>, <code>contact_name</code> and <code>authorized: true</code>{" "}
          (and optionally <code>website</code>, <code>contact_role</code>); then <code>city</code>, <code>country</code>
          , <code>hide_name</code>, <code>source</code>, and <code>cf-turnstile-response</code> when the site uses
          Turnstile. The same rules as the form: validation, a limit per client, confirmation by email, review of
          organizations. The answer is 202 with what happens next (<code>outcome</code>: counted, confirm-email or
          review) and a <code>Location</code> header naming the letter's page; a repeated email gets the same answer as
          a new one. The exact shapes are <code>SignatureRequest</code> and <code>SignatureAccepted</code> in the
          OpenAPI document.
        </dd>
      </dl>
      <h2 id="problems">Problems</h2>
      <p>
        Errors are answered as problem details whose <code>type</code> names the kind of problem, not just its status:
        two 404s (no such letter, no such address) have two types. Each type is a page saying what it means and what to
        do; the list is at <a href={`${origin}${PROBLEM_TYPES_PATH}`}>{`${origin}${PROBLEM_TYPES_PATH}`}</a>. Their
        words are English whatever your language, so that programs and their logs see the same words everywhere.
      </p>
      <p id="problem-400">
        Types before December 2026 were this page with the status as fragment (<code>#problem-404</code>): test the new{" "}
        <code>type</code> instead.
      </p>
    </Layout>
  );
}

/** /api/v1/problems: every kind of problem the API answers, each linking to its page. */
export function ProblemTypesPage({ origin }: { origin: string }) {
  const base = `${origin}${PROBLEM_TYPES_PATH}`;
  return (
    <Layout
      meta={{
        title: "Problem types of the public API",
        description: "Every kind of problem the public API answers: what it means and what to do.",
        canonical: base,
      }}
    >
      <h1>Problem types of the public API</h1>
      <p>
        Each error of the <a href={`${origin}/api/v1`}>public API</a> is a problem details object (RFC 9457) whose{" "}
        <code>type</code> is one of the addresses below. Test <code>type</code>, not the title or the status: several
        kinds share a status. Ask for <code>application/json</code> to get this list as JSON.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Title</th>
          </tr>
        </thead>
        <tbody>
          {PROBLEM_KINDS.map((kind) => (
            <tr>
              <td>
                <a href={`${base}/${kind}`}>
                  <code>{kind}</code>
                </a>
              </td>
              <td>{PROBLEM_TYPES[kind].status}</td>
              <td>{PROBLEM_TYPES[kind].title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** /api/v1/problems/{kind}: what one kind of problem means and what the client should do. */
export function ProblemTypePage({ origin, kind }: { origin: string; kind: ProblemKind }) {
  const { status, title, about, todo } = PROBLEM_TYPES[kind];
  const uri = `${origin}${PROBLEM_TYPES_PATH}/${kind}`;
  return (
    <Layout meta={{ title: `${title}: a problem of the public API`, description: about, canonical: uri }}>
      <h1>{title}</h1>
      <dl>
        <dt>Type</dt>
        <dd>
          <code>{uri}</code>
        </dd>
        <dt>Status</dt>
        <dd>{status}</dd>
      </dl>
      <h2>What it means</h2>
      <p>{about}</p>
      <h2>What to do</h2>
      <p>{todo}</p>
      <p>
        <a href={`${origin}${PROBLEM_TYPES_PATH}`}>Every problem type</a> ·{" "}
        <a href={`${origin}/api/v1`}>The public API</a>
      </p>
    </Layout>
  );
}
