/**
 * The Nu HTML Checker (vnu-jar from npm, the W3C validator's own checker) on
 * pages the tests collected: one Java run for all of them. Java comes from
 * Debian's default-jre-headless (.ci/run installs it); vnu-jar's own
 * postinstall download of a Java is never used.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const VNU_JAR = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

interface VnuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * The checker's errors on each page: `pages` maps a name (a URL, for the
 * report) to its HTML as served; the answer maps each name with errors to
 * one line per error ("line 12: Duplicate ID “a”. (…extract…)"). Warnings
 * are not errors. Throws when Java or the checker can't run.
 */
export async function htmlErrors(pages: Map<string, string>): Promise<Map<string, string[]>> {
  const folder = await mkdtemp(join(tmpdir(), "undersigned-vnu-"));
  try {
    const names = new Map<string, string>();
    let index = 0;
    for (const [name, html] of pages) {
      const file = join(folder, `page-${index++}.html`);
      names.set(`file:${file}`, name);
      await writeFile(file, html);
    }
    const { stdout, stderr } = await promisify(execFile)(
      "java",
      ["-jar", VNU_JAR, "--format", "json", "--exit-zero-always", ...[...names.keys()].map((url) => url.slice(5))],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    // vnu writes its JSON report to stderr.
    const report = JSON.parse(stderr || stdout) as { messages: VnuMessage[] };
    const errors = new Map<string, string[]>();
    for (const message of report.messages) {
      if (message.type === "info") continue;
      const name = names.get(message.url) ?? message.url;
      const line = `line ${message.lastLine ?? "?"}: ${message.message}${message.extract ? ` (…${message.extract.trim()}…)` : ""}`;
      errors.set(name, [...(errors.get(name) ?? []), line]);
    }
    return errors;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
