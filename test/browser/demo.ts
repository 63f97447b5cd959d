/** The demo letter `npm start` serves, as the browser tests expect to find it. */
export const DEMO = "/letters/honduras-new-elections-2017";

/** Its 13 organizations, in the letter's own order. */
export const DEMO_ORGANIZATIONS = [
  "AFL-CIO",
  "Alianza Americas",
  "CARECEN",
  "Center for Justice and International Law (CEJIL)",
  "Institute on Race, Equality and Human Rights",
  "JASS (Just Associates)",
  "Latin America Working Group (LAWG)",
  "Maryknoll Office for Global Concerns",
  "Mennonite Central Committee U.S. Washington Office",
  "Oxfam America",
  "Trade Union Confederation of the Americas (TUCA)",
  "United Steelworkers",
  "Washington Office on Latin America (WOLA)",
];
