/**
 * `npm run verify -- https://…/letters/{slug}`: checks a letter's public
 * record from the outside. Downloads the letter's JSON and every page of its
 * record, recomputes every digest and hash from the first entry, and checks
 * that the record adds up to the counts the letter shows.
 *
 * Exit codes: 0 verified; 1 a mismatch (or an error); 2 the letter was caught
 * mid-update, so nothing can be concluded: run it again in a minute.
 */
import { verifyLetterRecord } from "../src/domain/verify-record";

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return response.json();
}

async function main(): Promise<number> {
  const address = process.argv[2];
  if (!address) {
    console.error("Usage: npm run verify -- https://example.org/letters/{slug}");
    return 1;
  }
  const result = await verifyLetterRecord(address, fetchJson);
  const counts = `${result.counts.total} signatures (${result.counts.organizations} organizations, ${result.counts.individuals} individuals)`;
  if (result.ok) {
    console.log(
      `Verified: the record of "${result.slug}" has ${result.entries} entries, every hash checks out, and it adds up to ${counts}.`,
    );
    console.log(`Root: ${result.root}`);
    return 0;
  }
  if (!result.complete) {
    console.error(
      `The letter "${result.slug}" was being updated when it was read. Nothing can be concluded: run this again in a minute.`,
    );
    return 2;
  }
  console.error(`NOT VERIFIED: the record of "${result.slug}" does not hold.`);
  for (const problem of result.problems) console.error(`- ${problem}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`Could not verify: ${error.message}`);
    process.exit(1);
  },
);
