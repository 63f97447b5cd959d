/**
 * The organizer area laid out for a Spanish-speaking organizer at 1280 px (issue 15, third
 * trial), in Chromium against `npm start`: no word broken in the middle ("Propietar|io",
 * "Desactiv|ar", "ningun|o"), the header in two rows with the admin token's owner named once
 * ("Propietario (clave de administración)", never "… (propietario)" after it), every editor
 * select wide enough for its choice, a translation's original open beside its fields, and the
 * hand entry showing only the fields of who signed, where CSS has :has().
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");

/**
 * Every word (a run of letters and digits) of the page's visible text that the layout puts on more
 * than one line, with the element it is in: a Range over the word has client rectangles on
 * different lines. Long tokens (an email, an address) are not words: they may break.
 */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, option, .visually-hidden, [hidden], .email")) continue;
      const text = node.textContent ?? "";
      for (const match of text.matchAll(/[\p{L}\p{N}’']{2,}/gu)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(
          Array.from(range.getClientRects())
            .filter((rect) => rect.width > 0)
            .map((rect) => Math.round(rect.top)),
        );
        if (lines.size > 1) broken.push(`${match[0]} (in ${parent.tagName.toLowerCase()}.${parent.className})`);
      }
    }
    return broken;
  });
}

/**
 * The rows the header's menu takes beside the site's name (its parts' tops, 12 px apart or more: a
 * link and a button of one row differ by a few), and the signed-in line's words.
 */
function headerRows(page: Page): Promise<{ rows: number; signedIn: string }> {
  return page.evaluate(() => {
    const parts = Array.from(document.querySelectorAll(".admin-menu-items > *"));
    const tops = parts.map((part) => part.getBoundingClientRect().top).sort((a, b) => a - b);
    const rows = tops.filter((top, index) => index === 0 || top - tops[index - 1]! >= 12).length;
    return { rows, signedIn: document.querySelector(".signed-in")?.textContent ?? "" };
  });
}

/** Each visible select of the page's form fields whose chosen option (or any, for `all`) is wider than its box shows. */
function cutSelects(page: Page, all: string[] = []): Promise<string[]> {
  return page.evaluate((whole) => {
    const span = document.createElement("span");
    span.style.cssText = "position:absolute;visibility:hidden;white-space:pre";
    document.body.append(span);
    const cut: string[] = [];
    for (const select of Array.from(document.querySelectorAll<HTMLSelectElement>("main .field select"))) {
      if (select.getClientRects().length === 0) continue;
      const style = getComputedStyle(select);
      span.style.font = style.font;
      // The box less its padding and the arrow (about 1.5em).
      const room =
        select.clientWidth -
        parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight) -
        1.5 * parseFloat(style.fontSize);
      const options = Array.from(whole.includes(select.id) ? select.options : select.selectedOptions);
      for (const option of options) {
        span.textContent = option.textContent;
        if (span.getBoundingClientRect().width > room) cut.push(`${select.id}: ${option.textContent}`);
      }
    }
    span.remove();
    return cut;
  }, all);
}

describe.skipIf(!hasChromium)("the organizer area at 1280 px in Spanish, in Chromium", () => {
  const newVisitor = chromiumVisitors();

  it("breaks no word in the middle, keeps the header in two rows, and shows what it offers whole", async () => {
    const context = await newVisitor({
      locale: "es-HN",
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { "Accept-Language": "es-HN,es;q=0.9" },
    });
    const page = await context.newPage();
    const stamp = Date.now().toString(36);
    const slug = `carta-de-diseno-${stamp}`;
    await page.goto(`${baseUrl}/admin`);
    await page.getByLabel("Clave de administración").fill(localAdminToken());
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await page.waitForURL(`${baseUrl}/admin`);

    // A colleague invited, a letter in Spanish with a translation, a signature received on paper (no email).
    await page.goto(`${baseUrl}/admin/people`);
    await page.getByLabel("Nombre", { exact: true }).fill(`Carlos Diseño ${stamp}`);
    await page.getByLabel("Dirección de correo").fill(`carlos-${stamp}@example.org`);
    await page.getByLabel("Rol", { exact: true }).selectOption({ label: "Editor" });
    await page.getByRole("button", { name: "Enviar la invitación", exact: true }).click();
    await page.waitForURL(/\/admin\/people\?done=/);

    await page.goto(`${baseUrl}/admin/letters/new`);
    expect(await cutSelects(page, ["field-confirm-signatures"])).toEqual([]);
    await page.getByLabel("Título", { exact: true }).fill(`Carta de diseño ${stamp}`);
    await page.getByLabel("Dirección", { exact: true }).fill(slug);
    await page.getByLabel("Idioma", { exact: true }).selectOption({ label: "español" });
    await page.getByLabel("Destinatario", { exact: true }).fill("Su Excelencia\nSecretario General");
    await page.getByLabel("Texto de la carta", { exact: true }).fill("Estimado Secretario General:\n\nPedimos.");
    await page.getByLabel("Confirmación por correo").selectOption({ label: "Contar las firmas de inmediato" });
    await page.getByRole("button", { name: "Crear el borrador" }).click();
    await page.waitForURL(`${baseUrl}/admin/letters/${slug}?done=created`);
    await page.getByRole("button", { name: "Publicar: abrir a las firmas" }).click();
    await page.waitForURL(/done=publish$/);

    // The translation's original is open beside its fields.
    await page.goto(`${baseUrl}/admin/letters/${slug}/translations/en`);
    const original = page.locator("details.original");
    expect(await original.getAttribute("open")).not.toBeNull();
    const beside = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return { original: box("details.original"), title: box("#field-title"), body: box("#field-body") };
    });
    expect(beside.original.left).toBeGreaterThanOrEqual(beside.title.right);
    expect(beside.original.top).toBeLessThan(beside.body.top);

    // The hand entry: the fields of who did not sign are hidden once the choice is made.
    await page.goto(`${baseUrl}/admin/letters/${slug}/signatures`);
    await page.getByRole("radio", { name: "Una persona", exact: true }).check();
    expect(await page.getByRole("group", { name: "Si es una organización" }).isVisible()).toBe(false);
    expect(await page.getByRole("group", { name: "Si es una persona" }).isVisible()).toBe(true);
    await page.getByLabel("Nombre completo de la persona (público)").fill(`Persona en Papel ${stamp}`);
    await page.getByRole("button", { name: "Añadir la firma" }).click();
    await page.waitForLoadState("load");
    await page.getByRole("radio", { name: "Una organización", exact: true }).check();
    expect(await page.getByRole("group", { name: "Si es una persona" }).isVisible()).toBe(false);
    expect(await page.getByRole("group", { name: "Si es una organización" }).isVisible()).toBe(true);

    const problems: string[] = [];
    for (const path of [
      "/admin",
      "/admin/people",
      "/admin/activity",
      "/admin/account",
      "/admin/account/tokens",
      "/admin/letters/new",
      `/admin/letters/${slug}`,
      `/admin/letters/${slug}/signatures`,
      `/admin/letters/${slug}/translations/en`,
      `/admin/imports/${slug}`,
    ]) {
      await page.goto(`${baseUrl}${path}`);
      for (const word of await brokenWords(page)) problems.push(`${path}: ${word}`);
      for (const select of await cutSelects(page)) problems.push(`${path}: cut ${select}`);
      const { rows, signedIn } = await headerRows(page);
      if (rows > 2) problems.push(`${path}: the header takes ${rows} rows`);
      if (signedIn !== "Sesión iniciada: Propietario (clave de administración)") problems.push(`${path}: ${signedIn}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
