/**
 * The public routes' query parameters, read through zod schemas
 * (domain/public-query.ts, domain/public-api.ts) by one hook
 * (http/validation.ts publicQuery): a malformed value is answered with a
 * 4xx (501 for an oEmbed format) and words a person understands, never a
 * 500, in the route's format (a page, the .json error shape, or problem
 * details); the first parameter refused decides the answer; and a page
 * speaks the reader's language.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/domain/cursor";
import { messagesFor } from "../../src/domain/i18n";
import type { LetterDocument } from "../../src/domain/letter-file";
import { answerOf, createLetter, fetchApp, fetchWorker, ORIGIN, type Answer } from "../helpers";

type Case = [path: string, expected: Answer | number, acceptLanguage?: string];

/** Fetches each path and checks its answer: the whole answer, or only a status for one that succeeds. */
async function check(cases: readonly Case[]) {
  for (const [path, expected, acceptLanguage] of cases) {
    const response = await fetchWorker(path, acceptLanguage ? { headers: { "Accept-Language": acceptLanguage } } : {});
    const label = `${path}${acceptLanguage ? ` (${acceptLanguage})` : ""}`;
    if (typeof expected === "number") expect(response.status, label).toBe(expected);
    else expect(await answerOf(response), label).toEqual(expected);
  }
}

const NOT_IN_LANGUAGE = {
  status: 404,
  title: "This letter is not available in that language",
  message: "There is no page at this address. It may have been mistyped, or the letter may have moved.",
};
const NOT_IN_LANGUAGE_ES = {
  status: 404,
  title: "Esta carta no está disponible en ese idioma",
  message:
    "No hay ninguna página en esta dirección. Puede que esté mal escrita, o que la carta haya cambiado de lugar.",
};
const BROKEN_CURSOR = {
  status: 400,
  title: "This list link is broken or out of date",
  message:
    "The link to this page of signatories is not valid. Go back to the letter and follow “See more signatories” again.",
};
const INVALID_PARAMETER = "A query parameter is not valid";
const BAD_AFTER = {
  status: 400,
  title: "This record link is not valid",
  message: "The after= parameter must be the number of an entry of the record.",
};

let letter: LetterDocument;
let slug: string;
/** A cursor of the organizations' list, as a page would make it. */
const organizationsCursor = encodeCursor({ kind: "organization", position: 1, id: 1 });

beforeAll(async () => {
  letter = await createLetter({ organizations: ["Alpha Org"], individuals: ["Ana"] });
  slug = letter.slug;
});

