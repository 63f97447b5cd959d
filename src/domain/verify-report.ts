/**
 * What `npm run verify` prints (scripts/verify.ts) for a verification
 * (domain/verify-record.ts verifyLetter): a heading naming each check that
 * failed and its problems, on stderr; what did verify, the notes and
 * warnings, and what to keep for a later run, on stdout. Pure.
 */
import { countsText } from "./record";
import { plural } from "./plural";
import { checkpointToKeep, eventSummary, type LetterVerification, type VerificationCheck } from "./verify-record";

/** What a failed check means, as the heading says it. */
const FAILED: Record<VerificationCheck, (result: LetterVerification) => string> = {
  key: () => "the server's record key is not the one you pinned",
  record: (result) => `the record of "${result.slug}" does not hold together`,
  list: () => "the list of signatories is not the record's",
  text: () => "a published text is not the one recorded",
  checkpoints: () => "its signed checkpoints do not check out",
  since: () => "the record is not the one you kept",
  entry: (result) => `entry ${result.entryAsked} is not as you gave it`,
};

/**
 * The report of `result`, as printed.
 * @param saved the file `--save` wrote the record to (written only when the result verified), if asked
 * @returns the text for stdout and for stderr, each empty or ending with a newline
 */
export function verificationReport(
  result: LetterVerification,
  saved: string | null = null,
): { stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  if (result.status === "failed") {
    err.push(`NOT VERIFIED: ${result.failed.map((check) => FAILED[check](result)).join("; ")}.`);
    err.push(...result.problems.map((problem) => `- ${problem}`));
  } else if (result.status !== "verified") {
    err.push(`Read while the letter "${result.slug}" was being updated: run again.`);
    if (result.problems.length > 0) {
      err.push("What differed (most likely only the update):", ...result.problems.map((problem) => `- ${problem}`));
    }
  }
  if (result.status === "incomplete") return text(out, err);

  // What did verify, whatever else failed.
  const passed = (check: VerificationCheck) => !result.failed.includes(check);
  const moved = result.status === "moved";
  if (!moved && passed("record")) {
    out.push(
      `Verified: the record of "${result.slug}" has ${plural(result.entries, "entry", "entries")}, every hash checks out, and it adds up to ${countsText(result.counts)}.`,
    );
    if (passed("list")) {
      out.push(
        result.listed === 1
          ? "List: the 1 listed signatory is exactly the record's counted, listed entry."
          : `List: the ${result.listed} listed signatories are exactly the record's counted, listed entries.`,
      );
    }
  }
  out.push(`Events: ${eventSummary(result.events)}.`);
  if (result.versions !== null && !moved && passed("record") && passed("text")) {
    out.push(`Text: ${plural(result.versions, "published version")} checked against the record.`);
  }
  const latest = result.latest;
  if (latest) {
    out.push(
      `Checkpoints: ${result.checkpoints.length} signed by ${result.key} (the latest covers ${plural(latest.size, "entry", "entries")}${latest.time ? `, signed ${latest.time}` : ""}).`,
    );
  }
  out.push(...result.notes, ...result.warnings.map((warning) => `Warning: ${warning}`));

  if (saved !== null) {
    out.push(
      result.status === "verified"
        ? `Saved ${latest ? "the latest signed checkpoint, the record's length and root" : "the record's length and root"} and its ${plural(result.leaves.length, "leaf hash", "leaf hashes")} to ${saved}.`
        : `Not saved to ${saved}: only a record that verifies is kept.`,
    );
  }
  if (result.status === "verified") {
    out.push(
      latest
        ? "Checkpoint to keep (the latest signed one; check a later run against it with --since FILE):"
        : "Checkpoint to keep (unsigned: the letter publishes none; check a later run with --since):",
    );
    return text(out, err, checkpointToKeep(result));
  }
  out.push(`Nothing to keep: ${notKept(result)}.`);
  return text(out, err);
}

/** Why a run that did not verify gives nothing to keep. */
function notKept(result: LetterVerification): string {
  if (result.status === "moved") return "the letter changed while it was read; run again";
  if (result.keyPinned && result.published > 0 && result.checkpoints.length === 0) {
    return "the letter's checkpoints are not signed by the key you pinned (--key)";
  }
  return "what the letter publishes does not verify, and only a record that verifies is worth keeping";
}

function text(out: string[], err: string[], kept = ""): { stdout: string; stderr: string } {
  const lines = (list: string[]) => list.map((line) => `${line}\n`).join("");
  return { stdout: lines(out) + kept, stderr: lines(err) };
}
