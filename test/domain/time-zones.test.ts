/**
 * Time zones of letters' closing times (domain/time-zones.ts) and the
 * addresses made from titles (domain/letter.ts slugFromTitle), in workerd's
 * own Intl: every zone offered is one the runtime knows, wall-clock times
 * and instants convert both ways across daylight saving, and a moment is
 * written with its place and offset in each language.
 */
import { describe, expect, it } from "vitest";
import { LOCALES, messagesFor } from "../../src/domain/i18n";
import { slugFromTitle } from "../../src/domain/letter";
import {
  daysIn,
  formatUtcOffset,
  instantOfWallClock,
  isPastYear9999,
  isTimeZone,
  timeZoneLabel,
  timeZoneOptions,
  timeZonePlace,
  utcOffsetMinutes,
  wallClockTime,
} from "../../src/domain/time-zones";
import { ZONE_CITIES } from "../../src/domain/time-zone-cities";

describe("time zones", () => {
  it("offers only zones the runtime knows, UTC first, by country", () => {
    const options = timeZoneOptions("en");
    expect(options[0]).toEqual({ zone: "UTC", label: "UTC" });
    expect(options.length).toBeGreaterThan(400);
    for (const { zone } of options) {
      expect(() => new Intl.DateTimeFormat("en", { timeZone: zone }), zone).not.toThrow();
      expect(isTimeZone(zone), zone).toBe(true);
    }
    expect(options.find((option) => option.zone === "America/Tegucigalpa")?.label).toBe("Honduras — Tegucigalpa");
    expect(timeZoneOptions("es").find((option) => option.zone === "Europe/Madrid")?.label).toBe("España — Madrid");
  });

  it("names the cities in the area's language, not in English (CLDR's, which workerd's ICU lacks)", () => {
    const label = (locale: string, zone: string) =>
      timeZoneOptions(locale).find((option) => option.zone === zone)?.label;
    expect(label("es", "America/New_York")).toBe("Estados Unidos — Nueva York");
    expect(label("es", "America/Mexico_City")).toBe("México — Ciudad de México");
    expect(label("pt", "America/New_York")).toBe("Estados Unidos — Nova York");
    expect(label("pt", "America/Mexico_City")).toBe("México — Cidade do México");
    expect(label("fr", "America/Sao_Paulo")).toBe("Brésil — São Paulo");
    expect(label("en", "America/Sao_Paulo")).toBe("Brazil — São Paulo");
    // A city CLDR does not name otherwise keeps the zone's own name.
    expect(label("es", "America/Argentina/Salta")).toBe("Argentina — Salta");
    expect(timeZonePlace("America/New_York", "es")).toBe("Nueva York");
    expect(messagesFor("es").moment("2030-07-15T16:00:00.000Z", "America/New_York")).toBe(
      "15 de julio de 2030 a las 12:00 (hora de Nueva York, UTC−4)",
    );
    // Every zone of the generated table is one the runtime offers, under its language's interface.
    for (const [locale, cities] of Object.entries(ZONE_CITIES)) {
      expect(LOCALES, locale).toContain(locale);
      for (const zone of Object.keys(cities)) expect(isTimeZone(zone), zone).toBe(true);
    }
    for (const name of ["", "Honduras", "GMT-6", "Etc/GMT+6", "america/tegucigalpa", "US/Eastern", "Mars/Olympus"])
      expect(isTimeZone(name), name).toBe(false);
  });

  it("names a small country's only zone by the country alone when its city only repeats it (issue 15, third trial)", () => {
    const label = (locale: string, zone: string) =>
      timeZoneOptions(locale).find((option) => option.zone === zone)?.label;
    // Failed before: "Wallis y Futuna — Wallis & Futuna", "Panamá — Panamá", "Ciudad del Vaticano — El Vaticano".
    expect(label("es", "Pacific/Wallis")).toBe("Wallis y Futuna");
    expect(label("fr", "Pacific/Wallis")).toBe("Wallis-et-Futuna");
    expect(label("es", "America/Panama")).toBe("Panamá");
    expect(label("es", "Europe/Vatican")).toBe("Ciudad del Vaticano");
    expect(label("es", "Asia/Singapore")).toBe("Singapur");
    expect(label("pt", "Asia/Bahrain")).toBe("Barein");
    // A city that is not the country's name stays, in a country of one zone or many.
    expect(label("es", "America/Tegucigalpa")).toBe("Honduras — Tegucigalpa");
    expect(label("es", "America/Lower_Princes")).toBe("Sint Maarten — Lower Prince’s Quarter");
    expect(label("es", "America/Santiago")).toBe("Chile — Santiago de Chile");
    expect(label("es", "America/Mexico_City")).toBe("México — Ciudad de México");
    // No label says one name twice.
    for (const locale of LOCALES)
      for (const { label: words } of timeZoneOptions(locale)) {
        const [country, city] = words.split(" — ");
        expect(city === undefined || city !== country, `${locale}: ${words}`).toBe(true);
      }
    expect(timeZoneLabel("UTC", "es")).toBe("UTC");
    expect(timeZoneLabel("Mars/Olympus", "es")).toBe("Mars/Olympus");
  });

  it("names every zone's city in the area's language, a country's only or main zone too (Viena, La Habana, Berlín)", () => {
    const city = (locale: string, zone: string) =>
      timeZoneOptions(locale)
        .find((option) => option.zone === zone)
        ?.label.split(" — ")[1];
    const expected: Record<string, Record<string, string>> = {
      es: {
        "Europe/Berlin": "Berlín",
        "Europe/Vienna": "Viena",
        "America/Havana": "La Habana",
        "Europe/London": "Londres",
        "America/Bogota": "Bogotá",
        "America/Asuncion": "Asunción",
      },
      fr: { "Europe/Vienna": "Vienne", "Europe/London": "Londres", "America/Havana": "La Havane" },
      pt: {
        "Europe/Vienna": "Viena",
        "Europe/London": "Londres",
        "America/Havana": "Havana",
        "Europe/Berlin": "Berlim",
      },
      en: { "Europe/Vienna": "Vienna", "America/Bogota": "Bogotá", "Asia/Kolkata": "Kolkata" },
    };
    for (const [locale, cities] of Object.entries(expected))
      for (const [zone, name] of Object.entries(cities)) expect(city(locale, zone), `${locale} ${zone}`).toBe(name);
    // A zone tzdata renamed is found under CLDR's older name (Asia/Calcutta).
    expect(city("es", "Asia/Kolkata")).toBe("Calcuta");
    // Germany has two zones: its main one is named by its city, in the reader's language.
    expect(timeZonePlace("Europe/Berlin", "es")).toBe("Berlín");
    expect(messagesFor("es").moment("2030-07-15T16:00:00.000Z", "Europe/Berlin")).toBe(
      "15 de julio de 2030 a las 18:00 (hora de Berlín, UTC+2)",
    );
  });

  it("turns a wall-clock time in a zone into its instant and back, across daylight saving", () => {
    expect(instantOfWallClock("2026-12-01T23:59", "America/Tegucigalpa")).toBe("2026-12-02T05:59:00.000Z");
    expect(instantOfWallClock("2030-07-15T12:00", "America/New_York")).toBe("2030-07-15T16:00:00.000Z");
    expect(instantOfWallClock("2030-01-15T12:00", "America/New_York")).toBe("2030-01-15T17:00:00.000Z");
    expect(instantOfWallClock("2030-03-10T02:30", "America/New_York")).toBeNull();
    expect(instantOfWallClock("2030-11-03T01:30", "America/New_York")).toBe("2030-11-03T05:30:00.000Z");
    expect(instantOfWallClock("2030-06-01T09:00", "Asia/Kolkata")).toBe("2030-06-01T03:30:00.000Z");
    expect(instantOfWallClock("2030-06-01T09:00", "UTC")).toBe("2030-06-01T09:00:00.000Z");
    expect(wallClockTime("2026-12-02T05:59:00.000Z", "America/Tegucigalpa")).toBe("2026-12-01T23:59");
    expect(utcOffsetMinutes("2030-07-15T12:00:00Z", "Europe/Madrid")).toBe(120);
    expect([-360, 330, 0, 345].map(formatUtcOffset)).toEqual(["UTC−6", "UTC+5:30", "UTC", "UTC+5:45"]);
  });

  it("spans a filter's days in a zone: from its midnight to the next, across daylight saving and skipped midnights", () => {
    expect(daysIn("2026-11-30", "2026-11-30", "America/Tegucigalpa")).toEqual({
      since: "2026-11-30T06:00:00.000Z",
      before: "2026-12-01T06:00:00.000Z",
    });
    expect(daysIn(undefined, "2026-12-31", "UTC")).toEqual({ since: null, before: "2027-01-01T00:00:00.000Z" });
    expect(daysIn("2026-07-15", undefined, "Europe/Madrid")).toEqual({
      since: "2026-07-14T22:00:00.000Z",
      before: null,
    });
    // Chile turns its clocks from 00:00 to 01:00 on 6 September 2026: that day begins at 01:00 there.
    expect(daysIn("2026-09-06", "2026-09-06", "America/Santiago")).toEqual({
      since: "2026-09-06T04:00:00.000Z",
      before: "2026-09-07T03:00:00.000Z",
    });
  });

  it("takes 'until 9999-12-31' as no end where its next day starts after year 9999 in UTC", () => {
    // "+010000-01-01T06:00:00.000Z" would sort before every stored time as text and match none.
    expect(daysIn("2026-11-30", "9999-12-31", "America/Tegucigalpa")).toEqual({
      since: "2026-11-30T06:00:00.000Z",
      before: null,
    });
    expect(daysIn(undefined, "9999-12-31", "UTC")).toEqual({ since: null, before: null });
    expect(daysIn(undefined, "9999-12-31", "Asia/Tokyo")).toEqual({ since: null, before: "9999-12-31T15:00:00.000Z" });
    expect(daysIn("9999-12-31", "9999-12-30", "America/Tegucigalpa")).toEqual({
      since: "9999-12-31T06:00:00.000Z",
      before: "9999-12-31T06:00:00.000Z",
    });
    expect(isPastYear9999(new Date(Date.UTC(10_000, 0, 1)).toISOString())).toBe(true);
    expect(isPastYear9999("9999-12-31T23:59:59.999Z")).toBe(false);
  });

  it("writes a closing moment with its place and offset in each language", () => {
    const at = "2026-12-02T05:59:00.000Z";
    expect(messagesFor("en").moment(at, "America/Tegucigalpa")).toBe(
      "December 1, 2026 at 11:59 PM (Honduras time, UTC−6)",
    );
    expect(messagesFor("es").moment(at, "America/Tegucigalpa")).toBe(
      "1 de diciembre de 2026 a las 23:59 (hora de Honduras, UTC−6)",
    );
    expect(messagesFor("fr").moment(at, "America/Tegucigalpa")).toBe("1 décembre 2026 à 23:59 (UTC−6, Honduras)");
    expect(messagesFor("pt").moment(at, "America/Tegucigalpa")).toBe(
      "1 de dezembro de 2026 às 23:59 (horário de Honduras, UTC−6)",
    );
    // A country with several zones is named by the zone's city.
    expect(messagesFor("en").moment("2030-07-15T16:00:00.000Z", "America/New_York")).toBe(
      "July 15, 2030 at 12:00 PM (New York time, UTC−4)",
    );
    expect(messagesFor("en").moment(at, "UTC")).toBe("December 2, 2026 at 5:59 AM (UTC)");
    expect(messagesFor("es").dayIn(at, "America/Tegucigalpa")).toBe("1 de diciembre de 2026");
  });
});

describe("an address made from a title", () => {
  it("writes accents and ligatures plainly, joins words with hyphens, and cuts at a word", () => {
    expect(slugFromTitle("Elecciones en Honduras")).toBe("elecciones-en-honduras");
    expect(slugFromTitle("  ¡Ação já! Ñandú, Œuvre & Straße  ")).toBe("acao-ja-nandu-oeuvre-strasse");
    expect(slugFromTitle("Children’s rights in Łódź")).toBe("childrens-rights-in-lodz");
    expect(slugFromTitle("İstanbul Çağrısı")).toBe("istanbul-cagrisi");
    expect(slugFromTitle("Выборы")).toBe("");
    const long = slugFromTitle("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toMatch(/^word(-word)*$/);
  });
});
