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
      `${formatNumber(counted, L)} contadas (${plural(L, organizations, { one: "# organização", other: "# organizações" })}, ${plural(L, individuals, { one: "# pessoa", other: "# pessoas" })}); ${formatNumber(waiting, L)} aguardando.`,
    setOrder: "Definir a ordem das organizações",
    importSignatures: "Importar assinaturas",
    matching: (count: number) =>
      plural(L, count, { one: "# assinatura corresponde.", other: "# assinaturas correspondem." }),
    bulkLegend: "Mudar várias de uma vez",
    action: "Ação",
    scopeSelected: "As linhas que selecionei",
    scopePage: (count: number) =>
      plural(L, count, { one: "A única linha desta página", other: "As # linhas desta página" }),
    scopeMatching: (count: number) =>
      plural(L, count, { one: "A única que corresponde", other: "As # que correspondem" }),
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
      anOrganization: "Uma organização",
      aPerson: "Uma pessoa",
      organizationLegend: "Uma organização: preencha estes campos (deixe vazios os da pessoa)",
      organizationName: "Nome da organização (público)",
      organizationNameHint: "Os nomes podem começar com + - ou @, como +Acumen.",
      website: "Site da organização (opcional, público)",
      websiteHint: "Como example.org ou https://example.org/",
      contactName: "Nome da pessoa de contato (opcional, nunca publicado)",
      contactRole: "Cargo da pessoa de contato (opcional, nunca publicado)",
      personLegend: "Uma pessoa: preencha estes campos (deixe vazios os da organização)",
      name: "Nome completo da pessoa (público)",
      affiliation: "Afiliação (opcional, pública)",
      personTitle: "Cargo (opcional, público)",
      city: "Cidade (opcional)",
      country: "País (opcional)",
      email: "E-mail (opcional, nunca mostrado)",
      emailHint: "Para uma organização, o da pessoa de contato.",
      received: "Recebida",
      receivedBy: { paper: "Em papel", email: "Por e-mail", other: "De outro jeito" },
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
      "A assinatura foi confirmada a pedido de quem assinou; seu motivo está no registro de moderação.",
    resent: (days: number, left: number, max: number) =>
      `O e-mail de confirmação foi reenviado, com um link que vale por ${plural(L, days, { one: "# dia", other: "# dias" })}. ${
        left === 0
          ? "Era o último que podia ser enviado hoje."
          : `Ainda podem ser enviados ${formatNumber(left, L)} hoje (no máximo ${formatNumber(max, L)} em 24 horas).`
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
    noneSelected: "Nenhuma assinatura selecionada",
    badExportFilter: "Não foi possível usar esse filtro",
    orderSaved: "A ordem foi salva.",
  },

  bulk: {
    title: (action: string) => `${action}: assinaturas`,
    question: (action: string, count: number) =>
      `${action} ${plural(L, count, { one: "# assinatura", other: "# assinaturas" })}?`,
    button: (action: string, count: number) =>
      `${action} ${plural(L, count, { one: "# assinatura", other: "# assinaturas" })}`,
    ofSelected: (count: number) => `Das ${formatNumber(count, L)} que você selecionou`,
    ofPage: (count: number) => `Das ${formatNumber(count, L)} da página`,
    ofMatching: (count: number) => `Das ${formatNumber(count, L)} que correspondem ao filtro`,
    canBe: (count: number, moderated: string) =>
      plural(L, count, {
        one: `, # pode ser ${moderated.replace(/s$/, "")}`,
        other: `, # podem ser ${moderated}`,
      }),
    others: (count: number) =>
      plural(L, count, { one: "; a outra não é afetada", other: "; as outras # não são afetadas" }),
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

  counts: {
    signatures: (count: number) => plural(L, count, { one: "# assinatura", other: "# assinaturas" }),
    organizations: (count: number) => plural(L, count, { one: "# organização", other: "# organizações" }),
    individuals: (count: number) => plural(L, count, { one: "# pessoa", other: "# pessoas" }),
  },
};
