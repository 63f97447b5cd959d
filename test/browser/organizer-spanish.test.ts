/**
 * A Spanish-speaking organizer (a browser that asks for Spanish) runs a
 * letter from start to end with the organizer area in Spanish, in Chromium
 * against `npm start`: logs in, writes a letter in Spanish, translates it
 * into English, publishes it, closes signing (answering the question asked
 * first) and marks it delivered; every control is found by its Spanish name.
 * The person's stored preference is never touched: the browser decides.
 */
import { describe, expect, inject, it } from "vitest";
import { chromiumVisitors, hasChromium } from "./chromium";
import { localAdminToken } from "./organizer";

const baseUrl = inject("baseUrl");

describe.skipIf(!hasChromium)("the organizer area in Spanish, in Chromium", () => {
  const newVisitor = chromiumVisitors();

  it("creates, translates, publishes, closes and delivers a letter with every step in Spanish", async () => {
    const context = await newVisitor({ locale: "es-HN", extraHTTPHeaders: { "Accept-Language": "es-HN,es;q=0.9" } });
    const page = await context.newPage();
    const stamp = Date.now().toString(36);
    const slug = `carta-en-espanol-${stamp}`;

    await page.goto(`${baseUrl}/admin`);
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await page.getByLabel("Clave de administración").fill(localAdminToken());
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    expect(await page.locator("h1").textContent()).toBe("Cartas");

    await page
      .getByRole("navigation", { name: "Área de organizadores" })
      .getByRole("link", { name: "Nueva carta" })
      .click();
    await page.waitForURL(`${baseUrl}/admin/letters/new`);
    await page.getByLabel("Título", { exact: true }).fill(`Carta en español ${stamp}`);
    await page.getByLabel("Dirección", { exact: true }).fill(slug);
    await page.getByLabel("Fecha de la carta").fill("2026-11-30");
    await page.getByLabel("Idioma", { exact: true }).selectOption({ label: "español" });
    await page.getByLabel("Destinatario", { exact: true }).fill("Su Excelencia\nSecretario General");
    await page
      .getByLabel("Texto de la carta", { exact: true })
      .fill("Estimado Secretario General:\n\nPedimos un proceso justo y transparente.");
    await page.getByLabel("Confirmación por correo").selectOption({ label: "Contar las firmas de inmediato" });
    await page.getByRole("button", { name: "Crear el borrador" }).click();
    await page.waitForURL(`${baseUrl}/admin/letters/${slug}?done=created`);
    expect(await page.getByRole("status").first().textContent()).toBe(
      "El borrador se guardó. Publíquelo cuando esté listo.",
    );
    expect(await page.locator("#translations-title + p").textContent()).toContain("escrita en español");

    await page.getByRole("link", { name: "Traducir al inglés" }).click();
    await page.waitForURL(`${baseUrl}/admin/letters/${slug}/translations/en`);
    expect(await page.locator("h1").textContent()).toBe("Nueva traducción al inglés");
    await page.getByLabel("Título", { exact: true }).fill(`A letter in Spanish ${stamp}`);
    await page.getByLabel("Destinatario", { exact: true }).fill("His Excellency\nSecretary General");
    await page
      .getByLabel("Texto de la carta", { exact: true })
      .fill("Dear Secretary General:\n\nWe ask for a fair process.");
    await page.getByRole("button", { name: "Guardar la traducción" }).click();
    await page.waitForURL(/\/translations\/en\?done=saved$/);
    expect(await page.getByRole("status").first().textContent()).toBe("La traducción se guardó.");

    await page.goto(`${baseUrl}/admin/letters/${slug}`);
    await page.getByRole("button", { name: "Publicar: abrir a las firmas" }).click();
    await page.waitForURL(/done=publish$/);
    expect(await page.getByRole("status").first().textContent()).toBe("Publicada: la carta está abierta a las firmas.");

    await page.getByRole("button", { name: "Cerrar las firmas ahora" }).click();
    expect(await page.locator("h1").textContent()).toBe(`¿Cerrar ahora las firmas de «Carta en español ${stamp}»?`);
    await page.getByRole("button", { name: "Cerrar las firmas ahora" }).click();
    await page.waitForURL(/done=close$/);
    expect(await page.getByRole("status").first().textContent()).toBe("Las firmas están cerradas.");

    await page.getByRole("button", { name: "Marcar como entregada" }).click();
    await page.waitForURL(/done=deliver/);
    expect(await page.getByRole("status").first().textContent()).toBe("La carta está marcada como entregada.");
    expect(await page.locator("#stage-title ~ p").first().textContent()).toContain("Entregada:");
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await context.close();
  });
});
