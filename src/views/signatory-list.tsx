/**
 * Lists of signatories: organizations first, then individuals, each under
 * its own heading, as a letter's signature block reads.
 */
import { countryName } from "../domain/countries";
import type { PublicSignatory, SignatoryDetails, SignatureKind } from "../domain/signature";
import { INTERFACE_LOCALE } from "./format";

/** "Policy Director, Oxfam America — Boston, United States" (whichever parts there are). */
export function signatoryDetails(signatory: SignatoryDetails): string {
  const role = [signatory.title, signatory.organization].filter(Boolean).join(", ");
  const place = [signatory.city, signatory.country && countryName(signatory.country, INTERFACE_LOCALE)]
    .filter(Boolean)
    .join(", ");
  return [role, place].filter(Boolean).join(" — ");
}

export function SignatoryEntry({ signatory }: { signatory: SignatoryDetails }) {
  const details = signatoryDetails(signatory);
  return (
    <>
      <span class="signatory-name">{signatory.name}</span>
      {details && <span class="signatory-details">, {details}</span>}
    </>
  );
}

export function SignatoryList({
  signatories,
  headingLevel = 3,
  continues = null,
}: {
  signatories: readonly PublicSignatory[];
  headingLevel?: 2 | 3;
  /** On later pages, the kind whose list continues from the page before. */
  continues?: SignatureKind | null;
}) {
  const groups = [
    { kind: "organization", heading: "Organizations", className: "organizations" },
    { kind: "individual", heading: "Individuals", className: "individuals" },
  ] as const;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {groups.map(({ kind, heading, className }) => {
        const members = signatories.filter((signatory) => signatory.kind === kind);
        if (members.length === 0) return null;
        return (
          <>
            <Heading>{continues === kind ? `${heading} (continued)` : heading}</Heading>
            <ol class={`signatory-list ${className}`}>
              {members.map((signatory) => (
                <li>
                  <SignatoryEntry signatory={signatory} />
                </li>
              ))}
            </ol>
          </>
        );
      })}
    </>
  );
}
