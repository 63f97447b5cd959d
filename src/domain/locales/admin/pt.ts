/** The organizer area in Portuguese (Brazilian, as the public side; see en.ts for the shape and the rules). */
import { formatDate, formatLanguageName, formatNumber, plural } from "../format";
import type { AdminMessages } from "./en";

const L = "pt";

export const pt: AdminMessages = {
  locale: L,
  date: (iso: string) => formatDate(iso, L),
  number: (value: number) => formatNumber(value, L),
  languageName: (tag: string) => formatLanguageName(tag, L),

  layout: {
    titleSuffix: (site: string) => `organizadores do ${site}`,
    errorTitlePrefix: "Erro: ",
    skipToContent: "Ir para o conteúdo",
    siteName: (site: string) => `${site} · Organizadores`,
    navigation: "Área dos organizadores",
    letters: "Cartas",
    newLetter: "Nova carta",
    publicSite: "Site público",
    logOut: "Sair",
    language: "Idioma",
    switchTo: (autonym: string) => `Mostrar a área dos organizadores em ${autonym}`,
  },

  login: {
    title: "Entrar",
    heading: "Organizadores: entrar",
    closed:
      "A área dos organizadores está fechada: nenhuma chave de administração foi definida. Defina uma com `npx wrangler secret put ADMIN_TOKEN` (pelo menos 16 caracteres); `npm start` define uma em `.dev.vars` e a mostra.",
    problemTitle: "Não foi possível entrar",
    tokenLabel: "Chave de administração",
    tokenHint: "O segredo `ADMIN_TOKEN` deste site. `npm start` mostra a chave local.",
    submit: "Entrar",
    wrongToken: "Essa não é a chave de administração. Confira e tente de novo.",
  },

  dashboard: {
    title: "Cartas",
    draftDeleted: "O rascunho foi excluído.",
    empty: "Ainda não há cartas. Escreva a primeira.",
    caption: "Todas as cartas, as alteradas mais recentemente primeiro",
    letter: "Carta",
    state: "Situação",
    signatures: "Assinaturas",
    waiting: "Aguardando",
    dated: "Data",
    export: "Exportar:",
    exportCsv: "assinaturas (CSV)",
    exportDelivery: "documento de entrega",
  },

  states: {
    draft: "rascunho",
    open: "aberta",
    closed: "encerrada",
    delivered: "entregue",
  },

  forms: {
    errorPrefix: "Erro: ",
    problemCount: (count: number) => plural(L, count, { one: "Há um problema", other: "Há # problemas" }),
  },

  confirm: {
    back: "Não, voltar",
  },

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# assinatura", other: "# assinaturas" }),
    organizations: (count: number) => plural(L, count, { one: "# organização", other: "# organizações" }),
    individuals: (count: number) => plural(L, count, { one: "# pessoa", other: "# pessoas" }),
  },
};
