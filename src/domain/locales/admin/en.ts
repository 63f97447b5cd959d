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
import { ACTIVITY_LABELS, type ImportStep, type ReceivedWay, type SignInWay } from "../../activity";
import type { ImportFileProblem, ImportMappingProblem, ImportRowProblem } from "../../import-problems";
import { IMPORT_LIMITS, PASTED_FILE_NAME } from "../../import-limits";
import type { LetterState } from "../../letter";
import type { SignatureStatus } from "../../signature";
import type { Role } from "../../organizer-roles";
import type { ModerationAction } from "../../signing";
import { isUnrenamedBootstrap, type NamedPerson } from "../../organizer-roles";
import { englishTextProblem, type TextProblem } from "../../text";
import { timeZonePlace } from "../../time-zones";
import type { WebhookFailureKind, WebhookUrlProblem } from "../../webhook";
import { formatDate, formatLanguageName, formatMoment, formatNumber, formatTime, plural } from "../format";
import { formatClock } from "../format";

/** The text fields of organizer forms whose problems are worded with their name (issues.text). */
export type IssueTextField =
  | "title"
  | "organizationName"
  | "contactName"
  | "contactRole"
  | "name"
  | "affiliation"
  | "personTitle"
  | "city"
  | "label";

const L = "en";

/** An import's file name as the log words it: "pasted rows" for rows pasted rather than uploaded. */
const importName = (fileName: string): string => (fileName === PASTED_FILE_NAME ? en.imports.pastedRows : fileName);

/**
 * The values of the system's own words the activity log keeps (statuses, stages, roles, import
 * modes and steps, verification…): domain/activity-details.ts ActivityValue, which can't be named
 * here (it names this catalog), checks that each has words in `activity.values`.
 */
type LoggedValue =
  | SignatureStatus
  | LetterState
  | Role
  | ImportStep
  | "vouch"
  | "confirm"
  | "organizers"
  | "email-domain"
  | "no"
  | "on"
  | "off"
  | "none"
  | "site-default-email"
  | "site-default-at-once"
  | "unreadable-address";

