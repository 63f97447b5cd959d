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
    apiTokens: "Jetons d’API",
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

  roles: {
    yours: "Votre rôle :",
    names: { owner: "Propriétaire", editor: "Rédacteur", moderator: "Modérateur", viewer: "Lecteur" },
    may: {
      owner:
        "Vous pouvez tout faire : rédiger et publier des lettres, modérer et exporter les signatures, et gérer les personnes, les webhooks et les réglages.",
      editor:
        "Vous pouvez rédiger les lettres et leurs traductions, les publier, les clore et les remettre, et ordonner les organisations. Les données personnelles des signataires relèvent des modérateurs.",
      moderator:
        "Vous pouvez examiner, approuver, masquer et rétablir les signatures, les saisir à la main, les importer et les exporter. Modifier le texte ou l’étape d’une lettre relève des rédacteurs.",
      viewer:
        "Vous pouvez lire les lettres, leurs étapes et leurs décomptes, et télécharger le document de remise. Les données personnelles des signataires et toute modification relèvent d’autres rôles.",
    },
    readOnlyLetter:
      "Votre rôle permet de lire cette lettre ; modifier son texte ou son étape relève des rédacteurs et des propriétaires.",
    signatureCounts: (counted: string, waiting: string) => `Signatures : ${counted} comptées, ${waiting} en attente`,
  },

  tokens: {
    title: "Jetons d’API",
    intro:
      "Un programme (un script de tableur, votre base de contacts) peut utiliser l’API des organisateurs en votre nom avec un jeton. Il peut faire ce que votre rôle permet, et cesse de fonctionner quand vous le révoquez ou quand votre compte est supprimé.",
    usage: "Envoyez-le avec chaque requête vers `/admin/api/…` dans l’en-tête `Authorization: Bearer <jeton>`.",
    newTitle: "Votre nouveau jeton",
    newWarning:
      "Copiez-le maintenant et gardez-le en lieu sûr : seule son empreinte est conservée, il ne sera plus affiché.",
    newLabel: (label: string) => `Jeton pour « ${label} »`,
    createTitle: "Créer un jeton",
    labelLabel: "À quoi il sert",
    labelHint: "Un nom qui vous dit où le jeton est utilisé, par exemple « Tableur des signatures ».",
    labelMissing: "Indiquez à quoi sert le jeton, en 100 caractères au plus.",
    create: "Créer le jeton",
    listTitle: "Vos jetons",
    caption: "Vos jetons qui fonctionnent, les plus récents d’abord",
    none: "Vous n’avez aucun jeton.",
    label: "Pour",
    created: "Créé le",
    lastUsed: "Dernière utilisation",
    neverUsed: "Jamais",
    actions: "Actions",
    revoke: "Révoquer",
    revokeNamed: (label: string) => `Révoquer le jeton pour « ${label} »`,
    revokeQuestion: (label: string) => `Révoquer le jeton pour « ${label} » ?`,
    revokeConsequences: [
      "Les programmes qui l’utilisent sont refusés immédiatement.",
      "C’est définitif : créez un nouveau jeton si vous en avez de nouveau besoin.",
    ],
    revoked: "Le jeton est révoqué : il ne fonctionne plus.",
    gone: "Ce jeton n’est pas l’un des vôtres, ou il était déjà révoqué.",
    tooMany: (limit: number) => `Vous avez déjà ${limit} jetons : révoquez d’abord un jeton que vous n’utilisez plus.`,
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
