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

  confirm: {
    back: "No, volver",
  },

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# firma", other: "# firmas" }),
    organizations: (count: number) => plural(L, count, { one: "# organización", other: "# organizaciones" }),
    individuals: (count: number) => plural(L, count, { one: "# persona", other: "# personas" }),
  },
};
