/**
 * The two optional scripts of the embed. One runs inside the card and tells
 * the framing page its height and, after a failed submission, where its error
 * summary is (postMessage); the other, which partners add next to the iframe
 * (/embed.js), sets the iframe's height from it and scrolls the partner's
 * page to the summary, for messages from our origin about its own iframes
 * only. Without them the card works the same at its fixed height, with a
 * scroll bar, and its summary at the top of the frame's page.
 *
 * Why the scroll: browsers skip autofocus in a frame whose origin is not the
 * top-level page's (Chrome does; see the HTML standard's autofocus steps,
 * https://html.spec.whatwg.org/multipage/interaction.html#the-autofocus-attribute),
 * so the summary's autofocus never brings it into view, and a card sized to
 * its height by embed.js has it far above where the person pressed Sign.
 *
 * The messages, each an object with a `type`:
 * - card → page, `{ type: HEIGHT_MESSAGE, height }`: the card's height in CSS pixels;
 * - card → page, `{ type: ERROR_MESSAGE, top }`: the error summary's distance
 *   from the top of the card's page, in CSS pixels, once per page that has one;
 * - page → card, `{ type: READY_MESSAGE }`: embed.js has started (it loads
 *   async, maybe after the card): the card answers with both again, to the
 *   page's origin only, when the message comes from its own parent window.
 */
import { fingerprint } from "./styles";

/** The card's height, to the page that frames it. */
export const HEIGHT_MESSAGE = "undersigned:height";
/** Where the card's error summary is, to the page that frames it. */
export const ERROR_MESSAGE = "undersigned:error-summary";
/** From embed.js to the cards on its page: say it again, I am listening now. */
export const READY_MESSAGE = "undersigned:ready";

/** Heights and offsets outside 0–MAX_PIXELS are not a card's, and are ignored. */
const MAX_PIXELS = 20000;

export const FRAME_SCRIPT = `(function () {
  if (window.parent === window) return;
  var last = 0;
  function send(message, origin) {
    window.parent.postMessage(message, origin || "*");
  }
  function height() {
    return Math.ceil(document.body.getBoundingClientRect().height);
  }
  function report() {
    var now = height();
    if (now === last) return;
    last = now;
    send({ type: "${HEIGHT_MESSAGE}", height: now });
  }
  function summary(origin) {
    var element = document.querySelector(".error-summary");
    if (!element) return;
    var top = Math.max(0, Math.round(element.getBoundingClientRect().top + window.pageYOffset));
    send({ type: "${ERROR_MESSAGE}", top: top }, origin);
  }
  window.addEventListener("load", function () {
    report();
    summary();
  });
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || !event.data || event.data.type !== "${READY_MESSAGE}") return;
    if (typeof event.origin !== "string" || !/^https?:\\/\\//.test(event.origin)) return;
    send({ type: "${HEIGHT_MESSAGE}", height: height() }, event.origin);
    summary(event.origin);
  });
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  else window.addEventListener("resize", report);
})();
`;

export const FRAME_SCRIPT_PATH = `/assets/embed-frame.${fingerprint(FRAME_SCRIPT)}.js`;

/** Where partners load the sizing script from (a stable address: it is in their pages). */
export const PARTNER_SCRIPT_PATH = "/embed.js";

/**
 * The partner-side script: accepts messages only from `origin` (ours, e.g.
 * "https://sign.example.org"), only of the shapes above with a number in
 * range, and only for the iframe they came from; sizes that iframe, or
 * scrolls the page so the card's error summary is in view.
 */
export function partnerScript(origin: string): string {
  return `(function () {
  var origin = ${JSON.stringify(origin)};
  function frameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }
  function pixels(value) {
    return typeof value === "number" && value >= 0 && value < ${MAX_PIXELS} ? value : null;
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || typeof data !== "object") return;
    var frame = frameOf(event.source);
    if (!frame) return;
    if (data.type === "${HEIGHT_MESSAGE}") {
      var height = pixels(data.height);
      if (height) frame.style.height = height + "px";
    } else if (data.type === "${ERROR_MESSAGE}") {
      var top = pixels(data.top);
      if (top === null) return;
      // A little room above the summary, so its edge is not against the window's.
      var target = frame.getBoundingClientRect().top + window.pageYOffset + top - 16;
      window.scrollTo(window.pageXOffset, Math.max(0, target));
    }
  });
  // Posting to a frame not at our origin yet (a lazy one still at about:blank) makes Chromium log an
  // error: post once it has loaded our card (each load: after signing it loads the thanks), and now
  // only if it already has. Never throws into the partner's page.
  function ready(frame) {
    try {
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: "${READY_MESSAGE}" }, origin);
    } catch (error) {}
  }
  function loaded(frame) {
    // about:blank has this page's origin, so its address is readable; the card's is not.
    try {
      return frame.contentWindow.location.href !== "about:blank";
    } catch (error) {
      return true;
    }
  }
  function watch(frame) {
    frame.addEventListener("load", function () {
      ready(frame);
    });
    if (frame.contentWindow && loaded(frame)) ready(frame);
  }
  var frames = document.getElementsByTagName("iframe");
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].src.indexOf(origin + "/") === 0) watch(frames[i]);
  }
})();
`;
}
