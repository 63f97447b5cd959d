/** The organizer area in Portuguese (Brazilian, as the public side; see en.ts for the shape and the rules). */
import type { ReceivedWay, SignInWay } from "../../activity";
import type { ImportFileProblem, ImportMappingProblem, ImportRowProblem } from "../../import-problems";
import { IMPORT_LIMITS, PASTED_FILE_NAME } from "../../import-limits";
import { formatDate, formatLanguageName, formatMoment, formatNumber, formatTime, plural } from "../format";
import { formatClock } from "../format";
import { textProblem } from "../pt";
import type { LetterState } from "../../letter";
import type { SignatureStatus } from "../../signature";
import type { Role } from "../../organizer-roles";
import type { ModerationAction } from "../../signing";
import { isUnrenamedBootstrap, type NamedPerson } from "../../organizer-roles";
import type { TextProblem } from "../../text";
import { timeZonePlace } from "../../time-zones";
import type { WebhookFailureKind, WebhookUrlProblem } from "../../webhook";
import type { AdminMessages, IssueTextField } from "./en";

const L = "pt";

/** An import's file name as the log words it: "pasted rows" for rows pasted rather than uploaded. */
const importName = (fileName: string): string => (fileName === PASTED_FILE_NAME ? pt.imports.pastedRows : fileName);

