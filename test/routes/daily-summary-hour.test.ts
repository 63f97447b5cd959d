/**
 * The daily summary's hour said in the letter's time zone as well as in UTC (issue 15, time
 * zones): its cron trigger runs at a fixed UTC hour, which the notification settings said only as
 * "07:00 UTC", leaving an organizer in Honduras to work out 1:00 in the morning. Said for the
 * current date, so that daylight saving moves it.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import wranglerConfig from "../../wrangler.jsonc?raw";
import { CRONS } from "../../src/index";
import { DAILY_SUMMARY_UTC_HOUR } from "../../src/domain/notification-settings";
import { createLetter, logIn, organizerFetch, parseHtml, stopClock } from "../helpers";

afterEach(() => {
  vi.useRealTimers();
});

/** The hint beside the daily summary's address on the letter's editor page, in `language`. */
async function summaryHint(zone: string | null, language = "en") {
  const letter = await createLetter();
  if (zone)
    await env.DB.prepare("UPDATE letters SET closes_time_zone = ?2 WHERE slug = ?1").bind(letter.slug, zone).run();
  const session = await logIn();
  const response = await organizerFetch(session, `/admin/letters/${letter.slug}`, {
    headers: { "Accept-Language": language },
  });
  expect(response.status).toBe(200);
  return parseHtml(await response.text()).querySelector("#field-summary-email-hint")?.textContent;
}

describe("the daily summary's hour", () => {
  it("is said in the letter's time zone and in UTC", async () => {
    stopClock("2026-11-30T12:00:00.000Z");
    expect(await summaryHint("America/Tegucigalpa")).toBe(
      "An email every day at 1:00 AM Honduras time (7:00 AM UTC) with the new signatures of the last 24 hours and what waits for review.",
    );
    expect(await summaryHint(null)).toBe(
      "An email every day at 7:00 AM UTC with the new signatures of the last 24 hours and what waits for review.",
    );
    expect(await summaryHint("America/Tegucigalpa", "es")).toBe(
      "Un correo cada día a la 1:00 (hora de Honduras), es decir, a las 7:00 UTC, con las firmas nuevas de las últimas 24 horas y lo que espera revisión.",
    );
    expect(await summaryHint("Asia/Tokyo", "fr")).toBe(
      "Un e-mail chaque jour à 16:00 (Japon), soit 07:00 UTC, avec les nouvelles signatures des dernières 24 heures et ce qui attend un examen.",
    );
    expect(await summaryHint("America/Tegucigalpa", "pt")).toBe(
      "Um e-mail por dia à 01:00 (horário de Honduras), ou seja, às 07:00 UTC, com as novas assinaturas das últimas 24 horas e o que aguarda revisão.",
    );
  });

  it("follows daylight saving: 8:00 in Madrid in winter, 9:00 in summer", async () => {
    stopClock("2026-01-15T12:00:00.000Z");
    expect(await summaryHint("Europe/Madrid")).toContain("every day at 8:00 AM Madrid time (7:00 AM UTC)");
    stopClock("2026-07-15T12:00:00.000Z");
    expect(await summaryHint("Europe/Madrid")).toContain("every day at 9:00 AM Madrid time (7:00 AM UTC)");
  });

  it("is the hour of the cron trigger that sends it", () => {
    expect(CRONS.dailySummary).toBe(`0 ${DAILY_SUMMARY_UTC_HOUR} * * *`);
    expect(wranglerConfig).toContain(`"${CRONS.dailySummary}"`);
  });
});
