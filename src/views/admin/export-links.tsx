/**
 * The organizers' way out of the app with a letter's signatures: the CSV
 * file (of what the current filter shows, or the confirmed ones) and the
 * print-ready delivery document. A small component for any organizer page
 * that knows the letter and its filter (the letter's page, the moderation
 * list, the dashboard).
 */
import { ALL_STATUSES } from "../../domain/signature-export";
import { filterParams, type SignatureFilter } from "../../domain/signature-filter";
import { useAdminWords } from "./admin-words";
import { Can } from "./can";

/** The organizers' export addresses. */
export const exportPaths = {
  /**
   * The CSV file: without a filter, the confirmed signatures (see
   * domain/signature-export.ts); with one, exactly what a list with that
   * filter shows, so a filter without a status means every status.
   */
  csv: (slug: string, filter?: SignatureFilter) => {
    const query = filter ? filterParams(filter) : new URLSearchParams();
    if (filter && !filter.status) query.set("status", ALL_STATUSES);
    return `/admin/letters/${slug}/signatures.csv${query.size ? `?${query}` : ""}`;
  },
  /** Every signature, whatever its status. */
  csvAll: (slug: string) => `/admin/letters/${slug}/signatures.csv?status=${ALL_STATUSES}`,
  delivery: (slug: string) => `/admin/letters/${slug}/delivery`,
};

export interface ExportLinksProps {
  slug: string;
  /** The filter a list page shows (even an empty one): its CSV link then exports just that list. */
  filter?: SignatureFilter;
  /** The section's heading level on the page that places it. */
  headingLevel?: 2 | 3;
}

/** "Export": the CSV of the filtered (or confirmed) signatures, every signature, and the delivery document. */
export function ExportLinks({ slug, filter, headingLevel = 2 }: ExportLinksProps) {
  const w = useAdminWords().exports;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  // An unfiltered list shows every signature: its own link would repeat "every signature", so the confirmed ones are offered instead.
  const listed = filter && exportPaths.csv(slug, filter) !== exportPaths.csvAll(slug) ? filter : undefined;
  return (
    <section class="export-links" aria-labelledby={`export-${slug}`}>
      <Heading id={`export-${slug}`}>{w.title}</Heading>
      <ul>
        {/* The CSV files hold signers' emails: moderators' (the delivery document lists public names only). */}
        <Can permission="moderate">
          <li>
            <a href={exportPaths.csv(slug, listed)} download>
              {listed ? w.listed : w.confirmed}
            </a>
          </li>
          <li>
            <a href={exportPaths.csvAll(slug)} download>
              {w.every}
            </a>
          </li>
        </Can>
        <li>
          <a href={exportPaths.delivery(slug)}>{w.delivery}</a>
        </li>
      </ul>
    </section>
  );
}
