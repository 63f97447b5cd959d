/**
 * "Email me when this letter is delivered" (issue 16), as alphagov/e-petitions' "email me about this
 * petition" does it: an unticked box on the sign form (the embed card's and the API's too), the
 * consent kept with the signature, one email when the organizers mark the letter delivered, in the
 * language the signer signed in, with a link to stop it that works without logging in and by RFC 8058
 * one-click. Pure: the rules and the headers; app/delivery-notices.ts sends.
 */

/**
 * The wording the sign form's box shows now, as the consent stored with a signature names it
 * (signatures.delivery_notice_consent, migrations/0036): the catalogs' form.notifyDelivery and
 * form.notifyDeliveryHint in every language. A change of what the box promises takes a new version
 * ("delivery-notice-2"), so that each stored consent still says what was agreed to.
 */
export const DELIVERY_NOTICE_CONSENT = "delivery-notice-1";

/** The body a mail provider POSTs to a List-Unsubscribe address for a one-click unsubscribe (RFC 8058 §3.1). */
export const ONE_CLICK_BODY = "List-Unsubscribe=One-Click";

/**
 * The headers that let a mail client offer "Unsubscribe" for the delivery notice: the HTTPS link
 * (RFC 2369 §3.2) and the statement that a POST to it unsubscribes at once (RFC 8058 §3.1), which
 * Gmail and Yahoo ask of bulk senders.
 *
 * @param unsubscribeUrl absolute https URL of the signature's unsubscribe link (its token in the query)
 * @returns the two header fields, by name
 */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": ONE_CLICK_BODY };
}
