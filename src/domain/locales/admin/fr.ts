/** The organizer area in French (see en.ts for the shape and the rules). */
import { formatDate, formatLanguageName, formatNumber, plural } from "../format";
import type { AdminMessages } from "./en";

const L = "fr";

export const fr: AdminMessages = {
  locale: L,
  date: (iso: string) => formatDate(iso, L),
  number: (value: number) => formatNumber(value, L),
  languageName: (tag: string) => formatLanguageName(tag, L),

  layout: {
    titleSuffix: (site: string) => `organisateurs de ${site}`,
    errorTitlePrefix: "Erreur : ",
    skipToContent: "Aller au contenu",
    siteName: (site: string) => `${site} · Organisateurs`,
    navigation: "Espace des organisateurs",
    letters: "Lettres",
    newLetter: "Nouvelle lettre",
    publicSite: "Site public",
    logOut: "Se déconnecter",
    language: "Langue",
    switchTo: (autonym: string) => `Afficher l’espace des organisateurs en ${autonym}`,
  },

  login: {
    title: "Connexion",
    heading: "Organisateurs : connexion",
    closed:
      "L’espace des organisateurs est fermé : aucune clé d’administration n’est définie. Définissez-en une avec `npx wrangler secret put ADMIN_TOKEN` (au moins 16 caractères) ; `npm start` en définit une dans `.dev.vars` et l’affiche.",
    problemTitle: "Connexion impossible",
    tokenLabel: "Clé d’administration",
    tokenHint: "Le secret `ADMIN_TOKEN` de ce site. `npm start` affiche la clé locale.",
    submit: "Se connecter",
    wrongToken: "Ce n’est pas la clé d’administration. Vérifiez-la et réessayez.",
  },

  dashboard: {
    title: "Lettres",
    draftDeleted: "Le brouillon est supprimé.",
    empty: "Il n’y a pas encore de lettre. Écrivez la première.",
    caption: "Toutes les lettres, les plus récemment modifiées d’abord",
    letter: "Lettre",
    state: "État",
    signatures: "Signatures",
    waiting: "En attente",
    dated: "Date",
    export: "Exporter :",
    exportCsv: "signatures (CSV)",
    exportDelivery: "document de remise",
  },

  states: {
    draft: "brouillon",
    open: "ouverte",
    closed: "close",
    delivered: "remise",
  },

  forms: {
    errorPrefix: "Erreur : ",
    problemCount: (count: number) => plural(L, count, { one: "Il y a un problème", other: "Il y a # problèmes" }),
  },

  confirm: {
    back: "Non, revenir en arrière",
  },

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# signature", other: "# signatures" }),
    organizations: (count: number) => plural(L, count, { one: "# organisation", other: "# organisations" }),
    individuals: (count: number) => plural(L, count, { one: "# personne", other: "# personnes" }),
  },
};
