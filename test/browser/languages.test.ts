/**
 * The demo letter for a reader whose browser asks for Spanish: served by
 * `npm start` (which loads content/honduras-new-elections-2017.es.md) and
 * read in a real Chromium with JavaScript off. The switcher leads to the
 * English original and back, and signing in Spanish ends on a Spanish
 * thank-you page.
 */
import { describe, expect, inject, it } from "vitest";
import { DEMO } from "./demo";
import { chromiumVisitors, hasChromium } from "./chromium";

const baseUrl = inject("baseUrl");

describe.skipIf(!hasChromium)("the demo letter for a Spanish-speaking reader", () => {
  const newVisitor = chromiumVisitors();

  it("is shown in Spanish, switches to English and back with links, and is signed in Spanish", async () => {
    const context = await newVisitor({
      javaScriptEnabled: false,
      locale: "es-MX",
      extraHTTPHeaders: { "Accept-Language": "es-MX,es;q=0.9,en;q=0.5" },
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${DEMO}`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Carta al Secretario General de la OEA, Luis Almagro, sobre nuevas elecciones en Honduras",
    );
    await expect(page.locator(".letter-body p").first().textContent()).resolves.toBe(
      "Estimado Secretario General Almagro:",
    );
    await expect(page.getByRole("heading", { name: "Firmantes" }).count()).resolves.toBe(1);
    await expect(page.locator(".addressee").innerText()).resolves.toContain("Organización de los Estados Americanos");

    const switcher = page.getByRole("navigation", { name: "Idiomas de esta carta" });
    await Promise.all([page.waitForURL(/\?lang=en$/), switcher.getByRole("link", { name: "English" }).click()]);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Letter to OAS Secretary General Luis Almagro on new elections in Honduras",
    );
    await expect(page.getByRole("button", { name: "Sign the letter" }).count()).resolves.toBe(1);

    await Promise.all([
      page.waitForURL(/\?lang=es$/),
      page.getByRole("navigation", { name: "Languages of this letter" }).getByRole("link", { name: "Español" }).click(),
    ]);
    await page.getByRole("link", { name: "Firmar esta carta" }).click();
    await page.getByLabel("a título individual").check();
    await page.getByLabel("Su nombre completo (público)").fill("Lucía Hernández Prueba");
    await page.getByLabel("Ciudad (opcional, pública)").fill("Tegucigalpa");
    await page.getByLabel("País (opcional, público)").selectOption({ label: "Honduras" });
    await page.getByLabel("Correo electrónico (privado)").fill(`lucia-${Date.now()}@example.org`);
    // A person takes more than the form's minimum fill time; this one is quick.
    await page.waitForTimeout(3_100);
    await Promise.all([
      page.waitForURL(/\/signed\?receipt=.*&lang=es$/),
      page.getByRole("button", { name: "Firmar la carta" }).click(),
    ]);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(
      /^(Revise su correo para confirmar|Gracias por firmar)$/,
    );
    await expect(page.locator(".receipt").textContent()).resolves.toBe("Lucía Hernández Prueba, Tegucigalpa, Honduras");
    await expect(page.getByRole("heading", { name: "¿Cambió de opinión?" }).count()).resolves.toBe(1);
    await context.close();
  });
});
