/**
 * The interface in English: every word a public page, a form error or an
 * email shows, with the catalog's shape (Messages) that every other
 * language must match key for key.
 */
import type { SignFormField, SignFormIssue } from "../signature";
import { englishTextProblem } from "../text";
import { formatDate, formatDayIn, formatMoment, formatNumber, plural } from "./format";

const L = "en";
const n = (value: number) => formatNumber(value, L);

const FIELD_LABELS: Record<SignFormField, string> = {
  kind: "The kind of signature",
  organization_name: "The organization's name",
  website: "The website",
  contact_name: "The contact person's name",
  contact_role: "The contact person's role",
  authorized: "The statement of authorization",
  name: "The name",
  organization: "The organization",
  title: "The title or role",
  city: "The city",
  country: "The country",
  email: "The email address",
  hide_name: "The choice to hide your name",
  notify_delivery: "The choice to be emailed when the letter is delivered",
};

// The English sentences about a refused text are the API's too: one copy, in domain/text.ts.
const textProblem = englishTextProblem;

export const en = {
  locale: L,
  date: (iso: string) => formatDate(iso, L),
  /** A moment in an IANA zone, with the zone's place and offset: a letter's closing time (see formatMoment). */
  moment: (iso: string, zone: string) =>
    formatMoment(iso, zone, L, (place: string | null, offset: string) => (place ? `${place} time, ${offset}` : offset)),
  /** The day a moment falls on in an IANA zone: the day signing closed. */
  dayIn: (iso: string, zone: string) => formatDayIn(iso, zone, L),
  number: n,

  layout: {
    /** Before the <title> of a page answering a form that was refused, so a screen reader says so first. */
    errorTitlePrefix: "Error: ",
    skipToContent: "Skip to content",
    footer: (site: string) =>
      `Published with ${site}, open-source software for sign-on letters. Email addresses are never shown.`,
    feedTitle: (site: string) => `${site}: open letters`,
    letterFeedTitle: (title: string) => `Updates: ${title}`,
    languages: "Languages of this letter",
    /** Before the verifier key of the records' checkpoints, in every page's footer. */
    recordKey: "The records of these letters are signed with the key",
    recordKeyLink: "the key as text",
  },

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# signature", other: "# signatures" }),
    /** The word after a number shown in bold. */
    signatureWord: (count: number) => plural(L, count, { one: "signature", other: "signatures" }),
    summary: (total: number, organizations: number, individuals: number) =>
      `${plural(L, total, { one: "# signature", other: "# signatures" })}: ${plural(L, organizations, { one: "# organization", other: "# organizations" })} and ${plural(L, individuals, { one: "# individual", other: "# individuals" })}`,
  },

  letter: {
    open: "Open for signatures",
    openUntil: (date: string) => `Open for signatures until ${date}`,
    closed: "Closed for signatures",
    closedOnDay: (date: string) => `Signing closed on ${date}`,
    signThisLetter: "Sign this letter",
    signatories: "Signatories",
    noneYet: "No one has signed yet.",
    beTheFirst: "Be the first.",
    seeMore: "See more signatories",
    unlisted: (count: number) =>
      plural(L, count, {
        one: "# signatory asked not to be listed by name.",
        other: "# signatories asked not to be listed by name.",
      }),
    signingClosed: "Signing has closed",
    noLongerTakes: "This letter no longer takes signatures.",
    closedOn: (date: string) => `This letter no longer takes signatures: signing closed on ${date}.`,
    deliveredOn: (date: string) => `Delivered on ${date}`,
    deliveredClosed: (date: string) => `This letter no longer takes signatures: it was delivered on ${date}.`,
    updatedOn: "Updated on",
    share: "Share this letter",
    shareEmail: "Email",
    shareEmailBody: (title: string, url: string) => `I signed this letter, and you can too:\n\n${title}\n${url}`,
    embedTitle: "Embed this letter on your site",
    embedIntro:
      "Copy this code into a page of your site: it shows the letter's title, its count, its first signatories and the sign form, and works without JavaScript. The script line is optional: it makes the frame as tall as the card.",
    embedCode: "Embed code",
    embedSourceBefore: "To see how many people signed through your site, add ",
    embedSourceMiddle: " and your organization's name (letters, digits and dashes) to the address in the code, e.g. ",
    embedSourceAfter: ". Sites that read oEmbed (WordPress and others) embed the letter from its address alone.",
    embedSourceExample: "your-organization",
  },

  form: {
    problems: (count: number) =>
      plural(L, count, {
        one: "There is a problem with your signature",
        other: "There are # problems with your signature",
      }),
    errorPrefix: "Error: ",
    signingAs: "I am signing",
    organizationGroup: "Your organization",
    organizationGroupHint: "If you sign for an organization. Its name, city, country and website are published.",
    organizationName: "Organization's name (public)",
    website: "Website (optional, public)",
    websiteHint:
      "Its own address, like example.org. When your email address is at the same domain, the organization is shown as verified.",
    contactName: "Your name, as its contact (private)",
    contactRole: "Your role in the organization (optional, private)",
    contactHint: "Private: the organizers see it, the public never.",
    authorized: "I am authorized to sign on behalf of this organization",
    individualGroup: "You",
    individualGroupHint: "If you sign as an individual. Your name, affiliation, title, city and country are published.",
    bothGroups: "Both",
    organizationTaken: (name: string) =>
      `${name} has already signed this letter, or its signature is waiting for its contact's confirmation. An organization signs once: if this is news to you, write to the letter's organizers: they can set aside a signature someone else made in its name, and you can then sign.`,
    forOrganization: "for an organization",
    asIndividual: "as an individual",
    name: "Your full name (public)",
    nameHint: "As it should appear on the letter.",
    organization: "Organization or affiliation (optional, public)",
    organizationHint: "Shown after your name; it does not sign for the organization.",
    title: "Title or role (optional, public)",
    city: "City (optional, public)",
    country: "Country (optional, public)",
    chooseCountry: "Choose a country",
    email: "Email address (private)",
    emailHint:
      "We send the confirmation link to it; never shown or shared. One individual signature per address; the same address may also sign once for an organization.",
    hideName: "Count this signature, but don't list it publicly (your name, or your organization's)",
    notifyDelivery: "Email me when this letter is delivered",
    notifyDeliveryHint:
      "One email to the address above, in this language, when the organizers deliver the letter; it has a link to stop it. Nothing else is sent.",
    honeypot: "Leave this field empty",
    needsJavaScript: "To protect this letter from robots, signing needs JavaScript turned on.",
    submit: "Sign the letter",
    privacy:
      "The names and details above appear on the public list unless you choose otherwise; for an organization, its own, never its contact's. Your email address is kept private.",
    robotCheckUnavailable:
      "We could not reach the service that tells people from robots, so nothing was saved. Please try again in a minute.",
    pressAgain:
      "Nothing is saved yet: to keep robots from signing, we ask you to check your details below and press “Sign the letter” once more.",
    tooMany: (seconds: number) =>
      `We received too many signatures from your connection in a short time, so nothing was saved yet. Your details are below: please wait ${plural(L, seconds, { one: "# second", other: "# seconds" })}, then press “Sign the letter” again.`,
    robotCheckFailed:
      "We could not confirm that you are a person, so nothing was saved. Please complete the check and sign again.",
    textChanged:
      "The letter's text was updated while you were reading it, so your signature was not saved. This page now shows the new text: read it, and if you still agree, press “Sign the letter” again to sign it. Your details are below.",
    seeWhatChanged: "See what changed.",
    issue(field: SignFormField, issue: SignFormIssue): string {
      const label = FIELD_LABELS[field];
      switch (issue.code) {
        case "repeated":
          return `${label} was sent more than once. Please send it once.`;
        case "not-text":
          return `${label} must be text, not a file.`;
        case "kind":
          return "Choose whether you sign for an organization or as an individual.";
        case "name-missing":
          return "Enter your full name.";
        case "organization-name-missing":
          return "Enter the organization's name.";
        case "contact-name-missing":
          return "Enter the name of the person signing for the organization (kept private).";
        case "authorized-missing":
          return "Tick the box to state that you are authorized to sign on behalf of this organization.";
        case "website":
          return "Enter the organization's website, like example.org, or leave it empty.";
        case "website-too-long":
          return `The website must be at most ${n(issue.max)} characters long.`;
        case "other-group":
          return issue.kind === "organization"
            ? "You chose to sign for an organization: this field is for individuals. Clear it, or choose “As an individual”."
            : "You chose to sign as an individual: this field is for organizations. Clear it, or choose “For an organization”.";
        case "country":
          return "Choose a country from the list.";
        case "email-missing":
          return "Enter your email address, like name@example.org.";
        case "email-too-long":
          return `The email address must be at most ${n(issue.max)} characters long.`;
        case "email-invalid":
          return "Enter a valid email address, like name@example.org.";
        case "text":
          return textProblem(label, issue.problem, issue.max);
      }
    },
  },

  signAgain: {
    title: "Please send your signature again",
    queueBusy:
      "We could not save your signature because our signature queue did not take it. Nothing was saved: please send it again.",
    databaseBusy:
      "We could not save your signature because our database did not answer in time. Nothing was saved: please send it again.",
    mailBusy:
      "Your signature is saved, but we could not send the email that confirms it. Please send it again: we will send a new email.",
  },

  list: {
    organizations: "Organizations",
    individuals: "Individuals",
    continued: (heading: string) => `${heading} (continued)`,
    verifiedByDomain: (domain: string) => `Verified: its contact confirmed an address at ${domain}`,
    verifiedByOrganizers: "Verified by the organizers",
    whatVerifiedMeans: "What “verified” means",
    verifiedExplained:
      "A check mark (✓) after an organization's name means it was verified: the person who signed for it confirmed an email address at the organization's own domain (the domain of the website it gave; a webmail address never counts), or the letter's organizers checked with the organization themselves. Organizations without the mark signed the same way, but were not verified.",
  },

  versionsPage: {
    title: (letterTitle: string) => `Versions of “${letterTitle}”`,
    back: "← Back to the letter",
    heading: "Versions of the text",
    of: "of",
    intro:
      "Each time the text of this letter, or of one of its translations, was published or changed while public, the new version was added to the letter's public record. Each version shows what changed from the one before it.",
    recordNote:
      "The record entry and the digest (SHA-256) let anyone check that a version is the text the record holds.",
    json: "These versions as JSON",
    none: "No version of this letter's text has been published yet.",
    version: (number: number) => `Version ${n(number)}`,
    publishedOn: "Published on",
    recordEntry: "Record entry",
    digest: "Digest",
    first: "The text as first published.",
    changes: (number: number) => `Changes from version ${n(number)}`,
    spacingOnly: "Only spaces or line breaks changed.",
    fields: { title: "Title", summary: "Summary", addressee: "Addressee", body: "Text" },
    added: "added:",
    removed: "removed:",
  },

  signatoriesPage: {
    title: (letterTitle: string) => `Signatories of “${letterTitle}”`,
    back: "← Back to the letter",
    heading: "Signatories",
    of: "of",
    noMore: "There are no more signatories to show.",
    pages: "Signatory pages",
    next: "Next page of signatories",
    last: "This is the last page.",
    first: "First page",
  },

  thanks: {
    counted: "Thank you for signing",
    confirmEmail: "Check your email to confirm",
    review: "Thank you for signing",
    confirmed: "Your signature is confirmed",
    youSignedOrganization: "You signed for an organization:",
    asContact: (name: string) =>
      `You are signing for ${name} as its contact: the organization's name is published, never yours.`,
    domainTaken:
      "Another organization on this letter has already confirmed an address at the same domain, so this signature is not counted yet: the organizers will look at it.",
    verified: (domain: string) =>
      `Your address is at ${domain}, the domain of the organization's website: the organization is shown as verified.`,
    youSignedIndividual: "You signed as an individual:",
    emailSent: "We sent you an email with a link. ",
    countsOnceConfirmed: "Your signature counts once you open it and confirm.",
    emailMissing:
      " If it does not arrive within a few minutes, look in your spam folder, or sign again to get a new link.",
    emailMissingClosed: " If it does not arrive within a few minutes, look in your spam folder.",
    reviewNotice: "The organizers review organizations' signatures before they appear on the letter.",
    queuedPublic:
      "Your signature is on its way: it will be counted, and your name listed on the letter, within a minute or two.",
    queuedPublicOrganization:
      "Your signature is on its way: it will be counted, and the organization's name listed on the letter, within a minute or two.",
    queuedPrivate:
      "Your signature is on its way: it will be counted within a minute or two, and your name will not be listed publicly.",
    public: "Your name will appear on the letter's public list within a minute or two.",
    publicOrganization:
      "The organization's name will appear on the letter's public list within a minute or two; yours never will.",
    private: "Your signature is counted, and your name will not be listed publicly.",
    letterHas: (counts: string) => `The letter has ${counts}.`,
    letterNowHas: (counts: string) => `The letter now has ${counts}.`,
    notifyDelivery: "We will email you when this letter is delivered.",
    share: "Help it grow: share the letter's address",
    changedMind: "Changed your mind?",
    withdrawBefore: "You can take your signature back at any time with this private link. Keep it to yourself: ",
    withdrawLink: "withdraw my signature",
    withdrawInEmail: "The email we sent you has your private link to take your signature back at any time.",
    withdrawLinkHidden: (hours: number) =>
      `This page shows your private link only for ${n(hours)} hours after signing. If you kept it, it still works; if the letter sent you an email, the link is in it too.`,
    back: "← Back to the letter",
  },

  recordEntry: {
    title: (seq: number, letterTitle: string) => `Entry ${n(seq)} of the record of “${letterTitle}”`,
    heading: (seq: number) => `Entry ${n(seq)} of the public record`,
    back: "← Back to the letter",
    of: "In the public record of",
    intro:
      "The record lists, in order, every change to who is counted on this letter and every published version of its text. Each entry is hashed into a tree whose root the letter publishes, so an entry changed, removed or reordered afterwards no longer matches it.",
    number: "Number",
    event: "What happened",
    time: "When",
    kind: "Signed",
    details: "Public details",
    reference: "Reference",
    digest: "Digest of the details",
    hash: "Entry hash",
    events: {
      signed: "Signed the letter",
      withdrawn: "Withdrew their signature",
      hidden: "Hidden by the organizers",
      rejected: "Set aside by the organizers",
      restored: "Restored by the organizers",
      removed: "Taken off the letter by the organizers",
      text: "A version of the letter's text was published",
    },
    kinds: { organization: "For an organization", individual: "As an individual" },
    erased:
      "None any more: they were erased when the signature was withdrawn or set aside. The digest still covers them, so the entry's hash has not changed.",
    unlisted: "None: this signatory asked not to be listed by name.",
    textVersion: (ref: string) => `The text version ${ref}; the digest is the SHA-256 of that version.`,
    later: "What happened after",
    laterItem: (seq: number) => `Entry ${n(seq)}`,
    nothingLater: "Nothing since: no later entry is about this signature.",
    nothingLaterText: "Nothing since: no later entry is about this version of the text.",
    inTree: (size: number) =>
      `The record has ${plural(L, size, { one: "# entry", other: "# entries" })} so far. Its root hash, which covers this entry:`,
    check: "Check it yourself",
    checkIntro:
      "With Node.js and a copy of Undersigned's source code, this command reads the letter's whole record, recomputes every hash, and checks that this entry, with this hash, is still in it:",
    json: "This entry as JSON, with its proof of inclusion in the record",
    record: "The whole record as JSON",
  },

  /** The record's overview (/letters/{slug}/record): what it is, how long, where its parts are. */
  recordPage: {
    title: (letterTitle: string) => `The public record of “${letterTitle}”`,
    heading: "The public record",
    of: "Of the letter",
    size: (length: number, sealed: number) =>
      `The record has ${plural(L, length, { one: "# entry", other: "# entries" })} so far; ${plural(L, sealed, { one: "the first is", other: "the first # are" })} hashed into the tree whose root the letter publishes:`,
    empty: "The record has no entries yet: it starts when the letter is published.",
    read: "Read it",
    newest: (seq: number) => `The newest entry (number ${n(seq)})`,
    first: "The first entry",
    checkpoints: "Its checkpoints, each signed with the record key",
    key: "The record key",
    checkIntro:
      "With Node.js and a copy of Undersigned's source code, this command reads the letter's whole record, recomputes every hash and checks every signed checkpoint:",
    overview: "The record: what it is and how to check it",
  },

  yourEntry: {
    heading: "Your entry in the public record",
    isEntry: (seq: number) => `Your signature is entry ${n(seq)} of the letter's public record. Its hash:`,
    see: "See your entry, and how to check that it stays in the record",
    review: "Your signature gets its entry in the letter's public record once the organizers approve it.",
    queued: "Your signature gets its numbered entry in the letter's public record when it is counted.",
    inEmail: "The email we sent you gives your entry's number in the letter's public record, and how to check it.",
    none: "There is no entry for this signature in the letter's public record.",
  },

  links: {
    confirmTitle: "Confirm your signature",
    on: "On",
    confirmButton: "Confirm my signature",
    confirmListedOrganization: "It will be listed among the organizations, as:",
    confirmDeliveryNotice:
      "You asked to be emailed when this letter is delivered: confirming keeps that request. That email has a link to stop it.",
    confirmWebsite: (url: string) => `Its website, published with its name: ${url}`,
    confirmAsContact: (name: string, contact: string) =>
      `You are signing for ${name} as its contact (${contact}). Your name, role and email stay private: the organizers see them, the public never.`,
    confirmListedIndividual: "It will be listed among the individuals, as:",
    confirmNotListedIndividual:
      "It will be counted among the individuals, without your name on the public list. For you only, what you entered:",
    confirmNotListedOrganization:
      "It will be counted among the organizations, without its name on the public list. For you only, what you entered:",
    detailsChanged: {
      title: "Please check your signature again",
      message:
        "What this signature says changed after you opened the page (someone signed again with your address). Nothing was confirmed: check what it says now, and confirm only if it is right.",
    },
    goToLetter: (title: string) => `Go to the letter: ${title}`,
    withdrawTitle: "Withdraw your signature",
    withdrawBefore: "This removes your signature from ",
    withdrawAfter:
      ": your name leaves the public list, the letter's data and its record, and the counts go down by one.",
    /** After withdrawAfter / withdrawnMessage: whether the letter can be signed again, by its state. */
    signAgainOpen: " You can sign again while the letter is open for signatures.",
    signAgainClosed: " Signing has closed, so it can't be signed again.",
    withdrawWhose: "The signature this link takes back:",
    withdrawButton: "Withdraw my signature",
    unsubscribeTitle: "Stop the delivery email",
    unsubscribeText: (title: string) =>
      `Press the button and you will get no more emails about "${title}": your signature stays as it is.`,
    unsubscribeButton: "Stop the email",
    unsubscribedTitle: "You will not be emailed about this letter",
    unsubscribedMessage: "Done: you will get no more emails about this letter. Your signature stays as it is.",
    unsubscribeAlready: {
      title: "Already done",
      message:
        "You had already asked for no more emails about this letter: none will be sent. Your signature stays as it is.",
    },
    unsubscribeDead: {
      title: "This link doesn't work",
      message:
        "It is incomplete, or belongs to no signature on this letter. Copy the whole link from the email and open it again.",
    },
    withdrawnTitle: "Your signature has been withdrawn",
    withdrawnMessage:
      "Your signature has been withdrawn: your name no longer appears on the letter, in its data or in its record, and the counts no longer include it. A copy of the letter's page already open, kept by your browser or by a data center far from you may still show it for a few minutes.",
    invalid: {
      title: "This link is not valid",
      message:
        "We have no signature waiting for this link. Copy the whole link from the email and open it again, or sign the letter again with the same email address to be sent it again.",
    },
    deadLink: {
      title: "This link doesn't work",
      message:
        "It is incomplete, belongs to no signature on this letter, or has already been used. If your signature is on the letter and you want to take it back, sign the letter again with the same email address: we will email your private link to that address, and nothing changes on the letter.",
      messageNoMail:
        "It is incomplete, belongs to no signature on this letter, or has already been used. If your signature is on the letter and you no longer have your private link, ask the letter's organizers.",
    },
    alreadyConfirmed: {
      title: "Already confirmed",
      message: "This signature was already confirmed. There is nothing more to do.",
    },
    notOnLetter: {
      title: "This signature is no longer on the letter",
      message: "It was withdrawn or set aside, so it can't be confirmed. You can sign again.",
    },
    closedBeforeConfirmation: {
      title: "Signing has closed",
      message: "The letter stopped taking signatures before this one was confirmed.",
    },
    expired: (days: number) => ({
      title: "This link has expired",
      message: `Confirmation links work for ${n(days)} days. Sign the letter again to get a new one.`,
    }),
  },

  embed: {
    title: (letterTitle: string) => `Sign: ${letterTitle}`,
    thanks: "Thank you for signing",
    confirmEmail: "We sent you an email with a link: your signature counts once you open it and confirm.",
    review: "The organizers review organizations' signatures before they appear on the letter.",
    queued: "Your signature is on its way: it will be counted within a minute or two.",
    counted: "Your signature is counted.",
    changedMind: "Changed your mind? ",
    withdraw: "Withdraw my signature",
    among: "Among the signatories",
    readFull: "Read the full letter",
    publishedWith: "Published with ",
    neverShown: ". Email addresses are never shown.",
    addressee: (to: string) => `To: ${to}`,
    back: "Back",
    address: "The letter's address",
    addressHint: "Select the address to copy it.",
  },

  errors: {
    backHome: "Go to the list of letters",
    status: (status: number) => `Error ${status}`,
    letterNotFound: {
      title: "Letter not found",
      message: "There is no published letter at this address. It may have been mistyped, or the letter may have moved.",
    },
    languageNotFound: (languages: string) => ({
      title: "This letter is not available in that language",
      message: `This letter can be read in: ${languages}.`,
    }),
    signingClosed: (letterTitle: string, closedOn: string | null) => ({
      title: "Signing has closed",
      message: `“${letterTitle}” no longer takes signatures${closedOn ? `: signing closed on ${closedOn}` : ""}. Your signature was not recorded.`,
    }),
    tooMany: (seconds: number) => ({
      title: "Too many signatures at once",
      message: `We received too many signatures from your connection in a short time. Nothing was saved. Please wait ${n(seconds)} seconds and try again.`,
    }),
    thankYouInvalid: {
      title: "This thank-you link is not valid",
      message:
        "The link is incomplete or was changed. If you signed, your signature is not affected: you can check the list on the letter's page.",
    },
    /** A draft's preview link that opens nothing (a wrong key, or one made before "New preview link"). */
    previewNotFound: {
      title: "Preview not found",
      message:
        "This preview link is not valid: it is incomplete, or the organizers made a new one since. Ask the letter's organizers for the current link.",
    },
    linkIncomplete: {
      title: "This link is not complete",
      message: "The link is missing a part or was changed. Copy the whole link from the email and open it again.",
    },
    entryNumber: {
      title: "There is no such entry",
      message:
        "The entries of a letter's record are numbered 1, 2, 3 and so on, and this address names none of them. Check the address, or start from the letter's page.",
    },
    entryNotFound: (length: number) => ({
      title: "There is no such entry",
      message: `This letter's record has ${plural(L, length, { one: "# entry", other: "# entries" })} so far, and none with that number.`,
    }),
    cursor: {
      title: "This list link is broken or out of date",
      message:
        "The link to this page of signatories is not valid. Go back to the letter and follow “See more signatories” again.",
    },
    cursorPastEnd: {
      title: "This list link goes past the end of the list",
      message:
        "There are no signatories after the place this link points to: names listed before it may have been removed since. Start again from the first page of signatories.",
    },
    formUnreadable: {
      title: "That request could not be understood",
      message: "The form's content could not be read. Please send it again from the letter's page.",
    },
    oddFields: (names: string) => ({
      title: "That form had fields it does not use",
      message: `The form sent ${names}, which no form of ours has. Please sign using the form on the letter's page.`,
    }),
    /** `allow`: the methods joined with "or" in the page's language ("GET or HEAD"; http/errors.tsx). */
    methodNotAllowed: (allow: string) => `This address only accepts ${allow} requests.`,
    database: {
      title: "This page is not available right now",
      message: "Our database did not answer in time. Please try again in a minute.",
    },
    byStatus: {
      400: {
        title: "That request could not be understood",
        message: "Something in the request was malformed. Please go back and try again.",
      },
      403: {
        title: "This form must be sent from this site",
        message:
          "For your safety we only accept signatures sent from the letter's own page. Open the letter and sign there.",
      },
      404: {
        title: "Page not found",
        message: "There is no page at this address. It may have been mistyped, or the letter may have moved.",
      },
      405: { title: "That method is not allowed here", message: "This address does not accept that kind of request." },
      413: {
        title: "That was too much to send",
        message: "The form sent more data than a signature needs. Please shorten what you typed and try again.",
      },
      415: {
        title: "That kind of content is not accepted",
        message: "Send the form as an ordinary web form (application/x-www-form-urlencoded or multipart/form-data).",
      },
      500: {
        title: "Something went wrong on our side",
        message: "We could not complete your request. Please try again in a moment.",
      },
      503: { title: "This service is not available right now", message: "Please try again in a few minutes." },
    } as Record<number, { title: string; message: string }>,
  },

  mail: {
    asContact: (name: string) =>
      `You are signing for ${name} as its contact: the organization's name is published, never yours.`,
    organizationTakenSubject: (title: string) => `Your organization had already signed: ${title}`,
    organizationTakenText: (title: string, name: string, letter: string) => [
      `${name} had already signed "${title}" (or its signature is waiting for its contact's confirmation), so the signature you sent for it was not kept. An organization signs once.`,
      "",
      "If this is news to you, write to the letter's organizers: they can set aside a signature someone else made in its name, and you can then sign again. The letter:",
      letter,
    ],
    deliveredSubject: (title: string) => `Delivered: ${title}`,
    deliveredText: (title: string, day: string, letter: string, unsubscribe: string) => [
      `"${title}", which you signed, was delivered on ${day}.`,
      "",
      "The letter, with what its organizers say about the delivery:",
      letter,
      "",
      "You get this email because you asked for it when you signed; it is the only one. If it reached you by mistake, or to ask for nothing more:",
      unsubscribe,
    ],
    footer: "Undersigned never shows or shares your email address.",
    confirmSubject: (title: string) => `Confirm your signature: ${title}`,
    confirmText: (title: string, days: number, confirm: string, withdraw: string) => [
      `Thank you for signing "${title}".`,
      "",
      "Your signature counts once you confirm it. Open this link and press the button on the page:",
      confirm,
      "",
      `The link works for ${n(days)} days. If you did not sign, ignore this email: nothing is published without confirmation.`,
      "",
      "To take your signature back at any time, use this private link:",
      withdraw,
    ],
    alreadySubject: (title: string) => `You have already signed: ${title}`,
    alreadyText: (title: string, letter: string, withdraw: string) => [
      `Someone, probably you, just signed "${title}" again with this email address.`,
      "",
      "Your first signature stands, so nothing has changed. The letter:",
      letter,
      "",
      "To take your signature back, use this private link:",
      withdraw,
    ],
    entryText: (seq: number, hash: string, url: string) => [
      `Your signature is entry ${n(seq)} of the letter's public record, with the hash`,
      hash,
      "Your entry, and how to check that it stays in the record:",
      url,
    ],
    confirmRef: (ref: string) => [
      "Once you confirm, your signature gets a numbered entry in the letter's public record, under the reference",
      ref,
      "The page you reach after confirming shows its number and hash.",
    ],
    reviewText: (title: string, letter: string, withdraw: string) => [
      `Thank you for signing "${title}". The organizers review organizations' signatures before they count: once they approve yours, it is counted and gets its entry in the letter's public record. The letter:`,
      letter,
      "",
      "To take your signature back at any time, use this private link:",
      withdraw,
    ],
    signedSubject: (title: string) => `Thank you for signing: ${title}`,
    signedText: (title: string, letter: string, withdraw: string) => [
      `Thank you for signing "${title}". Your signature is counted. The letter:`,
      letter,
      "",
      "To take your signature back at any time, use this private link:",
      withdraw,
    ],
  },
};

/** The shape of every catalog: a language missing a key, or with a wrong one, does not compile. */
export type Messages = typeof en;
