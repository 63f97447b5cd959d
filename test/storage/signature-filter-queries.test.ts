/**
 * The organizers' filter and reads: every criterion narrows what it says,
 * counts agree with the pages, and both orders page through every row once.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signatureFilterSchema, signatureQuery } from "../../src/domain/signature-filter";
import {
  countMatchingSignatures,
  listSignaturesInOrder,
  searchSignatures,
  type ListingCursor,
} from "../../src/storage/signatures";
import { createLetter, letterRow } from "../helpers";
import { seedSignatures } from "../seed";

async function letterWithSigners() {
  const letter = await createLetter({ organizations: ["Lead Org", "Second Org"], confirmSignatures: false });
  await seedSignatures(letter.slug, [
    { name: "Ana Pérez", organization: "Radio Progreso", country: "HN", email: "ana@radio.example" },
    { name: "Bob Smith", country: "US", createdAt: "2017-06-01T12:00:00.000Z" },
    { kind: "organization", name: "Grassroots Union", email: "union@example.org", country: "HN" },
    { name: "Carla Díaz", country: "MX" },
  ]);
  const { id } = (await letterRow(letter.slug))!;
  return { letter, id };
}

/** What the schema makes of a query string: the filter, or the problems it shows. */
function parse(query: string) {
  const result = signatureFilterSchema.safeParse(Object.fromEntries(new URLSearchParams(query)));
  return result.success
    ? { filter: result.data, problems: [] }
    : { filter: null, problems: result.error.issues.map((issue) => issue.message) };
}

function filterOf(query: string) {
  const { filter, problems } = parse(query);
  expect(problems).toEqual([]);
  return filter!;
}

/** What storage reads of a query string: its days in UTC (the zone of a letter that chose none). */
function queryOf(query: string) {
  return signatureQuery(filterOf(query), "UTC");
}

const EVERY_SIGNATURE = signatureQuery({}, "UTC");

describe("the organizers' signature filter", () => {
  it("reads every criterion and explains what it can't read", () => {
    expect(
      filterOf(
        "q=%20ana%20&status=confirmed&kind=individual&country=hn&channel=form&flagged=1&from=2017-01-01&to=2017-12-31",
      ),
    ).toEqual({
      q: "ana",
      status: "confirmed",
      kind: "individual",
      country: "HN",
      channel: "form",
      flagged: true,
      from: "2017-01-01",
      to: "2017-12-31",
    });
    expect(filterOf("status=&kind=&flagged=0")).toEqual({});
    const { problems } = parse("status=gone&kind=robot&country=ZZ&channel=fax&from=2017-02-30&to=yesterday");
    expect(problems).toHaveLength(6);
    expect(parse("from=2018-01-01&to=2017-01-01").problems).toEqual(["“Signed from” comes after “Signed until”."]);
    expect(parse(`q=${"x".repeat(201)}`).problems).toHaveLength(1);
  });

  it("narrows by text in name, organization or email, by kind, country and channel", async () => {
    const { id } = await letterWithSigners();
    const names = async (query: string) =>
      (await searchSignatures(env.DB, id, queryOf(query), { limit: 50 })).signatures.map((s) => s.name).sort();
    expect(await names("q=ANA")).toEqual(["Ana Pérez"]);
    expect(await names("q=radio")).toEqual(["Ana Pérez"]);
    expect(await names("q=union%40example")).toEqual(["Grassroots Union"]);
    expect(await names("kind=organization")).toEqual(["Grassroots Union", "Lead Org", "Second Org"]);
    expect(await names("country=HN")).toEqual(["Ana Pérez", "Grassroots Union"]);
    expect(await names("channel=initial")).toEqual(["Lead Org", "Second Org"]);
    expect(await names("from=2000-01-01&to=2000-12-31")).toEqual([]);
    expect(await names("from=2017-01-01&to=2017-12-31")).toEqual(["Bob Smith"]);
    expect(await names("to=2017-06-01")).toEqual(["Bob Smith"]);
    expect(await countMatchingSignatures(env.DB, id, queryOf("kind=individual"))).toBe(3);
    expect(await countMatchingSignatures(env.DB, id, EVERY_SIGNATURE)).toBe(6);
  });

  it("pages newest first, and in the public list's order, through every row once", async () => {
    const { id } = await letterWithSigners();
    const newest: string[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await searchSignatures(env.DB, id, EVERY_SIGNATURE, { before, limit: 2 });
      newest.push(...page.signatures.map((s) => s.name));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(newest).toEqual(["Carla Díaz", "Grassroots Union", "Bob Smith", "Ana Pérez", "Second Org", "Lead Org"]);
    const ordered: string[] = [];
    let after: ListingCursor | null = null;
    for (;;) {
      const page = await listSignaturesInOrder(env.DB, id, EVERY_SIGNATURE, { after, limit: 4 });
      ordered.push(...page.signatures.map((s) => s.name));
      if (page.next === null) break;
      after = page.next;
    }
    expect(ordered).toEqual(["Lead Org", "Second Org", "Grassroots Union", "Ana Pérez", "Bob Smith", "Carla Díaz"]);
  });
});
