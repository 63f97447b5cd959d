/**
 * The activity log's details as codes (domain/activity-details.ts): every code worded in every
 * organizer catalog, in that catalog's language, with what people typed kept as typed; a stored
 * detail read back, and an entry without a code (or with one this version does not know) shown
 * by the English words stored beside it.
 */
import { describe, expect, it } from "vitest";
import {
  activityDetail,
  detailWords,
  entryDetailWords,
  readStoredDetail,
  type ActivityDetailArgs,
  type ActivityDetailCode,
} from "../../src/domain/activity-details";
import { adminMessagesFor, LOCALES } from "../../src/domain/i18n";

/** Arguments for every code (a code without any here is a compile error), with what people typed marked. */
const SAMPLES: { [K in ActivityDetailCode]: ActivityDetailArgs<K> } = {
  reason: ["Typed reason"],
  received: ["paper"],
  inBulk: [],
  domainForgotten: [],
  organizationsOrdered: [2, 5],
  textChanged: [],
  closingTimeCame: [],
  translationAdded: ["fr"],
  translationReplaced: ["pt"],
  signaturesCsv: ["in_review", true],
  activityCsv: [],
  signaturesApi: [],
  signInRefused: ["198.51.100.0/24", "bearer"],
  signInRefusedElsewhere: [20, 15],
  viaApiToken: ["Typed label"],
  importFile: ["Typed file.csv", 7],
  importStarted: ["Typed file.csv", 7, 12, 1],
  importFinished: ["Typed file.csv", 7, 11, 2],
  refusedRows: ["Typed file.csv", 7],
  webhookSettings: [true, true],
  webhookAnswered: [404],
  webhookUnreachable: ["timeout"],
  signedInWith: ["magic-link"],
  passkeyName: ["Typed laptop"],
  tokenLabel: ["Typed label"],
  invited: ["Typed Name", "typed@example.org", "moderator", false],
  invitedAgain: ["Typed Name", "typed@example.org", true],
  person: ["Typed Name"],
  accessRemoved: ["Typed Name", 3],
  oneSessionEnded: [],
  loggedOutEverywhere: [2],
};

/** Codes whose words are only what people typed: the same in every language. */
const ONLY_TYPED = new Set<ActivityDetailCode>(["reason", "tokenLabel", "person", "passkeyName"]);

const codes = Object.keys(SAMPLES) as ActivityDetailCode[];
const detailOf = (code: ActivityDetailCode) =>
  (activityDetail as (code: string, ...args: unknown[]) => ReturnType<typeof activityDetail>)(code, ...SAMPLES[code]);

describe("an activity entry's detail", () => {
  it("has words for every code in every language, in that language, keeping what was typed", () => {
    const english = adminMessagesFor("en");
    expect(Object.keys(english.activity.details).sort()).toEqual([...codes].sort());
    for (const locale of LOCALES) {
      const t = adminMessagesFor(locale);
      for (const code of codes) {
        const words = detailWords(t, detailOf(code));
        expect(words.trim().length, `${locale} ${code}`).toBeGreaterThan(0);
        for (const typed of SAMPLES[code].filter((arg) => typeof arg === "string" && arg.startsWith("Typed")))
          expect(words, `${locale} ${code}`).toContain(typed);
        if (locale !== "en" && !ONLY_TYPED.has(code))
          expect(words, `${locale} ${code}`).not.toBe(detailWords(english, detailOf(code)));
      }
    }
    expect(detailWords(adminMessagesFor("es"), activityDetail("translationAdded", "fr"))).toBe(
      "Se agregó una traducción al francés.",
    );
    expect(detailWords(adminMessagesFor("fr"), activityDetail("accessRemoved", "Ana", 0))).toBe(
      "Ana (0 session fermée)",
    );
    expect(detailWords(english, activityDetail("invited", "Ana", "ana@example.org", "editor", true))).toBe(
      "Ana <ana@example.org> as editor",
    );
  });

  it("is read back from its JSON, and words in the reader's language", () => {
    const stored = readStoredDetail(JSON.stringify(activityDetail("inBulk")));
    expect(stored).toEqual({ code: "inBulk", args: [] });
    const entry = { detail: "In bulk.", detailCode: stored };
    expect(entryDetailWords(adminMessagesFor("pt"), entry)).toBe("Em lote.");
    expect(entryDetailWords(adminMessagesFor("en"), entry)).toBe("In bulk.");
  });

  it("shows the English words stored beside it when it has no code this version can word", () => {
    const es = adminMessagesFor("es");
    const old = (detailCode: ReturnType<typeof readStoredDetail>) =>
      entryDetailWords(es, { detail: "Stored words.", detailCode });
    expect(old(null)).toBe("Stored words.");
    expect(old(readStoredDetail('{"code":"fromTheFuture","args":[]}'))).toBe("Stored words.");
    expect(old(readStoredDetail('{"code":"reason","args":[]}'))).toBe("Stored words.");
    expect(old(readStoredDetail('{"code":"inBulk","args":[1]}'))).toBe("Stored words.");
    expect(old(readStoredDetail('{"code":"constructor","args":[]}'))).toBe("Stored words.");
    expect(readStoredDetail("not json")).toBeNull();
    expect(readStoredDetail('["inBulk"]')).toBeNull();
    expect(readStoredDetail('{"code":1,"args":[]}')).toBeNull();
    expect(entryDetailWords(es, { detail: null, detailCode: null })).toBeNull();
  });
});
