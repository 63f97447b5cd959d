/**
 * The organizer area in English: every word an organizer page, form error,
 * flash message or organizer email shows, with the catalog's shape
 * (AdminMessages) that es.ts, fr.ts and pt.ts must match key for key
 * (test/domain/catalogs.test.ts). Written for a campaign coordinator, not a
 * developer: plain words, no codes. Counted nouns go through `plural` (CLDR
 * plural rules through Intl), dates and times through views/format.ts with `locale`.
 *
 * A page that a lane adds puts its words in a section of its own, named
 * after the page (`people`, `account`, …), in all four catalogs.
 */
import { formatDate, formatLanguageName, formatNumber, plural } from "../format";

const L = "en";

export const en = {
  locale: L,
  /** "December 20, 2017" for a date or an ISO instant (read in UTC). */
  date: (iso: string) => formatDate(iso, L),
  number: (value: number) => formatNumber(value, L),
  /** A language's name in this interface's language, as inside a sentence: "Spanish" (es: "español"). */
  languageName: (tag: string) => formatLanguageName(tag, L),

  layout: {
    /** After the page's own title in <title>: "Letters · Undersigned organizers". */
    titleSuffix: (site: string) => `${site} organizers`,
    /** Before the title of a page that answers a refused form (screen readers read it first). */
    errorTitlePrefix: "Error: ",
    skipToContent: "Skip to content",
    siteName: (site: string) => `${site} · Organizers`,
    navigation: "Organizer area",
    letters: "Letters",
    newLetter: "New letter",
    publicSite: "Public site",
    logOut: "Log out",
    /** The switcher's label, before the buttons naming the other languages. */
    language: "Language",
    /** The button's accessible name: "Show the organizer area in Español". */
    switchTo: (autonym: string) => `Show the organizer area in ${autonym}`,
  },

  login: {
    title: "Log in",
    heading: "Organizers: log in",
    /** Text between backticks is shown as code. */
    closed:
      "The organizer area is closed: no admin token is set. Set one with `npx wrangler secret put ADMIN_TOKEN` (at least 16 characters); `npm start` sets one in `.dev.vars` and prints it.",
    problemTitle: "Could not log in",
    tokenLabel: "Admin token",
    /** Text between backticks is shown as code. */
    tokenHint: "The `ADMIN_TOKEN` secret of this site. `npm start` prints the local one.",
    submit: "Log in",
    wrongToken: "That is not the admin token. Check it and try again.",
  },

  dashboard: {
    title: "Letters",
    draftDeleted: "The draft is deleted.",
    empty: "There are no letters yet. Write the first one.",
    caption: "Every letter, most recently changed first",
    letter: "Letter",
    state: "State",
    signatures: "Signatures",
    waiting: "Waiting",
    dated: "Dated",
    export: "Export:",
    exportCsv: "signatures (CSV)",
    exportDelivery: "delivery document",
  },

  /** A letter's stage, as a badge and in sentences. */
  states: {
    draft: "draft",
    open: "open",
    closed: "closed",
    delivered: "delivered",
  },

  forms: {
    /** Before a field's error, for screen readers. */
    errorPrefix: "Error: ",
    problemCount: (count: number) => plural(L, count, { one: "There is a problem", other: "There are # problems" }),
  },

  confirm: {
    back: "No, go back",
  },

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# signature", other: "# signatures" }),
    organizations: (count: number) => plural(L, count, { one: "# organization", other: "# organizations" }),
    individuals: (count: number) => plural(L, count, { one: "# individual", other: "# individuals" }),
  },
};

export type AdminMessages = typeof en;
