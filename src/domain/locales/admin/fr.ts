/** The organizer area in French (see en.ts for the shape and the rules). */
import type { ReceivedWay, SignInWay } from "../../activity";
import type { ImportFileProblem, ImportMappingProblem, ImportRowProblem } from "../../import-problems";
import { IMPORT_LIMITS, PASTED_FILE_NAME } from "../../import-limits";
import { formatDate, formatLanguageName, formatMoment, formatNumber, formatTime, plural } from "../format";
import { formatClock } from "../format";
import { textProblem } from "../fr";
import type { LetterState } from "../../letter";
import type { SignatureStatus } from "../../signature";
import type { Role } from "../../organizer-roles";
import type { ModerationAction } from "../../signing";
import { isUnrenamedBootstrap, type NamedPerson } from "../../organizer-roles";
import type { TextProblem } from "../../text";
import { timeZonePlace } from "../../time-zones";
import type { WebhookFailureKind, WebhookUrlProblem } from "../../webhook";
import type { AdminMessages, IssueTextField } from "./en";

const L = "fr";

/** An import's file name as the log words it: "pasted rows" for rows pasted rather than uploaded. */
const importName = (fileName: string): string => (fileName === PASTED_FILE_NAME ? fr.imports.pastedRows : fileName);

export const fr: AdminMessages = {
  locale: L,
  date: (iso: string) => formatDate(iso, L),
  number: (value: number) => formatNumber(value, L),
  time: (iso: string, zone: string, options?: { deadline?: boolean }) =>
    formatTime(
      iso,
      zone,
      L,
      (place: string | null, offset: string) => (place ? `${offset}, ${place}` : offset),
      options,
    ),
  languageName: (tag: string) => formatLanguageName(tag, L),

  layout: {
    titleSuffix: (site: string) => `organisateurs de ${site}`,
    errorTitlePrefix: "Erreur : ",
    skipToContent: "Aller au contenu",
    siteName: (site: string) => `${site} · Organisateurs`,
    navigation: "Espace des organisateurs",
    menu: "Menu",
    letters: "Lettres",
    newLetter: "Nouvelle lettre",
    publicSite: "Site public",
    activity: "Activité",
    apiTokens: "Jetons d’API",
    logOut: "Se déconnecter",
    backToArea: "Retour à l’espace des organisateurs",
    language: "Langue",
    switchTo: (autonym: string) => `Afficher l’espace des organisateurs en ${autonym}`,
    people: "Personnes",
    yourAccount: "Votre compte",
    signedInAs: (name: string, role: string | null) => `Session de ${name}${role === null ? "" : ` (${role})`}`,
    roleNames: { owner: "propriétaire", editor: "rédacteur", moderator: "modérateur", viewer: "lecteur" },
  },

  login: {
    title: "Connexion",
    heading: "Organisateurs : connexion",
    closed:
      "L’espace des organisateurs ne peut pas encore s’ouvrir : la personne qui gère le site doit d’abord définir sa clé d’administration.",
    closedTechnical:
      "Pour elle : `npx wrangler secret put ADMIN_TOKEN` (au moins 16 caractères) ; `npm start` en définit une dans `.dev.vars` et l’affiche.",
    problemTitle: "Connexion impossible",
    tokenLabel: "Clé d’administration",
    tokenHint:
      "La clé d’administration affichée au démarrage du site, ou celle que vous a donnée la personne qui gère le site.",
    tokenTechnical: "Détail technique : c’est le secret `ADMIN_TOKEN` du site ; `npm start` affiche la clé locale.",
    submit: "Se connecter",
    wrongToken: "Ce n’est pas la clé d’administration. Vérifiez-la et réessayez.",
    bootstrapDisabled:
      "Le compte de la clé d’administration est désactivé : une personne propriétaire l’a désactivé sur la page Personnes, et la clé ne permet donc plus d’entrer. Connectez-vous avec votre propre compte (par e-mail ou avec une clé d’accès), ou demandez à une personne propriétaire de le réactiver.",
    byEmail: "Avec votre adresse e-mail",
    emailLabel: "Votre adresse e-mail",
    emailHint:
      "L’adresse à laquelle un propriétaire vous a invité. Nous vous envoyons un lien de connexion, valable 15 minutes.",
    emailSubmit: "M’envoyer un lien de connexion",
    emailProblemTitle: "Impossible d’envoyer le lien",
    byToken: "Avec la clé d’administration",
    loggedOut: "Votre session est fermée.",
    /** Why the session this browser had ended, said on the login page it is sent to (the redirect's `why`). */
    sessionEnded: {
      ended:
        "Vous avez été déconnecté : cette session a été fermée depuis un autre appareil, ou avec « Se déconnecter partout ». Connectez-vous de nouveau.",
      expired: "Votre session a expiré : une session dure 12 heures. Connectez-vous de nouveau.",
      disabled:
        "Un propriétaire a désactivé votre compte, ce qui a fermé ses sessions. Demandez à un propriétaire si vous avez de nouveau besoin d’accès.",
      "token-changed":
        "La clé d’administration a changé, ce qui ferme les sessions ouvertes avec elle. Connectez-vous de nouveau.",
    },
    /** The login page's language links, before anyone is signed in. */
    languages: "Langue",
    loggedOutEverywhere: (others: number) =>
      others === 0
        ? "Votre session est fermée ici ; aucune autre n’était ouverte."
        : `Votre session est fermée ici, ainsi que ${plural(L, others, { one: "# autre session", other: "# autres sessions" })}.`,
  },

  dashboard: {
    title: "Lettres",
    draftDeleted: "Le brouillon est supprimé.",
    empty: "Il n’y a pas encore de lettre. Écrivez la première.",
    emptyRead: "Il n’y a pas encore de lettre.",
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

  timeZones: {
    zone: (place: string | null, offset: string) => (place ? `${place} (${offset})` : offset),
    yours: (zone: string) => `Les heures de cette page sont celles de votre fuseau horaire : ${zone}.`,
    none: "Les heures de cette page sont en UTC : vous n’avez pas choisi votre fuseau horaire.",
    choose: "Choisir votre fuseau horaire",
    change: "Le modifier",
    letters: (zone: string) =>
      `Les heures et les jours de cette page sont ceux du fuseau horaire de la lettre : ${zone}.`,
    heading: "Votre fuseau horaire",
    label: "Fuseau horaire",
    hint: "Le journal d’activité, la page des personnes, vos sessions, jetons d’API et clés d’accès affichent leurs heures dans ce fuseau, et les jours de vos filtres s’y lisent. Les pages d’une lettre suivent le fuseau horaire de la lettre.",
    save: "Enregistrer le fuseau horaire",
    saved: "Votre fuseau horaire est enregistré.",
  },

  forms: {
    errorPrefix: "Erreur : ",
    problemCount: (count: number) => plural(L, count, { one: "Il y a un problème", other: "Il y a # problèmes" }),
  },

  editor: {
    newLetter: "Nouvelle lettre",
    editTitle: (title: string) => `Modifier : ${title}`,
    publicPage: "Page publique",
    signaturesLink: (counted: number, waiting: number) =>
      `Signatures (${plural(L, counted, { one: "# comptée", other: "# comptées" })}, ${formatNumber(waiting, L)} en attente)`,
    fromFile: (file: string) =>
      `Cette lettre vient de \`${file}\`. L’enregistrer ici (ou changer son étape) la fait passer sous la gestion de cet espace : dès lors, la version de l’espace des organisateurs fait foi, et le chargement des fichiers ne la touche plus.`,
    labels: {
      title: "Titre",
      slug: "Adresse",
      date: "Date de la lettre",
      language: "Langue",
      addressee: "Destinataire",
      summary: "Résumé",
      body: "Texte de la lettre",
      confirm_signatures: "Confirmation par e-mail",
      review_organizations: "Signatures des organisations",
      closes_at: "Clôture des signatures",
      closes_time_zone: "Fuseau horaire de la clôture",
    },
    slugFixed:
      "L’adresse ne peut plus changer une fois la lettre publiée : les liens vers elle et les points de contrôle de son registre la citent.",
    /** The address of a draft never published that has signatures (domain/letter.ts addressLock "signed"). */
    slugFixedSigned:
      "L’adresse ne peut plus changer : cette lettre a des signatures (saisies à la main ou importées), et son registre cite l’adresse.",
    slugHint:
      "Des mots en minuscules reliés par des tirets : la lettre sera à /letters/votre-adresse. Laissée vide, elle est tirée du titre. Elle peut changer jusqu’à la publication de la lettre ou jusqu’à sa première signature.",
    languageHint:
      "La langue dans laquelle ce texte est écrit. Pour les quatre premières, les pages publiques sont entièrement dans cette langue ; pour les autres, les boutons et libellés autour de la lettre sont en anglais.",
    chooseLanguage: "Choisissez une langue",
    interfaceLanguages: "Pages publiques entièrement dans cette langue",
    otherLanguages: "Autres langues",
    addresseeHint: "Une ligne par ligne de l’adresse, telle qu’elle doit être imprimée.",
    bodyHint:
      "Markdown : une ligne vide entre les paragraphes, `**gras**`, `*italique*`, `[un lien](https://…)`, `## Un intertitre`. 100 000 caractères au plus.",
    summaryHint:
      "Pour les moteurs de recherche et les aperçus de liens, 300 caractères au plus. Laissé vide, le premier paragraphe est utilisé.",
    confirmHint:
      "Les signatures confirmées ne comptent qu’une fois que la personne a cliqué sur le lien envoyé par e-mail.",
    confirmDefault: "Par e-mail si le site envoie des e-mails (par défaut)",
    confirmYes: "Toujours confirmer par e-mail",
    confirmNo: "Compter les signatures tout de suite",
    reviewOrganizations: "Les signatures des organisations attendent l’accord d’un organisateur avant de compter",
    optional: (label: string) => `${label} (facultatif)`,
    closesAtLabel: "Date et heure",
    closesAtHint:
      "Selon l’heure du fuseau ci-dessous. Les signatures s’arrêtent alors d’elles-mêmes ; la page publique l’affiche avec son fuseau.",
    timeZoneHint: "Classés par pays, puis par ville.",
    create: "Créer le brouillon",
    save: "Enregistrer",
    preview: "Aperçu",
    signedHint:
      "Des personnes ont signé cette lettre : enregistrer une modification du texte affiche « Mise à jour le … » sur la page publique, et chaque version reste dans son historique.",
    previewHint:
      "La page publique telle qu’elle apparaîtra. Appuyez sur « Aperçu » pour voir vos modifications (il suit votre saisie quand JavaScript est activé).",
    previewReadHint: "La page publique de la lettre, telle que ses lecteurs la voient.",
    previewFrame: "Aperçu de la page publique",
    nothingToPreview: "Rien à afficher pour l’instant",
    shareTitle: "Partager le brouillon",
    shareText:
      "Toute personne qui a ce lien peut lire le brouillon (il n’est listé nulle part, et les moteurs de recherche sont priés de l’ignorer) :",
    previewLink: "Lien d’aperçu",
    copyPreviewLink: "Copier le lien",
    previewLinkCopied: "Copié : collez-le dans votre message.",
    previewLinkCopyFailed:
      "Ce navigateur n’a pas pu le copier : le lien est sélectionné, copiez-le au clavier (Ctrl+C, ou ⌘C sur un Mac).",
    newPreviewLink: "Nouveau lien d’aperçu",
    newPreviewLinkHint:
      "Si le lien est arrivé chez quelqu’un qui ne devait pas l’avoir, créez-en un nouveau : celui ci-dessus cesse aussitôt de fonctionner. Envoyez le nouveau aux personnes qui doivent encore lire le brouillon.",
    historyTitle: "Historique du texte",
    current: " (actuelle)",
    revisionPublished: (signatures: number) =>
      `publiée, avec ${plural(L, signatures, { one: "# signature", other: "# signatures" })} à ce moment-là`,
    /** A version saved in a draft, made public when the letter was published: `when`, the catalog's `time`. */
    revisionPublishedLater: (when: string, signatures: number) =>
      `enregistrée comme brouillon ; publiée le ${when}, avec ${plural(L, signatures, { one: "# signature", other: "# signatures" })} à ce moment-là`,
    revisionDraft: "brouillon",
    revisionIn: (language: string) => `en ${language}`,
    previewDraftNotice:
      "Aperçu d’un brouillon : voici la page telle qu’elle sera une fois publiée. Elle n’est pas publique.",
    previewStoredNotice: "Aperçu : la page publique telle qu’elle est maintenant.",
    previewNotice: "Aperçu : voici la page publique avec ces modifications.",
  },

  translations: {
    title: "Traductions",
    hint: (language: string) =>
      `Chaque traduction a son propre titre et son propre texte ; les signatures sont comptées une seule fois, quelle que soit la langue dans laquelle elles ont été faites. Cette lettre est écrite en ${language}.`,
    edit: (language: string) => `Modifier la traduction en ${language}`,
    itsPublicPage: "sa page publique",
    translate: (language: string) => `Traduire en ${language}`,
  },

  translationEditor: {
    pageTitle: (language: string, title: string) => `${language} : ${title}`,
    existing: (language: string) => `Traduction en ${language}`,
    new: (language: string) => `Nouvelle traduction en ${language}`,
    hint: (address: string) =>
      `Les lecteurs choisissent la langue sur la page de la lettre (ou leur navigateur la choisit) : ${address}. Les signatures sont comptées une seule fois, quelle que soit la langue dans laquelle elles ont été faites.`,
    addresseeHint: "Une ligne par ligne de l’adresse.",
    bodyHint: "Markdown, comme dans l’original, 100 000 caractères au plus.",
    summaryHint: "Facultatif : vide, c’est le premier paragraphe qui est utilisé.",
    save: "Enregistrer la traduction",
    previewFrame: "Aperçu de la page publique traduite",
    original: (language: string) => `L’original (${language})`,
    deleteTitle: "Supprimer cette traduction",
    deleteText: (language: string) =>
      `Les lecteurs en ${language} verront l’original à la place. Les signatures ne sont pas touchées.`,
    deleteButton: (language: string) => `Supprimer la traduction en ${language}`,
    saved: "La traduction est enregistrée.",
    deleteQuestion: (language: string) => `Supprimer la traduction en ${language} ?`,
    deleteConsequences: (language: string, address: string) => [
      `Son titre et son texte en ${language} sont supprimés définitivement ; son adresse publique (${address}) répond « introuvable ».`,
      "Les signatures ne sont pas touchées : elles sont comptées une seule fois, quelle que soit la langue dans laquelle elles ont été faites.",
    ],
    deleteConfirm: "Supprimer la traduction",
  },

  stage: {
    title: "Étape",
    draft: "Brouillon : seuls les organisateurs, et les personnes à qui vous donnez le lien d’aperçu, peuvent la voir.",
    open: "Ouverte : publiée et ouverte aux signatures.",
    closed: "Close : publiée ; les signatures sont terminées.",
    delivered: "Remise : publiée, close, avec sa note de remise.",
    closesOn: "Les signatures ferment le",
    deliveredOn: "Remise le",
    publish: "Publier : ouvrir aux signatures",
    close: "Fermer les signatures maintenant",
    reopen: "Rouvrir aux signatures",
    unpublish: "Revenir au brouillon",
    correctDelivery: "Corriger la remise",
    markDelivered: "Marquer comme remise",
    deliveryHint: "La remise ferme les signatures. Chaque note s’affiche sur la page publique de sa langue.",
    deliveredOnHint: (today: string, place: string | null) =>
      `Aujourd’hui (${today}, ${place ? `heure locale : ${place}` : "UTC"}) ou avant.`,
    saveDelivery: "Enregistrer la remise",
    noteLabel: (language: string) => `Note publique en ${language}`,
    noteExample: "Par exemple : Remise à l’OEA le 20 décembre 2017.",
    noteHint: (language: string, original: string) =>
      `Affichée sur la page en ${language} ; laissée vide, cette page affiche la note en ${original}.`,
    deleteTitle: "Supprimer ce brouillon",
    deleteText: "Le brouillon et son historique sont supprimés définitivement.",
    deleteButton: "Supprimer le brouillon",
    closeQuestion: (title: string) => `Fermer maintenant les signatures de « ${title} » ?`,
    closeConsequences: [
      "Le formulaire de signature disparaît aussitôt de la page publique, de la carte et de l’API : plus personne ne peut signer.",
      "Les signatures déjà faites restent telles quelles ; les personnes qui attendent encore leur e-mail de confirmation ne pourront plus confirmer.",
      "Vous pourrez la rouvrir plus tard, tant que vous ne l’avez pas marquée comme remise.",
    ],
    closeConfirm: "Fermer les signatures maintenant",
    pastCloseQuestion: (title: string) =>
      `Enregistrer une heure de clôture déjà passée et fermer maintenant les signatures de « ${title} » ?`,
    pastCloseConsequences: (moment: string) => [
      `L’heure de clôture saisie, ${moment}, est déjà passée : l’enregistrer ferme les signatures immédiatement.`,
      "Le formulaire de signature disparaît de la page publique, de la carte et de l’API : plus personne ne peut signer.",
      "Les signatures déjà faites restent telles quelles ; les personnes qui attendent encore leur e-mail de confirmation ne pourront plus confirmer.",
      "Vos autres modifications sont enregistrées en même temps. Rien n’est enregistré avant votre confirmation.",
    ],
    pastCloseConfirm: "Enregistrer et fermer les signatures maintenant",
    pastCloseRevise: "Non, modifier l’heure de clôture",
    unpublishQuestion: (title: string) => `Remettre « ${title} » à l’état de brouillon ?`,
    unpublishConsequences: [
      "La lettre cesse aussitôt d’être publique : sa page, sa carte, son JSON et ses flux répondent « introuvable ».",
      "Les liens déjà partagés ne fonctionnent plus jusqu’à ce que vous la publiiez de nouveau.",
    ],
    unpublishConfirm: "La remettre à l’état de brouillon",
    deleteQuestion: (title: string) => `Supprimer le brouillon « ${title} » ?`,
    deleteConsequences: [
      "Le brouillon, son texte, ses traductions et son historique sont supprimés définitivement.",
      "C’est irréversible.",
    ],
    deleteConfirm: "Supprimer définitivement le brouillon",
    unknownChange: "Changement inconnu",
  },

  done: {
    notifications: "Notifications enregistrées.",
    "translation-deleted": "La traduction est supprimée.",
    created: "Le brouillon est enregistré. Publiez-le quand il sera prêt.",
    saved: "Enregistré.",
    publish: "Publiée : la lettre est ouverte aux signatures.",
    close: "Les signatures sont fermées.",
    reopen: "La lettre est de nouveau ouverte aux signatures.",
    deliver: "La lettre est marquée comme remise.",
    unpublish: "La lettre est de nouveau un brouillon : elle n’est plus publique.",
    previewLink: "Il y a un nouveau lien d’aperçu. L’ancien ne fonctionne plus.",
  },

  revision: {
    title: (when: string, title: string) => `Version du ${when} : ${title}`,
    back: "Retour à la lettre",
    savedPublished: (when: string, signatures: number) =>
      `Le texte tel qu’enregistré le ${when} : publié, avec ${plural(L, signatures, { one: "# signature", other: "# signatures" })} à ce moment-là.`,
    /** `published`: when the letter's publication made this draft's text public (the catalog's `time`). */
    savedPublishedLater: (when: string, published: string, signatures: number) =>
      `Le texte tel qu’enregistré le ${when}, dans un brouillon : publié avec la lettre le ${published}, avec ${plural(L, signatures, { one: "# signature", other: "# signatures" })} à ce moment-là.`,
    savedDraft: (when: string) => `Le texte tel qu’enregistré le ${when} : un brouillon jamais rendu public.`,
  },

  exports: {
    title: "Exporter",
    listed: "Les signatures de cette liste, en tableur (CSV)",
    confirmed: "Les signatures confirmées, en tableur (CSV)",
    every: "Toutes les signatures, quel que soit leur état, en tableur (CSV)",
    delivery: "Document de remise : la lettre et ses signataires, prêt à imprimer ou à enregistrer en PDF",
  },

  csv: {
    signatures: {
      kind: "Type",
      name: "Nom",
      organization: "Organisation ou affiliation",
      title: "Fonction",
      city: "Ville",
      countryCode: "Code du pays",
      country: "Pays",
      website: "Site web",
      contactName: "Personne de contact",
      contactRole: "Fonction du contact",
      email: "E-mail",
      authorizedAt: "Autorisée le",
      verification: "Vérification",
      verifiedAt: "Vérifiée le",
      verifiedDomain: "Domaine vérifié",
      status: "État",
      public: "Publique",
      channel: "Canal",
      import: "Import",
      source: "Source",
      flag: "Signalée pour",
      signedAt: "Signée le",
      confirmedAt: "Confirmée le",
      position: "Ordre",
    },
    activityTime: "Date",
    activityDetail: "Détail",
    fileNames: {
      signatures: {
        all: "toutes-les-signatures",
        unconfirmed: "signatures-non-confirmees",
        in_review: "signatures-a-verifier",
        confirmed: "signatures-confirmees",
        rejected: "signatures-rejetees",
        hidden: "signatures-masquees",
        withdrawn: "signatures-retirees",
      },
      filtered: "filtrees",
      activity: "activite",
      refused: "lignes-refusees",
    },
  },

  kept: {
    filesNote:
      "Le navigateur ne peut pas garder un fichier que vous aviez choisi : une fois ceci envoyé, choisissez de nouveau le fichier sur la page qui s’affichera.",
    endedTitle: "Votre session a pris fin",
    endedHeading: "Votre session a pris fin : ce que vous avez saisi est conservé",
    endedText:
      "Rien n’a encore été enregistré, et rien n’est perdu : ce que vous avez envoyé est gardé sur cette page. Laissez cet onglet ouvert.",
    logInAgain: "Reconnectez-vous dans un nouvel onglet",
    orAnotherWindow: "(ou dans une autre fenêtre).",
    comeBack:
      "Revenez sur cet onglet et appuyez sur « Envoyer de nouveau ». Vous verrez ce qui sera envoyé avant que ce soit fait.",
    sendAgain: "Envoyer de nouveau",
    resumeTitle: "Envoyer ce que vous avez saisi",
    resumeHeading: "Vous êtes de nouveau connecté",
    resumeText: "Appuyez sur « Envoyer » pour envoyer ce que vous aviez saisi avant la fin de votre session, tel quel.",
    staleHeading: "Cette page date d’avant votre dernière connexion",
    staleText:
      "Vous vous êtes reconnecté depuis l’ouverture de cette page (dans un autre onglet ou sur un autre appareil) : rien n’a encore été fait. Vérifiez ce qui sera envoyé, puis appuyez sur « Envoyer ».",
    missingHeading: "Rien n’a encore été fait : envoyez-le de nouveau",
    missingText:
      "Le formulaire est arrivé sans son code de sécurité (une ancienne copie de la page, ou quelque chose dans le navigateur l’a retiré) : rien n’a été fait. Vérifiez ce qui sera envoyé, puis appuyez sur « Envoyer ».",
    whatWillBeSent: "Ce qui sera envoyé",
    fields: {
      name: "Nom",
      email: "Adresse e-mail",
      role: "Rôle",
      reason: "Motif",
      label: "Description",
      paste: "Texte collé",
      webhook_url: "Adresse du webhook",
      delivered_on: "Date de remise",
      delivery_note: "Note de remise",
      language: "Langue",
    },
    otherField: "Autre champ",
    send: "Envoyer",
    dontSend: "Ne pas l’envoyer",
  },

  notifications: {
    title: "Notifications",
    webhookUrl: "Adresse du webhook",
    summaryEmail: "Résumé quotidien",
    webhookLabel: "Envoyer chaque nouvelle signature à un autre système (facultatif)",
    webhookHint:
      "Collez l’adresse que votre CRM ou votre outil d’automatisation vous donne pour recevoir des webhooks (elle commence par https://). Chaque fois qu’une signature commence à compter, ses informations y sont envoyées en moins d’une minute ; si ce système ne répond pas, elles sont renvoyées pendant environ quatre heures. Laissez vide pour ne rien envoyer.",
    includeEmail:
      "Envoyer aussi les adresses e-mail des signataires (seulement si votre lettre leur dit que ce système les conservera)",
    secretLabel: "Secret qui prouve qu’un envoi vient d’ici",
    secretHint:
      "Donnez-le à la personne qui a configuré le système destinataire, et à personne d’autre. Pour elle : les envois sont signés comme le prévoit Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), donc toute bibliothèque Standard Webhooks les vérifie avec ce secret.",
    /** Under the secret when it was made before Standard Webhooks (domain/webhook.ts isLegacyWebhookSecret). Text between backticks is shown as code. */
    legacySecretHint:
      "Les systèmes configurés avant que les envois suivent Standard Webhooks peuvent encore vérifier `X-Undersigned-Signature` avec ce secret tel qu’il était affiché alors : cet en-tête est encore envoyé jusqu’à ce que vous enregistriez un nouveau secret.",
    summaryLabel: "Envoyer le résumé quotidien à (facultatif)",
    summaryHint: (at: string, zone: string) => {
      const utc = `${formatClock(at, "UTC", L)} UTC`;
      const place = timeZonePlace(zone, L);
      const when = place ? `${formatClock(at, zone, L)} (${place}), soit ${utc},` : utc;
      return `Un e-mail chaque jour à ${when} avec les nouvelles signatures des dernières 24 heures et ce qui attend un examen.`;
    },
    save: "Enregistrer les notifications",
    saveWithNewSecret: "Enregistrer avec un nouveau secret",
    sendTest: "Faire un envoi d’essai",
    sendTestHint: (url: string) =>
      `Envoie un exemple à ${url}, signé comme un vrai mais sans aucune signature dedans, et affiche la réponse de ce système.`,
    deliveriesCaption: "Dernières signatures envoyées à l’autre système",
    delivery: "Envoi",
    queued: "Mis en file",
    outcome: "Résultat",
    tries: "Essais",
    lastAnswer: "Dernière réponse",
    states: {
      pending: "sera réessayé",
      delivered: "remis",
      failed: "abandonné",
      skipped: "ignoré (ne compte plus)",
    },
    nextTry: (time: string) => ` ; prochain essai : ${time}`,
    testTitle: (title: string) => `Envoi d’essai : ${title}`,
    backTo: (title: string) => `← Notifications de « ${title} »`,
    testTaken: "L’envoi d’essai a été accepté",
    testFailed: "L’envoi d’essai n’est pas passé",
    sentTo: (url: string) => `Envoyé à ${url}.`,
    status: "Statut",
    answer: "Sa réponse",
    answerBeginning: "Sa réponse (le début)",
    empty: "(vide)",
    sendAnother: "Faire un autre envoi d’essai",
    back: "Retour aux notifications",
    rotateQuestion: "Remplacer le secret qui signe les envois du webhook ?",
    rotateConsequences: [
      "L’ancien secret cesse aussitôt de fonctionner : tous les envois à partir de maintenant sont signés avec le nouveau.",
      "Votre serveur destinataire les refusera tant que vous ne lui aurez pas donné le nouveau secret, affiché ensuite sur la page de la lettre.",
      "Les autres réglages des notifications sont enregistrés tels que vous les avez laissés.",
    ],
    rotateConfirm: "Enregistrer avec un nouveau secret",
    answeredStatus: (status: number) => `L’adresse a répondu ${status}.`,
    failures: {
      timeout: (seconds: number) => `Le système destinataire n’a pas répondu en ${formatNumber(seconds, L)} secondes.`,
      tls: "La connexion sécurisée du système destinataire n’est pas fiable : son certificat HTTPS manque, a expiré ou est établi pour une autre adresse.",
      network: "L’adresse n’a pas pu être jointe : aucun système n’y a répondu, ou sa connexion sécurisée a échoué.",
      refused:
        "Rien n’a été envoyé : cette adresse n’est plus acceptée (elle doit commencer par https:// et désigner un serveur public, sans adresse IP, port, nom d’utilisateur ni mot de passe).",
    },
    testAdvice: {
      timeout: "Vérifiez que le système destinataire fonctionne et qu’il répond dès qu’il a reçu l’envoi.",
      tls: "Demandez à la personne qui gère le système destinataire de renouveler ou de corriger son certificat.",
      network:
        "Vérifiez que l’adresse ne contient pas de faute, que le système destinataire fonctionne et que son certificat HTTPS est valide.",
      refused: "Enregistrez l’adresse https:// publique du système destinataire, puis envoyez un autre test.",
    },
    testAnswered: (status: number) => {
      if (status >= 200 && status <= 299)
        return `Il a répondu ${status} : il a accepté l’envoi. Les vrais envois lui parviendront.`;
      if (status >= 300 && status <= 399)
        return `Il a répondu ${status}, une redirection : les envois ne sont jamais redirigés. Enregistrez plutôt l’adresse vers laquelle il redirige.`;
      if (status === 401 || status === 403)
        return `Il a répondu ${status} : il a refusé l’envoi. Vérifiez qu’on lui a donné le secret actuel de cette lettre.`;
      if (status === 404)
        return "Il a répondu 404 : il n’y a rien à cette adresse. Vérifiez qu’elle ne contient pas de faute.";
      if (status >= 500)
        return `Il a répondu ${status} : son serveur a eu un problème. Les vrais envois seraient réessayés pendant environ quatre heures.`;
      return `Il a répondu ${status} : il n’a pas accepté l’envoi. Les vrais envois seraient réessayés pendant environ quatre heures.`;
    },
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
    signatureCounts: (counted: number, waiting: number) =>
      `Signatures : ${plural(L, counted, { one: "# comptée", other: "# comptées" })}, ${formatNumber(waiting, L)} en attente`,
  },

  people: {
    title: "Personnes",
    intro:
      "Toutes les personnes qui peuvent se connecter à cet espace des organisateurs, et ce que chacune peut faire.",
    rolesSummary: "Ce que chaque rôle peut faire",
    roleDoes: {
      owner: "tout — personnes, réglages, webhooks, lettres et signatures",
      editor: "les lettres — texte, traductions, étapes, ordre des organisations",
      moderator: "les signatures — examen, masquage, rétablissement, saisie à la main, import, exports",
      viewer: "lit les lettres et les décomptes ; aucune donnée personnelle",
    },
    caption: "Personnes ayant un compte",
    name: "Nom",
    email: "E-mail",
    role: "Rôle",
    status: "État",
    lastSignIn: "Dernière connexion",
    actions: "Actions",
    you: " (vous)",
    noEmail: "— (se connecte avec la clé d’administration)",
    bootstrapName: "Propriétaire (clé d’administration)",
    nameOf: (person: NamedPerson) => (isUnrenamedBootstrap(person) ? fr.people.bootstrapName : person.name),
    roleOf: (name: string) => `Rôle de ${name}`,
    change: "Changer",
    changeRoleOf: (name: string) => ` le rôle de ${name}`,
    statuses: { active: "compte actif", invited: "invitation envoyée", disabled: "compte désactivé" },
    never: "jamais",
    resend: "Renvoyer l’invitation",
    resendTo: (name: string) => ` à ${name}`,
    enable: "Réactiver",
    disable: "Désactiver",
    inviteHeading: "Inviter un ou une collègue",
    labels: { name: "Nom", email: "Adresse e-mail", role: "Rôle", language: "Langue de la personne invitée" },
    nameHint: "Le nom sous lequel ses collègues et le journal d’activité désigneront la personne.",
    emailHint:
      "L’invitation y est envoyée, et la personne se connecte avec cette adresse. Seuls les propriétaires la voient.",
    languageHint:
      "L’invitation est rédigée dans cette langue, et l’espace des organisateurs s’ouvrira dans celle-ci pour la personne invitée, qui pourra la changer ensuite avec les boutons de langue.",
    send: "Envoyer l’invitation",
    linkLasts: (days: number) =>
      plural(L, days, {
        one: "Le lien de l’e-mail ne sert qu’une fois, pendant # jour.",
        other: "Le lien de l’e-mail ne sert qu’une fois, pendant # jours.",
      }),
    done: {
      invited: "L’invitation est envoyée. Son lien ne sert qu’une fois, pendant 7 jours.",
      "not-sent":
        "Le compte est créé, mais l’e-mail n’a pas pu être envoyé. Essayez « Renvoyer l’invitation » dans un instant.",
      resent: "Une nouvelle invitation est envoyée ; le lien précédent ne fonctionne plus.",
      role: "Le rôle est changé. Il s’applique dès sa prochaine page.",
      disabled: "Le compte est désactivé : ses sessions sont fermées et il ne peut plus se connecter.",
      enabled: "Le compte est réactivé. La personne se connecte avec un lien envoyé à son adresse.",
    },
    exists: (email: string, name: string, disabled: boolean) =>
      `${email} a déjà un compte (${name}${disabled ? ", désactivé" : ""}).`,
    disableQuestion: (name: string) => `Désactiver ${name} ?`,
    disableConsequences: [
      "La personne est déconnectée partout à l’instant, et ses liens de connexion cessent de fonctionner.",
      "Elle ne peut plus se connecter tant qu’un propriétaire n’a pas réactivé le compte.",
      "Ce qu’elle a fait reste dans les registres sous son nom.",
    ],
    /** In place of Disable and the role's choice, for the last active owner (app/organizer-accounts.ts lastOwners). */
    lastOwner:
      "Dernier propriétaire actif : impossible de le désactiver ou de changer son rôle tant qu’il n’y a pas d’autre propriétaire actif.",
    /** In place of the invitation form, when no mailer is set up. */
    noMailer:
      "Ce site ne peut pas encore envoyer d’e-mails, donc personne ne peut être invité : demandez à qui l’administre de configurer l’envoi (MAILER, RESEND_API_KEY et MAIL_FROM).",
    disableConfirm: (name: string) => `Désactiver ${name}`,
  },

  account: {
    title: "Votre compte",
    email: "E-mail",
    noEmail: "aucun : ce compte se connecte avec la clé d’administration",
    role: "Rôle",
    nameHeading: "Votre nom",
    nameLabel: "Votre nom",
    nameHint: "Le nom sous lequel vos collègues et le journal d’activité vous désignent.",
    saveName: "Enregistrer le nom",
    sessionsHeading: "Où vous êtes connecté",
    noSessions:
      "Aucune session : vous accédez à cet espace par la connexion de votre organisation (Cloudflare Access).",
    caption: "Vos sessions, les plus récentes d’abord",
    device: "Appareil",
    signedIn: "Connexion",
    lastActive: "Dernière activité",
    activeNow: "en ce moment",
    with: "Avec",
    actions: "Actions",
    unknownDevice: "Navigateur inconnu",
    deviceOn: (browser: string, system: string) => `${browser} sous ${system}`,
    thisOne: " (celle-ci)",
    via: {
      "admin-token": "la clé d’administration",
      "magic-link": "un lien reçu par e-mail",
      passkey: "une clé d’accès",
    },
    logOutHere: "Se déconnecter ici",
    end: "Fermer",
    whichSession: (device: string, since: string) => ` la session sur ${device} depuis le ${since}`,
    logOutEverywhere: "Se déconnecter partout",
    logOutEverywhereHint:
      " Ferme toutes les sessions ci-dessus, celle-ci comprise : utile si vous avez perdu un appareil.",
    passkeysHeading: "Clés d’accès",
    passkeysText:
      "Connectez-vous avec l’empreinte, le visage ou le code de votre appareil plutôt qu’avec un lien par e-mail.",
    passkeysLink: "Vos clés d’accès",
    tokensHeading: "Jetons d’API",
    tokensText: "Des jetons pour les programmes qui utilisent l’API des organisateurs avec votre rôle.",
    tokensLink: "Vos jetons d’API",
    done: { name: "Votre nom est enregistré.", ended: "Cette session est fermée." },
  },

  signInLinks: {
    sentTitle: "Consultez vos e-mails",
    sent: (minutes: number) =>
      `Si cette adresse appartient à un organisateur, un lien est en route. Il vous connecte une seule fois, pendant ${plural(L, minutes, { one: "# minute", other: "# minutes" })}.`,
    nothingArrived:
      "Rien reçu après quelques minutes ? Regardez dans vos courriers indésirables, ou vérifiez l’adresse et redemandez. Pour protéger votre boîte, 3 liens au plus sont envoyés à une adresse depuis un même endroit en 15 minutes : ensuite, attendez un quart d’heure.",
    tooManyTitle: "Aucun lien n’a été envoyé",
    /** A request past the limits (app/organizer-accounts.ts admitSignInLinkRequest): `seconds` to wait. */
    tooMany: (seconds: number) =>
      `Trop de liens de connexion ont été demandés pour cette adresse ou depuis votre connexion en peu de temps : aucun n’a été envoyé cette fois. Redemandez-en un dans ${seconds < 60 ? plural(L, seconds, { one: "# seconde", other: "# secondes" }) : plural(L, Math.ceil(seconds / 60), { one: "# minute", other: "# minutes" })}. Un lien envoyé plus tôt fonctionne toujours dans les 15 minutes qui suivent son envoi.`,
    backToLogin: "Retour à la page de connexion",
    acceptTitle: "Accepter l’invitation",
    signInTitle: "Connexion",
    welcome: (name: string) => `Bienvenue, ${name}`,
    signInAs: (name: string) => `Se connecter en tant que ${name}`,
    invitedAs: (role: string, does: string) =>
      `Vous êtes invité dans l’espace des organisateurs comme ${role} : ${does}.`,
    accept: "Accepter et se connecter",
    signIn: "Se connecter",
    onceOnly: "Le lien ne sert qu’une fois. Si vous ne l’avez pas demandé, fermez cette page.",
    expiredInvitation: "Cette invitation a expiré",
    expiredLink: "Ce lien de connexion a expiré",
    usedInvitation: "Cette invitation a déjà servi",
    usedLink: "Ce lien de connexion a déjà servi",
    unknown: "Ce lien ne fonctionne pas",
    replacedInvitation: "Cette invitation a été remplacée par une plus récente",
    replacedLink: "Ce lien de connexion a été remplacé par un plus récent",
    useLatest:
      "Utilisez le lien du dernier e-mail que nous vous avons envoyé : chaque nouvel envoi remplace les précédents.",
    joinedAlready: "Vous avez déjà rejoint l’équipe",
    joinedSaid:
      "Cette invitation a cessé de fonctionner lors de votre première connexion. Désormais, connectez-vous depuis la page de connexion.",
    supersededLink: "Ce lien de connexion ne fonctionne plus",
    supersededSaid:
      "Vous vous êtes connecté avec un autre lien depuis l’envoi de celui-ci : dès qu’un de vos liens a servi, les autres cessent de fonctionner.",
    withdrawnInvitation: "Cette invitation a été retirée",
    withdrawnLink: "Votre accès à l’espace des organisateurs a été retiré",
    withdrawnSaid:
      "Un propriétaire de l’espace des organisateurs a retiré l’accès de ce compte. Si vous pensez que c’est une erreur, adressez-vous à la personne qui vous a invité.",
    restoredInvitation: "Cette invitation ne fonctionne plus",
    restoredLink: "Ce lien de connexion ne fonctionne plus",
    restoredSaid:
      "Les liens de ce compte ont cessé de fonctionner quand son accès à l’espace des organisateurs a été retiré. Cet accès a été rétabli depuis.",
    invitationsLast: (days: number) =>
      plural(L, days, { one: "Une invitation est valable # jour.", other: "Une invitation est valable # jours." }),
    linksLast: (minutes: number) =>
      plural(L, minutes, {
        one: "Un lien de connexion est valable # minute.",
        other: "Un lien de connexion est valable # minutes.",
      }),
    onceAndActive: "Chaque lien ne sert qu’une fois, et seulement pour un compte actif.",
    askOwner:
      "Demandez au propriétaire qui vous a invité de vous envoyer une nouvelle invitation ou, si vous l’avez déjà acceptée, demandez un lien de connexion.",
    askAgain: "Demandez-en un nouveau (3 au plus en 15 minutes).",
    newLink: "M’envoyer un nouveau lien de connexion",
    toLogin: "Aller à la page de connexion",
  },

  mail: {
    signInSubject: (site: string) => `Votre lien de connexion à ${site}`,
    signIn: (p: { name: string; site: string; minutes: number; link: string }) => [
      `Bonjour ${p.name},`,
      "",
      `Ouvrez ce lien pour vous connecter à l’espace des organisateurs de ${p.site}. Il ne sert qu’une fois, pendant ${plural(L, p.minutes, { one: "# minute", other: "# minutes" })} :`,
      "",
      p.link,
      "",
      "Si vous ne l’avez pas demandé, ignorez cet e-mail : personne ne peut se connecter sans le lien.",
    ],
    anOwner: "Un propriétaire",
    invitationSubject: (invitedBy: string, site: string) =>
      `${invitedBy} vous invite dans l’espace des organisateurs de ${site}`,
    invitation: (p: {
      name: string;
      invitedBy: string;
      site: string;
      role: string;
      does: string;
      days: number;
      link: string;
    }) => [
      `Bonjour ${p.name},`,
      "",
      `${p.invitedBy} vous invite à aider à gérer les lettres de ${p.site}, comme ${p.role} (${p.does}).`,
      "",
      `Ouvrez ce lien pour accepter. Il ne sert qu’une fois, pendant ${plural(L, p.days, { one: "# jour", other: "# jours" })} :`,
      "",
      p.link,
      "",
      "Ensuite, connectez-vous avec un lien envoyé à cette adresse depuis la page de connexion de l’espace des organisateurs.",
      "Si vous n’attendiez pas cette invitation, ignorez cet e-mail.",
    ],
  },

  summaryMail: {
    subject: (counted: number, title: string) =>
      `${counted > 0 ? `+${formatNumber(counted, L)}` : "Aucune nouvelle signature"} · ${title}`,
    text: (p: {
      title: string;
      total: number;
      counted: number;
      waiting: number;
      flagged: number;
      adminUrl: string | null;
    }) => [
      `Ces dernières 24 heures sur « ${p.title} » :`,
      "",
      `- ${plural(L, p.counted, { one: "# nouvelle signature comptée", other: "# nouvelles signatures comptées" })} (${plural(L, p.total, { one: "# signature", other: "# signatures" })} en tout)`,
      `- ${plural(L, p.waiting, { one: "# signature attend", other: "# signatures attendent" })} votre examen`,
      `- ${plural(L, p.flagged, { one: "# nouvelle signature signalée comme suspecte", other: "# nouvelles signatures signalées comme suspectes" })}`,
      "",
      ...(p.adminUrl ? ["Pour les examiner :", p.adminUrl, ""] : []),
      "Vous recevez cet e-mail parce que votre adresse est indiquée pour le résumé quotidien de cette lettre dans l’espace des organisateurs.",
    ],
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
    copy: "Copier le jeton",
    copied: "Copié : collez-le là où votre programme garde ses réglages.",
    copyFailed:
      "Ce navigateur n’a pas pu le copier : le jeton est sélectionné, copiez-le au clavier (Ctrl+C, ou ⌘C sur un Mac).",
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
    lastUsed: "Dernière utilisation (à l’heure près)",
    neverUsed: "Jamais",
    /**
     * A token's last use, noted to the hour (storage/api-tokens.ts touchApiToken): the hour's start,
     * a moment in the reader's time zone (the area's `time`).
     */
    usedInHour: (time: string) => `Dans l’heure à partir de ${time}`,
    /** Owners only: the link to People (each person's role). */
    whoMayDoWhat: "Qui peut faire quoi : Personnes",
    routesListed:
      "Les routes qu’un jeton peut appeler, avec leurs réponses et leurs erreurs, sont listées dans le README, dans le tableau de l’API JSON des organisateurs.",
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
    goneTitle: "Jeton introuvable",
    adminTokenAccountTitle: "Pas pour le compte de la clé d’administration",
    adminTokenAccount:
      "Le compte de la clé d’administration ne peut pas avoir de jetons d’API : ils continueraient de fonctionner après un changement de la clé. Invitez-vous par e-mail comme propriétaire (Personnes), connectez-vous avec ce compte et créez-y vos jetons.",
    tooMany: (limit: number) => `Vous avez déjà ${limit} jetons : révoquez d’abord un jeton que vous n’utilisez plus.`,
  },

  signatures: {
    title: (title: string) => `Signatures : ${title}`,
    heading: "Signatures",
    actions: { approve: "Approuver", reject: "Rejeter", hide: "Masquer", restore: "Rétablir" },
    statuses: {
      unconfirmed: "en attente de confirmation par e-mail",
      in_review: "en attente d’examen",
      confirmed: "comptée",
      rejected: "rejetée",
      hidden: "masquée",
      withdrawn: "retirée",
    },
    channels: {
      initial: "fichier de la lettre",
      form: "formulaire de signature",
      api: "API",
      manual: "saisie à la main",
      import: "importée",
    },
    flags: {
      "many-from-one-connection": (count: number, minutes: number) =>
        `${count} signatures ou plus depuis une même connexion en ${minutes} minutes`,
      "many-from-one-email-domain": (count: number, minutes: number) =>
        `${count} signatures ou plus depuis un même domaine e-mail (hors webmail) en ${minutes} minutes`,
      "organization-domain-taken":
        "le domaine e-mail de son contact vérifie déjà une autre organisation de cette lettre",
    },
    flagged: (reason: string) => `signalée : ${reason}`,
    verifiedByOrganizers: (on: string) => `Vérifiée par les organisateurs le ${on}`,
    verifiedByDomain: (on: string, domain: string) =>
      `Vérifiée par domaine e-mail le ${on} : son contact a confirmé une adresse chez ${domain}`,
    itsWebsiteDomain: "le domaine de son site web",
    authorizedOn: (on: string) => `Autorisation : déclarée le ${on}`,
    authorizedByOrganizers: "Autorisation : saisie par les organisateurs",
    authorizedNotStated: "Autorisation : non déclarée (signée avant que la déclaration soit demandée)",
    contact: (contact: string) => `Contact : ${contact}`,
    noContact: "non indiqué",
    website: "Site web :",
    notVerified: "non vérifiée",
    removingForgets: (domain: string) => ` Retirer la marque fait oublier ${domain} pour elle.`,
    importedFrom: (name: string) => `Importée depuis ${name}`,
    importNumber: (id: number) => `l’import ${id}`,
    organization: "Organisation",
    individual: "Personne",
    signedAt: "signée le",
    sharedTitle: "Signé deux fois depuis une même boîte mail ?",
    sharedText:
      "Ces signatures ont été faites avant que les signatures soient comparées par boîte mail. Chaque paire vient d’une même boîte écrite de deux façons (avec et sans points dans une adresse Gmail, un +libellé, googlemail.com pour gmail.com, ou des majuscules). Les deux sont restées telles quelles : rien n’a été retiré ni décompté. Si une personne a signé deux fois, masquez l’une des deux.",
    sharedCaption: "Paires de signatures depuis une même boîte mail",
    signature: "Signature",
    sameMailboxAs: "Même boîte mail que",
    onlyFirstPairs: (count: number) =>
      plural(L, count, {
        one: "Seule la première paire est affichée.",
        other: "Seules les # premières paires sont affichées.",
      }),
    select: (name: string) => `Sélectionner ${name}`,
    notListed: " · pas dans la liste publique",
    none: "aucune",
    email: "E-mail",
    status: "État",
    cameThrough: "Arrivée par",
    signed: "Signée le",
    actionsColumn: "Actions",
    resend: "Renvoyer l’e-mail de confirmation",
    resendTo: (name: string) => ` à ${name}`,
    confirmFor: "Confirmer",
    confirmForSigner: " à la demande de la personne…",
    removeMark: "Retirer la marque de vérification",
    removeMarkFrom: (name: string) => ` de ${name}`,
    mark: "Marquer",
    markVerified: " comme vérifiée",
    filterLabel: "Filtrer les signatures",
    search: "Rechercher",
    searchPlaceholder: "Nom, organisation, contact ou e-mail",
    any: "Toutes",
    kind: "Type",
    organizations: "Organisations",
    individuals: "Personnes",
    country: "Pays",
    from: "Signées depuis le",
    to: "Signées jusqu’au",
    verified: "Vérification",
    verifiedOrganizations: "Organisations vérifiées",
    unverifiedOrganizations: "Organisations non vérifiées",
    flaggedOnly: "Seulement les signalées",
    filter: "Filtrer",
    clear: "Effacer les filtres",
    filterProblems: "Le filtre pose problème",
    summary: (counted: number, organizations: number, individuals: number, waiting: number) =>
      `${plural(L, counted, { one: "# comptée", other: "# comptées" })} (${plural(L, organizations, { one: "# organisation", other: "# organisations" })}, ${plural(L, individuals, { one: "# personne", other: "# personnes" })}) ; ${formatNumber(waiting, L)} en attente.`,
    setOrder: "Choisir l’ordre des organisations",
    importSignatures: "Importer des signatures",
    matching: (count: number) =>
      plural(L, count, { one: "# signature correspond.", other: "# signatures correspondent." }),
    matchingMore: (count: number) =>
      plural(L, count, { one: "Plus de # signature correspond.", other: "Plus de # signatures correspondent." }),
    /** A search's count among the `searched` signatures it looked through (older ones left to search). */
    matchingWithin: (count: number, searched: number) => {
      const n = formatNumber(searched, L);
      return count === 0
        ? `Aucune des ${n} signatures les plus récentes depuis le haut de cette page ne correspond.`
        : plural(L, count, {
            one: `# signature correspond parmi les ${n} plus récentes depuis le haut de cette page.`,
            other: `# signatures correspondent parmi les ${n} plus récentes depuis le haut de cette page.`,
          });
    },
    olderNotSearched: "Les signatures plus anciennes ne sont pas encore cherchées.",
    matchingFromPage: (count: number) =>
      plural(L, count, {
        one: "# signature correspond du haut de cette page jusqu’à la première signature de la lettre.",
        other: "# signatures correspondent du haut de cette page jusqu’à la première signature de la lettre.",
      }),
    noneAmong: (searched: number) => `Aucune parmi ces ${formatNumber(searched, L)} signatures.`,
    noneFromPage: "Aucune signature ne correspond du haut de cette page jusqu’à la première signature de la lettre.",
    searchOlder: "Chercher dans les signatures plus anciennes",
    searchOn: "Poursuivre cette recherche dans les signatures plus anciennes",
    bulkLegend: "Modifier plusieurs signatures à la fois",
    action: "Action",
    scopeSelected: "Les lignes que j’ai sélectionnées",
    scopePage: (count: number) =>
      plural(L, count, { one: "La seule ligne de cette page", other: "Les # lignes de cette page" }),
    scopeMatching: (count: number) =>
      plural(L, count, { one: "La seule qui correspond", other: "Les # qui correspondent" }),
    scopeMatchingAll:
      "Toutes celles qui correspondent, parmi toutes les signatures de la lettre (la vérification dit combien)",
    scopeMatchingMore: (count: number) =>
      plural(L, count, {
        one: "Toutes celles qui correspondent (plus d’une)",
        other: "Toutes celles qui correspondent (plus de #)",
      }),
    review: "Vérifier la modification",
    noneMatch: "Aucune signature ne correspond.",
    caption: "Signatures, les plus récentes d’abord",
    signatory: "Signataire",
    older: "Signatures plus anciennes",
    manual: {
      labels: {
        kind: "Type",
        organization_name: "Nom de l’organisation",
        website: "Site web",
        contact_name: "Nom du contact",
        contact_role: "Fonction du contact",
        name: "Nom de la personne",
        organization: "Affiliation",
        title: "Fonction",
        city: "Ville",
        country: "Pays",
        email: "E-mail",
        received: "Reçue",
      },
      title: "Ajouter une signature reçue sur papier ou par e-mail",
      hint: "Elle compte tout de suite, marquée comme saisie à la main. Une signature par organisation : une organisation qui a déjà signé (son nom comparé sans accents, majuscules ni ponctuation) ne peut pas être ajoutée de nouveau. Avec une adresse e-mail, la personne ne peut plus signer avec elle ; le contact d’une organisation peut aussi signer en tant que personne.",
      whoSigned: "Qui a signé",
      whoSignedHint: "Ne remplissez que les champs de qui a signé.",
      anOrganization: "Une organisation",
      aPerson: "Une personne",
      organizationLegend: "Si c’est une organisation",
      organizationName: "Nom de l’organisation (public)",
      organizationNameHint: "Les noms peuvent commencer par + - ou @, comme +Acumen.",
      website: "Site web de l’organisation (facultatif, public)",
      websiteHint: "Comme example.org ou https://example.org/",
      contactName: "Nom de la personne de contact (facultatif, jamais publié)",
      contactRole: "Fonction de la personne de contact (facultatif, jamais publiée)",
      personLegend: "Si c’est une personne",
      name: "Nom complet de la personne (public)",
      affiliation: "Affiliation (facultative, publique)",
      personTitle: "Fonction (facultative, publique)",
      city: "Ville (facultatif)",
      country: "Pays (facultatif)",
      email: "E-mail (facultatif, jamais affiché)",
      emailHint: "Pour une organisation, celui de sa personne de contact.",
      received: "Reçue",
      receivedBy: { paper: "Sur papier", email: "Par e-mail", other: "Autrement" },
      receivedAs: { paper: "reçue sur papier", email: "reçue par e-mail", other: "saisie à la main" },
      listPublicly: "Afficher le nom dans la liste publique",
      add: "Ajouter la signature",
    },
  },

  moderation: {
    moderated: { approve: "approuvées", reject: "rejetées", hide: "masquées", restore: "rétablies" },
    verified:
      "L’organisation est marquée comme vérifiée par les organisateurs. Les listes publiques affichent maintenant la marque.",
    "already-verified": "Rien n’a changé : l’organisation était déjà vérifiée.",
    unverified: "La marque de vérification est retirée. Les listes publiques ne l’affichent plus.",
    "unverified-domain":
      "La marque de vérification est retirée, ainsi que le domaine e-mail que son contact avait prouvé : ce domaine n’empêche plus une autre organisation de cette lettre d’être vérifiée par lui.",
    "not-verified": "Rien n’a changé : l’organisation n’était pas vérifiée.",
    added: "La signature est ajoutée et comptée.",
    confirmedOnRequest:
      "La signature est confirmée à la demande de la personne ; votre raison figure dans le journal d’activité.",
    resent: (days: number, left: number, max: number) =>
      `L’e-mail de confirmation est renvoyé, avec un lien valable ${plural(L, days, { one: "# jour", other: "# jours" })}. ${
        left === 0
          ? "C’était le dernier possible aujourd’hui."
          : `${plural(L, left, { one: "# de plus peut être envoyé", other: "# de plus peuvent être envoyés" })} aujourd’hui (${formatNumber(max, L)} en 24 heures au plus).`
      }`,
    done: (action: "approve" | "reject" | "hide" | "restore", count: number) => {
      const word = { approve: "approuvée", reject: "rejetée", hide: "masquée", restore: "rétablie" }[action];
      return plural(L, count, { one: `# signature ${word}.`, other: `# signatures ${word}s.` });
    },
    held: (action: "approve" | "reject" | "hide" | "restore", count: number) => {
      const word = { approve: "approuvée", reject: "rejetée", hide: "masquée", restore: "rétablie" }[action];
      return `${plural(L, count, { one: `# organisation n’a pas été ${word}`, other: `# organisations n’ont pas été ${word}s` })} : une autre signature de la même organisation existe maintenant (masquez-la ou rejetez-la d’abord).`;
    },
    emailTaken: "Cette adresse e-mail a déjà signé la lettre.",
    organizationTaken: (name: string | null, status: string | null, remedy: "hide" | "reject" | "aside") =>
      `Cette organisation a déjà signé la lettre${name ? ` sous le nom « ${name} »` : ""}${status ? ` (sa signature est ${status})` : ""} : une signature par organisation. Retrouvez-la dans la liste ci-dessous ; si ce n’est pas celle de l’organisation elle-même, ${
        remedy === "hide"
          ? "masquez-la d’abord"
          : remedy === "reject"
            ? "rejetez-la d’abord"
            : "mettez-la de côté d’abord"
      }.`,
    badPageLink: "Ce lien de page n’est pas valide",
    badPageLinkText: "Le lien vers cette page de signatures est cassé. Revenez à la première page.",
    filterProblems: "Le filtre pose problème",
    chooseAction: "Choisissez une action",
    noneSelected:
      "Sélectionnez au moins une signature : cochez celles à modifier, ou choisissez toutes celles de cette page ou toutes celles qui correspondent.",
    badExportFilter: "Ce filtre n’a pas pu être utilisé",
    orderSaved: "L’ordre est enregistré.",
  },

  bulk: {
    title: (action: string) => `${action} : signatures`,
    question: (action: string, count: number) =>
      `${action} ${plural(L, count, { one: "# signature", other: "# signatures" })} ?`,
    button: (action: string, count: number) =>
      `${action} ${plural(L, count, { one: "# signature", other: "# signatures" })}`,
    applies: (scope: "selected" | "page" | "matching", considered: number, applicable: number, moderated: string) => {
      const one = moderated.replace(/s$/, "");
      if (considered === 1) {
        const which = {
          selected: "La signature que vous avez sélectionnée",
          page: "La seule signature de la page",
          matching: "La seule signature qui correspond au filtre",
        }[scope];
        return applicable === 1
          ? `${which} peut être ${one}.`
          : `${which} ne peut pas être ${one} : son statut ne le permet pas.`;
      }
      const count = formatNumber(considered, L);
      const of = {
        selected: `Sur les ${count} signatures que vous avez sélectionnées`,
        page: `Sur les ${count} signatures de la page`,
        matching: `Sur les ${count} signatures qui correspondent au filtre`,
      }[scope];
      if (applicable === 0) return `${of}, aucune ne peut être ${one} : leur statut ne le permet pas.`;
      const others = considered - applicable;
      const rest =
        others === 0
          ? ""
          : plural(L, others, {
              one: " ; l’autre n’est pas touchée : son statut ne le permet pas",
              other: " ; les # autres ne sont pas touchées : leur statut ne le permet pas",
            });
      return `${of}, ${plural(L, applicable, { one: `# peut être ${one}`, other: `# peuvent être ${moderated}` })}${rest}.`;
    },
    appliesBeyond: (
      considered: number,
      consideredMore: boolean,
      applicable: number,
      applicableMore: boolean,
      moderated: string,
    ) => {
      const one = moderated.replace(/s$/, "");
      const of = `${consideredMore ? "plus de " : ""}${formatNumber(considered, L)}`;
      const can = applicableMore
        ? `plus de ${formatNumber(applicable, L)} peuvent être ${moderated}`
        : applicable === 0
          ? `aucune ne peut être ${one}`
          : plural(L, applicable, { one: `# peut être ${one}`, other: `# peuvent être ${moderated}` });
      return `Sur les ${of} signatures qui correspondent au filtre, ${can}.`;
    },
    unaffected: "Non touchées",
    limit: (count: number) =>
      `Ceci modifie maintenant les ${formatNumber(count, L)} premières. Refaites la même modification pour le reste.`,
    firstNames: (count: number) => `Les ${formatNumber(count, L)} premières modifiées`,
    allNames: "Les signatures modifiées",
    organization: "organisation",
    person: "personne",
    signed: "signée le",
    more: (count: number) => `…et ${formatNumber(count, L)} de plus.`,
    nothing: "Rien à modifier.",
    back: "Retour aux signatures",
    cancel: "Annuler",
  },

  refused: {
    title: "Tentatives de signature refusées",
    none: "Aucune tentative de signature n’a été refusée.",
    hint: "Des tentatives bien remplies mais non retenues : le formulaire a été réaffiché à la personne, rempli, en lui demandant de l’envoyer de nouveau (ou d’attendre). Rien n’est gardé sur qui a essayé.",
    caption: "Tentatives de signature refusées, par motif",
    why: "Motif",
    recent: (days: number) => plural(L, days, { one: "Dernier jour", other: "# derniers jours" }),
    total: "Au total",
    reasons: {
      "too-fast": (seconds: number) => `Envoyée moins de ${seconds} secondes après l’affichage du formulaire`,
      "no-stamp": "Envoyée sans le tampon du formulaire (pas depuis le formulaire de la lettre, ou tampon falsifié)",
      expired: "Envoyée avec un formulaire affiché plus d’un jour avant",
      honeypot: "A rempli le champ caché que seuls les robots voient",
      turnstile: "N’a pas passé la vérification Turnstile",
      "rate-limited": "Trop de tentatives depuis une même connexion en une minute",
    },
  },

  confirm: {
    back: "Non, revenir en arrière",
  },

  activity: {
    title: "Activité",
    intro: (days: number) =>
      `Qui a fait quoi dans l’espace des organisateurs, le plus récent d’abord. Chaque entrée est gardée ${plural(L, days, { one: "# jour", other: "# jours" })}, puis effacée.`,
    filterHeading: "Affiner le journal",
    person: "Personne",
    anyone: "Tout le monde",
    system: "Le système",
    noLongerActive: (name: string) => `${name} (n’a plus accès)`,
    action: "Action",
    anyAction: "Toute action",
    letter: "Lettre",
    anyLetter: "Toute lettre",
    from: "Du",
    until: "Au",
    show: "Afficher",
    showAll: "Tout afficher",
    download: "Télécharger ces entrées (CSV)",
    empty: "Rien dans le journal ne correspond.",
    caption: "Activité, le plus récent d’abord",
    older: "Entrées plus anciennes",
    onLetter: "Lettre",
    deletedLetter: (title: string) => `${title} (supprimée)`,
    signature: "Signature",
    erasedSignature: "une signature effacée depuis",
    changes: "Ce qui a changé",
    change: (field: string, before: string, after: string) => `${field} : ${before} → ${after}`,
    yes: "oui",
    no: "non",
    none: "aucun",
    unset: {
      confirmSignatures: "le réglage par défaut du site",
      closesAt: "pas d’heure de clôture",
    },
    settingValues: {
      confirmSignatures: { yes: "chaque signataire confirme par e-mail", no: "comptées tout de suite" },
    },
    noteIn: (language: string) => `Note publique en ${language}`,
    sentences: {
      importStarted: "a commencé une importation",
      importFinished: (imported: number) =>
        plural(L, imported, { one: "a importé # signature", other: "a importé # signatures" }),
      invited: (name: string, email: string, role: Role, sent: boolean) =>
        `a invité ${name} (${email}) comme ${fr.layout.roleNames[role]}${sent ? "" : " (l’e-mail n’a pas pu être envoyé)"}`,
      invitedAgain: (name: string, email: string, sent: boolean) =>
        `a invité à nouveau ${name} (${email})${sent ? "" : " (l’e-mail n’a pas pu être envoyé)"}`,
    },
    /** A signature's newest log entry, in the signatures list: "Hidden by Ana, …". */
    lastChange: {
      label: "Dernier changement",
      by: (what: string, who: string, when: string) => `${what} par ${who}, ${when}`,
      changed: "Modifiée",
      what: {
        "signature-approved": "Approuvée",
        "signature-rejected": "Rejetée",
        "signature-hidden": "Masquée",
        "signature-restored": "Rétablie",
        "signature-confirmed": "Confirmée à la demande",
        "confirmation-resent": "E-mail renvoyé",
        "organization-verified": "Vérifiée",
        "organization-unverified": "Vérification retirée",
        "signature-entered": "Saisie à la main",
      },
    },
    actions: {
      "letter-created": "a créé une lettre",
      "letter-edited": "a modifié une lettre",
      "letter-deleted": "a supprimé une lettre",
      "letter-published": "a publié une lettre",
      "letter-closed": "a clos une lettre",
      "letter-reopened": "a rouvert une lettre",
      "letter-delivered": "a enregistré la remise d’une lettre",
      "letter-unpublished": "a remis une lettre en brouillon",
      "translation-saved": "a enregistré une traduction",
      "translation-deleted": "a supprimé une traduction",
      "organizations-reordered": "a changé l’ordre des organisations",
      "preview-link-renewed": "a créé un nouveau lien d’aperçu (l’ancien ne fonctionne plus)",
      "signature-approved": "a approuvé une signature",
      "signature-rejected": "a rejeté une signature",
      "signature-hidden": "a masqué une signature",
      "signature-restored": "a rétabli une signature",
      "signature-confirmed": "a confirmé une signature à la demande de son signataire",
      "confirmation-resent": "a renvoyé un e-mail de confirmation",
      "organization-verified": "a marqué une organisation comme vérifiée",
      "organization-unverified": "a retiré la vérification d’une organisation",
      "signature-entered": "a saisi une signature à la main",
      "import-created": "a préparé une importation",
      "import-run": "a importé des signatures",
      "import-discarded": "a abandonné une importation",
      "export-downloaded": "a téléchargé des données personnelles",
      "webhook-changed": "a modifié un webhook",
      "webhook-tested": "a envoyé un envoi d’essai à un webhook",
      "sign-in": "s’est connecté·e",
      "sign-in-link-sent": "a demandé un lien de connexion",
      "invitation-sent": "a invité quelqu’un",
      "invitation-accepted": "a accepté une invitation",
      "role-changed": "a changé le rôle de quelqu’un",
      "account-disabled": "a retiré l’accès de quelqu’un",
      "account-enabled": "a rendu son accès à quelqu’un",
      "account-renamed": "a changé son nom",
      "time-zone-changed": "a changé son fuseau horaire",
      "session-ended": "a fermé une session",
      "api-token-created": "a créé un jeton d’API",
      "api-token-revoked": "a révoqué un jeton d’API",
      "passkey-added": "a ajouté une clé d’accès",
      "passkey-removed": "a retiré une clé d’accès",
      "language-changed": "a changé de langue",
      "sign-in-refused": "a refusé une connexion avec un secret erroné",
    },
    fields: {
      status: "Statut",
      stage: "Étape",
      title: "Titre",
      slug: "Adresse",
      date: "Date",
      language: "Langue",
      addressee: "Destinataire",
      summary: "Résumé",
      confirmSignatures: "Confirmation par e-mail",
      reviewOrganizations: "Examen des organisations",
      closesAt: "Clôture",
      closesTimeZone: "Fuseau horaire de la clôture",
      timeZone: "Fuseau horaire",
      deliveredOn: "Remise le",
      deliveryNotes: "Notes publiques",
      verified: "Vérifiée",
      webhook: "Webhook",
      webhookGetsEmails: "Le webhook reçoit les e-mails",
      dailySummary: "Résumé quotidien",
      mode: "Mode d’importation",
      state: "Étape de l’importation",
      answer: "Sa réponse",
      name: "Nom",
      email: "E-mail",
      role: "Rôle",
    },
    // Statuses, stages, roles and import steps as their own sections word them.
    get values(): AdminMessages["activity"]["values"] {
      return {
        ...fr.signatures.statuses,
        ...fr.states,
        ...fr.layout.roleNames,
        ...fr.importUpload.states,
        organizers: "par les organisateurs",
        "email-domain": "par le domaine de son e-mail",
        on: "activé",
        off: "désactivé",
        "unreadable-address": "une adresse illisible",
        no: fr.signatures.notVerified,
        none: fr.activity.none,
        "site-default-email": "le réglage par défaut du site (chaque signataire confirme par e-mail)",
        "site-default-at-once": "le réglage par défaut du site (comptées tout de suite)",
        vouch: "la coalition s’en porte garante",
        confirm: "chaque signataire confirme",
      };
    },
    details: {
      reason: (reason: string) => reason,
      received: (way: ReceivedWay) => ({ paper: "Sur papier.", email: "Par e-mail.", other: "Autrement." })[way],
      inBulk: "En lot.",
      domainForgotten: "Le domaine de messagerie qu’avait prouvé son contact a aussi été oublié.",
      organizationsOrdered: (placed: number, inSigningOrder: number) =>
        `${plural(L, placed, { one: "# organisation placée", other: "# organisations placées" })}, ${formatNumber(inSigningOrder, L)} dans l’ordre des signatures.`,
      textChanged: "Le texte a changé : ses versions sont dans l’historique de la lettre.",
      closingTimeCame: "Son heure de clôture est arrivée.",
      translationAdded: (language: string) => `Une traduction en ${formatLanguageName(language, L)} a été ajoutée.`,
      translationReplaced: (language: string) => `La traduction en ${formatLanguageName(language, L)} a été remplacée.`,
      signaturesCsv: (status: SignatureStatus | null, narrowed: boolean) => {
        const which = status
          ? {
              unconfirmed: "les signatures en attente de leur e-mail",
              in_review: "les signatures en attente d’examen",
              confirmed: "les signatures comptées",
              rejected: "les signatures rejetées",
              hidden: "les signatures masquées",
              withdrawn: "les signatures retirées",
            }[status]
          : "toutes les signatures, quel que soit leur statut";
        return `Le fichier CSV des signatures : ${which}${narrowed ? ", restreintes par un filtre" : ""}.`;
      },
      activityCsv: "Le fichier CSV du journal d’activité.",
      signaturesApi:
        "Les signatures, avec les adresses e-mail des signataires, consultées par l’API des organisateurs (noté une fois par heure et par lettre).",
      signInRefused: (network: string, via: "admin-token" | "bearer") =>
        `${via === "bearer" ? "Un jeton d’API erroné" : "Une clé d’administration erronée"} depuis le réseau ${network} (les suivants dans les 15 minutes ne sont pas notés).`,
      signInRefusedElsewhere: (networks: number, minutes: number) =>
        `Des jetons erronés sont aussi venus d’autres réseaux (plus de ${formatNumber(networks, L)} réseaux en ${formatNumber(minutes, L)} minutes) : ils ne sont pas notés un par un.`,
      viaApiToken: (label: string | null) =>
        label === null ? "Avec la clé d’administration, par l’API." : `Par le jeton d’API « ${label} ».`,
      importFile: (fileName: string, id: number) => `« ${importName(fileName)} » (importation ${id}).`,
      importStarted: (fileName: string, id: number, toImport: number, notImported: number) =>
        `« ${importName(fileName)} » (importation ${id}) : commencée avec ${plural(L, toImport, { one: "# ligne", other: "# lignes" })} à importer, ${plural(L, notImported, { one: "# non importée", other: "# non importées" })}.`,
      importFinished: (fileName: string, id: number, imported: number, notImported: number) =>
        `« ${importName(fileName)} » (importation ${id}) : terminée, ${plural(L, imported, { one: "# signature importée", other: "# signatures importées" })}, ${plural(L, notImported, { one: "# ligne non importée", other: "# lignes non importées" })}.`,
      refusedRows: (fileName: string, id: number) =>
        `Lignes refusées de « ${importName(fileName)} » (importation ${id}), en CSV.`,
      webhookSettings: (secretReplaced: boolean, summaryMoved: boolean) =>
        [
          secretReplaced ? "Le secret qui signe les envois du webhook a été remplacé." : "",
          summaryMoved ? "Le résumé quotidien part à une autre adresse." : "",
        ]
          .filter((sentence) => sentence !== "")
          .join(" "),
      webhookAnswered: (status: number) => {
        if (status >= 200 && status <= 299) return `Il a répondu ${status} : il a accepté l’envoi.`;
        if (status >= 300 && status <= 399)
          return `Il a répondu ${status}, une redirection : les envois ne sont jamais redirigés.`;
        if (status === 401 || status === 403) return `Il a répondu ${status} : il a refusé l’envoi.`;
        if (status === 404) return "Il a répondu 404 : il n’y a rien à cette adresse.";
        if (status >= 500) return `Il a répondu ${status} : son serveur a eu un problème.`;
        return `Il a répondu ${status} : il n’a pas accepté l’envoi.`;
      },
      webhookUnreachable: (kind: WebhookFailureKind) =>
        ({
          timeout: "Le système destinataire n’a pas répondu à temps.",
          tls: "La connexion sécurisée du système destinataire n’était pas digne de confiance.",
          network: "L’adresse n’a pas pu être jointe.",
          refused: "Rien n’a été envoyé : l’adresse n’est plus acceptée.",
        })[kind],
      signedInWith: (way: SignInWay) =>
        ({
          "admin-token": "avec la clé d’administration",
          "magic-link": "avec un lien reçu par e-mail",
          passkey: "avec une clé d’accès",
        })[way],
      passkeyName: (name: string) => `« ${name} »`,
      tokenLabel: (label: string) => label,
      invited: (name: string, email: string, role: Role, sent: boolean) =>
        `${name} <${email}> comme ${fr.layout.roleNames[role]}${sent ? "" : " (l’e-mail n’a pas pu être envoyé)"}`,
      invitedAgain: (name: string, email: string, sent: boolean) =>
        `${name} <${email}>, à nouveau${sent ? "" : " (l’e-mail n’a pas pu être envoyé)"}`,
      person: (name: string) => name,
      accessRemoved: (name: string, sessions: number) =>
        `${name} (${plural(L, sessions, { one: "# session fermée", other: "# sessions fermées" })})`,
      oneSessionEnded: "une session",
      loggedOutEverywhere: (sessions: number) =>
        `se déconnecter partout (${plural(L, sessions, { one: "# session", other: "# sessions" })})`,
    },
  },

  passkeys: {
    title: "Clés d’accès",
    intro:
      "Une clé d’accès (passkey) vous connecte avec le verrouillage d’écran, l’empreinte ou le visage de votre appareil, ou avec une clé de sécurité, au lieu d’un lien par e-mail ou de la clé d’administration. Personne ne peut l’utiliser depuis un autre site, et ce site n’en garde que la moitié publique.",
    yours: "Vos clés d’accès",
    none: "Vous n’avez pas encore de clé d’accès.",
    caption: "Vos clés d’accès, de la plus ancienne à la plus récente",
    name: "Nom",
    added: "Ajoutée le",
    lastUsed: "Dernière connexion avec",
    actions: "Actions",
    notYet: "Pas encore",
    renameLabel: (name: string) => `Nouveau nom pour « ${name} »`,
    rename: "Renommer",
    renameProblem: (message: string) => `Nouveau nom : ${message}`,
    remove: (name: string) => `Retirer « ${name} »`,
    /** The admin token's account (it holds no passkeys). */
    adminToken: {
      why: "Le compte de la clé d’administration ne peut pas avoir de clés d’accès : elles permettraient encore d’entrer après un changement de la clé, et changer la clé est le moyen pour une personne propriétaire de reprendre la main sur l’espace d’organisation.",
      /** Before, in and after the link to the People page. */
      instead: [
        "Invitez-vous vous-même",
        " comme propriétaire avec votre propre adresse e-mail sur la page ",
        "Personnes",
        ", connectez-vous avec le lien reçu, puis ajoutez-y vos clés d’accès.",
      ],
      old: "Les clés d’accès ajoutées plus tôt à ce compte ne permettent plus d’entrer. Supprimez-les.",
    },
    addHeading: "Ajouter une clé d’accès",
    addNeedsScript:
      "Pour ajouter une clé d’accès, il faut JavaScript et un navigateur qui prend en charge les clés d’accès : activez JavaScript, ou utilisez une version récente de Chrome, Edge, Firefox ou Safari. Tout le reste de cette page fonctionne sans.",
    nameLabel: "Nom de la clé d’accès",
    nameHint: "Pour distinguer vos clés d’accès : « Portable du bureau », « Téléphone », « Clé de sécurité bleue ».",
    nameProblem: (message: string) => `Nom : ${message}`,
    addButton: "Ajouter une clé d’accès",
    ipAddress: "Les navigateurs ne proposent les clés d’accès que sur un nom de domaine, pas sur une adresse IP.",
    localhostToAdd: ["Ouvrez ", "cette page sur localhost", " pour en ajouter une."],
    localhostToSignIn: ["Ouvrez ", "cette page sur localhost", " pour vous connecter avec une clé."],
    done: {
      added: "La clé d’accès est ajoutée.",
      renamed: "La clé d’accès est renommée.",
      removed: "La clé d’accès est retirée.",
    },
    nameMissing: "Donnez un nom à la clé d’accès, par exemple « Portable du bureau » ou « Téléphone ».",
    nameTooLong: (max: number) => `Le nom peut compter au plus ${max} caractères.`,
    noCredential: "Votre navigateur n’a envoyé aucune clé d’accès. Réessayez, ou connectez-vous autrement.",
    unreadable: "La réponse de votre navigateur est illisible. Réessayez.",
    stale:
      "La demande à votre clé d’accès avait expiré ou avait déjà servi. Réessayez : chaque essai interroge à nouveau votre clé.",
    notVerified:
      "La réponse de votre clé d’accès n’est pas valable pour ce site : elle n’a pas été ajoutée. Réessayez, ou essayez une autre clé.",
    alreadyAdded: "Cette clé d’accès est déjà ajoutée.",
    notFoundTitle: "Clé d’accès introuvable",
    notFound: "Vous n’avez aucune clé d’accès à cette adresse. Elle a peut-être déjà été retirée.",
    removeQuestion: (name: string) => `Retirer la clé d’accès « ${name} » ?`,
    removeConsequences: [
      "Elle ne vous connectera plus. Les sessions qu’elle a ouvertes continuent jusqu’à ce que vous vous déconnectiez.",
      "La clé elle-même reste sur votre appareil ou dans votre gestionnaire de mots de passe jusqu’à ce que vous l’y supprimiez.",
      "Vous pourrez l’ajouter de nouveau plus tard.",
    ],
    removeConfirm: "Retirer la clé d’accès",
    signInHeading: "Se connecter avec une clé d’accès",
    signInNeedsScript:
      "Pour se connecter avec une clé d’accès, il faut JavaScript et un navigateur qui les prend en charge. Vous pouvez vous connecter autrement sur cette page.",
    signInHint:
      "Si vous avez ajouté une clé d’accès à votre compte, le verrouillage d’écran, l’empreinte, le visage ou la clé de sécurité de votre appareil vous connecte, sans attendre d’e-mail ni rien saisir.",
    signInButton: "Se connecter avec une clé d’accès",
    signInProblemTitle: "Connexion avec une clé d’accès impossible",
    signInRefused: "Cette clé d’accès ne peut pas vous connecter ici. Réessayez, ou connectez-vous autrement.",
    script: {
      creating: "Suivez les étapes de votre navigateur pour créer la clé d’accès…",
      choosing: "Choisissez votre clé d’accès dans la fenêtre de votre navigateur…",
      saving: "Enregistrement de la clé d’accès…",
      signingIn: "Connexion…",
      none: "Votre navigateur n’a donné aucune clé d’accès. Réessayez.",
      cancelled: "Aucune clé d’accès utilisée : la demande a été annulée ou a expiré. Réessayez quand vous serez prêt.",
      exists: "Cet appareil a déjà une clé d’accès pour votre compte.",
      refused: "Votre navigateur a refusé les clés d’accès pour cette adresse.",
      failed: "La demande de clé d’accès a échoué dans votre navigateur. Réessayez, ou utilisez un autre moyen.",
      tooMany: "Trop de tentatives depuis votre connexion : attendez une minute et réessayez.",
      serverFailed: "Le serveur n’a pas pu lancer la demande de clé d’accès. Rechargez la page et réessayez.",
    },
  },

  importUpload: {
    title: (title: string) => `Importer des signatures : ${title}`,
    back: (title: string) => `← Signatures de « ${title} »`,
    heading: "Importer des signatures",
    intro:
      "Ajoutez des signatures recueillies ailleurs : un tableur, ou les réponses d’un formulaire Google. Vous choisirez à quel champ correspond chaque colonne, vous verrez ce que donne chaque ligne (et lesquelles sont refusées ou ont déjà signé) avant que rien ne soit enregistré, et vous déciderez si les signatures comptent tout de suite ou si chaque signataire confirme par e-mail.",
    refusedTitle: "Ceci ne peut pas être importé",
    fileLabel: "Un fichier CSV",
    fileHint: (megabytes: number, rows: number) =>
      `Avec une première ligne qui nomme les colonnes ; séparé par des virgules, des points-virgules ou des tabulations ; en UTF-8 (Google Forms et Google Sheets l’exportent ainsi ; dans Excel, choisissez « CSV UTF-8 »). Au plus ${formatNumber(megabytes, L)} Mo et ${formatNumber(rows, L)} lignes.`,
    pasteLabel: "Ou des lignes collées depuis un tableur",
    pasteHint:
      "Sélectionnez les lignes dans votre tableur, la ligne des titres en premier, copiez-les et collez-les ici.",
    submit: "Lire les lignes",
    listTitle: "Importations de cette lettre",
    none: "Aucune pour l’instant.",
    file: "Fichier",
    made: "Faite le",
    state: "État",
    rows: "Lignes",
    imported: "Importées",
    states: {
      reading: "lecture du fichier",
      unreadable: "impossible à importer",
      mapping: "colonnes à attribuer",
      checking: "vérification des lignes",
      previewed: "vérifiée",
      running: "importation en cours",
      done: "terminée",
    },
    chooseOne: "Choisissez un fichier CSV, ou collez des lignes copiées depuis un tableur.",
    notBoth: "Choisissez un fichier ou collez des lignes, pas les deux : videz l’un des deux et envoyez à nouveau.",
    discarded: "L’importation est abandonnée.",
    gone: "Cette importation n’existe plus : elle a été abandonnée.",
  },

  imports: {
    title: (file: string, title: string) => `Importation de ${file} : ${title}`,
    back: (title: string) => `← Importations de « ${title} »`,
    heading: (file: string) => `Importation : ${file}`,
    pastedRows: "lignes collées",
    rowsRead: (rows: number, when: string) =>
      `${plural(L, rows, { one: "# ligne lue", other: "# lignes lues" })} dans le fichier envoyé le ${when}.`,
    rowsReadSoFar: (rows: number, when: string) =>
      `${plural(L, rows, { one: "# ligne lue", other: "# lignes lues" })} jusqu’ici dans le fichier envoyé le ${when}.`,
    previewed: "Toutes les lignes sont vérifiées : voyez ci-dessous ce que donne chacune.",
    started: "L’importation a commencé.",
    mappingTitle: "1. Quelle colonne est quoi",
    mappingIntro:
      "Les champs sont devinés d’après la ligne des titres ; vérifiez-les. Pour une ligne signée par une organisation, son nom vient de « Nom de l’organisation », sinon d’« Organisation » ; sa personne de contact, de « Personne de contact », sinon de « Nom » ; la fonction du contact, de « Fonction du contact », sinon de « Fonction ». Le contact et l’e-mail restent privés : les organisateurs les voient, le public jamais.",
    mappingCaption: "Les colonnes du fichier et le champ sous lequel chacune est importée",
    column: "Colonne",
    firstValues: "Premières valeurs",
    importedAs: "Importée comme",
    columnNumber: (number: number) => `Colonne ${number}`,
    fields: {
      ignore: "Ne pas importer",
      kind: "Organisation ou personne",
      name: "Nom (d’une personne ; de la personne de contact d’une organisation)",
      signatory: "Signataire (le nom d’une personne ; pour une organisation, celui de l’organisation)",
      organization_name: "Nom de l’organisation (celle qui signe)",
      organization: "Organisation (celle d’une personne ; sinon celle qui signe)",
      title: "Fonction (d’une personne ; du contact d’une organisation)",
      contact_name: "Personne de contact (d’une organisation)",
      contact_role: "Fonction du contact (d’une organisation)",
      website: "Site web (d’une organisation)",
      city: "Ville",
      country: "Pays (nom ou code ISO)",
      email: "E-mail",
      public: "Afficher dans la liste publique (oui/non)",
      hide: "Masquer le nom (oui/non)",
      status: "Statut (tel que l’écrit l’export de ce site : décide si la ligne est importée)",
    },
    whoSigned: "Qui a signé",
    kinds: {
      organization: "Des organisations (chaque ligne signe au nom d’une organisation)",
      individual: "Des personnes (chaque ligne signe à titre individuel)",
      column: "Ce que dit, pour chaque ligne, la colonne attribuée à « Organisation ou personne »",
    },
    kindHint:
      "Les valeurs de cette colonne sont lues en français, anglais, espagnol et portugais : « Organisation », « Organization », « Organización », « Organização » pour une organisation ; « Personne », « Individual », « Persona », « Pessoa » pour une personne.",
    howTheyCount: "Comment les signatures comptent",
    modes: {
      vouch: "La coalition s’en porte garante : les signatures comptent tout de suite",
      confirm:
        "Chaque signataire confirme : tout le monde reçoit l’e-mail de confirmation et compte une fois son lien cliqué",
    },
    vouchHint:
      "Comme les signatures saisies à la main : elles comptent et entrent dans le registre public tout de suite. Les personnes sans e-mail sont aussi importées, comme sur papier.",
    confirmHint:
      "Chaque ligne doit avoir un e-mail. Chacun reçoit l’e-mail de confirmation habituel de la lettre, dans sa langue, et compte une fois le lien cliqué ; personne ne reçoit plus d’e-mails que d’habitude.",
    check: "Vérifier les lignes",
    discard: "Abandonner cette importation",
    previewTitle: "2. Ce que donne chaque ligne",
    willImport: (count: number) => plural(L, count, { one: "sera importée", other: "seront importées" }),
    refused: (count: number) => plural(L, count, { one: "refusée", other: "refusées" }),
    duplicates: (count: number) => plural(L, count, { one: "doublon", other: "doublons" }),
    /** Rows a file's Status column keeps out (domain/signature-import.ts statusProblem), after their count in bold. */
    skippedNotCounted: (count: number) =>
      plural(L, count, {
        one: "ligne ignorée : masquée, rejetée ou retirée dans le fichier",
        other: "lignes ignorées : masquées, rejetées ou retirées dans le fichier",
      }),
    skippedUnconfirmed: (count: number) =>
      plural(L, count, {
        one: "ligne ignorée : jamais confirmée par e-mail dans le fichier",
        other: "lignes ignorées : jamais confirmées par e-mail dans le fichier",
      }),
    downloadNotImported: (count: number) =>
      `Télécharger ${plural(L, count, { one: "la ligne qui ne sera pas importée", other: "les # lignes qui ne seront pas importées" })} (CSV, avec le motif dans une colonne)`,
    rules:
      "Les lignes sont vérifiées avec les règles du formulaire de signature. Un doublon est une deuxième ligne avec la même adresse e-mail (la même boîte) ou la même organisation, dans ce fichier ou parmi les signatures de la lettre : la première est gardée.",
    rulesVouch:
      "Les personnes sans e-mail sont importées, car la coalition s’en porte garante (rien ne les empêche de signer à nouveau elles-mêmes).",
    rulesConfirm: "Les lignes sans e-mail sont refusées : une confirmation demande une adresse.",
    show: "Afficher :",
    shows: { all: "Toutes les lignes", "not-valid": "Refusées et doublons", valid: "À importer" },
    rowsCaption: (first: number, last: number, of: number) =>
      `Lignes ${formatNumber(first, L)} à ${formatNumber(last, L)} sur ${formatNumber(of, L)}`,
    row: "Ligne",
    result: "Résultat",
    signatory: "Signataire",
    email: "E-mail",
    country: "Pays",
    why: "Motif",
    outcomes: { valid: "à importer", refused: "refusée", duplicate: "doublon" },
    kindNames: { organization: "organisation", individual: "personne" },
    contact: (name: string) => `contact : ${name}`,
    notListed: "hors de la liste publique",
    pagesOfRows: "Pages de lignes",
    previousRows: "← Lignes précédentes",
    pageOf: (page: number, pages: number) => `Page ${formatNumber(page, L)} sur ${formatNumber(pages, L)}`,
    nextRows: "Lignes suivantes →",
    runTitle: "3. Importer",
    runVouch: (count: number) =>
      `${plural(L, count, { one: "# signature comptera tout de suite et entrera", other: "# signatures compteront tout de suite et entreront" })} dans le registre public.`,
    runConfirm: (count: number) =>
      `${plural(L, count, { one: "# signataire recevra", other: "# signataires recevront chacun" })} un e-mail de confirmation, et ${count < 2 ? "comptera" : "compteront"} une fois son lien cliqué.`,
    inBatches: "L’importation se fait par lots ; si elle s’arrête, elle reprend là où elle s’est arrêtée.",
    run: (count: number) => `Importer ${plural(L, count, { one: "# signature", other: "# signatures" })}`,
    readingTitle: "Lecture du fichier",
    readingProgress: (rows: number, percent: string) =>
      `${plural(L, rows, { one: "# ligne lue", other: "# lignes lues" })} jusqu’ici (${percent} du fichier).`,
    checkingTitle: "Vérification de chaque ligne",
    checkingProgress: (checked: number, rows: number) =>
      `${formatNumber(checked, L)} ${plural(L, rows, { one: "ligne vérifiée sur #", other: "lignes vérifiées sur #" })}.`,
    runningTitle: "Importation en cours",
    runningProgress: (done: number, rows: number, imported: number) =>
      `${formatNumber(done, L)} ${plural(L, rows, { one: "ligne traitée sur #", other: "lignes traitées sur #" })} (${plural(L, imported, { one: "# importée", other: "# importées" })}).`,
    percent: (value: number) => new Intl.NumberFormat(L, { style: "percent" }).format(value),
    steps:
      "Chaque clic sur « Continuer » fait les étapes suivantes (jusqu’à 15, chacune de 10 à 25 lignes, ou 400 pendant la lecture du fichier : chaque étape tient dans le temps accordé à une requête). Si vous quittez cette page, l’importation continue seule, une étape par minute.",
    autoContinue: "Tant que cette page est ouverte, elle clique sur « Continuer » pour vous.",
    continue: "Continuer",
    unreadableTitle: "Ce fichier ne peut pas être importé",
    unreadableText:
      "Rien n’en a été importé, et les lignes lues ont été supprimées. Corrigez le fichier et envoyez-le à nouveau.",
    doneTitle: "Terminée",
    importedCount: (count: number) => plural(L, count, { one: "importée", other: "importées" }),
    unsent: (count: number) =>
      plural(L, count, {
        one: "e-mail de confirmation n’a pas pu être envoyé",
        other: "e-mails de confirmation n’ont pas pu être envoyés",
      }),
    erased: (days: number) =>
      `Les lignes de cette importation ont été effacées ${plural(L, days, { one: "# jour", other: "# jours" })} après sa fin.`,
    downloadRefused: (count: number) =>
      `Télécharger ${plural(L, count, { one: "la ligne non importée", other: "les # lignes non importées" })} (CSV, avec le motif dans une colonne)`,
    fixThem: (days: number) =>
      `. Corrigez-les et importez ce fichier. Les lignes sont gardées ${plural(L, days, { one: "# jour", other: "# jours" })}, puis effacées.`,
    seeImported: "Voir toutes les signatures importées de la lettre",
    storedTitle: "Signatures enregistrées par cette importation",
    kind: "Type",
    status: "Statut",
    statuses: {
      confirmed: "comptée",
      unconfirmed: "en attente de confirmation par e-mail",
      in_review: "en attente d’examen",
      withdrawn: "retirée",
      hidden: "masquée",
      rejected: "rejetée",
    },
    more: "Plus →",
    discardQuestion: (file: string) => `Abandonner l’importation « ${file} » ?`,
    discardConsequences: [
      "Ce qui en a été lu et les colonnes que vous avez choisies sont supprimés définitivement ; aucune signature n’en a été enregistrée.",
      "Pour importer ces lignes plus tard, envoyez à nouveau le fichier.",
    ],
    discardConfirm: "Abandonner l’importation",
    reasonColumn: "motif",
    reasonCell: (line: number, reason: string) => `Ligne ${line} : ${reason}`,
    chooseField: "Choisissez un champ pour chaque colonne",
    chooseKind: "Choisissez qui a signé : des organisations, des personnes, ou ce que dit une colonne.",
    chooseMode: "Choisissez comment les signatures comptent.",
    chooseColumnField: (column: number) => `Choisissez un champ pour la colonne ${column}.`,
    confirmRefusedTitle: "Les e-mails de confirmation ne peuvent pas être envoyés",
    fileProblem: (problem: ImportFileProblem): string => {
      const near =
        "row" in problem && problem.row != null
          ? ` (vers la ligne ${formatNumber(problem.row, L)}, en-têtes comprises)`
          : "";
      switch (problem.code) {
        case "workbook":
          return "Ceci est un classeur de tableur (.xlsx ou .ods), pas un fichier CSV. Ouvrez-le, enregistrez-le ou téléchargez-le en CSV (UTF-8), puis envoyez ce fichier.";
        case "old-excel":
          return "Ceci est un ancien classeur Excel (.xls), pas un fichier CSV. Ouvrez-le, enregistrez-le en « CSV UTF-8 », puis envoyez ce fichier.";
        case "binary":
          return "Ce fichier n’est pas du texte (il contient des données binaires). Envoyez un fichier CSV exporté de votre tableur ou de votre formulaire.";
        case "not-utf8":
          return "Ce fichier n’est pas en UTF-8 : il a sans doute été enregistré en Windows-1252 (ANSI). Enregistrez-le en UTF-8 et envoyez-le à nouveau : dans Excel, Fichier › Enregistrer sous › « CSV UTF-8 (délimité par des virgules) » ; dans LibreOffice, Fichier › Enregistrer sous › Texte CSV avec le jeu de caractères « Unicode (UTF-8) » ; Google Sheets et Google Forms exportent toujours en UTF-8.";
        case "too-large":
          return `Le fichier dépasse ${formatNumber(IMPORT_LIMITS.fileBytes / 1024 / 1024, L)} Mo. Découpez-le, ou retirez les colonnes que vous n’importez pas, et importez chaque partie.`;
        case "pasted-binary":
          return "Le texte contient des données binaires. Collez des lignes copiées depuis un tableur.";
        case "empty":
          return "Il n’y a rien à importer : le fichier ou le texte collé est vide.";
        case "too-many-columns":
          return `La première ligne a plus de ${IMPORT_LIMITS.columns} colonnes ; une importation en accepte au plus ${IMPORT_LIMITS.columns}. Retirez les colonnes que vous n’importez pas.`;
        case "empty-header":
          return "La première ligne doit nommer les colonnes (la ligne des titres), et elle est vide.";
        case "no-rows":
          return "Le fichier a une ligne de titres mais aucune signature en dessous. Exportez les réponses, pas seulement les questions du formulaire.";
        case "too-many-rows":
          return `Le fichier a plus de ${formatNumber(IMPORT_LIMITS.rows, L)} lignes ; une importation en accepte au plus ${formatNumber(IMPORT_LIMITS.rows, L)}. Découpez-le et importez chaque partie.`;
        case "long-cell":
          return `La ligne ${formatNumber(problem.row, L)}, colonne ${problem.column}, contient plus de ${formatNumber(IMPORT_LIMITS.cellCharacters, L)} caractères : aucun champ d’une signature n’est aussi long. Vérifiez le séparateur et les guillemets du fichier.`;
        case "ragged":
          return `La ligne ${formatNumber(problem.row, L)} n’a pas le même nombre de colonnes que la ligne des titres (${plural(L, problem.cells, { one: "# cellule", other: "# cellules" })} ; les titres, ${problem.columns}). Chaque ligne doit avoir une cellule par colonne : cherchez un séparateur en trop ou un guillemet manquant, ou exportez à nouveau le fichier.`;
        case "quote-not-closed":
          return `Une cellule entre guillemets n’est jamais fermée${near}. Vérifiez que chaque cellule qui commence par " se termine par ".`;
        case "bad-quote":
          return `Un guillemet dans une cellule n’est pas écrit comme deux guillemets ("")${near}. Exportez à nouveau le fichier depuis votre tableur.`;
        case "opening-quote":
          return `Une cellule contient des guillemets sans commencer par l’un d’eux${near} : une cellule avec des guillemets doit être entièrement entre guillemets, les siens doublés, comme "Ana ""Anita""". Exportez à nouveau le fichier depuis votre tableur.`;
        case "row-too-long":
          return `Une ligne est trop longue${near} : au plus ${IMPORT_LIMITS.columns} colonnes de ${formatNumber(IMPORT_LIMITS.cellCharacters, L)} caractères.`;
        case "unparsable":
          return `Le fichier n’a pas pu être lu comme CSV${near}. Vérifiez ses guillemets et ses séparateurs, ou exportez-le à nouveau en CSV (UTF-8) depuis votre tableur.`;
        case "as-written":
          return problem.text;
      }
    },
    mappingProblem: (problem: ImportMappingProblem): string => {
      switch (problem.code) {
        case "column-count":
          return "Choisissez un champ pour chaque colonne.";
        case "field-twice": {
          const column = ({ name, index }: { name: string | null; index: number }) =>
            name ? `« ${name} »` : `la colonne ${index + 1}`;
          return `« ${fr.imports.fields[problem.field]} » est choisi pour deux colonnes (${column(problem.first)} et ${column(problem.second)}). Choisissez-le pour une seule.`;
        }
        case "kind-column-missing":
          return "Le type de chaque ligne doit être lu dans une colonne, mais aucune colonne n’est « Organisation ou personne ».";
        case "no-names":
          return "Aucune colonne ne donne les noms des personnes : choisissez « Nom » pour l’une d’elles.";
        case "no-organization-names":
          return "Aucune colonne ne donne les noms des organisations : choisissez « Nom de l’organisation » pour l’une d’elles.";
        case "email-column-missing":
          return "Les e-mails de confirmation demandent une colonne d’e-mail : choisissez « E-mail » pour l’une d’elles, ou laissez la coalition s’en porter garante.";
        case "no-mailer":
          return "Les e-mails de confirmation demandent un service d’envoi, et aucun n’est configuré (RESEND_API_KEY et MAIL_FROM, voir Configuration). Laissez plutôt la coalition s’en porter garante, ou configurez-en un d’abord.";
        case "letter-not-open":
          return "Les e-mails de confirmation mènent à la page de la lettre, et cette lettre n’est pas ouverte aux signatures. Laissez plutôt la coalition s’en porter garante, ou ouvrez d’abord la lettre.";
      }
    },
    textFields: {
      name: "Le nom",
      organization_name: "Le nom de l’organisation",
      organization: "L’organisation",
      title: "La fonction",
      contact_name: "La personne de contact",
      contact_role: "La fonction du contact",
      city: "La ville",
    },
    rowProblem: (problem: ImportRowProblem): string => {
      switch (problem.code) {
        case "kind-unknown":
          return `Le type « ${problem.value} » n’indique ni une organisation ni une personne.`;
        case "kind-empty":
          return "Le type est vide : indiquez si c’est une organisation ou une personne qui a signé.";
        case "text":
          return textProblem(fr.imports.textFields[problem.field], problem.problem, problem.max);
        case "country-unknown":
          return `Nous ne connaissons pas le pays « ${problem.value} » : écrivez son nom (en français, anglais, espagnol ou portugais) ou son code ISO à deux lettres.`;
        case "website-invalid":
          return "Le site web n’est pas une adresse web, comme exemple.org.";
        case "website-too-long":
          return `Le site web doit faire au plus ${problem.max} caractères.`;
        case "email-invalid":
          return "L’e-mail n’est pas une adresse valide, comme nom@exemple.org.";
        case "email-missing":
          return "L’e-mail est vide : un e-mail de confirmation demande une adresse.";
        case "differ":
          return {
            organization:
              "Le nom de l’organisation et l’organisation sont tous deux remplis, et diffèrent : gardez-en un.",
            contact: "La personne de contact et le nom sont tous deux remplis, et diffèrent : gardez-en un.",
            role: "La fonction du contact et la fonction sont toutes deux remplies, et diffèrent : gardez-en une.",
            signatory: "Deux colonnes donnent le nom du signataire, et elles diffèrent : gardez-en une.",
          }[problem.pair];
        case "organization-name-empty":
          return "Le nom de l’organisation est vide.";
        case "website-for-individual":
          return "Un site web est pour une organisation, et cette ligne est celle d’une personne.";
        case "contact-for-individual":
          return "Une personne de contact est pour une organisation, et cette ligne est celle d’une personne.";
        case "name-empty":
          return "Le nom est vide.";
        case "erased":
          return "Cette ligne a été effacée.";
        case "duplicate-in-file":
          return problem.organization
            ? `La même organisation qu’à la ligne ${problem.row}.`
            : `La même adresse e-mail (la même boîte) qu’à la ligne ${problem.row}.`;
        case "already-signed":
          return problem.organization
            ? "Cette organisation a déjà signé cette lettre."
            : "Cette adresse e-mail (cette boîte) a déjà signé cette lettre.";
        case "same-person-in-file":
          return fr.importFollowUp.samePersonInFile(problem.row);
        case "person-already-signed":
          return fr.importFollowUp.personAlreadySigned;
        case "found-while-importing":
          return "A déjà signé cette lettre (vu pendant l’importation).";
        case "status-not-counted":
          return `${{ hidden: "Masquée", rejected: "Rejetée", withdrawn: "Retirée" }[problem.status]} dans le fichier : elle n’y comptait pas, elle est donc ignorée.`;
        case "status-unconfirmed":
          return "Jamais confirmée par e-mail dans le fichier : ignorée, puisque la coalition se porte garante. Pour demander à ces signataires de confirmer, importez le fichier en choisissant que chaque signataire confirme.";
        case "status-unknown":
          return `Le statut « ${problem.value} » n’est pas de ceux qu’écrit ce site : si cette colonne dit autre chose, choisissez « Ne pas importer » pour elle.`;
        case "as-written":
          return problem.text;
      }
    },
  },

  /** Issue 14's follow-ups on imports: signers without an email counted once, confirmation emails sent again. */
  importFollowUp: {
    samePersonInFile: (row: number) =>
      `La même personne qu’à la ligne ${row} : même nom, même ville et même pays, et aucune adresse e-mail pour les distinguer.`,
    personAlreadySigned:
      "Cette personne a déjà signé cette lettre : même nom, même ville et même pays, et aucune adresse e-mail pour les distinguer.",
    emailsWaiting: (count: number) =>
      plural(L, count, {
        one: "e-mail de confirmation encore à envoyer : le service d’e-mail l’a refusé un instant, et il repart tout seul d’ici quelques minutes",
        other:
          "e-mails de confirmation encore à envoyer : le service d’e-mail les a refusés un instant, et ils repartent tout seuls d’ici quelques minutes",
      }),
    emailsGivenUp: (count: number) =>
      plural(L, count, {
        one: "e-mail de confirmation non envoyé après plusieurs essais : renvoyez-le depuis la page des signatures, ou confirmez la signature à la demande de la personne",
        other:
          "e-mails de confirmation non envoyés après plusieurs essais : renvoyez-les depuis la page des signatures, ou confirmez les signatures à la demande des personnes",
      }),
    sendNow: "Les envoyer maintenant",
    markerWaiting: "e-mail de confirmation encore à envoyer",
    markerGivenUp: "e-mail de confirmation non envoyé",
  },

  order: {
    title: (title: string) => `Ordre des organisations : ${title}`,
    back: "← Signatures",
    heading: "Ordre des organisations",
    intro:
      "Les organisations sont listées avant les personnes. Numérotez celles à montrer en premier (1 en tête) ; laissez les autres vides et elles suivront dans l’ordre où elles ont signé. Deux organisations avec le même numéro gardent leur ordre de signature.",
    fromFile: [
      "Cette lettre vient de ",
      ". Enregistrer un ordre ici la fait passer à l’espace des organisateurs : le chargement des fichiers n’y touchera plus.",
    ],
    none: "Aucune organisation n’a encore signé.",
    caption: "Les organisations dans leur ordre actuel",
    place: "Rang",
    organization: "Organisation",
    save: "Enregistrer l’ordre",
  },

  confirmOnRequest: {
    title: (name: string) => `Confirmer ${name} à la demande du signataire`,
    back: (title: string) => `← Signatures de « ${title} »`,
    question: (name: string) => `Confirmer « ${name} » à la demande du signataire ?`,
    reason: "Motif",
    anOrganization: "Une organisation",
    aPerson: "Une personne",
    signed: (who: string, email: string | null): [string, string] => [
      `${who}, signature du `,
      `${email ? `, avec ${email}` : ""}. Elle attend sa confirmation par e-mail.`,
    ],
    counts:
      "Elle compte tout de suite et apparaît sur la page publique (sauf si le signataire a demandé à ne pas figurer dans la liste).",
    waitsForReview:
      "Elle attend l’approbation d’un organisateur, comme les signatures d’organisations de cette lettre.",
    onlyWhenAsked:
      "Ne le faites que si le signataire vous l’a demandé et que vous savez que c’est bien lui : rien ne prouve l’adresse e-mail.",
    logged: "Votre motif est gardé dans le journal d’activité, pour les propriétaires.",
    reasonHint: (max: number) =>
      `Comment et quand le signataire l’a demandé. Au plus ${formatNumber(max, L)} caractères ; visible des seuls organisateurs.`,
    confirm: "Confirmer la signature",
    goBack: "Non, revenir",
  },

  delivery: {
    printTitle: "Imprimer ou enregistrer en PDF :",
    printText:
      "utilisez la commande Imprimer de votre navigateur (Ctrl+P, ou ⌘P sur un Mac) et choisissez une imprimante ou « Enregistrer au format PDF ». Prenez du papier A4 ou Lettre, et désactivez les en-têtes et pieds de page du navigateur : les pages sont numérotées en bas.",
    listed:
      "Seules les signatures confirmées sont listées ; celles des personnes qui ont demandé à ne pas être nommées sont comptées. Aucune adresse e-mail n’apparaît.",
    back: "Retour à l’espace des organisateurs",
  },

  issues: {
    text: (field: IssueTextField, problem: TextProblem, max: number) =>
      textProblem(fr.issues.fields[field], problem, max),
    fields: {
      title: "Le titre",
      organizationName: "Le nom de l’organisation",
      contactName: "Le nom de la personne de contact",
      contactRole: "La fonction de la personne de contact",
      name: "Le nom",
      affiliation: "L’organisation",
      personTitle: "La fonction",
      city: "La ville",
      label: "La description du jeton",
    },
    titleMissing: "Donnez un titre à la lettre.",
    addresseeMissing: "Indiquez à qui la lettre est adressée, une ligne par ligne de l’adresse.",
    addresseeTooLong: (max: number) =>
      `Le bloc du destinataire peut compter au plus ${formatNumber(max, L)} caractères.`,
    addresseeUnreadable: "Le bloc du destinataire contient des caractères illisibles.",
    summaryTooLong: (max: number) => `Le résumé peut compter au plus ${formatNumber(max, L)} caractères.`,
    summaryUnreadable: "Le résumé contient des caractères illisibles.",
    bodyMissing: "Écrivez le texte de la lettre.",
    bodyTooLong: (max: number) => `Le texte de la lettre peut compter au plus ${formatNumber(max, L)} caractères.`,
    bodyUnreadable: "Le texte de la lettre contient des caractères illisibles. Collez-le de nouveau en texte brut.",
    slugInvalid: (max: number) =>
      `L’adresse ne peut contenir que des minuscules sans accents, des chiffres et des tirets isolés, ${formatNumber(max, L)} caractères au plus.`,
    slugReserved: "Cette adresse est utilisée par l’espace des organisateurs lui-même. Choisissez-en une autre.",
    slugMissing:
      "Choisissez l’adresse de la lettre, par exemple honduras-nouvelles-elections-2017 : le titre ne contient ni lettres latines ni chiffres pour la former.",
    languageTranslated:
      "La lettre a déjà une traduction dans cette langue. Supprimez d’abord cette traduction, ou gardez la langue de la lettre.",
    slugTaken: "Une autre lettre a déjà cette adresse. Choisissez-en une autre.",
    dateInvalid: "Indiquez la date que porte la lettre, par exemple 2017-12-20.",
    languageInvalid: "Choisissez dans la liste la langue dans laquelle la lettre est écrite.",
    confirmInvalid: "Choisissez comment les signatures sont confirmées.",
    closesAtInvalid:
      "Indiquez la clôture sous forme de date et d’heure, par exemple 2018-01-31 23:59, ou laissez vide.",
    timeZoneInvalid: "Choisissez le fuseau horaire dans la liste, par exemple « Honduras — Tegucigalpa ».",
    closesAtSkipped: (day: string, zone: string) => {
      const place = timeZonePlace(zone, L);
      return `Cette heure n’existe pas le ${formatDate(day, L)} à l’heure ${place ? `de ${place}` : "UTC"} : les horloges avancent et la sautent. Choisissez une heure plus tard.`;
    },
    closesAtTooLate:
      "Choisissez une clôture antérieure à l’an 10000, ou laissez le champ vide : sans clôture, la lettre reste ouverte jusqu’à ce que vous la fermiez.",
    changeInvalid: "Choisissez un changement d’étape avec les boutons de la page.",
    deliveredOnInvalid: "Indiquez le jour où la lettre a été remise, par exemple 2017-12-20.",
    deliveredOnFuture: (today: string, zone: string) => {
      const place = timeZonePlace(zone, L);
      return `La date de remise ne peut pas être dans le futur : indiquez le jour où la lettre a été remise, aujourd’hui (${formatDate(today, L)}, heure ${place ? `de ${place}` : "UTC"}) ou avant.`;
    },
    deliveryNoteUnreadable: "La note de remise contient des caractères illisibles. Saisissez-la à nouveau.",
    deliveryNoteTooLong: (max: number) =>
      `La note de remise peut compter au plus ${formatNumber(max, L)} caractères, sur une seule ligne.`,
    kindMissing: "Indiquez si c’est une organisation ou une personne qui a signé.",
    websiteInvalid:
      "Indiquez le site web de l’organisation, comme example.org ou https://example.org/, ou laissez vide.",
    websiteTooLong: (max: number) => `Le site web peut compter au plus ${formatNumber(max, L)} caractères.`,
    countryInvalid: "Choisissez un pays dans la liste.",
    emailInvalid: "Indiquez une adresse e-mail valide, ou laissez vide.",
    receivedInvalid: "Indiquez comment la signature vous est parvenue.",
    organizationNameMissing: "Saisissez le nom de l’organisation.",
    personNameMissing: "Saisissez le nom complet de la personne.",
    fieldForPerson: "Ce champ concerne une personne : videz-le, ou choisissez « Une personne » ci-dessus.",
    fieldForOrganization:
      "Ce champ concerne une organisation : videz-le, ou choisissez « Une organisation » ci-dessus.",
    webhookUrl: (problem: WebhookUrlProblem, max: number) =>
      ({
        "too-long": `L’adresse peut compter au plus ${formatNumber(max, L)} caractères.`,
        "not-a-url": "Indiquez une adresse complète, par exemple https://crm.example.org/hooks/undersigned.",
        "not-https": "L’adresse doit commencer par https:// pour que les signatures voyagent chiffrées.",
        credentials:
          "Ne mettez ni nom d’utilisateur ni mot de passe dans l’adresse : vérifiez plutôt l’en-tête de signature.",
        "not-public": "L’adresse doit désigner un serveur public (ni adresse IP ni nom local).",
        port: "Retirez le port : l’adresse doit utiliser le port standard de HTTPS (443).",
        "ip-address":
          "Indiquez le nom d’hôte du système destinataire (par exemple crm.example.org), pas une adresse IP.",
        "trailing-dot": "Retirez le point à la fin du nom d’hôte.",
      })[problem],
    areaLanguage: "Choisissez l’anglais, l’espagnol, le français ou le portugais.",
    nameMissing: "Indiquez le nom de la personne.",
    nameTaken: (theirs: string) =>
      `${theirs} porte déjà ce nom. Ajoutez de quoi vous distinguer, comme un nom de famille ou votre équipe.`,
    emailMissing: "Indiquez une adresse e-mail.",
    emailMalformed: "Indiquez une adresse e-mail comme nom@exemple.org.",
    roleMissing: "Choisissez un rôle.",
    languageMissing: "Choisissez une langue.",
    sessionMissing: "Choisissez une session.",
    placeInvalid: (text: string) =>
      `« ${text} » n’est pas un rang : utilisez des nombres entiers à partir de 1, ou laissez vide.`,
    searchTooLong: (max: number) => `La recherche peut compter au plus ${formatNumber(max, L)} caractères.`,
    statusInvalid: "Choisissez un statut dans la liste.",
    kindInvalid: "Choisissez organisations ou personnes dans la liste.",
    countryCode: "Choisissez un pays dans la liste.",
    channelInvalid: "Choisissez dans la liste par où les signatures sont arrivées.",
    verifiedInvalid: "Choisissez vérifiées ou non vérifiées dans la liste.",
    dayInvalid: (field: "from" | "to") =>
      `« ${field === "from" ? "Signées à partir du" : "Signées jusqu’au"} » doit être une date, par exemple 2017-12-20.`,
    fromAfterTo: "« Signées à partir du » est postérieur à « Signées jusqu’au ».",
    pageLink: "Le lien vers cette page est cassé. Revenez à la première page.",
    actionInvalid: "Choisissez une action : approuver, refuser, masquer ou rétablir.",
    noneTicked:
      "Cochez les signatures à modifier, ou choisissez « Toutes celles qui correspondent ». Revenez en arrière et réessayez.",
    reasonMissing:
      "Dites pourquoi vous la confirmez pour le signataire, par exemple : « Demandé par téléphone le 3 mai : son adresse e-mail rejette les messages ».",
    reasonTooLong: (max: number, length: number) =>
      `Le motif peut compter au plus ${formatNumber(max, L)} caractères (il en compte ${formatNumber(length, L)}).`,
    reasonUnprintable:
      "Le motif contient des caractères de contrôle ou invisibles (souvent collés depuis un autre logiciel). Saisissez-le à nouveau en texte simple.",
    personInvalid: "Choisissez une personne dans la liste.",
    activityInvalid: "Choisissez une action dans la liste.",
    letterInvalid: "Choisissez une lettre dans la liste.",
    logDayInvalid: (field: "from" | "until") =>
      `« ${field === "from" ? "Du" : "Au"} » doit être une date, par exemple 2026-11-30.`,
  },

  problems: {
    /** The right admin token while the admin token's account is disabled (login form and API). */
    adminTokenDisabled: {
      title: "Le compte de la clé d’administration est désactivé",
      message:
        "Le compte de la clé d’administration est désactivé : une personne propriétaire l’a désactivé sur la page Personnes, et la clé ne permet donc plus d’entrer. Connectez-vous avec votre propre compte (par e-mail ou avec une clé d’accès), ou demandez à une personne propriétaire de le réactiver.",
    },
    accountDisabled: {
      title: "Ce compte est désactivé",
      message: "Ce compte a été désactivé : un propriétaire peut le réactiver.",
    },
    personNotFound: {
      title: "Personne introuvable",
      message: "Il n’y a aucun organisateur à cette adresse. Revenez à Personnes.",
    },
    nothingToResend: (person: NamedPerson) => ({
      title: "Rien à renvoyer",
      message: `${fr.people.nameOf(person)} a déjà rejoint l’espace, ou son compte est désactivé.`,
    }),
    adminTokenStaysOwner: {
      title: "La clé d’administration reste propriétaire",
      message: "Le compte de la clé d’administration est toujours propriétaire.",
    },
    enableNameTaken: (person: NamedPerson, holder: NamedPerson) => ({
      title: "Quelqu’un porte désormais ce nom",
      message: `${fr.people.nameOf(holder)} porte désormais le nom de ${fr.people.nameOf(person)} : deux personnes actives du même nom pourraient être confondues. Demandez d’abord à l’une d’elles de changer son nom (sur la page de son compte).`,
    }),
    peopleKeptChanging: {
      title: "Les personnes changeaient sans cesse",
      message: "Une autre modification des personnes était en cours au même moment. Réessayez.",
    },
    personDisabled: (person: NamedPerson) => ({
      title: "Ce compte est désactivé",
      message: `Le compte de ${fr.people.nameOf(person)} est désactivé : réactivez-le d’abord.`,
    }),
    lastOwner: (person: NamedPerson, adminTokenCounts: boolean) => ({
      title: "Le dernier propriétaire",
      message: `${fr.people.nameOf(person)} est le dernier propriétaire actif. Nommez d’abord quelqu’un d’autre propriétaire : il faut toujours quelqu’un pour gérer les personnes.${adminTokenCounts ? "" : " Le compte de la clé d’administration ne compte pas : aucune clé d’administration utilisable n’est définie, personne ne peut donc s’en servir pour se connecter."}`,
    }),
    alreadyDisabled: (person: NamedPerson) => ({
      title: "Déjà désactivé",
      message: `Le compte de ${fr.people.nameOf(person)} est déjà désactivé.`,
    }),
    languageNotOffered: {
      title: "Ce n’est pas une langue de l’espace des organisateurs",
      message:
        "L’espace des organisateurs est en anglais, espagnol, français et portugais : choisissez l’une de ces langues avec les boutons de langue en haut de la page.",
    },
    noPasskeySent: {
      title: "Aucune clé d’accès envoyée",
      message: "Votre navigateur n’a envoyé aucune clé d’accès. Réessayez, ou connectez-vous d’une autre façon.",
    },
    passkeysNotForAdminToken: {
      title: "Pas pour le compte de la clé d’administration",
      message:
        "Le compte de la clé d’administration ne peut pas avoir de clés d’accès : elles continueraient de fonctionner après un changement de la clé. Invitez-vous par e-mail comme propriétaire (Personnes), connectez-vous avec ce compte et ajoutez-y vos clés d’accès.",
    },
    filterRefused: (problems: string) => ({ title: "Ce filtre n’a pas pu être utilisé", message: problems }),
    formRefused: (problems: string) => ({ title: "Ce formulaire n’a pas pu être utilisé", message: problems }),
    formTooLarge: (kilobytes: number) => ({
      title: "Trop de données envoyées",
      message: `Le formulaire a envoyé plus de ${formatNumber(kilobytes, L)} Ko. Raccourcissez le texte de la lettre, ou découpez ce que vous collez.`,
    }),
    apiBodyTooLarge: (kilobytes: number) => ({
      title: "Trop de données envoyées",
      message: `Le corps de la requête dépasse ${formatNumber(kilobytes, L)} Ko, bien plus que ce que cette API lit. N’envoyez que le JSON que demande la route.`,
    }),
    fileTooLarge: (megabytes: number) => ({
      title: "Le fichier est trop volumineux",
      message: `Le fichier dépasse ${formatNumber(megabytes, L)} Mo. Découpez-le, ou retirez les colonnes que vous n’importez pas, et importez chaque partie.`,
    }),
    importNotFound: {
      title: "Importation introuvable",
      message: "Cette lettre n’a pas cette importation. Revenez à ses importations.",
    },
    importStarted: {
      title: "Cette importation a commencé",
      message: "On ne peut plus changer ce qu’est chaque colonne. Rechargez sa page.",
    },
    importRechecking: {
      title: "Cette importation est vérifiée à nouveau",
      message:
        "Ses lignes sont vérifiées à nouveau avec d’autres choix de colonnes (depuis un autre onglet ou une autre fenêtre). Rechargez sa page, vérifiez ce qui sera importé et appuyez de nouveau sur le bouton d’importation.",
    },
    nothingToImport: {
      title: "Rien à importer",
      message:
        "Aucune ligne de ce fichier ne peut être importée. Téléchargez ses lignes refusées, corrigez-les et importez-les.",
    },
    importChanged: {
      title: "Cette importation a changé depuis l’affichage de sa page",
      message:
        "Le choix de ses colonnes a été modifié dans un autre onglet ou une autre fenêtre, ou cette page concerne un autre fichier. Rechargez sa page, vérifiez ce qui sera importé et appuyez de nouveau sur le bouton d’importation.",
    },
    refusedRowsErased: (days: number) => ({
      title: "Les lignes refusées ont été effacées",
      message: `Les lignes d’une importation sont gardées ${formatNumber(days, L)} jours après sa fin ; celles-ci ont disparu. Ses totaux et ses signatures restent.`,
    }),
    deliveryLanguage: (languages: string[]) => ({
      title: "Cette traduction n’existe pas",
      message: `Cette lettre est en ${new Intl.ListFormat(L).format(languages.map((tag) => formatLanguageName(tag, L)))} : choisissez l’une de ces langues.`,
    }),
    statusUnknown: (statuses: readonly string[]) => ({
      title: "Statut inconnu",
      message: `status doit valoir l’une de ces valeurs : ${statuses.join(", ")}.`,
    }),
    cursorInvalid: { title: "Curseur non valide", message: "before doit être un curseur d’une page précédente." },
    actionUnknown: (actions: readonly string[]) => ({
      title: "Action inconnue",
      message: `Les actions sont : ${actions.join(", ")}.`,
    }),
    letterNotFound: {
      title: "Lettre introuvable",
      message: "Il n’y a aucune lettre à cette adresse. Revenez à la liste des lettres.",
    },
    changeInapplicable: (state: LetterState, signed: boolean) => ({
      title: "Ce changement n’est pas possible",
      message: signed
        ? "Des personnes ont signé cette lettre : elle ne peut pas redevenir un brouillon. Clôturez-la plutôt."
        : `Une lettre à l’étape « ${fr.states[state]} » ne peut pas changer ainsi. Rechargez la page pour voir son étape.`,
    }),
    letterChanged: {
      title: "La lettre a changé entre-temps",
      message: "Quelqu’un a modifié cette lettre en même temps. Rechargez la page et réessayez.",
    },
    notDeletable: {
      title: "Cette lettre ne peut pas être supprimée",
      message:
        "Seul un brouillon que personne n’a signé et qui n’a jamais été publié peut être supprimé. Clôturez plutôt la lettre.",
    },
    revisionNotFound: { title: "Version introuvable", message: "Cette lettre n’a aucune version portant ce numéro." },
    translationNotOffered: (languages: string[]) => ({
      title: "Cette traduction n’existe pas",
      message: `Une lettre peut être traduite en ${new Intl.ListFormat(L, { type: "disjunction" }).format(languages.map((tag) => formatLanguageName(tag, L)))}.`,
    }),
    translationNotFound: {
      title: "Cette traduction n’existe pas",
      message: "Cette lettre n’a pas de traduction dans cette langue.",
    },
    /** The organizers' API refused a webhook address (domain/webhook.ts webhookUrlProblem): the form's words for it. */
    webhookUrlRefused: (problem: WebhookUrlProblem, max: number) => ({
      title: "Adresse de webhook refusée",
      message: fr.issues.webhookUrl(problem, max),
    }),
    webhookBodyInvalid: (unknown: string | null) => ({
      title: "Corps de la requête refusé",
      message:
        (unknown === null ? "" : `Le champ ${JSON.stringify(unknown)} n'existe pas. `) +
        'Envoyez du JSON comme {"url": "https://crm.example.org/hooks/undersigned", "include_email": false} : url est une adresse https:// ou null (pas de webhook), include_email et rotate_secret valent true ou false.',
    }),
    noWebhook: {
      title: "Aucun webhook enregistré",
      message: "Enregistrez d’abord une adresse de webhook ; vous pourrez ensuite lui faire un envoi d’essai.",
    },
    signatureNotFound: {
      title: "Signature introuvable",
      message: "Cette lettre n’a aucune signature avec cette référence.",
    },
    organizationHeld: (name: string, holder: string, status: SignatureStatus) => ({
      title: "Une autre signature occupe cette organisation",
      message: `Une autre signature pour ${name} existe désormais : « ${holder} » (${fr.signatures.statuses[status]}). Une organisation ne signe qu’une fois : masquez ou refusez d’abord celle-là pour rétablir celle-ci.`,
    }),
    actionInapplicable: (status: SignatureStatus, action: ModerationAction) => ({
      title: "Cette action n’est pas possible",
      message: `Cette signature est « ${fr.signatures.statuses[status]} » : elle ne peut pas être ${fr.moderation.moderated[action]}. Rechargez la page pour voir son statut.`,
    }),
    tooManySelected: (max: number) => ({
      title: "Trop de signatures sélectionnées",
      message: `Sélectionnez-en au plus ${formatNumber(max, L)} à la fois.`,
    }),
    onlyOrganizationsVerified: (name: string) => ({
      title: "Seules les organisations sont vérifiées",
      message: `${name} a signé à titre individuel.`,
    }),
    notWaiting: (status: SignatureStatus, doing: "resend" | "confirm") => ({
      title: "Elle n’attend plus son e-mail",
      message: `Cette signature est « ${fr.signatures.statuses[status]} » : seule une signature qui attend sa confirmation par e-mail peut ${doing === "resend" ? "recevoir de nouveau son e-mail" : "être confirmée"}. Rechargez la page pour voir son statut.`,
    }),
    signingClosed: (doing: "resend" | "confirm") => ({
      title: "Les signatures sont closes",
      message: `Cette lettre n’accepte plus de signatures : une signature qui attend encore son e-mail ne peut pas ${doing === "resend" ? "le recevoir de nouveau" : "être confirmée"}. Rouvrez d’abord la lettre si elle doit compter.`,
    }),
    noMailer: {
      title: "Aucun e-mail ne peut être envoyé",
      message:
        "Ce site ne peut pas encore envoyer d’e-mails : aucune invitation, aucun lien de connexion ni aucun e-mail de confirmation ne peut partir. Demandez à la personne qui gère le site de le configurer (MAILER, RESEND_API_KEY et MAIL_FROM).",
    },
    noEmailAddress: {
      title: "Aucun e-mail ne peut être envoyé",
      message: "Cette signature n’a pas d’adresse e-mail à laquelle l’envoyer.",
    },
    emailAllowanceUsed: (max: number, resetsAt: string, zone: string) => ({
      title: "Plus d’e-mails pour cette signature aujourd’hui",
      message: `Les ${formatNumber(max, L)} e-mails permis en 24 heures sont épuisés (personne ne peut ainsi inonder une boîte de réception). Il pourra être renvoyé après le ${formatMoment(resetsAt, zone, L, (place, offset) => (place ? `${offset}, ${place}` : offset))} ; ou confirmez-la pour le signataire, en donnant votre motif.`,
    }),
    changedMeanwhile: {
      title: "Elle n’attend plus son e-mail",
      message:
        "Cette signature a changé entre-temps (le signataire vient peut-être de la confirmer). Rechargez la page pour voir son statut.",
    },
    keptChanging: {
      title: "La signature changeait sans cesse",
      message: "Une autre modification était en cours au même moment. Réessayez.",
    },
    notForYourRole: {
      title: "Pas pour votre rôle",
      message:
        "Votre rôle dans cet espace des organisateurs ne comprend pas cela. Demandez-le à un propriétaire si vous en avez besoin.",
    },
    formExpired: {
      title: "Ce formulaire a expiré",
      message:
        "La page d’où vous l’avez envoyé est trop ancienne ou vient d’un autre site. Revenez en arrière, rechargez la page et réessayez.",
    },
    /** A form post refused by the same-origin check (http/security.ts formGuards): another site's, or one with no Origin. */
    crossSite: {
      title: "Envoyé depuis un autre site ou une page ancienne",
      message:
        "Ce formulaire a été envoyé depuis un autre site ou une page ancienne : revenez en arrière, rechargez la page et envoyez-le de nouveau.",
    },
    organizersOnly: {
      title: "Réservé aux organisateurs",
      message: "Cette adresse demande une session d’organisateur ou un jeton d’API (Authorization: Bearer …).",
    },
    httpsOnly: {
      title: "Connectez-vous en HTTPS",
      message: "Les organisateurs ne peuvent se connecter que par une connexion sécurisée (https://).",
    },
    tooManyLogins: {
      title: "Trop de tentatives",
      message: "Il y a eu trop de tentatives de connexion. Attendez une minute et réessayez.",
    },
    tooManyTokens: {
      title: "Trop de tentatives",
      message: "Trop de jetons erronés ont été envoyés. Attendez, puis renvoyez la requête avec le bon jeton.",
    },
    unknownChange: {
      title: "Changement inconnu",
      message: "Choisissez un changement d’étape avec les boutons de la page.",
    },
    pageLink: {
      title: "Le lien vers cette page n’est pas valide",
      message: "Le lien vers cette page de signatures est cassé. Revenez à la première page.",
    },
  },

  errorPage: {
    status: (status: number) => `Erreur ${status}`,
    tryAgainIn: (seconds: number) =>
      seconds < 90
        ? `Réessayez dans ${plural(L, seconds, { one: "# seconde", other: "# secondes" })}.`
        : `Réessayez dans ${plural(L, Math.ceil(seconds / 60), { one: "# minute", other: "# minutes" })}.`,
    byStatus: {
      400: {
        title: "Cette requête n’a pas pu être comprise",
        message:
          "Une partie de ce qui a été envoyé n’est pas ce que cette page attend. Revenez en arrière, rechargez la page et réessayez.",
      },
      401: { title: "Connectez-vous", message: "Cette page est réservée aux organisateurs. Connectez-vous d’abord." },
      403: {
        title: "Pas pour votre rôle",
        message:
          "Votre rôle dans cet espace des organisateurs ne comprend pas cela. Demandez-le à un propriétaire si vous en avez besoin.",
      },
      404: {
        title: "Page introuvable",
        message:
          "Il n’y a rien à cette adresse dans l’espace des organisateurs. Elle est peut-être mal saisie, ou a été supprimée.",
      },
      405: {
        title: "Cette adresse ne s’utilise pas ainsi",
        message:
          "Cette page ne peut pas être utilisée de cette façon. Revenez en arrière et utilisez ses liens et ses boutons.",
      },
      409: {
        title: "Quelque chose a changé entre-temps",
        message: "Ce que vous vouliez modifier n’est plus tel que la page le montrait. Rechargez la page et réessayez.",
      },
      413: {
        title: "Trop de données envoyées",
        message:
          "Le formulaire a envoyé plus que ce que cette page accepte. Raccourcissez votre texte ou envoyez un fichier plus petit.",
      },
      415: {
        title: "Ce type de formulaire n’est pas accepté",
        message: "Envoyez-le depuis la page de l’espace des organisateurs : rechargez-la et réessayez.",
      },
      422: {
        title: "Un élément du formulaire est à corriger",
        message: "Revenez en arrière, vérifiez ce que vous avez saisi et renvoyez-le.",
      },
      429: { title: "Trop de tentatives", message: "Il y a eu trop de tentatives en peu de temps." },
      500: {
        title: "Un problème est survenu de notre côté",
        message: "Votre demande n’a pas pu aboutir. Vous n’y êtes pour rien ; réessayez dans un instant.",
      },
      503: {
        title: "Ce service n’est pas disponible pour le moment",
        message: "Un service dont cette page a besoin n’a pas répondu.",
      },
    },
  },

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# signature", other: "# signatures" }),
    organizations: (count: number) => plural(L, count, { one: "# organisation", other: "# organisations" }),
    individuals: (count: number) => plural(L, count, { one: "# personne", other: "# personnes" }),
  },
};
