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
    apiTokens: "Tokens de API",
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
    signatureCounts: (counted: string, waiting: string) => `Firmas: ${counted} contadas, ${waiting} en espera`,
  },

  tokens: {
    title: "Tokens de API",
    intro:
      "Un programa (un script de hoja de cálculo, su base de contactos) puede usar la API de organizadores en su nombre con un token. Puede hacer lo que puede hacer su rol, y deja de funcionar cuando usted lo revoca o cuando se elimina su cuenta.",
    usage: "Envíelo con cada solicitud a `/admin/api/…` en la cabecera `Authorization: Bearer <token>`.",
    newTitle: "Su nuevo token",
    newWarning: "Cópielo ahora y guárdelo en un lugar seguro: solo se guarda su huella y no se volverá a mostrar.",
    newLabel: (label: string) => `Token para «${label}»`,
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
    lastUsed: "Último uso",
    neverUsed: "Nunca",
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
    tooMany: (limit: number) => `Ya tiene ${limit} tokens: revoque primero uno que ya no use.`,
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
