/**
 * The delivery document: a letter as it goes to its addressee, ready for
 * the browser's "Print" or "Save as PDF". The letter (title, date,
 * addressee, body, exactly as the public page renders them), then its
 * signatories: organizations (with their website and verified mark, and
 * what that mark means), then individuals with title, affiliation and
 * place, confirmed ones only. Those who asked not to be listed are counted,
 * never named; no email address nor organization's contact person ever appears. What the addressee reads is
 * in the letter's language (the interface's words from its catalog); the
 * bar above it, for organizers, in the organizer's (the organizer area's catalog). The signatories are written a
 * page of rows at a time (see deliverySignatories), so the document streams
 * for a letter of any size.
 */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { messagesFor, type AdminMessages, type Messages } from "../../domain/i18n";
import type { Letter } from "../../domain/letter";
import type { SignatoryDetails, SignatureKind } from "../../domain/signature";
import { Addressee } from "../letter-page";
import { SignatoryEntry, type VerifiedDetails } from "../signatory-list";
import { STYLESHEET_PATH } from "../styles";
import { describeCounts, formatDate } from "../format";
import { DELIVERY_STYLESHEET_PATH } from "./delivery-styles";

/** Where the signatories are written into the document's frame. */
const SIGNATORIES_SLOT = "<!--signatories-->";

/** A confirmed signature as the document needs it: an organization with its website and verified mark. */
export interface DeliverySignatory extends SignatoryDetails, VerifiedDetails {
  isPublic: boolean;
}

function DeliveryFrame({
  letter,
  t,
  bar,
  children,
}: {
  letter: Letter;
  t: Messages;
  /** The organizer's words, for the bar above the document. */
  bar: AdminMessages;
  children: Child;
}) {
  const w = bar.delivery;
  return (
    <html lang={t.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{letter.title}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <link rel="stylesheet" href={DELIVERY_STYLESHEET_PATH} />
      </head>
      <body class="delivery">
        <header class="delivery-bar" lang={bar.locale}>
          <p>
            <strong>{w.printTitle}</strong> {w.printText}
          </p>
          <p>
            {w.listed} <a href="/admin">{w.back}</a>
          </p>
        </header>
        <main id="main">
          <article class="letter" lang={letter.language} aria-labelledby="letter-title">
            <header>
              <h1 id="letter-title">{letter.title}</h1>
              <p class="meta">
                <time datetime={letter.date}>{formatDate(letter.date, letter.language)}</time>
              </p>
            </header>
            <Addressee text={letter.addressee} />
            <div class="letter-body">{raw(letter.bodyHtml)}</div>
          </article>
          <section class="delivery-signatories" aria-labelledby="signatories-title">
            <h2 id="signatories-title">{t.letter.signatories}</h2>
            {children}
          </section>
        </main>
      </body>
    </html>
  );
}

async function html(node: unknown): Promise<string> {
  return (node as { toString(): string | Promise<string> }).toString();
}

/** The interface's words in the letter's language (English where there is no catalog for it). */
export function deliveryWords(letter: Letter): Messages {
  return messagesFor(letter.language);
}

/**
 * The document around its signatories: what comes before them, and after.
 *
 * @param bar the organizer's words (the bar above the document; the document is in the letter's language)
 */
export async function deliveryFrame(letter: Letter, bar: AdminMessages): Promise<{ before: string; after: string }> {
  const t = deliveryWords(letter);
  const document = `<!DOCTYPE html>${await html(
    <DeliveryFrame letter={letter} t={t} bar={bar}>
      {raw(SIGNATORIES_SLOT)}
    </DeliveryFrame>,
  )}`;
  const at = document.indexOf(SIGNATORIES_SLOT);
  return { before: document.slice(0, at), after: document.slice(at + SIGNATORIES_SLOT.length) };
}

const CLASS_NAMES: Record<SignatureKind, string> = { organization: "organizations", individual: "individuals" };

/**
 * The signatories' part of the document, written page by page from pages
 * of confirmed signatures in the public list's order (organizations first):
 * a heading and a list per kind, then who was not named, and the totals.
 */
export async function* deliverySignatories(
  pages: AsyncIterable<readonly DeliverySignatory[]>,
  t: Messages,
): AsyncGenerator<string> {
  const named = { organization: 0, individual: 0 };
  const unnamed = { organization: 0, individual: 0 };
  let open: SignatureKind | null = null;
  let verified = false;
  for await (const page of pages) {
    let piece = "";
    for (const kind of ["organization", "individual"] as const) {
      const listed = page.filter((signatory) => signatory.kind === kind);
      unnamed[kind] += listed.filter((signatory) => !signatory.isPublic).length;
      const shown = listed.filter((signatory) => signatory.isPublic);
      if (shown.length === 0) continue;
      if (open !== kind) {
        if (open) piece += "</ol>";
        piece += await html(<h3>{kind === "organization" ? t.list.organizations : t.list.individuals}</h3>);
        piece += `<ol class="signatory-list ${CLASS_NAMES[kind]}">`;
        open = kind;
      }
      named[kind] += shown.length;
      verified ||= shown.some((signatory) => signatory.kind === "organization" && signatory.verification);
      piece += await html(
        <>
          {shown.map((signatory) => (
            <li>
              <SignatoryEntry signatory={signatory} t={t} />
            </li>
          ))}
        </>,
      );
    }
    if (piece) yield piece;
  }
  if (open) yield "</ol>";
  const hidden = unnamed.organization + unnamed.individual;
  const counts = {
    organizations: named.organization + unnamed.organization,
    individuals: named.individual + unnamed.individual,
    total: named.organization + named.individual + hidden,
  };
  yield await html(
    <div class="delivery-totals">
      {counts.total === 0 && <p>{t.letter.noneYet}</p>}
      {hidden > 0 && <p>{t.letter.unlisted(hidden)}</p>}
      {verified && <p class="meta">{t.list.verifiedExplained}</p>}
      <p>
        <strong>{describeCounts(counts, t)}.</strong>
      </p>
    </div>,
  );
}
