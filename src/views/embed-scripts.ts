/**
 * The two optional scripts of the embed, for sites that want the card's
 * iframe as tall as the card: one runs inside the card and tells the framing
 * page its height (postMessage); the other, which partners add next to the
 * iframe, sets the iframe's height from it, for messages from our origin only.
 * Without them the card works the same at its fixed height, with a scroll bar.
 */
import { fingerprint } from "./styles";

/** A message from the card to the page that frames it. */
export const HEIGHT_MESSAGE = "undersigned:height";

export const FRAME_SCRIPT = `(function () {
  if (window.parent === window) return;
  var last = 0;
  function report() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "${HEIGHT_MESSAGE}", height: height }, "*");
  }
  window.addEventListener("load", report);
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  else window.addEventListener("resize", report);
})();
`;

export const FRAME_SCRIPT_PATH = `/assets/embed-frame.${fingerprint(FRAME_SCRIPT)}.js`;

/** Where partners load the sizing script from (a stable address: it is in their pages). */
export const PARTNER_SCRIPT_PATH = "/embed.js";

/** The partner-side script, accepting heights only from `origin` and only for the iframe they came from. */
export function partnerScript(origin: string): string {
  return `(function () {
  var origin = ${JSON.stringify(origin)};
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.data || event.data.type !== "${HEIGHT_MESSAGE}") return;
    var height = Number(event.data.height);
    if (!(height > 0 && height < 20000)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = height + "px";
    }
  });
})();
`;
}
