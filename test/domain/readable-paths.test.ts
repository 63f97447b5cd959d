/** Which paths can name something here (domain/paths.ts isReadablePath), before any route reads a parameter. */
import { describe, expect, it } from "vitest";
import { isReadablePath, PATH_SEGMENT_MAX_LENGTH } from "../../src/domain/paths";

describe("isReadablePath", () => {
  it("admits the addresses we make, percent-encoded letters among them", () => {
    for (const path of [
      "/",
      "/letters/a-letter",
      "/letters/a-letter.json",
      "/admin/letters/a-letter/signatures/0123456789abcdef0123456789abcdef/approve",
      "/letters/caf%C3%A9",
      "/letters/%F0%9F%98%80",
      `/letters/${"x".repeat(PATH_SEGMENT_MAX_LENGTH)}`,
    ])
      expect(isReadablePath(path), path).toBe(true);
  });

  it("refuses invalid UTF-8, control characters, encoded slashes and over-long segments", () => {
    for (const path of [
      "/letters/%0d%0a/signatures",
      "/letters/a%00b",
      "/letters/%7F",
      "/letters/a%2Fb",
      "/letters/%5C%5Cevil.example",
      "/letters/a\\b",
      "/letters/%C3%28",
      "/letters/%ED%A0%80",
      "/letters/%",
      "/letters/a%zz",
      `/letters/${"x".repeat(PATH_SEGMENT_MAX_LENGTH + 1)}`,
    ])
      expect(isReadablePath(path), path).toBe(false);
  });
});
