/** The organizer area in Spanish (formal register, as the public side; see en.ts for the shape and the rules). */
import type { ReceivedWay, SignInWay } from "../../activity";
import type { ImportFileProblem, ImportMappingProblem, ImportRowProblem } from "../../import-problems";
import { IMPORT_LIMITS, PASTED_FILE_NAME } from "../../import-limits";
import { formatDate, formatLanguageName, formatMoment, formatNumber, formatTime, plural } from "../format";
import { formatClock } from "../format";
import { textProblem } from "../es";
import type { LetterState } from "../../letter";
import type { SignatureStatus } from "../../signature";
import type { Role } from "../../organizer-roles";
import type { ModerationAction } from "../../signing";
import { isUnrenamedBootstrap, type NamedPerson } from "../../organizer-roles";
import type { TextProblem } from "../../text";
import { timeZonePlace } from "../../time-zones";
import type { WebhookFailureKind, WebhookUrlProblem } from "../../webhook";
import type { AdminMessages, IssueTextField } from "./en";

const L = "es";

/** An import's file name as the log words it: "pasted rows" for rows pasted rather than uploaded. */
const importName = (fileName: string): string => (fileName === PASTED_FILE_NAME ? es.imports.pastedRows : fileName);

export const es: AdminMessages = {
  locale: L,
  date: (iso: string) => formatDate(iso, L),
  number: (value: number) => formatNumber(value, L),
  time: (iso: string, zone: string, options?: { deadline?: boolean }) =>
    formatTime(
      iso,
      zone,
      L,
      (place: string | null, offset: string) => (place ? `hora de ${place}, ${offset}` : offset),
      options,
    ),
  languageName: (tag: string) => formatLanguageName(tag, L),

  layout: {
    titleSuffix: (site: string) => `organizadores de ${site}`,
    errorTitlePrefix: "Error: ",
    skipToContent: "Ir al contenido",
    siteName: (site: string) => `${site} · Organizadores`,
    navigation: "Área de organizadores",
    menu: "Menú",
    letters: "Cartas",
    newLetter: "Nueva carta",
    publicSite: "Sitio público",
    activity: "Actividad",
    apiTokens: "Tokens de API",
    logOut: "Cerrar sesión",
    backToArea: "Volver al área de organizadores",
    language: "Idioma",
    switchTo: (autonym: string) => `Mostrar el área de organizadores en ${autonym}`,
    people: "Personas",
    yourAccount: "Su cuenta",
    signedInAs: (name: string, role: string | null) => `Sesión iniciada: ${name}${role === null ? "" : ` (${role})`}`,
    roleNames: { owner: "propietario", editor: "editor", moderator: "moderador", viewer: "lector" },
  },

  login: {
    title: "Iniciar sesión",
    heading: "Organizadores: iniciar sesión",
    closed:
      "Todavía no se puede abrir el área de organizadores: quien administra el sitio tiene que definir primero su clave de administración.",
    closedTechnical:
      "Para esa persona: `npx wrangler secret put ADMIN_TOKEN` (al menos 16 caracteres); `npm start` define una en `.dev.vars` y la muestra.",
    problemTitle: "No se pudo iniciar sesión",
    tokenLabel: "Clave de administración",
    tokenHint:
      "La clave de administración que se mostró al poner en marcha el sitio, o la que le dio quien administra el sitio.",
    tokenTechnical: "Dato técnico: es el secreto `ADMIN_TOKEN` del sitio; `npm start` muestra la clave local.",
    submit: "Iniciar sesión",
    wrongToken: "Esa no es la clave de administración. Revísela e inténtelo de nuevo.",
    bootstrapDisabled:
      "La cuenta de la clave de administración está desactivada: una persona propietaria la desactivó en la página Personas, así que la clave ya no da acceso a nadie. Entre con su propia cuenta (por correo o con una llave de acceso) o pida a una persona propietaria que la vuelva a activar.",
    byEmail: "Con su dirección de correo",
    emailLabel: "Su dirección de correo",
    emailHint: "La dirección a la que le invitaron. Le enviamos un enlace que inicia su sesión, válido 15 minutos.",
    emailSubmit: "Envíenme un enlace para entrar",
    emailProblemTitle: "No se pudo enviar el enlace",
    byToken: "Con la clave de administración",
    loggedOut: "Cerró la sesión.",
    /** Why the session this browser had ended, said on the login page it is sent to (the redirect's `why`). */
    sessionEnded: {
      ended:
        "Se cerró su sesión: alguien la terminó desde otro dispositivo o con «Cerrar sesión en todas partes». Inicie sesión de nuevo.",
      expired: "Su sesión caducó: una sesión dura 12 horas. Inicie sesión de nuevo.",
      disabled:
        "Un propietario desactivó su cuenta, y eso cerró sus sesiones. Si necesita volver a entrar, pídaselo a un propietario.",
      "token-changed":
        "Se cambió la clave de administración, y eso cierra las sesiones abiertas con ella. Inicie sesión de nuevo.",
    },
    /** The login page's language links, before anyone is signed in. */
    languages: "Idioma",
    loggedOutEverywhere: (others: number) =>
      others === 0
        ? "Cerró la sesión aquí; no había ninguna otra sesión abierta."
        : `Cerró la sesión aquí y en ${plural(L, others, { one: "otra sesión", other: "otras # sesiones" })}.`,
  },

  dashboard: {
    title: "Cartas",
    draftDeleted: "El borrador se eliminó.",
    empty: "Todavía no hay cartas. Escriba la primera.",
    emptyRead: "Todavía no hay cartas.",
    caption: "Todas las cartas, las modificadas más recientemente primero",
    letter: "Carta",
    state: "Estado",
    signatures: "Firmas",
    waiting: "En espera",
    dated: "Fecha",
    export: "Exportar:",
    exportCsv: "firmas (CSV)",
    exportDelivery: "documento de entrega",
  },

  states: {
    draft: "borrador",
    open: "abierta",
    closed: "cerrada",
    delivered: "entregada",
  },

  timeZones: {
    zone: (place: string | null, offset: string) => (place ? `hora de ${place} (${offset})` : offset),
    yours: (zone: string) => `Las horas de esta página están en su zona horaria: ${zone}.`,
    none: "Las horas de esta página están en UTC: aún no ha elegido su zona horaria.",
    choose: "Elegir su zona horaria",
    change: "Cambiarla",
    letters: (zone: string) => `Las horas y los días de esta página están en la zona horaria de la carta: ${zone}.`,
    heading: "Su zona horaria",
    label: "Zona horaria",
    hint: "La actividad, la página de personas, sus sesiones, tokens de API y llaves de acceso muestran sus horas en ella, y los días por los que filtre se leen en ella. Las páginas de una carta usan la zona horaria de la carta.",
    save: "Guardar la zona horaria",
    saved: "Su zona horaria quedó guardada.",
  },

  forms: {
    errorPrefix: "Error: ",
    problemCount: (count: number) => plural(L, count, { one: "Hay un problema", other: "Hay # problemas" }),
  },

  editor: {
    newLetter: "Nueva carta",
    editTitle: (title: string) => `Editar: ${title}`,
    publicPage: "Página pública",
    signaturesLink: (counted: number, waiting: number) =>
      `Firmas (${plural(L, counted, { one: "# contada", other: "# contadas" })}, ${formatNumber(waiting, L)} en espera)`,
    fromFile: (file: string) =>
      `Esta carta viene de \`${file}\`. Si la guarda aquí (o cambia su etapa), pasa a gestionarse desde aquí: desde entonces la versión del área de organizadores es la carta, y la carga de archivos ya no la toca.`,
    labels: {
      title: "Título",
      slug: "Dirección",
      date: "Fecha de la carta",
      language: "Idioma",
      addressee: "Destinatario",
      summary: "Resumen",
      body: "Texto de la carta",
      confirm_signatures: "Confirmación por correo",
      review_organizations: "Firmas de organizaciones",
      closes_at: "Cierre de las firmas",
      closes_time_zone: "Zona horaria del cierre",
    },
    slugFixed:
      "La dirección no puede cambiar una vez publicada la carta: los enlaces a ella y los puntos de control de su registro la mencionan.",
    /** The address of a draft never published that has signatures (domain/letter.ts addressLock "signed"). */
    slugFixedSigned:
      "La dirección ya no puede cambiar: esta carta tiene firmas (añadidas a mano o importadas), y su registro menciona la dirección.",
    slugHint:
      "Palabras en minúsculas unidas por guiones: la carta estará en /letters/su-direccion. Si la deja vacía, se crea a partir del título. Puede cambiarla hasta que la carta se publique o reciba su primera firma.",
    languageHint:
      "El idioma en que está escrito este texto. Con los cuatro primeros, las páginas públicas están enteramente en ese idioma; con los demás, los botones y etiquetas alrededor de la carta están en inglés.",
    chooseLanguage: "Elija un idioma",
    interfaceLanguages: "Páginas públicas enteramente en este idioma",
    otherLanguages: "Otros idiomas",
    addresseeHint: "Una línea por cada línea de la dirección, tal como debe imprimirse.",
    bodyHint:
      "Markdown: una línea en blanco entre párrafos, `**negrita**`, `*cursiva*`, `[un enlace](https://…)`, `## Un título`. Como máximo 100.000 caracteres.",
    summaryHint:
      "Para buscadores y vistas previas de enlaces, como máximo 300 caracteres. Si lo deja vacío, se usa el primer párrafo.",
    confirmHint:
      "Las firmas confirmadas solo cuentan cuando la persona hace clic en el enlace que le enviamos por correo.",
    confirmDefault: "Por correo si el sitio envía correos (predeterminado)",
    confirmYes: "Confirmar siempre por correo",
    confirmNo: "Contar las firmas de inmediato",
    reviewOrganizations: "Las firmas de organizaciones esperan la aprobación de un organizador antes de contar",
    optional: (label: string) => `${label} (opcional)`,
    closesAtLabel: "Fecha y hora",
    closesAtHint:
      "Según los relojes de la zona horaria de abajo. Las firmas se cierran solas en ese momento; la página pública lo muestra con su zona.",
    timeZoneHint: "Ordenadas por país y luego por ciudad.",
    create: "Crear el borrador",
    save: "Guardar",
    preview: "Vista previa",
    signedHint:
      "Hay personas que ya firmaron esta carta: si guarda un cambio en el texto, la página pública muestra «Actualizada el …», y cada versión queda en su historial.",
    previewHint:
      "La página pública tal como se verá. Pulse «Vista previa» para ver sus cambios (sigue lo que escribe cuando JavaScript está activado).",
    previewReadHint: "La página pública de la carta, tal como la ven sus lectores.",
    previewFrame: "Vista previa de la página pública",
    nothingToPreview: "Todavía no hay nada que mostrar",
    shareTitle: "Compartir el borrador",
    shareText:
      "Cualquier persona con este enlace puede leer el borrador (no aparece en ningún listado y se pide a los buscadores que no lo incluyan):",
    previewLink: "Enlace de vista previa",
    copyPreviewLink: "Copiar el enlace",
    previewLinkCopied: "Copiado: péguelo en su mensaje.",
    previewLinkCopyFailed:
      "Este navegador no pudo copiarlo: el enlace está seleccionado, cópielo con el teclado (Ctrl+C, o ⌘C en un Mac).",
    newPreviewLink: "Nuevo enlace de vista previa",
    newPreviewLinkHint:
      "Si el enlace llegó a quien no debía, cree uno nuevo: el de arriba deja de funcionar en ese momento. Envíe el nuevo a quienes todavía deban leer el borrador.",
    historyTitle: "Historial del texto",
    current: " (actual)",
    revisionPublished: (signatures: number) =>
      `publicada, con ${plural(L, signatures, { one: "# firma", other: "# firmas" })} en ese momento`,
    /** A version saved in a draft, made public when the letter was published: `when`, the catalog's `time`. */
    revisionPublishedLater: (when: string, signatures: number) =>
      `guardada como borrador; publicada el ${when}, con ${plural(L, signatures, { one: "# firma", other: "# firmas" })} en ese momento`,
    revisionDraft: "borrador",
    revisionIn: (language: string) => `en ${language}`,
    previewDraftNotice: "Vista previa de un borrador: así se verá la página una vez publicada. No es pública.",
    previewStoredNotice: "Vista previa: la página pública tal como está ahora.",
    previewNotice: "Vista previa: así se ve la página pública con estos cambios.",
  },

  translations: {
    title: "Traducciones",
    hint: (language: string) =>
      `Cada traducción tiene su propio título y texto; las firmas se cuentan una sola vez, en el idioma en que se hicieron. Esta carta está escrita en ${language}.`,
    edit: (language: string) => `Editar la traducción al ${language}`,
    itsPublicPage: "su página pública",
    translate: (language: string) => `Traducir al ${language}`,
  },

  translationEditor: {
    pageTitle: (language: string, title: string) => `${language}: ${title}`,
    existing: (language: string) => `Traducción al ${language}`,
    new: (language: string) => `Nueva traducción al ${language}`,
    hint: (address: string) =>
      `Los lectores eligen el idioma en la página de la carta (o lo elige su navegador): ${address}. Las firmas se cuentan una sola vez, sea cual sea el idioma en que se hicieron.`,
    addresseeHint: "Una línea por cada línea de la dirección.",
    bodyHint: "Markdown, como en el original, como máximo 100.000 caracteres.",
    summaryHint: "Opcional: si está vacío, se usa el primer párrafo.",
    save: "Guardar la traducción",
    previewFrame: "Vista previa de la página pública traducida",
    original: (language: string) => `El original (${language})`,
    deleteTitle: "Eliminar esta traducción",
    deleteText: (language: string) =>
      `Quienes lean en ${language} verán el original en su lugar. Las firmas no se ven afectadas.`,
    deleteButton: (language: string) => `Eliminar la traducción al ${language}`,
    saved: "La traducción se guardó.",
    deleteQuestion: (language: string) => `¿Eliminar la traducción al ${language}?`,
    deleteConsequences: (language: string, address: string) => [
      `Su título y su texto en ${language} se eliminan definitivamente; su dirección pública (${address}) responde «no encontrada».`,
      "Las firmas no se ven afectadas: se cuentan una sola vez, sea cual sea el idioma en que se hicieron.",
    ],
    deleteConfirm: "Eliminar la traducción",
  },

  stage: {
    title: "Etapa",
    draft: "Borrador: solo la ven los organizadores y las personas a quienes dé el enlace de vista previa.",
    open: "Abierta: publicada y recibiendo firmas.",
    closed: "Cerrada: publicada; ya no se puede firmar.",
    delivered: "Entregada: publicada, cerrada y con su nota de entrega.",
    closesOn: "Las firmas se cierran el",
    deliveredOn: "Entregada el",
    publish: "Publicar: abrir a las firmas",
    close: "Cerrar las firmas ahora",
    reopen: "Volver a abrir a las firmas",
    unpublish: "Volver a borrador",
    correctDelivery: "Corregir la entrega",
    markDelivered: "Marcar como entregada",
    deliveryHint: "Al entregarla se cierran las firmas. Cada nota se muestra en la página pública de su idioma.",
    deliveredOnHint: (today: string, place: string | null) =>
      `Hoy (${today}, ${place ? `hora de ${place}` : "UTC"}) o antes.`,
    saveDelivery: "Guardar la entrega",
    noteLabel: (language: string) => `Nota pública en ${language}`,
    noteExample: "Por ejemplo: Entregada a la OEA el 20 de diciembre de 2017.",
    noteHint: (language: string, original: string) =>
      `Se muestra en la página en ${language}; si la deja vacía, esa página muestra la nota en ${original}.`,
    deleteTitle: "Eliminar este borrador",
    deleteText: "El borrador y su historial se eliminan definitivamente.",
    deleteButton: "Eliminar el borrador",
    closeQuestion: (title: string) => `¿Cerrar ahora las firmas de «${title}»?`,
    closeConsequences: [
      "El formulario para firmar desaparece de inmediato de la página pública, de la tarjeta y de la API: ya nadie puede firmar.",
      "Las firmas ya hechas se quedan como están; quienes aún esperan su correo de confirmación no podrán confirmar.",
      "Puede volver a abrirla más tarde, hasta que la marque como entregada.",
    ],
    closeConfirm: "Cerrar las firmas ahora",
    pastCloseQuestion: (title: string) =>
      `¿Guardar una hora de cierre ya pasada y cerrar ahora las firmas de «${title}»?`,
    pastCloseConsequences: (moment: string) => [
      `La hora de cierre que indicó, ${moment}, ya pasó: al guardarla, las firmas se cierran de inmediato.`,
      "El formulario para firmar desaparece de la página pública, de la tarjeta y de la API: ya nadie puede firmar.",
      "Las firmas ya hechas se quedan como están; quienes aún esperan su correo de confirmación no podrán confirmar.",
      "Sus demás cambios se guardan a la vez. No se guarda nada hasta que lo confirme.",
    ],
    pastCloseConfirm: "Guardar y cerrar las firmas ahora",
    pastCloseRevise: "No, cambiar la hora de cierre",
    unpublishQuestion: (title: string) => `¿Devolver «${title}» a borrador?`,
    unpublishConsequences: [
      "La carta deja de ser pública de inmediato: su página, su tarjeta, su JSON y sus canales responden «no encontrada».",
      "Los enlaces ya compartidos dejan de funcionar hasta que la vuelva a publicar.",
    ],
    unpublishConfirm: "Devolverla a borrador",
    deleteQuestion: (title: string) => `¿Eliminar el borrador «${title}»?`,
    deleteConsequences: [
      "El borrador, su texto, sus traducciones y su historial se eliminan definitivamente.",
      "No se puede deshacer.",
    ],
    deleteConfirm: "Eliminar el borrador definitivamente",
    unknownChange: "Cambio desconocido",
  },

  done: {
    notifications: "Se guardaron las notificaciones.",
    "translation-deleted": "La traducción se eliminó.",
    created: "El borrador se guardó. Publíquelo cuando esté listo.",
    saved: "Guardado.",
    publish: "Publicada: la carta está abierta a las firmas.",
    close: "Las firmas están cerradas.",
    reopen: "La carta vuelve a estar abierta a las firmas.",
    deliver: "La carta está marcada como entregada.",
    unpublish: "La carta vuelve a ser un borrador: ya no es pública.",
    previewLink: "Hay un nuevo enlace de vista previa. El anterior ya no funciona.",
  },

  revision: {
    title: (when: string, title: string) => `Versión del ${when}: ${title}`,
    back: "Volver a la carta",
    savedPublished: (when: string, signatures: number) =>
      `El texto tal como se guardó el ${when}: publicado, con ${plural(L, signatures, { one: "# firma", other: "# firmas" })} en ese momento.`,
    /** `published`: when the letter's publication made this draft's text public (the catalog's `time`). */
    savedPublishedLater: (when: string, published: string, signatures: number) =>
      `El texto tal como se guardó el ${when}, en un borrador: publicado con la carta el ${published}, con ${plural(L, signatures, { one: "# firma", other: "# firmas" })} en ese momento.`,
    savedDraft: (when: string) => `El texto tal como se guardó el ${when}: un borrador que nunca se hizo público.`,
  },

  exports: {
    title: "Exportar",
    listed: "Las firmas de esta lista, como hoja de cálculo (CSV)",
    confirmed: "Las firmas confirmadas, como hoja de cálculo (CSV)",
    every: "Todas las firmas, en cualquier estado, como hoja de cálculo (CSV)",
    delivery: "Documento de entrega: la carta y sus firmantes, listo para imprimir o guardar como PDF",
  },

  csv: {
    signatures: {
      kind: "Tipo",
      name: "Nombre",
      organization: "Organización o afiliación",
      title: "Cargo",
      city: "Ciudad",
      countryCode: "Código de país",
      country: "País",
      website: "Sitio web",
      contactName: "Persona de contacto",
      contactRole: "Cargo del contacto",
      email: "Correo",
      authorizedAt: "Autorizada el",
      verification: "Verificación",
      verifiedAt: "Verificada el",
      verifiedDomain: "Dominio verificado",
      status: "Estado",
      public: "Pública",
      channel: "Canal",
      import: "Importación",
      source: "Origen",
      flag: "Señalada por",
      signedAt: "Firmada el",
      confirmedAt: "Confirmada el",
      position: "Orden",
    },
    activityTime: "Fecha",
    activityDetail: "Detalle",
    fileNames: {
      signatures: {
        all: "todas-las-firmas",
        unconfirmed: "firmas-sin-confirmar",
        in_review: "firmas-en-revision",
        confirmed: "firmas-confirmadas",
        rejected: "firmas-rechazadas",
        hidden: "firmas-ocultas",
        withdrawn: "firmas-retiradas",
      },
      filtered: "filtradas",
      activity: "actividad",
      refused: "filas-rechazadas",
    },
  },

  kept: {
    filesNote:
      "El navegador no puede conservar un archivo que eligió: una vez enviado esto, vuelva a elegir el archivo en la página a la que lleva.",
    endedTitle: "Su sesión terminó",
    endedHeading: "Su sesión terminó: lo que escribió se conserva",
    endedText:
      "Todavía no se guardó nada, y nada se perdió: lo que envió está guardado en esta página. Mantenga esta pestaña abierta.",
    logInAgain: "Vuelva a iniciar sesión en una pestaña nueva",
    orAnotherWindow: "(o en otra ventana).",
    comeBack: "Vuelva a esta pestaña y pulse «Enviar de nuevo». Verá lo que se va a enviar antes de enviarlo.",
    sendAgain: "Enviar de nuevo",
    resumeTitle: "Enviar lo que escribió",
    resumeHeading: "Ha vuelto a iniciar sesión",
    resumeText: "Pulse «Enviar» para enviar lo que escribió antes de que terminara su sesión, tal como lo escribió.",
    staleHeading: "Esta página es de antes de su último inicio de sesión",
    staleText:
      "Volvió a iniciar sesión después de abrir esta página (en otra pestaña o en otro dispositivo), así que todavía no se hizo nada. Revise lo que se enviará y pulse «Enviar».",
    missingHeading: "Todavía no se hizo nada: envíelo de nuevo",
    missingText:
      "El formulario llegó sin su código de seguridad (una copia antigua de la página, o algo del navegador lo quitó), así que no se hizo nada. Revise lo que se enviará y pulse «Enviar».",
    whatWillBeSent: "Lo que se enviará",
    fields: {
      name: "Nombre",
      email: "Correo electrónico",
      role: "Rol",
      reason: "Motivo",
      label: "Descripción",
      paste: "Texto pegado",
      webhook_url: "Dirección del webhook",
      delivered_on: "Fecha de entrega",
      delivery_note: "Nota de entrega",
      language: "Idioma",
    },
    otherField: "Otro campo",
    send: "Enviar",
    dontSend: "No enviarlo",
  },

  notifications: {
    title: "Notificaciones",
    webhookUrl: "Dirección del webhook",
    summaryEmail: "Resumen diario",
    webhookLabel: "Enviar cada firma nueva a otro sistema (opcional)",
    webhookHint:
      "Pegue la dirección que le da su CRM o su herramienta de automatización para recibir webhooks (empieza por https://). Cada vez que una firma empieza a contar, sus datos se envían allí en menos de un minuto; si ese sistema no responde, se reenvían durante unas cuatro horas. Déjelo vacío para no enviar nada.",
    includeEmail:
      "Enviar también las direcciones de correo de quienes firman (solo si su carta les dice que ese sistema las guardará)",
    secretLabel: "Secreto que prueba que un envío salió de aquí",
    secretHint:
      "Déselo a quien configuró el sistema que recibe, y a nadie más. Para esa persona: los envíos se firman como indica Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), así que cualquier biblioteca de Standard Webhooks los comprueba con este secreto.",
    /** Under the secret when it was made before Standard Webhooks (domain/webhook.ts isLegacyWebhookSecret). Text between backticks is shown as code. */
    legacySecretHint:
      "Los sistemas configurados antes de que los envíos siguieran Standard Webhooks pueden seguir comprobando `X-Undersigned-Signature` con este secreto tal como se mostraba entonces: esa cabecera se sigue enviando hasta que guarde un secreto nuevo.",
    summaryLabel: "Enviar el resumen diario a (opcional)",
    summaryHint: (at: string, zone: string) => {
      // "a la 1:00", "a las 7:00".
      const at_ = (clock: string) => `${/^1:/.test(clock) ? "a la" : "a las"} ${clock}`;
      const utc = `${at_(formatClock(at, "UTC", L))} UTC`;
      const place = timeZonePlace(zone, L);
      const when = place ? `${at_(formatClock(at, zone, L))} (hora de ${place}), es decir, ${utc},` : utc;
      return `Un correo cada día ${when} con las firmas nuevas de las últimas 24 horas y lo que espera revisión.`;
    },
    save: "Guardar las notificaciones",
    saveWithNewSecret: "Guardar con un secreto nuevo",
    sendTest: "Hacer un envío de prueba",
    sendTestHint: (url: string) =>
      `Envía un ejemplo a ${url}, firmado como uno real pero sin ninguna firma dentro, y muestra lo que respondió ese sistema.`,
    deliveriesCaption: "Últimas firmas enviadas al otro sistema",
    delivery: "Envío",
    queued: "En cola desde",
    outcome: "Resultado",
    tries: "Intentos",
    lastAnswer: "Última respuesta",
    states: {
      pending: "se volverá a intentar",
      delivered: "entregado",
      failed: "abandonado",
      skipped: "omitido (ya no cuenta)",
    },
    nextTry: (time: string) => `; próximo intento: ${time}`,
    testTitle: (title: string) => `Envío de prueba: ${title}`,
    backTo: (title: string) => `← Notificaciones de «${title}»`,
    testTaken: "El envío de prueba fue recibido",
    testFailed: "El envío de prueba no llegó",
    sentTo: (url: string) => `Enviado a ${url}.`,
    status: "Estado",
    answer: "Su respuesta",
    answerBeginning: "Su respuesta (el comienzo)",
    empty: "(vacía)",
    sendAnother: "Hacer otro envío de prueba",
    back: "Volver a las notificaciones",
    rotateQuestion: "¿Reemplazar el secreto con el que se firman los envíos del webhook?",
    rotateConsequences: [
      "El secreto anterior deja de funcionar de inmediato: todos los envíos a partir de ahora se firman con el nuevo.",
      "Su servidor receptor los rechazará hasta que le dé el secreto nuevo, que aparecerá después en la página de la carta.",
      "Los demás ajustes de notificaciones se guardan tal como los dejó.",
    ],
    rotateConfirm: "Guardar con un secreto nuevo",
    answeredStatus: (status: number) => `La dirección respondió ${status}.`,
    failures: {
      timeout: (seconds: number) => `El sistema receptor no respondió en ${formatNumber(seconds, L)} segundos.`,
      tls: "No se pudo confiar en la conexión segura del sistema receptor: su certificado HTTPS falta, caducó o está a nombre de otra dirección.",
      network: "No se pudo llegar a la dirección: ningún sistema respondió allí, o falló su conexión segura.",
      refused:
        "No se envió nada: esta dirección ya no se acepta (debe empezar por https:// y nombrar un servidor público, sin dirección IP, puerto, usuario ni contraseña).",
    },
    testAdvice: {
      timeout: "Compruebe que el sistema receptor está en marcha y que responde en cuanto recibe el envío.",
      tls: "Pida a quien gestiona el sistema receptor que renueve o corrija su certificado.",
      network:
        "Revise que la dirección no tenga errores, que el sistema receptor esté en marcha y que su certificado HTTPS sea válido.",
      refused: "Guarde la dirección https:// pública del sistema que recibe y envíe otra prueba.",
    },
    testAnswered: (status: number) => {
      if (status >= 200 && status <= 299) return `Respondió ${status}: aceptó el envío. Los envíos reales le llegarán.`;
      if (status >= 300 && status <= 399)
        return `Respondió ${status}, una redirección: los envíos nunca se redirigen. Guarde en su lugar la dirección a la que redirige.`;
      if (status === 401 || status === 403)
        return `Respondió ${status}: rechazó el envío. Compruebe que tiene el secreto actual de esta carta.`;
      if (status === 404) return "Respondió 404: no hay nada en esa dirección. Revise que no tenga errores.";
      if (status >= 500)
        return `Respondió ${status}: su servidor tuvo un problema. Los envíos reales se volverían a intentar durante unas cuatro horas.`;
      return `Respondió ${status}: no aceptó el envío. Los envíos reales se volverían a intentar durante unas cuatro horas.`;
    },
  },

  roles: {
    yours: "Su rol:",
    names: { owner: "Propietario", editor: "Editor", moderator: "Moderador", viewer: "Lector" },
    may: {
      owner:
        "Puede hacerlo todo: redactar y publicar cartas, moderar y exportar firmas, y gestionar personas, webhooks y ajustes.",
      editor:
        "Puede redactar cartas y sus traducciones, publicarlas, cerrarlas y entregarlas, y ordenar las organizaciones. Los datos personales de quienes firman son de los moderadores.",
      moderator:
        "Puede revisar, aprobar, ocultar y restaurar firmas, añadirlas a mano, importarlas y exportarlas. Cambiar el texto o la etapa de una carta es de los editores.",
      viewer:
        "Puede leer las cartas, sus etapas y recuentos, y descargar el documento de entrega. Los datos personales de quienes firman y cualquier cambio son de otros roles.",
    },
    readOnlyLetter: "Su rol puede leer esta carta; cambiar su texto o su etapa corresponde a editores y propietarios.",
    signatureCounts: (counted: number, waiting: number) =>
      `Firmas: ${plural(L, counted, { one: "# contada", other: "# contadas" })}, ${formatNumber(waiting, L)} en espera`,
  },

  people: {
    title: "Personas",
    intro: "Todas las personas que pueden entrar en esta área de organizadores, y lo que cada una puede hacer.",
    rolesSummary: "Lo que puede hacer cada rol",
    roleDoes: {
      owner: "todo — personas, ajustes, webhooks, cartas y firmas",
      editor: "las cartas — texto, traducciones, etapas, orden de las organizaciones",
      moderator: "las firmas — revisar, ocultar, restaurar, añadir a mano, importar, exportar",
      viewer: "lee las cartas y los recuentos; ningún dato personal",
    },
    caption: "Personas con una cuenta",
    name: "Nombre",
    email: "Correo",
    role: "Rol",
    status: "Estado",
    lastSignIn: "Última entrada",
    actions: "Acciones",
    you: " (usted)",
    noEmail: "— (entra con la clave de administración)",
    bootstrapName: "Propietario (clave de administración)",
    nameOf: (person: NamedPerson) => (isUnrenamedBootstrap(person) ? es.people.bootstrapName : person.name),
    roleOf: (name: string) => `Rol de ${name}`,
    change: "Cambiar",
    changeRoleOf: (name: string) => ` el rol de ${name}`,
    statuses: { active: "cuenta activa", invited: "invitación enviada", disabled: "cuenta desactivada" },
    never: "nunca",
    resend: "Reenviar la invitación",
    resendTo: (name: string) => ` a ${name}`,
    enable: "Reactivar",
    disable: "Desactivar",
    inviteHeading: "Invitar a un colega",
    labels: { name: "Nombre", email: "Dirección de correo", role: "Rol", language: "Idioma de la persona invitada" },
    nameHint: "Cómo la nombrarán sus colegas y el registro de actividad.",
    emailHint: "La invitación llega a esa dirección, y con ella entrará. Solo la ven los propietarios.",
    languageHint:
      "La invitación se escribe en este idioma, y su área de organizadores se abre en él. Podrá cambiarlo después con los botones de idioma.",
    send: "Enviar la invitación",
    linkLasts: (days: number) =>
      plural(L, days, {
        one: "El enlace del correo funciona una sola vez, durante # día.",
        other: "El enlace del correo funciona una sola vez, durante # días.",
      }),
    done: {
      invited: "La invitación se envió. Su enlace funciona una sola vez, durante 7 días.",
      "not-sent":
        "La cuenta está creada, pero no se pudo enviar el correo. Pruebe «Reenviar la invitación» dentro de un momento.",
      resent: "Se envió una nueva invitación; el enlace anterior ya no funciona.",
      role: "El rol se cambió. Se aplica a partir de su próxima página.",
      disabled: "La cuenta está desactivada: sus sesiones se cerraron y ya no puede entrar.",
      enabled: "La cuenta está activa de nuevo. Entrará con un enlace enviado a su dirección.",
    },
    exists: (email: string, name: string, disabled: boolean) =>
      `${email} ya tiene una cuenta (${name}${disabled ? ", desactivada" : ""}).`,
    disableQuestion: (name: string) => `¿Desactivar a ${name}?`,
    disableConsequences: [
      "Su sesión se cierra al instante en todas partes, y sus enlaces para entrar dejan de funcionar.",
      "No podrá entrar hasta que un propietario vuelva a activar la cuenta.",
      "Lo que hizo queda en los registros con su nombre.",
    ],
    /** In place of Disable and the role's choice, for the last active owner (app/organizer-accounts.ts lastOwners). */
    lastOwner:
      "Último propietario activo: no se puede desactivar ni cambiar de rol hasta que haya otro propietario activo.",
    /** In place of the invitation form, when no mailer is set up. */
    noMailer:
      "Este sitio todavía no puede enviar correos, así que no se puede invitar a nadie: pida a quien lo administra que configure el envío (MAILER, RESEND_API_KEY y MAIL_FROM).",
    disableConfirm: (name: string) => `Desactivar a ${name}`,
  },

  account: {
    title: "Su cuenta",
    email: "Correo",
    noEmail: "ninguno: esta cuenta entra con la clave de administración",
    role: "Rol",
    nameHeading: "Su nombre",
    nameLabel: "Su nombre",
    nameHint: "Cómo le nombran sus colegas y el registro de actividad.",
    saveName: "Guardar el nombre",
    sessionsHeading: "Dónde tiene la sesión abierta",
    noSessions: "Ninguna sesión: usted llega a esta área por el acceso de su organización (Cloudflare Access).",
    caption: "Sus sesiones, las más recientes primero",
    device: "Dispositivo",
    signedIn: "Entrada",
    lastActive: "Última actividad",
    activeNow: "ahora mismo",
    with: "Con",
    actions: "Acciones",
    unknownDevice: "Navegador desconocido",
    deviceOn: (browser: string, system: string) => `${browser} en ${system}`,
    thisOne: " (esta)",
    via: {
      "admin-token": "la clave de administración",
      "magic-link": "un enlace por correo",
      passkey: "una llave de acceso",
    },
    logOutHere: "Cerrar sesión aquí",
    end: "Cerrar",
    whichSession: (device: string, since: string) => ` la sesión en ${device} desde el ${since}`,
    logOutEverywhere: "Cerrar sesión en todas partes",
    logOutEverywhereHint: " Cierra todas las sesiones de arriba, también esta: úselo si perdió un dispositivo.",
    passkeysHeading: "Llaves de acceso",
    passkeysText: "Entre con la huella, el rostro o el PIN de su dispositivo en lugar de un enlace por correo.",
    passkeysLink: "Sus llaves de acceso",
    tokensHeading: "Tokens de API",
    tokensText: "Tokens para los programas que usan la API de organizadores con su rol.",
    tokensLink: "Sus tokens de API",
    done: { name: "Su nombre se guardó.", ended: "Esa sesión se cerró." },
  },

  signInLinks: {
    sentTitle: "Revise su correo",
    sent: (minutes: number) =>
      `Si esa dirección pertenece a un organizador, le llegará un enlace. Le permite entrar una sola vez, durante ${plural(L, minutes, { one: "# minuto", other: "# minutos" })}.`,
    nothingArrived:
      "¿No llegó nada después de unos minutos? Mire en la carpeta de correo no deseado, o revise la dirección y vuelva a pedirlo. Para proteger su buzón, se envían como máximo 3 enlaces a una dirección desde un mismo lugar en 15 minutos: después, espere un cuarto de hora.",
    tooManyTitle: "No se envió ningún enlace",
    /** A request past the limits (app/organizer-accounts.ts admitSignInLinkRequest): `seconds` to wait. */
    tooMany: (seconds: number) =>
      `Se pidieron demasiados enlaces de acceso para esta dirección o desde su conexión en poco tiempo, así que ahora no se envió ninguno. Vuelva a pedirlo dentro de ${seconds < 60 ? plural(L, seconds, { one: "# segundo", other: "# segundos" }) : plural(L, Math.ceil(seconds / 60), { one: "# minuto", other: "# minutos" })}. Un enlace enviado antes sigue funcionando durante 15 minutos desde su envío.`,
    backToLogin: "Volver a la página de entrada",
    acceptTitle: "Aceptar la invitación",
    signInTitle: "Entrar",
    welcome: (name: string) => `Le damos la bienvenida, ${name}`,
    signInAs: (name: string) => `Entrar como ${name}`,
    invitedAs: (role: string, does: string) => `Le invitan al área de organizadores con el rol de ${role}: ${does}.`,
    accept: "Aceptar y entrar",
    signIn: "Entrar",
    onceOnly: "El enlace funciona una sola vez. Si usted no lo pidió, cierre esta página.",
    expiredInvitation: "Esta invitación ha caducado",
    expiredLink: "Este enlace para entrar ha caducado",
    usedInvitation: "Esta invitación ya se usó",
    usedLink: "Este enlace para entrar ya se usó",
    unknown: "Este enlace no funciona",
    replacedInvitation: "Esta invitación fue reemplazada por una más reciente",
    replacedLink: "Este enlace para entrar fue reemplazado por uno más reciente",
    useLatest: "Use el enlace del correo más reciente que le enviamos: cada nuevo envío reemplaza a los anteriores.",
    joinedAlready: "Ya se unió al equipo",
    joinedSaid:
      "Esta invitación dejó de funcionar cuando entró por primera vez. De ahora en adelante, entre desde la página de entrada.",
    supersededLink: "Este enlace para entrar ya no funciona",
    supersededSaid:
      "Después de que le enviamos este enlace, usted entró con otro: en cuanto se usa uno de sus enlaces, los demás dejan de funcionar.",
    withdrawnInvitation: "Esta invitación fue retirada",
    withdrawnLink: "Se retiró su acceso al área de organizadores",
    withdrawnSaid:
      "Un propietario del área de organizadores retiró el acceso de esta cuenta. Si cree que es un error, consulte a la persona que le invitó.",
    restoredInvitation: "Esta invitación ya no funciona",
    restoredLink: "Este enlace para entrar ya no funciona",
    restoredSaid:
      "Dejó de funcionar cuando se retiró el acceso de esta cuenta al área de organizadores. Desde entonces se le ha devuelto el acceso.",
    invitationsLast: (days: number) =>
      plural(L, days, { one: "Las invitaciones valen # día.", other: "Las invitaciones valen # días." }),
    linksLast: (minutes: number) =>
      plural(L, minutes, {
        one: "Los enlaces para entrar valen # minuto.",
        other: "Los enlaces para entrar valen # minutos.",
      }),
    onceAndActive: "Cada enlace funciona una sola vez, y solo para una cuenta activa.",
    askOwner:
      "Pida al propietario que le invitó que le envíe una nueva invitación o, si ya la aceptó, pida un enlace para entrar.",
    askAgain: "Pida uno nuevo (como máximo 3 en 15 minutos).",
    newLink: "Envíenme un nuevo enlace para entrar",
    toLogin: "Ir a la página de entrada",
  },

  mail: {
    signInSubject: (site: string) => `Su enlace para entrar en ${site}`,
    signIn: (p: { name: string; site: string; minutes: number; link: string }) => [
      `Hola, ${p.name}:`,
      "",
      `Abra este enlace para entrar en el área de organizadores de ${p.site}. Funciona una sola vez, durante ${plural(L, p.minutes, { one: "# minuto", other: "# minutos" })}:`,
      "",
      p.link,
      "",
      "Si usted no lo pidió, ignore este correo: nadie puede entrar sin el enlace.",
    ],
    anOwner: "Un propietario",
    invitationSubject: (invitedBy: string, site: string) =>
      `${invitedBy} le invita al área de organizadores de ${site}`,
    invitation: (p: {
      name: string;
      invitedBy: string;
      site: string;
      role: string;
      does: string;
      days: number;
      link: string;
    }) => [
      `Hola, ${p.name}:`,
      "",
      `${p.invitedBy} le invita a ayudar a gestionar las cartas de ${p.site}, con el rol de ${p.role} (${p.does}).`,
      "",
      `Abra este enlace para aceptar. Funciona una sola vez, durante ${plural(L, p.days, { one: "# día", other: "# días" })}:`,
      "",
      p.link,
      "",
      "Más adelante, entre con un enlace enviado a esta dirección desde la página de entrada del área de organizadores.",
      "Si no esperaba esta invitación, ignore este correo.",
    ],
  },

  summaryMail: {
    subject: (counted: number, title: string) =>
      `${counted > 0 ? `+${formatNumber(counted, L)}` : "Ninguna firma nueva"} · ${title}`,
    text: (p: {
      title: string;
      total: number;
      counted: number;
      waiting: number;
      flagged: number;
      adminUrl: string | null;
    }) => [
      `En las últimas 24 horas en «${p.title}»:`,
      "",
      `- ${plural(L, p.counted, { one: "# firma nueva contada", other: "# firmas nuevas contadas" })} (${plural(L, p.total, { one: "# firma", other: "# firmas" })} en total)`,
      `- ${plural(L, p.waiting, { one: "# firma espera", other: "# firmas esperan" })} su revisión`,
      `- ${plural(L, p.flagged, { one: "# firma nueva se marcó", other: "# firmas nuevas se marcaron" })} como sospechosa${p.flagged === 1 ? "" : "s"}`,
      "",
      ...(p.adminUrl ? ["Revíselas:", p.adminUrl, ""] : []),
      "Recibe este correo porque su dirección figura como destinataria del resumen diario de esta carta en el área de organizadores.",
    ],
  },

  tokens: {
    title: "Tokens de API",
    intro:
      "Un programa (un script de hoja de cálculo, su base de contactos) puede usar la API de organizadores en su nombre con un token. Puede hacer lo que puede hacer su rol, y deja de funcionar cuando usted lo revoca o cuando se elimina su cuenta.",
    usage: "Envíelo con cada solicitud a `/admin/api/…` en la cabecera `Authorization: Bearer <token>`.",
    newTitle: "Su nuevo token",
    newWarning: "Cópielo ahora y guárdelo en un lugar seguro: solo se guarda su huella y no se volverá a mostrar.",
    newLabel: (label: string) => `Token para «${label}»`,
    copy: "Copiar el token",
    copied: "Copiado: péguelo donde su programa guarda su configuración.",
    copyFailed:
      "Este navegador no pudo copiarlo: el token está seleccionado, cópielo con el teclado (Ctrl+C, o ⌘C en un Mac).",
    createTitle: "Crear un token",
    labelLabel: "Para qué sirve",
    labelHint: "Un nombre que le indique dónde se usa el token, como «Hoja de cálculo de firmas».",
    labelMissing: "Indique para qué sirve el token, en 100 caracteres como máximo.",
    create: "Crear el token",
    listTitle: "Sus tokens",
    caption: "Sus tokens que funcionan, los más recientes primero",
    none: "No tiene tokens.",
    label: "Para",
    created: "Creado",
    lastUsed: "Último uso (con precisión de una hora)",
    neverUsed: "Nunca",
    /**
     * A token's last use, noted to the hour (storage/api-tokens.ts touchApiToken): the hour's start,
     * a moment in the reader's time zone (the area's `time`).
     */
    usedInHour: (time: string) => `En la hora a partir de ${time}`,
    /** Owners only: the link to People (each person's role). */
    whoMayDoWhat: "Quién puede hacer qué: Personas",
    routesListed:
      "Las rutas que un token puede llamar, con lo que responden y sus errores, están en el README, en la tabla de la API JSON de los organizadores.",
    actions: "Acciones",
    revoke: "Revocar",
    revokeNamed: (label: string) => `Revocar el token para «${label}»`,
    revokeQuestion: (label: string) => `¿Revocar el token para «${label}»?`,
    revokeConsequences: [
      "Los programas que lo usan serán rechazados de inmediato.",
      "No se puede deshacer: cree un token nuevo si lo vuelve a necesitar.",
    ],
    revoked: "El token está revocado: ya no funciona.",
    gone: "Ese token no es suyo, o ya estaba revocado.",
    goneTitle: "Token no encontrado",
    adminTokenAccountTitle: "No disponible para la cuenta de la clave de administración",
    adminTokenAccount:
      "La cuenta de la clave de administración no puede tener tokens de API: seguirían funcionando después de cambiar la clave. Invítese a sí mismo por correo como propietario (Personas), entre con esa cuenta y cree los tokens allí.",
    tooMany: (limit: number) => `Ya tiene ${limit} tokens: revoque primero uno que ya no use.`,
  },

  signatures: {
    title: (title: string) => `Firmas: ${title}`,
    heading: "Firmas",
    actions: { approve: "Aprobar", reject: "Rechazar", hide: "Ocultar", restore: "Restaurar" },
    statuses: {
      unconfirmed: "esperando la confirmación por correo",
      in_review: "esperando revisión",
      confirmed: "contada",
      rejected: "rechazada",
      hidden: "oculta",
      withdrawn: "retirada",
    },
    channels: {
      initial: "archivo de la carta",
      form: "formulario para firmar",
      api: "API",
      manual: "añadida a mano",
      import: "importada",
    },
    flags: {
      "many-from-one-connection": (count: number, minutes: number) =>
        `${count} firmas o más desde una misma conexión en ${minutes} minutos`,
      "many-from-one-email-domain": (count: number, minutes: number) =>
        `${count} firmas o más desde un mismo dominio de correo (que no es un webmail) en ${minutes} minutos`,
      "organization-domain-taken": "el dominio de correo de su contacto ya verifica a otra organización de esta carta",
    },
    flagged: (reason: string) => `señalada: ${reason}`,
    verifiedByOrganizers: (on: string) => `Verificada por los organizadores el ${on}`,
    verifiedByDomain: (on: string, domain: string) =>
      `Verificada por dominio de correo el ${on}: su contacto confirmó una dirección en ${domain}`,
    itsWebsiteDomain: "el dominio de su sitio web",
    authorizedOn: (on: string) => `Autorización: declarada el ${on}`,
    authorizedByOrganizers: "Autorización: añadida por los organizadores",
    authorizedNotStated: "Autorización: no declarada (firmó antes de que se pidiera la declaración)",
    contact: (contact: string) => `Contacto: ${contact}`,
    noContact: "no indicado",
    website: "Sitio web:",
    notVerified: "sin verificar",
    removingForgets: (domain: string) => ` Al quitar la marca, se olvida ${domain} para esta organización.`,
    importedFrom: (name: string) => `Importada de ${name}`,
    importNumber: (id: number) => `la importación ${id}`,
    organization: "Organización",
    individual: "Persona",
    signedAt: "firmó el",
    sharedTitle: "¿Firmó dos veces desde el mismo buzón?",
    sharedText:
      "Estas firmas se hicieron antes de que las firmas se compararan por buzón. Cada par viene de un mismo buzón escrito de dos formas (con y sin puntos en una dirección de Gmail, con una +etiqueta, googlemail.com en lugar de gmail.com, o con mayúsculas). Las dos siguen como estaban: no se quitó ni se descontó nada. Si una persona firmó dos veces, oculte una de las dos.",
    sharedCaption: "Pares de firmas desde un mismo buzón",
    signature: "Firma",
    sameMailboxAs: "Mismo buzón que",
    onlyFirstPairs: (count: number) =>
      plural(L, count, { one: "Solo se muestra el primer par.", other: "Solo se muestran los primeros # pares." }),
    select: (name: string) => `Seleccionar ${name}`,
    notListed: " · no aparece en la lista pública",
    none: "ninguno",
    email: "Correo",
    status: "Estado",
    cameThrough: "Llegó por",
    signed: "Firmó",
    actionsColumn: "Acciones",
    resend: "Volver a enviar el correo de confirmación",
    resendTo: (name: string) => ` a ${name}`,
    confirmFor: "Confirmar",
    confirmForSigner: " a petición de quien firmó…",
    removeMark: "Quitar la marca de verificada",
    removeMarkFrom: (name: string) => ` de ${name}`,
    mark: "Marcar",
    markVerified: " como verificada",
    filterLabel: "Filtrar las firmas",
    search: "Buscar",
    searchPlaceholder: "Nombre, organización, contacto o correo",
    any: "Cualquiera",
    kind: "Tipo",
    organizations: "Organizaciones",
    individuals: "Personas",
    country: "País",
    from: "Firmadas desde",
    to: "Firmadas hasta",
    verified: "Verificación",
    verifiedOrganizations: "Organizaciones verificadas",
    unverifiedOrganizations: "Organizaciones sin verificar",
    flaggedOnly: "Solo las señaladas",
    filter: "Filtrar",
    clear: "Quitar los filtros",
    filterProblems: "El filtro tiene problemas",
    summary: (counted: number, organizations: number, individuals: number, waiting: number) =>
      `${plural(L, counted, { one: "# contada", other: "# contadas" })} (${plural(L, organizations, { one: "# organización", other: "# organizaciones" })}, ${plural(L, individuals, { one: "# persona", other: "# personas" })}); ${formatNumber(waiting, L)} en espera.`,
    setOrder: "Ordenar las organizaciones",
    importSignatures: "Importar firmas",
    matching: (count: number) => plural(L, count, { one: "# firma coincide.", other: "# firmas coinciden." }),
    matchingMore: (count: number) =>
      plural(L, count, { one: "Coincide más de # firma.", other: "Coinciden más de # firmas." }),
    /** A search's count among the `searched` signatures it looked through (older ones left to search). */
    matchingWithin: (count: number, searched: number) => {
      const n = formatNumber(searched, L);
      return count === 0
        ? `Ninguna de las ${n} firmas más recientes desde el comienzo de esta página coincide.`
        : plural(L, count, {
            one: `# firma coincide entre las ${n} más recientes desde el comienzo de esta página.`,
            other: `# firmas coinciden entre las ${n} más recientes desde el comienzo de esta página.`,
          });
    },
    olderNotSearched: "Las firmas anteriores aún no se buscaron.",
    matchingFromPage: (count: number) =>
      plural(L, count, {
        one: "# firma coincide desde el comienzo de esta página hasta la primera firma de la carta.",
        other: "# firmas coinciden desde el comienzo de esta página hasta la primera firma de la carta.",
      }),
    noneAmong: (searched: number) => `Ninguna entre estas ${formatNumber(searched, L)} firmas.`,
    noneFromPage: "Ninguna firma coincide desde el comienzo de esta página hasta la primera firma de la carta.",
    searchOlder: "Buscar en las firmas anteriores",
    searchOn: "Seguir esta búsqueda en las firmas anteriores",
    bulkLegend: "Cambiar varias a la vez",
    action: "Acción",
    scopeSelected: "Las filas que seleccioné",
    scopePage: (count: number) =>
      plural(L, count, { one: "La única fila de esta página", other: "Las # filas de esta página" }),
    scopeMatching: (count: number) => plural(L, count, { one: "La única que coincide", other: "Las # que coinciden" }),
    scopeMatchingAll: "Todas las que coinciden, entre todas las firmas de la carta (la revisión dice cuántas)",
    scopeMatchingMore: (count: number) =>
      plural(L, count, { one: "Todas las que coinciden (más de 1)", other: "Todas las que coinciden (más de #)" }),
    review: "Revisar el cambio",
    noneMatch: "Ninguna firma coincide.",
    caption: "Firmas, las más recientes primero",
    signatory: "Firmante",
    older: "Firmas anteriores",
    manual: {
      labels: {
        kind: "Tipo",
        organization_name: "Nombre de la organización",
        website: "Sitio web",
        contact_name: "Nombre del contacto",
        contact_role: "Cargo del contacto",
        name: "Nombre de la persona",
        organization: "Afiliación",
        title: "Cargo",
        city: "Ciudad",
        country: "País",
        email: "Correo",
        received: "Recibida",
      },
      title: "Añadir una firma recibida en papel o por correo",
      hint: "Cuenta de inmediato, marcada como añadida a mano. Una firma por organización: una organización que ya firmó (su nombre se compara sin tildes, mayúsculas ni puntuación) no se puede añadir otra vez. Con una dirección de correo, la persona ya no puede volver a firmar con ella; el contacto de una organización también puede firmar como persona.",
      whoSigned: "Quién firmó",
      whoSignedHint: "Complete solo los campos de quien firmó.",
      anOrganization: "Una organización",
      aPerson: "Una persona",
      organizationLegend: "Si es una organización",
      organizationName: "Nombre de la organización (público)",
      organizationNameHint: "Los nombres pueden empezar por + - o @, como +Acumen.",
      website: "Sitio web de la organización (opcional, público)",
      websiteHint: "Como example.org o https://example.org/",
      contactName: "Nombre de la persona de contacto (opcional, nunca se publica)",
      contactRole: "Cargo de la persona de contacto (opcional, nunca se publica)",
      personLegend: "Si es una persona",
      name: "Nombre completo de la persona (público)",
      affiliation: "Afiliación (opcional, pública)",
      personTitle: "Cargo (opcional, público)",
      city: "Ciudad (opcional)",
      country: "País (opcional)",
      email: "Correo (opcional, nunca se muestra)",
      emailHint: "Para una organización, el de su persona de contacto.",
      received: "Recibida",
      receivedBy: { paper: "En papel", email: "Por correo", other: "De otra forma" },
      receivedAs: { paper: "recibida en papel", email: "recibida por correo", other: "añadida a mano" },
      listPublicly: "Mostrar el nombre en la lista pública",
      add: "Añadir la firma",
    },
  },

  moderation: {
    moderated: { approve: "aprobar", reject: "rechazar", hide: "ocultar", restore: "restaurar" },
    verified:
      "La organización quedó marcada como verificada por los organizadores. Las listas públicas ya muestran la marca.",
    "already-verified": "No cambió nada: la organización ya estaba verificada.",
    unverified: "Se quitó la marca de verificada. Las listas públicas ya no la muestran.",
    "unverified-domain":
      "Se quitó la marca de verificada, y también el dominio de correo que su contacto había demostrado: ese dominio ya no impide que otra organización de esta carta se verifique con él.",
    "not-verified": "No cambió nada: la organización no estaba verificada.",
    added: "La firma se añadió y ya cuenta.",
    confirmedOnRequest:
      "La firma quedó confirmada a petición de quien firmó; su motivo está en el registro de actividad.",
    resent: (days: number, left: number, max: number) =>
      `Se volvió a enviar el correo de confirmación, con un enlace válido durante ${plural(L, days, { one: "# día", other: "# días" })}. ${
        left === 0
          ? "Era el último que se puede enviar hoy."
          : `Hoy ${plural(L, left, { one: "se puede enviar # más", other: "se pueden enviar # más" })} (como máximo ${formatNumber(max, L)} en 24 horas).`
      }`,
    done: (action: "approve" | "reject" | "hide" | "restore", count: number) => {
      const words = { approve: "aprobada", reject: "rechazada", hide: "ocultada", restore: "restaurada" }[action];
      return plural(L, count, { one: `# firma ${words}.`, other: `# firmas ${words}s.` });
    },
    held: (action: "approve" | "reject" | "hide" | "restore", count: number) =>
      `${plural(L, count, { one: "# organización no se pudo", other: "# organizaciones no se pudieron" })} ${es.moderation.moderated[action]}: ya existe otra firma de la misma organización (ocúltela o recházela primero).`,
    emailTaken: "Esta dirección de correo ya firmó la carta.",
    organizationTaken: (name: string | null, status: string | null, remedy: "hide" | "reject" | "aside") =>
      `Esta organización ya firmó la carta${name ? ` como «${name}»` : ""}${status ? ` (su firma está ${status})` : ""}: una firma por organización. Búsquela en la lista de abajo; si no es de la propia organización, ${
        remedy === "hide" ? "ocúltela primero" : remedy === "reject" ? "recházela primero" : "apártela primero"
      }.`,
    badPageLink: "Este enlace de página no es válido",
    badPageLinkText: "El enlace a esta página de firmas está roto. Vuelva a la primera página.",
    filterProblems: "El filtro tiene problemas",
    chooseAction: "Elija una acción",
    noneSelected:
      "Seleccione al menos una firma: marque las que quiere cambiar, o elija todas las de esta página o todas las que coinciden.",
    badExportFilter: "Ese filtro no se pudo usar",
    orderSaved: "El orden se guardó.",
  },

  bulk: {
    title: (action: string) => `${action}: firmas`,
    question: (action: string, count: number) =>
      `¿${action} ${plural(L, count, { one: "# firma", other: "# firmas" })}?`,
    button: (action: string, count: number) => `${action} ${plural(L, count, { one: "# firma", other: "# firmas" })}`,
    applies: (scope: "selected" | "page" | "matching", considered: number, applicable: number, moderated: string) => {
      if (considered === 1) {
        const which = {
          selected: "La firma que seleccionó",
          page: "La única firma de la página",
          matching: "La única firma que coincide con el filtro",
        }[scope];
        return applicable === 1
          ? `${which} se puede ${moderated}.`
          : `${which} no se puede ${moderated}: su estado no lo permite.`;
      }
      const count = formatNumber(considered, L);
      const of = {
        selected: `De las ${count} firmas que seleccionó`,
        page: `De las ${count} firmas de la página`,
        matching: `De las ${count} firmas que coinciden con el filtro`,
      }[scope];
      if (applicable === 0) return `${of}, ninguna se puede ${moderated}: su estado no lo permite.`;
      const others = considered - applicable;
      const rest =
        others === 0
          ? ""
          : plural(L, others, {
              one: "; la otra no se ve afectada: su estado no lo permite",
              other: "; las otras # no se ven afectadas: su estado no lo permite",
            });
      return `${of}, ${plural(L, applicable, { one: `# se puede ${moderated}`, other: `# se pueden ${moderated}` })}${rest}.`;
    },
    appliesBeyond: (
      considered: number,
      consideredMore: boolean,
      applicable: number,
      applicableMore: boolean,
      moderated: string,
    ) => {
      const of = `${consideredMore ? "más de " : ""}${formatNumber(considered, L)}`;
      const can = applicableMore
        ? `más de ${formatNumber(applicable, L)} se pueden ${moderated}`
        : applicable === 0
          ? `ninguna se puede ${moderated}`
          : plural(L, applicable, { one: `# se puede ${moderated}`, other: `# se pueden ${moderated}` });
      return `De las ${of} firmas que coinciden con el filtro, ${can}.`;
    },
    unaffected: "No afectadas",
    limit: (count: number) =>
      `Esto cambia ahora las primeras ${formatNumber(count, L)}. Vuelva a hacer el mismo cambio para el resto.`,
    firstNames: (count: number) => `Las primeras ${formatNumber(count, L)} que cambia`,
    allNames: "Las firmas que cambia",
    organization: "organización",
    person: "persona",
    signed: "firmó el",
    more: (count: number) => `…y ${formatNumber(count, L)} más.`,
    nothing: "No hay nada que cambiar.",
    back: "Volver a las firmas",
    cancel: "Cancelar",
  },

  refused: {
    title: "Intentos de firma rechazados",
    none: "No se ha rechazado ningún intento de firma.",
    hint: "Intentos bien completados que no se guardaron: a quien firmaba se le volvió a mostrar el formulario, ya completado, y se le pidió enviarlo otra vez (o esperar). No se guarda nada sobre quién lo intentó.",
    caption: "Intentos de firma rechazados, por motivo",
    why: "Motivo",
    recent: (days: number) => plural(L, days, { one: "Último día", other: "Últimos # días" }),
    total: "En total",
    reasons: {
      "too-fast": (seconds: number) => `Enviado menos de ${seconds} segundos después de mostrarse el formulario`,
      "no-stamp": "Enviado sin el sello del formulario (no vino del formulario de la carta, o el sello era falso)",
      expired: "Enviado con un formulario mostrado hace más de un día",
      honeypot: "Completó el campo oculto que solo ven los robots",
      turnstile: "No pasó la verificación de Turnstile",
      "rate-limited": "Demasiados intentos desde una misma conexión en un minuto",
    },
  },

  confirm: {
    back: "No, volver",
  },

  activity: {
    title: "Actividad",
    intro: (days: number) =>
      `Quién hizo qué en el área de organizadores, lo más reciente primero. Cada entrada se guarda ${plural(L, days, { one: "# día", other: "# días" })} y luego se borra.`,
    filterHeading: "Acotar el registro",
    person: "Persona",
    anyone: "Cualquiera",
    system: "El sistema",
    noLongerActive: (name: string) => `${name} (ya no tiene acceso)`,
    action: "Acción",
    anyAction: "Cualquier acción",
    letter: "Carta",
    anyLetter: "Cualquier carta",
    from: "Desde",
    until: "Hasta",
    show: "Mostrar",
    showAll: "Mostrar todo",
    download: "Descargar estas entradas (CSV)",
    empty: "Nada del registro coincide.",
    caption: "Actividad, lo más reciente primero",
    older: "Entradas anteriores",
    onLetter: "Carta",
    deletedLetter: (title: string) => `${title} (eliminada)`,
    signature: "Firma",
    erasedSignature: "una firma ya borrada",
    changes: "Qué cambió",
    change: (field: string, before: string, after: string) => `${field}: ${before} → ${after}`,
    yes: "sí",
    no: "no",
    none: "ninguno",
    unset: {
      confirmSignatures: "lo predeterminado del sitio",
      closesAt: "sin hora de cierre",
    },
    settingValues: {
      confirmSignatures: { yes: "cada firmante confirma por correo", no: "se cuentan de inmediato" },
    },
    noteIn: (language: string) => `Nota pública en ${language}`,
    sentences: {
      importStarted: "empezó una importación",
      importFinished: (imported: number) => plural(L, imported, { one: "importó # firma", other: "importó # firmas" }),
      invited: (name: string, email: string, role: Role, sent: boolean) =>
        `invitó a ${name} (${email}) con el rol de ${es.layout.roleNames[role]}${sent ? "" : " (no se pudo enviar el correo)"}`,
      invitedAgain: (name: string, email: string, sent: boolean) =>
        `volvió a invitar a ${name} (${email})${sent ? "" : " (no se pudo enviar el correo)"}`,
    },
    /** A signature's newest log entry, in the signatures list: "Hidden by Ana, …". */
    lastChange: {
      label: "Último cambio",
      by: (what: string, who: string, when: string) => `${what} por ${who}, ${when}`,
      changed: "Cambiada",
      what: {
        "signature-approved": "Aprobada",
        "signature-rejected": "Rechazada",
        "signature-hidden": "Oculta",
        "signature-restored": "Restaurada",
        "signature-confirmed": "Confirmada a petición",
        "confirmation-resent": "Correo reenviado",
        "organization-verified": "Verificada",
        "organization-unverified": "Verificación retirada",
        "signature-entered": "Ingresada a mano",
      },
    },
    actions: {
      "letter-created": "creó una carta",
      "letter-edited": "editó una carta",
      "letter-deleted": "eliminó una carta",
      "letter-published": "publicó una carta",
      "letter-closed": "cerró una carta",
      "letter-reopened": "reabrió una carta",
      "letter-delivered": "registró la entrega de una carta",
      "letter-unpublished": "devolvió una carta a borrador",
      "translation-saved": "guardó una traducción",
      "translation-deleted": "eliminó una traducción",
      "organizations-reordered": "cambió el orden de las organizaciones",
      "preview-link-renewed": "creó un nuevo enlace de vista previa (el anterior ya no funciona)",
      "signature-approved": "aprobó una firma",
      "signature-rejected": "rechazó una firma",
      "signature-hidden": "ocultó una firma",
      "signature-restored": "restauró una firma",
      "signature-confirmed": "confirmó una firma a petición de quien firmó",
      "confirmation-resent": "volvió a enviar un correo de confirmación",
      "organization-verified": "marcó una organización como verificada",
      "organization-unverified": "quitó la verificación de una organización",
      "signature-entered": "ingresó una firma a mano",
      "import-created": "preparó una importación",
      "import-run": "importó firmas",
      "import-discarded": "descartó una importación",
      "export-downloaded": "descargó datos personales",
      "webhook-changed": "cambió un webhook",
      "webhook-tested": "envió una entrega de prueba a un webhook",
      "sign-in": "inició sesión",
      "sign-in-link-sent": "pidió un enlace para iniciar sesión",
      "invitation-sent": "invitó a alguien",
      "invitation-accepted": "aceptó una invitación",
      "role-changed": "cambió el rol de alguien",
      "account-disabled": "quitó el acceso a alguien",
      "account-enabled": "devolvió el acceso a alguien",
      "account-renamed": "cambió su nombre",
      "time-zone-changed": "cambió su zona horaria",
      "session-ended": "cerró una sesión",
      "api-token-created": "creó un token de la API",
      "api-token-revoked": "revocó un token de la API",
      "passkey-added": "agregó una llave de acceso",
      "passkey-removed": "quitó una llave de acceso",
      "language-changed": "cambió su idioma",
      "sign-in-refused": "rechazó un inicio de sesión con una clave equivocada",
    },
    fields: {
      status: "Estado",
      stage: "Etapa",
      title: "Título",
      slug: "Dirección",
      date: "Fecha",
      language: "Idioma",
      addressee: "Destinatario",
      summary: "Resumen",
      confirmSignatures: "Confirmación por correo",
      reviewOrganizations: "Revisión de organizaciones",
      closesAt: "Cierre",
      closesTimeZone: "Zona horaria del cierre",
      timeZone: "Zona horaria",
      deliveredOn: "Entregada el",
      deliveryNotes: "Notas públicas",
      verified: "Verificada",
      webhook: "Webhook",
      webhookGetsEmails: "El webhook recibe los correos",
      dailySummary: "Resumen diario",
      mode: "Modo de importación",
      state: "Paso de la importación",
      answer: "Su respuesta",
      name: "Nombre",
      email: "Correo",
      role: "Rol",
    },
    // Statuses, stages, roles and import steps as their own sections word them.
    get values(): AdminMessages["activity"]["values"] {
      return {
        ...es.signatures.statuses,
        ...es.states,
        ...es.layout.roleNames,
        ...es.importUpload.states,
        organizers: "por los organizadores",
        "email-domain": "por el dominio de su correo",
        on: "activado",
        off: "desactivado",
        "unreadable-address": "una dirección que no se puede leer",
        no: es.signatures.notVerified,
        none: es.activity.none,
        "site-default-email": "lo predeterminado del sitio (cada firmante confirma por correo)",
        "site-default-at-once": "lo predeterminado del sitio (se cuentan de inmediato)",
        vouch: "la coalición las avala",
        confirm: "cada firmante confirma",
      };
    },
    details: {
      reason: (reason: string) => reason,
      received: (way: ReceivedWay) =>
        ({ paper: "En papel.", email: "Por correo electrónico.", other: "Por otra vía." })[way],
      inBulk: "En bloque.",
      domainForgotten: "También se olvidó el dominio de correo que había comprobado su contacto.",
      organizationsOrdered: (placed: number, inSigningOrder: number) =>
        `${plural(L, placed, { one: "# organización ubicada", other: "# organizaciones ubicadas" })}, ${formatNumber(inSigningOrder, L)} en orden de firma.`,
      textChanged: "El texto cambió: sus versiones están en el historial de la carta.",
      closingTimeCame: "Llegó su hora de cierre.",
      translationAdded: (language: string) => `Se agregó una traducción al ${formatLanguageName(language, L)}.`,
      translationReplaced: (language: string) => `Se reemplazó la traducción al ${formatLanguageName(language, L)}.`,
      signaturesCsv: (status: SignatureStatus | null, narrowed: boolean) => {
        const which = status
          ? {
              unconfirmed: "las firmas que esperan su correo",
              in_review: "las firmas que esperan revisión",
              confirmed: "las firmas contadas",
              rejected: "las firmas rechazadas",
              hidden: "las firmas ocultas",
              withdrawn: "las firmas retiradas",
            }[status]
          : "todas las firmas, sea cual sea su estado";
        return `El archivo CSV de las firmas: ${which}${narrowed ? ", acotadas por un filtro" : ""}.`;
      },
      activityCsv: "El archivo CSV del registro de actividad.",
      signaturesApi:
        "Firmas con los correos de quienes firmaron, consultadas por la API de organizadores (se anota una vez por hora y carta).",
      signInRefused: (network: string, via: "admin-token" | "bearer") =>
        `${via === "bearer" ? "Un token de API equivocado" : "Una clave de administración equivocada"} desde la red ${network} (los siguientes en 15 minutos no se anotan).`,
      signInRefusedElsewhere: (networks: number, minutes: number) =>
        `También llegaron tokens equivocados desde otras redes (más de ${formatNumber(networks, L)} redes en ${formatNumber(minutes, L)} minutos): no se anotan una por una.`,
      viaApiToken: (label: string | null) =>
        label === null ? "Con la clave de administración, por la API." : `A través del token de API «${label}».`,
      importFile: (fileName: string, id: number) => `«${importName(fileName)}» (importación ${id}).`,
      importStarted: (fileName: string, id: number, toImport: number, notImported: number) =>
        `«${importName(fileName)}» (importación ${id}): empezó con ${plural(L, toImport, { one: "# fila", other: "# filas" })} por importar, ${plural(L, notImported, { one: "# no importada", other: "# no importadas" })}.`,
      importFinished: (fileName: string, id: number, imported: number, notImported: number) =>
        `«${importName(fileName)}» (importación ${id}): terminada, ${plural(L, imported, { one: "# firma importada", other: "# firmas importadas" })}, ${plural(L, notImported, { one: "# fila no importada", other: "# filas no importadas" })}.`,
      refusedRows: (fileName: string, id: number) =>
        `Filas rechazadas de «${importName(fileName)}» (importación ${id}), en CSV.`,
      webhookSettings: (secretReplaced: boolean, summaryMoved: boolean) =>
        [
          secretReplaced ? "Se reemplazó el secreto con que se firman las entregas del webhook." : "",
          summaryMoved ? "El resumen diario va a otra dirección." : "",
        ]
          .filter((sentence) => sentence !== "")
          .join(" "),
      webhookAnswered: (status: number) => {
        if (status >= 200 && status <= 299) return `Respondió ${status}: aceptó la entrega.`;
        if (status >= 300 && status <= 399)
          return `Respondió ${status}, una redirección: las entregas nunca se redirigen.`;
        if (status === 401 || status === 403) return `Respondió ${status}: rechazó la entrega.`;
        if (status === 404) return "Respondió 404: no hay nada en esa dirección.";
        if (status >= 500) return `Respondió ${status}: su servidor tuvo un problema.`;
        return `Respondió ${status}: no aceptó la entrega.`;
      },
      webhookUnreachable: (kind: WebhookFailureKind) =>
        ({
          timeout: "El sistema receptor no respondió a tiempo.",
          tls: "No se pudo confiar en la conexión segura del sistema receptor.",
          network: "No se pudo llegar a la dirección.",
          refused: "No se envió nada: la dirección ya no se acepta.",
        })[kind],
      signedInWith: (way: SignInWay) =>
        ({
          "admin-token": "con la clave de administración",
          "magic-link": "con un enlace recibido por correo",
          passkey: "con una llave de acceso",
        })[way],
      passkeyName: (name: string) => `«${name}»`,
      tokenLabel: (label: string) => label,
      invited: (name: string, email: string, role: Role, sent: boolean) =>
        `${name} <${email}> como ${es.layout.roleNames[role]}${sent ? "" : " (no se pudo enviar el correo)"}`,
      invitedAgain: (name: string, email: string, sent: boolean) =>
        `${name} <${email}>, de nuevo${sent ? "" : " (no se pudo enviar el correo)"}`,
      person: (name: string) => name,
      accessRemoved: (name: string, sessions: number) =>
        `${name} (${plural(L, sessions, { one: "# sesión cerrada", other: "# sesiones cerradas" })})`,
      oneSessionEnded: "una sesión",
      loggedOutEverywhere: (sessions: number) =>
        `cerrar sesión en todas partes (${plural(L, sessions, { one: "# sesión", other: "# sesiones" })})`,
    },
  },

  passkeys: {
    title: "Llaves de acceso",
    intro:
      "Una llave de acceso (passkey) le permite entrar con el bloqueo de pantalla, la huella o el rostro de su dispositivo, o con una llave de seguridad, en lugar de un enlace por correo o de la clave de administración. Nadie puede usarla desde otro sitio, y este sitio guarda solo su mitad pública.",
    yours: "Sus llaves de acceso",
    none: "Todavía no tiene llaves de acceso.",
    caption: "Sus llaves de acceso, de la más antigua a la más reciente",
    name: "Nombre",
    added: "Añadida",
    lastUsed: "Último uso para entrar",
    actions: "Acciones",
    notYet: "Todavía no",
    renameLabel: (name: string) => `Nuevo nombre para «${name}»`,
    rename: "Cambiar el nombre",
    renameProblem: (message: string) => `Nuevo nombre: ${message}`,
    remove: (name: string) => `Quitar «${name}»`,
    /** The admin token's account (it holds no passkeys). */
    adminToken: {
      why: "La cuenta de la clave de administración no puede tener llaves de acceso: seguirían dando acceso después de cambiar la clave, y cambiarla es la forma en que una persona propietaria recupera el control del área de organización.",
      /** Before, in and after the link to the People page. */
      instead: [
        "Invítese a sí mismo",
        " como propietario con su propia dirección de correo en la página ",
        "Personas",
        ", entre con el enlace que reciba y agregue allí sus llaves de acceso.",
      ],
      old: "Las llaves de acceso agregadas antes a esta cuenta ya no dan acceso a nadie. Quítelas.",
    },
    addHeading: "Añadir una llave de acceso",
    addNeedsScript:
      "Para añadir una llave de acceso hacen falta JavaScript y un navegador que admita llaves de acceso: active JavaScript o use una versión reciente de Chrome, Edge, Firefox o Safari. Todo lo demás de esta página funciona sin él.",
    nameLabel: "Nombre de la llave de acceso",
    nameHint: "Para distinguir sus llaves de acceso: «Portátil del trabajo», «Teléfono», «Llave de seguridad azul».",
    nameProblem: (message: string) => `Nombre: ${message}`,
    addButton: "Añadir una llave de acceso",
    ipAddress: "Los navegadores ofrecen llaves de acceso solo en un nombre de dominio, no en una dirección IP.",
    localhostToAdd: ["Abra ", "esta página en localhost", " para añadir una."],
    localhostToSignIn: ["Abra ", "esta página en localhost", " para entrar con una."],
    done: {
      added: "La llave de acceso está añadida.",
      renamed: "La llave de acceso tiene su nuevo nombre.",
      removed: "La llave de acceso está quitada.",
    },
    nameMissing: "Dele un nombre a la llave de acceso, como «Portátil del trabajo» o «Teléfono».",
    nameTooLong: (max: number) => `El nombre puede tener como máximo ${max} caracteres.`,
    noCredential: "Su navegador no envió ninguna llave de acceso. Inténtelo de nuevo o entre de otra manera.",
    unreadable: "No se pudo leer la respuesta de su navegador. Inténtelo de nuevo.",
    stale:
      "La solicitud a su llave de acceso había caducado o ya se había usado. Inténtelo de nuevo: cada intento vuelve a preguntar a su llave.",
    notVerified:
      "La respuesta de su llave de acceso no es válida para este sitio, así que no se añadió. Inténtelo de nuevo o pruebe otra llave.",
    alreadyAdded: "Esta llave de acceso ya está añadida.",
    notFoundTitle: "Llave de acceso no encontrada",
    notFound: "No tiene ninguna llave de acceso con esta dirección. Puede que ya se haya quitado.",
    removeQuestion: (name: string) => `¿Quitar la llave de acceso «${name}»?`,
    removeConsequences: [
      "Ya no le servirá para entrar. Las sesiones que abrió siguen hasta que cierre la sesión.",
      "La llave en sí se queda en su dispositivo o en su gestor de contraseñas hasta que la borre allí.",
      "Puede volver a añadirla más tarde.",
    ],
    removeConfirm: "Quitar la llave de acceso",
    signInHeading: "Entrar con una llave de acceso",
    signInNeedsScript:
      "Para entrar con una llave de acceso hacen falta JavaScript y un navegador que las admita. Puede entrar de otra manera en esta página.",
    signInHint:
      "Si añadió una llave de acceso a su cuenta, el bloqueo de pantalla, la huella, el rostro o la llave de seguridad de su dispositivo le permite entrar, sin esperar ningún correo ni escribir ninguna clave.",
    signInButton: "Entrar con una llave de acceso",
    signInProblemTitle: "No se pudo entrar con una llave de acceso",
    signInRefused: "Esa llave de acceso no le permite entrar aquí. Inténtelo de nuevo o entre de otra manera.",
    script: {
      creating: "Siga los pasos de su navegador para crear la llave de acceso…",
      choosing: "Elija su llave de acceso en la ventana de su navegador…",
      saving: "Guardando la llave de acceso…",
      signingIn: "Entrando…",
      none: "Su navegador no dio ninguna llave de acceso. Inténtelo de nuevo.",
      cancelled:
        "No se usó ninguna llave de acceso: la solicitud se canceló o se agotó el tiempo. Inténtelo de nuevo cuando esté listo.",
      exists: "Este dispositivo ya tiene una llave de acceso para su cuenta.",
      refused: "Su navegador rechazó las llaves de acceso en esta dirección.",
      failed: "La solicitud de la llave de acceso falló en su navegador. Inténtelo de nuevo o use otra manera.",
      tooMany: "Demasiados intentos desde su conexión: espere un minuto y vuelva a intentarlo.",
      serverFailed:
        "El servidor no pudo iniciar la solicitud de la llave de acceso. Recargue la página e inténtelo de nuevo.",
    },
  },

  importUpload: {
    title: (title: string) => `Importar firmas: ${title}`,
    back: (title: string) => `← Firmas de «${title}»`,
    heading: "Importar firmas",
    intro:
      "Traiga adhesiones reunidas en otro lugar: una hoja de cálculo o las respuestas de un formulario de Google. Podrá elegir qué columna corresponde a cada campo, ver qué da cada fila (y cuáles se rechazan o ya firmaron) antes de guardar nada, y decidir si las firmas cuentan de inmediato o si cada firmante confirma por correo.",
    refusedTitle: "Esto no se puede importar",
    fileLabel: "Un archivo CSV",
    fileHint: (megabytes: number, rows: number) =>
      `Con una primera fila que nombre las columnas; separado por comas, punto y coma o tabulaciones; en UTF-8 (Formularios de Google y Hojas de cálculo de Google lo exportan así; en Excel elija «CSV UTF-8»). Como máximo ${formatNumber(megabytes, L)} MB y ${formatNumber(rows, L)} filas.`,
    pasteLabel: "O filas pegadas desde una hoja de cálculo",
    pasteHint: "Seleccione las filas en su hoja de cálculo, empezando por la de los títulos, cópielas y péguelas aquí.",
    submit: "Leer las filas",
    listTitle: "Importaciones de esta carta",
    none: "Todavía ninguna.",
    file: "Archivo",
    made: "Hecha",
    state: "Estado",
    rows: "Filas",
    imported: "Importadas",
    states: {
      reading: "leyendo el archivo",
      unreadable: "no se puede importar",
      mapping: "columnas por asignar",
      checking: "revisando las filas",
      previewed: "revisada",
      running: "importando",
      done: "terminada",
    },
    chooseOne: "Elija un archivo CSV, o pegue filas copiadas de una hoja de cálculo.",
    notBoth: "Elija un archivo o pegue filas, pero no las dos cosas: vacíe una de ellas y vuelva a enviar.",
    discarded: "La importación se descartó.",
    gone: "Esa importación ya no está: se descartó.",
  },

  imports: {
    title: (file: string, title: string) => `Importación de ${file}: ${title}`,
    back: (title: string) => `← Importaciones de «${title}»`,
    heading: (file: string) => `Importación: ${file}`,
    pastedRows: "filas pegadas",
    rowsRead: (rows: number, when: string) =>
      `${plural(L, rows, { one: "# fila leída", other: "# filas leídas" })} del archivo subido el ${when}.`,
    rowsReadSoFar: (rows: number, when: string) =>
      `${plural(L, rows, { one: "# fila leída", other: "# filas leídas" })} hasta ahora del archivo subido el ${when}.`,
    previewed: "Se revisaron todas las filas: vea abajo qué da cada una.",
    started: "La importación comenzó.",
    mappingTitle: "1. Qué es cada columna",
    mappingIntro:
      "Los campos se deducen de la fila de títulos; revíselos. Cuando una fila la firma una organización, su nombre se toma de «Nombre de la organización» o, si no, de «Organización»; su persona de contacto, de «Persona de contacto» o, si no, de «Nombre»; el cargo del contacto, de «Cargo del contacto» o, si no, de «Cargo». El contacto y el correo son privados: los ven los organizadores, nunca el público.",
    mappingCaption: "Las columnas del archivo y el campo con el que se importa cada una",
    column: "Columna",
    firstValues: "Primeros valores",
    importedAs: "Se importa como",
    columnNumber: (number: number) => `Columna ${number}`,
    fields: {
      ignore: "No importar",
      kind: "Organización o persona",
      name: "Nombre (de una persona; de la persona de contacto de una organización)",
      signatory: "Firmante (el nombre de una persona; para una organización, el de la organización)",
      organization_name: "Nombre de la organización (la que firma)",
      organization: "Organización (a la que pertenece una persona; si no, la que firma)",
      title: "Cargo (de una persona; del contacto de una organización)",
      contact_name: "Persona de contacto (de una organización)",
      contact_role: "Cargo del contacto (de una organización)",
      website: "Sitio web (de una organización)",
      city: "Ciudad",
      country: "País (nombre o código ISO)",
      email: "Correo electrónico",
      public: "Mostrar en la lista pública (sí/no)",
      hide: "Ocultar el nombre (sí/no)",
      status: "Estado (tal como lo escribe la exportación de este sitio: decide si la fila se importa)",
    },
    whoSigned: "Quién firmó",
    kinds: {
      organization: "Organizaciones (cada fila firma en nombre de una organización)",
      individual: "Personas (cada fila firma a título individual)",
      column: "Lo que diga, en cada fila, la columna asignada a «Organización o persona»",
    },
    kindHint:
      "Los valores de esa columna se leen en español, inglés, francés y portugués: «Organización», «Organization», «Organisation», «Organização» para una organización; «Persona», «Individual», «Personne», «Pessoa» para una persona.",
    howTheyCount: "Cómo cuentan las firmas",
    modes: {
      vouch: "La coalición las avala: las firmas cuentan de inmediato",
      confirm: "Cada firmante confirma: todos reciben el correo de confirmación y cuentan cuando pulsan su enlace",
    },
    vouchHint:
      "Como las firmas añadidas a mano: cuentan y entran en el registro público de inmediato. También se importan las personas sin correo, como en papel.",
    confirmHint:
      "Cada fila necesita un correo. Todos reciben el correo de confirmación habitual de la carta, en su idioma, y cuentan cuando pulsan el enlace; nadie recibe más correos de lo habitual.",
    check: "Revisar las filas",
    discard: "Descartar esta importación",
    previewTitle: "2. Qué da cada fila",
    willImport: (count: number) => plural(L, count, { one: "se importará", other: "se importarán" }),
    refused: (count: number) => plural(L, count, { one: "rechazada", other: "rechazadas" }),
    duplicates: (count: number) => plural(L, count, { one: "repetida", other: "repetidas" }),
    /** Rows a file's Status column keeps out (domain/signature-import.ts statusProblem), after their count in bold. */
    skippedNotCounted: (count: number) =>
      plural(L, count, {
        one: "fila omitida: oculta, rechazada o retirada en el archivo",
        other: "filas omitidas: ocultas, rechazadas o retiradas en el archivo",
      }),
    skippedUnconfirmed: (count: number) =>
      plural(L, count, {
        one: "fila omitida: nunca se confirmó por correo en el archivo",
        other: "filas omitidas: nunca se confirmaron por correo en el archivo",
      }),
    downloadNotImported: (count: number) =>
      `Descargar ${plural(L, count, { one: "la fila que no se importará", other: "las # filas que no se importarán" })} (CSV, con el motivo en una columna)`,
    rules:
      "Las filas se revisan con las reglas del formulario de firma. Una fila repetida es una segunda fila con el mismo correo (el mismo buzón) o la misma organización, en este archivo o entre las firmas de la carta: se conserva la primera.",
    rulesVouch:
      "Las personas sin correo se importan, porque la coalición las avala (nada les impide volver a firmar por su cuenta).",
    rulesConfirm: "Las filas sin correo se rechazan: para confirmar hace falta una dirección.",
    show: "Mostrar:",
    shows: { all: "Todas las filas", "not-valid": "Rechazadas y repetidas", valid: "Por importar" },
    rowsCaption: (first: number, last: number, of: number) =>
      `Filas ${formatNumber(first, L)} a ${formatNumber(last, L)} de ${formatNumber(of, L)}`,
    row: "Fila",
    result: "Resultado",
    signatory: "Firmante",
    email: "Correo",
    country: "País",
    why: "Motivo",
    outcomes: { valid: "por importar", refused: "rechazada", duplicate: "repetida" },
    kindNames: { organization: "organización", individual: "persona" },
    contact: (name: string) => `contacto: ${name}`,
    notListed: "fuera de la lista pública",
    pagesOfRows: "Páginas de filas",
    previousRows: "← Filas anteriores",
    pageOf: (page: number, pages: number) => `Página ${formatNumber(page, L)} de ${formatNumber(pages, L)}`,
    nextRows: "Filas siguientes →",
    runTitle: "3. Importar",
    runVouch: (count: number) =>
      `${plural(L, count, { one: "# firma contará", other: "# firmas contarán" })} de inmediato y entrará${count === 1 ? "" : "n"} en el registro público.`,
    runConfirm: (count: number) =>
      `${plural(L, count, { one: "# firmante recibirá", other: "# firmantes recibirán" })} un correo de confirmación, y contará${count === 1 ? "" : "n"} cuando pulse${count === 1 ? "" : "n"} su enlace.`,
    inBatches: "La importación se hace por tandas; si se detiene, sigue donde quedó.",
    run: (count: number) => `Importar ${plural(L, count, { one: "# firma", other: "# firmas" })}`,
    readingTitle: "Leyendo el archivo",
    readingProgress: (rows: number, percent: string) =>
      `${plural(L, rows, { one: "# fila leída", other: "# filas leídas" })} hasta ahora (${percent} del archivo).`,
    checkingTitle: "Revisando cada fila",
    checkingProgress: (checked: number, rows: number) =>
      `${formatNumber(checked, L)} de ${plural(L, rows, { one: "# fila revisada", other: "# filas revisadas" })}.`,
    runningTitle: "Importando",
    runningProgress: (done: number, rows: number, imported: number) =>
      `${formatNumber(done, L)} de ${plural(L, rows, { one: "# fila hecha", other: "# filas hechas" })} (${plural(L, imported, { one: "# importada", other: "# importadas" })}).`,
    percent: (value: number) => new Intl.NumberFormat(L, { style: "percent" }).format(value),
    steps:
      "Cada vez que pulsa «Continuar» se dan los pasos siguientes (hasta 15, cada uno de 10 a 25 filas, o 400 mientras se lee el archivo: cada paso cabe en el tiempo que puede durar una petición). Si sale de esta página, sigue sola, un paso por minuto.",
    autoContinue: "Mientras esta página esté abierta, pulsa «Continuar» por usted.",
    continue: "Continuar",
    unreadableTitle: "Este archivo no se puede importar",
    unreadableText: "No se importó nada de él, y las filas leídas se borraron. Corrija el archivo y vuelva a subirlo.",
    doneTitle: "Terminada",
    importedCount: (count: number) => plural(L, count, { one: "importada", other: "importadas" }),
    unsent: (count: number) =>
      plural(L, count, {
        one: "correo de confirmación no se pudo enviar",
        other: "correos de confirmación no se pudieron enviar",
      }),
    erased: (days: number) =>
      `Las filas de esta importación se borraron ${plural(L, days, { one: "# día", other: "# días" })} después de terminar.`,
    downloadRefused: (count: number) =>
      `Descargar ${plural(L, count, { one: "la fila no importada", other: "las # filas no importadas" })} (CSV, con el motivo en una columna)`,
    fixThem: (days: number) =>
      `. Corríjalas e importe ese archivo. Las filas se guardan ${plural(L, days, { one: "# día", other: "# días" })}; después se borran.`,
    seeImported: "Ver todas las firmas importadas de la carta",
    storedTitle: "Firmas que guardó esta importación",
    kind: "Tipo",
    status: "Estado",
    statuses: {
      confirmed: "contada",
      unconfirmed: "esperando la confirmación por correo",
      in_review: "esperando revisión",
      withdrawn: "retirada",
      hidden: "oculta",
      rejected: "rechazada",
    },
    more: "Más →",
    discardQuestion: (file: string) => `¿Descartar la importación «${file}»?`,
    discardConsequences: [
      "Lo que se leyó y las columnas que eligió se borran para siempre; no se guardó ninguna firma de ella.",
      "Para importar esas filas más adelante, vuelva a subir el archivo.",
    ],
    discardConfirm: "Descartar la importación",
    reasonColumn: "motivo",
    reasonCell: (line: number, reason: string) => `Fila ${line}: ${reason}`,
    chooseField: "Elija un campo para cada columna",
    chooseKind: "Elija quién firmó: organizaciones, personas, o lo que diga una columna.",
    chooseMode: "Elija cómo cuentan las firmas.",
    chooseColumnField: (column: number) => `Elija un campo para la columna ${column}.`,
    confirmRefusedTitle: "No se pueden enviar los correos de confirmación",
    fileProblem: (problem: ImportFileProblem): string => {
      const near =
        "row" in problem && problem.row != null
          ? ` (cerca de la fila ${formatNumber(problem.row, L)}, contando la de encabezados)`
          : "";
      switch (problem.code) {
        case "workbook":
          return "Esto es un libro de hoja de cálculo (.xlsx u .ods), no un archivo CSV. Ábralo, guárdelo o descárguelo como CSV (UTF-8) y suba ese archivo.";
        case "old-excel":
          return "Esto es un libro antiguo de Excel (.xls), no un archivo CSV. Ábralo, guárdelo como «CSV UTF-8» y suba ese archivo.";
        case "binary":
          return "Este archivo no es texto (contiene datos binarios). Suba un archivo CSV exportado de su hoja de cálculo o formulario.";
        case "not-utf8":
          return "Este archivo no está en UTF-8: probablemente se guardó como Windows-1252 (ANSI). Guárdelo en UTF-8 y vuelva a subirlo: en Excel, Archivo › Guardar como › «CSV UTF-8 (delimitado por comas)»; en LibreOffice, Archivo › Guardar como › Texto CSV con el juego de caracteres «Unicode (UTF-8)»; Hojas de cálculo y Formularios de Google siempre exportan en UTF-8.";
        case "too-large":
          return `El archivo pesa más de ${formatNumber(IMPORT_LIMITS.fileBytes / 1024 / 1024, L)} MB. Divídalo, o quite las columnas que no importa, e importe cada parte.`;
        case "pasted-binary":
          return "El texto contiene datos binarios. Pegue filas copiadas de una hoja de cálculo.";
        case "empty":
          return "No hay nada que importar: el archivo o el texto pegado está vacío.";
        case "too-many-columns":
          return `La primera fila tiene más de ${IMPORT_LIMITS.columns} columnas; una importación admite como máximo ${IMPORT_LIMITS.columns}. Quite las columnas que no importa.`;
        case "empty-header":
          return "La primera fila debe nombrar las columnas (la fila de títulos), y está vacía.";
        case "no-rows":
          return "El archivo tiene una fila de títulos pero ninguna firma debajo. Exporte las respuestas, no solo las preguntas del formulario.";
        case "too-many-rows":
          return `El archivo tiene más de ${formatNumber(IMPORT_LIMITS.rows, L)} filas; una importación admite como máximo ${formatNumber(IMPORT_LIMITS.rows, L)}. Divídalo e importe cada parte.`;
        case "long-cell":
          return `La fila ${formatNumber(problem.row, L)}, columna ${problem.column}, tiene más de ${formatNumber(IMPORT_LIMITS.cellCharacters, L)} caracteres: ningún campo de una firma es tan largo. Revise el separador y las comillas del archivo.`;
        case "ragged":
          return `La fila ${formatNumber(problem.row, L)} no tiene el mismo número de columnas que la de títulos (${plural(L, problem.cells, { one: "# celda", other: "# celdas" })}; la de títulos, ${problem.columns}). Cada fila debe tener una celda por columna: busque un separador de más o una comilla que falte, o vuelva a exportar el archivo.`;
        case "quote-not-closed":
          return `Una celda entre comillas nunca se cierra${near}. Compruebe que cada celda que empieza por " termina con ".`;
        case "bad-quote":
          return `Una comilla dentro de una celda no está escrita como dos comillas ("")${near}. Vuelva a exportar el archivo desde su hoja de cálculo.`;
        case "opening-quote":
          return `Una celda contiene comillas pero no empieza con ellas${near}: una celda con comillas debe ir entera entre comillas, con las suyas duplicadas, como "Ana ""Anita""". Vuelva a exportar el archivo desde su hoja de cálculo.`;
        case "row-too-long":
          return `Una fila es demasiado larga${near}: como máximo ${IMPORT_LIMITS.columns} columnas de ${formatNumber(IMPORT_LIMITS.cellCharacters, L)} caracteres.`;
        case "unparsable":
          return `No se pudo leer el archivo como CSV${near}. Revise sus comillas y separadores, o vuelva a exportarlo como CSV (UTF-8) desde su hoja de cálculo.`;
        case "as-written":
          return problem.text;
      }
    },
    mappingProblem: (problem: ImportMappingProblem): string => {
      switch (problem.code) {
        case "column-count":
          return "Elija un campo para cada columna.";
        case "field-twice": {
          const column = ({ name, index }: { name: string | null; index: number }) =>
            name ? `«${name}»` : `la columna ${index + 1}`;
          return `«${es.imports.fields[problem.field]}» está elegido para dos columnas (${column(problem.first)} y ${column(problem.second)}). Elíjalo solo para una.`;
        }
        case "kind-column-missing":
          return "El tipo de cada fila debe leerse de una columna, pero ninguna columna es «Organización o persona».";
        case "no-names":
          return "Ninguna columna da los nombres de las personas: elija «Nombre» para una.";
        case "no-organization-names":
          return "Ninguna columna da los nombres de las organizaciones: elija «Nombre de la organización» para una.";
        case "email-column-missing":
          return "Los correos de confirmación necesitan una columna de correo: elija «Correo electrónico» para una, o deje que la coalición avale las firmas.";
        case "no-mailer":
          return "Los correos de confirmación necesitan un servicio de envío, y no hay ninguno configurado (RESEND_API_KEY y MAIL_FROM, vea Configuración). Deje que la coalición avale las firmas, o configure uno primero.";
        case "letter-not-open":
          return "Los correos de confirmación llevan a la página de la carta, y esta carta no está abierta a firmas. Deje que la coalición avale las firmas, o abra la carta primero.";
      }
    },
    textFields: {
      name: "El nombre",
      organization_name: "El nombre de la organización",
      organization: "La organización",
      title: "El cargo",
      contact_name: "La persona de contacto",
      contact_role: "El cargo del contacto",
      city: "La ciudad",
    },
    rowProblem: (problem: ImportRowProblem): string => {
      switch (problem.code) {
        case "kind-unknown":
          return `El tipo «${problem.value}» no indica ni una organización ni una persona.`;
        case "kind-empty":
          return "El tipo está vacío: indique si firmó una organización o una persona.";
        case "text":
          return textProblem(es.imports.textFields[problem.field], problem.problem, problem.max);
        case "country-unknown":
          return `No conocemos el país «${problem.value}»: escriba su nombre (en español, inglés, francés o portugués) o su código ISO de dos letras.`;
        case "website-invalid":
          return "El sitio web no es una dirección web, como ejemplo.org.";
        case "website-too-long":
          return `El sitio web puede tener como máximo ${problem.max} caracteres.`;
        case "email-invalid":
          return "El correo no es una dirección válida, como nombre@ejemplo.org.";
        case "email-missing":
          return "El correo está vacío: un correo de confirmación necesita una dirección.";
        case "differ":
          return {
            organization:
              "El nombre de la organización y la organización están rellenados los dos, y no coinciden: deje uno.",
            contact: "La persona de contacto y el nombre están rellenados los dos, y no coinciden: deje uno.",
            role: "El cargo del contacto y el cargo están rellenados los dos, y no coinciden: deje uno.",
            signatory: "Dos columnas dan el nombre del firmante, y no coinciden: deje una.",
          }[problem.pair];
        case "organization-name-empty":
          return "El nombre de la organización está vacío.";
        case "website-for-individual":
          return "El sitio web es para organizaciones, y esta fila es de una persona.";
        case "contact-for-individual":
          return "La persona de contacto es para organizaciones, y esta fila es de una persona.";
        case "name-empty":
          return "El nombre está vacío.";
        case "erased":
          return "Esta fila se borró.";
        case "duplicate-in-file":
          return problem.organization
            ? `La misma organización que la fila ${problem.row}.`
            : `El mismo correo (el mismo buzón) que la fila ${problem.row}.`;
        case "already-signed":
          return problem.organization
            ? "Esta organización ya firmó esta carta."
            : "Este correo (este buzón) ya firmó esta carta.";
        case "same-person-in-file":
          return es.importFollowUp.samePersonInFile(problem.row);
        case "person-already-signed":
          return es.importFollowUp.personAlreadySigned;
        case "found-while-importing":
          return "Ya firmó esta carta (se vio al importar).";
        case "status-not-counted":
          return `${{ hidden: "Oculta", rejected: "Rechazada", withdrawn: "Retirada" }[problem.status]} en el archivo: allí no contaba, así que se omite.`;
        case "status-unconfirmed":
          return "Nunca se confirmó por correo en el archivo: se omite, porque la coalición avala las firmas. Para pedir a estas personas que confirmen, importe el archivo eligiendo que cada firmante confirme.";
        case "status-unknown":
          return `El estado «${problem.value}» no es uno de los que escribe este sitio: si esa columna dice otra cosa, elija «No importar» para ella.`;
        case "as-written":
          return problem.text;
      }
    },
  },

  /** Issue 14's follow-ups on imports: signers without an email counted once, confirmation emails sent again. */
  importFollowUp: {
    samePersonInFile: (row: number) =>
      `La misma persona que la fila ${row}: el mismo nombre, la misma ciudad y el mismo país, y ninguna dirección de correo que las distinga.`,
    personAlreadySigned:
      "Esta persona ya firmó esta carta: el mismo nombre, la misma ciudad y el mismo país, y ninguna dirección de correo que las distinga.",
    emailsWaiting: (count: number) =>
      plural(L, count, {
        one: "correo de confirmación por enviar: el servicio de correo lo rechazó por un momento, y vuelve a salir solo en unos minutos",
        other:
          "correos de confirmación por enviar: el servicio de correo los rechazó por un momento, y vuelven a salir solos en unos minutos",
      }),
    emailsGivenUp: (count: number) =>
      plural(L, count, {
        one: "correo de confirmación no se envió tras varios intentos: reenvíelo desde la página de firmas, o confirme la firma cuando quien firmó lo pida",
        other:
          "correos de confirmación no se enviaron tras varios intentos: reenvíelos desde la página de firmas, o confirme las firmas cuando quienes firmaron lo pidan",
      }),
    sendNow: "Enviarlos ahora",
    markerWaiting: "correo de confirmación por enviar",
    markerGivenUp: "correo de confirmación no enviado",
  },

  order: {
    title: (title: string) => `Orden de las organizaciones: ${title}`,
    back: "← Firmas",
    heading: "Orden de las organizaciones",
    intro:
      "Las organizaciones aparecen antes que las personas. Numere las que deben ir primero (1 la primera); deje las demás vacías y seguirán en el orden en que firmaron. Dos con el mismo número conservan su orden de firma.",
    fromFile: [
      "Esta carta viene de ",
      ". Si guarda un orden aquí, pasa a gestionarla el área de organizadores: al cargar los archivos, ya no se tocará.",
    ],
    none: "Todavía no firmó ninguna organización.",
    caption: "Las organizaciones en su orden actual",
    place: "Puesto",
    organization: "Organización",
    save: "Guardar el orden",
  },

  confirmOnRequest: {
    title: (name: string) => `Confirmar a ${name} a petición suya`,
    back: (title: string) => `← Firmas de «${title}»`,
    question: (name: string) => `¿Confirmar «${name}» a petición de quien firmó?`,
    reason: "Motivo",
    anOrganization: "Una organización",
    aPerson: "Una persona",
    signed: (who: string, email: string | null): [string, string] => [
      `${who}; firmó el `,
      `${email ? `, con ${email}` : ""}. Espera la confirmación por correo.`,
    ],
    counts:
      "Cuenta de inmediato y aparece en la página pública (salvo que quien firmó pidiera no figurar en la lista).",
    waitsForReview: "Espera la aprobación de un organizador, como las firmas de organizaciones en esta carta.",
    onlyWhenAsked:
      "Hágalo solo si quien firmó se lo pidió y sabe que es esa persona: nada prueba la dirección de correo.",
    logged: "Su motivo queda en el registro de actividad, para los propietarios.",
    reasonHint: (max: number) =>
      `Cómo lo pidió quien firmó, y cuándo. Como máximo ${formatNumber(max, L)} caracteres; solo lo ven los organizadores.`,
    confirm: "Confirmar la firma",
    goBack: "No, volver",
  },

  delivery: {
    printTitle: "Imprimir o guardar como PDF:",
    printText:
      "use la orden Imprimir de su navegador (Ctrl+P, o ⌘P en un Mac) y elija una impresora o «Guardar como PDF». Elija papel A4 o Carta, y desactive los encabezados y pies de página del navegador: las páginas se numeran abajo.",
    listed:
      "Solo figuran las firmas confirmadas; quienes pidieron no aparecer se cuentan. No aparece ninguna dirección de correo.",
    back: "Volver al área de organizadores",
  },

  issues: {
    text: (field: IssueTextField, problem: TextProblem, max: number) =>
      textProblem(es.issues.fields[field], problem, max),
    fields: {
      title: "El título",
      organizationName: "El nombre de la organización",
      contactName: "El nombre de la persona de contacto",
      contactRole: "El cargo de la persona de contacto",
      name: "El nombre",
      affiliation: "La organización",
      personTitle: "El cargo",
      city: "La ciudad",
      label: "La descripción del token",
    },
    titleMissing: "Póngale un título a la carta.",
    addresseeMissing: "Indique a quién va dirigida la carta, una línea por cada línea de la dirección.",
    addresseeTooLong: (max: number) =>
      `El bloque del destinatario puede tener como máximo ${formatNumber(max, L)} caracteres.`,
    addresseeUnreadable: "El bloque del destinatario contiene caracteres que no se pudieron leer.",
    summaryTooLong: (max: number) => `El resumen puede tener como máximo ${formatNumber(max, L)} caracteres.`,
    summaryUnreadable: "El resumen contiene caracteres que no se pudieron leer.",
    bodyMissing: "Escriba el texto de la carta.",
    bodyTooLong: (max: number) => `El texto de la carta puede tener como máximo ${formatNumber(max, L)} caracteres.`,
    bodyUnreadable:
      "El texto de la carta contiene caracteres que no se pudieron leer. Péguelo de nuevo como texto sin formato.",
    slugInvalid: (max: number) =>
      `La dirección solo puede llevar minúsculas sin acentos, cifras y guiones sueltos, con un máximo de ${formatNumber(max, L)} caracteres.`,
    slugReserved: "El área de organizadores usa esta dirección. Elija otra.",
    slugMissing:
      "Elija la dirección de la carta, por ejemplo honduras-nuevas-elecciones-2017: el título no tiene letras latinas ni cifras con las que formarla.",
    languageTranslated:
      "La carta ya tiene una traducción a este idioma. Elimine primero esa traducción, o mantenga el idioma de la carta.",
    slugTaken: "Otra carta ya tiene esta dirección. Elija otra.",
    dateInvalid: "Indique la fecha que lleva la carta, por ejemplo 2017-12-20.",
    languageInvalid: "Elija de la lista el idioma en que está escrita la carta.",
    confirmInvalid: "Elija cómo se confirman las firmas.",
    closesAtInvalid: "Indique el cierre como fecha y hora, por ejemplo 2018-01-31 23:59, o déjelo vacío.",
    timeZoneInvalid: "Elija la zona horaria de la lista, por ejemplo «Honduras — Tegucigalpa».",
    closesAtSkipped: (day: string, zone: string) => {
      const place = timeZonePlace(zone, L);
      return `Esa hora no existe el ${formatDate(day, L)} en ${place ? `la hora de ${place}` : "UTC"}: los relojes se adelantan y se la saltan. Elija una hora más tarde.`;
    },
    closesAtTooLate:
      "Elija un cierre anterior al año 10000, o déjelo vacío: sin cierre, la carta sigue abierta hasta que usted la cierre.",
    changeInvalid: "Elija un cambio de etapa con los botones de la página.",
    deliveredOnInvalid: "Indique el día en que se entregó la carta, por ejemplo 2017-12-20.",
    deliveredOnFuture: (today: string, zone: string) => {
      const place = timeZonePlace(zone, L);
      return `La fecha de entrega no puede estar en el futuro: indique el día en que se entregó la carta, hoy (${formatDate(today, L)}, ${place ? `hora de ${place}` : "UTC"}) o antes.`;
    },
    deliveryNoteUnreadable: "La nota de entrega contiene caracteres que no se pudieron leer. Escríbala de nuevo.",
    deliveryNoteTooLong: (max: number) =>
      `La nota de entrega puede tener como máximo ${formatNumber(max, L)} caracteres, en una sola línea.`,
    kindMissing: "Indique si firmó una organización o una persona.",
    websiteInvalid: "Indique el sitio web de la organización, como example.org o https://example.org/, o déjelo vacío.",
    websiteTooLong: (max: number) => `El sitio web puede tener como máximo ${formatNumber(max, L)} caracteres.`,
    countryInvalid: "Elija un país de la lista.",
    emailInvalid: "Indique una dirección de correo válida, o déjela vacía.",
    receivedInvalid: "Indique cómo le llegó la firma.",
    organizationNameMissing: "Escriba el nombre de la organización.",
    personNameMissing: "Escriba el nombre completo de la persona.",
    fieldForPerson: "Este campo es para una persona: vacíelo o elija «Una persona» arriba.",
    fieldForOrganization: "Este campo es para una organización: vacíelo o elija «Una organización» arriba.",
    webhookUrl: (problem: WebhookUrlProblem, max: number) =>
      ({
        "too-long": `La dirección puede tener como máximo ${formatNumber(max, L)} caracteres.`,
        "not-a-url": "Indique una dirección completa, por ejemplo https://crm.example.org/hooks/undersigned.",
        "not-https": "La dirección debe empezar por https:// para que las firmas viajen cifradas.",
        credentials:
          "No ponga nombre de usuario ni contraseña en la dirección: compruebe en su lugar la cabecera de firma.",
        "not-public": "La dirección debe ser la de un servidor público (sin direcciones IP ni nombres locales).",
        port: "Quite el puerto: la dirección debe usar el puerto estándar de HTTPS (443).",
        "ip-address": "Use el nombre del servidor del sistema que recibe (como crm.example.org), no una dirección IP.",
        "trailing-dot": "Quite el punto al final del nombre del servidor.",
      })[problem],
    areaLanguage: "Elija español, francés, inglés o portugués.",
    nameMissing: "Escriba el nombre de la persona.",
    nameTaken: (theirs: string) =>
      `${theirs} ya usa este nombre. Añada algo que les distinga, como un apellido o su equipo.`,
    emailMissing: "Escriba una dirección de correo.",
    emailMalformed: "Escriba una dirección de correo como nombre@ejemplo.org.",
    roleMissing: "Elija un rol.",
    languageMissing: "Elija un idioma.",
    sessionMissing: "Elija una sesión.",
    placeInvalid: (text: string) => `«${text}» no es un puesto: use números enteros desde 1, o déjelo vacío.`,
    searchTooLong: (max: number) => `La búsqueda puede tener como máximo ${formatNumber(max, L)} caracteres.`,
    statusInvalid: "Elija un estado de la lista.",
    kindInvalid: "Elija organizaciones o personas de la lista.",
    countryCode: "Elija un país de la lista.",
    channelInvalid: "Elija de la lista por dónde llegaron las firmas.",
    verifiedInvalid: "Elija de la lista verificadas o no verificadas.",
    dayInvalid: (field: "from" | "to") =>
      `«${field === "from" ? "Firmadas desde" : "Firmadas hasta"}» debe ser una fecha, por ejemplo 2017-12-20.`,
    fromAfterTo: "«Firmadas desde» es posterior a «Firmadas hasta».",
    pageLink: "El enlace a esta página está roto. Vuelva a la primera página.",
    actionInvalid: "Elija una acción: aprobar, rechazar, ocultar o restaurar.",
    noneTicked:
      "Marque las firmas que quiere cambiar, o elija «Todas las que coinciden». Vuelva atrás e inténtelo de nuevo.",
    reasonMissing:
      "Explique por qué la confirma en nombre de quien firmó, por ejemplo: «Lo pidió por teléfono el 3 de mayo: su correo rebota».",
    reasonTooLong: (max: number, length: number) =>
      `El motivo puede tener como máximo ${formatNumber(max, L)} caracteres (tiene ${formatNumber(length, L)}).`,
    reasonUnprintable:
      "El motivo contiene caracteres de control o invisibles (suele pasar al pegarlo desde otro programa). Escríbalo de nuevo como texto simple.",
    personInvalid: "Elija una persona de la lista.",
    activityInvalid: "Elija una acción de la lista.",
    letterInvalid: "Elija una carta de la lista.",
    logDayInvalid: (field: "from" | "until") =>
      `«${field === "from" ? "Desde" : "Hasta"}» debe ser una fecha, por ejemplo 2026-11-30.`,
  },

  problems: {
    /** The right admin token while the admin token's account is disabled (login form and API). */
    adminTokenDisabled: {
      title: "La cuenta de la clave de administración está desactivada",
      message:
        "La cuenta de la clave de administración está desactivada: una persona propietaria la desactivó en la página Personas, así que la clave ya no da acceso a nadie. Entre con su propia cuenta (por correo o con una llave de acceso) o pida a una persona propietaria que la vuelva a activar.",
    },
    accountDisabled: {
      title: "Esta cuenta está desactivada",
      message: "Esta cuenta se desactivó: un propietario puede volver a activarla.",
    },
    personNotFound: {
      title: "Esta persona no existe",
      message: "No hay ningún organizador en esta dirección. Vuelva a Personas.",
    },
    nothingToResend: (person: NamedPerson) => ({
      title: "No hay nada que reenviar",
      message: `${es.people.nameOf(person)} ya se unió o su cuenta está desactivada.`,
    }),
    adminTokenStaysOwner: {
      title: "La clave de administración sigue siendo propietaria",
      message: "La cuenta de la clave de administración es siempre propietaria.",
    },
    enableNameTaken: (person: NamedPerson, holder: NamedPerson) => ({
      title: "Alguien usa ahora este nombre",
      message: `${es.people.nameOf(holder)} usa ahora el nombre de ${es.people.nameOf(person)}: dos personas activas con el mismo nombre podrían confundirse. Pida antes a una de ellas que cambie su nombre (en la página de su cuenta).`,
    }),
    peopleKeptChanging: {
      title: "Las personas seguían cambiando",
      message: "Se estaba haciendo otro cambio en las personas al mismo tiempo. Inténtelo de nuevo.",
    },
    personDisabled: (person: NamedPerson) => ({
      title: "Esta cuenta está desactivada",
      message: `La cuenta de ${es.people.nameOf(person)} está desactivada: reactívela primero.`,
    }),
    lastOwner: (person: NamedPerson, adminTokenCounts: boolean) => ({
      title: "El último propietario",
      message: `${es.people.nameOf(person)} es el último propietario activo. Nombre antes a otra persona propietaria: alguien tiene que poder gestionar las personas.${adminTokenCounts ? "" : " La cuenta de la clave de administración no cuenta: no hay una clave de administración válida, así que nadie puede entrar con ella."}`,
    }),
    alreadyDisabled: (person: NamedPerson) => ({
      title: "Ya está desactivada",
      message: `La cuenta de ${es.people.nameOf(person)} ya está desactivada.`,
    }),
    languageNotOffered: {
      title: "No es un idioma del área de organizadores",
      message:
        "El área de organizadores está en español, francés, inglés y portugués: elija uno de ellos con los botones de idioma de la parte superior de la página.",
    },
    noPasskeySent: {
      title: "No se envió ninguna llave de acceso",
      message: "Su navegador no envió ninguna llave de acceso. Inténtelo de nuevo o entre de otra manera.",
    },
    passkeysNotForAdminToken: {
      title: "No es para la cuenta de la clave de administración",
      message:
        "La cuenta de la clave de administración no puede tener llaves de acceso: seguirían funcionando después de cambiar la clave. Invítese por correo como propietario (Personas), entre con esa cuenta y añada allí sus llaves de acceso.",
    },
    filterRefused: (problems: string) => ({ title: "No se pudo usar ese filtro", message: problems }),
    formRefused: (problems: string) => ({ title: "No se pudo usar este formulario", message: problems }),
    formTooLarge: (kilobytes: number) => ({
      title: "Se envió demasiado",
      message: `El formulario envió más de ${formatNumber(kilobytes, L)} KB. Acorte el texto de la carta o divida lo que está pegando.`,
    }),
    apiBodyTooLarge: (kilobytes: number) => ({
      title: "Se envió demasiado",
      message: `El cuerpo de la solicitud supera los ${formatNumber(kilobytes, L)} KB, mucho más de lo que esta API lee. Envíe solo el JSON que pide la ruta.`,
    }),
    fileTooLarge: (megabytes: number) => ({
      title: "El archivo es demasiado grande",
      message: `El archivo ocupa más de ${formatNumber(megabytes, L)} MB. Divídalo, o quite las columnas que no va a importar, e importe cada parte.`,
    }),
    importNotFound: {
      title: "Importación no encontrada",
      message: "Esta carta no tiene esa importación. Vuelva a sus importaciones.",
    },
    importStarted: {
      title: "Esta importación ya comenzó",
      message: "Ya no se puede cambiar qué es cada columna. Vuelva a cargar su página.",
    },
    importRechecking: {
      title: "Esta importación se está revisando de nuevo",
      message:
        "Sus filas se están revisando otra vez con otros campos para las columnas (desde otra pestaña o ventana). Vuelva a cargar su página, revise qué se importará y vuelva a pulsar el botón de importar.",
    },
    nothingToImport: {
      title: "No hay nada que importar",
      message:
        "Ninguna fila de este archivo se puede importar. Descargue sus filas rechazadas, corríjalas e impórtelas.",
    },
    importChanged: {
      title: "Esta importación cambió desde que se mostró su página",
      message:
        "Los campos de sus columnas se cambiaron en otra pestaña o ventana, o esta página es de otro archivo. Vuelva a cargar su página, revise qué se importará y vuelva a pulsar el botón de importar.",
    },
    refusedRowsErased: (days: number) => ({
      title: "Las filas rechazadas se borraron",
      message: `Las filas de una importación se guardan ${formatNumber(days, L)} días después de terminar; las de esta ya no están. Sus recuentos y sus firmas se mantienen.`,
    }),
    deliveryLanguage: (languages: string[]) => ({
      title: "Esa traducción no existe",
      message: `Esta carta está en ${new Intl.ListFormat(L).format(languages.map((tag) => formatLanguageName(tag, L)))}: elija uno de esos idiomas.`,
    }),
    statusUnknown: (statuses: readonly string[]) => ({
      title: "Estado desconocido",
      message: `status debe ser uno de estos: ${statuses.join(", ")}.`,
    }),
    cursorInvalid: { title: "Cursor no válido", message: "before debe ser un cursor de una página anterior." },
    actionUnknown: (actions: readonly string[]) => ({
      title: "Acción desconocida",
      message: `Las acciones son: ${actions.join(", ")}.`,
    }),
    letterNotFound: {
      title: "Carta no encontrada",
      message: "No hay ninguna carta en esta dirección. Vuelva a la lista de cartas.",
    },
    changeInapplicable: (state: LetterState, signed: boolean) => ({
      title: "Ese cambio no es posible",
      message: signed
        ? "Esta carta ya tiene firmas: no puede volver a ser un borrador. Ciérrela en su lugar."
        : `Una carta en estado «${es.states[state]}» no puede cambiar así. Recargue la página para ver su etapa.`,
    }),
    letterChanged: {
      title: "La carta cambió mientras tanto",
      message: "Otra persona modificó esta carta al mismo tiempo. Recargue la página e inténtelo de nuevo.",
    },
    notDeletable: {
      title: "Esta carta no se puede eliminar",
      message:
        "Solo se puede eliminar un borrador que nadie ha firmado y que nunca se publicó. Cierre la carta en su lugar.",
    },
    revisionNotFound: {
      title: "Versión no encontrada",
      message: "Esta carta no tiene ninguna versión con ese número.",
    },
    translationNotOffered: (languages: string[]) => ({
      title: "Esa traducción no existe",
      message: `Una carta se puede traducir a: ${new Intl.ListFormat(L, { type: "disjunction" }).format(languages.map((tag) => formatLanguageName(tag, L)))}.`,
    }),
    translationNotFound: {
      title: "Esa traducción no existe",
      message: "Esta carta no tiene traducción a ese idioma.",
    },
    /** The organizers' API refused a webhook address (domain/webhook.ts webhookUrlProblem): the form's words for it. */
    webhookUrlRefused: (problem: WebhookUrlProblem, max: number) => ({
      title: "Dirección de webhook rechazada",
      message: es.issues.webhookUrl(problem, max),
    }),
    webhookBodyInvalid: (unknown: string | null) => ({
      title: "Cuerpo de la petición rechazado",
      message:
        (unknown === null ? "" : `No existe el campo ${JSON.stringify(unknown)}. `) +
        'Envíe JSON como {"url": "https://crm.example.org/hooks/undersigned", "include_email": false}: url es una dirección https:// o null (sin webhook), include_email y rotate_secret son true o false.',
    }),
    noWebhook: {
      title: "No hay ningún webhook guardado",
      message: "Guarde primero una dirección de webhook; después podrá enviarle un envío de prueba.",
    },
    signatureNotFound: {
      title: "Firma no encontrada",
      message: "Esta carta no tiene ninguna firma con esa referencia.",
    },
    organizationHeld: (name: string, holder: string, status: SignatureStatus) => ({
      title: "Otra firma ocupa esta organización",
      message: `Ya existe otra firma de ${name}: «${holder}» (${es.signatures.statuses[status]}). Una organización firma una sola vez: oculte o rechace primero esa firma para restaurar esta.`,
    }),
    actionInapplicable: (status: SignatureStatus, action: ModerationAction) => ({
      title: "Esa acción no es posible",
      message: `Esta firma está ${es.signatures.statuses[status]}: no se puede ${{ approve: "aprobar", reject: "rechazar", hide: "ocultar", restore: "restaurar" }[action]}. Recargue la página para ver su estado.`,
    }),
    tooManySelected: (max: number) => ({
      title: "Demasiadas firmas seleccionadas",
      message: `Seleccione como máximo ${formatNumber(max, L)} a la vez.`,
    }),
    onlyOrganizationsVerified: (name: string) => ({
      title: "Solo se verifican organizaciones",
      message: `${name} firmó a título individual.`,
    }),
    notWaiting: (status: SignatureStatus, doing: "resend" | "confirm") => ({
      title: "Ya no espera su correo",
      message: `Esta firma está ${es.signatures.statuses[status]}: solo se puede ${doing === "resend" ? "reenviar el correo de" : "confirmar"} una firma que espera la confirmación por correo. Recargue la página para ver su estado.`,
    }),
    signingClosed: (doing: "resend" | "confirm") => ({
      title: "La firma está cerrada",
      message: `Esta carta ya no admite firmas: no se puede ${doing === "resend" ? "reenviar el correo de" : "confirmar"} una firma que aún espera su correo. Si debe contar, vuelva a abrir primero la carta.`,
    }),
    noMailer: {
      title: "No se puede enviar ningún correo",
      message:
        "Este sitio todavía no puede enviar correos: no sale ninguna invitación, enlace de acceso ni correo de confirmación. Pida a quien administra el sitio que lo configure (MAILER, RESEND_API_KEY y MAIL_FROM).",
    },
    noEmailAddress: {
      title: "No se puede enviar ningún correo",
      message: "Esta firma no tiene dirección de correo a la que enviarlo.",
    },
    emailAllowanceUsed: (max: number, resetsAt: string, zone: string) => ({
      title: "No se pueden enviar más correos a esta firma hoy",
      message: `Ya se usaron los ${formatNumber(max, L)} correos que admite en 24 horas (así nadie puede inundar un buzón). Se podrá reenviar después del ${formatMoment(resetsAt, zone, L, (place, offset) => (place ? `hora de ${place}, ${offset}` : offset))}; o confírmela en nombre de quien firmó, indicando el motivo.`,
    }),
    changedMeanwhile: {
      title: "Ya no espera su correo",
      message:
        "Esta firma cambió mientras tanto (puede que quien firmó acabe de confirmarla). Recargue la página para ver su estado.",
    },
    keptChanging: {
      title: "La firma no dejaba de cambiar",
      message: "Se estaba haciendo otro cambio al mismo tiempo. Inténtelo de nuevo.",
    },
    notForYourRole: {
      title: "No corresponde a su rol",
      message: "Su rol en esta área de organizadores no incluye esto. Si lo necesita, pídaselo a un propietario.",
    },
    formExpired: {
      title: "Este formulario ha caducado",
      message:
        "La página desde la que lo envió es demasiado antigua o viene de otro sitio. Vuelva atrás, recargue la página e inténtelo de nuevo.",
    },
    /** A form post refused by the same-origin check (http/security.ts formGuards): another site's, or one with no Origin. */
    crossSite: {
      title: "Enviado desde otro sitio o una página antigua",
      message:
        "Este formulario se envió desde otro sitio o desde una página antigua: vuelva atrás, recargue la página y envíelo de nuevo.",
    },
    organizersOnly: {
      title: "Solo para organizadores",
      message: "Esta dirección requiere una sesión de organizador o un token de API (Authorization: Bearer …).",
    },
    httpsOnly: {
      title: "Inicie sesión por HTTPS",
      message: "Los organizadores solo pueden iniciar sesión por una conexión segura (https://).",
    },
    tooManyLogins: {
      title: "Demasiados intentos",
      message: "Hubo demasiados intentos de inicio de sesión. Espere un minuto e inténtelo de nuevo.",
    },
    tooManyTokens: {
      title: "Demasiados intentos",
      message: "Se enviaron demasiados tokens incorrectos. Espere y vuelva a enviar la petición con el token correcto.",
    },
    unknownChange: {
      title: "Cambio desconocido",
      message: "Elija un cambio de etapa con los botones de la página.",
    },
    pageLink: {
      title: "El enlace a esta página no es válido",
      message: "El enlace a esta página de firmas está roto. Vuelva a la primera página.",
    },
  },

  errorPage: {
    status: (status: number) => `Error ${status}`,
    tryAgainIn: (seconds: number) =>
      seconds < 90
        ? `Vuelva a intentarlo dentro de ${plural(L, seconds, { one: "# segundo", other: "# segundos" })}.`
        : `Vuelva a intentarlo dentro de ${plural(L, Math.ceil(seconds / 60), { one: "# minuto", other: "# minutos" })}.`,
    byStatus: {
      400: {
        title: "No se pudo entender la petición",
        message:
          "Algo de lo que se envió no es lo que esta página espera. Vuelva atrás, recargue la página e inténtelo de nuevo.",
      },
      401: { title: "Inicie sesión", message: "Esta página es para organizadores. Inicie sesión primero." },
      403: {
        title: "No corresponde a su rol",
        message: "Su rol en esta área de organizadores no incluye esto. Si lo necesita, pídaselo a un propietario.",
      },
      404: {
        title: "Página no encontrada",
        message:
          "No hay nada en esta dirección del área de organizadores. Puede que esté mal escrita o que se haya eliminado.",
      },
      405: {
        title: "Esta dirección no funciona así",
        message:
          "Esta página no se puede usar de ese modo. Vuelva atrás y use los enlaces y botones de la propia página.",
      },
      409: {
        title: "Algo cambió mientras tanto",
        message: "Lo que quería cambiar ya no está como lo mostraba la página. Recárguela e inténtelo de nuevo.",
      },
      413: {
        title: "Se envió demasiado",
        message:
          "El formulario envió más de lo que admite esta página. Acorte lo que escribió o envíe un archivo más pequeño.",
      },
      415: {
        title: "No se acepta este tipo de formulario",
        message: "Envíelo desde la propia página del área de organizadores: recárguela e inténtelo de nuevo.",
      },
      422: {
        title: "Hay que corregir algo del formulario",
        message: "Vuelva atrás, revise lo que escribió y envíelo de nuevo.",
      },
      429: { title: "Demasiados intentos", message: "Hubo demasiados intentos en poco tiempo." },
      500: {
        title: "Algo falló de nuestro lado",
        message: "No se pudo hacer lo que pidió. No es culpa suya; vuelva a intentarlo dentro de un momento.",
      },
      503: {
        title: "Esto no está disponible en este momento",
        message: "Un servicio que necesita esta página no respondió.",
      },
    },
  },

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# firma", other: "# firmas" }),
    organizations: (count: number) => plural(L, count, { one: "# organización", other: "# organizaciones" }),
    individuals: (count: number) => plural(L, count, { one: "# persona", other: "# personas" }),
  },
};
