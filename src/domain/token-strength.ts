/**
 * How much randomness a secret (ADMIN_TOKEN, SECRET_KEY) holds, estimated
 * the way a guesser would attack it (issue 15: "tokens of too little
 * randomness are refused at start"). Pure: no I/O.
 *
 * The estimate is the cheapest way to spell the secret out of pieces, each
 * costed in bits as a guesser enumerating that kind of piece would pay
 * (after zxcvbn's matching, Wheeler, USENIX Security 2016, much simplified):
 * - a character: log2 of the alphabet the whole secret draws from (26 for
 *   lower case only, 62 with upper case and digits, 95 with symbols);
 * - a run of one character ("aaaa"), an ascending or descending run
 *   ("abcd", "9876") or a stretch of a keyboard row ("qwerty", "asdf"):
 *   one character plus the run's length and direction;
 * - a common password or word of this app ("password", "admin", "token"):
 *   the word's place in a short list, one bit more for capitals;
 * - a copy of an earlier stretch ("passwordpassword"): where it starts and how long.
 * Random secrets score close to their true entropy (24 base64url characters:
 * about 140 bits); a word with digits, a repeated word or a keyboard walk
 * scores far below MIN_SECRET_BITS, so that they are treated as unset.
 */

/** The least estimated randomness a secret must have, in bits: out of reach of any guessing, online or off. */
export const MIN_SECRET_BITS = 64;

/** The way to make a good secret, for the messages that refuse a weak one. */
export const MAKE_A_SECRET = "openssl rand -base64 32";

/** Common passwords and the words a deployer of this app might reach for, lower case. */
const COMMON_WORDS = [
  "password",
  "passw0rd",
  "letmein",
  "welcome",
  "admin",
  "administrator",
  "root",
  "secret",
  "token",
  "test",
  "testing",
  "changeme",
  "default",
  "master",
  "login",
  "guest",
  "user",
  "qwerty",
  "dragon",
  "monkey",
  "football",
  "baseball",
  "sunshine",
  "princess",
  "iloveyou",
  "trustno1",
  "shadow",
  "superman",
  "batman",
  "michael",
  "hello",
  "summer",
  "winter",
  "spring",
  "autumn",
  "love",
  "pass",
  "key",
  "example",
  "demo",
  "local",
  "dev",
  "prod",
  "production",
  "staging",
  "undersigned",
  "letter",
  "letters",
  "organizer",
  "organizers",
  "signature",
  "signatures",
  "sign",
  "campaign",
  "cloudflare",
  "worker",
  "workers",
  "wrangler",
  "open",
  "sesame",
  "abc",
  "xyz",
  "long",
  "enough",
  "my",
  "the",
  "new",
  "super",
  "strong",
  "random",
  "string",
  "value",
  "api",
];

/** Keyboard rows (US layout, the digits' row included): a stretch of one is a walk, not randomness. */
const KEYBOARD_ROWS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

/** Pieces shorter than this are costed character by character. */
const MIN_PATTERN = 3;

/** Longer secrets are costed on their first this many characters only (they are long enough anyway). */
const MAX_ANALYZED = 256;

function alphabetSize(secret: string): number {
  let size = 0;
  if (/[a-z]/.test(secret)) size += 26;
  if (/[A-Z]/.test(secret)) size += 26;
  if (/[0-9]/.test(secret)) size += 10;
  if (/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(secret)) size += 33;
  if (/[^\x00-\x7f]/.test(secret)) size += 100;
  return Math.max(size, 10);
}

const WORD_BITS = Math.log2(COMMON_WORDS.length);

/**
 * The estimated randomness of `secret`, in bits (0 for ""): the cheapest
 * spelling of it in the pieces listed above, found by dynamic programming
 * over its first 256 characters (O(n²) steps, n ≤ 256).
 */
export function estimatedBits(secret: string): number {
  const chars = [...secret].slice(0, MAX_ANALYZED);
  const n = chars.length;
  if (n === 0) return 0;
  const text = chars.join("");
  const lower = chars.map((char) => char.toLowerCase());
  const charBits = Math.log2(alphabetSize(text));
  const best = new Array<number>(n + 1).fill(Infinity);
  best[0] = 0;
  for (let start = 0; start < n; start++) {
    const here = best[start]!;
    const offer = (end: number, bits: number) => {
      if (here + bits < best[end]!) best[end] = here + bits;
    };
    offer(start + 1, charBits);
    // Runs of one character, and ascending or descending runs.
    for (const step of [0, 1, -1]) {
      let end = start + 1;
      while (end < n && chars[end]!.codePointAt(0)! - chars[end - 1]!.codePointAt(0)! === step) end++;
      for (let stop = start + MIN_PATTERN; stop <= end; stop++)
        offer(stop, charBits + Math.log2(stop - start) + (step === 0 ? 0 : 1));
    }
    // Keyboard walks, either way along a row.
    for (let stop = start + MIN_PATTERN + 1; stop <= n; stop++) {
      const piece = lower.slice(start, stop).join("");
      const reversed = [...piece].reverse().join("");
      if (!KEYBOARD_ROWS.some((row) => row.includes(piece) || row.includes(reversed))) break;
      offer(stop, Math.log2(KEYBOARD_ROWS.length * 10) + Math.log2(stop - start) + 1);
    }
    // Common words, in any case (one bit more when it has capitals).
    for (const word of COMMON_WORDS) {
      if (word.length < MIN_PATTERN || start + word.length > n) continue;
      if (lower.slice(start, start + word.length).join("") !== word) continue;
      const capitals = chars.slice(start, start + word.length).some((char) => char !== char.toLowerCase());
      offer(start + word.length, WORD_BITS + (capitals ? 1 : 0));
    }
    // Copies of an earlier stretch: where it starts and how long.
    for (let from = 0; from < start; from++) {
      let length = 0;
      while (start + length < n && chars[from + length] === chars[start + length]) length++;
      for (let stop = MIN_PATTERN; stop <= length; stop++) offer(start + stop, Math.log2(start) + Math.log2(stop));
    }
  }
  return best[n]!;
}

/**
 * Why `secret` is too weak to use, or null when it is strong enough: at
 * least `minLength` characters and MIN_SECRET_BITS of estimated randomness.
 * The message names the setting (`name`) and says how to make a good one.
 */
export function weakSecretReason(name: string, secret: string, minLength: number): string | null {
  const length = [...secret].length;
  const how = `Make one with \`${MAKE_A_SECRET}\` and set it with \`npx wrangler secret put ${name}\` (in .dev.vars for \`npm start\`).`;
  if (length < minLength) return `${name} is shorter than ${minLength} characters, so it is treated as unset. ${how}`;
  const bits = estimatedBits(secret);
  if (bits < MIN_SECRET_BITS) {
    return `${name} is too easy to guess (about ${Math.floor(bits)} bits of randomness; at least ${MIN_SECRET_BITS} are needed), so it is treated as unset. ${how}`;
  }
  return null;
}
