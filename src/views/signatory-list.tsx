/**
 * Lists of signatories: organizations first, then individuals, each under
 * its own heading, as a letter's signature block reads. An organization
 * shows its verified mark (with its meaning in words for screen readers and
 * as a tooltip) and its website, as a link to its host; never its contact.
 * Country names come from Intl.DisplayNames in the page's language. Each
 * field a signer typed is its own bidirectional isolate (views/bidi.tsx),
 * so a right-to-left name never trades places with its affiliation.
 */
import { countryName } from "../domain/countries";
import type { Messages } from "../domain/i18n";
import type { PublicSignatory, SignatoryDetails, SignatureKind } from "../domain/signature";
import { Isolated } from "./bidi";

/**
 * The parts of a signatory's details, in order, each with the words before
 * it: its title and affiliation, then " — " and its city and country (named
 * in `locale`), whichever there are.
 */
function detailParts(signatory: SignatoryDetails, locale: string): { before: string; text: string }[] {
  const present = (part: string | null | undefined): part is string => Boolean(part);
  const role = [signatory.title, signatory.organization].filter(present);
  const place = [signatory.city, signatory.country && countryName(signatory.country, locale)].filter(present);
  return [
    ...role.map((text, index) => ({ text, before: index === 0 ? "" : ", " })),
    ...place.map((text, index) => ({ text, before: index > 0 ? ", " : role.length > 0 ? " — " : "" })),
  ];
}

/** "Policy Director, Oxfam America — Boston, United States" (whichever parts there are), the country named in `locale`. */
export function signatoryDetails(signatory: SignatoryDetails, locale = "en"): string {
  return detailsText(detailParts(signatory, locale));
}

function detailsText(parts: { before: string; text: string }[]): string {
  return parts.map(({ before, text }) => `${before}${text}`).join("");
}

/**
 * The host a website is shown by: "example.org" for "https://www.example.org/about" (a leading
 * "www." dropped; an internationalized name in its ASCII form, as the URL standard gives it, so
 * that a look-alike letter can't pass for another site). Null when it is not a URL.
 */
export function websiteHost(website: string): string | null {
  try {
    return new URL(website).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** What a signatory's verification is shown with, when it has one (lists that show no mark omit them). */
export type VerifiedDetails = Partial<Pick<PublicSignatory, "verification" | "verifiedDomain">>;

/** The words of a verified mark: how the organization was verified (domain/signature.ts OrganizationVerification). */
export function verifiedText(signatory: SignatoryDetails & VerifiedDetails, t: Messages): string | null {
  if (signatory.kind !== "organization" || !signatory.verification) return null;
  if (signatory.verification === "organizers") return t.list.verifiedByOrganizers;
  const domain = signatory.verifiedDomain ?? (signatory.website ? websiteHost(signatory.website) : null);
  return domain ? t.list.verifiedByDomain(domain) : t.list.verifiedByOrganizers;
}

/** The verified mark after an organization's name: a check mark, its meaning as text for screen readers and as a tooltip. */
export function VerifiedMark({ text }: { text: string }) {
  return (
    <span class="verified" title={text}>
      {" "}
      <span aria-hidden="true">✓</span>
      <span class="visually-hidden">({text})</span>
    </span>
  );
}

/** An organization's website, as a link showing its host: followed by no search engine (the signer typed it). */
export function WebsiteLink({ website }: { website: string }) {
  const host = websiteHost(website);
  if (!host) return null;
  return (
    <a class="signatory-website" href={website} rel="nofollow ugc noopener">
      {host}
    </a>
  );
}

/**
 * A signatory's details as signatoryDetails() writes them, each field the
 * signer typed (and the country) in its own isolate (views/bidi.tsx).
 */
function SignatoryDetailsText({ parts }: { parts: { before: string; text: string }[] }) {
  return (
    <>
      {parts.map(({ before, text }) => (
        <>
          {before}
          <Isolated text={text} />
        </>
      ))}
    </>
  );
}

/**
 * One signatory as lists show it: the name, the verified mark, the details
 * (SignatoryDetailsText), an organization's website. Every field
 * typed by the signer is its own <bdi>, so that a Hebrew name followed by a
 * Hebrew affiliation still reads name first.
 */
export function SignatoryEntry({ signatory, t }: { signatory: SignatoryDetails & VerifiedDetails; t: Messages }) {
  // Drawn once for both the test below and the text (a country's name is looked up for each).
  const parts = detailParts(signatory, t.locale);
  const verified = verifiedText(signatory, t);
  const website = signatory.kind === "organization" ? signatory.website : null;
  return (
    <>
      <Isolated class="signatory-name" text={signatory.name} />
      {verified && <VerifiedMark text={verified} />}
      {detailsText(parts) && (
        <span class="signatory-details">
          , <SignatoryDetailsText parts={parts} />
        </span>
      )}
      {website && (
        <span class="signatory-details">
          {" · "}
          <WebsiteLink website={website} />
        </span>
      )}
    </>
  );
}

/** What "verified" means, said once where the marks are shown (the signatories page, the delivery document). */
export function VerifiedExplanation({ t }: { t: Messages }) {
  return (
    <details class="verified-explanation">
      <summary>{t.list.whatVerifiedMeans}</summary>
      <p>{t.list.verifiedExplained}</p>
    </details>
  );
}

export function SignatoryList({
  signatories,
  t,
  headingLevel = 3,
  continues = null,
}: {
  signatories: readonly PublicSignatory[];
  t: Messages;
  headingLevel?: 2 | 3;
  /** On later pages, the kind whose list continues from the page before. */
  continues?: SignatureKind | null;
}) {
  const groups = [
    { kind: "organization", heading: t.list.organizations, className: "organizations" },
    { kind: "individual", heading: t.list.individuals, className: "individuals" },
  ] as const;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {groups.map(({ kind, heading, className }) => {
        const members = signatories.filter((signatory) => signatory.kind === kind);
        if (members.length === 0) return null;
        return (
          <>
            <Heading>{continues === kind ? t.list.continued(heading) : heading}</Heading>
            <ol class={`signatory-list ${className}`}>
              {members.map((signatory) => (
                <li>
                  <SignatoryEntry signatory={signatory} t={t} />
                </li>
              ))}
            </ol>
          </>
        );
      })}
    </>
  );
}
