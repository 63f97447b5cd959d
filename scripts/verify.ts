/**
 * `npm run verify -- https://…/letters/{slug} [options]`: checks a letter
 * from the outside, through what it publishes (see src/domain/verify-record.ts
 * for what is read and checked, and how reading is kept safe).
 *
 * Options:
 *   --key KEY            pin the record key (name+id+base64): fail if the server serves another
 *   --since LENGTH:HASH  prove the record extends the one seen then (HASH hex, or base64 as in a checkpoint)
 *   --since FILE         the same from a saved checkpoint note, or a file written by --save
 *   --entry SEQ:HASH     prove entry SEQ has leaf hash HASH and is in the latest checkpoint
 *   --save FILE          write the latest checkpoint and every leaf hash, for a later --since FILE
 *   --max-requests N     read at most N documents (default 10,000)
 *   --max-minutes N      read for at most N minutes in all (default 60)
 *
 * Checkpoint signatures are checked with @noble/ed25519, not with the Web
 * Crypto Ed25519 the server signs with: two implementations must agree.
 *
 * Exit codes: 0 verified; 1 something differs (each difference named);
 * 2 the letter was being updated while it was read: run it again;
 * 3 it could not be verified (the address, the network, a refused document, a limit, or
 * arguments it does not take: each named, with the usage line). `--help` prints the options (exit 0).
 */
import * as ed25519 from "@noble/ed25519";
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { verificationReport } from "../src/domain/verify-report";
import {
  CannotVerify,
  parseSavedRecord,
  parseSinceArgument,
  savedRecord,
  verifyLetter,
  hashArgument,
  type Since,
} from "../src/domain/verify-record";

const USAGE =
  "Usage: npm run verify -- https://example.org/letters/{slug} [--key KEY] [--since LENGTH:HASH | --since FILE] [--entry SEQ:HASH] [--save FILE] [--max-requests N] [--max-minutes N]";

/** What `--help` prints (to stdout, exit 0): the usage line, each option, the exit codes. */
const HELP = `${USAGE}

Checks a letter from the outside, through what it publishes: its record, its list of
signatories, its text versions and its signed checkpoints (see the README, "Checking a letter").

Options:
  --key KEY            pin the record key (name+id+base64): fail if the server serves another
  --since LENGTH:HASH  prove the record extends the one seen then (HASH hex, or base64 as in a checkpoint)
  --since FILE         the same from a saved checkpoint note, or a file written by --save
  --entry SEQ:HASH     prove entry SEQ has leaf hash HASH and is in the latest checkpoint
  --save FILE          write the latest checkpoint and every leaf hash, for a later --since FILE
  --max-requests N     read at most N documents (default 10,000)
  --max-minutes N      read for at most N minutes in all (default 60)
  -h, --help           print this and exit

Exit codes: 0 verified; 1 something differs (each difference named); 2 the letter changed
while it was read: run it again; 3 it could not be verified (the address, the network, a
refused document, a limit, or arguments it does not take).
`;

/** Arguments `npm run verify` does not take: said with the usage line (exit 3, as "could not verify"). */
class WrongArguments extends CannotVerify {}

/** Exit codes, as the file's comment lists them. */
const EXIT = { verified: 0, failed: 1, moved: 2, incomplete: 2, cannot: 3 } as const;

interface Arguments {
  address: string;
  key: string | null;
  since: Since | null;
  entry: { seq: number; hash: string } | null;
  save: string | null;
  maxRequests: number | undefined;
  maxMinutes: number | undefined;
}

/** The options and the one address given, or WrongArguments naming what is not taken. */
function parsed(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        key: { type: "string" },
        since: { type: "string" },
        entry: { type: "string" },
        save: { type: "string" },
        "max-requests": { type: "string" },
        "max-minutes": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    // Node's words, without its advice on positionals starting with "-" (an address never does).
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    const said = unknown ? `npm run verify does not take ${unknown[1]}.` : message.split("\n")[0];
    throw new WrongArguments(`${said}\n${USAGE}\nnpm run verify -- --help lists the options.`);
  }
}

/** The arguments, or null when --help was asked for. */
async function readArguments(argv: string[]): Promise<Arguments | null> {
  const { values, positionals } = parsed(argv);
  if (values.help) return null;
  if (positionals.length === 0) throw new WrongArguments(`${USAGE}\nnpm run verify -- --help lists the options.`);
  if (positionals.length > 1)
    throw new WrongArguments(
      `One letter's address at a time, not ${positionals.length}: ${positionals.join(" ")}\n${USAGE}`,
    );
  let since: Since | null = null;
  if (values.since !== undefined) {
    if (/^\d+:/.test(values.since)) since = parseSinceArgument(values.since);
    else {
      const content = await readFile(values.since, "utf8").catch((error: Error) => {
        throw new CannotVerify(`--since ${values.since}: ${error.message}`);
      });
      since = parseSavedRecord(content, values.since);
    }
  }
  let entry: Arguments["entry"] = null;
  if (values.entry !== undefined) {
    const match = /^(\d{1,15}):(.+)$/.exec(values.entry);
    if (!match || Number(match[1]) < 1) throw new WrongArguments(`--entry takes SEQ:HASH, not "${values.entry}".`);
    entry = { seq: Number(match[1]), hash: hashArgument(match[2]!) };
  }
  const maxRequests = values["max-requests"] === undefined ? undefined : Number(values["max-requests"]);
  if (maxRequests !== undefined && !(Number.isSafeInteger(maxRequests) && maxRequests > 0)) {
    throw new WrongArguments(`--max-requests takes a number of requests, not "${values["max-requests"]}".`);
  }
  const maxMinutes = values["max-minutes"] === undefined ? undefined : Number(values["max-minutes"]);
  if (maxMinutes !== undefined && !(Number.isFinite(maxMinutes) && maxMinutes > 0)) {
    throw new WrongArguments(`--max-minutes takes a number of minutes, not "${values["max-minutes"]}".`);
  }
  return {
    address: positionals[0]!,
    key: values.key ?? null,
    since,
    entry,
    save: values.save ?? null,
    maxRequests,
    maxMinutes,
  };
}

async function main(): Promise<number> {
  const args = await readArguments(process.argv.slice(2));
  if (args === null) {
    process.stdout.write(HELP);
    return EXIT.verified;
  }
  const result = await verifyLetter(args.address, {
    fetch: (url, init) => fetch(url, init),
    // RFC 8032's strict rules rather than ZIP-215's: a checkpoint is either exactly signed or refused.
    ed25519Verify: (signature, message, publicKey) =>
      ed25519.verifyAsync(signature, message, publicKey, { zip215: false }),
    key: args.key,
    since: args.since,
    entry: args.entry,
    limits: {
      ...(args.maxRequests === undefined ? {} : { maxRequests: args.maxRequests }),
      ...(args.maxMinutes === undefined ? {} : { maxTotalMs: args.maxMinutes * 60_000 }),
    },
  });
  if (args.save && result.status === "verified") await writeFile(args.save, savedRecord(result));
  const { stdout, stderr } = verificationReport(result, result.status === "incomplete" ? null : args.save);
  process.stderr.write(stderr);
  process.stdout.write(stdout);
  return EXIT[result.status];
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error instanceof WrongArguments ? error.message : `Could not verify: ${error.message}`);
    process.exit(EXIT.cannot);
  },
);
