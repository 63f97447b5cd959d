/**
 * The order organizers give the organizations that signed a letter
 * (POST /admin/letters/{slug}/order): a place per organization, in a field
 * named `position-{ref}`; an empty place (or 0) leaves it in signing order,
 * after the placed ones. Pure: no I/O.
 */
// zod/mini with named imports: the classic "z" namespace would put all of zod (about 780 KB) in the Worker.
import { NEVER, transform } from "zod/mini";
import { textOf } from "./form-fields";
import { issueAs } from "./organizer-words";

/** An organization's place: a whole number from 1, or null for none. */
export interface OrganizationPlace {
  ref: string;
  position: number | null;
}

const POSITION_FIELD = /^position-([0-9a-f]{32})$/;

export const organizationOrderSchema = transform((form: unknown, ctx): OrganizationPlace[] => {
  const places: OrganizationPlace[] = [];
  for (const [name, raw] of Object.entries(typeof form === "object" && form !== null ? form : {})) {
    const ref = POSITION_FIELD.exec(name)?.[1];
    if (!ref) continue;
    const text = textOf(raw).trim();
    if (text !== "" && !/^\d{1,5}$/.test(text)) {
      ctx.issues.push({ code: "custom", ...issueAs("placeInvalid", text.slice(0, 20)), input: text, path: [name] });
      return NEVER;
    }
    places.push({ ref, position: text === "" || Number(text) === 0 ? null : Number(text) });
  }
  return places;
});
