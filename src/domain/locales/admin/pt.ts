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

  editor: {
    newLetter: "Nova carta",
    editTitle: (title: string) => `Editar: ${title}`,
    publicPage: "Página pública",
    signaturesLink: (counted: number, waiting: number) =>
      `Assinaturas (${formatNumber(counted, L)} contadas, ${formatNumber(waiting, L)} aguardando)`,
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
    slugHint:
      "Palavras em minúsculas unidas por hifens: a carta ficará em /letters/seu-endereco. Se ficar vazio, é criado a partir do título. Pode mudar até a carta ser publicada.",
    languageHint:
      "O idioma em que este texto está escrito. Nos quatro primeiros, as páginas públicas ficam inteiramente nesse idioma; nos outros, os botões e rótulos em volta da carta ficam em inglês.",
    chooseLanguage: "Escolha um idioma",
    interfaceLanguages: "Páginas públicas inteiramente neste idioma",
    otherLanguages: "Outros idiomas",
    addresseeHint: "Uma linha para cada linha do endereço, como deve ser impresso.",
    bodyHint:
      "Markdown: uma linha em branco entre parágrafos, `**negrito**`, `*itálico*`, `[um link](https://…)`, `## Um título`.",
    summaryHint:
      "Para buscadores e prévias de links, no máximo 300 caracteres. Se ficar vazio, usa-se o primeiro parágrafo.",
    confirmHint: "As assinaturas confirmadas só contam depois que a pessoa clica no link que enviamos por e-mail.",
    confirmDefault: "Confirmar por e-mail quando houver um serviço de e-mail configurado (padrão)",
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
    previewFrame: "Prévia da página pública",
    nothingToPreview: "Ainda não há nada para mostrar",
    shareTitle: "Compartilhar o rascunho",
    shareText:
      "Qualquer pessoa com este link pode ler o rascunho (ele não aparece em nenhuma lista, e os buscadores são orientados a ignorá-lo):",
    previewLink: "Link da prévia",
    historyTitle: "Histórico do texto",
    current: " (atual)",
    revisionPublished: (signatures: number) =>
      `publicada, com ${plural(L, signatures, { one: "# assinatura", other: "# assinaturas" })} naquele momento`,
    revisionDraft: "rascunho",
    previewDraftNotice: "Prévia de um rascunho: é assim que a página vai ficar depois de publicada. Ela não é pública.",
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
    bodyHint: "Markdown, como no original.",
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
    deliveredOnHint: (today: string) => `Hoje (${today}) ou antes.`,
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
  },

  revision: {
    title: (date: string, title: string) => `Versão de ${date}: ${title}`,
    back: "Voltar à carta",
    savedPublished: (date: string, time: string, signatures: number) =>
      `O texto como foi salvo em ${date} às ${time}, quando a carta era pública com ${plural(L, signatures, { one: "# assinatura", other: "# assinaturas" })}.`,
    savedDraft: (date: string, time: string) => `O texto como foi salvo em ${date} às ${time}, quando era um rascunho.`,
  },

  exports: {
    title: "Exportar",
    listed: "As assinaturas desta lista, como planilha (CSV)",
    confirmed: "As assinaturas confirmadas, como planilha (CSV)",
    every: "Todas as assinaturas, em qualquer situação, como planilha (CSV)",
    delivery: "Documento de entrega: a carta e seus signatários, pronto para imprimir ou salvar em PDF",
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
    whatWillBeSent: "O que será enviado",
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
      "Passe-o para quem configurou o sistema que recebe, e para mais ninguém. Para essa pessoa: cada envio traz `X-Undersigned-Signature: t=…,v1=…`, o HMAC-SHA-256 de `t.body` com este segredo.",
    summaryLabel: "Enviar o resumo diário para (opcional)",
    summaryHint: "Um e-mail toda manhã (07:00 UTC) com as novas assinaturas do dia e o que aguarda revisão.",
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
    nextTry: (time: string) => ` às ${time}`,
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
  },

  confirm: {
    back: "Não, voltar",
  },

  passkeys: {
    title: "Chaves de acesso",
    intro:
      "Uma chave de acesso (passkey) permite entrar com o bloqueio de tela, a impressão digital ou o rosto do seu dispositivo, ou com uma chave de segurança, em vez de um link por e-mail ou do token de administração. Ninguém pode usá-la a partir de outro site, e este site guarda apenas a sua metade pública.",
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
      "Se você adicionou uma chave de acesso à sua conta, o bloqueio de tela, a impressão digital, o rosto ou a chave de segurança do seu dispositivo permite que você entre: sem e-mail nem token para digitar.",
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

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# assinatura", other: "# assinaturas" }),
    organizations: (count: number) => plural(L, count, { one: "# organização", other: "# organizações" }),
    individuals: (count: number) => plural(L, count, { one: "# pessoa", other: "# pessoas" }),
  },
};
