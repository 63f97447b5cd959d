/**
 * Countries a signatory can name: the ISO 3166-1 alpha-2 codes, with names
 * from the runtime's own CLDR data (Intl.DisplayNames) in any language, so
 * no hand-made list of names has to be kept up to date or translated.
 */

// The officially assigned ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which
// ISO reserves for user assignment and CLDR, the EU and the IMF use.
const CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
  "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
  "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
  "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
  "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES.split(" "));

/** True when `code` is an upper-case ISO 3166-1 alpha-2 code we accept. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

const namesByLocale = new Map<string, { display: Intl.DisplayNames; known: Map<string, string> }>();

/**
 * The country's name in `locale`, e.g. countryName("HN", "es") is "Honduras".
 * The names of accepted codes are kept once looked up (at most 250 per
 * locale): ICU's lookup costs microseconds, and a list of signatories names
 * a country on every line.
 */
export function countryName(code: string, locale: string): string {
  let names = namesByLocale.get(locale);
  if (!names) {
    names = {
      display: new Intl.DisplayNames([locale, "en"], { type: "region", fallback: "code" }),
      known: new Map(),
    };
    namesByLocale.set(locale, names);
  }
  let name = names.known.get(code);
  if (name === undefined) {
    name = names.display.of(code) ?? code;
    if (COUNTRY_CODES.has(code)) names.known.set(code, name);
  }
  return name;
}

const optionsByLocale = new Map<string, ReadonlyArray<{ code: string; name: string }>>();

/** Every accepted country as { code, name }, sorted by name in `locale`; computed once per locale. */
export function countryOptions(locale: string): ReadonlyArray<{ code: string; name: string }> {
  let options = optionsByLocale.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = [...COUNTRY_CODES]
      .map((code) => ({ code, name: countryName(code, locale) }))
      .sort((a, b) => collator.compare(a.name, b.name));
    optionsByLocale.set(locale, options);
  }
  return options;
}