describe("a public page's query", () => {
  it("answers a ?lang= the interface doesn't have, repeated or empty included, with a 404 in the reader's language", async () => {
    await check([
      [`/letters/${slug}?lang=zz`, NOT_IN_LANGUAGE],
      [`/letters/${slug}?lang=`, NOT_IN_LANGUAGE],
      [`/letters/${slug}?lang=en&lang=en`, NOT_IN_LANGUAGE],
      [`/letters/${slug}?lang=ES`, NOT_IN_LANGUAGE],
      [`/letters/${slug}?lang=zz`, NOT_IN_LANGUAGE_ES, "es"],
      [`/letters/${slug}.json?lang=zz`, NOT_IN_LANGUAGE],
      [`/letters/${slug}/signatories?lang=zz&cursor=not-ours`, NOT_IN_LANGUAGE],
      [`/letters/${slug}/embed?lang=zz`, NOT_IN_LANGUAGE],
      // The signer's link pages read ?lang= with the same schema.
      [`/letters/${slug}/signed?lang=zz&receipt=x`, NOT_IN_LANGUAGE],
      [`/letters/${slug}/confirm?lang=en&lang=en`, NOT_IN_LANGUAGE],
      // A language the interface has but the letter hasn't: the letter's own languages are named.
      [
        `/letters/${slug}?lang=es`,
        {
          status: 404,
          title: "Esta carta no está disponible en ese idioma",
          message: "Esta carta puede leerse en: English.",
        },
      ],
      [`/letters/${slug}?lang=en`, 200],
    ]);
  });

  it("answers a ?cursor= it did not make, or two, with a 400, and takes an empty one for the first page", async () => {
    await check([
      [`/letters/${slug}/signatories?cursor=not-ours`, BROKEN_CURSOR],
      [`/letters/${slug}/signatories?cursor=not-ours`, { status: 400, ...messagesFor("fr").errors.cursor }, "fr"],
      [`/letters/${slug}/signatories?cursor=${organizationsCursor}&cursor=${organizationsCursor}`, BROKEN_CURSOR],
      [`/letters/${slug}/signatories.json?cursor=%%%`, BROKEN_CURSOR],
      [`/letters/${slug}/signatories.json?cursor=a&cursor=b`, BROKEN_CURSOR],
      [`/letters/${slug}/signatories?cursor=`, 200],
      [`/letters/${slug}/signatories?cursor=${organizationsCursor}`, 200],
    ]);
  });

  it("answers a record's ?after= that is not one whole number with a 400", async () => {
    await check([
      [`/letters/${slug}/record.json?after=abc`, BAD_AFTER],
      [`/letters/${slug}/record.json?after=`, BAD_AFTER],
      [`/letters/${slug}/record.json?after=1&after=1`, BAD_AFTER],
      [`/letters/${slug}/record.json?after=-1`, BAD_AFTER],
      [`/letters/${slug}/record.json?after=1e3`, BAD_AFTER],
      [`/letters/${slug}/record.json?after=9999999999999999`, BAD_AFTER],
      [`/api/v1/letters/${slug}/record?after=abc`, { ...BAD_AFTER, title: INVALID_PARAMETER }],
      [`/api/v1/letters/${slug}/record?after=2&after=3`, { ...BAD_AFTER, title: INVALID_PARAMETER }],
      [`/letters/${slug}/record.json?after=0`, 200],
    ]);
  });

  it("answers the card's forged or empty ?receipt= with a 400 (after the letter's 404), and never refuses a ?source=", async () => {
    const thankYouInvalid = {
      status: 400,
      title: "This thank-you link is not valid",
      message:
        "The link is incomplete or was changed. If you signed, your signature is not affected: you can check the list on the letter's page.",
    };
    await check([
      [`/letters/${slug}/embed?receipt=forged`, thankYouInvalid],
      [`/letters/${slug}/embed?receipt=`, thankYouInvalid],
      [
        "/letters/no-such-letter-here/embed?receipt=forged",
        {
          status: 404,
          title: "Letter not found",
          message:
            "There is no published letter at this address. It may have been mistyped, or the letter may have moved.",
        },
      ],
      [`/letters/${slug}/embed?source=%00%01`, 200],
      [`/letters/${slug}/embed?source=a&source=b`, 200],
    ]);
  });
});

describe("the public API's query", () => {
  // The API's problems carry their kind's title (domain/problem-types.ts), in English whatever the client's language.
  const unknownStatus = {
    status: 400,
    title: INVALID_PARAMETER,
    message: "status must be open or closed (or left out for every letter).",
  };
  const badLettersCursor = {
    status: 400,
    title: "This cursor is not valid",
    message: "Use the next_cursor of a previous page, or leave cursor out for the first.",
  };
  const apiBrokenCursor = {
    status: 400,
    title: "This cursor is not valid",
    message:
      "Use the next_cursor (or next_url) of a previous page of the same list, or leave cursor out for the first.",
  };
  const apiNotInLanguage = {
    status: 404,
    title: "The letter is not in that language",
    message:
      "lang must be one of en, es, fr, pt (one of the letter's languages), or left out for its original language.",
  };
  const unknownKind = {
    status: 400,
    title: INVALID_PARAMETER,
    message: "kind must be organization or individual (or left out for both).",
  };
  const unknownCountry = {
    status: 400,
    title: INVALID_PARAMETER,
    message: "country must be a two-letter ISO 3166-1 code, such as HN or US.",
  };

  it("answers a bad status, kind, country or cursor with a problem detail, the first one found deciding", async () => {
    await check([
      ["/api/v1/letters?status=maybe", unknownStatus],
      ["/api/v1/letters?status=", unknownStatus],
      ["/api/v1/letters?status=maybe&cursor=not-ours", unknownStatus],
      ["/api/v1/letters?cursor=not-ours", badLettersCursor],
      ["/api/v1/letters?cursor=a&cursor=b", badLettersCursor],
      [`/api/v1/letters/${slug}/signatories?kind=robot`, unknownKind],
      [`/api/v1/letters/${slug}/signatories?kind=`, unknownKind],
      [`/api/v1/letters/${slug}/signatories?kind=robot&country=XX`, unknownKind],
      ["/api/v1/letters/no-such-letter-here/signatories?kind=robot", unknownKind],
      [`/api/v1/letters/${slug}/signatories?country=Honduras`, unknownCountry],
      [`/api/v1/letters/${slug}/signatories?country=`, unknownCountry],
      [`/api/v1/letters/${slug}/signatories?country=XX&cursor=not-ours`, unknownCountry],
      [`/api/v1/letters/${slug}/signatories?cursor=not-ours`, apiBrokenCursor],
      [`/api/v1/letters/${slug}/signatories?cursor=a&cursor=b`, apiBrokenCursor],
      [
        `/api/v1/letters/${slug}/signatories?kind=individual&cursor=${organizationsCursor}`,
        { status: 400, title: "This cursor is not valid", message: "This cursor belongs to a list of another kind." },
      ],
      [`/api/v1/letters/${slug}?lang=zz`, apiNotInLanguage],
      [`/api/v1/letters/${slug}?lang=zz`, apiNotInLanguage, "es"],
      [
        `/api/v1/letters/${slug}?lang=es`,
        { ...apiNotInLanguage, message: "This letter can be read in: English." },
        "es",
      ],
    ]);
  });

  it("reads a repeated status, kind or country as its first value, a country in any case, and an empty cursor as the first page", async () => {
    await check([
      ["/api/v1/letters?status=open&status=maybe", 200],
      ["/api/v1/letters?cursor=", 200],
      [`/api/v1/letters/${slug}/signatories?country=hn`, 200],
      [`/api/v1/letters/${slug}/signatories?kind=organization&kind=robot`, 200],
      // A cursor before the letter's one organization (one after it is past the end of the list: a 400).
      [
        `/api/v1/letters/${slug}/signatories?kind=organization&cursor=${encodeCursor({ kind: "organization", position: 0, id: 0 })}`,
        200,
      ],
    ]);
  });
});

