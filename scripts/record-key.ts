/**
 * `npm run record-key -- [NAME]`: makes a new key for signing the records'
 * checkpoints and prints it with its verifier key. NAME names the key in
 * every checkpoint ("{NAME}/letters/{slug}") and in its signature lines:
 * use the site's host name, e.g. letters.example.org (the default is
 * "localhost"). The signer key goes into the RECORD_SIGNING_KEY secret
 * (`npx wrangler secret put RECORD_SIGNING_KEY`, then paste it); the
 * verifier key is public: the site serves it at
 * /.well-known/undersigned-record-key and in every page's footer.
 *
 * Keys are written as Go's golang.org/x/mod/sumdb/note writes them (see
 * src/domain/signed-note.ts), so `note` tools read them too.
 *
 * Exit codes: 0 a key was printed; 1 NAME can't name a key (spaces or "+").
 */
import { generateSignerKey, parseSignerKey } from "../src/domain/signed-note";
import { runAsScript } from "./run-script";

/** A new signer key named `name`, and its verifier key. @throws Error when `name` has spaces or "+" */
export async function newRecordKey(name: string): Promise<{ signerKey: string; verifierKey: string }> {
  const signerKey = await generateSignerKey(name);
  return { signerKey, verifierKey: (await parseSignerKey(signerKey)).verifierKey.text };
}

async function main(): Promise<number> {
  const name = process.argv[2] ?? "localhost";
  const { signerKey, verifierKey } = await newRecordKey(name);
  console.log(`Signer key (secret: npx wrangler secret put RECORD_SIGNING_KEY, then paste it):
${signerKey}

Verifier key (public: served at /.well-known/undersigned-record-key once the secret is set):
${verifierKey}`);
  return 0;
}

runAsScript(import.meta.url, main);
