/** /api/v1 for people: what each address answers, with an example to try. */
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
        may be read from any origin (CORS), is cached for about a minute, and carries an ETag. Emails and IP addresses
        are never part of it. Errors are <a href="https://www.rfc-editor.org/rfc/rfc9457">problem details</a> (
        <code>application/problem+json</code>: type, title, status, detail).
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
      <h2 id="problem-400">400</h2>
      <p>A parameter is not one the address takes (an unknown status or kind, a cursor this API did not make).</p>
      <h2 id="problem-404">404</h2>
      <p>No published letter at that address.</p>
      <h2 id="problem-405">405</h2>
      <p>The API only reads: GET and HEAD.</p>
    </Layout>
  );
}
