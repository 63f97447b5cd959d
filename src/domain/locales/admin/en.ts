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
import { ACTIVITY_LABELS } from "../../activity";
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
    signedInAs: (name: string, role: string) => `Signed in as ${name} (${role})`,
    /** Each role's name inside a sentence. */
    roleNames: { owner: "owner", editor: "editor", moderator: "moderator", viewer: "viewer" },
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
    bootstrapDisabled:
      "The admin token's account is disabled: an owner turned it off on the People page, so the admin token no longer signs anyone in. Sign in with your own account (by email or with a passkey), or ask an owner to enable it again.",
    byEmail: "With your email address",
    emailLabel: "Your email address",
    emailHint: "The address an owner invited. We email you a link that signs you in, valid 15 minutes.",
    emailSubmit: "Email me a sign-in link",
    emailProblemTitle: "Could not send a link",
    byToken: "With the admin token",
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
    slugHint:
      "Lower-case words joined by hyphens: the letter will be at /letters/your-address. Left empty, it is made from the title. It can change until the letter is published.",
    languageHint:
      "The language this text is written in. Public pages are entirely in it for the first four; in the others, the buttons and labels around the letter are in English.",
    chooseLanguage: "Choose a language",
    interfaceLanguages: "Public pages entirely in this language",
    otherLanguages: "Other languages",
    addresseeHint: "One line per line of the address, as it should be printed.",
    /** Text between backticks is shown as code. */
    bodyHint:
      "Markdown: a blank line between paragraphs, `**bold**`, `*italic*`, `[a link](https://…)`, `## A heading`.",
    summaryHint:
      "For search engines and link previews, at most 300 characters. Left empty, the first paragraph is used.",
    confirmHint: "Confirmed signatures count only once the signer clicks the link we email.",
    confirmDefault: "Confirm by email when a mailer is set up (default)",
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
    previewFrame: "Preview of the public page",
    nothingToPreview: "Nothing to preview yet",
    shareTitle: "Share the draft",
    shareText:
      "Anyone with this link can read the draft (it is not listed anywhere, and search engines are told to skip it):",
    previewLink: "Preview link",
    historyTitle: "History of the text",
    current: " (current)",
    revisionPublished: (signatures: number) =>
      `published, ${plural(L, signatures, { one: "# signature", other: "# signatures" })} then`,
    revisionDraft: "draft",
    previewDraftNotice: "Preview of a draft: this is how the page will look once published. It is not public.",
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
    bodyHint: "Markdown, as in the original.",
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
  },

  revision: {
    title: (date: string, title: string) => `Version of ${date}: ${title}`,
    back: "Back to the letter",
    savedPublished: (date: string, time: string, signatures: number) =>
      `The text as saved on ${date} at ${time}, when the letter was public with ${plural(L, signatures, { one: "# signature", other: "# signatures" })}.`,
    savedDraft: (date: string, time: string) => `The text as saved on ${date} at ${time}, while it was a draft.`,
  },

  exports: {
    title: "Export",
    listed: "The signatures listed here, as a spreadsheet (CSV)",
    confirmed: "Confirmed signatures, as a spreadsheet (CSV)",
    every: "Every signature, whatever its status, as a spreadsheet (CSV)",
    delivery: "Delivery document: the letter and its signatories, ready to print or save as PDF",
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
    whatWillBeSent: "What will be sent",
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
      "Give it to whoever set up the receiving system, and to nobody else. For them: each delivery carries `X-Undersigned-Signature: t=…,v1=…`, the HMAC-SHA-256 of `t.body` under this secret.",
    summaryLabel: "Daily summary to (optional)",
    summaryHint: "An email each morning (07:00 UTC) with the day's new signatures and what waits for review.",
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
    nextTry: (time: string) => ` at ${time}`,
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
    bulkLegend: "Change several at once",
    action: "Action",
    scopeSelected: "The rows I selected",
    scopePage: (count: number) => plural(L, count, { one: "The 1 row on this page", other: "All # rows on this page" }),
    scopeMatching: (count: number) => plural(L, count, { one: "The 1 that matches", other: "All # that match" }),
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
      anOrganization: "An organization",
      aPerson: "A person",
      organizationLegend: "An organization: fill these in (leave the person's empty)",
      organizationName: "Organization's name (public)",
      organizationNameHint: "Names may begin with + - or @, like +Acumen.",
      website: "Organization's website (optional, public)",
      websiteHint: "Like example.org or https://example.org/",
      contactName: "Contact person's name (optional, never shown publicly)",
      contactRole: "Contact person's role in it (optional, never shown publicly)",
      personLegend: "A person: fill these in (leave the organization's empty)",
      name: "Person's full name (public)",
      affiliation: "Affiliation (optional, public)",
      personTitle: "Title (optional, public)",
      city: "City (optional)",
      country: "Country (optional)",
      email: "Email (optional, never shown)",
      emailHint: "For an organization, its contact person's.",
      received: "Received",
      receivedBy: { paper: "On paper", email: "By email", other: "Another way" },
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
    confirmedOnRequest: "The signature is confirmed for its signer; your reason is in the moderation log.",
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
    ofSelected: (count: number) => `Of the ${formatNumber(count, L)} you selected`,
    ofPage: (count: number) => `Of the ${formatNumber(count, L)} on the page`,
    ofMatching: (count: number) => `Of the ${formatNumber(count, L)} that match the filter`,
    canBe: (count: number, moderated: string) => `, ${formatNumber(count, L)} can be ${moderated}`,
    others: (count: number) => `; the other ${formatNumber(count, L)} are not affected`,
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
      `Who did what in the organizer area, newest first. Each entry is kept ${days} days, then deleted.`,
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
      deliveredOn: "Delivered on",
      verified: "Verified",
      webhook: "Webhook",
      webhookGetsEmails: "Webhook gets emails",
      dailySummary: "Daily summary",
      mode: "Import mode",
      state: "Import step",
      answer: "Its answer",
    } as Record<string, string>,
    values: {
      unconfirmed: "waiting for its email",
      in_review: "waiting for review",
      confirmed: "counted",
      rejected: "rejected",
      hidden: "hidden",
      withdrawn: "withdrawn",
      draft: "draft",
      open: "open",
      closed: "closed",
      delivered: "delivered",
      organizers: "by the organizers",
      "email-domain": "by its email domain",
      on: "on",
      off: "off",
    } as Record<string, string>,
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
      "If you added a passkey to your account, your device's screen lock, fingerprint, face or security key signs you in: no email or token to type.",
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

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# signature", other: "# signatures" }),
    organizations: (count: number) => plural(L, count, { one: "# organization", other: "# organizations" }),
    individuals: (count: number) => plural(L, count, { one: "# individual", other: "# individuals" }),
  },
};

export type AdminMessages = typeof en;
