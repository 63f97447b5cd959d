/**
 * The sign form's rule (signFormSchema, domain/signature.ts) over arbitrary
 * input, without I/O, so it can take many runs: it never throws, what it
 * accepts is publishable as it stands, and what it refuses is explained
 * field by field. test/routes/hostile-input.test.ts checks, on fewer runs,
 * that the Worker answers, stores and escapes accordingly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeParse } from "zod/mini";
import { isCountryCode } from "../../src/domain/countries";
import { normalizeEmail } from "../../src/domain/mailbox";
import {
  FIELD_LIMITS,
  isEmailAddress,
  SIGN_FORM_FIELDS,
  signFormErrors,
  signFormSchema,
  signFormValues,
} from "../../src/domain/signature";
import { normalizeText, publicTextIssue } from "../../src/domain/text";
import { anyText, signFormFields, typedSignForm } from "../arbitraries";

/** Forms as the body parser hands them over: anything, what a person might send, and fields left out, repeated (arrays), or holding a file. */
const rawForms = fc.oneof(
  signFormFields,
  typedSignForm,
  fc.record(
    {
      kind: fc.oneof(fc.constantFrom("organization", "individual"), anyText),
      name: fc.oneof(anyText, fc.array(anyText, { minLength: 2, maxLength: 3 })),
      title: anyText,
      email: fc.oneof(fc.emailAddress(), fc.constant(new File(["x"], "x.txt"))),
      hide_name: fc.oneof(fc.constantFrom("", "1", "on"), anyText),
      website: anyText,
    },
    { requiredKeys: [] },
  ),
);

describe("signFormSchema over arbitrary input", () => {
  it("never throws; accepts only publishable, normalized values; explains each refusal beside a field", () => {
    fc.assert(
      fc.property(rawForms, (raw) => {
        const result = safeParse(signFormSchema, raw);
        if (result.success) {
          const input = result.data;
          expect(["organization", "individual"]).toContain(input.kind);
          expect(input.name).not.toBe("");
          for (const field of ["name", "organization", "title", "city"] as const) {
            const value = input[field];
            if (value === null) continue;
            expect(value, field).toBe(normalizeText(value));
            expect(publicTextIssue(value, FIELD_LIMITS[field]), `${field}: ${JSON.stringify(value)}`).toBeUndefined();
          }
          if (input.kind === "organization") expect(input.organization).toBeNull();
          expect(input.email).toBe(normalizeEmail(input.email));
          expect(isEmailAddress(input.email)).toBe(true);
          if (input.country !== null) expect(isCountryCode(input.country)).toBe(true);
        } else {
          const errors = signFormErrors(result.error);
          expect(Object.keys(errors).length).toBeGreaterThan(0);
          for (const [field, message] of Object.entries(errors)) {
            expect(SIGN_FORM_FIELDS as readonly string[]).toContain(field);
            expect(message.length).toBeGreaterThan(10);
          }
        }
        // What the page puts back in the form is plain text of bounded length.
        for (const value of Object.values(signFormValues(raw))) {
          expect(typeof value).toBe("string");
          expect(value.length).toBeLessThanOrEqual(1_000);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
