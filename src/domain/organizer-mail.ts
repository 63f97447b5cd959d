/** The emails Undersigned sends to organizers (in English, like the organizer area). Pure. */
import type { MailMessage } from "./mail";

export interface LetterDigest {
  title: string;
  total: number;
  /** Counted in the last day, waiting for review now, flagged in the last day. */
  counted: number;
  waiting: number;
  flagged: number;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/** The daily summary of one letter. */
export function dailySummaryMail(to: string, digest: LetterDigest, adminUrl: string | null): MailMessage {
  return {
    to,
    subject: `${digest.counted > 0 ? `+${digest.counted.toLocaleString("en")}` : "No new signatures"} · ${digest.title}`,
    text: [
      `In the last 24 hours on "${digest.title}":`,
      "",
      `- ${plural(digest.counted, "new signature counted", "new signatures counted")} (${plural(digest.total, "signature", "signatures")} in all)`,
      `- ${plural(digest.waiting, "signature waits", "signatures wait")} for your review`,
      `- ${plural(digest.flagged, "new signature was", "new signatures were")} flagged as suspicious`,
      "",
      ...(adminUrl ? ["Review them:", adminUrl, ""] : []),
      "You get this email because your address is set for this letter's daily summary in the organizer area.",
    ].join("\n"),
  };
}
