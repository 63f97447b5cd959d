/**
 * Importing signatures in Chromium with JavaScript off, on the app `npm
 * start` serves: an organizer uploads a Google Forms export, checks the
 * guessed columns, sees the preview (a refused row, a duplicate), imports,
 * and finds the signatures on the letter's public page.
 */
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");

const EXPORT = [
  '"Marca temporal","Dirección de correo electrónico","Firma como","Nombre","Organización","Cargo","País","Ciudad"',
  '"2026/11/20 10:00:00","lucia@fjp-browser.org","Organización","Lucía Ramírez","Fundación Justicia Navegador","Directora","Honduras","Tegucigalpa"',
  '"2026/11/20 10:05:00","ana.browser@example.org","Persona","Ana Navegador","Red de Mujeres","","México",""',
  '"2026/11/20 10:06:00","ANA.browser@example.org","Persona","Ana Otra Vez","","","México",""',
  '"2026/11/20 10:07:00","no-es-correo","Persona","Sin Correo Válido","","","HN",""',
  '"2026/11/20 10:08:00","+acumen@acumen-browser.org","Organización","Contacto Acumen","+Acumen","","Estados Unidos",""',
].join("\r\n");

describe.skipIf(!hasChromium)("importing signatures in Chromium", () => {
  const newVisitor = chromiumVisitors();

  it("walks upload → map → preview → import → done, and the signatures are public", async () => {
    const context = await newVisitor({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);

    // A letter of its own, open, counted at once.
    const slug = `import-browser-${Date.now()}`;
    await page.goto(`${baseUrl}/admin/letters/new`);
    await page.getByLabel("Title", { exact: true }).fill("A letter to import into");
    await page.getByLabel("Address", { exact: true }).fill(slug);
    await page.getByLabel("Addressee").fill("Someone");
    await page.getByLabel("Text of the letter").fill("We, the undersigned organizations, ask.");
    await page.getByLabel("Email confirmation").selectOption("no");
    // The form offers the language its person last wrote a letter in (another test's, maybe).
    await page.getByLabel("Language", { exact: true }).selectOption({ label: "English" });
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(/done=created/);
    await page.getByRole("button", { name: "Publish: open for signatures" }).click();
    await page.waitForURL(/done=publish/);

    // From its signatures page to the import.
    await page.goto(`${baseUrl}/admin/letters/${slug}/signatures`);
    await page.getByRole("link", { name: "Import signatures" }).click();
    expect(await page.locator("h1").textContent()).toBe("Import signatures");
    const folder = await mkdtemp(join(tmpdir(), "import-"));
    const file = join(folder, "Firmas (respuestas).csv");
    await writeFile(file, `\uFEFF${EXPORT}\r\n`);
    await page.getByLabel("A CSV file").setInputFiles(file);
    await page.getByRole("button", { name: "Read the rows" }).click();
    await page.waitForURL(/\/admin\/imports\/.+\/\d+$/);
    expect(await page.locator("h1").textContent()).toBe("Import: Firmas (respuestas).csv");

    // The guessed columns, the kind from its column, the coalition vouching.
    expect(await page.getByLabel("Dirección de correo electrónico").inputValue()).toBe("email");
    expect(await page.getByLabel("Organización", { exact: true }).inputValue()).toBe("organization");
    expect(await page.getByLabel("Marca temporal").inputValue()).toBe("ignore");
    expect(await page.getByLabel(/As the column mapped/).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Check the rows" }).click();
    await page.waitForURL(/done=previewed/);

    expect(await page.locator(".import-counts li").allTextContents()).toEqual([
      "3 will be imported",
      "1 refused",
      "1 duplicate",
    ]);
    expect(await page.locator(".preview-rows").textContent()).toContain("The same email address (mailbox) as row 3.");

    await page.getByRole("button", { name: "Import 3 signatures" }).click();
    await page.waitForURL(/done=started/);
    // Small imports finish in the first press; a larger one shows its progress and a Continue button.
    for (let press = 0; press < 20 && (await page.getByRole("button", { name: "Continue" }).count()) > 0; press++) {
      await page.getByRole("button", { name: "Continue" }).click();
      await page.waitForURL(/done=continued/);
    }
    expect(await page.locator("#done-title").textContent()).toBe("Done");
    expect(await page.locator(".import-counts li").first().textContent()).toBe("3 imported");
    expect(await page.locator(".imported-signatures").textContent()).toContain("+Acumen");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /rows not imported/ }).click();
    expect((await download).suggestedFilename()).toMatch(/refused\.csv$/);

    // On the public page: the organizations by name, the contact person nowhere.
    const letter = await context.newPage();
    await letter.goto(`${baseUrl}/letters/${slug}`);
    const text = (await letter.locator("main").textContent()) ?? "";
    expect(text).toContain("Fundación Justicia Navegador");
    expect(text).toContain("+Acumen");
    expect(text).toContain("Ana Navegador");
    expect(text).not.toContain("Lucía Ramírez");
    expect(text).not.toContain("Ana Otra Vez");
    await context.close();
  });

  it("with JavaScript on, the progress page presses Continue by itself until the import is done; axe finds nothing on its pages", async () => {
    const context = await newVisitor({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel("Admin token").fill(localAdminToken());
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    const slug = `import-script-${Date.now()}`;
    await page.goto(`${baseUrl}/admin/letters/new`);
    await page.getByLabel("Title", { exact: true }).fill("A letter for a larger import");
    await page.getByLabel("Address", { exact: true }).fill(slug);
    await page.getByLabel("Addressee").fill("Someone");
    await page.getByLabel("Text of the letter").fill("We ask.");
    await page.getByLabel("Email confirmation").selectOption("no");
    // The form offers the language its person last wrote a letter in (another test's, maybe).
    await page.getByLabel("Language", { exact: true }).selectOption({ label: "English" });
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.waitForURL(/done=created/);
    await page.getByRole("button", { name: "Publish: open for signatures" }).click();
    await page.waitForURL(/done=publish/);

    await page.goto(`${baseUrl}/admin/imports/${slug}`);
    expect(await axeViolations(page), "upload").toEqual([]);
    const rows = Array.from({ length: 650 }, (_, index) => `Persona ${index}\tp${index}.${slug}@example.org`);
    await page.getByLabel("Or rows pasted from a spreadsheet").fill(`Nombre\tCorreo\n${rows.join("\n")}\n`);
    await page.getByRole("button", { name: "Read the rows" }).click();
    // The upload reads the first 400 rows; the page's script presses Continue to read the rest.
    await page.waitForSelector('form[action$="/mapping"]', { timeout: 60_000 });
    expect(await axeViolations(page), "mapping").toEqual([]);
    await page.getByRole("button", { name: "Check the rows" }).click();
    // 25 rows are checked a step (IMPORT_CHECK_ROWS), the script pressing Continue, until the preview.
    await page.waitForURL(/done=previewed/, { timeout: 60_000 });
    expect(await axeViolations(page), "preview").toEqual([]);
    await page.getByRole("button", { name: "Import 650 signatures" }).click();
    // The first press imports up to 15 steps of 20 rows (IMPORT_BATCH_ROWS); the page's script presses Continue for the rest.
    await page.waitForSelector("#done-title", { timeout: 120_000 });
    expect(await page.locator(".import-counts li").first().textContent()).toBe("650 imported");
    expect(await axeViolations(page), "done").toEqual([]);
    await context.close();
  }, 240_000);
});
