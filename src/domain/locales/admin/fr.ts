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

  editor: {
    newLetter: "Nouvelle lettre",
    editTitle: (title: string) => `Modifier : ${title}`,
    publicPage: "Page publique",
    signaturesLink: (counted: number, waiting: number) =>
      `Signatures (${formatNumber(counted, L)} comptées, ${formatNumber(waiting, L)} en attente)`,
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
    slugHint:
      "Des mots en minuscules reliés par des tirets : la lettre sera à /letters/votre-adresse. Laissée vide, elle est tirée du titre. Elle peut changer jusqu’à la publication de la lettre.",
    languageHint:
      "La langue dans laquelle ce texte est écrit. Pour les quatre premières, les pages publiques sont entièrement dans cette langue ; pour les autres, les boutons et libellés autour de la lettre sont en anglais.",
    chooseLanguage: "Choisissez une langue",
    interfaceLanguages: "Pages publiques entièrement dans cette langue",
    otherLanguages: "Autres langues",
    addresseeHint: "Une ligne par ligne de l’adresse, telle qu’elle doit être imprimée.",
    bodyHint:
      "Markdown : une ligne vide entre les paragraphes, `**gras**`, `*italique*`, `[un lien](https://…)`, `## Un intertitre`.",
    summaryHint:
      "Pour les moteurs de recherche et les aperçus de liens, 300 caractères au plus. Laissé vide, le premier paragraphe est utilisé.",
    confirmHint:
      "Les signatures confirmées ne comptent qu’une fois que la personne a cliqué sur le lien envoyé par e-mail.",
    confirmDefault: "Confirmer par e-mail quand un service d’envoi est configuré (par défaut)",
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
    previewFrame: "Aperçu de la page publique",
    nothingToPreview: "Rien à afficher pour l’instant",
    shareTitle: "Partager le brouillon",
    shareText:
      "Toute personne qui a ce lien peut lire le brouillon (il n’est listé nulle part, et les moteurs de recherche sont priés de l’ignorer) :",
    previewLink: "Lien d’aperçu",
    historyTitle: "Historique du texte",
    current: " (actuelle)",
    revisionPublished: (signatures: number) =>
      `publiée, avec ${plural(L, signatures, { one: "# signature", other: "# signatures" })} à ce moment-là`,
    revisionDraft: "brouillon",
    previewDraftNotice:
      "Aperçu d’un brouillon : voici la page telle qu’elle sera une fois publiée. Elle n’est pas publique.",
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
    bodyHint: "Markdown, comme dans l’original.",
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
    deliveredOnHint: (today: string) => `Aujourd’hui (${today}) ou avant.`,
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
  },

  revision: {
    title: (date: string, title: string) => `Version du ${date} : ${title}`,
    back: "Retour à la lettre",
    savedPublished: (date: string, time: string, signatures: number) =>
      `Le texte tel qu’enregistré le ${date} à ${time}, quand la lettre était publique avec ${plural(L, signatures, { one: "# signature", other: "# signatures" })}.`,
    savedDraft: (date: string, time: string) =>
      `Le texte tel qu’enregistré le ${date} à ${time}, quand c’était un brouillon.`,
  },

  exports: {
    title: "Exporter",
    listed: "Les signatures de cette liste, en tableur (CSV)",
    confirmed: "Les signatures confirmées, en tableur (CSV)",
    every: "Toutes les signatures, quel que soit leur état, en tableur (CSV)",
    delivery: "Document de remise : la lettre et ses signataires, prêt à imprimer ou à enregistrer en PDF",
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
    whatWillBeSent: "Ce qui sera envoyé",
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
      "Donnez-le à la personne qui a configuré le système destinataire, et à personne d’autre. Pour elle : chaque envoi porte `X-Undersigned-Signature: t=…,v1=…`, le HMAC-SHA-256 de `t.body` avec ce secret.",
    summaryLabel: "Envoyer le résumé quotidien à (facultatif)",
    summaryHint:
      "Un e-mail chaque matin (07:00 UTC) avec les nouvelles signatures du jour et ce qui attend une vérification.",
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
    nextTry: (time: string) => ` à ${time}`,
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
  },

  confirm: {
    back: "Non, revenir en arrière",
  },

  passkeys: {
    title: "Clés d’accès",
    intro:
      "Une clé d’accès (passkey) vous connecte avec le verrouillage d’écran, l’empreinte ou le visage de votre appareil, ou avec une clé de sécurité, au lieu d’un lien par e-mail ou du jeton d’administration. Personne ne peut l’utiliser depuis un autre site, et ce site n’en garde que la moitié publique.",
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
      "Si vous avez ajouté une clé d’accès à votre compte, le verrouillage d’écran, l’empreinte, le visage ou la clé de sécurité de votre appareil vous connecte : ni e-mail ni jeton à saisir.",
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

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# signature", other: "# signatures" }),
    organizations: (count: number) => plural(L, count, { one: "# organisation", other: "# organisations" }),
    individuals: (count: number) => plural(L, count, { one: "# personne", other: "# personnes" }),
  },
};
