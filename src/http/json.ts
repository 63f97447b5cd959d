/**
 * JSON bodies that are safe wherever they land: "<", ">", "&" and the two
 * JavaScript line terminators are written as \u escapes, so a name like
 * "</script>" stays inert even if a partner inlines the JSON into a page.
 */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

const UNSAFE = /[<>&\u2028\u2029]/g;

export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
