/**
 * What a person typed (a name, a title, an affiliation, a city, an
 * organization's or a letter's name), shown as its own bidirectional
 * isolate: a <bdi>, so that a right-to-left field never reorders with its
 * neighbours (see domain/bidi.ts), with dir="rtl" when it starts with a
 * right-to-left letter (<bdi> alone would guess the same; saying it lets CSS
 * and checkers see it).
 */
import { textDirection } from "../domain/bidi";

export function Isolated({ text, class: className }: { text: string; class?: string }) {
  return (
    <bdi class={className} dir={textDirection(text) === "rtl" ? "rtl" : undefined}>
      {text}
    </bdi>
  );
}
