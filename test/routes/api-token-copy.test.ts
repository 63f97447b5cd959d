/**
 * The new API token's Copy button (issue 15): the answer that shows a token carries the button's
 * words in the organizer's language and loads its one script, which that answer's
 * Content-Security-Policy (and only it) allows: script-src 'self', nothing else added. The token
 * stays in a labelled read-only field, for browsers without script.
 */
import { describe, expect, it } from "vitest";
import { COPY_SCRIPT, COPY_SCRIPT_PATH } from "../../src/views/admin/copy-script";
import { fetchWorker, organizerPage, organizerPost, parseHtml, sessionAs } from "../helpers";

describe("a new API token's Copy button", () => {
  it("comes with the answer that shows the token, its script allowed there only", async () => {
    const session = await sessionAs("viewer");
    const made = await organizerPost(session, "/admin/account/tokens", { label: "Spreadsheet" });
    expect(made.status).toBe(200);
    const csp = made.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("connect-src");
    expect(csp).toContain("frame-ancestors 'none'");
    const page = parseHtml(await made.text());
    expect(page.querySelectorAll("script").map((script) => script.getAttribute("src"))).toEqual([COPY_SCRIPT_PATH]);
    const field = page.querySelector("#field-token")!;
    expect(field.hasAttribute("readonly")).toBe(true);
    expect(page.querySelector('label[for="field-token"]')!.text).toBe("Token for “Spreadsheet”");
    const button = page.querySelector("button[data-copy]")!;
    expect(button.getAttribute("data-copy")).toBe("field-token");
    expect(button.getAttribute("type")).toBe("button");
    expect(button.text.trim()).toBe("Copy the token");
    // Hidden until the script shows it: without script, no button that does nothing.
    expect(button.parentNode!.hasAttribute("hidden")).toBe(true);
    const status = page.querySelector(`#${button.getAttribute("data-status")}`)!;
    expect(status.getAttribute("role")).toBe("status");

    // The page without a new token loads no script, and its policy allows none.
    const list = await organizerPage(session, "/admin/account/tokens");
    expect(list.response.headers.get("Content-Security-Policy")).not.toContain("script-src");
    expect(list.document.querySelectorAll("script")).toHaveLength(0);
    // A refused form neither.
    const refused = await organizerPost(session, "/admin/account/tokens", { label: "" });
    expect(refused.status).toBe(422);
    expect(parseHtml(await refused.text()).querySelectorAll("script")).toHaveLength(0);

    const script = await fetchWorker(COPY_SCRIPT_PATH);
    expect(script.status).toBe(200);
    expect(script.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(await script.text()).toBe(COPY_SCRIPT);
  });

  it("speaks the organizer's language", async () => {
    const session = await sessionAs("editor");
    await organizerPost(session, "/admin/language", { language: "fr", back: "/admin/account/tokens" });
    const made = await organizerPost(session, "/admin/account/tokens", { label: "Tableur" });
    const button = parseHtml(await made.text()).querySelector("button[data-copy]")!;
    expect(button.text.trim()).toBe("Copier le jeton");
    expect(button.getAttribute("data-copied")).toMatch(/^Copié/);
  });
});
