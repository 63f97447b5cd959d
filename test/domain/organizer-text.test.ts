/**
 * What organizers type that colleagues read as it is (issue 15, second attack): control and format
 * characters refused in labels and names, dropped from import file names, refused in webhook
 * addresses; an address to go back to of any length is not kept.
 */
import { describe, expect, it } from "vitest";
import { NEXT_MAX_LENGTH, safeNext } from "../../src/domain/organizer-session";
import { importFileName } from "../../src/domain/signature-import";
import { organizerTextIssue } from "../../src/domain/text";
import { webhookUrlProblem } from "../../src/domain/webhook";

describe("organizerTextIssue", () => {
  it("refuses control and format characters, keeps the joiners writing needs", () => {
    expect(organizerTextIssue("\u0000")).toBe("control");
    expect(organizerTextIssue("Deploy\u001b[31m")).toBe("control");
    expect(organizerTextIssue("a\u000bb")).toBe("control");
    expect(organizerTextIssue("Work\u2063laptop")).toBe("invisible");
    expect(organizerTextIssue("Work\u202Elaptop")).toBe("invisible");
    expect(organizerTextIssue("\u3164")).toBe("invisible");
    expect(organizerTextIssue("\ud800")).toBe("unreadable");
    expect(organizerTextIssue("می\u200Cخواهم")).toBeUndefined();
    expect(organizerTextIssue("👩\u200D💻 laptop")).toBeUndefined();
    expect(organizerTextIssue("Signatures spreadsheet")).toBeUndefined();
  });
});

describe("safeNext", () => {
  it("keeps an address up to NEXT_MAX_LENGTH characters, and no longer one", () => {
    const at = `/admin?q=${"a".repeat(NEXT_MAX_LENGTH - 9)}`;
    expect(at).toHaveLength(NEXT_MAX_LENGTH);
    expect(safeNext(at)).toBe(at);
    expect(safeNext(`${at}a`)).toBe("/admin");
  });
});

describe("importFileName", () => {
  it("drops control and format characters", () => {
    expect(importFileName("evil\u202Evsc.exe")).toBe("evilvsc.exe");
    expect(importFileName("a\u0000b.csv")).toBe("ab.csv");
    expect(importFileName("\u2066\u2069")).toBe("pasted rows");
  });
});

describe("webhookUrlProblem", () => {
  it("refuses an address with spaces, control or format characters (the URL parser would drop or encode them)", () => {
    expect(webhookUrlProblem("https://crm.exam\tple.org/hook")).toBe("not-a-url");
    expect(webhookUrlProblem("https://crm.example.org/ho\u0000ok")).toBe("not-a-url");
    expect(webhookUrlProblem("https://crm.example.org/\u202Ekooh")).toBe("not-a-url");
    expect(webhookUrlProblem("https://crm.example.org/hook")).toBeUndefined();
  });
});