describe("oEmbed's query", () => {
  const url = (path: string) => encodeURIComponent(`${ORIGIN}${path}`);
  const notASize = (name: string, value: string) => ({
    status: 400,
    title: `${name} is not a size`,
    message: `${name} must be a whole number of pixels between 1 and 10000, not “${value}”.`,
  });
  const onlyJson = {
    status: 501,
    title: "Only JSON",
    message: "This oEmbed provider answers in JSON only (format=json).",
  };

  it("answers a missing url with a 400, another format with a 501 (oEmbed 2.2) and a bad size with a 400", async () => {
    const which = {
      status: 400,
      title: "Which letter?",
      message: "Give the letter's address in ?url=, e.g. /oembed?url=https://…/letters/some-letter&format=json.",
    };
    const letterUrl = url(`/letters/${slug}`);
    await check([
      ["/oembed", which],
      ["/oembed?url=", which],
      [`/oembed?url=${letterUrl}&format=xml`, onlyJson],
      [`/oembed?url=${letterUrl}&format=`, onlyJson],
      ["/oembed?url=not-a-url&format=xml", onlyJson],
      [`/oembed?url=${letterUrl}&maxwidth=wide`, notASize("maxwidth", "wide")],
      [`/oembed?url=${letterUrl}&maxwidth=0`, notASize("maxwidth", "0")],
      [`/oembed?url=${letterUrl}&maxwidth=10001`, notASize("maxwidth", "10001")],
      [`/oembed?url=${letterUrl}&maxheight=1.5`, notASize("maxheight", "1.5")],
      [`/oembed?url=${letterUrl}&maxheight=1.5&maxwidth=wide`, notASize("maxwidth", "wide")],
      [`/oembed?url=${url("/letters/x")}&maxwidth=${"9".repeat(40)}`, notASize("maxwidth", "9".repeat(20))],
      [
        `/oembed?url=${encodeURIComponent("https://elsewhere.example/letters/x")}`,
        { status: 404, title: "Not a letter here", message: "That address is not a letter published on this site." },
      ],
      [`/oembed?url=${letterUrl}&maxwidth=`, 200],
      [`/oembed?url=${letterUrl}&maxwidth=300&maxwidth=wide`, 200],
    ]);
  });
});

describe("the bench's constant response", () => {
  it("answers a ?bytes= that is not a size from 1 to 1,000,000 with a 400, where a negative one was a 500", async () => {
    for (const bytes of ["-5", "abc", "0", "1.5", "2000000"]) {
      const response = await fetchApp(`/__bench/constant?bytes=${bytes}`, { BENCH: "1" });
      expect(await answerOf(response), bytes).toEqual({
        status: 400,
        title: "bytes is not a size",
        message: `bytes must be a whole number from 1 to 1000000, not “${bytes}”.`,
      });
    }
    for (const [query, length] of [
      ["", 2],
      ["?bytes=", 2],
      ["?bytes=3", 3],
      ["?bytes=3&bytes=4", 3],
    ] as const) {
      const response = await fetchApp(`/__bench/constant${query}`, { BENCH: "1" });
      expect(response.status, query).toBe(200);
      expect((await response.text()).length, query).toBe(length);
    }
  });
});
