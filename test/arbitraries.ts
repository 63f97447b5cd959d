/**
 * fast-check generators shared by the property tests of the sign form: the
 * rule's own (test/domain/signature.test.ts, many runs, no I/O) and the
 * HTTP one (test/routes/hostile-input.test.ts, fewer runs through the Worker).
 */
import fc from "fast-check";

/** Any short text: graphemes, raw UTF-16 (lone surrogates included), and known troublemakers. */
export const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "=1+1",
    "<img src=x onerror=alert(1)>",
    "\"'><",
    "\r\n",
    "\u0000",
    "\u202E",
    "https://x.example",
    "A\u0301\u0301\u0301\u0301\u0301\u0301",
  ),
);

/** A sign form as anyone could post it: every field present, holding any text. */
export const signFormFields = fc.record({
  kind: fc.constantFrom("organization", "individual", "", "other"),
  name: anyText,
  organization: anyText,
  city: anyText,
  country: fc.oneof(anyText, fc.constantFrom("HN", "us", "")),
  email: fc.oneof(anyText, fc.emailAddress()),
});

/** Text a person might type: mostly publishable, sometimes not. */
const typedText = fc.oneof(
  fc.constant(""),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
  fc.constantFrom("Ana Pérez", "  Zoë  d’Arc ", "李小龍", "O'Brien-Smith", "Radio Progreso", "Z\u0301", "e\u0301"),
);

/** A sign form a person might send: accepted often (about one in three), so acceptance is tried too. */
export const typedSignForm = fc.record({
  kind: fc.constantFrom("organization", "individual"),
  name: typedText,
  organization: typedText,
  title: typedText,
  city: typedText,
  country: fc.constantFrom("", "HN", "us", " br ", "XX"),
  email: fc.oneof(fc.emailAddress(), fc.constantFrom(" Ana.Perez@Example.ORG ", "no-at-sign")),
  hide_name: fc.constantFrom("", "1"),
});
