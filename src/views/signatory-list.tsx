/**
 * Lists of signatories: organizations first, then individuals, each under
 * its own heading, as a letter's signature block reads. Country names come
 * from Intl.DisplayNames in the page's language.
 */
import { countryName } from "../domain/countries";
import type { Messages } from "../domain/i18n";
import type { PublicSignatory, SignatoryDetails, SignatureKind } from "../domain/signature";

/** "Policy Director, Oxfam America — Boston, United States" (whichever parts there are), the country named in `locale`. */
export function signatoryDetails(signatory: SignatoryDetails, locale = "en"): string {
  const role = [signatory.title, signatory.organization].filter(Boolean).join(", ");
  const place = [signatory.city, signatory.country && countryName(signatory.country, locale)]
    .filter(Boolean)
    .join(", ");
  return [role, place].filter(Boolean).join(" — ");
}

export function SignatoryEntry({ signatory, t }: { signatory: SignatoryDetails; t: Messages }) {
  const details = signatoryDetails(signatory, t.locale);
  return (
    <>
      <span class="signatory-name">{signatory.name}</span>
      {details && <span class="signatory-details">, {details}</span>}
    </>
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