export const pt: AdminMessages = {
  locale: L,
  date: (iso: string) => formatDate(iso, L),
  number: (value: number) => formatNumber(value, L),
  time: (iso: string, zone: string, options?: { deadline?: boolean }) =>
    formatTime(
      iso,
      zone,
      L,
      (place: string | null, offset: string) => (place ? `horário de ${place}, ${offset}` : offset),
      options,
    ),
  languageName: (tag: string) => formatLanguageName(tag, L),

  layout: {
    titleSuffix: (site: string) => `organizadores do ${site}`,
    errorTitlePrefix: "Erro: ",
    skipToContent: "Ir para o conteúdo",
    siteName: (site: string) => `${site} · Organizadores`,
    navigation: "Área dos organizadores",
    menu: "Menu",
    letters: "Cartas",
    newLetter: "Nova carta",
    publicSite: "Site público",
    activity: "Atividade",
    apiTokens: "Tokens de API",
    logOut: "Sair",
    backToArea: "Voltar à área dos organizadores",
    language: "Idioma",
    switchTo: (autonym: string) => `Mostrar a área dos organizadores em ${autonym}`,
    people: "Pessoas",
    yourAccount: "Sua conta",
    signedInAs: (name: string, role: string | null) => `Sessão de ${name}${role === null ? "" : ` (${role})`}`,
    roleNames: { owner: "proprietário", editor: "editor", moderator: "moderador", viewer: "leitor" },
  },

  login: {
    title: "Entrar",
    heading: "Organizadores: entrar",
    closed:
      "A área dos organizadores ainda não pode ser aberta: quem administra o site precisa definir primeiro a chave de administração.",
    closedTechnical:
      "Para essa pessoa: `npx wrangler secret put ADMIN_TOKEN` (pelo menos 16 caracteres); `npm start` define uma em `.dev.vars` e a mostra.",
    problemTitle: "Não foi possível entrar",
    tokenLabel: "Chave de administração",
    tokenHint:
      "A chave de administração mostrada quando o site foi iniciado, ou a que recebeu de quem administra o site.",
    tokenTechnical: "Detalhe técnico: é o segredo `ADMIN_TOKEN` do site; `npm start` mostra a chave local.",
    submit: "Entrar",
    wrongToken: "Essa não é a chave de administração. Confira e tente de novo.",
    bootstrapDisabled:
      "A conta da chave de administração está desativada: uma pessoa proprietária a desativou na página Pessoas, por isso a chave já não dá acesso a ninguém. Entre com a sua própria conta (por e-mail ou com uma chave de acesso) ou peça a uma pessoa proprietária que a ative de novo.",
    byEmail: "Com seu endereço de e-mail",
    emailLabel: "Seu endereço de e-mail",
    emailHint:
      "O endereço para o qual um proprietário convidou você. Enviamos um link que faz você entrar, válido por 15 minutos.",
    emailSubmit: "Envie-me um link para entrar",
    emailProblemTitle: "Não foi possível enviar o link",
    byToken: "Com a chave de administração",
    loggedOut: "Você saiu da sua conta.",
    /** Why the session this browser had ended, said on the login page it is sent to (the redirect's `why`). */
    sessionEnded: {
      ended:
        "Você foi desconectado: esta sessão foi encerrada em outro dispositivo, ou com “Sair de todos os lugares”. Entre de novo.",
      expired: "Sua sessão expirou: uma sessão dura 12 horas. Entre de novo.",
      disabled:
        "Um proprietário desativou sua conta, o que encerrou as sessões dela. Peça a um proprietário se precisar de acesso de novo.",
      "token-changed": "A chave de administração mudou, o que encerra as sessões abertas com ela. Entre de novo.",
    },
    /** The login page's language links, before anyone is signed in. */
    languages: "Idioma",
    loggedOutEverywhere: (others: number) =>
      others === 0
        ? "Você saiu da sua conta aqui; não havia outra sessão aberta."
        : `Você saiu da sua conta aqui e em ${plural(L, others, { one: "mais # sessão", other: "mais # sessões" })}.`,
  },

  dashboard: {
    title: "Cartas",
    draftDeleted: "O rascunho foi excluído.",
    empty: "Ainda não há cartas. Escreva a primeira.",
    emptyRead: "Ainda não há cartas.",
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

  timeZones: {
    zone: (place: string | null, offset: string) => (place ? `horário de ${place} (${offset})` : offset),
    yours: (zone: string) => `Os horários desta página estão no seu fuso horário: ${zone}.`,
    none: "Os horários desta página estão em UTC: você ainda não escolheu seu fuso horário.",
    choose: "Escolher seu fuso horário",
    change: "Alterar",
    letters: (zone: string) => `Os horários e os dias desta página estão no fuso horário da carta: ${zone}.`,
    heading: "Seu fuso horário",
    label: "Fuso horário",
    hint: "A atividade, a página de pessoas, suas sessões, tokens de API e chaves de acesso mostram os horários nele, e os dias dos filtros são lidos nele. As páginas de uma carta usam o fuso horário da carta.",
    save: "Salvar o fuso horário",
    saved: "Seu fuso horário foi salvo.",
  },

  forms: {
    errorPrefix: "Erro: ",
    problemCount: (count: number) => plural(L, count, { one: "Há um problema", other: "Há # problemas" }),
  },

  editor: {
    newLetter: "Nova carta",
    editTitle: (title: string) => `Editar: ${title}`,
    publicPage: "Página pública",
    signaturesLink: (counted: number, waiting: number) =>
      `Assinaturas (${plural(L, counted, { one: "# contada", other: "# contadas" })}, ${formatNumber(waiting, L)} aguardando)`,
    fromFile: (file: string) =>
      `Esta carta vem de \`${file}\`. Salvá-la aqui (ou mudar sua etapa) faz com que ela passe a ser gerida por aqui: a partir de então, a versão da área dos organizadores é a carta, e o carregamento dos arquivos não a altera mais.`,
    labels: {
      title: "Título",
      slug: "Endereço",
      date: "Data da carta",
      language: "Idioma",
      addressee: "Destinatário",
      summary: "Resumo",
      body: "Texto da carta",
      confirm_signatures: "Confirmação por e-mail",
      review_organizations: "Assinaturas de organizações",
      closes_at: "Encerramento das assinaturas",
      closes_time_zone: "Fuso horário do encerramento",
    },
    slugFixed:
      "O endereço não pode mudar depois que a carta foi publicada: os links para ela e os pontos de controle do seu registro o citam.",
    /** The address of a draft never published that has signatures (domain/letter.ts addressLock "signed"). */
    slugFixedSigned:
      "O endereço não pode mais mudar: esta carta tem assinaturas (adicionadas à mão ou importadas), e o seu registro cita o endereço.",
    slugHint:
      "Palavras em minúsculas unidas por hifens: a carta ficará em /letters/seu-endereco. Se ficar vazio, é criado a partir do título. Pode mudar até a carta ser publicada ou receber a primeira assinatura.",
    languageHint:
      "O idioma em que este texto está escrito. Nos quatro primeiros, as páginas públicas ficam inteiramente nesse idioma; nos outros, os botões e rótulos em volta da carta ficam em inglês.",
    chooseLanguage: "Escolha um idioma",
    interfaceLanguages: "Páginas públicas inteiramente neste idioma",
    otherLanguages: "Outros idiomas",
    addresseeHint: "Uma linha para cada linha do endereço, como deve ser impresso.",
    bodyHint:
      "Markdown: uma linha em branco entre parágrafos, `**negrito**`, `*itálico*`, `[um link](https://…)`, `## Um título`. No máximo 100.000 caracteres.",
    summaryHint:
      "Para buscadores e prévias de links, no máximo 300 caracteres. Se ficar vazio, usa-se o primeiro parágrafo.",
    confirmHint: "As assinaturas confirmadas só contam depois que a pessoa clica no link que enviamos por e-mail.",
    confirmDefault: "Por e-mail se o site enviar e-mails (padrão)",
    confirmYes: "Sempre confirmar por e-mail",
    confirmNo: "Contar as assinaturas na hora",
    reviewOrganizations: "As assinaturas de organizações aguardam a aprovação de um organizador antes de contar",
    optional: (label: string) => `${label} (opcional)`,
    closesAtLabel: "Data e hora",
    closesAtHint:
      "Conforme os relógios do fuso horário abaixo. As assinaturas se encerram sozinhas nesse momento; a página pública mostra o horário com o fuso.",
    timeZoneHint: "Listados por país e depois por cidade.",
    create: "Criar o rascunho",
    save: "Salvar",
    preview: "Prévia",
    signedHint:
      "Já há pessoas que assinaram esta carta: salvar uma mudança no texto mostra “Atualizada em …” na página pública, e cada versão fica no histórico.",
    previewHint:
      "A página pública como vai ficar. Clique em “Prévia” para ver suas mudanças (ela acompanha o que você digita quando o JavaScript está ativado).",
    previewReadHint: "A página pública da carta, como seus leitores a veem.",
    previewFrame: "Prévia da página pública",
    nothingToPreview: "Ainda não há nada para mostrar",
    shareTitle: "Compartilhar o rascunho",
    shareText:
      "Qualquer pessoa com este link pode ler o rascunho (ele não aparece em nenhuma lista, e os buscadores são orientados a ignorá-lo):",
    previewLink: "Link da prévia",
    copyPreviewLink: "Copiar o link",
    previewLinkCopied: "Copiado: cole-o na sua mensagem.",
    previewLinkCopyFailed:
      "Este navegador não conseguiu copiá-lo: o link está selecionado, copie-o pelo teclado (Ctrl+C, ou ⌘C no Mac).",
    newPreviewLink: "Novo link da prévia",
    newPreviewLinkHint:
      "Se o link chegou a quem não devia, crie um novo: o de cima deixa de funcionar na hora. Envie o novo a quem ainda deve ler o rascunho.",
    historyTitle: "Histórico do texto",
    current: " (atual)",
    revisionPublished: (signatures: number) =>
      `publicada, com ${plural(L, signatures, { one: "# assinatura", other: "# assinaturas" })} naquele momento`,
    /** A version saved in a draft, made public when the letter was published: `when`, the catalog's `time`. */
    revisionPublishedLater: (when: string, signatures: number) =>
      `salva como rascunho; publicada em ${when}, com ${plural(L, signatures, { one: "# assinatura", other: "# assinaturas" })} naquele momento`,
    revisionDraft: "rascunho",
    revisionIn: (language: string) => `em ${language}`,
    previewDraftNotice: "Prévia de um rascunho: é assim que a página vai ficar depois de publicada. Ela não é pública.",
    previewStoredNotice: "Pré-visualização: a página pública como está agora.",
    previewNotice: "Prévia: é assim que a página pública fica com estas mudanças.",
  },

  translations: {
    title: "Traduções",
    hint: (language: string) =>
      `Cada tradução tem título e texto próprios; as assinaturas são contadas uma só vez, no idioma em que foram feitas. Esta carta está escrita em ${language}.`,
    edit: (language: string) => `Editar a tradução para o ${language}`,
    itsPublicPage: "sua página pública",
    translate: (language: string) => `Traduzir para o ${language}`,
  },

  translationEditor: {
    pageTitle: (language: string, title: string) => `${language}: ${title}`,
    existing: (language: string) => `Tradução para o ${language}`,
    new: (language: string) => `Nova tradução para o ${language}`,
    hint: (address: string) =>
      `Os leitores escolhem o idioma na página da carta (ou o navegador escolhe): ${address}. As assinaturas são contadas uma só vez, qualquer que seja o idioma em que foram feitas.`,
    addresseeHint: "Uma linha para cada linha do endereço.",
    bodyHint: "Markdown, como no original, no máximo 100.000 caracteres.",
    summaryHint: "Opcional: se ficar vazio, usa-se o primeiro parágrafo.",
    save: "Salvar a tradução",
    previewFrame: "Prévia da página pública traduzida",
    original: (language: string) => `O original (${language})`,
    deleteTitle: "Excluir esta tradução",
    deleteText: (language: string) =>
      `Quem lê em ${language} verá o original no lugar. As assinaturas não são afetadas.`,
    deleteButton: (language: string) => `Excluir a tradução para o ${language}`,
    saved: "A tradução foi salva.",
    deleteQuestion: (language: string) => `Excluir a tradução para o ${language}?`,
    deleteConsequences: (language: string, address: string) => [
      `O título e o texto em ${language} são excluídos para sempre; o endereço público (${address}) responde “não encontrada”.`,
      "As assinaturas não são afetadas: são contadas uma só vez, qualquer que seja o idioma em que foram feitas.",
    ],
    deleteConfirm: "Excluir a tradução",
  },

  stage: {
    title: "Etapa",
    draft: "Rascunho: só os organizadores, e quem recebe o link da prévia, podem vê-la.",
    open: "Aberta: publicada e recebendo assinaturas.",
    closed: "Encerrada: publicada; as assinaturas terminaram.",
    delivered: "Entregue: publicada, encerrada, com sua nota de entrega.",
    closesOn: "As assinaturas se encerram em",
    deliveredOn: "Entregue em",
    publish: "Publicar: abrir para assinaturas",
    close: "Encerrar as assinaturas agora",
    reopen: "Reabrir para assinaturas",
    unpublish: "Voltar a rascunho",
    correctDelivery: "Corrigir a entrega",
    markDelivered: "Marcar como entregue",
    deliveryHint: "Entregar encerra as assinaturas. Cada nota aparece na página pública do seu idioma.",
    deliveredOnHint: (today: string, place: string | null) =>
      `Hoje (${today}, ${place ? `horário de ${place}` : "UTC"}) ou antes.`,
    saveDelivery: "Salvar a entrega",
    noteLabel: (language: string) => `Nota pública em ${language}`,
    noteExample: "Por exemplo: Entregue à OEA em 20 de dezembro de 2017.",
    noteHint: (language: string, original: string) =>
      `Aparece na página em ${language}; se ficar vazia, essa página mostra a nota em ${original}.`,
    deleteTitle: "Excluir este rascunho",
    deleteText: "O rascunho e seu histórico são excluídos para sempre.",
    deleteButton: "Excluir o rascunho",
    closeQuestion: (title: string) => `Encerrar agora as assinaturas de “${title}”?`,
    closeConsequences: [
      "O formulário de assinatura some na hora da página pública, do cartão e da API: ninguém mais pode assinar.",
      "As assinaturas já feitas ficam como estão; quem ainda espera o e-mail de confirmação não poderá confirmar.",
      "Você pode reabri-la depois, até marcá-la como entregue.",
    ],
    closeConfirm: "Encerrar as assinaturas agora",
    pastCloseQuestion: (title: string) =>
      `Salvar um horário de encerramento que já passou e encerrar agora as assinaturas de “${title}”?`,
    pastCloseConsequences: (moment: string) => [
      `O horário de encerramento informado, ${moment}, já passou: ao salvá-lo, as assinaturas são encerradas na hora.`,
      "O formulário de assinatura desaparece da página pública, do cartão e da API: ninguém mais pode assinar.",
      "As assinaturas já feitas continuam como estão; quem ainda espera o e-mail de confirmação não poderá confirmar.",
      "Suas outras alterações são salvas junto. Nada é salvo até você confirmar.",
    ],
    pastCloseConfirm: "Salvar e encerrar as assinaturas agora",
    pastCloseRevise: "Não, mudar o horário de encerramento",
    unpublishQuestion: (title: string) => `Voltar “${title}” a rascunho?`,
    unpublishConsequences: [
      "A carta deixa de ser pública na hora: a página, o cartão, o JSON e os feeds respondem “não encontrada”.",
      "Os links já compartilhados param de funcionar até você publicá-la de novo.",
    ],
    unpublishConfirm: "Voltar a rascunho",
    deleteQuestion: (title: string) => `Excluir o rascunho “${title}”?`,
    deleteConsequences: [
      "O rascunho, seu texto, suas traduções e seu histórico são excluídos para sempre.",
      "Isso não pode ser desfeito.",
    ],
    deleteConfirm: "Excluir o rascunho para sempre",
    unknownChange: "Mudança desconhecida",
  },

  done: {
    notifications: "Notificações salvas.",
    "translation-deleted": "A tradução foi excluída.",
    created: "O rascunho foi salvo. Publique-o quando estiver pronto.",
    saved: "Salvo.",
    publish: "Publicada: a carta está aberta para assinaturas.",
    close: "As assinaturas estão encerradas.",
    reopen: "A carta está aberta para assinaturas de novo.",
    deliver: "A carta está marcada como entregue.",
    unpublish: "A carta voltou a ser um rascunho: não é mais pública.",
    previewLink: "Há um novo link da prévia. O anterior não funciona mais.",
  },

  revision: {
    title: (when: string, title: string) => `Versão de ${when}: ${title}`,
    back: "Voltar à carta",
    savedPublished: (when: string, signatures: number) =>
      `O texto como foi salvo em ${when}: publicado, com ${plural(L, signatures, { one: "# assinatura", other: "# assinaturas" })} naquele momento.`,
    /** `published`: when the letter's publication made this draft's text public (the catalog's `time`). */
    savedPublishedLater: (when: string, published: string, signatures: number) =>
      `O texto como foi salvo em ${when}, num rascunho: publicado com a carta em ${published}, com ${plural(L, signatures, { one: "# assinatura", other: "# assinaturas" })} naquele momento.`,
    savedDraft: (when: string) => `O texto como foi salvo em ${when}: um rascunho que nunca foi publicado.`,
  },

  exports: {
    title: "Exportar",
    listed: "As assinaturas desta lista, como planilha (CSV)",
    confirmed: "As assinaturas confirmadas, como planilha (CSV)",
    every: "Todas as assinaturas, em qualquer situação, como planilha (CSV)",
    delivery: "Documento de entrega: a carta e seus signatários, pronto para imprimir ou salvar em PDF",
  },

  csv: {
    signatures: {
      kind: "Tipo",
      name: "Nome",
      organization: "Organização ou afiliação",
      title: "Cargo",
      city: "Cidade",
      countryCode: "Código do país",
      country: "País",
      website: "Site",
      contactName: "Pessoa de contato",
      contactRole: "Cargo do contato",
      email: "E-mail",
      authorizedAt: "Autorizada em",
      verification: "Verificação",
      verifiedAt: "Verificada em",
      verifiedDomain: "Domínio verificado",
      status: "Situação",
      public: "Pública",
      channel: "Canal",
      import: "Importação",
      source: "Origem",
      flag: "Sinalizada por",
      signedAt: "Assinada em",
      confirmedAt: "Confirmada em",
      position: "Ordem",
    },
    activityTime: "Data",
    activityDetail: "Detalhe",
    fileNames: {
      signatures: {
        all: "todas-as-assinaturas",
        unconfirmed: "assinaturas-nao-confirmadas",
        in_review: "assinaturas-em-revisao",
        confirmed: "assinaturas-confirmadas",
        rejected: "assinaturas-rejeitadas",
        hidden: "assinaturas-ocultas",
        withdrawn: "assinaturas-retiradas",
      },
      filtered: "filtradas",
      activity: "atividade",
      refused: "linhas-recusadas",
    },
  },

  kept: {
    filesNote:
      "O navegador não consegue guardar um arquivo que você escolheu: depois de enviar isto, escolha o arquivo de novo na página que vai abrir.",
    endedTitle: "Sua sessão terminou",
    endedHeading: "Sua sessão terminou: o que você digitou foi guardado",
    endedText:
      "Nada foi salvo ainda, e nada se perdeu: o que você enviou está guardado nesta página. Mantenha esta aba aberta.",
    logInAgain: "Entre de novo em uma nova aba",
    orAnotherWindow: "(ou em outra janela).",
    comeBack: "Volte a esta aba e clique em “Enviar de novo”. Você verá o que será enviado antes do envio.",
    sendAgain: "Enviar de novo",
    resumeTitle: "Enviar o que você digitou",
    resumeHeading: "Você entrou de novo",
    resumeText: "Clique em “Enviar” para enviar o que você digitou antes de a sessão terminar, do jeito que digitou.",
    staleHeading: "Esta página é de antes do seu último acesso",
    staleText:
      "Você entrou de novo depois de abrir esta página (em outra aba ou em outro dispositivo), então nada foi feito ainda. Confira o que será enviado e clique em “Enviar”.",
    missingHeading: "Nada foi feito ainda: envie de novo",
    missingText:
      "O formulário chegou sem o seu código de segurança (uma cópia antiga da página, ou algo no navegador o removeu), então nada foi feito. Confira o que será enviado e clique em “Enviar”.",
    whatWillBeSent: "O que será enviado",
    fields: {
      name: "Nome",
      email: "E-mail",
      role: "Função",
      reason: "Motivo",
      label: "Descrição",
      paste: "Texto colado",
      webhook_url: "Endereço do webhook",
      delivered_on: "Data de entrega",
      delivery_note: "Nota de entrega",
      language: "Idioma",
    },
    otherField: "Outro campo",
    send: "Enviar",
    dontSend: "Não enviar",
  },

  notifications: {
    title: "Notificações",
    webhookUrl: "Endereço do webhook",
    summaryEmail: "Resumo diário",
    webhookLabel: "Enviar cada nova assinatura para outro sistema (opcional)",
    webhookHint:
      "Cole o endereço que seu CRM ou sua ferramenta de automação fornece para receber webhooks (começa com https://). Cada vez que uma assinatura passa a contar, os dados dela são enviados para lá em menos de um minuto; se esse sistema estiver fora do ar, são reenviados por cerca de quatro horas. Deixe vazio para não enviar nada.",
    includeEmail: "Enviar também os e-mails de quem assina (só se a sua carta avisar que esse sistema vai guardá-los)",
    secretLabel: "Segredo que prova que um envio saiu daqui",
    secretHint:
      "Passe-o para quem configurou o sistema que recebe, e para mais ninguém. Para essa pessoa: os envios são assinados como diz o Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), então qualquer biblioteca de Standard Webhooks os confere com este segredo.",
    /** Under the secret when it was made before Standard Webhooks (domain/webhook.ts isLegacyWebhookSecret). Text between backticks is shown as code. */
    legacySecretHint:
      "Sistemas configurados antes de os envios seguirem o Standard Webhooks ainda podem conferir `X-Undersigned-Signature` com este segredo tal como era mostrado então: esse cabeçalho continua sendo enviado até você salvar um segredo novo.",
    summaryLabel: "Enviar o resumo diário para (opcional)",
    summaryHint: (at: string, zone: string) => {
      // "à 01:00" (à uma hora), "às 07:00".
      const at_ = (clock: string) => `${/^0[01]:/.test(clock) ? "à" : "às"} ${clock}`;
      const utc = `${at_(formatClock(at, "UTC", L))} UTC`;
      const place = timeZonePlace(zone, L);
      const when = place ? `${at_(formatClock(at, zone, L))} (horário de ${place}), ou seja, ${utc},` : utc;
      return `Um e-mail por dia ${when} com as novas assinaturas das últimas 24 horas e o que aguarda revisão.`;
    },
    save: "Salvar as notificações",
    saveWithNewSecret: "Salvar com um novo segredo",
    sendTest: "Fazer um envio de teste",
    sendTestHint: (url: string) =>
      `Envia um exemplo para ${url}, assinado como um real mas sem nenhuma assinatura dentro, e mostra o que esse sistema respondeu.`,
    deliveriesCaption: "Últimas assinaturas enviadas ao outro sistema",
    delivery: "Envio",
    queued: "Na fila desde",
    outcome: "Resultado",
    tries: "Tentativas",
    lastAnswer: "Última resposta",
    states: {
      pending: "será tentado de novo",
      delivered: "entregue",
      failed: "desistiu",
      skipped: "ignorado (não conta mais)",
    },
    nextTry: (time: string) => `; próxima tentativa: ${time}`,
    testTitle: (title: string) => `Envio de teste: ${title}`,
    backTo: (title: string) => `← Notificações de “${title}”`,
    testTaken: "O envio de teste foi recebido",
    testFailed: "O envio de teste não chegou",
    sentTo: (url: string) => `Enviado para ${url}.`,
    status: "Status",
    answer: "A resposta",
    answerBeginning: "A resposta (o começo)",
    empty: "(vazia)",
    sendAnother: "Fazer outro envio de teste",
    back: "Voltar às notificações",
    rotateQuestion: "Trocar o segredo que assina os envios do webhook?",
    rotateConsequences: [
      "O segredo antigo para de funcionar na hora: todos os envios a partir de agora são assinados com o novo.",
      "Seu servidor receptor vai recusá-los até você passar o novo segredo, que aparece depois na página da carta.",
      "As outras configurações de notificação são salvas como você as deixou.",
    ],
    rotateConfirm: "Salvar com um novo segredo",
    answeredStatus: (status: number) => `O endereço respondeu ${status}.`,
    failures: {
      timeout: (seconds: number) => `O sistema receptor não respondeu em ${formatNumber(seconds, L)} segundos.`,
      tls: "Não foi possível confiar na conexão segura do sistema receptor: o certificado HTTPS dele falta, venceu ou é de outro endereço.",
      network: "Não foi possível chegar ao endereço: nenhum sistema respondeu lá, ou a conexão segura falhou.",
      refused:
        "Nada foi enviado: este endereço não é mais aceito (ele deve começar com https:// e indicar um servidor público, sem endereço IP, porta, usuário nem senha).",
    },
    testAdvice: {
      timeout: "Confira se o sistema receptor está funcionando e se responde assim que recebe o envio.",
      tls: "Peça a quem cuida do sistema receptor que renove ou corrija o certificado.",
      network:
        "Confira se o endereço não tem erro de digitação, se o sistema receptor está funcionando e se o certificado HTTPS dele é válido.",
      refused: "Salve o endereço https:// público do sistema que recebe e envie outro teste.",
    },
    testAnswered: (status: number) => {
      if (status >= 200 && status <= 299)
        return `Ele respondeu ${status}: aceitou o envio. Os envios reais vão chegar lá.`;
      if (status >= 300 && status <= 399)
        return `Ele respondeu ${status}, um redirecionamento: os envios nunca são redirecionados. Salve no lugar o endereço para onde ele redireciona.`;
      if (status === 401 || status === 403)
        return `Ele respondeu ${status}: recusou o envio. Confira se ele recebeu o segredo atual desta carta.`;
      if (status === 404) return "Ele respondeu 404: não há nada nesse endereço. Confira se não há erro de digitação.";
      if (status >= 500)
        return `Ele respondeu ${status}: o servidor dele teve um problema. Os envios reais seriam tentados de novo por cerca de quatro horas.`;
      return `Ele respondeu ${status}: não aceitou o envio. Os envios reais seriam tentados de novo por cerca de quatro horas.`;
    },
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
    signatureCounts: (counted: number, waiting: number) =>
      `Assinaturas: ${plural(L, counted, { one: "# contada", other: "# contadas" })}, ${formatNumber(waiting, L)} aguardando`,
  },

  people: {
    title: "Pessoas",
    intro: "Todas as pessoas que podem entrar nesta área dos organizadores, e o que cada uma pode fazer.",
    rolesSummary: "O que cada função pode fazer",
    roleDoes: {
      owner: "tudo — pessoas, configurações, webhooks, cartas e assinaturas",
      editor: "as cartas — texto, traduções, etapas, ordem das organizações",
      moderator: "as assinaturas — revisar, ocultar, restaurar, inserir à mão, importar, exportar",
      viewer: "lê as cartas e as contagens; nenhum dado pessoal",
    },
    caption: "Pessoas com uma conta",
    name: "Nome",
    email: "E-mail",
    role: "Função",
    status: "Situação",
    lastSignIn: "Última entrada",
    actions: "Ações",
    you: " (você)",
    noEmail: "— (entra com a chave de administração)",
    bootstrapName: "Proprietário (chave de administração)",
    nameOf: (person: NamedPerson) => (isUnrenamedBootstrap(person) ? pt.people.bootstrapName : person.name),
    roleOf: (name: string) => `Função de ${name}`,
    change: "Mudar",
    changeRoleOf: (name: string) => ` a função de ${name}`,
    statuses: { active: "conta ativa", invited: "convite enviado", disabled: "conta desativada" },
    never: "nunca",
    resend: "Reenviar o convite",
    resendTo: (name: string) => ` para ${name}`,
    enable: "Reativar",
    disable: "Desativar",
    inviteHeading: "Convidar um colega",
    labels: { name: "Nome", email: "Endereço de e-mail", role: "Função", language: "Idioma da pessoa convidada" },
    nameHint: "Como os colegas e o registro de atividades vão chamar a pessoa.",
    emailHint: "O convite vai para esse endereço, e a pessoa entra com ele. Só os proprietários o veem.",
    languageHint:
      "O convite é escrito nesse idioma, e a área dos organizadores abre nele para a pessoa convidada, que pode mudá-lo depois com os botões de idioma.",
    send: "Enviar o convite",
    linkLasts: (days: number) =>
      plural(L, days, {
        one: "O link do e-mail funciona uma só vez, durante # dia.",
        other: "O link do e-mail funciona uma só vez, durante # dias.",
      }),
    done: {
      invited: "O convite foi enviado. O link nele funciona uma só vez, durante 7 dias.",
      "not-sent": "A conta foi criada, mas o e-mail não pôde ser enviado. Tente “Reenviar o convite” daqui a pouco.",
      resent: "Um novo convite foi enviado; o link anterior não funciona mais.",
      role: "A função foi mudada. Vale a partir da próxima página da pessoa.",
      disabled: "A conta foi desativada: as sessões dela foram encerradas e ela não consegue mais entrar.",
      enabled: "A conta foi reativada. A pessoa entra com um link enviado para o endereço dela.",
    },
    exists: (email: string, name: string, disabled: boolean) =>
      `${email} já tem uma conta (${name}${disabled ? ", desativada" : ""}).`,
    disableQuestion: (name: string) => `Desativar ${name}?`,
    disableConsequences: [
      "A pessoa sai na hora de todos os lugares, e os links dela para entrar deixam de funcionar.",
      "Ela não consegue entrar até que um proprietário reative a conta.",
      "O que ela fez continua nos registros com o nome dela.",
    ],
    /** In place of Disable and the role's choice, for the last active owner (app/organizer-accounts.ts lastOwners). */
    lastOwner:
      "Último proprietário ativo: não pode ser desativado nem mudar de papel até haver outro proprietário ativo.",
    /** In place of the invitation form, when no mailer is set up. */
    noMailer:
      "Este site ainda não pode enviar e-mails, então ninguém pode ser convidado: peça a quem o administra que configure o envio (MAILER, RESEND_API_KEY e MAIL_FROM).",
    disableConfirm: (name: string) => `Desativar ${name}`,
  },

  account: {
    title: "Sua conta",
    email: "E-mail",
    noEmail: "nenhum: esta conta entra com a chave de administração",
    role: "Função",
    nameHeading: "Seu nome",
    nameLabel: "Seu nome",
    nameHint: "Como os colegas e o registro de atividades chamam você.",
    saveName: "Salvar o nome",
    sessionsHeading: "Onde você está conectado",
    noSessions: "Nenhuma sessão: você chega a esta área pelo login da sua organização (Cloudflare Access).",
    caption: "Suas sessões, as mais recentes primeiro",
    device: "Dispositivo",
    signedIn: "Entrada",
    lastActive: "Última atividade",
    activeNow: "agora mesmo",
    with: "Com",
    actions: "Ações",
    unknownDevice: "Navegador desconhecido",
    deviceOn: (browser: string, system: string) => `${browser} no ${system}`,
    thisOne: " (esta)",
    via: {
      "admin-token": "a chave de administração",
      "magic-link": "um link por e-mail",
      passkey: "uma chave de acesso",
    },
    logOutHere: "Sair aqui",
    end: "Encerrar",
    whichSession: (device: string, since: string) => ` a sessão em ${device} desde ${since}`,
    logOutEverywhere: "Sair de todos os lugares",
    logOutEverywhereHint: " Encerra todas as sessões acima, inclusive esta: use se você perdeu um dispositivo.",
    passkeysHeading: "Chaves de acesso",
    passkeysText: "Entre com a impressão digital, o rosto ou o PIN do seu dispositivo em vez de um link por e-mail.",
    passkeysLink: "Suas chaves de acesso",
    tokensHeading: "Tokens de API",
    tokensText: "Tokens para programas que usam a API dos organizadores com a sua função.",
    tokensLink: "Seus tokens de API",
    done: { name: "Seu nome foi salvo.", ended: "Essa sessão foi encerrada." },
  },

  signInLinks: {
    sentTitle: "Confira seu e-mail",
    sent: (minutes: number) =>
      `Se esse endereço pertence a um organizador, um link está a caminho. Ele faz você entrar uma só vez, durante ${plural(L, minutes, { one: "# minuto", other: "# minutos" })}.`,
    nothingArrived:
      "Nada chegou depois de alguns minutos? Olhe na pasta de spam, ou confira o endereço e peça de novo. Para proteger sua caixa de entrada, no máximo 3 links são enviados a um endereço a partir de um mesmo lugar em 15 minutos: depois disso, espere quinze minutos.",
    tooManyTitle: "Nenhum link foi enviado",
    /** A request past the limits (app/organizer-accounts.ts admitSignInLinkRequest): `seconds` to wait. */
    tooMany: (seconds: number) =>
      `Foram pedidos links de acesso demais para este endereço ou a partir da sua conexão em pouco tempo, então nenhum foi enviado agora. Peça de novo daqui a ${seconds < 60 ? plural(L, seconds, { one: "# segundo", other: "# segundos" }) : plural(L, Math.ceil(seconds / 60), { one: "# minuto", other: "# minutos" })}. Um link enviado antes continua funcionando por 15 minutos depois do envio.`,
    backToLogin: "Voltar para a página de entrada",
    acceptTitle: "Aceitar o convite",
    signInTitle: "Entrar",
    welcome: (name: string) => `Boas-vindas, ${name}`,
    signInAs: (name: string) => `Entrar como ${name}`,
    invitedAs: (role: string, does: string) =>
      `Você foi convidado para a área dos organizadores como ${role}: ${does}.`,
    accept: "Aceitar e entrar",
    signIn: "Entrar",
    onceOnly: "O link funciona uma só vez. Se você não o pediu, feche esta página.",
    expiredInvitation: "Este convite expirou",
    expiredLink: "Este link para entrar expirou",
    usedInvitation: "Este convite já foi usado",
    usedLink: "Este link para entrar já foi usado",
    unknown: "Este link não funciona",
    replacedInvitation: "Este convite foi substituído por um mais recente",
    replacedLink: "Este link para entrar foi substituído por um mais recente",
    useLatest: "Use o link do e-mail mais recente que enviamos a você: cada novo envio substitui os anteriores.",
    joinedAlready: "Você já faz parte da equipe",
    joinedSaid:
      "Este convite deixou de funcionar quando você entrou pela primeira vez. De agora em diante, entre pela página de entrada.",
    supersededLink: "Este link para entrar não funciona mais",
    supersededSaid:
      "Você entrou com outro link depois que este foi enviado: assim que um dos seus links é usado, os outros deixam de funcionar.",
    withdrawnInvitation: "Este convite foi cancelado",
    withdrawnLink: "Seu acesso à área dos organizadores foi removido",
    withdrawnSaid:
      "Um proprietário da área dos organizadores removeu o acesso desta conta. Se você acha que é um engano, fale com a pessoa que convidou você.",
    restoredInvitation: "Este convite não funciona mais",
    restoredLink: "Este link para entrar não funciona mais",
    restoredSaid:
      "Ele deixou de funcionar quando o acesso desta conta à área dos organizadores foi removido. Desde então, o acesso foi devolvido.",
    invitationsLast: (days: number) =>
      plural(L, days, { one: "Os convites valem por # dia.", other: "Os convites valem por # dias." }),
    linksLast: (minutes: number) =>
      plural(L, minutes, {
        one: "Os links para entrar valem por # minuto.",
        other: "Os links para entrar valem por # minutos.",
      }),
    onceAndActive: "Cada link funciona uma só vez, e só para uma conta ativa.",
    askOwner:
      "Peça ao proprietário que convidou você para enviar um novo convite ou, se você já o aceitou, peça um link para entrar.",
    askAgain: "Peça um novo (no máximo 3 em 15 minutos).",
    newLink: "Envie-me um novo link para entrar",
    toLogin: "Ir para a página de entrada",
  },

  mail: {
    signInSubject: (site: string) => `Seu link para entrar em ${site}`,
    signIn: (p: { name: string; site: string; minutes: number; link: string }) => [
      `Olá, ${p.name},`,
      "",
      `Abra este link para entrar na área dos organizadores de ${p.site}. Ele funciona uma só vez, durante ${plural(L, p.minutes, { one: "# minuto", other: "# minutos" })}:`,
      "",
      p.link,
      "",
      "Se você não o pediu, ignore este e-mail: ninguém consegue entrar sem o link.",
    ],
    anOwner: "Um proprietário",
    invitationSubject: (invitedBy: string, site: string) =>
      `${invitedBy} convida você para a área dos organizadores de ${site}`,
    invitation: (p: {
      name: string;
      invitedBy: string;
      site: string;
      role: string;
      does: string;
      days: number;
      link: string;
    }) => [
      `Olá, ${p.name},`,
      "",
      `${p.invitedBy} convida você para ajudar a cuidar das cartas de ${p.site}, como ${p.role} (${p.does}).`,
      "",
      `Abra este link para aceitar. Ele funciona uma só vez, durante ${plural(L, p.days, { one: "# dia", other: "# dias" })}:`,
      "",
      p.link,
      "",
      "Depois, entre com um link enviado para este endereço a partir da página de entrada da área dos organizadores.",
      "Se você não esperava este convite, ignore este e-mail.",
    ],
  },

  summaryMail: {
    subject: (counted: number, title: string) =>
      `${counted > 0 ? `+${formatNumber(counted, L)}` : "Nenhuma assinatura nova"} · ${title}`,
    text: (p: {
      title: string;
      total: number;
      counted: number;
      waiting: number;
      flagged: number;
      adminUrl: string | null;
    }) => [
      `Nas últimas 24 horas em “${p.title}”:`,
      "",
      `- ${plural(L, p.counted, { one: "# assinatura nova contada", other: "# assinaturas novas contadas" })} (${plural(L, p.total, { one: "# assinatura", other: "# assinaturas" })} no total)`,
      `- ${plural(L, p.waiting, { one: "# assinatura aguarda", other: "# assinaturas aguardam" })} a sua revisão`,
      `- ${plural(L, p.flagged, { one: "# assinatura nova foi marcada", other: "# assinaturas novas foram marcadas" })} como suspeita${p.flagged === 1 ? "" : "s"}`,
      "",
      ...(p.adminUrl ? ["Revise-as:", p.adminUrl, ""] : []),
      "Você recebe este e-mail porque seu endereço está definido para o resumo diário desta carta na área dos organizadores.",
    ],
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
    copy: "Copiar o token",
    copied: "Copiado: cole-o onde o seu programa guarda as configurações.",
    copyFailed:
      "Este navegador não conseguiu copiá-lo: o token está selecionado, copie-o pelo teclado (Ctrl+C, ou ⌘C no Mac).",
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
    lastUsed: "Último uso (com precisão de uma hora)",
    neverUsed: "Nunca",
    /**
     * A token's last use, noted to the hour (storage/api-tokens.ts touchApiToken): the hour's start,
     * a moment in the reader's time zone (the area's `time`).
     */
    usedInHour: (time: string) => `Na hora a partir de ${time}`,
    /** Owners only: the link to People (each person's role). */
    whoMayDoWhat: "Quem pode fazer o quê: Pessoas",
    routesListed:
      "As rotas que um token pode chamar, com o que respondem e seus erros, estão no README, na tabela da API JSON dos organizadores.",
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
    goneTitle: "Token não encontrado",
    adminTokenAccountTitle: "Não para a conta da chave de administração",
    adminTokenAccount:
      "A conta da chave de administração não pode ter tokens de API: eles continuariam funcionando depois que a chave mudasse. Convide a si mesmo por e-mail como proprietário (Pessoas), entre com essa conta e crie os tokens lá.",
    tooMany: (limit: number) => `Você já tem ${limit} tokens: revogue primeiro um que não usa mais.`,
  },

  signatures: {
    title: (title: string) => `Assinaturas: ${title}`,
    heading: "Assinaturas",
    actions: { approve: "Aprovar", reject: "Rejeitar", hide: "Ocultar", restore: "Restaurar" },
    statuses: {
      unconfirmed: "aguardando confirmação por e-mail",
      in_review: "aguardando revisão",
      confirmed: "contada",
      rejected: "rejeitada",
      hidden: "oculta",
      withdrawn: "retirada",
    },
    channels: {
      initial: "arquivo da carta",
      form: "formulário de assinatura",
      api: "API",
      manual: "inserida à mão",
      import: "importada",
    },
    flags: {
      "many-from-one-connection": (count: number, minutes: number) =>
        `${count} assinaturas ou mais de uma mesma conexão em ${minutes} minutos`,
      "many-from-one-email-domain": (count: number, minutes: number) =>
        `${count} assinaturas ou mais de um mesmo domínio de e-mail (que não é webmail) em ${minutes} minutos`,
      "organization-domain-taken": "o domínio de e-mail do seu contato já verifica outra organização desta carta",
    },
    flagged: (reason: string) => `sinalizada: ${reason}`,
    verifiedByOrganizers: (on: string) => `Verificada pelos organizadores em ${on}`,
    verifiedByDomain: (on: string, domain: string) =>
      `Verificada pelo domínio de e-mail em ${on}: o contato confirmou um endereço em ${domain}`,
    itsWebsiteDomain: "o domínio do site dela",
    authorizedOn: (on: string) => `Autorização: declarada em ${on}`,
    authorizedByOrganizers: "Autorização: inserida pelos organizadores",
    authorizedNotStated: "Autorização: não declarada (assinou antes de a declaração ser pedida)",
    contact: (contact: string) => `Contato: ${contact}`,
    noContact: "não informado",
    website: "Site:",
    notVerified: "não verificada",
    removingForgets: (domain: string) => ` Remover a marca faz esquecer ${domain} para ela.`,
    importedFrom: (name: string) => `Importada de ${name}`,
    importNumber: (id: number) => `a importação ${id}`,
    organization: "Organização",
    individual: "Pessoa",
    signedAt: "assinou em",
    sharedTitle: "Assinou duas vezes da mesma caixa de e-mail?",
    sharedText:
      "Estas assinaturas foram feitas antes de as assinaturas serem comparadas por caixa de e-mail. Cada par veio de uma mesma caixa escrita de dois jeitos (com e sem pontos num endereço do Gmail, uma +etiqueta, googlemail.com no lugar de gmail.com, ou maiúsculas). As duas continuam como estavam: nada foi removido nem descontado. Se uma pessoa assinou duas vezes, oculte uma das duas.",
    sharedCaption: "Pares de assinaturas da mesma caixa de e-mail",
    signature: "Assinatura",
    sameMailboxAs: "Mesma caixa de e-mail que",
    onlyFirstPairs: (count: number) =>
      plural(L, count, { one: "Só o primeiro par é mostrado.", other: "Só os primeiros # pares são mostrados." }),
    select: (name: string) => `Selecionar ${name}`,
    notListed: " · fora da lista pública",
    none: "nenhum",
    email: "E-mail",
    status: "Situação",
    cameThrough: "Chegou por",
    signed: "Assinou em",
    actionsColumn: "Ações",
    resend: "Reenviar o e-mail de confirmação",
    resendTo: (name: string) => ` para ${name}`,
    confirmFor: "Confirmar",
    confirmForSigner: " a pedido de quem assinou…",
    removeMark: "Remover a marca de verificada",
    removeMarkFrom: (name: string) => ` de ${name}`,
    mark: "Marcar",
    markVerified: " como verificada",
    filterLabel: "Filtrar as assinaturas",
    search: "Buscar",
    searchPlaceholder: "Nome, organização, contato ou e-mail",
    any: "Qualquer",
    kind: "Tipo",
    organizations: "Organizações",
    individuals: "Pessoas",
    country: "País",
    from: "Assinadas desde",
    to: "Assinadas até",
    verified: "Verificação",
    verifiedOrganizations: "Organizações verificadas",
    unverifiedOrganizations: "Organizações não verificadas",
    flaggedOnly: "Só as sinalizadas",
    filter: "Filtrar",
    clear: "Limpar os filtros",
    filterProblems: "O filtro tem problemas",
    summary: (counted: number, organizations: number, individuals: number, waiting: number) =>
      `${plural(L, counted, { one: "# contada", other: "# contadas" })} (${plural(L, organizations, { one: "# organização", other: "# organizações" })}, ${plural(L, individuals, { one: "# pessoa", other: "# pessoas" })}); ${formatNumber(waiting, L)} aguardando.`,
    setOrder: "Definir a ordem das organizações",
    importSignatures: "Importar assinaturas",
    matching: (count: number) =>
      plural(L, count, { one: "# assinatura corresponde.", other: "# assinaturas correspondem." }),
    matchingMore: (count: number) =>
      plural(L, count, { one: "Mais de # assinatura corresponde.", other: "Mais de # assinaturas correspondem." }),
    /** A search's count among the `searched` signatures it looked through (older ones left to search). */
    matchingWithin: (count: number, searched: number) => {
      const n = formatNumber(searched, L);
      return count === 0
        ? `Nenhuma das ${n} assinaturas mais recentes a partir do início desta página corresponde.`
        : plural(L, count, {
            one: `# assinatura corresponde entre as ${n} mais recentes a partir do início desta página.`,
            other: `# assinaturas correspondem entre as ${n} mais recentes a partir do início desta página.`,
          });
    },
    olderNotSearched: "As assinaturas anteriores ainda não foram buscadas.",
    matchingFromPage: (count: number) =>
      plural(L, count, {
        one: "# assinatura corresponde do início desta página até a primeira assinatura da carta.",
        other: "# assinaturas correspondem do início desta página até a primeira assinatura da carta.",
      }),
    noneAmong: (searched: number) => `Nenhuma entre estas ${formatNumber(searched, L)} assinaturas.`,
    noneFromPage: "Nenhuma assinatura corresponde do início desta página até a primeira assinatura da carta.",
    searchOlder: "Buscar nas assinaturas anteriores",
    searchOn: "Continuar esta busca nas assinaturas anteriores",
    bulkLegend: "Mudar várias de uma vez",
    action: "Ação",
    scopeSelected: "As linhas que selecionei",
    scopePage: (count: number) =>
      plural(L, count, { one: "A única linha desta página", other: "As # linhas desta página" }),
    scopeMatching: (count: number) =>
      plural(L, count, { one: "A única que corresponde", other: "As # que correspondem" }),
    scopeMatchingAll: "Todas as que correspondem, entre todas as assinaturas da carta (a revisão diz quantas)",
    scopeMatchingMore: (count: number) =>
      plural(L, count, {
        one: "Todas as que correspondem (mais de 1)",
        other: "Todas as que correspondem (mais de #)",
      }),
    review: "Revisar a mudança",
    noneMatch: "Nenhuma assinatura corresponde.",
    caption: "Assinaturas, as mais recentes primeiro",
    signatory: "Signatário",
    older: "Assinaturas anteriores",
    manual: {
      labels: {
        kind: "Tipo",
        organization_name: "Nome da organização",
        website: "Site",
        contact_name: "Nome do contato",
        contact_role: "Cargo do contato",
        name: "Nome da pessoa",
        organization: "Afiliação",
        title: "Cargo",
        city: "Cidade",
        country: "País",
        email: "E-mail",
        received: "Recebida",
      },
      title: "Adicionar uma assinatura recebida em papel ou por e-mail",
      hint: "Ela conta na hora, marcada como inserida à mão. Uma assinatura por organização: uma organização que já assinou (o nome é comparado sem acentos, maiúsculas ou pontuação) não pode ser adicionada de novo. Com um endereço de e-mail, a pessoa não pode assinar de novo com ele; o contato de uma organização também pode assinar como pessoa.",
      whoSigned: "Quem assinou",
      whoSignedHint: "Preencha só os campos de quem assinou.",
      anOrganization: "Uma organização",
      aPerson: "Uma pessoa",
      organizationLegend: "Se for uma organização",
      organizationName: "Nome da organização (público)",
      organizationNameHint: "Os nomes podem começar com + - ou @, como +Acumen.",
      website: "Site da organização (opcional, público)",
      websiteHint: "Como example.org ou https://example.org/",
      contactName: "Nome da pessoa de contato (opcional, nunca publicado)",
      contactRole: "Cargo da pessoa de contato (opcional, nunca publicado)",
      personLegend: "Se for uma pessoa",
      name: "Nome completo da pessoa (público)",
      affiliation: "Afiliação (opcional, pública)",
      personTitle: "Cargo (opcional, público)",
      city: "Cidade (opcional)",
      country: "País (opcional)",
      email: "E-mail (opcional, nunca mostrado)",
      emailHint: "Para uma organização, o da pessoa de contato.",
      received: "Recebida",
      receivedBy: { paper: "Em papel", email: "Por e-mail", other: "De outro jeito" },
      receivedAs: { paper: "recebida em papel", email: "recebida por e-mail", other: "inserida à mão" },
      listPublicly: "Mostrar o nome na lista pública",
      add: "Adicionar a assinatura",
    },
  },

  moderation: {
    moderated: { approve: "aprovadas", reject: "rejeitadas", hide: "ocultadas", restore: "restauradas" },
    verified: "A organização foi marcada como verificada pelos organizadores. As listas públicas já mostram a marca.",
    "already-verified": "Nada mudou: a organização já estava verificada.",
    unverified: "A marca de verificada foi removida. As listas públicas não a mostram mais.",
    "unverified-domain":
      "A marca de verificada foi removida, e também o domínio de e-mail que o contato tinha comprovado: esse domínio não impede mais que outra organização desta carta seja verificada por ele.",
    "not-verified": "Nada mudou: a organização não estava verificada.",
    added: "A assinatura foi adicionada e já conta.",
    confirmedOnRequest:
      "A assinatura foi confirmada a pedido de quem assinou; seu motivo está no registro de atividade.",
    resent: (days: number, left: number, max: number) =>
      `O e-mail de confirmação foi reenviado, com um link que vale por ${plural(L, days, { one: "# dia", other: "# dias" })}. ${
        left === 0
          ? "Era o último que podia ser enviado hoje."
          : `Ainda ${plural(L, left, { one: "pode ser enviado # hoje", other: "podem ser enviados # hoje" })} (no máximo ${formatNumber(max, L)} em 24 horas).`
      }`,
    done: (action: "approve" | "reject" | "hide" | "restore", count: number) => {
      const word = { approve: "aprovada", reject: "rejeitada", hide: "ocultada", restore: "restaurada" }[action];
      return plural(L, count, { one: `# assinatura ${word}.`, other: `# assinaturas ${word}s.` });
    },
    held: (action: "approve" | "reject" | "hide" | "restore", count: number) => {
      const word = { approve: "aprovada", reject: "rejeitada", hide: "ocultada", restore: "restaurada" }[action];
      return `${plural(L, count, { one: `# organização não foi ${word}`, other: `# organizações não foram ${word}s` })}: já existe outra assinatura da mesma organização (oculte ou rejeite essa primeiro).`;
    },
    emailTaken: "Este endereço de e-mail já assinou a carta.",
    organizationTaken: (name: string | null, status: string | null, remedy: "hide" | "reject" | "aside") =>
      `Esta organização já assinou a carta${name ? ` como “${name}”` : ""}${status ? ` (a assinatura está ${status})` : ""}: uma assinatura por organização. Procure-a na lista abaixo; se não for da própria organização, ${
        remedy === "hide"
          ? "oculte-a primeiro"
          : remedy === "reject"
            ? "rejeite-a primeiro"
            : "deixe-a de lado primeiro"
      }.`,
    badPageLink: "Este link de página não é válido",
    badPageLinkText: "O link para esta página de assinaturas está quebrado. Volte para a primeira página.",
    filterProblems: "O filtro tem problemas",
    chooseAction: "Escolha uma ação",
    noneSelected:
      "Selecione pelo menos uma assinatura: marque as que quer mudar, ou escolha todas as desta página ou todas as que correspondem.",
    badExportFilter: "Não foi possível usar esse filtro",
    orderSaved: "A ordem foi salva.",
  },

  bulk: {
    title: (action: string) => `${action}: assinaturas`,
    question: (action: string, count: number) =>
      `${action} ${plural(L, count, { one: "# assinatura", other: "# assinaturas" })}?`,
    button: (action: string, count: number) =>
      `${action} ${plural(L, count, { one: "# assinatura", other: "# assinaturas" })}`,
    applies: (scope: "selected" | "page" | "matching", considered: number, applicable: number, moderated: string) => {
      const one = moderated.replace(/s$/, "");
      if (considered === 1) {
        const which = {
          selected: "A assinatura que você selecionou",
          page: "A única assinatura da página",
          matching: "A única assinatura que corresponde ao filtro",
        }[scope];
        return applicable === 1
          ? `${which} pode ser ${one}.`
          : `${which} não pode ser ${one}: a situação dela não permite.`;
      }
      const count = formatNumber(considered, L);
      const of = {
        selected: `Das ${count} assinaturas que você selecionou`,
        page: `Das ${count} assinaturas da página`,
        matching: `Das ${count} assinaturas que correspondem ao filtro`,
      }[scope];
      if (applicable === 0) return `${of}, nenhuma pode ser ${one}: a situação delas não permite.`;
      const others = considered - applicable;
      const rest =
        others === 0
          ? ""
          : plural(L, others, {
              one: "; a outra não é afetada: a situação dela não permite",
              other: "; as outras # não são afetadas: a situação delas não permite",
            });
      return `${of}, ${plural(L, applicable, { one: `# pode ser ${one}`, other: `# podem ser ${moderated}` })}${rest}.`;
    },
    appliesBeyond: (
      considered: number,
      consideredMore: boolean,
      applicable: number,
      applicableMore: boolean,
      moderated: string,
    ) => {
      const one = moderated.replace(/s$/, "");
      const of = `${consideredMore ? "mais de " : ""}${formatNumber(considered, L)}`;
      const can = applicableMore
        ? `mais de ${formatNumber(applicable, L)} podem ser ${moderated}`
        : applicable === 0
          ? `nenhuma pode ser ${one}`
          : plural(L, applicable, { one: `# pode ser ${one}`, other: `# podem ser ${moderated}` });
      return `Das ${of} assinaturas que correspondem ao filtro, ${can}.`;
    },
    unaffected: "Não afetadas",
    limit: (count: number) =>
      `Isto muda agora as primeiras ${formatNumber(count, L)}. Faça a mesma mudança de novo para o resto.`,
    firstNames: (count: number) => `As primeiras ${formatNumber(count, L)} que muda`,
    allNames: "As assinaturas que muda",
    organization: "organização",
    person: "pessoa",
    signed: "assinou em",
    more: (count: number) => `…e mais ${formatNumber(count, L)}.`,
    nothing: "Nada para mudar.",
    back: "Voltar às assinaturas",
    cancel: "Cancelar",
  },

  refused: {
    title: "Tentativas de assinatura recusadas",
    none: "Nenhuma tentativa de assinatura foi recusada.",
    hint: "Tentativas preenchidas corretamente que não foram guardadas: o formulário foi mostrado de novo à pessoa, já preenchido, pedindo que o enviasse outra vez (ou esperasse). Nada sobre quem tentou é guardado.",
    caption: "Tentativas de assinatura recusadas, por motivo",
    why: "Motivo",
    recent: (days: number) => plural(L, days, { one: "Último dia", other: "Últimos # dias" }),
    total: "No total",
    reasons: {
      "too-fast": (seconds: number) => `Enviada menos de ${seconds} segundos depois de o formulário aparecer`,
      "no-stamp": "Enviada sem o selo do formulário (não veio do formulário da carta, ou o selo era falso)",
      expired: "Enviada com um formulário mostrado mais de um dia antes",
      honeypot: "Preencheu o campo escondido que só os robôs veem",
      turnstile: "Não passou na verificação do Turnstile",
      "rate-limited": "Tentativas demais de uma mesma conexão em um minuto",
    },
  },

  confirm: {
    back: "Não, voltar",
  },

  activity: {
    title: "Atividade",
    intro: (days: number) =>
      `Quem fez o quê na área de organizadores, do mais recente ao mais antigo. Cada registro é guardado por ${plural(L, days, { one: "# dia", other: "# dias" })} e depois apagado.`,
    filterHeading: "Filtrar o registro",
    person: "Pessoa",
    anyone: "Qualquer pessoa",
    system: "O sistema",
    noLongerActive: (name: string) => `${name} (não tem mais acesso)`,
    action: "Ação",
    anyAction: "Qualquer ação",
    letter: "Carta",
    anyLetter: "Qualquer carta",
    from: "De",
    until: "Até",
    show: "Mostrar",
    showAll: "Mostrar tudo",
    download: "Baixar estes registros (CSV)",
    empty: "Nada no registro corresponde.",
    caption: "Atividade, do mais recente ao mais antigo",
    older: "Registros anteriores",
    onLetter: "Carta",
    deletedLetter: (title: string) => `${title} (excluída)`,
    signature: "Assinatura",
    erasedSignature: "uma assinatura já apagada",
    changes: "O que mudou",
    change: (field: string, before: string, after: string) => `${field}: ${before} → ${after}`,
    yes: "sim",
    no: "não",
    none: "nenhum",
    unset: {
      confirmSignatures: "o padrão do site",
      closesAt: "sem horário de encerramento",
    },
    settingValues: {
      confirmSignatures: { yes: "cada signatário confirma por e-mail", no: "contadas na hora" },
    },
    noteIn: (language: string) => `Nota pública em ${language}`,
    sentences: {
      importStarted: "começou uma importação",
      importFinished: (imported: number) =>
        plural(L, imported, { one: "importou # assinatura", other: "importou # assinaturas" }),
      invited: (name: string, email: string, role: Role, sent: boolean) =>
        `convidou ${name} (${email}) como ${pt.layout.roleNames[role]}${sent ? "" : " (não foi possível enviar o e-mail)"}`,
      invitedAgain: (name: string, email: string, sent: boolean) =>
        `convidou de novo ${name} (${email})${sent ? "" : " (não foi possível enviar o e-mail)"}`,
    },
    /** A signature's newest log entry, in the signatures list: "Hidden by Ana, …". */
    lastChange: {
      label: "Última alteração",
      by: (what: string, who: string, when: string) => `${what} por ${who}, ${when}`,
      changed: "Alterada",
      what: {
        "signature-approved": "Aprovada",
        "signature-rejected": "Rejeitada",
        "signature-hidden": "Oculta",
        "signature-restored": "Restaurada",
        "signature-confirmed": "Confirmada a pedido",
        "confirmation-resent": "E-mail reenviado",
        "organization-verified": "Verificada",
        "organization-unverified": "Verificação retirada",
        "signature-entered": "Inserida à mão",
      },
    },
    actions: {
      "letter-created": "criou uma carta",
      "letter-edited": "editou uma carta",
      "letter-deleted": "excluiu uma carta",
      "letter-published": "publicou uma carta",
      "letter-closed": "encerrou uma carta",
      "letter-reopened": "reabriu uma carta",
      "letter-delivered": "registrou a entrega de uma carta",
      "letter-unpublished": "voltou uma carta a rascunho",
      "translation-saved": "salvou uma tradução",
      "translation-deleted": "excluiu uma tradução",
      "organizations-reordered": "mudou a ordem das organizações",
      "preview-link-renewed": "criou um novo link da prévia (o anterior não funciona mais)",
      "signature-approved": "aprovou uma assinatura",
      "signature-rejected": "rejeitou uma assinatura",
      "signature-hidden": "ocultou uma assinatura",
      "signature-restored": "restaurou uma assinatura",
      "signature-confirmed": "confirmou uma assinatura a pedido de quem assinou",
      "confirmation-resent": "reenviou um e-mail de confirmação",
      "organization-verified": "marcou uma organização como verificada",
      "organization-unverified": "retirou a verificação de uma organização",
      "signature-entered": "inseriu uma assinatura à mão",
      "import-created": "preparou uma importação",
      "import-run": "importou assinaturas",
      "import-discarded": "descartou uma importação",
      "export-downloaded": "baixou dados pessoais",
      "webhook-changed": "alterou um webhook",
      "webhook-tested": "enviou uma entrega de teste a um webhook",
      "sign-in": "entrou",
      "sign-in-link-sent": "pediu um link para entrar",
      "invitation-sent": "convidou alguém",
      "invitation-accepted": "aceitou um convite",
      "role-changed": "mudou a função de alguém",
      "account-disabled": "retirou o acesso de alguém",
      "account-enabled": "devolveu o acesso a alguém",
      "account-renamed": "mudou o próprio nome",
      "time-zone-changed": "mudou o próprio fuso horário",
      "session-ended": "encerrou uma sessão",
      "api-token-created": "criou um token da API",
      "api-token-revoked": "revogou um token da API",
      "passkey-added": "adicionou uma chave de acesso",
      "passkey-removed": "removeu uma chave de acesso",
      "language-changed": "mudou seu idioma",
      "sign-in-refused": "recusou uma entrada com um segredo errado",
    },
    fields: {
      status: "Situação",
      stage: "Etapa",
      title: "Título",
      slug: "Endereço",
      date: "Data",
      language: "Idioma",
      addressee: "Destinatário",
      summary: "Resumo",
      confirmSignatures: "Confirmação por e-mail",
      reviewOrganizations: "Revisão de organizações",
      closesAt: "Encerramento",
      closesTimeZone: "Fuso horário do encerramento",
      timeZone: "Fuso horário",
      deliveredOn: "Entregue em",
      deliveryNotes: "Notas públicas",
      verified: "Verificada",
      webhook: "Webhook",
      webhookGetsEmails: "O webhook recebe os e-mails",
      dailySummary: "Resumo diário",
      mode: "Modo de importação",
      state: "Etapa da importação",
      answer: "A resposta",
      name: "Nome",
      email: "E-mail",
      role: "Função",
    },
    // Statuses, stages, roles and import steps as their own sections word them.
    get values(): AdminMessages["activity"]["values"] {
      return {
        ...pt.signatures.statuses,
        ...pt.states,
        ...pt.layout.roleNames,
        ...pt.importUpload.states,
        organizers: "pelos organizadores",
        "email-domain": "pelo domínio do e-mail",
        on: "ativado",
        off: "desativado",
        "unreadable-address": "um endereço que não pode ser lido",
        no: pt.signatures.notVerified,
        none: pt.activity.none,
        "site-default-email": "o padrão do site (cada signatário confirma por e-mail)",
        "site-default-at-once": "o padrão do site (contadas na hora)",
        vouch: "a coalizão garante",
        confirm: "cada signatário confirma",
      };
    },
    details: {
      reason: (reason: string) => reason,
      received: (way: ReceivedWay) => ({ paper: "Em papel.", email: "Por e-mail.", other: "De outra forma." })[way],
      inBulk: "Em lote.",
      domainForgotten: "O domínio de e-mail que o contato dela havia comprovado também foi esquecido.",
      organizationsOrdered: (placed: number, inSigningOrder: number) =>
        `${plural(L, placed, { one: "# organização posicionada", other: "# organizações posicionadas" })}, ${formatNumber(inSigningOrder, L)} na ordem de assinatura.`,
      textChanged: "O texto mudou: as versões estão no histórico da carta.",
      closingTimeCame: "Chegou o horário de encerramento.",
      translationAdded: (language: string) => `Foi adicionada uma tradução para o ${formatLanguageName(language, L)}.`,
      translationReplaced: (language: string) =>
        `A tradução para o ${formatLanguageName(language, L)} foi substituída.`,
      signaturesCsv: (status: SignatureStatus | null, narrowed: boolean) => {
        const which = status
          ? {
              unconfirmed: "as assinaturas aguardando o e-mail",
              in_review: "as assinaturas aguardando revisão",
              confirmed: "as assinaturas contadas",
              rejected: "as assinaturas rejeitadas",
              hidden: "as assinaturas ocultas",
              withdrawn: "as assinaturas retiradas",
            }[status]
          : "todas as assinaturas, qualquer que seja a situação";
        return `O arquivo CSV das assinaturas: ${which}${narrowed ? ", restritas por um filtro" : ""}.`;
      },
      activityCsv: "O arquivo CSV do registro de atividade.",
      signaturesApi:
        "Assinaturas com os e-mails de quem assinou, consultadas pela API de organizadores (anotado uma vez por hora e por carta).",
      signInRefused: (network: string, via: "admin-token" | "bearer") =>
        `${via === "bearer" ? "Um token de API errado" : "Uma chave de administração errada"} da rede ${network} (os seguintes em 15 minutos não são anotados).`,
      signInRefusedElsewhere: (networks: number, minutes: number) =>
        `Também chegaram tokens errados de outras redes (mais de ${formatNumber(networks, L)} redes em ${formatNumber(minutes, L)} minutos): elas não são anotadas uma a uma.`,
      viaApiToken: (label: string | null) =>
        label === null ? "Com a chave de administração, pela API." : `Pelo token de API “${label}”.`,
      importFile: (fileName: string, id: number) => `“${importName(fileName)}” (importação ${id}).`,
      importStarted: (fileName: string, id: number, toImport: number, notImported: number) =>
        `“${importName(fileName)}” (importação ${id}): começou com ${plural(L, toImport, { one: "# linha", other: "# linhas" })} a importar, ${plural(L, notImported, { one: "# não importada", other: "# não importadas" })}.`,
      importFinished: (fileName: string, id: number, imported: number, notImported: number) =>
        `“${importName(fileName)}” (importação ${id}): concluída, ${plural(L, imported, { one: "# assinatura importada", other: "# assinaturas importadas" })}, ${plural(L, notImported, { one: "# linha não importada", other: "# linhas não importadas" })}.`,
      refusedRows: (fileName: string, id: number) =>
        `Linhas recusadas de “${importName(fileName)}” (importação ${id}), em CSV.`,
      webhookSettings: (secretReplaced: boolean, summaryMoved: boolean) =>
        [
          secretReplaced ? "O segredo que assina as entregas do webhook foi substituído." : "",
          summaryMoved ? "O resumo diário vai para outro endereço." : "",
        ]
          .filter((sentence) => sentence !== "")
          .join(" "),
      webhookAnswered: (status: number) => {
        if (status >= 200 && status <= 299) return `Respondeu ${status}: aceitou a entrega.`;
        if (status >= 300 && status <= 399)
          return `Respondeu ${status}, um redirecionamento: as entregas nunca são redirecionadas.`;
        if (status === 401 || status === 403) return `Respondeu ${status}: recusou a entrega.`;
        if (status === 404) return "Respondeu 404: não há nada nesse endereço.";
        if (status >= 500) return `Respondeu ${status}: o servidor teve um problema.`;
        return `Respondeu ${status}: não aceitou a entrega.`;
      },
      webhookUnreachable: (kind: WebhookFailureKind) =>
        ({
          timeout: "O sistema receptor não respondeu a tempo.",
          tls: "Não foi possível confiar na conexão segura do sistema receptor.",
          network: "Não foi possível alcançar o endereço.",
          refused: "Nada foi enviado: o endereço não é mais aceito.",
        })[kind],
      signedInWith: (way: SignInWay) =>
        ({
          "admin-token": "com a chave de administração",
          "magic-link": "com um link recebido por e-mail",
          passkey: "com uma chave de acesso",
        })[way],
      passkeyName: (name: string) => `“${name}”`,
      tokenLabel: (label: string) => label,
      invited: (name: string, email: string, role: Role, sent: boolean) =>
        `${name} <${email}> como ${pt.layout.roleNames[role]}${sent ? "" : " (não foi possível enviar o e-mail)"}`,
      invitedAgain: (name: string, email: string, sent: boolean) =>
        `${name} <${email}>, de novo${sent ? "" : " (não foi possível enviar o e-mail)"}`,
      person: (name: string) => name,
      accessRemoved: (name: string, sessions: number) =>
        `${name} (${plural(L, sessions, { one: "# sessão encerrada", other: "# sessões encerradas" })})`,
      oneSessionEnded: "uma sessão",
      loggedOutEverywhere: (sessions: number) =>
        `sair de todos os lugares (${plural(L, sessions, { one: "# sessão", other: "# sessões" })})`,
    },
  },

  passkeys: {
    title: "Chaves de acesso",
    intro:
      "Uma chave de acesso (passkey) permite entrar com o bloqueio de tela, a impressão digital ou o rosto do seu dispositivo, ou com uma chave de segurança, em vez de um link por e-mail ou da chave de administração. Ninguém pode usá-la a partir de outro site, e este site guarda apenas a sua metade pública.",
    yours: "Suas chaves de acesso",
    none: "Você ainda não tem chaves de acesso.",
    caption: "Suas chaves de acesso, da mais antiga para a mais recente",
    name: "Nome",
    added: "Adicionada em",
    lastUsed: "Último uso para entrar",
    actions: "Ações",
    notYet: "Ainda não",
    renameLabel: (name: string) => `Novo nome para “${name}”`,
    rename: "Renomear",
    renameProblem: (message: string) => `Novo nome: ${message}`,
    remove: (name: string) => `Remover “${name}”`,
    /** The admin token's account (it holds no passkeys). */
    adminToken: {
      why: "A conta da chave de administração não pode ter chaves de acesso: elas continuariam a dar acesso depois de a chave mudar, e mudá-la é a forma de uma pessoa proprietária retomar o controle da área de organização.",
      /** Before, in and after the link to the People page. */
      instead: [
        "Convide a si mesmo",
        " como proprietário com o seu próprio endereço de e-mail na página ",
        "Pessoas",
        ", entre com o link que receber e adicione lá as suas chaves de acesso.",
      ],
      old: "As chaves de acesso adicionadas antes a esta conta já não dão acesso a ninguém. Remova-as.",
    },
    addHeading: "Adicionar uma chave de acesso",
    addNeedsScript:
      "Para adicionar uma chave de acesso é preciso JavaScript e um navegador compatível com chaves de acesso: ative o JavaScript ou use uma versão recente do Chrome, Edge, Firefox ou Safari. Todo o resto desta página funciona sem ele.",
    nameLabel: "Nome da chave de acesso",
    nameHint: "Para distinguir suas chaves de acesso: “Notebook do trabalho”, “Celular”, “Chave de segurança azul”.",
    nameProblem: (message: string) => `Nome: ${message}`,
    addButton: "Adicionar uma chave de acesso",
    ipAddress: "Os navegadores oferecem chaves de acesso apenas em um nome de domínio, não em um endereço IP.",
    localhostToAdd: ["Abra ", "esta página em localhost", " para adicionar uma."],
    localhostToSignIn: ["Abra ", "esta página em localhost", " para entrar com uma."],
    done: {
      added: "A chave de acesso foi adicionada.",
      renamed: "A chave de acesso foi renomeada.",
      removed: "A chave de acesso foi removida.",
    },
    nameMissing: "Dê um nome à chave de acesso, como “Notebook do trabalho” ou “Celular”.",
    nameTooLong: (max: number) => `O nome pode ter no máximo ${max} caracteres.`,
    noCredential: "Seu navegador não enviou nenhuma chave de acesso. Tente de novo ou entre de outra forma.",
    unreadable: "Não foi possível ler a resposta do seu navegador. Tente de novo.",
    stale:
      "O pedido à sua chave de acesso tinha expirado ou já tinha sido usado. Tente de novo: cada tentativa consulta sua chave outra vez.",
    notVerified:
      "A resposta da sua chave de acesso não é válida para este site, então ela não foi adicionada. Tente de novo ou tente outra chave.",
    alreadyAdded: "Esta chave de acesso já foi adicionada.",
    notFoundTitle: "Chave de acesso não encontrada",
    notFound: "Você não tem nenhuma chave de acesso neste endereço. Talvez ela já tenha sido removida.",
    removeQuestion: (name: string) => `Remover a chave de acesso “${name}”?`,
    removeConsequences: [
      "Ela não vai mais permitir que você entre. As sessões que ela abriu continuam até você sair.",
      "A chave em si continua no seu dispositivo ou no seu gerenciador de senhas até você apagá-la lá.",
      "Você pode adicioná-la de novo mais tarde.",
    ],
    removeConfirm: "Remover a chave de acesso",
    signInHeading: "Entrar com uma chave de acesso",
    signInNeedsScript:
      "Para entrar com uma chave de acesso é preciso JavaScript e um navegador compatível. Você ainda pode entrar de outra forma nesta página.",
    signInHint:
      "Se você adicionou uma chave de acesso à sua conta, o bloqueio de tela, a impressão digital, o rosto ou a chave de segurança do seu dispositivo permite que você entre, sem esperar e-mail nem digitar nada.",
    signInButton: "Entrar com uma chave de acesso",
    signInProblemTitle: "Não foi possível entrar com uma chave de acesso",
    signInRefused: "Essa chave de acesso não permite entrar aqui. Tente de novo ou entre de outra forma.",
    script: {
      creating: "Siga os passos do seu navegador para criar a chave de acesso…",
      choosing: "Escolha sua chave de acesso na janela do seu navegador…",
      saving: "Salvando a chave de acesso…",
      signingIn: "Entrando…",
      none: "Seu navegador não deu nenhuma chave de acesso. Tente de novo.",
      cancelled:
        "Nenhuma chave de acesso foi usada: o pedido foi cancelado ou expirou. Tente de novo quando estiver pronto.",
      exists: "Este dispositivo já tem uma chave de acesso para sua conta.",
      refused: "Seu navegador recusou chaves de acesso neste endereço.",
      failed: "O pedido da chave de acesso falhou no seu navegador. Tente de novo ou use outra forma.",
      tooMany: "Tentativas demais a partir da sua conexão: espere um minuto e tente de novo.",
      serverFailed:
        "O servidor não conseguiu iniciar o pedido da chave de acesso. Recarregue a página e tente de novo.",
    },
  },

  importUpload: {
    title: (title: string) => `Importar assinaturas: ${title}`,
    back: (title: string) => `← Assinaturas de “${title}”`,
    heading: "Importar assinaturas",
    intro:
      "Traga adesões coletadas em outro lugar: uma planilha ou as respostas de um formulário do Google. Você vai escolher qual coluna corresponde a cada campo, ver o que cada linha dá (e quais são recusadas ou já assinaram) antes de qualquer coisa ser salva, e decidir se as assinaturas contam na hora ou se cada signatário confirma por e-mail.",
    refusedTitle: "Isto não pode ser importado",
    fileLabel: "Um arquivo CSV",
    fileHint: (megabytes: number, rows: number) =>
      `Com uma primeira linha que nomeia as colunas; separado por vírgulas, ponto e vírgula ou tabulações; em UTF-8 (o Google Forms e o Google Planilhas exportam assim; no Excel escolha “CSV UTF-8”). No máximo ${formatNumber(megabytes, L)} MB e ${formatNumber(rows, L)} linhas.`,
    pasteLabel: "Ou linhas coladas de uma planilha",
    pasteHint: "Selecione as linhas na sua planilha, começando pela linha dos títulos, copie e cole aqui.",
    submit: "Ler as linhas",
    listTitle: "Importações desta carta",
    none: "Nenhuma ainda.",
    file: "Arquivo",
    made: "Feita em",
    state: "Situação",
    rows: "Linhas",
    imported: "Importadas",
    states: {
      reading: "lendo o arquivo",
      unreadable: "não pode ser importada",
      mapping: "colunas a definir",
      checking: "verificando as linhas",
      previewed: "verificada",
      running: "importando",
      done: "concluída",
    },
    chooseOne: "Escolha um arquivo CSV, ou cole linhas copiadas de uma planilha.",
    notBoth: "Escolha um arquivo ou cole linhas, não os dois: apague um deles e envie de novo.",
    discarded: "A importação foi descartada.",
    gone: "Essa importação não existe mais: foi descartada.",
  },

  imports: {
    title: (file: string, title: string) => `Importação de ${file}: ${title}`,
    back: (title: string) => `← Importações de “${title}”`,
    heading: (file: string) => `Importação: ${file}`,
    pastedRows: "linhas coladas",
    rowsRead: (rows: number, when: string) =>
      `${plural(L, rows, { one: "# linha lida", other: "# linhas lidas" })} do arquivo enviado em ${when}.`,
    rowsReadSoFar: (rows: number, when: string) =>
      `${plural(L, rows, { one: "# linha lida", other: "# linhas lidas" })} até agora do arquivo enviado em ${when}.`,
    previewed: "Todas as linhas foram verificadas: veja abaixo o que cada uma dá.",
    started: "A importação começou.",
    mappingTitle: "1. O que é cada coluna",
    mappingIntro:
      "Os campos são deduzidos da linha dos títulos; confira. Numa linha assinada por uma organização, o nome vem de “Nome da organização” ou, se não houver, de “Organização”; a pessoa de contato, de “Pessoa de contato” ou, se não houver, de “Nome”; o cargo do contato, de “Cargo do contato” ou, se não houver, de “Cargo”. O contato e o e-mail ficam privados: os organizadores veem, o público nunca.",
    mappingCaption: "As colunas do arquivo e o campo com que cada uma é importada",
    column: "Coluna",
    firstValues: "Primeiros valores",
    importedAs: "Importada como",
    columnNumber: (number: number) => `Coluna ${number}`,
    fields: {
      ignore: "Não importar",
      kind: "Organização ou pessoa",
      name: "Nome (de uma pessoa; da pessoa de contato de uma organização)",
      signatory: "Signatário (o nome de uma pessoa; para uma organização, o da organização)",
      organization_name: "Nome da organização (a que assina)",
      organization: "Organização (a de uma pessoa; senão, a que assina)",
      title: "Cargo (de uma pessoa; do contato de uma organização)",
      contact_name: "Pessoa de contato (de uma organização)",
      contact_role: "Cargo do contato (de uma organização)",
      website: "Site (de uma organização)",
      city: "Cidade",
      country: "País (nome ou código ISO)",
      email: "E-mail",
      public: "Mostrar na lista pública (sim/não)",
      hide: "Ocultar o nome (sim/não)",
      status: "Status (como a exportação deste site o escreve: decide se a linha é importada)",
    },
    whoSigned: "Quem assinou",
    kinds: {
      organization: "Organizações (cada linha assina em nome de uma organização)",
      individual: "Pessoas (cada linha assina em nome próprio)",
      column: "O que diz, em cada linha, a coluna definida como “Organização ou pessoa”",
    },
    kindHint:
      "Os valores dessa coluna são lidos em português, inglês, espanhol e francês: “Organização”, “Organization”, “Organización”, “Organisation” para uma organização; “Pessoa”, “Individual”, “Persona”, “Personne” para uma pessoa.",
    howTheyCount: "Como as assinaturas contam",
    modes: {
      vouch: "A coalizão garante: as assinaturas contam na hora",
      confirm: "Cada signatário confirma: todos recebem o e-mail de confirmação e contam quando clicam no link",
    },
    vouchHint:
      "Como as assinaturas incluídas à mão: contam e entram no registro público na hora. Pessoas sem e-mail também são importadas, como no papel.",
    confirmHint:
      "Cada linha precisa de um e-mail. Todos recebem o e-mail de confirmação de sempre da carta, no idioma dela, e contam quando clicam; ninguém recebe mais e-mails do que o normal.",
    check: "Verificar as linhas",
    discard: "Descartar esta importação",
    previewTitle: "2. O que cada linha dá",
    willImport: (count: number) => plural(L, count, { one: "será importada", other: "serão importadas" }),
    refused: (count: number) => plural(L, count, { one: "recusada", other: "recusadas" }),
    duplicates: (count: number) => plural(L, count, { one: "repetida", other: "repetidas" }),
    /** Rows a file's Status column keeps out (domain/signature-import.ts statusProblem), after their count in bold. */
    skippedNotCounted: (count: number) =>
      plural(L, count, {
        one: "linha ignorada: oculta, rejeitada ou retirada no arquivo",
        other: "linhas ignoradas: ocultas, rejeitadas ou retiradas no arquivo",
      }),
    skippedUnconfirmed: (count: number) =>
      plural(L, count, {
        one: "linha ignorada: nunca confirmada por e-mail no arquivo",
        other: "linhas ignoradas: nunca confirmadas por e-mail no arquivo",
      }),
    downloadNotImported: (count: number) =>
      `Baixar ${plural(L, count, { one: "a linha que não será importada", other: "as # linhas que não serão importadas" })} (CSV, com o motivo numa coluna)`,
    rules:
      "As linhas são verificadas com as regras do formulário de assinatura. Uma linha repetida é uma segunda linha com o mesmo e-mail (a mesma caixa de correio) ou a mesma organização, neste arquivo ou entre as assinaturas da carta: fica a primeira.",
    rulesVouch:
      "Pessoas sem e-mail são importadas, porque a coalizão garante por elas (nada as impede de assinar de novo por conta própria).",
    rulesConfirm: "Linhas sem e-mail são recusadas: uma confirmação precisa de um endereço.",
    show: "Mostrar:",
    shows: { all: "Todas as linhas", "not-valid": "Recusadas e repetidas", valid: "A importar" },
    rowsCaption: (first: number, last: number, of: number) =>
      `Linhas ${formatNumber(first, L)} a ${formatNumber(last, L)} de ${formatNumber(of, L)}`,
    row: "Linha",
    result: "Resultado",
    signatory: "Signatário",
    email: "E-mail",
    country: "País",
    why: "Motivo",
    outcomes: { valid: "a importar", refused: "recusada", duplicate: "repetida" },
    kindNames: { organization: "organização", individual: "pessoa" },
    contact: (name: string) => `contato: ${name}`,
    notListed: "fora da lista pública",
    pagesOfRows: "Páginas de linhas",
    previousRows: "← Linhas anteriores",
    pageOf: (page: number, pages: number) => `Página ${formatNumber(page, L)} de ${formatNumber(pages, L)}`,
    nextRows: "Próximas linhas →",
    runTitle: "3. Importar",
    runVouch: (count: number) =>
      `${plural(L, count, { one: "# assinatura vai contar na hora e entrar", other: "# assinaturas vão contar na hora e entrar" })} no registro público.`,
    runConfirm: (count: number) =>
      `${plural(L, count, { one: "# signatário vai receber", other: "# signatários vão receber" })} um e-mail de confirmação, e ${count === 1 ? "conta" : "contam"} quando ${count === 1 ? "clicar" : "clicarem"} no link.`,
    inBatches: "A importação é feita em lotes; se parar, continua de onde parou.",
    run: (count: number) => `Importar ${plural(L, count, { one: "# assinatura", other: "# assinaturas" })}`,
    readingTitle: "Lendo o arquivo",
    readingProgress: (rows: number, percent: string) =>
      `${plural(L, rows, { one: "# linha lida", other: "# linhas lidas" })} até agora (${percent} do arquivo).`,
    checkingTitle: "Verificando cada linha",
    checkingProgress: (checked: number, rows: number) =>
      `${formatNumber(checked, L)} de ${plural(L, rows, { one: "# linha verificada", other: "# linhas verificadas" })}.`,
    runningTitle: "Importando",
    runningProgress: (done: number, rows: number, imported: number) =>
      `${formatNumber(done, L)} de ${plural(L, rows, { one: "# linha processada", other: "# linhas processadas" })} (${plural(L, imported, { one: "# importada", other: "# importadas" })}).`,
    percent: (value: number) => new Intl.NumberFormat(L, { style: "percent" }).format(value),
    steps:
      "Cada clique em “Continuar” faz as etapas seguintes (até 15, cada uma de 10 a 25 linhas, ou 400 enquanto o arquivo é lido: cada etapa cabe no tempo que um pedido pode levar). Se você sair desta página, ela continua sozinha, uma etapa por minuto.",
    autoContinue: "Enquanto esta página estiver aberta, ela clica em “Continuar” por você.",
    continue: "Continuar",
    unreadableTitle: "Este arquivo não pode ser importado",
    unreadableText: "Nada dele foi importado, e as linhas lidas foram apagadas. Corrija o arquivo e envie de novo.",
    doneTitle: "Concluída",
    importedCount: (count: number) => plural(L, count, { one: "importada", other: "importadas" }),
    unsent: (count: number) =>
      plural(L, count, {
        one: "e-mail de confirmação não pôde ser enviado",
        other: "e-mails de confirmação não puderam ser enviados",
      }),
    erased: (days: number) =>
      `As linhas desta importação foram apagadas ${plural(L, days, { one: "# dia", other: "# dias" })} depois de concluída.`,
    downloadRefused: (count: number) =>
      `Baixar ${plural(L, count, { one: "a linha não importada", other: "as # linhas não importadas" })} (CSV, com o motivo numa coluna)`,
    fixThem: (days: number) =>
      `. Corrija e importe esse arquivo. As linhas ficam guardadas ${plural(L, days, { one: "# dia", other: "# dias" })} e depois são apagadas.`,
    seeImported: "Ver todas as assinaturas importadas da carta",
    storedTitle: "Assinaturas que esta importação salvou",
    kind: "Tipo",
    status: "Situação",
    statuses: {
      confirmed: "contada",
      unconfirmed: "aguardando confirmação por e-mail",
      in_review: "aguardando revisão",
      withdrawn: "retirada",
      hidden: "oculta",
      rejected: "rejeitada",
    },
    more: "Mais →",
    discardQuestion: (file: string) => `Descartar a importação “${file}”?`,
    discardConsequences: [
      "O que foi lido dela e as colunas que você escolheu são apagados para sempre; nenhuma assinatura foi salva a partir dela.",
      "Para importar essas linhas mais tarde, envie o arquivo de novo.",
    ],
    discardConfirm: "Descartar a importação",
    reasonColumn: "motivo",
    reasonCell: (line: number, reason: string) => `Linha ${line}: ${reason}`,
    chooseField: "Escolha um campo para cada coluna",
    chooseKind: "Escolha quem assinou: organizações, pessoas, ou o que diz uma coluna.",
    chooseMode: "Escolha como as assinaturas contam.",
    chooseColumnField: (column: number) => `Escolha um campo para a coluna ${column}.`,
    confirmRefusedTitle: "Os e-mails de confirmação não podem ser enviados",
    fileProblem: (problem: ImportFileProblem): string => {
      const near =
        "row" in problem && problem.row != null
          ? ` (perto da linha ${formatNumber(problem.row, L)}, contando a de cabeçalhos)`
          : "";
      switch (problem.code) {
        case "workbook":
          return "Isto é uma pasta de trabalho de planilha (.xlsx ou .ods), não um arquivo CSV. Abra, salve ou baixe como CSV (UTF-8) e envie esse arquivo.";
        case "old-excel":
          return "Isto é uma pasta de trabalho antiga do Excel (.xls), não um arquivo CSV. Abra, salve como “CSV UTF-8” e envie esse arquivo.";
        case "binary":
          return "Este arquivo não é texto (contém dados binários). Envie um arquivo CSV exportado da sua planilha ou formulário.";
        case "not-utf8":
          return "Este arquivo não está em UTF-8: provavelmente foi salvo como Windows-1252 (ANSI). Salve em UTF-8 e envie de novo: no Excel, Arquivo › Salvar como › “CSV UTF-8 (delimitado por vírgulas)”; no LibreOffice, Arquivo › Salvar como › Texto CSV com o conjunto de caracteres “Unicode (UTF-8)”; o Google Planilhas e o Google Forms sempre exportam em UTF-8.";
        case "too-large":
          return `O arquivo tem mais de ${formatNumber(IMPORT_LIMITS.fileBytes / 1024 / 1024, L)} MB. Divida, ou tire as colunas que você não importa, e importe cada parte.`;
        case "pasted-binary":
          return "O texto contém dados binários. Cole linhas copiadas de uma planilha.";
        case "empty":
          return "Não há nada para importar: o arquivo ou o texto colado está vazio.";
        case "too-many-columns":
          return `A primeira linha tem mais de ${IMPORT_LIMITS.columns} colunas; uma importação aceita no máximo ${IMPORT_LIMITS.columns}. Tire as colunas que você não importa.`;
        case "empty-header":
          return "A primeira linha deve nomear as colunas (a linha dos títulos), e está vazia.";
        case "no-rows":
          return "O arquivo tem uma linha de títulos mas nenhuma assinatura abaixo dela. Exporte as respostas, não só as perguntas do formulário.";
        case "too-many-rows":
          return `O arquivo tem mais de ${formatNumber(IMPORT_LIMITS.rows, L)} linhas; uma importação aceita no máximo ${formatNumber(IMPORT_LIMITS.rows, L)}. Divida e importe cada parte.`;
        case "long-cell":
          return `A linha ${formatNumber(problem.row, L)}, coluna ${problem.column}, tem mais de ${formatNumber(IMPORT_LIMITS.cellCharacters, L)} caracteres: nenhum campo de uma assinatura é tão longo. Confira o separador e as aspas do arquivo.`;
        case "ragged":
          return `A linha ${formatNumber(problem.row, L)} não tem o mesmo número de colunas que a linha dos títulos (${plural(L, problem.cells, { one: "# célula", other: "# células" })}; os títulos, ${problem.columns}). Cada linha deve ter uma célula por coluna: procure um separador a mais ou aspas faltando, ou exporte o arquivo de novo.`;
        case "quote-not-closed":
          return `Uma célula entre aspas nunca é fechada${near}. Confira se cada célula que começa com " termina com ".`;
        case "bad-quote":
          return `Aspas dentro de uma célula não estão escritas como aspas duplas ("")${near}. Exporte o arquivo de novo da sua planilha.`;
        case "opening-quote":
          return `Uma célula contém aspas, mas não começa com elas${near}: uma célula com aspas deve vir inteira entre aspas, com as suas duplicadas, como "Ana ""Anita""". Exporte o arquivo de novo da sua planilha.`;
        case "row-too-long":
          return `Uma linha é longa demais${near}: no máximo ${IMPORT_LIMITS.columns} colunas de ${formatNumber(IMPORT_LIMITS.cellCharacters, L)} caracteres.`;
        case "unparsable":
          return `Não foi possível ler o arquivo como CSV${near}. Confira as aspas e os separadores, ou exporte-o de novo como CSV (UTF-8) da sua planilha.`;
        case "as-written":
          return problem.text;
      }
    },
    mappingProblem: (problem: ImportMappingProblem): string => {
      switch (problem.code) {
        case "column-count":
          return "Escolha um campo para cada coluna.";
        case "field-twice": {
          const column = ({ name, index }: { name: string | null; index: number }) =>
            name ? `“${name}”` : `a coluna ${index + 1}`;
          return `“${pt.imports.fields[problem.field]}” foi escolhido para duas colunas (${column(problem.first)} e ${column(problem.second)}). Escolha para uma só.`;
        }
        case "kind-column-missing":
          return "O tipo de cada linha deve ser lido de uma coluna, mas nenhuma coluna é “Organização ou pessoa”.";
        case "no-names":
          return "Nenhuma coluna dá os nomes das pessoas: escolha “Nome” para uma delas.";
        case "no-organization-names":
          return "Nenhuma coluna dá os nomes das organizações: escolha “Nome da organização” para uma delas.";
        case "email-column-missing":
          return "Os e-mails de confirmação precisam de uma coluna de e-mail: escolha “E-mail” para uma delas, ou deixe a coalizão garantir as assinaturas.";
        case "no-mailer":
          return "Os e-mails de confirmação precisam de um serviço de envio, e nenhum está configurado (RESEND_API_KEY e MAIL_FROM, veja Configuração). Deixe a coalizão garantir as assinaturas, ou configure um antes.";
        case "letter-not-open":
          return "Os e-mails de confirmação levam à página da carta, e esta carta não está aberta para assinaturas. Deixe a coalizão garantir as assinaturas, ou abra a carta antes.";
      }
    },
    textFields: {
      name: "O nome",
      organization_name: "O nome da organização",
      organization: "A organização",
      title: "O cargo",
      contact_name: "A pessoa de contato",
      contact_role: "O cargo do contato",
      city: "A cidade",
    },
    rowProblem: (problem: ImportRowProblem): string => {
      switch (problem.code) {
        case "kind-unknown":
          return `O tipo “${problem.value}” não indica nem uma organização nem uma pessoa.`;
        case "kind-empty":
          return "O tipo está vazio: diga se quem assinou foi uma organização ou uma pessoa.";
        case "text":
          return textProblem(pt.imports.textFields[problem.field], problem.problem, problem.max);
        case "country-unknown":
          return `Não conhecemos o país “${problem.value}”: escreva o nome dele (em português, inglês, espanhol ou francês) ou o código ISO de duas letras.`;
        case "website-invalid":
          return "O site não é um endereço da web, como exemplo.org.";
        case "website-too-long":
          return `O site pode ter no máximo ${problem.max} caracteres.`;
        case "email-invalid":
          return "O e-mail não é um endereço válido, como nome@exemplo.org.";
        case "email-missing":
          return "O e-mail está vazio: um e-mail de confirmação precisa de um endereço.";
        case "differ":
          return {
            organization:
              "O nome da organização e a organização estão os dois preenchidos, e são diferentes: deixe um.",
            contact: "A pessoa de contato e o nome estão os dois preenchidos, e são diferentes: deixe um.",
            role: "O cargo do contato e o cargo estão os dois preenchidos, e são diferentes: deixe um.",
            signatory: "Duas colunas dão o nome do signatário, e são diferentes: deixe uma.",
          }[problem.pair];
        case "organization-name-empty":
          return "O nome da organização está vazio.";
        case "website-for-individual":
          return "Um site é para uma organização, e esta linha é de uma pessoa.";
        case "contact-for-individual":
          return "Uma pessoa de contato é para uma organização, e esta linha é de uma pessoa.";
        case "name-empty":
          return "O nome está vazio.";
        case "erased":
          return "Esta linha foi apagada.";
        case "duplicate-in-file":
          return problem.organization
            ? `A mesma organização da linha ${problem.row}.`
            : `O mesmo e-mail (a mesma caixa de correio) da linha ${problem.row}.`;
        case "already-signed":
          return problem.organization
            ? "Esta organização já assinou esta carta."
            : "Este e-mail (esta caixa de correio) já assinou esta carta.";
        case "same-person-in-file":
          return pt.importFollowUp.samePersonInFile(problem.row);
        case "person-already-signed":
          return pt.importFollowUp.personAlreadySigned;
        case "found-while-importing":
          return "Já assinou esta carta (visto durante a importação).";
        case "status-not-counted":
          return `${{ hidden: "Oculta", rejected: "Rejeitada", withdrawn: "Retirada" }[problem.status]} no arquivo: lá não contava, por isso é ignorada.`;
        case "status-unconfirmed":
          return "Nunca confirmada por e-mail no arquivo: ignorada, porque a coalizão garante as assinaturas. Para pedir a essas pessoas que confirmem, importe o arquivo escolhendo que cada signatário confirme.";
        case "status-unknown":
          return `O status “${problem.value}” não é um dos que este site escreve: se essa coluna diz outra coisa, escolha “Não importar” para ela.`;
        case "as-written":
          return problem.text;
      }
    },
  },

  /** Issue 14's follow-ups on imports: signers without an email counted once, confirmation emails sent again. */
  importFollowUp: {
    samePersonInFile: (row: number) =>
      `A mesma pessoa da linha ${row}: o mesmo nome, a mesma cidade e o mesmo país, e nenhum endereço de e-mail que as diferencie.`,
    personAlreadySigned:
      "Esta pessoa já assinou esta carta: o mesmo nome, a mesma cidade e o mesmo país, e nenhum endereço de e-mail que as diferencie.",
    emailsWaiting: (count: number) =>
      plural(L, count, {
        one: "e-mail de confirmação ainda por enviar: o serviço de e-mail o recusou por um momento, e ele sai de novo sozinho em alguns minutos",
        other:
          "e-mails de confirmação ainda por enviar: o serviço de e-mail os recusou por um momento, e eles saem de novo sozinhos em alguns minutos",
      }),
    emailsGivenUp: (count: number) =>
      plural(L, count, {
        one: "e-mail de confirmação não enviado depois de várias tentativas: reenvie-o pela página de assinaturas, ou confirme a assinatura quando a pessoa pedir",
        other:
          "e-mails de confirmação não enviados depois de várias tentativas: reenvie-os pela página de assinaturas, ou confirme as assinaturas quando as pessoas pedirem",
      }),
    sendNow: "Enviá-los agora",
    markerWaiting: "e-mail de confirmação ainda por enviar",
    markerGivenUp: "e-mail de confirmação não enviado",
  },

  order: {
    title: (title: string) => `Ordem das organizações: ${title}`,
    back: "← Assinaturas",
    heading: "Ordem das organizações",
    intro:
      "As organizações aparecem antes das pessoas. Numere as que devem vir primeiro (1 a primeira); deixe as outras em branco e elas seguem na ordem em que assinaram. Duas com o mesmo número mantêm a ordem de assinatura.",
    fromFile: [
      "Esta carta vem de ",
      ". Salvar uma ordem aqui passa a carta para a área dos organizadores: ao carregar os arquivos, ela não será mais alterada.",
    ],
    none: "Nenhuma organização assinou ainda.",
    caption: "As organizações na ordem atual",
    place: "Posição",
    organization: "Organização",
    save: "Salvar a ordem",
  },

  confirmOnRequest: {
    title: (name: string) => `Confirmar ${name} a pedido de quem assinou`,
    back: (title: string) => `← Assinaturas de “${title}”`,
    question: (name: string) => `Confirmar “${name}” a pedido de quem assinou?`,
    reason: "Motivo",
    anOrganization: "Uma organização",
    aPerson: "Uma pessoa",
    signed: (who: string, email: string | null): [string, string] => [
      `${who}; assinou em `,
      `${email ? `, com ${email}` : ""}. Aguarda a confirmação por e-mail.`,
    ],
    counts:
      "Conta na hora e aparece na página pública (a não ser que quem assinou tenha pedido para não aparecer na lista).",
    waitsForReview: "Aguarda a aprovação de um organizador, como as assinaturas de organizações nesta carta.",
    onlyWhenAsked: "Faça isso só se quem assinou pediu e você sabe que é essa pessoa: nada prova o endereço de e-mail.",
    logged: "Seu motivo fica no registro de atividade, para os proprietários.",
    reasonHint: (max: number) =>
      `Como e quando quem assinou pediu. No máximo ${formatNumber(max, L)} caracteres; só os organizadores veem.`,
    confirm: "Confirmar a assinatura",
    goBack: "Não, voltar",
  },

  delivery: {
    printTitle: "Imprimir ou salvar como PDF:",
    printText:
      "use o comando Imprimir do navegador (Ctrl+P, ou ⌘P no Mac) e escolha uma impressora ou “Salvar como PDF”. Escolha papel A4 ou Carta, e desative os cabeçalhos e rodapés do próprio navegador: as páginas são numeradas embaixo.",
    listed:
      "Só aparecem as assinaturas confirmadas; quem pediu para não ser nomeado é contado. Nenhum endereço de e-mail aparece.",
    back: "Voltar à área dos organizadores",
  },

  issues: {
    text: (field: IssueTextField, problem: TextProblem, max: number) =>
      textProblem(pt.issues.fields[field], problem, max),
    fields: {
      title: "O título",
      organizationName: "O nome da organização",
      contactName: "O nome da pessoa de contato",
      contactRole: "O cargo da pessoa de contato",
      name: "O nome",
      affiliation: "A organização",
      personTitle: "O cargo",
      city: "A cidade",
      label: "A descrição do token",
    },
    titleMissing: "Dê um título à carta.",
    addresseeMissing: "Informe a quem a carta se dirige, uma linha para cada linha do endereço.",
    addresseeTooLong: (max: number) => `O bloco do destinatário pode ter no máximo ${formatNumber(max, L)} caracteres.`,
    addresseeUnreadable: "O bloco do destinatário contém caracteres que não puderam ser lidos.",
    summaryTooLong: (max: number) => `O resumo pode ter no máximo ${formatNumber(max, L)} caracteres.`,
    summaryUnreadable: "O resumo contém caracteres que não puderam ser lidos.",
    bodyMissing: "Escreva o texto da carta.",
    bodyTooLong: (max: number) => `O texto da carta pode ter no máximo ${formatNumber(max, L)} caracteres.`,
    bodyUnreadable: "O texto da carta contém caracteres que não puderam ser lidos. Cole-o de novo como texto simples.",
    slugInvalid: (max: number) =>
      `O endereço só pode ter letras minúsculas sem acentos, algarismos e hifens isolados, com no máximo ${formatNumber(max, L)} caracteres.`,
    slugReserved: "Este endereço é usado pela própria área de organizadores. Escolha outro.",
    slugMissing:
      "Escolha o endereço da carta, por exemplo honduras-novas-eleicoes-2017: o título não tem letras latinas nem algarismos para formá-lo.",
    languageTranslated:
      "A carta já tem uma tradução neste idioma. Exclua essa tradução primeiro, ou mantenha o idioma da carta.",
    slugTaken: "Outra carta já tem este endereço. Escolha outro.",
    dateInvalid: "Informe a data que a carta traz, por exemplo 2017-12-20.",
    languageInvalid: "Escolha na lista o idioma em que a carta está escrita.",
    confirmInvalid: "Escolha como as assinaturas são confirmadas.",
    closesAtInvalid: "Informe o encerramento como data e hora, por exemplo 2018-01-31 23:59, ou deixe em branco.",
    timeZoneInvalid: "Escolha o fuso horário na lista, por exemplo “Honduras — Tegucigalpa”.",
    closesAtSkipped: (day: string, zone: string) => {
      const place = timeZonePlace(zone, L);
      return `Esse horário não existe em ${formatDate(day, L)} ${place ? `no horário de ${place}` : "em UTC"}: os relógios são adiantados e pulam essa hora. Escolha um horário uma hora mais tarde.`;
    },
    closesAtTooLate:
      "Escolha um encerramento anterior ao ano 10000, ou deixe em branco: sem encerramento, a carta fica aberta até que você a encerre.",
    changeInvalid: "Escolha uma mudança de etapa com os botões da página.",
    deliveredOnInvalid: "Informe o dia em que a carta foi entregue, por exemplo 2017-12-20.",
    deliveredOnFuture: (today: string, zone: string) => {
      const place = timeZonePlace(zone, L);
      return `A data de entrega não pode estar no futuro: informe o dia em que a carta foi entregue, hoje (${formatDate(today, L)}, ${place ? `horário de ${place}` : "UTC"}) ou antes.`;
    },
    deliveryNoteUnreadable: "A nota de entrega contém caracteres que não puderam ser lidos. Digite-a novamente.",
    deliveryNoteTooLong: (max: number) =>
      `A nota de entrega pode ter no máximo ${formatNumber(max, L)} caracteres, em uma só linha.`,
    kindMissing: "Indique se quem assinou foi uma organização ou uma pessoa.",
    websiteInvalid: "Informe o site da organização, como example.org ou https://example.org/, ou deixe em branco.",
    websiteTooLong: (max: number) => `O site pode ter no máximo ${formatNumber(max, L)} caracteres.`,
    countryInvalid: "Escolha um país na lista.",
    emailInvalid: "Informe um endereço de e-mail válido, ou deixe em branco.",
    receivedInvalid: "Indique como a assinatura chegou até você.",
    organizationNameMissing: "Escreva o nome da organização.",
    personNameMissing: "Escreva o nome completo da pessoa.",
    fieldForPerson: "Este campo é para uma pessoa: esvazie-o ou escolha “Uma pessoa” acima.",
    fieldForOrganization: "Este campo é para uma organização: esvazie-o ou escolha “Uma organização” acima.",
    webhookUrl: (problem: WebhookUrlProblem, max: number) =>
      ({
        "too-long": `O endereço pode ter no máximo ${formatNumber(max, L)} caracteres.`,
        "not-a-url": "Informe um endereço completo, por exemplo https://crm.example.org/hooks/undersigned.",
        "not-https": "O endereço deve começar com https:// para que as assinaturas viajem criptografadas.",
        credentials:
          "Não coloque nome de usuário nem senha no endereço: confira o cabeçalho de assinatura em vez disso.",
        "not-public": "O endereço deve indicar um servidor público (sem endereços IP nem nomes locais).",
        port: "Tire a porta: o endereço deve usar a porta padrão do HTTPS (443).",
        "ip-address": "Use o nome do servidor do sistema que recebe (como crm.example.org), não um endereço IP.",
        "trailing-dot": "Tire o ponto no fim do nome do servidor.",
      })[problem],
    areaLanguage: "Escolha inglês, espanhol, francês ou português.",
    nameMissing: "Digite o nome da pessoa.",
    nameTaken: (theirs: string) =>
      `${theirs} já usa este nome. Acrescente algo que diferencie vocês, como um sobrenome ou sua equipe.`,
    emailMissing: "Digite um endereço de e-mail.",
    emailMalformed: "Digite um endereço de e-mail como nome@exemplo.org.",
    roleMissing: "Escolha uma função.",
    languageMissing: "Escolha um idioma.",
    sessionMissing: "Escolha uma sessão.",
    placeInvalid: (text: string) =>
      `“${text}” não é uma posição: use números inteiros a partir de 1, ou deixe em branco.`,
    searchTooLong: (max: number) => `A busca pode ter no máximo ${formatNumber(max, L)} caracteres.`,
    statusInvalid: "Escolha uma situação na lista.",
    kindInvalid: "Escolha organizações ou pessoas na lista.",
    countryCode: "Escolha um país na lista.",
    channelInvalid: "Escolha na lista por onde as assinaturas chegaram.",
    verifiedInvalid: "Escolha verificadas ou não verificadas na lista.",
    dayInvalid: (field: "from" | "to") =>
      `“${field === "from" ? "Assinadas desde" : "Assinadas até"}” deve ser uma data, por exemplo 2017-12-20.`,
    fromAfterTo: "“Assinadas desde” é posterior a “Assinadas até”.",
    pageLink: "O link para esta página está quebrado. Volte à primeira página.",
    actionInvalid: "Escolha uma ação: aprovar, rejeitar, ocultar ou restaurar.",
    noneTicked: "Marque as assinaturas que quer mudar, ou escolha “Todas as que correspondem”. Volte e tente de novo.",
    reasonMissing:
      "Diga por que a confirma em nome de quem assinou, por exemplo: “Pediu por telefone em 3 de maio: o e-mail volta”.",
    reasonTooLong: (max: number, length: number) =>
      `O motivo pode ter no máximo ${formatNumber(max, L)} caracteres (tem ${formatNumber(length, L)}).`,
    reasonUnprintable:
      "O motivo contém caracteres de controle ou invisíveis (muitas vezes colados de outro programa). Digite-o de novo como texto simples.",
    personInvalid: "Escolha uma pessoa na lista.",
    activityInvalid: "Escolha uma ação na lista.",
    letterInvalid: "Escolha uma carta na lista.",
    logDayInvalid: (field: "from" | "until") =>
      `“${field === "from" ? "De" : "Até"}” deve ser uma data, por exemplo 2026-11-30.`,
  },

  problems: {
    /** The right admin token while the admin token's account is disabled (login form and API). */
    adminTokenDisabled: {
      title: "A conta da chave de administração está desativada",
      message:
        "A conta da chave de administração está desativada: uma pessoa proprietária a desativou na página Pessoas, por isso a chave já não dá acesso a ninguém. Entre com a sua própria conta (por e-mail ou com uma chave de acesso) ou peça a uma pessoa proprietária que a ative de novo.",
    },
    accountDisabled: {
      title: "Esta conta está desativada",
      message: "Esta conta foi desativada: um proprietário pode reativá-la.",
    },
    personNotFound: {
      title: "Pessoa não encontrada",
      message: "Não há nenhum organizador neste endereço. Volte para Pessoas.",
    },
    nothingToResend: (person: NamedPerson) => ({
      title: "Nada para reenviar",
      message: `${pt.people.nameOf(person)} já entrou ou está com a conta desativada.`,
    }),
    adminTokenStaysOwner: {
      title: "A chave de administração continua proprietária",
      message: "A conta da chave de administração é sempre proprietária.",
    },
    enableNameTaken: (person: NamedPerson, holder: NamedPerson) => ({
      title: "Alguém usa este nome agora",
      message: `${pt.people.nameOf(holder)} usa agora o nome de ${pt.people.nameOf(person)}: duas pessoas ativas com o mesmo nome poderiam ser confundidas. Peça antes a uma delas que mude o nome (na página da conta).`,
    }),
    peopleKeptChanging: {
      title: "As pessoas continuavam mudando",
      message: "Outra mudança nas pessoas estava sendo feita ao mesmo tempo. Tente de novo.",
    },
    personDisabled: (person: NamedPerson) => ({
      title: "Esta conta está desativada",
      message: `A conta de ${pt.people.nameOf(person)} está desativada: reative-a primeiro.`,
    }),
    lastOwner: (person: NamedPerson, adminTokenCounts: boolean) => ({
      title: "O último proprietário",
      message: `${pt.people.nameOf(person)} é o último proprietário ativo. Torne outra pessoa proprietária primeiro: alguém sempre precisa poder gerenciar as pessoas.${adminTokenCounts ? "" : " A conta da chave de administração não conta: não há uma chave de administração utilizável, então ninguém pode entrar com ela."}`,
    }),
    alreadyDisabled: (person: NamedPerson) => ({
      title: "Já desativada",
      message: `A conta de ${pt.people.nameOf(person)} já está desativada.`,
    }),
    languageNotOffered: {
      title: "Não é um idioma da área dos organizadores",
      message:
        "A área dos organizadores está em inglês, espanhol, francês e português: escolha um deles nos botões de idioma no alto da página.",
    },
    noPasskeySent: {
      title: "Nenhuma chave de acesso enviada",
      message: "Seu navegador não enviou nenhuma chave de acesso. Tente de novo ou entre de outra forma.",
    },
    passkeysNotForAdminToken: {
      title: "Não é para a conta da chave de administração",
      message:
        "A conta da chave de administração não pode ter chaves de acesso: elas continuariam funcionando depois que a chave mudasse. Convide-se por e-mail como proprietário (Pessoas), entre com essa conta e adicione as chaves de acesso lá.",
    },
    filterRefused: (problems: string) => ({ title: "Não foi possível usar esse filtro", message: problems }),
    formRefused: (problems: string) => ({ title: "Não foi possível usar este formulário", message: problems }),
    formTooLarge: (kilobytes: number) => ({
      title: "Foi enviado demais",
      message: `O formulário enviou mais de ${formatNumber(kilobytes, L)} KB. Encurte o texto da carta ou divida o que está colando.`,
    }),
    apiBodyTooLarge: (kilobytes: number) => ({
      title: "Foi enviado demais",
      message: `O corpo da requisição tem mais de ${formatNumber(kilobytes, L)} KB, muito mais do que esta API lê. Envie só o JSON que a rota pede.`,
    }),
    fileTooLarge: (megabytes: number) => ({
      title: "O arquivo é grande demais",
      message: `O arquivo tem mais de ${formatNumber(megabytes, L)} MB. Divida-o, ou tire as colunas que você não vai importar, e importe cada parte.`,
    }),
    importNotFound: {
      title: "Importação não encontrada",
      message: "Esta carta não tem essa importação. Volte para as importações dela.",
    },
    importStarted: {
      title: "Esta importação já começou",
      message: "Já não dá para mudar o que é cada coluna. Recarregue a página dela.",
    },
    importRechecking: {
      title: "Esta importação está sendo revisada de novo",
      message:
        "As linhas dela estão sendo revisadas outra vez com outra escolha de colunas (em outra aba ou janela). Recarregue a página dela, confira o que será importado e aperte de novo o botão de importar.",
    },
    nothingToImport: {
      title: "Nada para importar",
      message: "Nenhuma linha deste arquivo pode ser importada. Baixe as linhas recusadas, corrija-as e importe-as.",
    },
    importChanged: {
      title: "Esta importação mudou desde que a página foi mostrada",
      message:
        "A escolha das colunas mudou em outra aba ou janela, ou esta página é de outro arquivo. Recarregue a página dela, confira o que será importado e aperte de novo o botão de importar.",
    },
    refusedRowsErased: (days: number) => ({
      title: "As linhas recusadas foram apagadas",
      message: `As linhas de uma importação ficam guardadas ${formatNumber(days, L)} dias depois que ela termina; as desta já não existem. As contagens e as assinaturas continuam.`,
    }),
    deliveryLanguage: (languages: string[]) => ({
      title: "Essa tradução não existe",
      message: `Esta carta está em ${new Intl.ListFormat(L).format(languages.map((tag) => formatLanguageName(tag, L)))}: escolha um desses idiomas.`,
    }),
    statusUnknown: (statuses: readonly string[]) => ({
      title: "Status desconhecido",
      message: `status deve ser um destes: ${statuses.join(", ")}.`,
    }),
    cursorInvalid: { title: "Cursor inválido", message: "before deve ser um cursor de uma página anterior." },
    actionUnknown: (actions: readonly string[]) => ({
      title: "Ação desconhecida",
      message: `As ações são: ${actions.join(", ")}.`,
    }),
    letterNotFound: {
      title: "Carta não encontrada",
      message: "Não há nenhuma carta neste endereço. Volte à lista de cartas.",
    },
    changeInapplicable: (state: LetterState, signed: boolean) => ({
      title: "Essa mudança não é possível",
      message: signed
        ? "Esta carta já tem assinaturas: não pode voltar a ser um rascunho. Encerre-a em vez disso."
        : `Uma carta na etapa “${pt.states[state]}” não pode mudar assim. Recarregue a página para ver a etapa.`,
    }),
    letterChanged: {
      title: "A carta mudou nesse meio-tempo",
      message: "Outra pessoa alterou esta carta ao mesmo tempo. Recarregue a página e tente de novo.",
    },
    notDeletable: {
      title: "Esta carta não pode ser excluída",
      message:
        "Só pode ser excluído um rascunho que ninguém assinou e que nunca foi publicado. Encerre a carta em vez disso.",
    },
    revisionNotFound: { title: "Versão não encontrada", message: "Esta carta não tem nenhuma versão com esse número." },
    translationNotOffered: (languages: string[]) => ({
      title: "Essa tradução não existe",
      message: `Uma carta pode ser traduzida para ${new Intl.ListFormat(L, { type: "disjunction" }).format(languages.map((tag) => formatLanguageName(tag, L)))}.`,
    }),
    translationNotFound: {
      title: "Essa tradução não existe",
      message: "Esta carta não tem tradução nesse idioma.",
    },
    /** The organizers' API refused a webhook address (domain/webhook.ts webhookUrlProblem): the form's words for it. */
    webhookUrlRefused: (problem: WebhookUrlProblem, max: number) => ({
      title: "Endereço de webhook recusado",
      message: pt.issues.webhookUrl(problem, max),
    }),
    webhookBodyInvalid: (unknown: string | null) => ({
      title: "Corpo da requisição recusado",
      message:
        (unknown === null ? "" : `Não existe o campo ${JSON.stringify(unknown)}. `) +
        'Envie JSON como {"url": "https://crm.example.org/hooks/undersigned", "include_email": false}: url é um endereço https:// ou null (sem webhook), include_email e rotate_secret são true ou false.',
    }),
    noWebhook: {
      title: "Nenhum webhook salvo",
      message: "Salve primeiro um endereço de webhook; depois, envie a ele uma entrega de teste.",
    },
    signatureNotFound: {
      title: "Assinatura não encontrada",
      message: "Esta carta não tem nenhuma assinatura com essa referência.",
    },
    organizationHeld: (name: string, holder: string, status: SignatureStatus) => ({
      title: "Outra assinatura ocupa esta organização",
      message: `Já existe outra assinatura de ${name}: “${holder}” (${pt.signatures.statuses[status]}). Uma organização assina uma só vez: oculte ou rejeite aquela primeiro para restaurar esta.`,
    }),
    actionInapplicable: (status: SignatureStatus, action: ModerationAction) => ({
      title: "Essa ação não é possível",
      message: `Esta assinatura está “${pt.signatures.statuses[status]}”: não pode ser ${pt.moderation.moderated[action]}. Recarregue a página para ver a situação.`,
    }),
    tooManySelected: (max: number) => ({
      title: "Assinaturas demais selecionadas",
      message: `Selecione no máximo ${formatNumber(max, L)} de cada vez.`,
    }),
    onlyOrganizationsVerified: (name: string) => ({
      title: "Só organizações são verificadas",
      message: `${name} assinou como pessoa física.`,
    }),
    notWaiting: (status: SignatureStatus, doing: "resend" | "confirm") => ({
      title: "Ela não espera mais o seu e-mail",
      message: `Esta assinatura está “${pt.signatures.statuses[status]}”: só uma assinatura que espera a confirmação por e-mail pode ${doing === "resend" ? "receber o e-mail de novo" : "ser confirmada"}. Recarregue a página para ver a situação.`,
    }),
    signingClosed: (doing: "resend" | "confirm") => ({
      title: "As assinaturas estão encerradas",
      message: `Esta carta não aceita mais assinaturas: uma assinatura que ainda espera o e-mail não pode ${doing === "resend" ? "recebê-lo de novo" : "ser confirmada"}. Reabra a carta primeiro se ela deve contar.`,
    }),
    noMailer: {
      title: "Nenhum e-mail pode ser enviado",
      message:
        "Este site ainda não consegue enviar e-mails: nenhum convite, link de acesso ou e-mail de confirmação pode sair. Peça a quem cuida do site que configure o envio (MAILER, RESEND_API_KEY e MAIL_FROM).",
    },
    noEmailAddress: {
      title: "Nenhum e-mail pode ser enviado",
      message: "Esta assinatura não tem endereço de e-mail para onde enviá-lo.",
    },
    emailAllowanceUsed: (max: number, resetsAt: string, zone: string) => ({
      title: "Não há mais e-mails para esta assinatura hoje",
      message: `Os ${formatNumber(max, L)} e-mails permitidos em 24 horas já foram usados (assim ninguém consegue lotar uma caixa de entrada). Poderá ser reenviado depois de ${formatMoment(resetsAt, zone, L, (place, offset) => (place ? `horário de ${place}, ${offset}` : offset))}; ou confirme-a em nome de quem assinou, com o seu motivo.`,
    }),
    changedMeanwhile: {
      title: "Ela não espera mais o seu e-mail",
      message:
        "Esta assinatura mudou nesse meio-tempo (quem assinou pode tê-la confirmado agora mesmo). Recarregue a página para ver a situação.",
    },
    keptChanging: {
      title: "A assinatura não parava de mudar",
      message: "Outra alteração estava sendo feita ao mesmo tempo. Tente de novo.",
    },
    notForYourRole: {
      title: "Não faz parte da sua função",
      message: "A sua função nesta área de organizadores não inclui isso. Se precisar, peça a um proprietário.",
    },
    formExpired: {
      title: "Este formulário expirou",
      message:
        "A página de onde você o enviou é antiga demais ou veio de outro site. Volte, recarregue a página e tente de novo.",
    },
    /** A form post refused by the same-origin check (http/security.ts formGuards): another site's, or one with no Origin. */
    crossSite: {
      title: "Enviado de outro site ou de uma página antiga",
      message:
        "Este formulário foi enviado de outro site ou de uma página antiga: volte, recarregue a página e envie-o de novo.",
    },
    organizersOnly: {
      title: "Só para organizadores",
      message: "Este endereço exige uma sessão de organizador ou um token de API (Authorization: Bearer …).",
    },
    httpsOnly: {
      title: "Entre por HTTPS",
      message: "Os organizadores só podem entrar por uma conexão segura (https://).",
    },
    tooManyLogins: {
      title: "Tentativas demais",
      message: "Houve tentativas de entrada demais. Espere um minuto e tente de novo.",
    },
    tooManyTokens: {
      title: "Tentativas demais",
      message: "Foram enviados tokens errados demais. Espere e envie a requisição de novo com o token certo.",
    },
    unknownChange: {
      title: "Mudança desconhecida",
      message: "Escolha uma mudança de etapa com os botões da página.",
    },
    pageLink: {
      title: "O link para esta página não é válido",
      message: "O link para esta página de assinaturas está quebrado. Volte à primeira página.",
    },
  },

  errorPage: {
    status: (status: number) => `Erro ${status}`,
    tryAgainIn: (seconds: number) =>
      seconds < 90
        ? `Tente de novo daqui a ${plural(L, seconds, { one: "# segundo", other: "# segundos" })}.`
        : `Tente de novo daqui a ${plural(L, Math.ceil(seconds / 60), { one: "# minuto", other: "# minutos" })}.`,
    byStatus: {
      400: {
        title: "Não foi possível entender a requisição",
        message: "Algo do que foi enviado não é o que esta página espera. Volte, recarregue a página e tente de novo.",
      },
      401: { title: "Entre primeiro", message: "Esta página é para organizadores. Entre primeiro." },
      403: {
        title: "Não faz parte da sua função",
        message: "A sua função nesta área de organizadores não inclui isso. Se precisar, peça a um proprietário.",
      },
      404: {
        title: "Página não encontrada",
        message:
          "Não há nada neste endereço da área de organizadores. Talvez tenha sido digitado errado, ou foi removido.",
      },
      405: {
        title: "Este endereço não funciona assim",
        message: "Esta página não pode ser usada desse jeito. Volte e use os links e botões da própria página.",
      },
      409: {
        title: "Algo mudou nesse meio-tempo",
        message: "O que você queria mudar já não está como a página mostrava. Recarregue a página e tente de novo.",
      },
      413: {
        title: "Foi enviado demais",
        message: "O formulário enviou mais do que esta página aceita. Encurte o texto ou envie um arquivo menor.",
      },
      415: {
        title: "Este tipo de formulário não é aceito",
        message: "Envie-o pela própria página da área de organizadores: recarregue-a e tente de novo.",
      },
      422: {
        title: "Algo no formulário precisa ser corrigido",
        message: "Volte, confira o que digitou e envie de novo.",
      },
      429: { title: "Tentativas demais", message: "Houve tentativas demais em pouco tempo." },
      500: {
        title: "Algo deu errado do nosso lado",
        message: "Não foi possível fazer o que você pediu. Não foi culpa sua; tente de novo daqui a pouco.",
      },
      503: {
        title: "Isto não está disponível agora",
        message: "Um serviço de que esta página precisa não respondeu.",
      },
    },
  },

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# assinatura", other: "# assinaturas" }),
    organizations: (count: number) => plural(L, count, { one: "# organização", other: "# organizações" }),
    individuals: (count: number) => plural(L, count, { one: "# pessoa", other: "# pessoas" }),
  },
};
