/** The interface in French (the "vous" of civil-society correspondence). */
import type { SignFormField } from "../signature";
import type { TextProblem } from "../text";
import type { Messages } from "./en";
import { formatDate, formatDayIn, formatMoment, formatNumber, plural } from "./format";

const L = "fr";
const n = (value: number) => formatNumber(value, L);

const FIELD_LABELS: Record<SignFormField, string> = {
  kind: "Le type de signature",
  organization_name: "Le nom de l'organisation",
  website: "Le site web",
  contact_name: "Le nom de la personne de contact",
  contact_role: "La fonction de la personne de contact",
  authorized: "La déclaration d'habilitation",
  name: "Le nom",
  organization: "L'organisation",
  title: "La fonction",
  city: "La ville",
  country: "Le pays",
  email: "L'adresse e-mail",
  hide_name: "Le choix de masquer votre nom",
  notify_delivery: "Le choix d'être prévenu par e-mail de la remise de la lettre",
};

/** The sentence for a refused text's `problem`, `label` naming the field as a sentence begins (the organizer area's too). */
export function textProblem(label: string, problem: TextProblem, max: number): string {
  switch (problem) {
    case "unreadable":
      return `${label} contient des caractères illisibles. Veuillez le saisir à nouveau.`;
    case "control":
      return `${label} doit tenir sur une seule ligne, sans tabulation ni autre caractère de contrôle.`;
    case "invisible":
      return `${label} ne doit pas contenir de caractères de mise en forme invisibles.`;
    case "stacked-marks":
      return `${label} comporte trop d'accents empilés sur une même lettre.`;
    case "nothing-visible":
      return `${label} doit contenir au moins une lettre, un chiffre ou un symbole visible.`;
    case "too-long":
      return `${label} doit compter au plus ${n(max)} caractères.`;
    case "formula":
      return `${label} ne peut pas commencer par = ni ressembler à une formule (comme +1+2 ou @SOMME(…)), car les tableurs l’exécuteraient.`;
    case "markup":
      return `${label} ne peut contenir ni < ni >, ni rien qui ressemble à du code.`;
    case "web-address":
      return `${label} ne peut pas contenir d'adresse web.`;
    case "email-address":
      return `${label} ne peut pas contenir d'adresse e-mail : nous vous demandons la vôtre à part et ne l'affichons jamais.`;
  }
}

const signatures = (count: number) =>
  plural(L, count, { one: "# signature", many: "# de signatures", other: "# signatures" });

