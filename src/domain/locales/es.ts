/** The interface in Spanish (formal register, for readers across Latin America and Spain). */
import type { SignFormField } from "../signature";
import type { TextProblem } from "../text";
import type { Messages } from "./en";
import { formatDate, formatDayIn, formatMoment, formatNumber, plural } from "./format";

const L = "es";
const n = (value: number) => formatNumber(value, L);

const FIELD_LABELS: Record<SignFormField, string> = {
  kind: "El tipo de firma",
  organization_name: "El nombre de la organización",
  website: "El sitio web",
  contact_name: "El nombre de la persona de contacto",
  contact_role: "El cargo de la persona de contacto",
  authorized: "La declaración de autorización",
  name: "El nombre",
  organization: "La organización",
  title: "El cargo",
  city: "La ciudad",
  country: "El país",
  email: "El correo electrónico",
  hide_name: "La opción de ocultar su nombre",
  notify_delivery: "La opción de recibir un correo cuando se entregue la carta",
};

/** The sentence for a refused text's `problem`, `label` naming the field as a sentence begins (the organizer area's too). */
export function textProblem(label: string, problem: TextProblem, max: number): string {
  switch (problem) {
    case "unreadable":
      return `${label} contiene caracteres que no se pudieron leer. Vuelva a escribirlo, por favor.`;
    case "control":
      return `${label} debe ir en una sola línea, sin tabulaciones ni otros caracteres de control.`;
    case "invisible":
      return `${label} no puede contener caracteres de formato invisibles.`;
    case "stacked-marks":
      return `${label} tiene demasiados acentos superpuestos sobre una misma letra.`;
    case "nothing-visible":
      return `${label} debe contener al menos una letra, un número o un símbolo visible.`;
    case "too-long":
      return `${label} puede tener como máximo ${n(max)} caracteres.`;
    case "formula":
      return `${label} no puede empezar por = ni parecer una fórmula (como +1+2 o @SUMA(…)), porque las hojas de cálculo la ejecutarían.`;
    case "markup":
      return `${label} no puede contener < ni >, ni nada que parezca código.`;
    case "web-address":
      return `${label} no puede contener una dirección web.`;
    case "email-address":
      return `${label} no puede contener una dirección de correo: le pedimos la suya aparte y nunca la mostramos.`;
  }
}

const signatures = (count: number) => plural(L, count, { one: "# firma", many: "# de firmas", other: "# firmas" });

