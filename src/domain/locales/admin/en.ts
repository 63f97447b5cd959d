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
    apiTokens: "API tokens",
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

  /** Roles (domain/organizer-roles.ts): their names, and what each may do, in words (the dashboard says the person's). */
  roles: {
    yours: "Your role:",
    names: { owner: "Owner", editor: "Editor", moderator: "Moderator", viewer: "Viewer" },
    may: {
      owner:
        "You can do everything: write and publish letters, moderate and export signatures, and manage people, webhooks and settings.",
      editor:
        "You can write letters and their translations, publish, close and deliver them, and set the order of organizations. Signers' personal details are for moderators.",
      moderator:
        "You can review, approve, hide and restore signatures, add them by hand, import and export them. Changing a letter's text or stage is for editors.",
      viewer:
        "You can read letters, their stages and counts, and download the delivery document. Signers' personal details and any change are for other roles.",
    },
    /** On a letter's page, for a role that can't change it. */
    readOnlyLetter: "Your role can read this letter; changing its text or stage is for editors and owners.",
    /** Instead of the signatures link, for a role that can't open them. */
    signatureCounts: (counted: string, waiting: string) => `Signatures: ${counted} counted, ${waiting} waiting`,
  },

  /** Your account → API tokens (/admin/account/tokens). */
  tokens: {
    title: "API tokens",
    intro:
      "A program (a spreadsheet script, your contacts database) can use the organizers' API in your name with a token. It can do what your role can do, and stops working when you revoke it or when your account is removed.",
    /** Text between backticks is shown as code. */
    usage: "Send it with each request to `/admin/api/…` in the header `Authorization: Bearer <token>`.",
    newTitle: "Your new token",
    newWarning:
      "Copy it now and keep it somewhere safe: it is stored only as a fingerprint and will not be shown again.",
    newLabel: (label: string) => `Token for “${label}”`,
    createTitle: "Create a token",
    labelLabel: "What it is for",
    labelHint: "A name that tells you where the token is used, such as “Signatures spreadsheet”.",
    labelMissing: "Say what the token is for, in at most 100 characters.",
    create: "Create the token",
    listTitle: "Your tokens",
    caption: "Your tokens that work, newest first",
    none: "You have no tokens.",
    label: "For",
    created: "Created",
    lastUsed: "Last used",
    neverUsed: "Never",
    actions: "Actions",
    revoke: "Revoke",
    revokeNamed: (label: string) => `Revoke the token for “${label}”`,
    revokeQuestion: (label: string) => `Revoke the token for “${label}”?`,
    revokeConsequences: [
      "Programs that use it are refused at once.",
      "This can't be undone: create a new token if you need one again.",
    ],
    revoked: "The token is revoked: it no longer works.",
    gone: "That token is not one of yours, or it was revoked already.",
    tooMany: (limit: number) => `You have ${limit} tokens already: revoke one you no longer use first.`,
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