export const en = {
  locale: L,
  /** "December 20, 2017" for a date or an ISO instant (read in UTC). */
  date: (iso: string) => formatDate(iso, L),
  number: (value: number) => formatNumber(value, L),
  /**
   * The organizer area's one way to write a moment, in the IANA `zone` it is read in (a letter's
   * closing-time zone, else UTC), which it names: "Nov 30, 2026, 8:02 AM (Honduras time, UTC−6)".
   * `deadline`: a closing time (midnight is written as the minute before). See format.ts formatTime.
   */
  time: (iso: string, zone: string, options?: { deadline?: boolean }) =>
    formatTime(
      iso,
      zone,
      L,
      (place: string | null, offset: string) => (place ? `${place} time, ${offset}` : offset),
      options,
    ),
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
    /** The phone-size header's button that shows the navigation, language and logout. */
    menu: "Menu",
    letters: "Letters",
    newLetter: "New letter",
    publicSite: "Public site",
    activity: "Activity",
    apiTokens: "API tokens",
    logOut: "Log out",
    /** The way onward from an error page met in the organizer area (it leads to /admin). */
    backToArea: "Back to the organizer area",
    /** The switcher's label, before the buttons naming the other languages. */
    language: "Language",
    /** The button's accessible name: "Show the organizer area in Español". */
    switchTo: (autonym: string) => `Show the organizer area in ${autonym}`,
    people: "People",
    yourAccount: "Your account",
    /** Who is signed in, in the header: "Signed in as Ana Reyes (moderator)". */
    /** `role` null: the name says it already ("Owner (admin token)"). */
    signedInAs: (name: string, role: string | null) => `Signed in as ${name}${role === null ? "" : ` (${role})`}`,
    /** Each role's name inside a sentence. */
    roleNames: { owner: "owner", editor: "editor", moderator: "moderator", viewer: "viewer" },
  },

  login: {
    title: "Log in",
    heading: "Organizers: log in",
    /** For whoever opens the area: plain words first, then (closedTechnical) the setting for whoever runs the site. */
    closed: "The organizer area can't be opened yet: whoever runs the site has to set its admin token first.",
    /** Text between backticks is shown as code. */
    closedTechnical:
      "For them: `npx wrangler secret put ADMIN_TOKEN` (at least 16 characters); `npm start` sets one in `.dev.vars` and prints it.",
    problemTitle: "Could not log in",
    tokenLabel: "Admin token",
    tokenHint: "The admin token printed when the site was started, or given to you by whoever runs the site.",
    /** Text between backticks is shown as code: the setting's technical name, a secondary hint. */
    tokenTechnical: "Technically: the site's `ADMIN_TOKEN` secret; `npm start` prints the local one.",
    submit: "Log in",
    wrongToken: "That is not the admin token. Check it and try again.",
    bootstrapDisabled:
      "The admin token's account is disabled: an owner turned it off on the People page, so the admin token no longer signs anyone in. Sign in with your own account (by email or with a passkey), or ask an owner to enable it again.",
    byEmail: "With your email address",
    emailLabel: "Your email address",
    emailHint: "The address an owner invited. We email you a link that signs you in, valid 15 minutes.",
    emailSubmit: "Email me a sign-in link",
    emailProblemTitle: "Could not send a link",
    byToken: "With the admin token",
    /** After a logout, on the login page it leads to. */
    loggedOut: "You are logged out.",
    /** Why the session this browser had ended, said on the login page it is sent to (the redirect's `why`). */
    sessionEnded: {
      ended:
        "You were logged out: this session was ended from another device, or with “Log out everywhere”. Log in again.",
      expired: "Your session expired: a session lasts 12 hours. Log in again.",
      disabled: "An owner disabled your account, which ended its sessions. Ask an owner if you need access again.",
      "token-changed": "The admin token was changed, which ends the sessions opened with it. Log in again.",
    },
    /** The login page's language links, before anyone is signed in. */
    languages: "Language",
    /** After "Log out everywhere": `others` sessions ended besides this one. */
    loggedOutEverywhere: (others: number) =>
      others === 0
        ? "You are logged out here; no other session was open."
        : `You are logged out here, and ${plural(L, others, { one: "# other session", other: "# other sessions" })} ended too.`,
  },

  dashboard: {
    title: "Letters",
    draftDeleted: "The draft is deleted.",
    empty: "There are no letters yet. Write the first one.",
    /** For a role that can't write letters. */
    emptyRead: "There are no letters yet.",
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

  /**
   * Which time zone a page's times are in (views/admin/time.tsx): the reader's own on the pages
   * about no letter (chosen on the account page), the letter's on a letter's pages.
   */
  timeZones: {
    /** A zone as a sentence names it, with its offset now: "Honduras time (UTC−6)"; `place` null: "UTC". */
    zone: (place: string | null, offset: string) => (place ? `${place} time (${offset})` : offset),
    /** `zone`: the zone named by `zone` above. */
    yours: (zone: string) => `Times on this page are in your time zone: ${zone}.`,
    none: "Times on this page are in UTC: you have not chosen your time zone.",
    choose: "Choose your time zone",
    change: "Change it",
    letters: (zone: string) => `Times and days on this page are in the letter's time zone: ${zone}.`,
    heading: "Your time zone",
    label: "Time zone",
    hint: "The activity log, the people page, your sessions, API tokens and passkeys show their times in it, and read the days you filter by in it. A letter's pages use the letter's own time zone.",
    save: "Save the time zone",
    saved: "Your time zone is saved.",
  },

  forms: {
    /** Before a field's error, for screen readers. */
    errorPrefix: "Error: ",
    problemCount: (count: number) => plural(L, count, { one: "There is a problem", other: "There are # problems" }),
  },

  editor: {
    newLetter: "New letter",
    editTitle: (title: string) => `Edit: ${title}`,
    publicPage: "Public page",
    signaturesLink: (counted: number, waiting: number) =>
      `Signatures (${formatNumber(counted, L)} counted, ${formatNumber(waiting, L)} waiting)`,
    /** Text between backticks is shown as code. */
    fromFile: (file: string) =>
      `This letter comes from \`${file}\`. Saving it here (or changing its stage) takes it over: from then on the organizer area's version is the letter, and loading the files leaves it alone.`,
    labels: {
      title: "Title",
      slug: "Address",
      date: "Date the letter bears",
      language: "Language",
      addressee: "Addressee",
      summary: "Summary",
      body: "Text of the letter",
      confirm_signatures: "Email confirmation",
      review_organizations: "Organizations' signatures",
      closes_at: "Signing closes",
      closes_time_zone: "Time zone of the closing time",
    },
    slugFixed:
      "The address can't change once the letter has been published: links to it and its record's checkpoints name it.",
    /** The address of a draft never published that has signatures (domain/letter.ts addressLock "signed"). */
    slugFixedSigned:
      "The address can't change any more: this letter has signatures (entered by hand or imported), and its record names the address.",
    slugHint:
      "Lower-case words joined by hyphens: the letter will be at /letters/your-address. Left empty, it is made from the title. It can change until the letter is published or gets its first signature.",
    languageHint:
      "The language this text is written in. Public pages are entirely in it for the first four; in the others, the buttons and labels around the letter are in English.",
    chooseLanguage: "Choose a language",
    interfaceLanguages: "Public pages entirely in this language",
    otherLanguages: "Other languages",
    addresseeHint: "One line per line of the address, as it should be printed.",
    /** Text between backticks is shown as code. */
    bodyHint:
      "Markdown: a blank line between paragraphs, `**bold**`, `*italic*`, `[a link](https://…)`, `## A heading`. At most 100,000 characters.",
    summaryHint:
      "For search engines and link previews, at most 300 characters. Left empty, the first paragraph is used.",
    confirmHint: "Confirmed signatures count only once the signer clicks the link we email.",
    confirmDefault: "Confirm by email if the site sends email (default)",
    confirmYes: "Always confirm by email",
    confirmNo: "Count signatures at once",
    reviewOrganizations: "Organizations' signatures wait for an organizer's approval before they count",
    optional: (label: string) => `${label} (optional)`,
    closesAtLabel: "Date and time",
    closesAtHint:
      "As the clocks read in the time zone below. Signing stops then by itself; the public page shows it with its zone.",
    timeZoneHint: "Listed by country, then city.",
    create: "Create the draft",
    save: "Save",
    preview: "Preview",
    signedHint:
      "People have signed this letter: saving a change to its text shows “Updated on …” on the public page, and every version stays in its history.",
    previewHint:
      "The public page as it will look. Press Preview to see your changes (it follows your typing when JavaScript is on).",
    /** For a role that can't edit: the preview shows the letter as it is. */
    previewReadHint: "The letter's public page, as its readers see it.",
    previewFrame: "Preview of the public page",
    nothingToPreview: "Nothing to preview yet",
    shareTitle: "Share the draft",
    shareText:
      "Anyone with this link can read the draft (it is not listed anywhere, and search engines are told to skip it):",
    previewLink: "Preview link",
    copyPreviewLink: "Copy the link",
    previewLinkCopied: "Copied: paste it into your message.",
    previewLinkCopyFailed:
      "This browser could not copy it: the link is selected, copy it with the keyboard (Ctrl+C, or ⌘C on a Mac).",
    newPreviewLink: "New preview link",
    newPreviewLinkHint:
      "If the link reached someone it shouldn't have, make a new one: the link above stops working at once. Send the new one to whoever should still read the draft.",
    historyTitle: "History of the text",
    current: " (current)",
    revisionPublished: (signatures: number) =>
      `published, ${plural(L, signatures, { one: "# signature", other: "# signatures" })} then`,
    /** A version saved in a draft, made public when the letter was published: `when`, the catalog's `time`. */
    revisionPublishedLater: (when: string, signatures: number) =>
      `saved as a draft; published on ${when}, with ${plural(L, signatures, { one: "# signature", other: "# signatures" })} then`,
    revisionDraft: "draft",
    /** The language of a version, in a history that has more than one: "in Spanish". */
    revisionIn: (language: string) => `in ${language}`,
    previewDraftNotice: "Preview of a draft: this is how the page will look once published. It is not public.",
    /** The preview frame's notice for the stored letter, before anything is typed. */
    previewStoredNotice: "Preview: the public page as it is now.",
    previewNotice: "Preview: this is how the public page looks with these changes.",
  },

  translations: {
    title: "Translations",
    hint: (language: string) =>
      `Each translation has its own title and text; signatures are counted once, in whatever language they were made. This letter is written in ${language}.`,
    edit: (language: string) => `Edit the translation into ${language}`,
    itsPublicPage: "its public page",
    translate: (language: string) => `Translate into ${language}`,
  },

  translationEditor: {
    pageTitle: (language: string, title: string) => `${language}: ${title}`,
    existing: (language: string) => `Translation into ${language}`,
    new: (language: string) => `New translation into ${language}`,
    hint: (address: string) =>
      `Readers choose the language on the letter's page (or their browser chooses it): ${address}. Signatures are counted once, whatever the language they were made in.`,
    addresseeHint: "One line per line of the address.",
    bodyHint: "Markdown, as in the original, at most 100,000 characters.",
    summaryHint: "Optional: the first paragraph is used when it is empty.",
    save: "Save the translation",
    previewFrame: "Preview of the translated public page",
    original: (language: string) => `The original (${language})`,
    deleteTitle: "Delete this translation",
    deleteText: (language: string) =>
      `Readers of ${language} will see the original instead. Signatures are not affected.`,
    deleteButton: (language: string) => `Delete the translation into ${language}`,
    saved: "The translation is saved.",
    deleteQuestion: (language: string) => `Delete the translation into ${language}?`,
    deleteConsequences: (language: string, address: string) => [
      `Its title and text in ${language} are deleted for good; its public address (${address}) answers “not found”.`,
      "Signatures are not affected: they are counted once, whatever language they were made in.",
    ],
    deleteConfirm: "Delete the translation",
  },

  stage: {
    title: "Stage",
    draft: "Draft: only organizers, and people you give the preview link to, can see it.",
    open: "Open: published and taking signatures.",
    closed: "Closed: published; signing has ended.",
    delivered: "Delivered: published, closed, with its delivery note.",
    closesOn: "Signing closes on",
    deliveredOn: "Delivered on",
    publish: "Publish: open for signatures",
    close: "Close signing now",
    reopen: "Reopen for signatures",
    unpublish: "Back to draft",
    correctDelivery: "Correct the delivery",
    markDelivered: "Mark as delivered",
    deliveryHint: "Delivering closes signing. Each note is shown on the public page in its language.",
    /** `place`: the letter's zone as domain/time-zones.ts timeZonePlace names it (null: UTC). */
    deliveredOnHint: (today: string, place: string | null) =>
      `Today (${today}, ${place ? `${place} time` : "UTC"}) or earlier.`,
    saveDelivery: "Save the delivery",
    noteLabel: (language: string) => `Public note in ${language}`,
    noteExample: "For example: Delivered to the OAS on 20 December 2017.",
    noteHint: (language: string, original: string) =>
      `Shown on the page in ${language}; left empty, that page shows the note in ${original}.`,
    deleteTitle: "Delete this draft",
    deleteText: "The draft and its history are deleted for good.",
    deleteButton: "Delete the draft",
    closeQuestion: (title: string) => `Close signing of “${title}” now?`,
    closeConsequences: [
      "The sign form disappears from the public page, the card and the API at once: nobody can sign any more.",
      "Signatures already made stay as they are; people still waiting for their confirmation email can't confirm.",
      "You can reopen it later, until you mark it delivered.",
    ],
    closeConfirm: "Close signing now",
    /** Saving an open letter with a closing time that has passed (`moment`: views/format.ts formatMoment). */
    pastCloseQuestion: (title: string) => `Save a closing time that has passed, and close signing of “${title}” now?`,
    pastCloseConsequences: (moment: string) => [
      `The closing time you entered, ${moment}, has already passed: saving it closes signing at once.`,
      "The sign form disappears from the public page, the card and the API: nobody can sign any more.",
      "Signatures already made stay as they are; people still waiting for their confirmation email can't confirm.",
      "Your other changes are saved with it. Nothing is saved until you confirm.",
    ],
    pastCloseConfirm: "Save and close signing now",
    pastCloseRevise: "No, change the closing time",
    unpublishQuestion: (title: string) => `Take “${title}” back to draft?`,
    unpublishConsequences: [
      "The letter stops being public at once: its page, card, JSON and feeds answer “not found”.",
      "Links already shared stop working until you publish it again.",
    ],
    unpublishConfirm: "Take it back to draft",
    deleteQuestion: (title: string) => `Delete the draft “${title}”?`,
    deleteConsequences: [
      "The draft, its text, its translations and its history are deleted for good.",
      "This can't be undone.",
    ],
    deleteConfirm: "Delete the draft for good",
    unknownChange: "Unknown change",
  },

  /** What a letter's page says after an action, once back on it. */
  done: {
    notifications: "Notifications saved.",
    "translation-deleted": "The translation is deleted.",
    created: "The draft is saved. Publish it when it is ready.",
    saved: "Saved.",
    publish: "Published: the letter is open for signatures.",
    close: "Signing is closed.",
    reopen: "The letter is open for signatures again.",
    deliver: "The letter is marked as delivered.",
    unpublish: "The letter is a draft again: it is no longer public.",
    previewLink: "There is a new preview link. The one before it no longer works.",
  },

  revision: {
    /** `when`: the catalog's `time` (date, time and zone). */
    title: (when: string, title: string) => `Version of ${when}: ${title}`,
    back: "Back to the letter",
    savedPublished: (when: string, signatures: number) =>
      `The text as saved on ${when}: published, ${plural(L, signatures, { one: "# signature", other: "# signatures" })} then.`,
    /** `published`: when the letter's publication made this draft's text public (the catalog's `time`). */
    savedPublishedLater: (when: string, published: string, signatures: number) =>
      `The text as saved on ${when}, in a draft: published with the letter on ${published}, ${plural(L, signatures, { one: "# signature", other: "# signatures" })} then.`,
    savedDraft: (when: string) => `The text as saved on ${when}: a draft, never made public.`,
  },

  exports: {
    title: "Export",
    listed: "The signatures listed here, as a spreadsheet (CSV)",
    confirmed: "Confirmed signatures, as a spreadsheet (CSV)",
    every: "Every signature, whatever its status, as a spreadsheet (CSV)",
    delivery: "Delivery document: the letter and its signatories, ready to print or save as PDF",
  },

  /**
   * The CSV files organizers download: the column headings of the signatures' file
   * (domain/signature-export.ts EXPORT_COLUMNS; a column of times is headed with the zone its times are
   * in: "Signed at (America/Tegucigalpa)") and of the activity log's, beside the words the pages
   * already have (activity.person…). Their values are the pages' words: statuses, channels, kinds.
   * Our own import recognises these headings, in every language (domain/signature-import.ts).
   */
  csv: {
    signatures: {
      kind: "Kind",
      name: "Name",
      organization: "Organization or affiliation",
      title: "Title",
      city: "City",
      countryCode: "Country code",
      country: "Country",
      website: "Website",
      contactName: "Contact name",
      contactRole: "Contact role",
      email: "Email",
      authorizedAt: "Authorized at",
      verification: "Verification",
      verifiedAt: "Verified at",
      verifiedDomain: "Verified domain",
      status: "Status",
      public: "Public",
      channel: "Channel",
      import: "Import",
      source: "Source",
      flag: "Flag",
      signedAt: "Signed at",
      confirmedAt: "Confirmed at",
      position: "Position",
    },
    /** The activity log's time column (its times are in the reader's time zone, which its heading names) and its detail column. */
    activityTime: "Time",
    activityDetail: "Detail",
    /**
     * The words of the downloaded files' names: lower-case ASCII letters and digits joined by
     * hyphens (no accents, no spaces: a name every system and mail client keeps as it is).
     */
    fileNames: {
      /** Which signatures a letter's file holds ("{slug}-confirmed-signatures-2026-11-30.csv"): every status, or one. */
      signatures: {
        all: "all-signatures",
        unconfirmed: "unconfirmed-signatures",
        in_review: "in-review-signatures",
        confirmed: "confirmed-signatures",
        rejected: "rejected-signatures",
        hidden: "hidden-signatures",
        withdrawn: "withdrawn-signatures",
      },
      /** After those words when a filter narrows the file further ("…-all-signatures-filtered-2026-11-30.csv"). */
      filtered: "filtered",
      /** The activity log's file ("activity-2026-11-30.csv"). */
      activity: "activity",
      /** After the imported file's name, for its refused rows ("members-refused.csv"). */
      refused: "refused",
    },
  },

  kept: {
    filesNote:
      "A file you chose can't be kept by the browser: once this is sent, choose the file again on the page it leads to.",
    endedTitle: "Your session has ended",
    endedHeading: "Your session has ended: what you typed is kept",
    endedText: "Nothing was saved yet, and nothing is lost: what you sent is held on this page. Keep this tab open.",
    logInAgain: "Log in again in a new tab",
    orAnotherWindow: "(or in another window).",
    comeBack: "Come back to this tab and press “Send again”. You will see what will be sent before it is.",
    sendAgain: "Send again",
    resumeTitle: "Send what you typed",
    resumeHeading: "You are logged in again",
    resumeText: "Press “Send” to send what you typed before your session ended, as you typed it.",
    staleHeading: "This page is from before you last signed in",
    staleText:
      "You signed in again since this page was opened (in another tab or on another device), so nothing was done yet. Check what will be sent, then press “Send”.",
    missingHeading: "Nothing was done yet: send it again",
    missingText:
      "The form arrived without its security code (an old copy of the page, or something in the browser removed it), so nothing was done. Check what will be sent, then press “Send”.",
    whatWillBeSent: "What will be sent",
    /** The kept fields of forms other than the letter editor and a signature entered by hand, by field name. */
    fields: {
      name: "Name",
      email: "Email",
      role: "Role",
      reason: "Reason",
      label: "Description",
      paste: "Pasted text",
      webhook_url: "Webhook address",
      delivered_on: "Delivery date",
      delivery_note: "Delivery note",
      language: "Language",
    } as Record<string, string>,
    /** A kept field no form label names. */
    otherField: "Other field",
    send: "Send",
    dontSend: "Don't send it",
  },

  notifications: {
    title: "Notifications",
    webhookUrl: "Webhook address",
    summaryEmail: "Daily summary",
    webhookLabel: "Send each new signature to another system (optional)",
    webhookHint:
      "Paste the address your CRM or automation tool gives you for incoming webhooks (it starts with https://). Each time a signature starts to count, its details go there within a minute; if that system is down, they are sent again for about four hours. Leave empty to send nothing.",
    includeEmail:
      "Also send signers' email addresses (only if your letter tells signers that this system will keep them)",
    secretLabel: "Secret that proves a delivery came from here",
    /** Text between backticks is shown as code. */
    secretHint:
      "Give it to whoever set up the receiving system, and to nobody else. For them: deliveries are signed as Standard Webhooks says (`webhook-id`, `webhook-timestamp`, `webhook-signature`), so any Standard Webhooks library checks them with this secret.",
    /** Under the secret when it was made before Standard Webhooks (domain/webhook.ts isLegacyWebhookSecret). Text between backticks is shown as code. */
    legacySecretHint:
      "Systems set up before deliveries followed Standard Webhooks may still check `X-Undersigned-Signature` with this secret as it was shown then: that header is sent too until you save a new secret.",
    summaryLabel: "Daily summary to (optional)",
    /**
     * `at`: when today's summary goes out (ISO 8601; the cron's fixed hour in UTC), said on the wall
     * clock of `zone` (the letter's) and in UTC: "every day at 1:00 AM Honduras time (7:00 AM UTC)".
     */
    summaryHint: (at: string, zone: string) => {
      const utc = formatClock(at, "UTC", L);
      const place = timeZonePlace(zone, L);
      const when = place ? `${formatClock(at, zone, L)} ${place} time (${utc} UTC)` : `${utc} UTC`;
      return `An email every day at ${when} with the new signatures of the last 24 hours and what waits for review.`;
    },
    save: "Save notifications",
    saveWithNewSecret: "Save with a new secret",
    sendTest: "Send a test delivery",
    sendTestHint: (url: string) =>
      `Sends a sample to ${url}, signed like a real one but with no signature in it, and shows what that system answered.`,
    deliveriesCaption: "Latest signatures sent to the other system",
    delivery: "Delivery",
    queued: "Queued",
    outcome: "Outcome",
    tries: "Tries",
    lastAnswer: "Last answer",
    states: {
      pending: "will be tried again",
      delivered: "delivered",
      failed: "gave up",
      skipped: "skipped (no longer counted)",
    },
    /** `time`: the catalog's `time` (date, time and zone). */
    nextTry: (time: string) => `; next try: ${time}`,
    testTitle: (title: string) => `Test delivery: ${title}`,
    backTo: (title: string) => `← Notifications of “${title}”`,
    testTaken: "The test delivery was taken",
    testFailed: "The test delivery did not go through",
    sentTo: (url: string) => `Sent to ${url}.`,
    status: "Status",
    answer: "Its answer",
    answerBeginning: "Its answer (the beginning)",
    empty: "(empty)",
    sendAnother: "Send another test delivery",
    back: "Back to the notifications",
    rotateQuestion: "Replace the webhook's signing secret?",
    rotateConsequences: [
      "The old secret stops working at once: every delivery from now on is signed with the new one.",
      "Your receiving server rejects them until you give it the new secret, shown on the letter's page after this.",
      "The other notification settings are saved as you left them.",
    ],
    rotateConfirm: "Save with a new secret",
    /** A delivery's last answer when the receiver answered but did not take it. */
    answeredStatus: (status: number) => `The address answered ${status}.`,
    /** Why a delivery did not reach the receiver (domain/webhook.ts WebhookFailureKind); `seconds`: the time it is given. */
    failures: {
      timeout: (seconds: number) => `The receiver did not answer within ${formatNumber(seconds, L)} seconds.`,
      tls: "The receiver's secure connection could not be trusted: its HTTPS certificate is missing, expired or made out to another address.",
      network: "The address could not be reached: no system answered there, or its secure connection failed.",
      refused:
        "Nothing was sent: this address is not accepted any more (it must start with https:// and name a public host, with no IP address, port, user name or password).",
    },
    /** After a test delivery's failure: what to do about it. */
    testAdvice: {
      timeout: "Check that the receiving system is running, and that it answers as soon as it has the delivery.",
      tls: "Ask whoever runs the receiving system to renew or correct its certificate.",
      network:
        "Check the address for a typo, that the receiving system is running, and that its HTTPS certificate is valid.",
      refused: "Save the receiving system's public https:// address, then send another test delivery.",
    },
    /** What the receiver's HTTP status means for a test delivery, in words to pass on to whoever runs it. */
    testAnswered: (status: number) => {
      if (status >= 200 && status <= 299)
        return `It answered ${status}: it took the delivery. Real deliveries will reach it.`;
      if (status >= 300 && status <= 399)
        return `It answered ${status}, a redirect: deliveries are never redirected. Save the address it redirects to instead.`;
      if (status === 401 || status === 403)
        return `It answered ${status}: it refused the delivery. Check that it was given this letter's current secret.`;
      if (status === 404) return "It answered 404: nothing is at that address. Check the address for a typo.";
      if (status >= 500)
        return `It answered ${status}: its server had a problem. Real deliveries would be tried again for about four hours.`;
      return `It answered ${status}: it did not take the delivery. Real deliveries would be tried again for about four hours.`;
    },
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
    signatureCounts: (counted: number, waiting: number) =>
      `Signatures: ${formatNumber(counted, L)} counted, ${formatNumber(waiting, L)} waiting`,
  },

  /** People (/admin/people, owners only): the accounts, inviting a colleague, and what each action came to. */
  people: {
    title: "People",
    intro: "Everyone who can sign in to this organizer area, and what each may do.",
    rolesSummary: "What each role may do",
    /** What each role is for, after its name (People, Your account, an invitation and its email). */
    /** What each role may do, as a phrase without a colon (sentences put it after one of theirs). */
    roleDoes: {
      owner: "everything — people, settings, webhooks, letters and signatures",
      editor: "letters — text, translations, stages, order of organizations",
      moderator: "signatures — review, hide, restore, hand entry, import, exports",
      viewer: "reads letters and counts; no personal data",
    },
    caption: "People with an account",
    name: "Name",
    email: "Email",
    role: "Role",
    status: "Status",
    lastSignIn: "Last sign-in",
    actions: "Actions",
    you: " (you)",
    noEmail: "— (signs in with the admin token)",
    /** The admin token's account's name while nobody renamed it (migrations/0022 stores it in English). */
    bootstrapName: "Owner (admin token)",
    /** A person's name as the area shows it: the admin token's account's stored English name in this language (bootstrapName), any other as given. */
    nameOf: (person: NamedPerson) => (isUnrenamedBootstrap(person) ? en.people.bootstrapName : person.name),
    roleOf: (name: string) => `Role of ${name}`,
    change: "Change",
    changeRoleOf: (name: string) => ` the role of ${name}`,
    statuses: { active: "active", invited: "invited", disabled: "disabled" },
    never: "never",
    resend: "Resend the invitation",
    resendTo: (name: string) => ` to ${name}`,
    enable: "Enable",
    disable: "Disable",
    inviteHeading: "Invite a colleague",
    labels: { name: "Name", email: "Email address", role: "Role", language: "Their language" },
    nameHint: "How colleagues and the activity log will name them.",
    emailHint: "The invitation goes there, and they sign in with it. It is shown only to owners.",
    languageHint:
      "The invitation is written in it, and their organizer area opens in it. They can change it later with the language buttons.",
    send: "Send the invitation",
    linkLasts: (days: number) =>
      plural(L, days, {
        one: "The link in the email works once, within # day.",
        other: "The link in the email works once, within # days.",
      }),
    done: {
      invited: "The invitation is sent. The link in it works once, within 7 days.",
      "not-sent": "The account is made, but the email could not be sent. Try “Resend the invitation” in a moment.",
      resent: "A new invitation is sent; the earlier link no longer works.",
      role: "The role is changed. It applies to their next page.",
      disabled: "The account is disabled: its sessions ended, and it can't sign in.",
      enabled: "The account is enabled again. They sign in with a link sent to their address.",
    },
    exists: (email: string, name: string, disabled: boolean) =>
      `${email} already has an account (${name}${disabled ? ", disabled" : ""}).`,
    disableQuestion: (name: string) => `Disable ${name}?`,
    disableConsequences: [
      "They are signed out everywhere at once, and their sign-in links stop working.",
      "They can't sign in until an owner enables the account again.",
      "What they did stays in the records under their name.",
    ],
    /** In place of Disable and the role's choice, for the last active owner (app/organizer-accounts.ts lastOwners). */
    lastOwner: "The last active owner: can't be disabled or take another role until there is another active owner.",
    /** In place of the invitation form, when no mailer is set up. */
    noMailer:
      "No email can be sent from this site yet, so nobody can be invited: ask whoever runs it to set up a mailer (MAILER, RESEND_API_KEY and MAIL_FROM).",
    disableConfirm: (name: string) => `Disable ${name}`,
  },

  /** Your account (/admin/account, any role). */
  account: {
    title: "Your account",
    email: "Email",
    noEmail: "none: this account signs in with the admin token",
    role: "Role",
    nameHeading: "Your name",
    nameLabel: "Your name",
    nameHint: "How colleagues and the activity log name you.",
    saveName: "Save the name",
    sessionsHeading: "Where you are signed in",
    noSessions: "No sessions: you reach this area through your organization's sign-in (Cloudflare Access).",
    caption: "Your sessions, newest first",
    device: "Device",
    signedIn: "Signed in",
    lastActive: "Last active",
    /** The "last active" of the session the page is seen in. */
    activeNow: "active now",
    with: "With",
    actions: "Actions",
    unknownDevice: "Unknown browser",
    /** A device as "Chrome on Android". */
    deviceOn: (browser: string, system: string) => `${browser} on ${system}`,
    thisOne: " (this one)",
    via: { "admin-token": "the admin token", "magic-link": "an emailed link", passkey: "a passkey" },
    logOutHere: "Log out here",
    end: "End",
    /** After "End" or "Log out here", for screen readers. */
    whichSession: (device: string, since: string) => ` the session on ${device} since ${since}`,
    logOutEverywhere: "Log out everywhere",
    logOutEverywhereHint: " Ends every session above, this one too: use it if you lost a device.",
    passkeysHeading: "Passkeys",
    passkeysText: "Sign in with your device's fingerprint, face or PIN instead of an emailed link.",
    passkeysLink: "Your passkeys",
    tokensHeading: "API tokens",
    tokensText: "Tokens for programs that use the organizers' API with your role.",
    tokensLink: "Your API tokens",
    done: { name: "Your name is saved.", ended: "That session has ended." },
  },

  /** The pages of emailed links: "check your email", the page a link opens, and a link that no longer works. */
  signInLinks: {
    sentTitle: "Check your email",
    sent: (minutes: number) =>
      `If that address belongs to an organizer, a link is on its way. It signs you in once, within ${plural(L, minutes, { one: "# minute", other: "# minutes" })}.`,
    nothingArrived:
      "Nothing arrived after a few minutes? Look in your spam folder, or check the address and ask again. To protect your mailbox, at most 3 links are sent to one address from one place in 15 minutes: after that, wait a quarter of an hour.",
    tooManyTitle: "No link was sent",
    /** A request past the limits (app/organizer-accounts.ts admitSignInLinkRequest): `seconds` to wait. */
    tooMany: (seconds: number) =>
      `Too many sign-in links were asked for, for this address or from your connection, in a short time, so none was sent now. Ask again in ${seconds < 60 ? plural(L, seconds, { one: "# second", other: "# seconds" }) : plural(L, Math.ceil(seconds / 60), { one: "# minute", other: "# minutes" })}. A link sent earlier still works within 15 minutes of being sent.`,
    backToLogin: "Back to the login page",
    acceptTitle: "Accept the invitation",
    signInTitle: "Sign in",
    welcome: (name: string) => `Welcome, ${name}`,
    signInAs: (name: string) => `Sign in as ${name}`,
    /** `role`: its name inside a sentence; `does`: people.roleDoes. */
    invitedAs: (role: string, does: string) => `You are invited to the organizer area as ${role}: ${does}.`,
    accept: "Accept and sign in",
    signIn: "Sign in",
    onceOnly: "The link works once. If you did not ask for it, close this page.",
    expiredInvitation: "This invitation has expired",
    expiredLink: "This sign-in link has expired",
    usedInvitation: "This invitation was used already",
    usedLink: "This sign-in link was used already",
    unknown: "This link does not work",
    replacedInvitation: "This invitation was replaced by a newer one",
    replacedLink: "This sign-in link was replaced by a newer one",
    useLatest: "Use the link in the latest email from us: each new one replaces those sent before.",
    joinedAlready: "You have joined already",
    joinedSaid: "This invitation stopped working when you first signed in. From now on, sign in from the login page.",
    supersededLink: "This sign-in link no longer works",
    supersededSaid:
      "You signed in with another link since this one was sent: once one of your links is used, the others stop working.",
    withdrawnInvitation: "This invitation was withdrawn",
    withdrawnLink: "Your access to the organizer area was removed",
    withdrawnSaid:
      "An owner of the organizer area removed this account's access. If you think this is a mistake, ask the person who invited you.",
    restoredInvitation: "This invitation no longer works",
    restoredLink: "This sign-in link no longer works",
    restoredSaid:
      "It stopped working when this account's access to the organizer area was removed. The access has been given back since.",
    invitationsLast: (days: number) =>
      plural(L, days, { one: "Invitations work for # day.", other: "Invitations work for # days." }),
    linksLast: (minutes: number) =>
      plural(L, minutes, { one: "Sign-in links work for # minute.", other: "Sign-in links work for # minutes." }),
    onceAndActive: "Each link works once, and only for an active account.",
    askOwner:
      "Ask the owner who invited you to send a new invitation, or, if you accepted it already, ask for a sign-in link.",
    askAgain: "Ask for a new one (at most 3 in 15 minutes).",
    newLink: "Email me a new sign-in link",
    toLogin: "Go to the login page",
  },

  /** The emails with a sign-in link or an invitation, in their reader's language. */
  mail: {
    signInSubject: (site: string) => `Your sign-in link for ${site}`,
    signIn: (p: { name: string; site: string; minutes: number; link: string }) => [
      `Hello ${p.name},`,
      "",
      `Open this link to sign in to the organizer area of ${p.site}. It works once, within ${plural(L, p.minutes, { one: "# minute", other: "# minutes" })}:`,
      "",
      p.link,
      "",
      "If you did not ask for it, ignore this email: nobody can sign in without the link.",
    ],
    /** Who invited, when the invitation has no person behind it. */
    anOwner: "An owner",
    invitationSubject: (invitedBy: string, site: string) => `${invitedBy} invites you to the organizer area of ${site}`,
    /** `role`: its name inside a sentence; `does`: people.roleDoes. */
    invitation: (p: {
      name: string;
      invitedBy: string;
      site: string;
      role: string;
      does: string;
      days: number;
      link: string;
    }) => [
      `Hello ${p.name},`,
      "",
      `${p.invitedBy} invites you to help run the letters of ${p.site}, as ${p.role} (${p.does}).`,
      "",
      `Open this link to accept. It works once, within ${plural(L, p.days, { one: "# day", other: "# days" })}:`,
      "",
      p.link,
      "",
      "Later, sign in with a link sent to this address from the organizer area's login page.",
      "If you did not expect this invitation, ignore this email.",
    ],
  },

  /** The daily summary email of a letter, in its reader's language (the account with that address, else English). */
  summaryMail: {
    subject: (counted: number, title: string) =>
      `${counted > 0 ? `+${formatNumber(counted, L)}` : "No new signatures"} · ${title}`,
    text: (p: {
      title: string;
      total: number;
      counted: number;
      waiting: number;
      flagged: number;
      adminUrl: string | null;
    }) => [
      `In the last 24 hours on "${p.title}":`,
      "",
      `- ${plural(L, p.counted, { one: "# new signature counted", other: "# new signatures counted" })} (${plural(L, p.total, { one: "# signature", other: "# signatures" })} in all)`,
      `- ${plural(L, p.waiting, { one: "# signature waits", other: "# signatures wait" })} for your review`,
      `- ${plural(L, p.flagged, { one: "# new signature was", other: "# new signatures were" })} flagged as suspicious`,
      "",
      ...(p.adminUrl ? ["Review them:", p.adminUrl, ""] : []),
      "You get this email because your address is set for this letter's daily summary in the organizer area.",
    ],
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
    /** The button beside the new token (with script only), and what it says in a live region once pressed. */
    copy: "Copy the token",
    copied: "Copied: paste it where your program keeps its settings.",
    copyFailed:
      "This browser could not copy it: the token is selected, copy it with your keyboard (Ctrl+C, or ⌘C on a Mac).",
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
    lastUsed: "Last used (to the hour)",
    neverUsed: "Never",
    /**
     * A token's last use, noted to the hour (storage/api-tokens.ts touchApiToken): the hour's start,
     * a moment in the reader's time zone (the area's `time`).
     */
    usedInHour: (time: string) => `In the hour from ${time}`,
    /** Owners only: the link to People (each person's role). */
    whoMayDoWhat: "Who may do what: People",
    routesListed:
      "The routes a token can call, with what they answer and their errors, are listed in the README, in the table of the organizers’ JSON API.",
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
    goneTitle: "No such token",
    adminTokenAccountTitle: "Not for the admin token's account",
    adminTokenAccount:
      "The admin token's account can't hold API tokens: they would keep working after the admin token changes. Invite yourself by email as an owner (People), sign in with that account, and make tokens there.",
    tooMany: (limit: number) => `You have ${limit} tokens already: revoke one you no longer use first.`,
  },

  signatures: {
    title: (title: string) => `Signatures: ${title}`,
    heading: "Signatures",
    actions: { approve: "Approve", reject: "Reject", hide: "Hide", restore: "Restore" },
    statuses: {
      unconfirmed: "waiting for email confirmation",
      in_review: "waiting for review",
      confirmed: "counted",
      rejected: "rejected",
      hidden: "hidden",
      withdrawn: "withdrawn",
    },
    channels: {
      initial: "letter file",
      form: "sign form",
      api: "API",
      manual: "entered by hand",
      import: "imported",
    } as Record<string, string>,
    flags: {
      "many-from-one-connection": (count: number, minutes: number) =>
        `${count} or more signatures from one connection within ${minutes} minutes`,
      "many-from-one-email-domain": (count: number, minutes: number) =>
        `${count} or more signatures from one email domain (not a webmail) within ${minutes} minutes`,
      "organization-domain-taken": "its contact's email domain already verifies another organization of this letter",
    },
    flagged: (reason: string) => `flagged: ${reason}`,
    verifiedByOrganizers: (on: string) => `Verified by the organizers on ${on}`,
    verifiedByDomain: (on: string, domain: string) =>
      `Verified by email domain on ${on}: its contact confirmed an address at ${domain}`,
    itsWebsiteDomain: "its website's domain",
    authorizedOn: (on: string) => `Authorized: stated on ${on}`,
    authorizedByOrganizers: "Authorized: entered by organizers",
    authorizedNotStated: "Authorized: not stated (signed before the statement was asked)",
    contact: (contact: string) => `Contact: ${contact}`,
    noContact: "none given",
    website: "Website:",
    notVerified: "not verified",
    removingForgets: (domain: string) => ` Removing the mark forgets ${domain} for it.`,
    importedFrom: (name: string) => `Imported from ${name}`,
    importNumber: (id: number) => `import ${id}`,
    organization: "Organization",
    individual: "Individual",
    signedAt: "signed",
    sharedTitle: "Signed twice from one mailbox?",
    sharedText:
      "These signatures were made before signatures were compared by mailbox. Each pair came from one inbox in two spellings of its address (with and without dots in a Gmail address, a +tag, googlemail.com for gmail.com, or capitals). Both are still as they were: nothing was removed or uncounted. If one person signed twice, hide one of the two.",
    sharedCaption: "Pairs of signatures from one mailbox",
    signature: "Signature",
    sameMailboxAs: "Same mailbox as",
    onlyFirstPairs: (count: number) =>
      plural(L, count, { one: "Only the first pair is shown.", other: "Only the first # pairs are shown." }),
    select: (name: string) => `Select ${name}`,
    notListed: " · not listed publicly",
    none: "none",
    email: "Email",
    status: "Status",
    cameThrough: "Came through",
    signed: "Signed",
    actionsColumn: "Actions",
    resend: "Send the confirmation email again",
    resendTo: (name: string) => ` to ${name}`,
    confirmFor: "Confirm",
    confirmForSigner: " for the signer…",
    removeMark: "Remove the verified mark",
    removeMarkFrom: (name: string) => ` from ${name}`,
    mark: "Mark",
    markVerified: " verified",
    filterLabel: "Filter the signatures",
    search: "Search",
    searchPlaceholder: "Name, organization, contact or email",
    any: "Any",
    kind: "Kind",
    organizations: "Organizations",
    individuals: "Individuals",
    country: "Country",
    from: "Signed from",
    to: "Signed until",
    verified: "Verified",
    verifiedOrganizations: "Verified organizations",
    unverifiedOrganizations: "Organizations not verified",
    flaggedOnly: "Flagged only",
    filter: "Filter",
    clear: "Clear",
    filterProblems: "The filter has problems",
    summary: (counted: number, organizations: number, individuals: number, waiting: number) =>
      `${formatNumber(counted, L)} counted (${plural(L, organizations, { one: "# organization", other: "# organizations" })}, ${plural(L, individuals, { one: "# individual", other: "# individuals" })}); ${formatNumber(waiting, L)} waiting.`,
    setOrder: "Set the order of organizations",
    importSignatures: "Import signatures",
    matching: (count: number) => plural(L, count, { one: "# signature matches.", other: "# signatures match." }),
    matchingMore: (count: number) =>
      plural(L, count, { one: "More than # signature matches.", other: "More than # signatures match." }),
    /** A search's count among the `searched` signatures it looked through (older ones left to search). */
    matchingWithin: (count: number, searched: number) => {
      const n = formatNumber(searched, L);
      return count === 0
        ? `None of the ${n} newest signatures from the top of this page matches.`
        : plural(L, count, {
            one: `# signature matches among the ${n} newest from the top of this page.`,
            other: `# signatures match among the ${n} newest from the top of this page.`,
          });
    },
    olderNotSearched: "Older signatures are not searched yet.",
    matchingFromPage: (count: number) =>
      plural(L, count, {
        one: "# signature matches from the top of this page to the letter’s first signature.",
        other: "# signatures match from the top of this page to the letter’s first signature.",
      }),
    noneAmong: (searched: number) => `None among these ${formatNumber(searched, L)} signatures.`,
    noneFromPage: "No signature matches from the top of this page to the letter’s first signature.",
    searchOlder: "Search older signatures",
    searchOn: "Go on with this search in older signatures",
    bulkLegend: "Change several at once",
    action: "Action",
    scopeSelected: "The rows I selected",
    scopePage: (count: number) => plural(L, count, { one: "The 1 row on this page", other: "All # rows on this page" }),
    scopeMatching: (count: number) => plural(L, count, { one: "The 1 that matches", other: "All # that match" }),
    scopeMatchingAll: "All that match, among every signature of the letter (the review says how many)",
    scopeMatchingMore: (count: number) =>
      plural(L, count, { one: "All that match (more than 1)", other: "All that match (more than #)" }),
    review: "Review the change",
    noneMatch: "No signature matches.",
    caption: "Signatures, newest first",
    signatory: "Signatory",
    older: "Older signatures",
    manual: {
      labels: {
        kind: "Kind",
        organization_name: "Organization's name",
        website: "Website",
        contact_name: "Contact's name",
        contact_role: "Contact's role",
        name: "Person's name",
        organization: "Affiliation",
        title: "Title",
        city: "City",
        country: "Country",
        email: "Email",
        received: "Received",
      } as Record<string, string>,
      title: "Add a signature received on paper or by email",
      hint: "It counts at once, marked as entered by hand. One signature per organization: an organization that has already signed (its name compared without accents, capitals or punctuation) can't be added again. With an email address, a person can't sign again with it; an organization's contact may also sign as a person.",
      whoSigned: "Who signed",
      whoSignedHint: "Fill in only the fields of the one who signed.",
      anOrganization: "An organization",
      aPerson: "A person",
      organizationLegend: "If it is an organization",
      organizationName: "Organization's name (public)",
      organizationNameHint: "Names may begin with + - or @, like +Acumen.",
      website: "Organization's website (optional, public)",
      websiteHint: "Like example.org or https://example.org/",
      contactName: "Contact person's name (optional, never shown publicly)",
      contactRole: "Contact person's role in it (optional, never shown publicly)",
      personLegend: "If it is a person",
      name: "Person's full name (public)",
      affiliation: "Affiliation (optional, public)",
      personTitle: "Title (optional, public)",
      city: "City (optional)",
      country: "Country (optional)",
      email: "Email (optional, never shown)",
      emailHint: "For an organization, its contact person's.",
      received: "Received",
      receivedBy: { paper: "On paper", email: "By email", other: "Another way" },
      /** How a signature entered by hand came, in the list's "Came through" column (said once, for its channel too). */
      receivedAs: { paper: "received on paper", email: "received by email", other: "entered by hand" },
      listPublicly: "List the name publicly",
      add: "Add the signature",
    },
  },

  /** What the signatures page says after an action (flash messages) and why an entry by hand was refused. */
  moderation: {
    moderated: { approve: "approved", reject: "rejected", hide: "hidden", restore: "restored" },
    verified: "The organization is marked verified by the organizers. The public lists show the mark now.",
    "already-verified": "Nothing changed: the organization was already verified.",
    unverified: "The verified mark is removed. The public lists no longer show it.",
    "unverified-domain":
      "The verified mark is removed, and so is the email domain its contact had proved: that domain no longer keeps another organization of this letter from being verified by it.",
    "not-verified": "Nothing changed: the organization was not verified.",
    added: "The signature is added and counted.",
    confirmedOnRequest: "The signature is confirmed for its signer; your reason is in the activity log.",
    resent: (days: number, left: number, max: number) =>
      `The confirmation email is sent again, with a link that works for ${plural(L, days, { one: "# day", other: "# days" })}. ${
        left === 0
          ? "That was the last one its allowance takes today."
          : `${formatNumber(left, L)} more can be sent today (${formatNumber(max, L)} in 24 hours at most).`
      }`,
    done: (action: "approve" | "reject" | "hide" | "restore", count: number) => {
      const past = en.moderation.moderated[action];
      return `${past.charAt(0).toUpperCase()}${past.slice(1)} ${plural(L, count, { one: "# signature", other: "# signatures" })}.`;
    },
    held: (action: "approve" | "reject" | "hide" | "restore", count: number) =>
      `${plural(L, count, { one: "# organization was", other: "# organizations were" })} not ${en.moderation.moderated[action]}: another signature for the same organization now exists (hide or reject it first).`,
    emailTaken: "This email address has already signed the letter.",
    organizationTaken: (name: string | null, status: string | null, remedy: "hide" | "reject" | "aside") =>
      `This organization has already signed the letter${name ? ` as “${name}”` : ""}${status ? ` (its signature is ${status})` : ""}: one signature per organization. Find it in the list below; if it is not the organization's own, ${
        remedy === "hide" ? "hide it first" : remedy === "reject" ? "reject it first" : "set it aside first"
      }.`,
    badPageLink: "This page link is not valid",
    badPageLinkText: "The link to this page of signatures is broken. Go back to the first page.",
    filterProblems: "The filter has problems",
    chooseAction: "Choose an action",
    noneSelected:
      "Select at least one signature: tick the ones to change, or choose every one on this page or every one that matches.",
    badExportFilter: "That filter could not be used",
    orderSaved: "The order is saved.",
  },

  bulk: {
    title: (action: string) => `${action}: signatures`,
    question: (action: string, count: number) =>
      `${action} ${plural(L, count, { one: "# signature", other: "# signatures" })}?`,
    button: (action: string, count: number) =>
      `${action} ${plural(L, count, { one: "# signature", other: "# signatures" })}`,
    /**
     * The review's sentence: of the signatures `scope` takes (`considered`), how many the change
     * applies to (`applicable`), and why the others stay as they are; `moderated` is
     * moderation.moderated's word for the action.
     */
    applies: (scope: "selected" | "page" | "matching", considered: number, applicable: number, moderated: string) => {
      if (considered === 1) {
        const which = {
          selected: "The signature you selected",
          page: "The only signature on the page",
          matching: "The only signature that matches the filter",
        }[scope];
        return applicable === 1
          ? `${which} can be ${moderated}.`
          : `${which} can't be ${moderated}: its status does not allow it.`;
      }
      const count = formatNumber(considered, L);
      const of = {
        selected: `Of the ${count} signatures you selected`,
        page: `Of the ${count} signatures on the page`,
        matching: `Of the ${count} signatures that match the filter`,
      }[scope];
      if (applicable === 0) return `${of}, none can be ${moderated}: their status does not allow it.`;
      const others = considered - applicable;
      const rest =
        others === 0
          ? ""
          : plural(L, others, {
              one: "; the other one is not affected: its status does not allow it",
              other: "; the other # are not affected: their status does not allow it",
            });
      return `${of}, ${formatNumber(applicable, L)} can be ${moderated}${rest}.`;
    },
    /** The heading of the selected signatures the change leaves as they are (each then with its status). */
    /**
     * The review's sentence for everything a filter matches when a count stopped at its bound
     * (app/moderation.ts previewBulkModeration `more`): "more than" for that one, never as exact.
     */
    appliesBeyond: (
      considered: number,
      consideredMore: boolean,
      applicable: number,
      applicableMore: boolean,
      moderated: string,
    ) => {
      const of = `${consideredMore ? "more than " : ""}${formatNumber(considered, L)}`;
      const can = applicableMore
        ? `more than ${formatNumber(applicable, L)} can`
        : applicable === 0
          ? "none can"
          : `${formatNumber(applicable, L)} can`;
      return `Of the ${of} signatures that match the filter, ${can} be ${moderated}.`;
    },
    unaffected: "Not affected",
    limit: (count: number) =>
      `This changes the first ${formatNumber(count, L)} now. Run the same change again for the rest.`,
    firstNames: (count: number) => `The first ${formatNumber(count, L)} it changes`,
    allNames: "The signatures it changes",
    organization: "organization",
    person: "person",
    signed: "signed",
    more: (count: number) => `…and ${formatNumber(count, L)} more.`,
    nothing: "Nothing to change.",
    back: "Back to the signatures",
    cancel: "Cancel",
  },

  refused: {
    title: "Sign attempts refused",
    none: "No sign attempt has been refused.",
    hint: "Attempts that were filled in correctly but not kept: the signer was shown the form again, filled in, and asked to send it once more (or to wait). Nothing about who tried is kept.",
    caption: "Refused sign attempts by reason",
    why: "Why",
    recent: (days: number) => plural(L, days, { one: "Last day", other: "Last # days" }),
    total: "In all",
    reasons: {
      "too-fast": (seconds: number) => `Sent less than ${seconds} seconds after the form was shown`,
      "no-stamp": "Sent without the form's stamp (not from the letter's form, or a forged stamp)",
      expired: "Sent with a form shown more than a day before",
      honeypot: "Filled in the hidden field only robots see",
      turnstile: "Did not pass the Turnstile check",
      "rate-limited": "Too many attempts from one connection in a minute",
    },
  },

  confirm: {
    back: "No, go back",
  },

  activity: {
    title: "Activity",
    intro: (days: number) =>
      `Who did what in the organizer area, newest first. Each entry is kept ${plural(L, days, { one: "# day", other: "# days" })}, then deleted.`,
    filterHeading: "Narrow the log",
    person: "Person",
    anyone: "Anyone",
    system: "The system",
    noLongerActive: (name: string) => `${name} (no longer has access)`,
    action: "Action",
    anyAction: "Any action",
    letter: "Letter",
    anyLetter: "Any letter",
    from: "From",
    until: "Until",
    show: "Show",
    showAll: "Show everything",
    download: "Download these entries (CSV)",
    empty: "Nothing in the log matches.",
    caption: "Activity, newest first",
    older: "Older entries",
    onLetter: "Letter",
    deletedLetter: (title: string) => `${title} (deleted)`,
    signature: "Signature",
    erasedSignature: "a signature since erased",
    changes: "What changed",
    change: (field: string, before: string, after: string) => `${field}: ${before} → ${after}`,
    yes: "yes",
    no: "no",
    none: "none",
    /** A letter setting left unset, by field: what it means (null is never "none" for these). */
    unset: {
      confirmSignatures: "the site's default",
      closesAt: "no closing time",
    },
    /** A setting's yes and no, by field, where "yes" alone would be vague (null is activity.unset's). */
    settingValues: {
      confirmSignatures: { yes: "each signer confirms by email", no: "counted at once" },
    },
    /** A delivery's public note in one language: "Public note in Spanish". */
    noteIn: (language: string) => `Public note in ${language}`,
    /**
     * What an entry did, in one sentence, where its detail's code says more than its action: an
     * import's start and end, an invitation with whom it went to (then the detail is not repeated).
     */
    sentences: {
      importStarted: "started an import",
      importFinished: (imported: number) =>
        plural(L, imported, { one: "imported # signature", other: "imported # signatures" }),
      invited: (name: string, email: string, role: Role, sent: boolean) =>
        `invited ${name} (${email}) as ${en.layout.roleNames[role]}${sent ? "" : " (the email could not be sent)"}`,
      invitedAgain: (name: string, email: string, sent: boolean) =>
        `invited ${name} (${email}) again${sent ? "" : " (the email could not be sent)"}`,
    },
    /** A signature's newest log entry, in the signatures list: "Hidden by Ana, …". */
    lastChange: {
      label: "Last change",
      by: (what: string, who: string, when: string) => `${what} by ${who}, ${when}`,
      changed: "Changed",
      what: {
        "signature-approved": "Approved",
        "signature-rejected": "Rejected",
        "signature-hidden": "Hidden",
        "signature-restored": "Restored",
        "signature-confirmed": "Confirmed on request",
        "confirmation-resent": "Email sent again",
        "organization-verified": "Verified",
        "organization-unverified": "Verification removed",
        "signature-entered": "Entered by hand",
      } as Record<string, string>,
    },
    actions: ACTIVITY_LABELS,
    fields: {
      status: "Status",
      stage: "Stage",
      title: "Title",
      slug: "Address",
      date: "Date",
      language: "Language",
      addressee: "Addressee",
      summary: "Summary",
      confirmSignatures: "Email confirmation",
      reviewOrganizations: "Organizations reviewed",
      closesAt: "Closing time",
      closesTimeZone: "Closing time zone",
      timeZone: "Time zone",
      deliveredOn: "Delivered on",
      deliveryNotes: "Public notes",
      verified: "Verified",
      webhook: "Webhook",
      webhookGetsEmails: "Webhook gets emails",
      dailySummary: "Daily summary",
      mode: "Import mode",
      state: "Import step",
      answer: "Its answer",
      name: "Name",
      email: "Email",
      role: "Role",
    },
    /**
     * The system's own words among before/after values (domain/activity-details.ts ActivityValue):
     * statuses, stages, roles and import steps as the sections that show them word them (written
     * once, there); only the log's own values are written here.
     */
    get values(): Record<LoggedValue, string> {
      return {
        ...en.signatures.statuses,
        ...en.states,
        ...en.layout.roleNames,
        ...en.importUpload.states,
        organizers: "by the organizers",
        "email-domain": "by its email domain",
        on: "on",
        off: "off",
        "unreadable-address": "an address that can't be read",
        no: en.signatures.notVerified,
        none: en.activity.none,
        "site-default-email": "the site's default (each signer confirms by email)",
        "site-default-at-once": "the site's default (counted at once)",
        vouch: "the coalition vouches",
        confirm: "each signer confirms",
      };
    },
    /**
     * An entry's detail: a code (domain/activity-details.ts) and what its words take, worded when the log
     * is read. What people typed (a reason, a label, a name, a file's name) is an argument, shown as typed.
     * Once entries are stored, a code's arguments keep their meaning: to say something else, add a code.
     */
    details: {
      /** The reason an organizer typed (confirming a signature on its signer's request). */
      reason: (reason: string) => reason,
      received: (way: ReceivedWay) => ({ paper: "On paper.", email: "By email.", other: "Another way." })[way],
      inBulk: "In bulk.",
      domainForgotten: "The email domain its contact had proved was forgotten too.",
      organizationsOrdered: (placed: number, inSigningOrder: number) =>
        `${plural(L, placed, { one: "# organization placed", other: "# organizations placed" })}, ${formatNumber(inSigningOrder, L)} in signing order.`,
      textChanged: "The text changed: its versions are in the letter's history.",
      closingTimeCame: "Its closing time came.",
      /** `language`: a BCP 47 tag. */
      translationAdded: (language: string) => `A ${formatLanguageName(language, L)} translation was added.`,
      translationReplaced: (language: string) => `The ${formatLanguageName(language, L)} translation was replaced.`,
      /** The signatures' CSV file: of one status (null: all), narrowed by a filter or not (never the search typed). */
      signaturesCsv: (status: SignatureStatus | null, narrowed: boolean) => {
        const which = status
          ? {
              unconfirmed: "the signatures waiting for their email",
              in_review: "the signatures waiting for review",
              confirmed: "the counted signatures",
              rejected: "the rejected signatures",
              hidden: "the hidden signatures",
              withdrawn: "the withdrawn signatures",
            }[status]
          : "every signature, whatever its status";
        return `The signatures' CSV file: ${which}${narrowed ? ", narrowed by a filter" : ""}.`;
      },
      activityCsv: "The activity log's CSV file.",
      /** Signers' data (emails among it) read through the organizers' JSON API: logged once an hour per person and letter. */
      signaturesApi:
        "Signatures with signers' emails, read through the organizers' API (noted once an hour per letter).",
      /** An action or read through a bearer token: the API token's label, or null for the admin token. */
      /** Wrong secrets from one client network (an IPv4 /24 or IPv6 /64), at most one entry per network every 15 minutes. */
      signInRefused: (network: string, via: "admin-token" | "bearer") =>
        `A wrong ${via === "bearer" ? "API token" : "admin token"} from the network ${network} (more in the next 15 minutes are not noted).`,
      /** Past the cap of networks noted one by one (REFUSED_SIGN_IN_NETWORKS_LOGGED) in a window of `minutes`: one entry for the rest. */
      signInRefusedElsewhere: (networks: number, minutes: number) =>
        `Wrong tokens also came from other networks (more than ${formatNumber(networks, L)} networks in ${formatNumber(minutes, L)} minutes): they are not noted one by one.`,
      viaApiToken: (label: string | null) =>
        label === null ? "Through the admin token, on the API." : `Through the API token “${label}”.`,
      importFile: (fileName: string, id: number) => `“${importName(fileName)}” (import ${id}).`,
      importStarted: (fileName: string, id: number, toImport: number, notImported: number) =>
        `“${importName(fileName)}” (import ${id}): started with ${plural(L, toImport, { one: "# row", other: "# rows" })} to import, ${formatNumber(notImported, L)} not imported.`,
      /** Written once the import is done: `imported` signatures stored, `notImported` of its rows not. */
      importFinished: (fileName: string, id: number, imported: number, notImported: number) =>
        `“${importName(fileName)}” (import ${id}): done, ${plural(L, imported, { one: "# signature", other: "# signatures" })} imported, ${plural(L, notImported, { one: "# row", other: "# rows" })} not imported.`,
      refusedRows: (fileName: string, id: number) => `Refused rows of “${importName(fileName)}” (import ${id}), CSV.`,
      webhookSettings: (secretReplaced: boolean, summaryMoved: boolean) =>
        [
          secretReplaced ? "The webhook's signing secret was replaced." : "",
          summaryMoved ? "The daily summary goes to another address." : "",
        ]
          .filter((sentence) => sentence !== "")
          .join(" "),
      /** What the receiver of a test delivery answered (an HTTP status). */
      webhookAnswered: (status: number) => {
        if (status >= 200 && status <= 299) return `It answered ${status}: it took the delivery.`;
        if (status >= 300 && status <= 399)
          return `It answered ${status}, a redirect: deliveries are never redirected.`;
        if (status === 401 || status === 403) return `It answered ${status}: it refused the delivery.`;
        if (status === 404) return "It answered 404: nothing is at that address.";
        if (status >= 500) return `It answered ${status}: its server had a problem.`;
        return `It answered ${status}: it did not take the delivery.`;
      },
      webhookUnreachable: (kind: WebhookFailureKind) =>
        ({
          timeout: "The receiver did not answer in time.",
          tls: "The receiver's secure connection could not be trusted.",
          network: "The address could not be reached.",
          refused: "Nothing was sent: the address is not accepted any more.",
        })[kind],
      /** After "signed in". */
      signedInWith: (way: SignInWay) =>
        ({ "admin-token": "with the admin token", "magic-link": "with an emailed link", passkey: "with a passkey" })[
          way
        ],
      passkeyName: (name: string) => `“${name}”`,
      tokenLabel: (label: string) => label,
      invited: (name: string, email: string, role: Role, sent: boolean) =>
        `${name} <${email}> as ${en.layout.roleNames[role]}${sent ? "" : " (the email could not be sent)"}`,
      invitedAgain: (name: string, email: string, sent: boolean) =>
        `${name} <${email}> again${sent ? "" : " (the email could not be sent)"}`,
      /** The person an owner acted on, by the name they had. */
      person: (name: string) => name,
      accessRemoved: (name: string, sessions: number) =>
        `${name} (${plural(L, sessions, { one: "# session ended", other: "# sessions ended" })})`,
      oneSessionEnded: "one session",
      loggedOutEverywhere: (sessions: number) =>
        `log out everywhere (${plural(L, sessions, { one: "# session", other: "# sessions" })})`,
    },
  },

  passkeys: {
    title: "Passkeys",
    intro:
      "A passkey signs you in with your device's screen lock, fingerprint or face, or with a security key, instead of a link by email or the admin token. Nobody can use it from another site, and this site keeps only its public half.",
    yours: "Your passkeys",
    none: "You have no passkeys yet.",
    caption: "Your passkeys, oldest first",
    name: "Name",
    added: "Added",
    lastUsed: "Last used to sign in",
    actions: "Actions",
    notYet: "Not yet",
    renameLabel: (name: string) => `New name for “${name}”`,
    rename: "Rename",
    renameProblem: (message: string) => `New name: ${message}`,
    remove: (name: string) => `Remove “${name}”`,
    /** The admin token's account (it holds no passkeys). */
    adminToken: {
      why: "Passkeys can't be added to the admin token's account: they would keep signing in after the admin token changes, and changing it is how an owner takes the organizer area back.",
      /** Before, in and after the link to the People page. */
      instead: [
        "Invite yourself",
        " as an owner with your own email address on the ",
        "People",
        " page, sign in with the link you receive, and add your passkeys there.",
      ],
      old: "Passkeys added to this account earlier no longer sign anyone in. Remove them.",
    },
    addHeading: "Add a passkey",
    addNeedsScript:
      "Adding a passkey needs JavaScript and a browser that supports passkeys: turn JavaScript on, or use a recent Chrome, Edge, Firefox or Safari. Everything else on this page works without it.",
    nameLabel: "Name of the passkey",
    nameHint: "So that you can tell your passkeys apart: “Work laptop”, “Phone”, “Blue security key”.",
    nameProblem: (message: string) => `Name: ${message}`,
    addButton: "Add a passkey",
    /** Where passkeys can't work: an IP address. */
    ipAddress: "Browsers offer passkeys only at a domain name, not at an IP address.",
    /** Before, in and after the link to the same page at localhost. */
    localhostToAdd: ["Open ", "this page at localhost", " to add one."],
    localhostToSignIn: ["Open ", "this page at localhost", " to sign in with one."],
    done: {
      added: "The passkey is added.",
      renamed: "The passkey is renamed.",
      removed: "The passkey is removed.",
    },
    nameMissing: "Give the passkey a name, such as “Work laptop” or “Phone”.",
    nameTooLong: (max: number) => `The name can be at most ${max} characters.`,
    noCredential: "Your browser sent no passkey. Try again, or use another way to sign in.",
    unreadable: "Your browser's answer could not be read. Try again.",
    stale: "The request to your passkey had expired or was used already. Try again: each try asks your passkey afresh.",
    notVerified:
      "Your passkey's answer did not check out for this site, so it was not added. Try again, or try another passkey.",
    alreadyAdded: "This passkey is added already.",
    notFoundTitle: "Passkey not found",
    notFound: "You have no passkey with this address. It may be removed already.",
    removeQuestion: (name: string) => `Remove the passkey “${name}”?`,
    removeConsequences: [
      "It will no longer sign you in. Sessions it opened go on until you log out.",
      "The passkey itself stays on your device or in your password manager until you delete it there.",
      "You can add it again later.",
    ],
    removeConfirm: "Remove the passkey",
    signInHeading: "Sign in with a passkey",
    signInNeedsScript:
      "Signing in with a passkey needs JavaScript and a browser that supports passkeys. You can still sign in another way on this page.",
    signInHint:
      "If you added a passkey to your account, your device's screen lock, fingerprint, face or security key signs you in: no email to wait for, nothing to type.",
    signInButton: "Sign in with a passkey",
    signInProblemTitle: "Could not sign in with a passkey",
    signInRefused: "That passkey could not sign you in here. Try again, or use another way to sign in.",
    /** What the page's script says while it works, and what went wrong in the browser. */
    script: {
      creating: "Follow your browser's steps to make the passkey…",
      choosing: "Choose your passkey in your browser's window…",
      saving: "Saving the passkey…",
      signingIn: "Signing in…",
      none: "Your browser gave no passkey. Try again.",
      cancelled: "No passkey was used: the request was cancelled or timed out. Try again when you are ready.",
      exists: "This device has a passkey for your account already.",
      refused: "Your browser refused passkeys for this address.",
      failed: "The passkey request failed in your browser. Try again, or use another way.",
      tooMany: "Too many attempts from your connection: wait a minute and try again.",
      serverFailed: "The server could not start the passkey request. Reload the page and try again.",
    },
  },

  /** Importing signatures: the letter's imports and the upload form (/admin/imports/{slug}). */
  importUpload: {
    title: (title: string) => `Import signatures: ${title}`,
    back: (title: string) => `← Signatures of “${title}”`,
    heading: "Import signatures",
    intro:
      "Bring in sign-ons collected elsewhere: a spreadsheet, or the responses of a Google Form. You will choose which column is which field, see what every row gives (and which rows are refused or already signed) before anything is stored, and choose whether the signatures count at once or each signer confirms by email.",
    refusedTitle: "This can't be imported",
    fileLabel: "A CSV file",
    fileHint: (megabytes: number, rows: number) =>
      `With a header row naming the columns; comma, semicolon or tab separated; in UTF-8 (Google Forms and Google Sheets export it; in Excel choose “CSV UTF-8”). At most ${formatNumber(megabytes, L)} MB and ${formatNumber(rows, L)} rows.`,
    pasteLabel: "Or rows pasted from a spreadsheet",
    pasteHint: "Select the rows in your spreadsheet, the header row first, copy them and paste them here.",
    submit: "Read the rows",
    listTitle: "Imports of this letter",
    none: "None yet.",
    file: "File",
    made: "Made",
    state: "State",
    rows: "Rows",
    imported: "Imported",
    states: {
      reading: "reading the file",
      unreadable: "can't be imported",
      mapping: "columns to map",
      checking: "checking the rows",
      previewed: "previewed",
      running: "importing",
      done: "done",
    },
    /** The upload form refused as a whole. */
    chooseOne: "Choose a CSV file, or paste rows copied from a spreadsheet.",
    notBoth: "Choose a file or paste rows, not both: clear one of them and send again.",
    /** After an action, on the list of imports. */
    discarded: "The import is discarded.",
    gone: "That import is no longer here: it was discarded.",
  },

  /** One import at each of its steps (/admin/imports/{slug}/{id}). */
  imports: {
    title: (file: string, title: string) => `Import ${file}: ${title}`,
    back: (title: string) => `← Imports of “${title}”`,
    heading: (file: string) => `Import: ${file}`,
    /** `file` is "pasted rows" for an import pasted rather than uploaded. */
    pastedRows: "pasted rows",
    /** `when`: the catalog's `time`, "Dec 20, 2017, 2:05 PM (UTC)". */
    rowsRead: (rows: number, when: string) =>
      `${plural(L, rows, { one: "# row", other: "# rows" })} read, from the file uploaded on ${when}.`,
    rowsReadSoFar: (rows: number, when: string) =>
      `${plural(L, rows, { one: "# row", other: "# rows" })} read so far, from the file uploaded on ${when}.`,
    /** What the page says after an action. */
    previewed: "Every row is checked: see what each gives below.",
    started: "The import has started.",
    mappingTitle: "1. Which column is which",
    mappingIntro:
      "The fields are guessed from the header row; check them. For a row signed by an organization, its name comes from “Organization's name”, else from “Organization”; its contact person from “Contact person”, else from “Name”; the contact's role from “Contact's role”, else from “Title”. The contact and the email stay private: organizers see them, the public never.",
    mappingCaption: "The file's columns and the field each is imported as",
    column: "Column",
    firstValues: "First values",
    importedAs: "Imported as",
    columnNumber: (number: number) => `Column ${number}`,
    fields: {
      ignore: "Don't import",
      kind: "Organization or individual",
      name: "Name (an individual's; an organization's contact person)",
      signatory: "Signatory (an individual's name; for an organization, its own name)",
      organization_name: "Organization's name (an organization that signs)",
      organization: "Organization (an individual's affiliation; else the organization that signs)",
      title: "Title (an individual's; an organization's contact's role)",
      contact_name: "Contact person (an organization's)",
      contact_role: "Contact's role (an organization's)",
      website: "Website (an organization's)",
      city: "City",
      country: "Country (name or ISO code)",
      email: "Email",
      public: "List publicly (yes/no)",
      hide: "Hide the name (yes/no)",
      status: "Status (as this site's export writes it: decides whether a row is imported)",
    },
    whoSigned: "Who signed",
    kinds: {
      organization: "Organizations (every row signs for an organization)",
      individual: "Individuals (every row signs as a person)",
      column: "As the column mapped to “Organization or individual” says for each row",
    },
    kindHint:
      "A column's values are read in English, Spanish, French and Portuguese: “Organization”, “Organización”, “Organisation”, “Organização” for an organization; “Individual”, “Persona”, “Personne”, “Pessoa” for a person.",
    howTheyCount: "How the signatures count",
    modes: {
      vouch: "The coalition vouches: the signatures count at once",
      confirm: "Each signer confirms: everyone gets the confirmation email and counts once they click its link",
    },
    vouchHint:
      "Like signatures entered by hand: counted and in the public record at once. Individuals without an email are imported too, as on paper.",
    confirmHint:
      "Each row needs an email. Everyone gets the letter's usual confirmation email, in its language, and counts once they click; nobody gets more than the usual number of emails.",
    check: "Check the rows",
    discard: "Discard this import",
    previewTitle: "2. What each row gives",
    /** The words after a count shown in bold ("3 will be imported", "1 duplicate"), agreeing with it. */
    willImport: (_count: number) => "will be imported",
    refused: (_count: number) => "refused",
    duplicates: (count: number) => plural(L, count, { one: "duplicate", other: "duplicates" }),
    /** Rows a file's Status column keeps out (domain/signature-import.ts statusProblem), after their count in bold. */
    skippedNotCounted: (count: number) =>
      `${plural(L, count, { one: "row skipped", other: "rows skipped" })}: hidden, rejected or withdrawn in the file`,
    skippedUnconfirmed: (count: number) =>
      `${plural(L, count, { one: "row skipped", other: "rows skipped" })}: never confirmed by email in the file`,
    downloadNotImported: (count: number) =>
      `Download the ${plural(L, count, { one: "row", other: "# rows" })} that won't be imported (CSV, with the reason in a column)`,
    rules:
      "Rows are checked with the sign form's rules. A duplicate is a second row for the same email address (mailbox) or the same organization, in this file or among the letter's signatures: the first one is kept.",
    rulesVouch:
      "Individuals without an email are imported, because the coalition vouches for them (nothing keeps them from signing again themselves).",
    rulesConfirm: "Rows without an email are refused: a confirmation needs an address.",
    show: "Show:",
    shows: { all: "All rows", "not-valid": "Refused and duplicates", valid: "To import" },
    rowsCaption: (first: number, last: number, of: number) =>
      `Rows ${formatNumber(first, L)} to ${formatNumber(last, L)} of ${formatNumber(of, L)}`,
    row: "Row",
    result: "Result",
    signatory: "Signatory",
    email: "Email",
    country: "Country",
    why: "Why",
    outcomes: { valid: "to import", refused: "refused", duplicate: "duplicate" },
    kindNames: { organization: "organization", individual: "individual" },
    contact: (name: string) => `contact: ${name}`,
    notListed: "not listed",
    pagesOfRows: "Pages of rows",
    previousRows: "← Previous rows",
    pageOf: (page: number, pages: number) => `Page ${formatNumber(page, L)} of ${formatNumber(pages, L)}`,
    nextRows: "Next rows →",
    runTitle: "3. Import",
    runVouch: (count: number) =>
      `${plural(L, count, { one: "# signature will count", other: "# signatures will count" })} at once and enter the public record.`,
    runConfirm: (count: number) =>
      `${plural(L, count, { one: "# signer will get", other: "# signers will each get" })} a confirmation email, and count once they click its link.`,
    inBatches: "The import runs in batches; if it stops, it goes on where it stopped.",
    run: (count: number) => `Import ${plural(L, count, { one: "# signature", other: "# signatures" })}`,
    readingTitle: "Reading the file",
    readingProgress: (rows: number, percent: string) =>
      `${plural(L, rows, { one: "# row", other: "# rows" })} read so far (${percent} of the file).`,
    checkingTitle: "Checking every row",
    checkingProgress: (checked: number, rows: number) =>
      `${formatNumber(checked, L)} of ${plural(L, rows, { one: "# row", other: "# rows" })} checked.`,
    runningTitle: "Importing",
    runningProgress: (done: number, rows: number, imported: number) =>
      `${formatNumber(done, L)} of ${plural(L, rows, { one: "# row", other: "# rows" })} done (${formatNumber(imported, L)} imported).`,
    percent: (value: number) => new Intl.NumberFormat(L, { style: "percent" }).format(value),
    steps:
      "Each press of Continue takes the next steps (up to 15, each of 10 to 25 rows, or 400 while the file is read: each step fits the time a request may take). If you leave this page, it goes on by itself, a step a minute.",
    autoContinue: "While this page is open, it presses Continue for you.",
    continue: "Continue",
    unreadableTitle: "This file can't be imported",
    unreadableText: "Nothing of it was imported, and the rows read were deleted. Fix the file and upload it again.",
    doneTitle: "Done",
    importedCount: (_count: number) => "imported",
    unsent: (count: number) =>
      plural(L, count, {
        one: "confirmation email could not be sent",
        other: "confirmation emails could not be sent",
      }),
    erased: (days: number) =>
      `The rows of this import were erased ${plural(L, days, { one: "# day", other: "# days" })} after it was done.`,
    downloadRefused: (count: number) =>
      `Download the ${plural(L, count, { one: "row", other: "# rows" })} not imported (CSV, with the reason in a column)`,
    fixThem: (days: number) =>
      `. Fix them and import that file. The rows are kept ${plural(L, days, { one: "# day", other: "# days" })}, then erased.`,
    seeImported: "See every imported signature of the letter",
    storedTitle: "Signatures this import stored",
    kind: "Kind",
    status: "Status",
    statuses: {
      confirmed: "counted",
      unconfirmed: "waiting for email confirmation",
      in_review: "waiting for review",
      withdrawn: "withdrawn",
      hidden: "hidden",
      rejected: "rejected",
    } as Record<string, string>,
    more: "More →",
    /** Discarding, asked first. */
    discardQuestion: (file: string) => `Discard the import “${file}”?`,
    discardConsequences: [
      "What was read of it and the column choices you made are deleted for good; no signature was stored from it.",
      "To import the same rows later, upload the file again.",
    ],
    discardConfirm: "Discard the import",
    /** The refused rows' CSV: its last column's heading, and each row's reason. */
    reasonColumn: "reason",
    reasonCell: (line: number, reason: string) => `Row ${line}: ${reason}`,
    /** The mapping form refused as it was sent (a field name or value not offered). */
    chooseField: "Choose a field for every column",
    chooseKind: "Choose who signed: organizations, individuals, or as a column says.",
    chooseMode: "Choose how the signatures count.",
    chooseColumnField: (column: number) => `Choose a field for column ${column}.`,
    confirmRefusedTitle: "Confirmation emails can't be sent",
    fileProblem: (problem: ImportFileProblem): string => {
      const near =
        "row" in problem && problem.row != null
          ? ` (near row ${formatNumber(problem.row, L)}, counting the header row)`
          : "";
      switch (problem.code) {
        case "workbook":
          return "This is a spreadsheet workbook (.xlsx or .ods), not a CSV file. Open it and save or download it as CSV (UTF-8), then upload that.";
        case "old-excel":
          return "This is an old Excel workbook (.xls), not a CSV file. Open it and save it as “CSV UTF-8”, then upload that.";
        case "binary":
          return "This file is not text (it holds binary data). Upload a CSV file exported from your spreadsheet or form.";
        case "not-utf8":
          return "This file is not in UTF-8: it was probably saved as Windows-1252 (ANSI). Save it as UTF-8 and upload it again: in Excel, File › Save As › “CSV UTF-8 (Comma delimited)”; in LibreOffice, File › Save As › Text CSV with the character set “Unicode (UTF-8)”; Google Sheets and Google Forms always export UTF-8.";
        case "too-large":
          return `The file is larger than ${formatNumber(IMPORT_LIMITS.fileBytes / 1024 / 1024, L)} MB. Split it, or remove columns you don't import, and import each part.`;
        case "pasted-binary":
          return "The text holds binary data. Paste rows copied from a spreadsheet.";
        case "empty":
          return "There is nothing to import: the file or the pasted text is empty.";
        case "too-many-columns":
          return `The first row has more than ${IMPORT_LIMITS.columns} columns; an import takes at most ${IMPORT_LIMITS.columns}. Remove the columns you don't import.`;
        case "empty-header":
          return "The first row must name the columns (the header row), and it is empty.";
        case "no-rows":
          return "The file has a header row but no signatures under it. Export the responses, not just the form's questions.";
        case "too-many-rows":
          return `The file has more than ${formatNumber(IMPORT_LIMITS.rows, L)} rows; an import takes at most ${formatNumber(IMPORT_LIMITS.rows, L)}. Split it and import each part.`;
        case "long-cell":
          return `Row ${formatNumber(problem.row, L)}, column ${problem.column} holds more than ${formatNumber(IMPORT_LIMITS.cellCharacters, L)} characters: no field of a signature is that long. Check the file's delimiter and quotes.`;
        case "ragged":
          return `Row ${formatNumber(problem.row, L)} has a different number of columns than the header (${plural(L, problem.cells, { one: "# cell", other: "# cells" })}, the header ${problem.columns}). Every row must have one cell per column: check for a stray delimiter or a missing quote, or export the file again.`;
        case "quote-not-closed":
          return `A quoted cell is never closed${near}. Check that every cell starting with " ends with ".`;
        case "bad-quote":
          return `A quote inside a cell is not written as two quotes ("")${near}. Export the file again from your spreadsheet.`;
        case "opening-quote":
          return `A cell holds a quote but does not start with one${near}: a cell with quotes must be quoted whole, its quotes doubled, like "Ana ""Anita""". Export the file again from your spreadsheet.`;
        case "row-too-long":
          return `A row is too long${near}: at most ${IMPORT_LIMITS.columns} columns of ${formatNumber(IMPORT_LIMITS.cellCharacters, L)} characters.`;
        case "unparsable":
          return `The file could not be read as CSV${near}. Check its quotes and delimiters, or export it again as CSV (UTF-8) from your spreadsheet.`;
        case "as-written":
          return problem.text;
      }
    },
    mappingProblem: (problem: ImportMappingProblem): string => {
      switch (problem.code) {
        case "column-count":
          return "Choose a field for every column.";
        case "field-twice": {
          const column = ({ name, index }: { name: string | null; index: number }) =>
            name ? `“${name}”` : `column ${index + 1}`;
          return `“${en.imports.fields[problem.field]}” is chosen for two columns (${column(problem.first)} and ${column(problem.second)}). Choose it for one only.`;
        }
        case "kind-column-missing":
          return "Each row's kind is to be read from a column, but no column is “Organization or individual”.";
        case "no-names":
          return "No column gives the people's names: choose “Name” for one.";
        case "no-organization-names":
          return "No column gives the organizations' names: choose “Organization's name” for one.";
        case "email-column-missing":
          return "Confirmation emails need an email column: choose “Email” for one, or let the coalition vouch.";
        case "no-mailer":
          return "Confirmation emails need a mailer, and none is set up (RESEND_API_KEY and MAIL_FROM, see Configuration). Let the coalition vouch instead, or set one up first.";
        case "letter-not-open":
          return "Confirmation emails lead to the letter's page, and this letter is not open for signing. Let the coalition vouch instead, or open the letter first.";
      }
    },
    /** A row's field, as the subject of a sentence about its text. */
    textFields: {
      name: "The name",
      organization_name: "The organization's name",
      organization: "The organization",
      title: "The title",
      contact_name: "The contact person",
      contact_role: "The contact's role",
      city: "The city",
    },
    rowProblem: (problem: ImportRowProblem): string => {
      switch (problem.code) {
        case "kind-unknown":
          return `The kind “${problem.value}” says neither an organization nor an individual.`;
        case "kind-empty":
          return "The kind is empty: say whether an organization or an individual signed.";
        case "text":
          return englishTextProblem(en.imports.textFields[problem.field], problem.problem, problem.max);
        case "country-unknown":
          return `The country “${problem.value}” is not one we know: write its name (in English, Spanish, French or Portuguese) or its two-letter ISO code.`;
        case "website-invalid":
          return "The website is not a web address, like example.org.";
        case "website-too-long":
          return `The website must be at most ${problem.max} characters long.`;
        case "email-invalid":
          return "The email is not a valid email address, like name@example.org.";
        case "email-missing":
          return "The email is empty: a confirmation email needs an address.";
        case "differ":
          return {
            organization: "The organization's name and the organization are both filled in, and differ: keep one.",
            contact: "The contact person and the name are both filled in, and differ: keep one.",
            role: "The contact's role and the title are both filled in, and differ: keep one.",
            signatory: "Two columns give the signatory's name, and they differ: keep one.",
          }[problem.pair];
        case "organization-name-empty":
          return "The organization's name is empty.";
        case "website-for-individual":
          return "A website is for an organization, and this row is an individual's.";
        case "contact-for-individual":
          return "A contact person is for an organization, and this row is an individual's.";
        case "name-empty":
          return "The name is empty.";
        case "erased":
          return "This row was erased.";
        case "duplicate-in-file":
          return problem.organization
            ? `The same organization as row ${problem.row}.`
            : `The same email address (mailbox) as row ${problem.row}.`;
        case "already-signed":
          return problem.organization
            ? "This organization has already signed this letter."
            : "This email address (mailbox) has already signed this letter.";
        case "same-person-in-file":
          return en.importFollowUp.samePersonInFile(problem.row);
        case "person-already-signed":
          return en.importFollowUp.personAlreadySigned;
        case "found-while-importing":
          return "Already signed this letter (found while importing).";
        case "status-not-counted":
          return `${{ hidden: "Hidden", rejected: "Rejected", withdrawn: "Withdrawn" }[problem.status]} in the file: it did not count there, so it is skipped.`;
        case "status-unconfirmed":
          return "Never confirmed by email in the file: skipped, since the coalition vouches. To ask these signers to confirm, import the file choosing that each signer confirms.";
        case "status-unknown":
          return `The status “${problem.value}” is not one this site writes: if that column says something else, choose “Don't import” for it.`;
        case "as-written":
          return problem.text;
      }
    },
  },

  /** The order of a letter's organizations (/admin/letters/{slug}/order). */
  /** Issue 14's follow-ups on imports: signers without an email counted once, confirmation emails sent again. */
  importFollowUp: {
    samePersonInFile: (row: number) =>
      `The same person as row ${row}: the same name, city and country, and no email address to tell them apart.`,
    personAlreadySigned:
      "This person has already signed this letter: the same name, city and country, and no email address to tell them apart.",
    emailsWaiting: (count: number) =>
      plural(L, count, {
        one: "confirmation email still to send: the mail service turned it away for a moment, and it goes out again by itself within minutes",
        other:
          "confirmation emails still to send: the mail service turned them away for a moment, and they go out again by themselves within minutes",
      }),
    emailsGivenUp: (count: number) =>
      plural(L, count, {
        one: "confirmation email not sent after several tries: send it again from the signatures page, or confirm the signature when its signer asks",
        other:
          "confirmation emails not sent after several tries: send them again from the signatures page, or confirm the signatures when their signers ask",
      }),
    sendNow: "Send them now",
    markerWaiting: "confirmation email still to send",
    markerGivenUp: "confirmation email not sent",
  },

  order: {
    title: (title: string) => `Order of organizations: ${title}`,
    back: "← Signatures",
    heading: "Order of organizations",
    intro:
      "Organizations are listed before individuals. Number the ones to show first (1 first); leave the others empty and they follow in the order they signed. Two with the same number keep their signing order.",
    /** Before and after the file's name, shown as code. */
    fromFile: [
      "This letter comes from ",
      ". Saving an order here takes it over: loading the files will leave it alone from then on.",
    ],
    none: "No organization has signed yet.",
    caption: "Organizations in their current order",
    place: "Place",
    organization: "Organization",
    save: "Save the order",
  },

  /** Confirming a signature on its signer's request (/admin/letters/{slug}/signatures/{ref}/confirm). */
  confirmOnRequest: {
    title: (name: string) => `Confirm ${name} for the signer`,
    back: (title: string) => `← Signatures of “${title}”`,
    question: (name: string) => `Confirm “${name}” for the signer?`,
    reason: "Reason",
    anOrganization: "An organization",
    aPerson: "A person",
    /** Before and after when it was signed: "An organization, signed ‹March 3, 2025, 14:02 UTC›, with ana@example.org. …" */
    signed: (who: string, email: string | null): [string, string] => [
      `${who}, signed `,
      `${email ? `, with ${email}` : ""}. It is waiting for its email confirmation.`,
    ],
    counts: "It counts at once, and shows on the public page (unless its signer asked not to be listed).",
    waitsForReview: "It waits for an organizer's approval, as organizations' signatures do on this letter.",
    onlyWhenAsked:
      "Do this only when the signer asked you to, and you know it is them: nothing proves the email address.",
    logged: "Your reason is kept in the activity log, for the owners.",
    reasonHint: (max: number) =>
      `How the signer asked, and when. At most ${formatNumber(max, L)} characters; organizers only.`,
    confirm: "Confirm the signature",
    goBack: "No, go back",
  },

  /** The organizers' bar above the delivery document (the document itself is in the letter's language). */
  delivery: {
    printTitle: "Print or save as PDF:",
    printText:
      "use your browser's Print command (Ctrl+P, or ⌘P on a Mac) and choose a printer or “Save as PDF”. Pick A4 or Letter paper, and turn the browser's own headers and footers off: pages are numbered at the bottom.",
    listed:
      "Only confirmed signatures are listed; those who asked not to be named are counted. No email address appears.",
    back: "Back to the organizer area",
  },

  /**
   * Why a field of an organizer form was refused (domain/organizer-words.ts refuseAs): the letter
   * editor, a translation, a stage change or delivery, a signature entered by hand, notifications,
   * the signatures' filter and bulk changes, the activity log's filter.
   */
  issues: {
    /** A text field's problem (domain/text.ts), `field` naming it as a sentence begins. */
    text: (field: IssueTextField, problem: TextProblem, max: number) =>
      englishTextProblem(en.issues.fields[field], problem, max),
    fields: {
      title: "The title",
      organizationName: "The organization's name",
      contactName: "The contact's name",
      contactRole: "The contact's role",
      name: "The name",
      affiliation: "The organization",
      personTitle: "The title",
      city: "The city",
      label: "The token's description",
    } as Record<IssueTextField, string>,
    titleMissing: "Give the letter a title.",
    addresseeMissing: "Enter who the letter is addressed to, one line per line of the address.",
    addresseeTooLong: (max: number) => `The addressee block can be at most ${formatNumber(max, L)} characters.`,
    addresseeUnreadable: "The addressee block contains characters that could not be read.",
    summaryTooLong: (max: number) => `The summary can be at most ${formatNumber(max, L)} characters.`,
    summaryUnreadable: "The summary contains characters that could not be read.",
    bodyMissing: "Write the letter's text.",
    bodyTooLong: (max: number) => `The letter's text can be at most ${formatNumber(max, L)} characters.`,
    bodyUnreadable: "The letter's text contains characters that could not be read. Paste it again as plain text.",
    slugInvalid: (max: number) =>
      `The address may use only lower-case letters, digits and single hyphens, at most ${formatNumber(max, L)} characters.`,
    slugReserved: "This address is used by the organizer area itself. Choose another.",
    slugMissing:
      "Choose the letter's address, such as honduras-new-elections-2017: the title has no Latin letters or digits to make one from.",
    languageTranslated:
      "The letter already has a translation in this language. Delete that translation first, or keep the letter's language.",
    slugTaken: "Another letter already has this address. Choose another.",
    dateInvalid: "Enter the date the letter bears, such as 2017-12-20.",
    languageInvalid: "Choose the language the letter is written in from the list.",
    confirmInvalid: "Choose how signatures are confirmed.",
    closesAtInvalid: "Enter the closing time as a date and time, such as 2018-01-31 23:59, or leave it empty.",
    timeZoneInvalid: "Choose the time zone from the list, such as “Honduras — Tegucigalpa”.",
    /** `day`: YYYY-MM-DD; `zone`: an IANA zone, named by its place (domain/time-zones.ts timeZonePlace). */
    closesAtSkipped: (day: string, zone: string) => {
      const place = timeZonePlace(zone, L);
      return `This time does not exist on ${formatDate(day, L)} in ${place ? `${place} time` : "UTC"}: the clocks move forward over it. Choose a time an hour later.`;
    },
    closesAtTooLate:
      "Choose a closing time before the year 10000, or leave it empty: without one, the letter stays open until you close it.",
    changeInvalid: "Choose a change of stage from the page's buttons.",
    deliveredOnInvalid: "Enter the day the letter was delivered, such as 2017-12-20.",
    /** `today` is YYYY-MM-DD in the letter's zone `zone`. */
    deliveredOnFuture: (today: string, zone: string) => {
      const place = timeZonePlace(zone, L);
      return `The delivery date can't be in the future: enter the day the letter was delivered, today (${formatDate(today, L)}, ${place ? `${place} time` : "UTC"}) or earlier.`;
    },
    deliveryNoteUnreadable: "The delivery note contains characters that could not be read. Type it again.",
    deliveryNoteTooLong: (max: number) =>
      `The delivery note can be at most ${formatNumber(max, L)} characters on one line.`,
    kindMissing: "Choose whether an organization or a person signed.",
    websiteInvalid: "Enter the organization's website, like example.org or https://example.org/, or leave it empty.",
    websiteTooLong: (max: number) => `The website can be at most ${formatNumber(max, L)} characters.`,
    countryInvalid: "Choose a country from the list.",
    emailInvalid: "Enter a valid email address, or leave it empty.",
    receivedInvalid: "Choose how the signature reached you.",
    /** A signature entered by hand without its signatory's name (the organization's, or the person's). */
    organizationNameMissing: "Enter the organization's name.",
    personNameMissing: "Enter the person's full name.",
    /** A field of the other kind's group filled in (a person's field for an organization, and the reverse). */
    fieldForPerson: "This field is for a person: empty it, or choose “A person” above.",
    fieldForOrganization: "This field is for an organization: empty it, or choose “An organization” above.",
    webhookUrl: (problem: WebhookUrlProblem, max: number) =>
      ({
        "too-long": `The address can be at most ${formatNumber(max, L)} characters.`,
        "not-a-url": "Enter a full address, such as https://crm.example.org/hooks/undersigned.",
        "not-https": "The address must start with https:// so that signatures travel encrypted.",
        credentials: "Put no user name or password in the address: check the signature header instead.",
        "not-public": "The address must name a public host (no IP addresses or local names).",
        port: "Leave the port out: the address must use HTTPS's standard port (443).",
        "ip-address": "Use the receiving system's host name (such as crm.example.org), not an IP address.",
        "trailing-dot": "Remove the dot at the end of the host name.",
      })[problem],
    areaLanguage: "Choose English, Spanish, French or Portuguese.",
    /** The account forms' fields (People's invitation, Your account's name, the login page's email): a person's name. */
    nameMissing: "Enter the person's name.",
    /** A name an active colleague goes by already (compared without case or spaces). */
    nameTaken: (theirs: string) =>
      `${theirs} goes by this name already. Add something that tells you apart, such as a surname or your team.`,
    emailMissing: "Enter an email address.",
    emailMalformed: "Enter an email address like name@example.org.",
    roleMissing: "Choose a role.",
    languageMissing: "Choose a language.",
    sessionMissing: "Choose a session.",
    /** An organization's place on the order page: `text`, what was typed (its first 20 characters). */
    placeInvalid: (text: string) => `“${text}” is not a place: use whole numbers from 1, or leave it empty.`,
    searchTooLong: (max: number) => `The search can be at most ${formatNumber(max, L)} characters.`,
    statusInvalid: "Choose a status from the list.",
    kindInvalid: "Choose organizations or individuals from the list.",
    countryCode: "Choose a country from the list.",
    channelInvalid: "Choose how the signatures came from the list.",
    verifiedInvalid: "Choose verified or not verified from the list.",
    /** `field` is the date field's label as the form shows it. */
    dayInvalid: (field: "from" | "to") =>
      `“${field === "from" ? "Signed from" : "Signed until"}” must be a date such as 2017-12-20.`,
    fromAfterTo: "“Signed from” comes after “Signed until”.",
    pageLink: "The link to this page is broken. Go back to the first page.",
    actionInvalid: "Choose an action: approve, reject, hide or restore.",
    noneTicked: "Tick the signatures to change, or choose “All that match”. Go back and try again.",
    reasonMissing: "Say why you confirm it for the signer, e.g. “Asked by phone on 3 May: their email bounces”.",
    reasonTooLong: (max: number, length: number) =>
      `Keep the reason to ${formatNumber(max, L)} characters (it has ${formatNumber(length, L)}).`,
    reasonUnprintable:
      "The reason contains control or invisible characters (often pasted from another program). Type it again as plain text.",
    personInvalid: "Choose a person from the list.",
    activityInvalid: "Choose an action from the list.",
    letterInvalid: "Choose a letter from the list.",
    /** `field` is the activity log's date field. */
    logDayInvalid: (field: "from" | "until") =>
      `“${field === "from" ? "From" : "Until"}” must be a date such as 2026-11-30.`,
  },

  /** Why the organizer area refused a request (app/problem.ts organizerProblem): a title and what to do next. */
  problems: {
    /** The right admin token while the admin token's account is disabled (login form and API). */
    adminTokenDisabled: {
      title: "The admin token's account is disabled",
      message:
        "The admin token's account is disabled: an owner turned it off on the People page, so the admin token no longer signs anyone in. Sign in with your own account (by email or with a passkey), or ask an owner to enable it again.",
    },
    /** Signing in to an account that was disabled while the sign-in was under way. */
    accountDisabled: {
      title: "This account is disabled",
      message: "This account was disabled: an owner can enable it again.",
    },
    /** An owner's action on People (app/organizer-accounts.ts), `name` the person's. */
    personNotFound: {
      title: "No such person",
      message: "There is no organizer at this address. Go back to People.",
    },
    nothingToResend: (person: NamedPerson) => ({
      title: "Nothing to resend",
      message: `${en.people.nameOf(person)} has joined already or is disabled.`,
    }),
    adminTokenStaysOwner: {
      title: "The admin token stays an owner",
      message: "The admin token's account is always an owner.",
    },
    /** Enabling `person` again while `holder`, active, goes by their name (compared as names are). */
    enableNameTaken: (person: NamedPerson, holder: NamedPerson) => ({
      title: "Someone goes by this name now",
      message: `${en.people.nameOf(holder)} goes by the name of ${en.people.nameOf(person)} now: two active people named alike could pass for each other. Ask one of them to change their name (on their account page) first.`,
    }),
    peopleKeptChanging: {
      title: "The people kept changing",
      message: "Another change to the people was being made at the same time. Try again.",
    },
    personDisabled: (person: NamedPerson) => ({
      title: "This account is disabled",
      message: `${en.people.nameOf(person)}'s account is disabled: enable it first.`,
    }),
    /** `adminTokenCounts`: whether the admin token's account counts as an owner (a usable ADMIN_TOKEN is set). */
    lastOwner: (person: NamedPerson, adminTokenCounts: boolean) => ({
      title: "The last owner",
      message: `${en.people.nameOf(person)} is the last active owner. Make someone else an owner first: somebody must be able to manage the people.${adminTokenCounts ? "" : " The admin token's account does not count: no usable admin token is set, so nobody can sign in with it."}`,
    }),
    alreadyDisabled: (person: NamedPerson) => ({
      title: "Already disabled",
      message: `${en.people.nameOf(person)} is disabled already.`,
    }),
    /** The language switcher was sent a language the area doesn't have. */
    languageNotOffered: {
      title: "Not a language of the organizer area",
      message:
        "The organizer area is in English, Spanish, French and Portuguese: choose one of them with the language buttons at the top of the page.",
    },
    noPasskeySent: {
      title: "No passkey sent",
      message: "Your browser sent no passkey. Try again, or use another way to sign in.",
    },
    passkeysNotForAdminToken: {
      title: "Not for the admin token's account",
      message:
        "The admin token's account can't hold passkeys: they would keep working after the admin token changes. Invite yourself by email as an owner (People), sign in with that account, and add passkeys there.",
    },
    /** A filter (the activity log's) refused: `problems`, each refused field's issue in this language. */
    filterRefused: (problems: string) => ({ title: "That filter could not be used", message: problems }),
    /** A form no page of ours sends like that (a choice that isn't in its list): `problems`, as filterRefused's. */
    formRefused: (problems: string) => ({ title: "This form could not be used", message: problems }),
    /** An organizer form over its size (`kilobytes`: 512). */
    formTooLarge: (kilobytes: number) => ({
      title: "Too much was sent",
      message: `The form sent more than ${formatNumber(kilobytes, L)} KB. Shorten the letter's text, or split what you are pasting.`,
    }),
    /** A body to the organizers' API over its size (`kilobytes`: 16). */
    apiBodyTooLarge: (kilobytes: number) => ({
      title: "Too much was sent",
      message: `The request's body is larger than ${formatNumber(kilobytes, L)} KB, far more than this API reads. Send only the JSON the route asks for.`,
    }),
    /** An import's file over its size (`megabytes`: 5). */
    fileTooLarge: (megabytes: number) => ({
      title: "The file is too large",
      message: `The file is larger than ${formatNumber(megabytes, L)} MB. Split it, or remove the columns you don't import, and import each part.`,
    }),
    importNotFound: {
      title: "Import not found",
      message: "This letter has no such import. Go back to its imports.",
    },
    importStarted: {
      title: "This import has started",
      message: "Its mapping can't change any more. Reload its page.",
    },
    importRechecking: {
      title: "This import is being checked again",
      message:
        "Its rows are being checked again with another mapping (from another tab or window). Reload its page, check what it will import, and press Import again.",
    },
    nothingToImport: {
      title: "Nothing to import",
      message: "No row of this file can be imported. Download its refused rows, fix them and import them.",
    },
    importChanged: {
      title: "This import changed since its page was shown",
      message:
        "Its mapping was changed in another tab or window, or this page is about another file. Reload its page, check what it will import, and press Import again.",
    },
    refusedRowsErased: (days: number) => ({
      title: "The refused rows were erased",
      message: `An import's rows are kept ${formatNumber(days, L)} days after it is done; this one's are gone. Its counts and signatures stay.`,
    }),
    /** The delivery document asked for in a language the letter has no text in; `languages`: its tags. */
    deliveryLanguage: (languages: string[]) => ({
      title: "No such translation",
      message: `This letter is in ${new Intl.ListFormat(L).format(languages.map((tag) => formatLanguageName(tag, L)))}: choose one of those.`,
    }),
    /** The organizers' JSON API (English for programs, whatever the reader's language: routes/admin-api.ts). */
    statusUnknown: (statuses: readonly string[]) => ({
      title: "Unknown status",
      message: `status must be one of ${statuses.join(", ")}.`,
    }),
    cursorInvalid: { title: "Bad cursor", message: "before must be a cursor from a previous page." },
    actionUnknown: (actions: readonly string[]) => ({
      title: "Unknown action",
      message: `The actions are ${actions.join(", ")}.`,
    }),
    letterNotFound: {
      title: "Letter not found",
      message: "There is no letter at this address. Go back to the list of letters.",
    },
    changeInapplicable: (state: LetterState, signed: boolean) => ({
      title: "That change does not apply",
      message: signed
        ? "People have signed this letter: it can't go back to being a draft. Close it instead."
        : `A letter that is ${en.states[state]} can't be changed that way. Reload the page to see its stage.`,
    }),
    letterChanged: {
      title: "The letter changed meanwhile",
      message: "Someone changed this letter at the same time. Reload the page and try again.",
    },
    notDeletable: {
      title: "This letter can't be deleted",
      message:
        "Only a draft that nobody has signed and that was never published can be deleted. Close the letter instead.",
    },
    revisionNotFound: { title: "Version not found", message: "This letter has no version with this number." },
    /** `languages`: the tags a translation may be in. */
    translationNotOffered: (languages: string[]) => ({
      title: "No such translation",
      message: `A letter can be translated into ${new Intl.ListFormat(L, { type: "disjunction" }).format(languages.map((tag) => formatLanguageName(tag, L)))}.`,
    }),
    translationNotFound: {
      title: "No such translation",
      message: "This letter has no translation in that language.",
    },
    /** The organizers' API refused a webhook address (domain/webhook.ts webhookUrlProblem): the form's words for it. */
    webhookUrlRefused: (problem: WebhookUrlProblem, max: number) => ({
      title: "Webhook address refused",
      message: en.issues.webhookUrl(problem, max),
    }),
    /** `unknown`: a field the body has that the API does not know, else null. */
    webhookBodyInvalid: (unknown: string | null) => ({
      title: "Request body refused",
      message:
        (unknown === null ? "" : `There is no field ${JSON.stringify(unknown)}. `) +
        'Send JSON such as {"url": "https://crm.example.org/hooks/undersigned", "include_email": false}: url is an https:// address or null (no webhook), include_email and rotate_secret are true or false.',
    }),
    noWebhook: {
      title: "No webhook saved",
      message: "Save a webhook address first; then send it a test delivery.",
    },
    signatureNotFound: {
      title: "Signature not found",
      message: "There is no signature with this reference on this letter.",
    },
    organizationHeld: (name: string, holder: string, status: SignatureStatus) => ({
      title: "Another signature holds this organization",
      message: `Another signature for ${name} now exists: “${holder}” (${en.signatures.statuses[status]}). An organization signs once: hide or reject that one first to restore this one.`,
    }),
    actionInapplicable: (status: SignatureStatus, action: ModerationAction) => ({
      title: "That action does not apply",
      message: `This signature is ${en.signatures.statuses[status]}: it can't be ${en.moderation.moderated[action]}. Reload the page to see its status.`,
    }),
    tooManySelected: (max: number) => ({
      title: "Too many signatures selected",
      message: `Select at most ${formatNumber(max, L)} at once.`,
    }),
    onlyOrganizationsVerified: (name: string) => ({
      title: "Only organizations are verified",
      message: `${name} signed as an individual.`,
    }),
    /** `doing`: what was refused, sending its email again or confirming it. */
    notWaiting: (status: SignatureStatus, doing: "resend" | "confirm") => ({
      title: "It is not waiting for its email any more",
      message: `This signature is ${en.signatures.statuses[status]}: only one waiting for its email confirmation can be ${doing === "resend" ? "sent its email again" : "confirmed"}. Reload the page to see its status.`,
    }),
    signingClosed: (doing: "resend" | "confirm") => ({
      title: "Signing has closed",
      message: `This letter no longer takes signatures: a signature still waiting for its email can't be ${doing === "resend" ? "sent its email again" : "confirmed"}. Reopen the letter first if it should count.`,
    }),
    noMailer: {
      title: "No email can be sent",
      message:
        "This site has no way to send email yet: no invitation, sign-in link or confirmation email can go out. Ask whoever runs the site to set it up (MAILER, RESEND_API_KEY and MAIL_FROM).",
    },
    noEmailAddress: { title: "No email can be sent", message: "This signature has no email address to send it to." },
    /** `resetsAt`: the ISO instant the allowance frees up again, said in `zone` (the letter's). */
    emailAllowanceUsed: (max: number, resetsAt: string, zone: string) => ({
      title: "No more emails for this signature today",
      message: `Its allowance of ${formatNumber(max, L)} emails in 24 hours is used up (it keeps anyone from flooding an inbox). It can be sent again after ${formatMoment(resetsAt, zone, L, (place, offset) => (place ? `${place} time, ${offset}` : offset))}; or confirm it for the signer, with your reason.`,
    }),
    changedMeanwhile: {
      title: "It is not waiting for its email any more",
      message:
        "This signature changed meanwhile (its signer may just have confirmed it). Reload the page to see its status.",
    },
    keptChanging: {
      title: "The signature kept changing",
      message: "Another change was being made at the same time. Try again.",
    },
    notForYourRole: {
      title: "Not for your role",
      message: "Your role in this organizer area does not include this. Ask an owner if you need it.",
    },
    formExpired: {
      title: "This form has expired",
      message:
        "The page you sent this from is too old or came from another site. Go back, reload the page and try again.",
    },
    /** A form post refused by the same-origin check (http/security.ts formGuards): another site's, or one with no Origin. */
    crossSite: {
      title: "Sent from another site or an old page",
      message: "This form was sent from another site or an old page: go back, reload, and send it again.",
    },
    organizersOnly: {
      title: "Organizers only",
      message: "This address needs an organizer's session, or an API token (Authorization: Bearer …).",
    },
    httpsOnly: {
      title: "Log in over HTTPS",
      message: "Organizers can only log in over a secure (https://) connection.",
    },
    tooManyLogins: {
      title: "Too many attempts",
      message: "There were too many login attempts. Wait a minute and try again.",
    },
    tooManyTokens: {
      title: "Too many attempts",
      message: "Too many wrong tokens were sent. Wait, then send the request again with the right token.",
    },
    unknownChange: {
      title: "Unknown change",
      message: "Choose a change of stage from the page's buttons.",
    },
    pageLink: {
      title: "This page link is not valid",
      message: "The link to this page of signatures is broken. Go back to the first page.",
    },
  },

  /** An error page met in the organizer area (http/errors.tsx), for a status without words of its own. */
  errorPage: {
    /** Below the message: "Error 404". */
    status: (status: number) => `Error ${status}`,
    /** A 429's or 503's Retry-After, in words: when to try again. */
    tryAgainIn: (seconds: number) =>
      seconds < 90
        ? `Try again in ${plural(L, seconds, { one: "# second", other: "# seconds" })}.`
        : `Try again in ${plural(L, Math.ceil(seconds / 60), { one: "# minute", other: "# minutes" })}.`,
    byStatus: {
      400: {
        title: "This request could not be understood",
        message: "Something in what was sent was not as this page expects. Go back, reload the page and try again.",
      },
      401: { title: "Please log in", message: "This page is for organizers. Log in first." },
      403: {
        title: "Not for your role",
        message: "Your role in this organizer area does not include this. Ask an owner if you need it.",
      },
      404: {
        title: "Page not found",
        message: "There is nothing at this address in the organizer area. It may be mistyped, or it was removed.",
      },
      405: {
        title: "This address does not work that way",
        message: "This page can't be used like that. Go back and use the page's own links and buttons.",
      },
      409: {
        title: "Something changed meanwhile",
        message: "What you wanted to change is no longer as the page showed it. Reload the page and try again.",
      },
      413: {
        title: "Too much was sent",
        message: "The form sent more than this page takes. Shorten what you typed, or send a smaller file.",
      },
      415: {
        title: "This kind of form is not accepted",
        message: "Send it from the organizer area's own page: reload the page and try again.",
      },
      422: {
        title: "Something in the form needs changing",
        message: "Go back, check what you entered and send it again.",
      },
      429: {
        title: "Too many attempts",
        message: "There were too many attempts in a short time.",
      },
      500: {
        title: "Something went wrong on our side",
        message: "What you asked for could not be done. Nothing you did caused it; try again in a moment.",
      },
      503: {
        title: "This is not available right now",
        message: "A service this page needs did not answer.",
      },
    } as Record<number, { title: string; message: string }>,
  },

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# signature", other: "# signatures" }),
    organizations: (count: number) => plural(L, count, { one: "# organization", other: "# organizations" }),
    individuals: (count: number) => plural(L, count, { one: "# individual", other: "# individuals" }),
  },
};

export type AdminMessages = typeof en;
