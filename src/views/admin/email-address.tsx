/**
 * An email address in an organizer table or list, broken across lines only
 * where it still reads as one: after its "@" and before a dot, never inside
 * a name or after a hyphen (`td { overflow-wrap: anywhere }` broke
 * "ana.lopez@exa / mple.org"). The breaks are `<wbr>`, which adds nothing to
 * the text: the address is copied whole. A part longer than
 * UNBROKEN_MAX_CHARS may still break inside, so that no address pushes a
 * phone's page sideways.
 */

/** Parts of this many characters or fewer are never broken inside (about 240 px at the area's table size). */
export const UNBROKEN_MAX_CHARS = 32;

/** "ana.lopez@example.org" → ["ana", ".lopez@", "example", ".org"]: a part starts before each dot and after the "@". */
export function emailParts(email: string): string[] {
  const parts: string[] = [];
  let part = "";
  for (const character of email) {
    if (character === "." && part && !part.endsWith("@")) {
      parts.push(part);
      part = "";
    }
    part += character;
    if (character === "@") {
      parts.push(part);
      part = "";
    }
  }
  if (part) parts.push(part);
  return parts;
}

export function EmailAddress({ email }: { email: string }) {
  return (
    <span class="email">
      {emailParts(email).map((part, index) => (
        <>
          {index > 0 && <wbr />}
          <span class={part.length <= UNBROKEN_MAX_CHARS ? "email-part" : undefined}>{part}</span>
        </>
      ))}
    </span>
  );
}