export const fr: Messages = {
  locale: L,
  date: (iso) => formatDate(iso, L),
  moment: (iso, zone) => formatMoment(iso, zone, L, (place, offset) => (place ? `${offset}, ${place}` : offset)),
  dayIn: (iso, zone) => formatDayIn(iso, zone, L),
  number: n,

  layout: {
    errorTitlePrefix: "Erreur : ",
    skipToContent: "Aller au contenu",
    footer: (site) =>
      `Publié avec ${site}, logiciel libre pour les lettres ouvertes à signer. Les adresses e-mail ne sont jamais affichées.`,
    feedTitle: (site) => `${site} : lettres ouvertes`,
    letterFeedTitle: (title) => `Actualités : ${title}`,
    languages: "Langues de cette lettre",
    recordKey: "Les registres de ces lettres sont signés avec la clé",
    recordKeyLink: "la clé en texte",
  },

  counts: {
    signatures,
    signatureWord: (count) => plural(L, count, { one: "signature", many: "de signatures", other: "signatures" }),
    summary: (total, organizations, individuals) =>
      `${signatures(total)} : ${plural(L, organizations, { one: "# organisation", many: "# d'organisations", other: "# organisations" })} et ${plural(L, individuals, { one: "# personne à titre individuel", many: "# de personnes à titre individuel", other: "# personnes à titre individuel" })}`,
  },

  letter: {
    open: "Ouverte aux signatures",
    openUntil: (date) => `Ouverte aux signatures jusqu'au ${date}`,
    closed: "Signatures closes",
    closedOnDay: (date) => `Signatures closes le ${date}`,
    signThisLetter: "Signer cette lettre",
    signatories: "Signataires",
    noneYet: "Personne n'a encore signé.",
    beTheFirst: "Soyez la première personne à signer.",
    seeMore: "Voir plus de signataires",
    unlisted: (count) =>
      plural(L, count, {
        one: "# signataire a demandé à ne pas figurer nommément sur la liste.",
        many: "# de signataires ont demandé à ne pas figurer nommément sur la liste.",
        other: "# signataires ont demandé à ne pas figurer nommément sur la liste.",
      }),
    signingClosed: "Les signatures sont closes",
    noLongerTakes: "Cette lettre ne recueille plus de signatures.",
    closedOn: (date) => `Cette lettre ne recueille plus de signatures : elles ont été closes le ${date}.`,
    deliveredOn: (date) => `Remise le ${date}`,
    deliveredClosed: (date) => `Cette lettre ne recueille plus de signatures : elle a été remise le ${date}.`,
    updatedOn: "Mise à jour le",
    share: "Partager cette lettre",
    shareEmail: "E-mail",
    shareEmailBody: (title, url) => `J'ai signé cette lettre, et vous pouvez la signer aussi :\n\n${title}\n${url}`,
    embedTitle: "Intégrer cette lettre à votre site",
    embedIntro:
      "Copiez ce code dans une page de votre site : il affiche le titre de la lettre, le nombre de signatures, les premiers signataires et le formulaire, et fonctionne sans JavaScript. La ligne de script est facultative : elle donne au cadre la hauteur de la carte.",
    embedCode: "Code d'intégration",
    embedSourceBefore: "Pour savoir combien de personnes ont signé depuis votre site, ajoutez ",
    embedSourceMiddle:
      " et le nom de votre organisation (lettres, chiffres et tirets) à l'adresse du code, par exemple ",
    embedSourceAfter:
      ". Les sites qui lisent oEmbed (WordPress et d'autres) intègrent la lettre à partir de sa seule adresse.",
    embedSourceExample: "votre-organisation",
  },

  form: {
    problems: (count) =>
      plural(L, count, { one: "Votre signature comporte un problème", other: "Votre signature comporte # problèmes" }),
    errorPrefix: "Erreur : ",
    signingAs: "Je signe",
    organizationGroup: "Votre organisation",
    organizationGroupHint:
      "Si vous signez au nom d'une organisation. Son nom, sa ville, son pays et son site web sont publiés.",
    organizationName: "Nom de l'organisation (public)",
    website: "Site web (facultatif, public)",
    websiteHint:
      "Sa propre adresse, par exemple exemple.org. Si votre adresse e-mail est du même domaine, l'organisation est affichée comme vérifiée.",
    contactName: "Votre nom, comme personne de contact (privé)",
    contactRole: "Votre fonction dans l'organisation (facultatif, privé)",
    contactHint: "Privé : les organisateurs le voient, le public jamais.",
    authorized: "Je suis habilité·e à signer au nom de cette organisation",
    individualGroup: "Vous",
    individualGroupHint:
      "Si vous signez à titre individuel. Votre nom, affiliation, fonction, ville et pays sont publiés.",
    bothGroups: "Dans les deux cas",
    organizationTaken: (name) =>
      `${name} a déjà signé cette lettre, ou sa signature attend la confirmation de sa personne de contact. Une organisation signe une seule fois : si cela vous surprend, écrivez aux organisateurs de la lettre : ils peuvent écarter une signature faite en son nom par quelqu'un d'autre, et vous pourrez alors signer.`,
    forOrganization: "au nom d'une organisation",
    asIndividual: "à titre individuel",
    name: "Vos prénom et nom (public)",
    nameHint: "Tels qu'ils doivent figurer sur la lettre.",
    organization: "Organisation ou affiliation (facultatif, public)",
    organizationHint: "Affichée après votre nom ; elle ne signe pas au nom de l'organisation.",
    title: "Fonction (facultatif, public)",
    city: "Ville (facultatif, public)",
    country: "Pays (facultatif, public)",
    chooseCountry: "Choisissez un pays",
    email: "Adresse e-mail (privée)",
    emailHint:
      "Nous y envoyons le lien de confirmation ; jamais affichée ni partagée. Une signature individuelle par adresse ; la même adresse peut aussi signer une fois au nom d'une organisation.",
    hideName:
      "Comptez cette signature, mais ne l'affichez pas publiquement (votre nom, ou celui de votre organisation)",
    notifyDelivery: "M'envoyer un e-mail quand cette lettre sera remise",
    notifyDeliveryHint:
      "Un seul e-mail à l'adresse ci-dessus, dans cette langue, quand les organisateurs remettront la lettre ; il contient un lien pour l'annuler. Rien d'autre n'est envoyé.",
    honeypot: "Laissez ce champ vide",
    needsJavaScript: "Pour protéger cette lettre des robots, la signature nécessite que JavaScript soit activé.",
    submit: "Signer la lettre",
    privacy:
      "Les noms et les informations ci-dessus figurent sur la liste publique sauf si vous choisissez autrement ; pour une organisation, les siens, jamais ceux de son contact. Votre adresse e-mail reste privée.",
    robotCheckUnavailable:
      "Nous n'avons pas pu joindre le service qui distingue les personnes des robots : rien n'a été enregistré. Veuillez réessayer dans une minute.",
    pressAgain:
      "Rien n'est encore enregistré : pour empêcher les robots de signer, nous vous demandons de vérifier vos informations ci-dessous et d'appuyer une nouvelle fois sur « Signer la lettre ».",
    tooMany: (seconds) =>
      `Nous avons reçu trop de signatures depuis votre connexion en peu de temps : rien n'est encore enregistré. Vos informations sont ci-dessous : veuillez patienter ${plural(L, seconds, { one: "# seconde", other: "# secondes" })}, puis appuyez de nouveau sur « Signer la lettre ».`,
    robotCheckFailed:
      "Nous n'avons pas pu confirmer que vous êtes une personne : rien n'a été enregistré. Veuillez effectuer la vérification et signer à nouveau.",
    textChanged:
      "Le texte de la lettre a été modifié pendant que vous le lisiez : votre signature n'a pas été enregistrée. Cette page montre maintenant le nouveau texte : lisez-le et, si vous êtes toujours d'accord, appuyez à nouveau sur « Signer la lettre » pour le signer. Vos informations sont ci-dessous.",
    seeWhatChanged: "Voir ce qui a changé.",
    issue(field, issue) {
      const label = FIELD_LABELS[field];
      switch (issue.code) {
        case "repeated":
          return `${label} a été envoyé plusieurs fois. Veuillez ne l'envoyer qu'une fois.`;
        case "not-text":
          return `${label} doit être du texte, pas un fichier.`;
        case "kind":
          return "Indiquez si vous signez au nom d'une organisation ou à titre individuel.";
        case "name-missing":
          return "Saisissez vos prénom et nom.";
        case "organization-name-missing":
          return "Saisissez le nom de l'organisation.";
        case "contact-name-missing":
          return "Saisissez le nom de la personne qui signe au nom de l'organisation (il reste privé).";
        case "authorized-missing":
          return "Cochez la case pour déclarer que vous êtes habilité·e à signer au nom de cette organisation.";
        case "website":
          return "Saisissez le site web de l'organisation, par exemple exemple.org, ou laissez le champ vide.";
        case "website-too-long":
          return `Le site web doit compter au plus ${n(issue.max)} caractères.`;
        case "other-group":
          return issue.kind === "organization"
            ? "Vous avez choisi de signer au nom d'une organisation : ce champ est pour les personnes. Videz-le, ou choisissez « À titre individuel »."
            : "Vous avez choisi de signer à titre individuel : ce champ est pour les organisations. Videz-le, ou choisissez « Au nom d'une organisation ».";
        case "country":
          return "Choisissez un pays dans la liste.";
        case "email-missing":
          return "Saisissez votre adresse e-mail, par exemple nom@exemple.org.";
        case "email-too-long":
          return `L'adresse e-mail doit compter au plus ${n(issue.max)} caractères.`;
        case "email-invalid":
          return "Saisissez une adresse e-mail valide, par exemple nom@exemple.org.";
        case "text":
          return textProblem(label, issue.problem, issue.max);
      }
    },
  },

  signAgain: {
    title: "Veuillez envoyer à nouveau votre signature",
    queueBusy:
      "Nous n'avons pas pu enregistrer votre signature, car notre file d'attente ne l'a pas acceptée. Rien n'a été enregistré : veuillez l'envoyer à nouveau.",
    databaseBusy:
      "Nous n'avons pas pu enregistrer votre signature, car notre base de données n'a pas répondu à temps. Rien n'a été enregistré : veuillez l'envoyer à nouveau.",
    mailBusy:
      "Votre signature est enregistrée, mais nous n'avons pas pu envoyer le courriel qui la confirme. Envoyez-la de nouveau, s'il vous plaît : nous vous enverrons un nouveau courriel.",
  },

  list: {
    organizations: "Organisations",
    individuals: "À titre individuel",
    continued: (heading) => `${heading} (suite)`,
    verifiedByDomain: (domain) => `Vérifiée : son contact a confirmé une adresse chez ${domain}`,
    verifiedByOrganizers: "Vérifiée par l'équipe organisatrice",
    whatVerifiedMeans: "Ce que signifie « vérifiée »",
    verifiedExplained:
      "Une coche (✓) après le nom d'une organisation signifie qu'elle a été vérifiée : la personne qui a signé en son nom a confirmé une adresse électronique sur le domaine propre de l'organisation (celui du site web indiqué ; une messagerie grand public ne compte jamais), ou l'équipe organisatrice de la lettre l'a vérifié directement auprès de l'organisation. Les organisations sans coche ont signé de la même façon, mais n'ont pas été vérifiées.",
  },

  versionsPage: {
    title: (letterTitle) => `Versions de « ${letterTitle} »`,
    back: "← Retour à la lettre",
    heading: "Versions du texte",
    of: "de",
    intro:
      "Chaque fois que le texte de cette lettre, ou de l'une de ses traductions, a été publié ou modifié alors qu'il était public, la nouvelle version a été ajoutée au registre public de la lettre. Chaque version montre ce qui a changé par rapport à la précédente.",
    recordNote:
      "L'entrée du registre et l'empreinte (SHA-256) permettent à chacun de vérifier qu'une version est bien le texte que le registre conserve.",
    json: "Ces versions en JSON",
    none: "Aucune version du texte de cette lettre n'a encore été publiée.",
    version: (number) => `Version ${n(number)}`,
    publishedOn: "Publiée le",
    recordEntry: "Entrée du registre",
    digest: "Empreinte",
    first: "Le texte tel que publié la première fois.",
    changes: (number) => `Modifications par rapport à la version ${n(number)}`,
    spacingOnly: "Seuls des espaces ou des retours à la ligne ont changé.",
    fields: { title: "Titre", summary: "Résumé", addressee: "Destinataire", body: "Texte" },
    added: "ajouté :",
    removed: "supprimé :",
  },

  signatoriesPage: {
    title: (letterTitle) => `Signataires de « ${letterTitle} »`,
    back: "← Retour à la lettre",
    heading: "Signataires",
    of: "de",
    noMore: "Il n'y a plus de signataires à afficher.",
    pages: "Pages de signataires",
    next: "Page suivante de signataires",
    last: "C'est la dernière page.",
    first: "Première page",
  },

  thanks: {
    counted: "Merci d'avoir signé",
    confirmEmail: "Consultez vos e-mails pour confirmer",
    review: "Merci d'avoir signé",
    confirmed: "Votre signature est confirmée",
    youSignedOrganization: "Vous avez signé au nom d'une organisation :",
    asContact: (name) =>
      `Vous signez au nom de ${name}, comme sa personne de contact : c'est le nom de l'organisation qui est publié, jamais le vôtre.`,
    domainTaken:
      "Une autre organisation de cette lettre a déjà confirmé une adresse du même domaine : cette signature ne compte pas encore, les organisateurs vont l'examiner.",
    verified: (domain) =>
      `Votre adresse est du domaine ${domain}, celui du site web de l'organisation : l'organisation est affichée comme vérifiée.`,
    youSignedIndividual: "Vous avez signé à titre individuel :",
    emailSent: "Nous vous avons envoyé un e-mail contenant un lien. ",
    countsOnceConfirmed: "Votre signature compte dès que vous l'ouvrez et confirmez.",
    emailMissing:
      " S'il n'arrive pas d'ici quelques minutes, regardez dans vos indésirables, ou signez à nouveau pour recevoir un nouveau lien.",
    emailMissingClosed: " S'il n'arrive pas d'ici quelques minutes, regardez dans vos indésirables.",
    reviewNotice:
      "L'équipe organisatrice examine les signatures des organisations avant qu'elles n'apparaissent sur la lettre.",
    queuedPublic:
      "Votre signature est en route : elle sera comptée, et votre nom figurera sur la lettre, d'ici une ou deux minutes.",
    queuedPublicOrganization:
      "Votre signature est en route : d'ici une ou deux minutes, elle sera comptée et le nom de l'organisation figurera sur la lettre.",
    queuedPrivate:
      "Votre signature est en route : elle sera comptée d'ici une ou deux minutes, et votre nom ne figurera pas sur la liste publique.",
    public: "Votre nom figurera sur la liste publique de la lettre d'ici une ou deux minutes.",
    publicOrganization:
      "Le nom de l'organisation figurera sur la liste publique de la lettre d'ici une ou deux minutes ; le vôtre, jamais.",
    private: "Votre signature est comptée, et votre nom ne figurera pas sur la liste publique.",
    letterHas: (counts) => `La lettre compte ${counts}.`,
    letterNowHas: (counts) => `La lettre compte désormais ${counts}.`,
    notifyDelivery: "Nous vous écrirons quand cette lettre sera remise.",
    share: "Aidez-la à grandir : partagez l'adresse de la lettre",
    changedMind: "Vous avez changé d'avis ?",
    withdrawBefore: "Vous pouvez retirer votre signature à tout moment grâce à ce lien privé. Gardez-le pour vous : ",
    withdrawLink: "retirer ma signature",
    withdrawInEmail:
      "L'e-mail que nous vous avons envoyé contient votre lien privé pour retirer votre signature à tout moment.",
    withdrawLinkHidden: (hours: number) =>
      `Cette page n'affiche votre lien privé que pendant ${n(hours)} heures après la signature. Si vous l'avez gardé, il fonctionne toujours ; si la lettre vous a envoyé un e-mail, le lien s'y trouve aussi.`,
    back: "← Retour à la lettre",
  },

  recordEntry: {
    title: (seq: number, letterTitle: string) => `Entrée ${n(seq)} du registre de « ${letterTitle} »`,
    heading: (seq: number) => `Entrée ${n(seq)} du registre public`,
    back: "← Retour à la lettre",
    of: "Dans le registre public de",
    intro:
      "Le registre liste, dans l'ordre, chaque changement dans les signatures comptées sur cette lettre et chaque version publiée de son texte. Chaque entrée est intégrée à un arbre de hachage dont la lettre publie la racine : une entrée modifiée, supprimée ou déplacée après coup ne lui correspond plus.",
    number: "Numéro",
    event: "Ce qui s'est passé",
    time: "Quand",
    kind: "Signé",
    details: "Informations publiques",
    reference: "Référence",
    digest: "Empreinte des informations",
    hash: "Hachage de l'entrée",
    events: {
      signed: "A signé la lettre",
      withdrawn: "A retiré sa signature",
      hidden: "Masquée par l'équipe organisatrice",
      rejected: "Écartée par l'équipe organisatrice",
      restored: "Rétablie par l'équipe organisatrice",
      removed: "Retirée de la lettre par l'équipe organisatrice",
      text: "Une version du texte de la lettre a été publiée",
    },
    kinds: { organization: "Au nom d'une organisation", individual: "À titre individuel" },
    erased:
      "Plus aucune : elles ont été effacées quand la signature a été retirée ou écartée. L'empreinte les couvre toujours, donc le hachage de l'entrée n'a pas changé.",
    unlisted: "Aucune : cette personne a demandé à ne pas figurer nommément.",
    textVersion: (ref: string) => `La version du texte ${ref} ; l'empreinte est le SHA-256 de cette version.`,
    later: "Ce qui s'est passé ensuite",
    laterItem: (seq: number) => `Entrée ${n(seq)}`,
    nothingLater: "Rien depuis : aucune entrée ultérieure ne concerne cette signature.",
    nothingLaterText: "Rien depuis : aucune entrée ultérieure ne concerne cette version du texte.",
    inTree: (size: number) =>
      `Le registre compte ${plural(L, size, { one: "# entrée", many: "# d'entrées", other: "# entrées" })} à ce jour. Son hachage racine, qui couvre cette entrée :`,
    check: "Vérifiez par vous-même",
    checkIntro:
      "Avec Node.js et une copie du code source d'Undersigned, cette commande lit tout le registre de la lettre, recalcule chaque hachage et vérifie que cette entrée, avec ce hachage, y figure toujours :",
    json: "Cette entrée en JSON, avec sa preuve d'inclusion dans le registre",
    record: "Le registre complet en JSON",
  },

  recordPage: {
    title: (letterTitle: string) => `Le registre public de « ${letterTitle} »`,
    heading: "Le registre public",
    of: "De la lettre",
    size: (length: number, sealed: number) =>
      `Le registre compte ${plural(L, length, { one: "# entrée", other: "# entrées" })} à ce jour ; ${plural(L, sealed, { one: "la première est hachée", other: "les # premières sont hachées" })} dans l’arbre dont la lettre publie la racine :`,
    empty: "Le registre n’a pas encore d’entrée : il commence quand la lettre est publiée.",
    read: "Le lire",
    newest: (seq: number) => `L’entrée la plus récente (numéro ${n(seq)})`,
    first: "La première entrée",
    checkpoints: "Ses points de contrôle, chacun signé avec la clé du registre",
    key: "La clé du registre",
    checkIntro:
      "Avec Node.js et une copie du code source d’Undersigned, cette commande lit tout le registre de la lettre, recalcule chaque hachage et vérifie chaque point de contrôle signé :",
    overview: "Le registre : ce qu’il est et comment le vérifier",
  },

  yourEntry: {
    heading: "Votre entrée dans le registre public",
    isEntry: (seq: number) => `Votre signature est l'entrée ${n(seq)} du registre public de la lettre. Son hachage :`,
    see: "Voir votre entrée, et comment vérifier qu'elle reste dans le registre",
    review:
      "Votre signature recevra son entrée dans le registre public de la lettre quand l'équipe organisatrice l'aura approuvée.",
    queued:
      "Votre signature recevra son entrée numérotée dans le registre public de la lettre quand elle sera comptée.",
    inEmail:
      "L'e-mail que nous vous avons envoyé indique le numéro de votre entrée dans le registre public de la lettre, et comment la vérifier.",
    none: "Aucune entrée ne correspond à cette signature dans le registre public de la lettre.",
  },

  links: {
    confirmTitle: "Confirmez votre signature",
    on: "Sur",
    confirmButton: "Confirmer ma signature",
    confirmListedOrganization: "Elle figurera parmi les organisations, ainsi :",
    confirmDeliveryNotice:
      "Vous avez demandé à recevoir un e-mail quand cette lettre sera remise : confirmer maintient cette demande. Cet e-mail contient un lien pour l’arrêter.",
    confirmWebsite: (url) => `Son site web, publié avec son nom : ${url}`,
    confirmAsContact: (name, contact) =>
      `Vous signez au nom de ${name}, comme sa personne de contact (${contact}). Votre nom, votre fonction et votre adresse e-mail restent privés : les organisateurs les voient, le public jamais.`,
    confirmListedIndividual: "Elle figurera parmi les personnes, ainsi :",
    confirmNotListedIndividual:
      "Elle sera comptée parmi les personnes, sans votre nom sur la liste publique. Pour vous seul, ce que vous avez saisi :",
    confirmNotListedOrganization:
      "Elle sera comptée parmi les organisations, sans son nom sur la liste publique. Pour vous seul, ce que vous avez saisi :",
    detailsChanged: {
      title: "Vérifiez à nouveau votre signature",
      message:
        "Le contenu de cette signature a changé après l'ouverture de la page (quelqu'un a signé à nouveau avec votre adresse). Rien n'a été confirmé : vérifiez ce qu'elle dit maintenant, et ne confirmez que si c'est exact.",
    },
    goToLetter: (title) => `Aller à la lettre : ${title}`,
    withdrawTitle: "Retirer votre signature",
    withdrawBefore: "Cette action retire votre signature de ",
    withdrawAfter:
      " : votre nom quitte la liste publique, les données de la lettre et son registre, et les totaux baissent d'une unité.",
    signAgainOpen: " Vous pouvez signer à nouveau tant que la lettre est ouverte aux signatures.",
    signAgainClosed: " Les signatures sont closes : elle ne peut plus être signée à nouveau.",
    withdrawWhose: "La signature que ce lien retire :",
    withdrawButton: "Retirer ma signature",
    unsubscribeTitle: "Annuler l'e-mail de remise",
    unsubscribeText: (title: string) =>
      `Appuyez sur le bouton et vous ne recevrez plus d'e-mail au sujet de « ${title} » : votre signature reste inchangée.`,
    unsubscribeButton: "Annuler l'e-mail",
    unsubscribedTitle: "Vous ne recevrez pas d'e-mail sur cette lettre",
    unsubscribedMessage:
      "C'est fait : vous ne recevrez plus d'e-mail au sujet de cette lettre. Votre signature reste inchangée.",
    unsubscribeAlready: {
      title: "C'est déjà fait",
      message:
        "Vous aviez déjà demandé à ne plus recevoir d'e-mail au sujet de cette lettre : aucun ne vous sera envoyé. Votre signature reste inchangée.",
    },
    unsubscribeDead: {
      title: "Ce lien ne fonctionne pas",
      message:
        "Il est incomplet, ou ne correspond à aucune signature de cette lettre. Copiez le lien entier depuis l'e-mail et ouvrez-le à nouveau.",
    },
    withdrawnTitle: "Votre signature a été retirée",
    withdrawnMessage:
      "Votre signature a été retirée : votre nom n'apparaît plus sur la lettre, ni dans ses données ni dans son registre, et les totaux ne la comptent plus. Une copie de la page de la lettre déjà ouverte, gardée par votre navigateur ou par un centre de données éloigné peut encore l'afficher pendant quelques minutes.",
    invalid: {
      title: "Ce lien n'est pas valide",
      message:
        "Aucune signature n'attend ce lien. Copiez le lien complet depuis l'e-mail et ouvrez-le à nouveau, ou signez à nouveau la lettre avec la même adresse e-mail pour le recevoir encore.",
    },
    deadLink: {
      title: "Ce lien ne fonctionne pas",
      message:
        "Il est incomplet, ne correspond à aucune signature de cette lettre ou a déjà été utilisé. Si votre signature figure sur la lettre et que vous voulez la retirer, signez à nouveau avec la même adresse e-mail : nous enverrons votre lien privé à cette adresse, et rien ne change sur la lettre.",
      messageNoMail:
        "Il est incomplet, ne correspond à aucune signature de cette lettre ou a déjà été utilisé. Si votre signature figure sur la lettre et que vous n'avez plus votre lien privé, demandez-le aux organisateurs de la lettre.",
    },
    alreadyConfirmed: {
      title: "Déjà confirmée",
      message: "Cette signature était déjà confirmée. Vous n'avez rien d'autre à faire.",
    },
    notOnLetter: {
      title: "Cette signature ne figure plus sur la lettre",
      message: "Elle a été retirée ou écartée, elle ne peut donc pas être confirmée. Vous pouvez signer à nouveau.",
    },
    closedBeforeConfirmation: {
      title: "Les signatures sont closes",
      message: "La lettre a cessé de recueillir des signatures avant que celle-ci ne soit confirmée.",
    },
    expired: (days) => ({
      title: "Ce lien a expiré",
      message: `Les liens de confirmation sont valables ${n(days)} jours. Signez à nouveau la lettre pour en recevoir un nouveau.`,
    }),
  },

  embed: {
    title: (letterTitle) => `Signer : ${letterTitle}`,
    thanks: "Merci d'avoir signé",
    confirmEmail:
      "Nous vous avons envoyé un e-mail contenant un lien : votre signature compte dès que vous l'ouvrez et confirmez.",
    review:
      "L'équipe organisatrice examine les signatures des organisations avant qu'elles n'apparaissent sur la lettre.",
    queued: "Votre signature est en route : elle sera comptée d'ici une ou deux minutes.",
    counted: "Votre signature est comptée.",
    changedMind: "Vous avez changé d'avis ? ",
    withdraw: "Retirer ma signature",
    among: "Parmi les signataires",
    readFull: "Lire la lettre en entier",
    publishedWith: "Publié avec ",
    neverShown: ". Les adresses e-mail ne sont jamais affichées.",
    addressee: (to) => `À : ${to}`,
    back: "Retour",
    address: "L'adresse de la lettre",
    addressHint: "Sélectionnez l'adresse pour la copier.",
  },

  errors: {
    backHome: "Aller à la liste des lettres",
    status: (status) => `Erreur ${status}`,
    letterNotFound: {
      title: "Lettre introuvable",
      message:
        "Aucune lettre n'est publiée à cette adresse. Elle a peut-être été mal saisie, ou la lettre a changé d'adresse.",
    },
    languageNotFound: (languages) => ({
      title: "Cette lettre n'existe pas dans cette langue",
      message: `Cette lettre peut être lue en : ${languages}.`,
    }),
    signingClosed: (letterTitle, closedOn) => ({
      title: "Les signatures sont closes",
      message: `« ${letterTitle} » ne recueille plus de signatures${closedOn ? ` : elles ont été closes le ${closedOn}` : ""}. Votre signature n'a pas été enregistrée.`,
    }),
    tooMany: (seconds) => ({
      title: "Trop de signatures à la fois",
      message: `Nous avons reçu trop de signatures depuis votre connexion en peu de temps. Rien n'a été enregistré. Veuillez patienter ${n(seconds)} secondes et réessayer.`,
    }),
    thankYouInvalid: {
      title: "Ce lien de remerciement n'est pas valide",
      message:
        "Le lien est incomplet ou a été modifié. Si vous avez signé, votre signature n'est pas concernée : vous pouvez la vérifier dans la liste sur la page de la lettre.",
    },
    /** A draft's preview link that opens nothing (a wrong key, or one made before "New preview link"). */
    previewNotFound: {
      title: "Aperçu introuvable",
      message:
        "Ce lien d'aperçu n'est pas valide : il est incomplet, ou les organisateurs en ont créé un nouveau depuis. Demandez le lien actuel aux organisateurs de la lettre.",
    },
    linkIncomplete: {
      title: "Ce lien est incomplet",
      message:
        "Il manque une partie du lien, ou il a été modifié. Copiez le lien entier depuis l'e-mail et ouvrez-le à nouveau.",
    },
    entryNumber: {
      title: "Cette entrée n'existe pas",
      message:
        "Les entrées du registre d'une lettre sont numérotées 1, 2, 3, etc., et cette adresse n'en désigne aucune. Vérifiez l'adresse, ou partez de la page de la lettre.",
    },
    entryNotFound: (length: number) => ({
      title: "Cette entrée n'existe pas",
      message: `Le registre de cette lettre compte ${plural(L, length, { one: "# entrée", many: "# d'entrées", other: "# entrées" })} à ce jour, et aucune ne porte ce numéro.`,
    }),
    cursor: {
      title: "Ce lien de la liste est cassé ou périmé",
      message:
        "Le lien vers cette page de signataires n'est pas valide. Revenez à la lettre et suivez à nouveau « Voir plus de signataires ».",
    },
    cursorPastEnd: {
      title: "Ce lien de la liste va au-delà de sa fin",
      message:
        "Il n'y a aucun signataire après l'endroit où pointe ce lien : des noms ont pu être retirés depuis. Recommencez à la première page des signataires.",
    },
    formUnreadable: {
      title: "Cette requête n'a pas pu être comprise",
      message: "Le contenu du formulaire n'a pas pu être lu. Veuillez le renvoyer depuis la page de la lettre.",
    },
    oddFields: (names) => ({
      title: "Ce formulaire contenait des champs qu'il n'utilise pas",
      message: `Le formulaire a envoyé ${names}, qu'aucun de nos formulaires ne contient. Veuillez signer avec le formulaire de la page de la lettre.`,
    }),
    methodNotAllowed: (allow) => `Cette adresse n'accepte que les requêtes ${allow}.`,
    database: {
      title: "Cette page n'est pas disponible pour le moment",
      message: "Notre base de données n'a pas répondu à temps. Veuillez réessayer dans une minute.",
    },
    byStatus: {
      400: {
        title: "Cette requête n'a pas pu être comprise",
        message: "Quelque chose dans la requête était mal formé. Veuillez revenir en arrière et réessayer.",
      },
      403: {
        title: "Ce formulaire doit être envoyé depuis ce site",
        message:
          "Pour votre sécurité, nous n'acceptons que les signatures envoyées depuis la page même de la lettre. Ouvrez la lettre et signez-la là.",
      },
      404: {
        title: "Page introuvable",
        message:
          "Il n'y a aucune page à cette adresse. Elle a peut-être été mal saisie, ou la lettre a changé d'adresse.",
      },
      405: {
        title: "Cette méthode n'est pas autorisée ici",
        message: "Cette adresse n'accepte pas ce type de requête.",
      },
      413: {
        title: "Trop de données envoyées",
        message:
          "Le formulaire a envoyé plus de données qu'une signature n'en demande. Raccourcissez ce que vous avez saisi et réessayez.",
      },
      415: {
        title: "Ce type de contenu n'est pas accepté",
        message:
          "Envoyez le formulaire comme un formulaire web ordinaire (application/x-www-form-urlencoded ou multipart/form-data).",
      },
      500: {
        title: "Un problème est survenu de notre côté",
        message: "Nous n'avons pas pu traiter votre demande. Veuillez réessayer dans un instant.",
      },
      503: {
        title: "Ce service n'est pas disponible pour le moment",
        message: "Veuillez réessayer dans quelques minutes.",
      },
    },
  },

  mail: {
    asContact: (name) =>
      `Vous signez au nom de ${name}, comme sa personne de contact : c'est le nom de l'organisation qui est publié, jamais le vôtre.`,
    organizationTakenSubject: (title) => `Votre organisation avait déjà signé : ${title}`,
    organizationTakenText: (title, name, letter) => [
      `${name} avait déjà signé « ${title} » (ou sa signature attend la confirmation de sa personne de contact) : la signature que vous avez envoyée en son nom n'a pas été gardée. Une organisation signe une seule fois.`,
      "",
      "Si cela vous surprend, écrivez aux organisateurs de la lettre : ils peuvent écarter une signature faite en son nom par quelqu'un d'autre, et vous pourrez alors signer de nouveau. La lettre :",
      letter,
    ],
    deliveredSubject: (title: string) => `Remise : ${title}`,
    deliveredText: (title: string, day: string, letter: string, unsubscribe: string) => [
      `« ${title} », que vous avez signée, a été remise le ${day}.`,
      "",
      "La lettre, avec ce que ses organisateurs disent de la remise :",
      letter,
      "",
      "Vous recevez cet e-mail parce que vous l'avez demandé en signant. C'est le seul ; pour l'annuler, ou s'il vous est parvenu par erreur :",
      unsubscribe,
    ],
    footer: "Undersigned n'affiche ni ne partage jamais votre adresse e-mail.",
    confirmSubject: (title) => `Confirmez votre signature : ${title}`,
    confirmText: (title, days, confirm, withdraw) => [
      `Merci d'avoir signé « ${title} ».`,
      "",
      "Votre signature compte dès que vous la confirmez. Ouvrez ce lien et appuyez sur le bouton de la page :",
      confirm,
      "",
      `Le lien est valable ${n(days)} jours. Si vous n'avez pas signé, ignorez cet e-mail : rien n'est publié sans confirmation.`,
      "",
      "Pour retirer votre signature à tout moment, utilisez ce lien privé :",
      withdraw,
    ],
    alreadySubject: (title) => `Vous avez déjà signé : ${title}`,
    alreadyText: (title, letter, withdraw) => [
      `Quelqu'un, sans doute vous, vient de signer à nouveau « ${title} » avec cette adresse e-mail.`,
      "",
      "Votre première signature est maintenue, rien n'a donc changé. La lettre :",
      letter,
      "",
      "Pour retirer votre signature, utilisez ce lien privé :",
      withdraw,
    ],
    entryText: (seq: number, hash: string, url: string) => [
      `Votre signature est l'entrée ${n(seq)} du registre public de la lettre, avec le hachage`,
      hash,
      "Votre entrée, et comment vérifier qu'elle reste dans le registre :",
      url,
    ],
    confirmRef: (ref: string) => [
      "Dès que vous la confirmez, votre signature reçoit une entrée numérotée dans le registre public de la lettre, sous la référence",
      ref,
      "La page qui s'affiche après la confirmation indique son numéro et son hachage.",
    ],
    reviewText: (title: string, letter: string, withdraw: string) => [
      `Merci d'avoir signé « ${title} ». L'équipe organisatrice examine les signatures des organisations avant qu'elles ne comptent : une fois la vôtre approuvée, elle sera comptée et recevra son entrée dans le registre public de la lettre. La lettre :`,
      letter,
      "",
      "Pour retirer votre signature à tout moment, utilisez ce lien privé :",
      withdraw,
    ],
    signedSubject: (title: string) => `Merci d'avoir signé : ${title}`,
    signedText: (title: string, letter: string, withdraw: string) => [
      `Merci d'avoir signé « ${title} ». Votre signature est comptée. La lettre :`,
      letter,
      "",
      "Pour retirer votre signature à tout moment, utilisez ce lien privé :",
      withdraw,
    ],
  },
};
