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
    apiTokens: "Tokens de API",
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

  roles: {
    yours: "Sua função:",
    names: { owner: "Proprietário", editor: "Editor", moderator: "Moderador", viewer: "Leitor" },
    may: {
      owner:
        "Você pode fazer tudo: redigir e publicar cartas, moderar e exportar assinaturas, e gerenciar pessoas, webhooks e configurações.",
      editor:
        "Você pode redigir cartas e suas traduções, publicá-las, encerrá-las e entregá-las, e ordenar as organizações. Os dados pessoais de quem assina ficam com os moderadores.",
      moderator:
        "Você pode revisar, aprovar, ocultar e restaurar assinaturas, adicioná-las à mão, importá-las e exportá-las. Mudar o texto ou a etapa de uma carta cabe aos editores.",
      viewer:
        "Você pode ler as cartas, suas etapas e contagens, e baixar o documento de entrega. Os dados pessoais de quem assina e qualquer mudança cabem a outras funções.",
    },
    readOnlyLetter: "Sua função pode ler esta carta; mudar seu texto ou sua etapa cabe a editores e proprietários.",
    signatureCounts: (counted: string, waiting: string) => `Assinaturas: ${counted} contadas, ${waiting} aguardando`,
  },

  tokens: {
    title: "Tokens de API",
    intro:
      "Um programa (um script de planilha, sua base de contatos) pode usar a API dos organizadores em seu nome com um token. Ele pode fazer o que sua função permite, e deixa de funcionar quando você o revoga ou quando sua conta é removida.",
    usage: "Envie-o em cada requisição para `/admin/api/…` no cabeçalho `Authorization: Bearer <token>`.",
    newTitle: "Seu novo token",
    newWarning:
      "Copie-o agora e guarde-o em um lugar seguro: só a sua impressão digital é guardada, e ele não será mostrado de novo.",
    newLabel: (label: string) => `Token para “${label}”`,
    createTitle: "Criar um token",
    labelLabel: "Para que serve",
    labelHint: "Um nome que diga onde o token é usado, como “Planilha de assinaturas”.",
    labelMissing: "Diga para que serve o token, em no máximo 100 caracteres.",
    create: "Criar o token",
    listTitle: "Seus tokens",
    caption: "Seus tokens que funcionam, os mais recentes primeiro",
    none: "Você não tem tokens.",
    label: "Para",
    created: "Criado em",
    lastUsed: "Último uso",
    neverUsed: "Nunca",
    actions: "Ações",
    revoke: "Revogar",
    revokeNamed: (label: string) => `Revogar o token para “${label}”`,
    revokeQuestion: (label: string) => `Revogar o token para “${label}”?`,
    revokeConsequences: [
      "Os programas que o usam são recusados na hora.",
      "Não dá para desfazer: crie um novo token se precisar de novo.",
    ],
    revoked: "O token foi revogado: não funciona mais.",
    gone: "Esse token não é seu, ou já tinha sido revogado.",
    tooMany: (limit: number) => `Você já tem ${limit} tokens: revogue primeiro um que não usa mais.`,
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