export const es: Messages = {
  locale: L,
  date: (iso) => formatDate(iso, L),
  moment: (iso, zone) =>
    formatMoment(iso, zone, L, (place, offset) => (place ? `hora de ${place}, ${offset}` : offset)),
  dayIn: (iso, zone) => formatDayIn(iso, zone, L),
  number: n,

  layout: {
    errorTitlePrefix: "Error: ",
    skipToContent: "Ir al contenido",
    footer: (site) =>
      `Publicado con ${site}, software libre para cartas con adhesiones. Las direcciones de correo nunca se muestran.`,
    feedTitle: (site) => `${site}: cartas abiertas`,
    letterFeedTitle: (title) => `Novedades: ${title}`,
    languages: "Idiomas de esta carta",
    recordKey: "Los registros de estas cartas se firman con la clave",
    recordKeyLink: "la clave en texto",
  },

  counts: {
    signatures,
    signatureWord: (count) => plural(L, count, { one: "firma", many: "de firmas", other: "firmas" }),
    summary: (total, organizations, individuals) =>
      `${signatures(total)}: ${plural(L, organizations, { one: "# organización", many: "# de organizaciones", other: "# organizaciones" })} y ${plural(L, individuals, { one: "# persona a título individual", many: "# de personas a título individual", other: "# personas a título individual" })}`,
  },

  letter: {
    open: "Abierta a firmas",
    openUntil: (date) => `Abierta a firmas hasta el ${date}`,
    closed: "Cerrada a nuevas firmas",
    closedOnDay: (date) => `La recogida de firmas se cerró el ${date}`,
    signThisLetter: "Firmar esta carta",
    signatories: "Firmantes",
    noneYet: "Todavía no ha firmado nadie.",
    beTheFirst: "Sea la primera persona en firmar.",
    seeMore: "Ver más firmantes",
    unlisted: (count) =>
      plural(L, count, {
        one: "# firmante pidió que su nombre no aparezca en la lista.",
        many: "# de firmantes pidieron que su nombre no aparezca en la lista.",
        other: "# firmantes pidieron que su nombre no aparezca en la lista.",
      }),
    signingClosed: "Las firmas están cerradas",
    noLongerTakes: "Esta carta ya no recibe firmas.",
    closedOn: (date) => `Esta carta ya no recibe firmas: la recogida de firmas se cerró el ${date}.`,
    deliveredOn: (date) => `Entregada el ${date}`,
    deliveredClosed: (date) => `Esta carta ya no recibe firmas: fue entregada el ${date}.`,
    updatedOn: "Actualizada el",
    share: "Compartir esta carta",
    shareEmail: "Correo",
    shareEmailBody: (title, url) => `Firmé esta carta, y usted también puede hacerlo:\n\n${title}\n${url}`,
    embedTitle: "Insertar esta carta en su sitio web",
    embedIntro:
      "Copie este código en una página de su sitio: muestra el título de la carta, el número de firmas, las primeras firmas y el formulario para firmar, y funciona sin JavaScript. La línea del script es opcional: ajusta la altura del marco a la de la tarjeta.",
    embedCode: "Código para insertar",
    embedSourceBefore: "Para saber cuántas personas firmaron desde su sitio, añada ",
    embedSourceMiddle:
      " y el nombre de su organización (letras, cifras y guiones) a la dirección del código, por ejemplo ",
    embedSourceAfter: ". Los sitios que leen oEmbed (WordPress y otros) insertan la carta solo con su dirección.",
    embedSourceExample: "su-organizacion",
  },

  form: {
    problems: (count) =>
      plural(L, count, { one: "Hay un problema con su firma", other: "Hay # problemas con su firma" }),
    errorPrefix: "Error: ",
    signingAs: "Firmo",
    organizationGroup: "Su organización",
    organizationGroupHint: "Si firma en nombre de una organización. Se publican su nombre, ciudad, país y sitio web.",
    organizationName: "Nombre de la organización (público)",
    website: "Sitio web (opcional, público)",
    websiteHint:
      "Su propia dirección, como ejemplo.org. Si su correo es del mismo dominio, la organización aparece como verificada.",
    contactName: "Su nombre, como persona de contacto (privado)",
    contactRole: "Su cargo en la organización (opcional, privado)",
    contactHint: "Privado: lo ven los organizadores, nunca el público.",
    authorized: "Estoy autorizado/a para firmar en nombre de esta organización",
    individualGroup: "Usted",
    individualGroupHint: "Si firma a título individual. Se publican su nombre, afiliación, cargo, ciudad y país.",
    bothGroups: "En ambos casos",
    organizationTaken: (name) =>
      `${name} ya firmó esta carta, o su firma espera la confirmación de su persona de contacto. Una organización firma una sola vez: si le sorprende, escriba a los organizadores de la carta: pueden apartar una firma que otra persona hizo en su nombre, y usted podrá firmar entonces.`,
    forOrganization: "en nombre de una organización",
    asIndividual: "a título individual",
    name: "Su nombre completo (público)",
    nameHint: "Tal como debe aparecer en la carta.",
    organization: "Organización o afiliación (opcional, pública)",
    organizationHint: "Aparece después de su nombre; no firma en nombre de la organización.",
    title: "Cargo o función (opcional, público)",
    city: "Ciudad (opcional, pública)",
    country: "País (opcional, público)",
    chooseCountry: "Elija un país",
    email: "Correo electrónico (privado)",
    emailHint:
      "Le enviamos a él el enlace de confirmación; nunca se muestra ni se comparte. Una firma individual por dirección; la misma dirección puede firmar además una vez en nombre de una organización.",
    hideName: "Cuenten esta firma, pero no la publiquen en la lista (su nombre, o el de su organización)",
    notifyDelivery: "Envíenme un correo cuando se entregue esta carta",
    notifyDeliveryHint:
      "Un solo correo a la dirección de arriba, en este idioma, cuando los organizadores entreguen la carta; incluye un enlace para cancelarlo. No se envía nada más.",
    honeypot: "Deje este campo vacío",
    needsJavaScript: "Para proteger esta carta de los robots, firmar requiere tener JavaScript activado.",
    submit: "Firmar la carta",
    privacy:
      "Los nombres y datos de arriba aparecen en la lista pública salvo que elija lo contrario; para una organización, los suyos, nunca los de su contacto. Su correo electrónico se mantiene privado.",
    robotCheckUnavailable:
      "No pudimos comunicarnos con el servicio que distingue a las personas de los robots, así que no se guardó nada. Vuelva a intentarlo en un minuto.",
    pressAgain:
      "Todavía no se guardó nada: para evitar que firmen robots, le pedimos que revise sus datos abajo y pulse «Firmar la carta» una vez más.",
    tooMany: (seconds) =>
      `Recibimos demasiadas firmas desde su conexión en poco tiempo, así que todavía no se guardó nada. Sus datos están abajo: espere ${plural(L, seconds, { one: "# segundo", other: "# segundos" })} y vuelva a pulsar «Firmar la carta».`,
    robotCheckFailed:
      "No pudimos confirmar que usted es una persona, así que no se guardó nada. Complete la verificación y vuelva a firmar.",
    textChanged:
      "El texto de la carta se actualizó mientras usted lo leía, así que su firma no se guardó. Esta página muestra ahora el nuevo texto: léalo y, si sigue de acuerdo, pulse «Firmar la carta» otra vez para firmarlo. Sus datos están abajo.",
    seeWhatChanged: "Vea qué cambió.",
    issue(field, issue) {
      const label = FIELD_LABELS[field];
      switch (issue.code) {
        case "repeated":
          return `${label} se envió más de una vez. Envíelo solo una vez.`;
        case "not-text":
          return `${label} debe ser texto, no un archivo.`;
        case "kind":
          return "Indique si firma en nombre de una organización o a título individual.";
        case "name-missing":
          return "Escriba su nombre completo.";
        case "organization-name-missing":
          return "Escriba el nombre de la organización.";
        case "contact-name-missing":
          return "Escriba el nombre de la persona que firma en nombre de la organización (se mantiene privado).";
        case "authorized-missing":
          return "Marque la casilla para declarar que está autorizado/a a firmar en nombre de esta organización.";
        case "website":
          return "Escriba el sitio web de la organización, como ejemplo.org, o déjelo vacío.";
        case "website-too-long":
          return `El sitio web puede tener como máximo ${n(issue.max)} caracteres.`;
        case "other-group":
          return issue.kind === "organization"
            ? "Eligió firmar en nombre de una organización: este campo es para personas. Vacíelo, o elija «A título individual»."
            : "Eligió firmar a título individual: este campo es para organizaciones. Vacíelo, o elija «En nombre de una organización».";
        case "country":
          return "Elija un país de la lista.";
        case "email-missing":
          return "Escriba su dirección de correo, por ejemplo nombre@ejemplo.org.";
        case "email-too-long":
          return `La dirección de correo puede tener como máximo ${n(issue.max)} caracteres.`;
        case "email-invalid":
          return "Escriba una dirección de correo válida, por ejemplo nombre@ejemplo.org.";
        case "text":
          return textProblem(label, issue.problem, issue.max);
      }
    },
  },

  signAgain: {
    title: "Vuelva a enviar su firma, por favor",
    queueBusy:
      "No pudimos guardar su firma porque nuestra cola de firmas no la recibió. No se guardó nada: vuelva a enviarla, por favor.",
    databaseBusy:
      "No pudimos guardar su firma porque nuestra base de datos no respondió a tiempo. No se guardó nada: vuelva a enviarla, por favor.",
    mailBusy:
      "Su firma está guardada, pero no pudimos enviar el correo para confirmarla. Vuelva a enviarla, por favor: le enviaremos un correo nuevo.",
  },

  list: {
    organizations: "Organizaciones",
    individuals: "A título individual",
    continued: (heading) => `${heading} (continuación)`,
    verifiedByDomain: (domain) => `Verificada: su contacto confirmó una dirección en ${domain}`,
    verifiedByOrganizers: "Verificada por las personas que organizan la carta",
    whatVerifiedMeans: "Qué significa «verificada»",
    verifiedExplained:
      "Una marca (✓) después del nombre de una organización significa que fue verificada: la persona que firmó en su nombre confirmó una dirección de correo electrónico en el dominio propio de la organización (el del sitio web que indicó; un correo gratuito nunca cuenta), o las personas que organizan la carta lo comprobaron directamente con la organización. Las organizaciones sin la marca firmaron de la misma manera, pero no fueron verificadas.",
  },

  versionsPage: {
    title: (letterTitle) => `Versiones de «${letterTitle}»`,
    back: "← Volver a la carta",
    heading: "Versiones del texto",
    of: "de",
    intro:
      "Cada vez que el texto de esta carta, o de una de sus traducciones, se publicó o cambió mientras era público, la nueva versión se añadió al registro público de la carta. Cada versión muestra qué cambió respecto de la anterior.",
    recordNote:
      "La entrada del registro y la huella digital (SHA-256) permiten a cualquiera comprobar que una versión es el texto que guarda el registro.",
    json: "Estas versiones en JSON",
    none: "Todavía no se ha publicado ninguna versión del texto de esta carta.",
    version: (number) => `Versión ${n(number)}`,
    publishedOn: "Publicada el",
    recordEntry: "Entrada del registro",
    digest: "Huella digital",
    first: "El texto tal como se publicó por primera vez.",
    changes: (number) => `Cambios respecto de la versión ${n(number)}`,
    spacingOnly: "Solo cambiaron espacios o saltos de línea.",
    fields: { title: "Título", summary: "Resumen", addressee: "Destinatario", body: "Texto" },
    added: "añadido:",
    removed: "eliminado:",
  },

  signatoriesPage: {
    title: (letterTitle) => `Firmantes de «${letterTitle}»`,
    back: "← Volver a la carta",
    heading: "Firmantes",
    of: "de",
    noMore: "No hay más firmantes que mostrar.",
    pages: "Páginas de firmantes",
    next: "Siguiente página de firmantes",
    last: "Esta es la última página.",
    first: "Primera página",
  },

  thanks: {
    counted: "Gracias por firmar",
    confirmEmail: "Revise su correo para confirmar",
    review: "Gracias por firmar",
    confirmed: "Su firma está confirmada",
    youSignedOrganization: "Firmó en nombre de una organización:",
    asContact: (name) =>
      `Firma en nombre de ${name} como su persona de contacto: se publica el nombre de la organización, nunca el suyo.`,
    domainTaken:
      "Otra organización de esta carta ya confirmó una dirección del mismo dominio, así que esta firma todavía no cuenta: los organizadores la revisarán.",
    verified: (domain) =>
      `Su dirección es de ${domain}, el dominio del sitio web de la organización: la organización aparece como verificada.`,
    youSignedIndividual: "Firmó a título individual:",
    emailSent: "Le enviamos un correo con un enlace. ",
    countsOnceConfirmed: "Su firma cuenta en cuanto abra el enlace y la confirme.",
    emailMissing:
      " Si no le llega en unos minutos, revise la carpeta de correo no deseado, o vuelva a firmar para recibir un enlace nuevo.",
    emailMissingClosed: " Si no le llega en unos minutos, revise la carpeta de correo no deseado.",
    reviewNotice:
      "Las personas que organizan la carta revisan las firmas de organizaciones antes de que aparezcan en ella.",
    queuedPublic: "Su firma está en camino: en uno o dos minutos se contará y su nombre aparecerá en la carta.",
    queuedPublicOrganization:
      "Su firma está en camino: en uno o dos minutos se contará y el nombre de la organización aparecerá en la carta.",
    queuedPrivate:
      "Su firma está en camino: se contará en uno o dos minutos, y su nombre no aparecerá en la lista pública.",
    public: "Su nombre aparecerá en la lista pública de la carta en uno o dos minutos.",
    publicOrganization:
      "El nombre de la organización aparecerá en la lista pública de la carta en uno o dos minutos; el suyo, nunca.",
    private: "Su firma ya cuenta, y su nombre no aparecerá en la lista pública.",
    letterHas: (counts) => `La carta tiene ${counts}.`,
    letterNowHas: (counts) => `La carta tiene ahora ${counts}.`,
    notifyDelivery: "Le escribiremos cuando se entregue esta carta.",
    share: "Ayude a que crezca: comparta la dirección de la carta",
    changedMind: "¿Cambió de opinión?",
    withdrawBefore: "Puede retirar su firma en cualquier momento con este enlace privado. No lo comparta: ",
    withdrawLink: "retirar mi firma",
    withdrawInEmail: "El correo que le enviamos contiene su enlace privado para retirar su firma en cualquier momento.",
    withdrawLinkHidden: (hours: number) =>
      `Esta página muestra su enlace privado solo durante ${n(hours)} horas después de firmar. Si lo guardó, sigue funcionando; si la carta le envió un correo, el enlace también está en él.`,
    back: "← Volver a la carta",
  },

  recordEntry: {
    title: (seq: number, letterTitle: string) => `Entrada ${n(seq)} del registro de «${letterTitle}»`,
    heading: (seq: number) => `Entrada ${n(seq)} del registro público`,
    back: "← Volver a la carta",
    of: "En el registro público de",
    intro:
      "El registro enumera, en orden, cada cambio en quiénes cuentan en esta carta y cada versión publicada de su texto. Cada entrada se incorpora a un árbol de hashes cuya raíz publica la carta, de modo que una entrada modificada, eliminada o reordenada después ya no coincide con ella.",
    number: "Número",
    event: "Qué ocurrió",
    time: "Cuándo",
    kind: "Firmó",
    details: "Datos públicos",
    reference: "Referencia",
    digest: "Resumen de los datos",
    hash: "Hash de la entrada",
    events: {
      signed: "Firmó la carta",
      withdrawn: "Retiró su firma",
      hidden: "Ocultada por las personas que organizan la carta",
      rejected: "Descartada por las personas que organizan la carta",
      restored: "Restablecida por las personas que organizan la carta",
      removed: "Quitada de la carta por las personas que la organizan",
      text: "Se publicó una versión del texto de la carta",
    },
    kinds: { organization: "En nombre de una organización", individual: "A título individual" },
    erased:
      "Ya ninguno: se borraron cuando la firma fue retirada o descartada. El resumen sigue cubriéndolos, así que el hash de la entrada no cambió.",
    unlisted: "Ninguno: esta persona pidió no aparecer con su nombre.",
    textVersion: (ref: string) => `La versión del texto ${ref}; el resumen es el SHA-256 de esa versión.`,
    later: "Qué ocurrió después",
    laterItem: (seq: number) => `Entrada ${n(seq)}`,
    nothingLater: "Nada desde entonces: ninguna entrada posterior se refiere a esta firma.",
    nothingLaterText: "Nada desde entonces: ninguna entrada posterior se refiere a esta versión del texto.",
    inTree: (size: number) =>
      `El registro tiene ${plural(L, size, { one: "# entrada", many: "# de entradas", other: "# entradas" })} hasta ahora. Su hash raíz, que cubre esta entrada:`,
    check: "Compruébelo usted",
    checkIntro:
      "Con Node.js y una copia del código fuente de Undersigned, este comando lee el registro completo de la carta, recalcula cada hash y comprueba que esta entrada, con este hash, sigue en él:",
    json: "Esta entrada en JSON, con su prueba de inclusión en el registro",
    record: "El registro completo en JSON",
  },

  recordPage: {
    title: (letterTitle: string) => `El registro público de «${letterTitle}»`,
    heading: "El registro público",
    of: "De la carta",
    size: (length: number, sealed: number) =>
      `El registro tiene ${plural(L, length, { one: "# entrada", other: "# entradas" })} hasta ahora; ${plural(L, sealed, { one: "la primera está", other: "las primeras # están" })} en el árbol de hashes cuya raíz publica la carta:`,
    empty: "El registro aún no tiene entradas: empieza cuando se publica la carta.",
    read: "Leerlo",
    newest: (seq: number) => `La entrada más reciente (número ${n(seq)})`,
    first: "La primera entrada",
    checkpoints: "Sus puntos de control, cada uno firmado con la clave del registro",
    key: "La clave del registro",
    checkIntro:
      "Con Node.js y una copia del código fuente de Undersigned, este comando lee todo el registro de la carta, vuelve a calcular cada hash y comprueba cada punto de control firmado:",
    overview: "El registro: qué es y cómo comprobarlo",
  },

  yourEntry: {
    heading: "Su entrada en el registro público",
    isEntry: (seq: number) => `Su firma es la entrada ${n(seq)} del registro público de la carta. Su hash:`,
    see: "Ver su entrada, y cómo comprobar que sigue en el registro",
    review:
      "Su firma recibirá su entrada en el registro público de la carta cuando las personas que la organizan la aprueben.",
    queued: "Su firma recibirá su entrada numerada en el registro público de la carta cuando se cuente.",
    inEmail:
      "El correo que le enviamos indica el número de su entrada en el registro público de la carta, y cómo comprobarla.",
    none: "No hay ninguna entrada para esta firma en el registro público de la carta.",
  },

  links: {
    confirmTitle: "Confirme su firma",
    on: "En",
    confirmButton: "Confirmar mi firma",
    confirmListedOrganization: "Aparecerá entre las organizaciones, así:",
    confirmDeliveryNotice:
      "Pidió recibir un correo cuando se entregue esta carta: al confirmar, esa petición se mantiene. Ese correo trae un enlace para dejar de recibirlo.",
    confirmWebsite: (url) => `Su sitio web, publicado con su nombre: ${url}`,
    confirmAsContact: (name, contact) =>
      `Firma en nombre de ${name} como su persona de contacto (${contact}). Su nombre, cargo y correo se mantienen privados: los ven los organizadores, nunca el público.`,
    confirmListedIndividual: "Aparecerá entre las personas, así:",
    confirmNotListedIndividual:
      "Se contará entre las personas, sin su nombre en la lista pública. Solo para usted, lo que escribió:",
    confirmNotListedOrganization:
      "Se contará entre las organizaciones, sin su nombre en la lista pública. Solo para usted, lo que escribió:",
    detailsChanged: {
      title: "Revise su firma otra vez",
      message:
        "Lo que dice esta firma cambió después de que abrió la página (alguien volvió a firmar con su dirección). No se confirmó nada: revise lo que dice ahora y confirme solo si es correcto.",
    },
    goToLetter: (title) => `Ir a la carta: ${title}`,
    withdrawTitle: "Retirar su firma",
    withdrawBefore: "Esto retira su firma de ",
    withdrawAfter:
      ": su nombre sale de la lista pública, de los datos de la carta y de su registro, y los totales bajan en uno.",
    signAgainOpen: " Puede volver a firmar mientras la carta siga abierta a firmas.",
    signAgainClosed: " La firma se ha cerrado, así que no se puede volver a firmar.",
    withdrawWhose: "La firma que retira este enlace:",
    withdrawButton: "Retirar mi firma",
    unsubscribeTitle: "Cancelar el correo de entrega",
    unsubscribeText: (title: string) =>
      `Pulse el botón y no recibirá más correos sobre «${title}»: su firma no cambia.`,
    unsubscribeButton: "Cancelar el correo",
    unsubscribedTitle: "No le escribiremos sobre esta carta",
    unsubscribedMessage: "Hecho: no recibirá más correos sobre esta carta. Su firma no cambia.",
    unsubscribeAlready: {
      title: "Ya está hecho",
      message: "Ya había pedido no recibir más correos sobre esta carta: no se le enviará ninguno. Su firma no cambia.",
    },
    unsubscribeDead: {
      title: "Este enlace no funciona",
      message:
        "Está incompleto o no corresponde a ninguna firma de esta carta. Copie el enlace completo del correo y vuelva a abrirlo.",
    },
    withdrawnTitle: "Su firma ha sido retirada",
    withdrawnMessage:
      "Su firma se ha retirado: su nombre ya no aparece en la carta, ni en sus datos ni en su registro, y los totales ya no la incluyen. Una copia de la página de la carta ya abierta, guardada por su navegador o por un centro de datos lejano puede mostrarlo todavía unos minutos.",
    invalid: {
      title: "Este enlace no es válido",
      message:
        "No hay ninguna firma pendiente para este enlace. Copie el enlace completo del correo y vuelva a abrirlo, o firme de nuevo la carta con la misma dirección de correo para recibirlo otra vez.",
    },
    deadLink: {
      title: "Este enlace no funciona",
      message:
        "Está incompleto, no corresponde a ninguna firma de esta carta o ya se usó. Si su firma está en la carta y desea retirarla, firme de nuevo con la misma dirección de correo: le enviaremos su enlace privado a esa dirección, y nada cambia en la carta.",
      messageNoMail:
        "Está incompleto, no corresponde a ninguna firma de esta carta o ya se usó. Si su firma está en la carta y ya no tiene su enlace privado, pídaselo a quienes organizan la carta.",
    },
    alreadyConfirmed: {
      title: "Ya está confirmada",
      message: "Esta firma ya estaba confirmada. No tiene que hacer nada más.",
    },
    notOnLetter: {
      title: "Esta firma ya no está en la carta",
      message: "Se retiró o se apartó, así que no se puede confirmar. Puede volver a firmar.",
    },
    closedBeforeConfirmation: {
      title: "Las firmas están cerradas",
      message: "La carta dejó de recibir firmas antes de que esta se confirmara.",
    },
    expired: (days) => ({
      title: "Este enlace ha caducado",
      message: `Los enlaces de confirmación valen durante ${n(days)} días. Vuelva a firmar la carta para recibir uno nuevo.`,
    }),
  },

  embed: {
    title: (letterTitle) => `Firmar: ${letterTitle}`,
    thanks: "Gracias por firmar",
    confirmEmail: "Le enviamos un correo con un enlace: su firma cuenta en cuanto lo abra y la confirme.",
    review: "Las personas que organizan la carta revisan las firmas de organizaciones antes de que aparezcan en ella.",
    queued: "Su firma está en camino: se contará en uno o dos minutos.",
    counted: "Su firma ya cuenta.",
    changedMind: "¿Cambió de opinión? ",
    withdraw: "Retirar mi firma",
    among: "Entre quienes firmaron",
    readFull: "Leer la carta completa",
    publishedWith: "Publicado con ",
    neverShown: ". Las direcciones de correo nunca se muestran.",
    addressee: (to) => `Para: ${to}`,
    back: "Volver",
    address: "La dirección de la carta",
    addressHint: "Seleccione la dirección para copiarla.",
  },

  errors: {
    backHome: "Ir a la lista de cartas",
    status: (status) => `Error ${status}`,
    letterNotFound: {
      title: "No se encontró la carta",
      message:
        "No hay ninguna carta publicada en esta dirección. Puede que esté mal escrita, o que la carta haya cambiado de lugar.",
    },
    languageNotFound: (languages) => ({
      title: "Esta carta no está disponible en ese idioma",
      message: `Esta carta puede leerse en: ${languages}.`,
    }),
    signingClosed: (letterTitle, closedOn) => ({
      title: "Las firmas están cerradas",
      message: `«${letterTitle}» ya no recibe firmas${closedOn ? `: la recogida de firmas se cerró el ${closedOn}` : ""}. Su firma no se registró.`,
    }),
    tooMany: (seconds) => ({
      title: "Demasiadas firmas a la vez",
      message: `Recibimos demasiadas firmas desde su conexión en poco tiempo. No se guardó nada. Espere ${n(seconds)} segundos y vuelva a intentarlo.`,
    }),
    thankYouInvalid: {
      title: "Este enlace de agradecimiento no es válido",
      message:
        "El enlace está incompleto o fue modificado. Si firmó, su firma no se ve afectada: puede comprobarlo en la lista de la página de la carta.",
    },
    /** A draft's preview link that opens nothing (a wrong key, or one made before "New preview link"). */
    previewNotFound: {
      title: "Vista previa no encontrada",
      message:
        "Este enlace de vista previa no es válido: está incompleto, o los organizadores crearon uno nuevo desde entonces. Pida el enlace vigente a los organizadores de la carta.",
    },
    linkIncomplete: {
      title: "Este enlace está incompleto",
      message: "Al enlace le falta una parte o fue modificado. Copie el enlace completo del correo y vuelva a abrirlo.",
    },
    entryNumber: {
      title: "No existe esa entrada",
      message:
        "Las entradas del registro de una carta se numeran 1, 2, 3, etc., y esta dirección no nombra ninguna. Revise la dirección, o empiece desde la página de la carta.",
    },
    entryNotFound: (length: number) => ({
      title: "No existe esa entrada",
      message: `El registro de esta carta tiene ${plural(L, length, { one: "# entrada", many: "# de entradas", other: "# entradas" })} hasta ahora, y ninguna con ese número.`,
    }),
    cursor: {
      title: "Este enlace de la lista no funciona o está desactualizado",
      message:
        "El enlace a esta página de firmantes no es válido. Vuelva a la carta y siga de nuevo «Ver más firmantes».",
    },
    cursorPastEnd: {
      title: "Este enlace de la lista va más allá de su final",
      message:
        "No hay firmantes después del punto al que apunta este enlace: puede que se hayan retirado nombres desde entonces. Vuelva a empezar por la primera página de firmantes.",
    },
    formUnreadable: {
      title: "No se pudo entender la petición",
      message: "No se pudo leer el contenido del formulario. Envíelo de nuevo desde la página de la carta.",
    },
    oddFields: (names) => ({
      title: "El formulario traía campos que no usa",
      message: `El formulario envió ${names}, que ningún formulario nuestro tiene. Firme con el formulario de la página de la carta.`,
    }),
    methodNotAllowed: (allow) => `Esta dirección solo acepta peticiones ${allow}.`,
    database: {
      title: "Esta página no está disponible en este momento",
      message: "Nuestra base de datos no respondió a tiempo. Vuelva a intentarlo en un minuto.",
    },
    byStatus: {
      400: {
        title: "No se pudo entender la petición",
        message: "Algo en la petición estaba mal formado. Vuelva atrás e inténtelo de nuevo.",
      },
      403: {
        title: "Este formulario debe enviarse desde este sitio",
        message:
          "Por su seguridad, solo aceptamos firmas enviadas desde la propia página de la carta. Abra la carta y firme allí.",
      },
      404: {
        title: "Página no encontrada",
        message:
          "No hay ninguna página en esta dirección. Puede que esté mal escrita, o que la carta haya cambiado de lugar.",
      },
      405: { title: "Ese método no está permitido aquí", message: "Esta dirección no acepta ese tipo de petición." },
      413: {
        title: "Se enviaron demasiados datos",
        message:
          "El formulario envió más datos de los que necesita una firma. Acorte lo que escribió y vuelva a intentarlo.",
      },
      415: {
        title: "No se acepta ese tipo de contenido",
        message:
          "Envíe el formulario como un formulario web normal (application/x-www-form-urlencoded o multipart/form-data).",
      },
      500: {
        title: "Algo falló de nuestro lado",
        message: "No pudimos completar su petición. Vuelva a intentarlo dentro de un momento.",
      },
      503: {
        title: "Este servicio no está disponible en este momento",
        message: "Vuelva a intentarlo en unos minutos.",
      },
    },
  },

  mail: {
    asContact: (name) =>
      `Firma en nombre de ${name} como su persona de contacto: se publica el nombre de la organización, nunca el suyo.`,
    organizationTakenSubject: (title) => `Su organización ya había firmado: ${title}`,
    organizationTakenText: (title, name, letter) => [
      `${name} ya había firmado «${title}» (o su firma espera la confirmación de su persona de contacto), así que la firma que envió en su nombre no se guardó. Una organización firma una sola vez.`,
      "",
      "Si le sorprende, escriba a los organizadores de la carta: pueden apartar una firma que otra persona hizo en su nombre, y usted podrá volver a firmar. La carta:",
      letter,
    ],
    deliveredSubject: (title: string) => `Entregada: ${title}`,
    deliveredText: (title: string, day: string, letter: string, unsubscribe: string) => [
      `«${title}», que usted firmó, se entregó el ${day}.`,
      "",
      "La carta, con lo que sus organizadores cuentan de la entrega:",
      letter,
      "",
      "Recibe este correo porque lo pidió al firmar. Es el único; para cancelarlo, o si le llegó por error:",
      unsubscribe,
    ],
    footer: "Undersigned nunca muestra ni comparte su dirección de correo.",
    confirmSubject: (title) => `Confirme su firma: ${title}`,
    confirmText: (title, days, confirm, withdraw) => [
      `Gracias por firmar «${title}».`,
      "",
      "Su firma cuenta en cuanto la confirme. Abra este enlace y pulse el botón de la página:",
      confirm,
      "",
      `El enlace vale durante ${n(days)} días. Si usted no firmó, ignore este correo: no se publica nada sin confirmación.`,
      "",
      "Para retirar su firma en cualquier momento, use este enlace privado:",
      withdraw,
    ],
    alreadySubject: (title) => `Usted ya firmó: ${title}`,
    alreadyText: (title, letter, withdraw) => [
      `Alguien, probablemente usted, acaba de volver a firmar «${title}» con esta dirección de correo.`,
      "",
      "Su primera firma sigue en pie, así que no cambió nada. La carta:",
      letter,
      "",
      "Para retirar su firma, use este enlace privado:",
      withdraw,
    ],
    entryText: (seq: number, hash: string, url: string) => [
      `Su firma es la entrada ${n(seq)} del registro público de la carta, con el hash`,
      hash,
      "Su entrada, y cómo comprobar que sigue en el registro:",
      url,
    ],
    confirmRef: (ref: string) => [
      "En cuanto la confirme, su firma recibirá una entrada numerada en el registro público de la carta, con la referencia",
      ref,
      "La página a la que llegará tras confirmar muestra su número y su hash.",
    ],
    reviewText: (title: string, letter: string, withdraw: string) => [
      `Gracias por firmar «${title}». Las personas que organizan la carta revisan las firmas de organizaciones antes de que cuenten: cuando aprueben la suya, se contará y recibirá su entrada en el registro público de la carta. La carta:`,
      letter,
      "",
      "Para retirar su firma en cualquier momento, use este enlace privado:",
      withdraw,
    ],
    signedSubject: (title: string) => `Gracias por firmar: ${title}`,
    signedText: (title: string, letter: string, withdraw: string) => [
      `Gracias por firmar «${title}». Su firma ya cuenta. La carta:`,
      letter,
      "",
      "Para retirar su firma en cualquier momento, use este enlace privado:",
      withdraw,
    ],
  },
};
