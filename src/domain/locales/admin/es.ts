/** The organizer area in Spanish (formal register, as the public side; see en.ts for the shape and the rules). */
import { formatDate, formatLanguageName, formatNumber, plural } from "../format";
import type { AdminMessages } from "./en";

const L = "es";

export const es: AdminMessages = {
  locale: L,
  date: (iso: string) => formatDate(iso, L),
  number: (value: number) => formatNumber(value, L),
  languageName: (tag: string) => formatLanguageName(tag, L),

  layout: {
    titleSuffix: (site: string) => `organizadores de ${site}`,
    errorTitlePrefix: "Error: ",
    skipToContent: "Ir al contenido",
    siteName: (site: string) => `${site} · Organizadores`,
    navigation: "Área de organizadores",
    letters: "Cartas",
    newLetter: "Nueva carta",
    publicSite: "Sitio público",
    logOut: "Cerrar sesión",
    language: "Idioma",
    switchTo: (autonym: string) => `Mostrar el área de organizadores en ${autonym}`,
  },

  login: {
    title: "Iniciar sesión",
    heading: "Organizadores: iniciar sesión",
    closed:
      "El área de organizadores está cerrada: no hay ninguna clave de administración. Defina una con `npx wrangler secret put ADMIN_TOKEN` (al menos 16 caracteres); `npm start` define una en `.dev.vars` y la muestra.",
    problemTitle: "No se pudo iniciar sesión",
    tokenLabel: "Clave de administración",
    tokenHint: "El secreto `ADMIN_TOKEN` de este sitio. `npm start` muestra la clave local.",
    submit: "Iniciar sesión",
    wrongToken: "Esa no es la clave de administración. Revísela e inténtelo de nuevo.",
  },

  dashboard: {
    title: "Cartas",
    draftDeleted: "El borrador se eliminó.",
    empty: "Todavía no hay cartas. Escriba la primera.",
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

  forms: {
    errorPrefix: "Error: ",
    problemCount: (count: number) => plural(L, count, { one: "Hay un problema", other: "Hay # problemas" }),
  },

  editor: {
    newLetter: "Nueva carta",
    editTitle: (title: string) => `Editar: ${title}`,
    publicPage: "Página pública",
    signaturesLink: (counted: number, waiting: number) =>
      `Firmas (${formatNumber(counted, L)} contadas, ${formatNumber(waiting, L)} en espera)`,
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
    slugHint:
      "Palabras en minúsculas unidas por guiones: la carta estará en /letters/su-direccion. Si la deja vacía, se crea a partir del título. Puede cambiarla hasta que la carta se publique.",
    languageHint:
      "El idioma en que está escrito este texto. Con los cuatro primeros, las páginas públicas están enteramente en ese idioma; con los demás, los botones y etiquetas alrededor de la carta están en inglés.",
    chooseLanguage: "Elija un idioma",
    interfaceLanguages: "Páginas públicas enteramente en este idioma",
    otherLanguages: "Otros idiomas",
    addresseeHint: "Una línea por cada línea de la dirección, tal como debe imprimirse.",
    bodyHint:
      "Markdown: una línea en blanco entre párrafos, `**negrita**`, `*cursiva*`, `[un enlace](https://…)`, `## Un título`.",
    summaryHint:
      "Para buscadores y vistas previas de enlaces, como máximo 300 caracteres. Si lo deja vacío, se usa el primer párrafo.",
    confirmHint:
      "Las firmas confirmadas solo cuentan cuando la persona hace clic en el enlace que le enviamos por correo.",
    confirmDefault: "Confirmar por correo cuando haya un servicio de correo configurado (predeterminado)",
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
    previewFrame: "Vista previa de la página pública",
    nothingToPreview: "Todavía no hay nada que mostrar",
    shareTitle: "Compartir el borrador",
    shareText:
      "Cualquier persona con este enlace puede leer el borrador (no aparece en ningún listado y se pide a los buscadores que no lo incluyan):",
    previewLink: "Enlace de vista previa",
    historyTitle: "Historial del texto",
    current: " (actual)",
    revisionPublished: (signatures: number) =>
      `publicada, con ${plural(L, signatures, { one: "# firma", other: "# firmas" })} en ese momento`,
    revisionDraft: "borrador",
    previewDraftNotice: "Vista previa de un borrador: así se verá la página una vez publicada. No es pública.",
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
    bodyHint: "Markdown, como en el original.",
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
    deliveredOnHint: (today: string) => `Hoy (${today}) o antes.`,
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
  },

  revision: {
    title: (date: string, title: string) => `Versión del ${date}: ${title}`,
    back: "Volver a la carta",
    savedPublished: (date: string, time: string, signatures: number) =>
      `El texto tal como se guardó el ${date} a las ${time}, cuando la carta era pública con ${plural(L, signatures, { one: "# firma", other: "# firmas" })}.`,
    savedDraft: (date: string, time: string) =>
      `El texto tal como se guardó el ${date} a las ${time}, cuando era un borrador.`,
  },

  exports: {
    title: "Exportar",
    listed: "Las firmas de esta lista, como hoja de cálculo (CSV)",
    confirmed: "Las firmas confirmadas, como hoja de cálculo (CSV)",
    every: "Todas las firmas, en cualquier estado, como hoja de cálculo (CSV)",
    delivery: "Documento de entrega: la carta y sus firmantes, listo para imprimir o guardar como PDF",
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
    whatWillBeSent: "Lo que se enviará",
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
      "Déselo a quien configuró el sistema que recibe, y a nadie más. Para esa persona: cada envío lleva `X-Undersigned-Signature: t=…,v1=…`, el HMAC-SHA-256 de `t.body` con este secreto.",
    summaryLabel: "Enviar el resumen diario a (opcional)",
    summaryHint: "Un correo cada mañana (07:00 UTC) con las firmas nuevas del día y lo que espera revisión.",
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
    nextTry: (time: string) => ` a las ${time}`,
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
    confirmForSigner: " a pedido de quien firmó…",
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
      `${formatNumber(counted, L)} contadas (${plural(L, organizations, { one: "# organización", other: "# organizaciones" })}, ${plural(L, individuals, { one: "# persona", other: "# personas" })}); ${formatNumber(waiting, L)} en espera.`,
    setOrder: "Ordenar las organizaciones",
    importSignatures: "Importar firmas",
    matching: (count: number) => plural(L, count, { one: "# firma coincide.", other: "# firmas coinciden." }),
    bulkLegend: "Cambiar varias a la vez",
    action: "Acción",
    scopeSelected: "Las filas que seleccioné",
    scopePage: (count: number) =>
      plural(L, count, { one: "La única fila de esta página", other: "Las # filas de esta página" }),
    scopeMatching: (count: number) => plural(L, count, { one: "La única que coincide", other: "Las # que coinciden" }),
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
      anOrganization: "Una organización",
      aPerson: "Una persona",
      organizationLegend: "Una organización: complete estos campos (deje vacíos los de la persona)",
      organizationName: "Nombre de la organización (público)",
      organizationNameHint: "Los nombres pueden empezar por + - o @, como +Acumen.",
      website: "Sitio web de la organización (opcional, público)",
      websiteHint: "Como example.org o https://example.org/",
      contactName: "Nombre de la persona de contacto (opcional, nunca se publica)",
      contactRole: "Cargo de la persona de contacto (opcional, nunca se publica)",
      personLegend: "Una persona: complete estos campos (deje vacíos los de la organización)",
      name: "Nombre completo de la persona (público)",
      affiliation: "Afiliación (opcional, pública)",
      personTitle: "Cargo (opcional, público)",
      city: "Ciudad (opcional)",
      country: "País (opcional)",
      email: "Correo (opcional, nunca se muestra)",
      emailHint: "Para una organización, el de su persona de contacto.",
      received: "Recibida",
      receivedBy: { paper: "En papel", email: "Por correo", other: "De otra forma" },
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
      "La firma quedó confirmada a pedido de quien firmó; su motivo está en el registro de moderación.",
    resent: (days: number, left: number, max: number) =>
      `Se volvió a enviar el correo de confirmación, con un enlace válido durante ${plural(L, days, { one: "# día", other: "# días" })}. ${
        left === 0
          ? "Era el último que se puede enviar hoy."
          : `Hoy se pueden enviar ${formatNumber(left, L)} más (como máximo ${formatNumber(max, L)} en 24 horas).`
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
    noneSelected: "No hay ninguna firma seleccionada",
    badExportFilter: "Ese filtro no se pudo usar",
    orderSaved: "El orden se guardó.",
  },

  bulk: {
    title: (action: string) => `${action}: firmas`,
    question: (action: string, count: number) =>
      `¿${action} ${plural(L, count, { one: "# firma", other: "# firmas" })}?`,
    button: (action: string, count: number) => `${action} ${plural(L, count, { one: "# firma", other: "# firmas" })}`,
    ofSelected: (count: number) => `De las ${formatNumber(count, L)} que seleccionó`,
    ofPage: (count: number) => `De las ${formatNumber(count, L)} de la página`,
    ofMatching: (count: number) => `De las ${formatNumber(count, L)} que coinciden con el filtro`,
    canBe: (count: number, moderated: string) =>
      plural(L, count, { one: `, # se puede ${moderated}`, other: `, # se pueden ${moderated}` }),
    others: (count: number) =>
      plural(L, count, { one: "; la otra no se ve afectada", other: "; las otras # no se ven afectadas" }),
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

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# firma", other: "# firmas" }),
    organizations: (count: number) => plural(L, count, { one: "# organización", other: "# organizaciones" }),
    individuals: (count: number) => plural(L, count, { one: "# persona", other: "# personas" }),
  },
};
