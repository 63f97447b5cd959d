/** The interface in Portuguese (Brazilian usage, "você"). */
import type { SignFormField } from "../signature";
import type { TextProblem } from "../text";
import type { Messages } from "./en";
import { formatDate, formatDayIn, formatMoment, formatNumber, plural } from "./format";

const L = "pt";
const n = (value: number) => formatNumber(value, L);

const FIELD_LABELS: Record<SignFormField, string> = {
  kind: "O tipo de assinatura",
  organization_name: "O nome da organização",
  website: "O site",
  contact_name: "O nome da pessoa de contato",
  contact_role: "O cargo da pessoa de contato",
  authorized: "A declaração de autorização",
  name: "O nome",
  organization: "A organização",
  title: "O cargo",
  city: "A cidade",
  country: "O país",
  email: "O e-mail",
  hide_name: "A opção de ocultar seu nome",
  notify_delivery: "A opção de receber um e-mail quando a carta for entregue",
};

/** The sentence for a refused text's `problem`, `label` naming the field as a sentence begins (the organizer area's too). */
export function textProblem(label: string, problem: TextProblem, max: number): string {
  switch (problem) {
    case "unreadable":
      return `${label} contém caracteres que não puderam ser lidos. Digite novamente, por favor.`;
    case "control":
      return `${label} deve ficar em uma só linha, sem tabulações nem outros caracteres de controle.`;
    case "invisible":
      return `${label} não pode conter caracteres de formatação invisíveis.`;
    case "stacked-marks":
      return `${label} tem acentos demais empilhados sobre uma mesma letra.`;
    case "nothing-visible":
      return `${label} deve conter pelo menos uma letra, um número ou um símbolo visível.`;
    case "too-long":
      return `${label} pode ter no máximo ${n(max)} caracteres.`;
    case "formula":
      return `${label} não pode começar com = nem parecer uma fórmula (como +1+2 ou @SOMA(…)), porque as planilhas a executariam.`;
    case "markup":
      return `${label} não pode conter < nem >, nem nada que pareça código.`;
    case "web-address":
      return `${label} não pode conter um endereço da web.`;
    case "email-address":
      return `${label} não pode conter um endereço de e-mail: pedimos o seu separadamente e nunca o mostramos.`;
  }
}

const signatures = (count: number) =>
  plural(L, count, { one: "# assinatura", many: "# de assinaturas", other: "# assinaturas" });

export const pt: Messages = {
  locale: L,
  date: (iso) => formatDate(iso, L),
  moment: (iso, zone) =>
    formatMoment(iso, zone, L, (place, offset) => (place ? `horário de ${place}, ${offset}` : offset)),
  dayIn: (iso, zone) => formatDayIn(iso, zone, L),
  number: n,

  layout: {
    errorTitlePrefix: "Erro: ",
    skipToContent: "Ir para o conteúdo",
    footer: (site) =>
      `Publicado com ${site}, software livre para cartas com adesões. Os endereços de e-mail nunca são exibidos.`,
    feedTitle: (site) => `${site}: cartas abertas`,
    letterFeedTitle: (title) => `Novidades: ${title}`,
    languages: "Idiomas desta carta",
    recordKey: "Os registros destas cartas são assinados com a chave",
    recordKeyLink: "a chave em texto",
  },

  counts: {
    signatures,
    signatureWord: (count) => plural(L, count, { one: "assinatura", many: "de assinaturas", other: "assinaturas" }),
    summary: (total, organizations, individuals) =>
      `${signatures(total)}: ${plural(L, organizations, { one: "# organização", many: "# de organizações", other: "# organizações" })} e ${plural(L, individuals, { one: "# pessoa física", many: "# de pessoas físicas", other: "# pessoas físicas" })}`,
  },

  letter: {
    open: "Aberta para assinaturas",
    openUntil: (date) => `Aberta para assinaturas até ${date}`,
    closed: "Encerrada para assinaturas",
    closedOnDay: (date) => `Encerrada para assinaturas em ${date}`,
    signThisLetter: "Assinar esta carta",
    signatories: "Signatários",
    noneYet: "Ninguém assinou ainda.",
    beTheFirst: "Seja a primeira pessoa a assinar.",
    seeMore: "Ver mais signatários",
    unlisted: (count) =>
      plural(L, count, {
        one: "# signatário pediu para não ter o nome publicado na lista.",
        many: "# de signatários pediram para não ter o nome publicado na lista.",
        other: "# signatários pediram para não ter o nome publicado na lista.",
      }),
    signingClosed: "As assinaturas foram encerradas",
    noLongerTakes: "Esta carta não recebe mais assinaturas.",
    closedOn: (date) => `Esta carta não recebe mais assinaturas: a coleta de assinaturas foi encerrada em ${date}.`,
    deliveredOn: (date) => `Entregue em ${date}`,
    deliveredClosed: (date) => `Esta carta não recebe mais assinaturas: foi entregue em ${date}.`,
    updatedOn: "Atualizada em",
    share: "Compartilhar esta carta",
    shareEmail: "E-mail",
    shareEmailBody: (title, url) => `Assinei esta carta, e você também pode assinar:\n\n${title}\n${url}`,
    embedTitle: "Incorporar esta carta ao seu site",
    embedIntro:
      "Copie este código em uma página do seu site: ele mostra o título da carta, o número de assinaturas, as primeiras assinaturas e o formulário, e funciona sem JavaScript. A linha do script é opcional: ela ajusta a altura do quadro à do cartão.",
    embedCode: "Código de incorporação",
    embedSourceBefore: "Para saber quantas pessoas assinaram pelo seu site, acrescente ",
    embedSourceMiddle: " e o nome da sua organização (letras, números e hifens) ao endereço no código, por exemplo ",
    embedSourceAfter: ". Sites que leem oEmbed (WordPress e outros) incorporam a carta só com o endereço dela.",
    embedSourceExample: "sua-organizacao",
  },

  form: {
    problems: (count) =>
      plural(L, count, { one: "Há um problema com a sua assinatura", other: "Há # problemas com a sua assinatura" }),
    errorPrefix: "Erro: ",
    signingAs: "Assino",
    organizationGroup: "Sua organização",
    organizationGroupHint:
      "Se você assina em nome de uma organização. O nome, a cidade, o país e o site dela são publicados.",
    organizationName: "Nome da organização (público)",
    website: "Site (opcional, público)",
    websiteHint:
      "O endereço dela, como exemplo.org. Se o seu e-mail for do mesmo domínio, a organização aparece como verificada.",
    contactName: "Seu nome, como pessoa de contato (privado)",
    contactRole: "Seu cargo na organização (opcional, privado)",
    contactHint: "Privado: a equipe organizadora vê, o público nunca.",
    authorized: "Estou autorizado/a a assinar em nome desta organização",
    individualGroup: "Você",
    individualGroupHint: "Se você assina como pessoa física. Seu nome, afiliação, cargo, cidade e país são publicados.",
    bothGroups: "Nos dois casos",
    organizationTaken: (name) =>
      `${name} já assinou esta carta, ou a assinatura dela aguarda a confirmação da pessoa de contato. Uma organização assina uma única vez: se isso for novidade para você, escreva à equipe organizadora da carta: ela pode afastar uma assinatura feita em nome da organização por outra pessoa, e você poderá então assinar.`,
    forOrganization: "em nome de uma organização",
    asIndividual: "como pessoa física",
    name: "Seu nome completo (público)",
    nameHint: "Como deve aparecer na carta.",
    organization: "Organização ou afiliação (opcional, pública)",
    organizationHint: "Aparece depois do seu nome; não assina em nome da organização.",
    title: "Cargo ou função (opcional, público)",
    city: "Cidade (opcional, pública)",
    country: "País (opcional, público)",
    chooseCountry: "Escolha um país",
    email: "E-mail (privado)",
    emailHint:
      "Enviamos o link de confirmação para ele; nunca é exibido nem compartilhado. Uma assinatura individual por endereço; o mesmo endereço pode também assinar uma vez em nome de uma organização.",
    hideName: "Contem esta assinatura, mas não a publiquem na lista (seu nome, ou o da sua organização)",
    notifyDelivery: "Quero receber um e-mail quando esta carta for entregue",
    notifyDeliveryHint:
      "Um único e-mail para o endereço acima, neste idioma, quando os organizadores entregarem a carta; ele traz um link para cancelá-lo. Nada mais é enviado.",
    honeypot: "Deixe este campo vazio",
    needsJavaScript: "Para proteger esta carta contra robôs, é preciso ativar o JavaScript para assinar.",
    submit: "Assinar a carta",
    privacy:
      "Os nomes e dados acima aparecem na lista pública, a menos que escolha o contrário; para uma organização, os dela, nunca os do seu contato. Seu e-mail é mantido privado.",
    robotCheckUnavailable:
      "Não conseguimos falar com o serviço que distingue pessoas de robôs, por isso nada foi salvo. Tente de novo em um minuto.",
    pressAgain:
      "Nada foi salvo ainda: para impedir que robôs assinem, pedimos que confira seus dados abaixo e clique em “Assinar a carta” mais uma vez.",
    tooMany: (seconds) =>
      `Recebemos assinaturas demais da sua conexão em pouco tempo, por isso nada foi salvo ainda. Seus dados estão abaixo: aguarde ${plural(L, seconds, { one: "# segundo", other: "# segundos" })} e clique em “Assinar a carta” de novo.`,
    robotCheckFailed:
      "Não conseguimos confirmar que você é uma pessoa, por isso nada foi salvo. Conclua a verificação e assine de novo.",
    textChanged:
      "O texto da carta foi atualizado enquanto você o lia, por isso sua assinatura não foi salva. Esta página agora mostra o novo texto: leia-o e, se ainda concordar, pressione “Assinar a carta” de novo para assiná-lo. Seus dados estão abaixo.",
    seeWhatChanged: "Veja o que mudou.",
    issue(field, issue) {
      const label = FIELD_LABELS[field];
      switch (issue.code) {
        case "repeated":
          return `${label} foi enviado mais de uma vez. Envie apenas uma vez.`;
        case "not-text":
          return `${label} deve ser texto, não um arquivo.`;
        case "kind":
          return "Indique se você assina em nome de uma organização ou como pessoa física.";
        case "name-missing":
          return "Escreva seu nome completo.";
        case "organization-name-missing":
          return "Escreva o nome da organização.";
        case "contact-name-missing":
          return "Escreva o nome da pessoa que assina em nome da organização (fica privado).";
        case "authorized-missing":
          return "Marque a caixa para declarar que você está autorizado/a a assinar em nome desta organização.";
        case "website":
          return "Escreva o site da organização, como exemplo.org, ou deixe em branco.";
        case "website-too-long":
          return `O site pode ter no máximo ${n(issue.max)} caracteres.`;
        case "other-group":
          return issue.kind === "organization"
            ? "Você escolheu assinar em nome de uma organização: este campo é para pessoas físicas. Apague-o, ou escolha “Como pessoa física”."
            : "Você escolheu assinar como pessoa física: este campo é para organizações. Apague-o, ou escolha “Em nome de uma organização”.";
        case "country":
          return "Escolha um país da lista.";
        case "email-missing":
          return "Escreva o seu e-mail, por exemplo nome@exemplo.org.";
        case "email-too-long":
          return `O e-mail pode ter no máximo ${n(issue.max)} caracteres.`;
        case "email-invalid":
          return "Escreva um e-mail válido, por exemplo nome@exemplo.org.";
        case "text":
          return textProblem(label, issue.problem, issue.max);
      }
    },
  },

  signAgain: {
    title: "Envie sua assinatura novamente, por favor",
    queueBusy:
      "Não conseguimos salvar sua assinatura porque nossa fila de assinaturas não a recebeu. Nada foi salvo: envie-a novamente, por favor.",
    databaseBusy:
      "Não conseguimos salvar sua assinatura porque nosso banco de dados não respondeu a tempo. Nada foi salvo: envie-a novamente, por favor.",
    mailBusy:
      "Sua assinatura está salva, mas não conseguimos enviar o e-mail para confirmá-la. Envie-a novamente, por favor: enviaremos um novo e-mail.",
  },

  list: {
    organizations: "Organizações",
    individuals: "Pessoas físicas",
    continued: (heading) => `${heading} (continuação)`,
    verifiedByDomain: (domain) => `Verificada: seu contato confirmou um endereço em ${domain}`,
    verifiedByOrganizers: "Verificada pela equipe organizadora",
    whatVerifiedMeans: "O que significa “verificada”",
    verifiedExplained:
      "Uma marca (✓) após o nome de uma organização significa que ela foi verificada: a pessoa que assinou em seu nome confirmou um endereço de e-mail no domínio próprio da organização (o do site informado; um e-mail gratuito nunca conta), ou a equipe organizadora da carta confirmou diretamente com a organização. As organizações sem a marca assinaram da mesma forma, mas não foram verificadas.",
  },

  versionsPage: {
    title: (letterTitle) => `Versões de “${letterTitle}”`,
    back: "← Voltar à carta",
    heading: "Versões do texto",
    of: "de",
    intro:
      "Cada vez que o texto desta carta, ou de uma das suas traduções, foi publicado ou alterado enquanto era público, a nova versão foi acrescentada ao registro público da carta. Cada versão mostra o que mudou em relação à anterior.",
    recordNote:
      "A entrada do registro e a impressão digital (SHA-256) permitem a qualquer pessoa verificar que uma versão é o texto que o registro guarda.",
    json: "Estas versões em JSON",
    none: "Nenhuma versão do texto desta carta foi publicada ainda.",
    version: (number) => `Versão ${n(number)}`,
    publishedOn: "Publicada em",
    recordEntry: "Entrada do registro",
    digest: "Impressão digital",
    first: "O texto como foi publicado pela primeira vez.",
    changes: (number) => `Alterações em relação à versão ${n(number)}`,
    spacingOnly: "Só mudaram espaços ou quebras de linha.",
    fields: { title: "Título", summary: "Resumo", addressee: "Destinatário", body: "Texto" },
    added: "acrescentado:",
    removed: "removido:",
  },

  signatoriesPage: {
    title: (letterTitle) => `Signatários de “${letterTitle}”`,
    back: "← Voltar para a carta",
    heading: "Signatários",
    of: "de",
    noMore: "Não há mais signatários para mostrar.",
    pages: "Páginas de signatários",
    next: "Próxima página de signatários",
    last: "Esta é a última página.",
    first: "Primeira página",
  },

  thanks: {
    counted: "Obrigado por assinar",
    confirmEmail: "Confira seu e-mail para confirmar",
    review: "Obrigado por assinar",
    confirmed: "Sua assinatura está confirmada",
    youSignedOrganization: "Você assinou em nome de uma organização:",
    asContact: (name) =>
      `Você assina em nome de ${name} como pessoa de contato: é publicado o nome da organização, nunca o seu.`,
    domainTaken:
      "Outra organização desta carta já confirmou um endereço do mesmo domínio, então esta assinatura ainda não conta: a equipe organizadora vai examiná-la.",
    verified: (domain) =>
      `Seu endereço é de ${domain}, o domínio do site da organização: a organização aparece como verificada.`,
    youSignedIndividual: "Você assinou como pessoa física:",
    emailSent: "Enviamos um e-mail com um link. ",
    countsOnceConfirmed: "Sua assinatura conta assim que você abrir o link e confirmar.",
    emailMissing:
      " Se ele não chegar em alguns minutos, confira a pasta de spam, ou assine de novo para receber um novo link.",
    emailMissingClosed: " Se ele não chegar em alguns minutos, confira a pasta de spam.",
    reviewNotice: "A equipe organizadora revisa as assinaturas de organizações antes que apareçam na carta.",
    queuedPublic:
      "Sua assinatura está a caminho: em um ou dois minutos ela será contada e seu nome aparecerá na carta.",
    queuedPublicOrganization:
      "Sua assinatura está a caminho: em um ou dois minutos será contada e o nome da organização aparecerá na carta.",
    queuedPrivate:
      "Sua assinatura está a caminho: será contada em um ou dois minutos, e seu nome não aparecerá na lista pública.",
    public: "Seu nome aparecerá na lista pública da carta em um ou dois minutos.",
    publicOrganization:
      "O nome da organização aparecerá na lista pública da carta em um ou dois minutos; o seu, nunca.",
    private: "Sua assinatura foi contada, e seu nome não aparecerá na lista pública.",
    letterHas: (counts) => `A carta tem ${counts}.`,
    letterNowHas: (counts) => `A carta agora tem ${counts}.`,
    notifyDelivery: "Vamos lhe escrever quando esta carta for entregue.",
    share: "Ajude a carta a crescer: compartilhe o endereço dela",
    changedMind: "Mudou de ideia?",
    withdrawBefore: "Você pode retirar sua assinatura a qualquer momento com este link privado. Não o compartilhe: ",
    withdrawLink: "retirar minha assinatura",
    withdrawInEmail: "O e-mail que enviamos contém seu link privado para retirar sua assinatura a qualquer momento.",
    withdrawLinkHidden: (hours: number) =>
      `Esta página mostra seu link privado apenas durante ${n(hours)} horas após a assinatura. Se você o guardou, ele continua funcionando; se a carta lhe enviou um e-mail, o link também está nele.`,
    back: "← Voltar para a carta",
  },

  recordEntry: {
    title: (seq: number, letterTitle: string) => `Entrada ${n(seq)} do registro de “${letterTitle}”`,
    heading: (seq: number) => `Entrada ${n(seq)} do registro público`,
    back: "← Voltar à carta",
    of: "No registro público de",
    intro:
      "O registro lista, em ordem, cada mudança em quem é contado nesta carta e cada versão publicada do seu texto. Cada entrada entra numa árvore de hashes cuja raiz a carta publica, de modo que uma entrada alterada, removida ou reordenada depois já não corresponde a ela.",
    number: "Número",
    event: "O que aconteceu",
    time: "Quando",
    kind: "Assinou",
    details: "Dados públicos",
    reference: "Referência",
    digest: "Resumo dos dados",
    hash: "Hash da entrada",
    events: {
      signed: "Assinou a carta",
      withdrawn: "Retirou a assinatura",
      hidden: "Ocultada pela equipe organizadora",
      rejected: "Descartada pela equipe organizadora",
      restored: "Restabelecida pela equipe organizadora",
      removed: "Retirada da carta pela equipe organizadora",
      text: "Uma versão do texto da carta foi publicada",
    },
    kinds: { organization: "Em nome de uma organização", individual: "Como pessoa física" },
    erased:
      "Nenhum mais: foram apagados quando a assinatura foi retirada ou descartada. O resumo continua a cobri-los, então o hash da entrada não mudou.",
    unlisted: "Nenhum: esta pessoa pediu para não aparecer pelo nome.",
    textVersion: (ref: string) => `A versão do texto ${ref}; o resumo é o SHA-256 dessa versão.`,
    later: "O que aconteceu depois",
    laterItem: (seq: number) => `Entrada ${n(seq)}`,
    nothingLater: "Nada desde então: nenhuma entrada posterior se refere a esta assinatura.",
    nothingLaterText: "Nada desde então: nenhuma entrada posterior se refere a esta versão do texto.",
    inTree: (size: number) =>
      `O registro tem ${plural(L, size, { one: "# entrada", many: "# de entradas", other: "# entradas" })} até agora. Seu hash raiz, que cobre esta entrada:`,
    check: "Confira você mesmo",
    checkIntro:
      "Com Node.js e uma cópia do código-fonte do Undersigned, este comando lê o registro completo da carta, recalcula cada hash e confere que esta entrada, com este hash, continua nele:",
    json: "Esta entrada em JSON, com sua prova de inclusão no registro",
    record: "O registro completo em JSON",
  },

  recordPage: {
    title: (letterTitle: string) => `O registro público de “${letterTitle}”`,
    heading: "O registro público",
    of: "Da carta",
    size: (length: number, sealed: number) =>
      `O registro tem ${plural(L, length, { one: "# entrada", other: "# entradas" })} até agora; ${plural(L, sealed, { one: "a primeira está", other: "as primeiras # estão" })} na árvore de hashes cuja raiz a carta publica:`,
    empty: "O registro ainda não tem entradas: ele começa quando a carta é publicada.",
    read: "Lê-lo",
    newest: (seq: number) => `A entrada mais recente (número ${n(seq)})`,
    first: "A primeira entrada",
    checkpoints: "Seus pontos de controle, cada um assinado com a chave do registro",
    key: "A chave do registro",
    checkIntro:
      "Com Node.js e uma cópia do código-fonte do Undersigned, este comando lê todo o registro da carta, recalcula cada hash e confere cada ponto de controle assinado:",
    overview: "O registro: o que é e como conferi-lo",
  },

  yourEntry: {
    heading: "Sua entrada no registro público",
    isEntry: (seq: number) => `Sua assinatura é a entrada ${n(seq)} do registro público da carta. Seu hash:`,
    see: "Ver sua entrada, e como conferir que ela continua no registro",
    review: "Sua assinatura receberá sua entrada no registro público da carta quando a equipe organizadora a aprovar.",
    queued: "Sua assinatura receberá sua entrada numerada no registro público da carta quando for contada.",
    inEmail: "O e-mail que enviamos informa o número da sua entrada no registro público da carta, e como conferi-la.",
    none: "Não há nenhuma entrada para esta assinatura no registro público da carta.",
  },

  links: {
    confirmTitle: "Confirme sua assinatura",
    on: "Em",
    confirmButton: "Confirmar minha assinatura",
    confirmListedOrganization: "Ela aparecerá entre as organizações, assim:",
    confirmDeliveryNotice:
      "Você pediu para receber um e-mail quando esta carta for entregue: confirmar mantém esse pedido. Esse e-mail traz um link para interrompê-lo.",
    confirmWebsite: (url) => `O site dela, publicado com o nome: ${url}`,
    confirmAsContact: (name, contact) =>
      `Você assina em nome de ${name} como pessoa de contato (${contact}). Seu nome, cargo e e-mail ficam privados: a equipe organizadora vê, o público nunca.`,
    confirmListedIndividual: "Ela aparecerá entre as pessoas, assim:",
    confirmNotListedIndividual:
      "Ela será contada entre as pessoas, sem seu nome na lista pública. Só para você, o que você escreveu:",
    confirmNotListedOrganization:
      "Ela será contada entre as organizações, sem o nome na lista pública. Só para você, o que você escreveu:",
    detailsChanged: {
      title: "Confira sua assinatura de novo",
      message:
        "O que esta assinatura diz mudou depois que você abriu a página (alguém assinou de novo com seu endereço). Nada foi confirmado: confira o que ela diz agora e confirme só se estiver certo.",
    },
    goToLetter: (title) => `Ir para a carta: ${title}`,
    withdrawTitle: "Retirar sua assinatura",
    withdrawBefore: "Isto retira sua assinatura de ",
    withdrawAfter: ": seu nome sai da lista pública, dos dados da carta e do seu registro, e os totais diminuem em um.",
    signAgainOpen: " Você pode assinar de novo enquanto a carta estiver aberta a assinaturas.",
    signAgainClosed: " As assinaturas foram encerradas, então não é possível assinar de novo.",
    withdrawWhose: "A assinatura que este link retira:",
    withdrawButton: "Retirar minha assinatura",
    unsubscribeTitle: "Cancelar o e-mail de entrega",
    unsubscribeText: (title: string) =>
      `Aperte o botão e você não receberá mais e-mails sobre "${title}": sua assinatura não muda.`,
    unsubscribeButton: "Cancelar o e-mail",
    unsubscribedTitle: "Você não receberá e-mails sobre esta carta",
    unsubscribedMessage: "Pronto: você não receberá mais e-mails sobre esta carta. Sua assinatura não muda.",
    unsubscribeAlready: {
      title: "Já está feito",
      message:
        "Você já tinha pedido para não receber mais e-mails sobre esta carta: nenhum será enviado. Sua assinatura não muda.",
    },
    unsubscribeDead: {
      title: "Este link não funciona",
      message:
        "Ele está incompleto ou não corresponde a nenhuma assinatura desta carta. Copie o link inteiro do e-mail e abra-o de novo.",
    },
    withdrawnTitle: "Sua assinatura foi retirada",
    withdrawnMessage:
      "Sua assinatura foi retirada: seu nome não aparece mais na carta, nem nos dados nem no registro dela, e os totais não a incluem mais. Uma cópia da página da carta já aberta, guardada pelo seu navegador ou por um centro de dados distante pode ainda mostrá-lo por alguns minutos.",
    invalid: {
      title: "Este link não é válido",
      message:
        "Não há nenhuma assinatura esperando por este link. Copie o link completo do e-mail e abra-o de novo, ou assine a carta de novo com o mesmo endereço de e-mail para recebê-lo outra vez.",
    },
    deadLink: {
      title: "Este link não funciona",
      message:
        "Ele está incompleto, não corresponde a nenhuma assinatura desta carta ou já foi usado. Se sua assinatura está na carta e você quer retirá-la, assine de novo com o mesmo endereço de e-mail: enviaremos seu link privado para esse endereço, e nada muda na carta.",
      messageNoMail:
        "Ele está incompleto, não corresponde a nenhuma assinatura desta carta ou já foi usado. Se sua assinatura está na carta e você não tem mais seu link privado, peça-o a quem organiza a carta.",
    },
    alreadyConfirmed: {
      title: "Já confirmada",
      message: "Esta assinatura já estava confirmada. Não há mais nada a fazer.",
    },
    notOnLetter: {
      title: "Esta assinatura não está mais na carta",
      message: "Ela foi retirada ou deixada de lado, por isso não pode ser confirmada. Você pode assinar de novo.",
    },
    closedBeforeConfirmation: {
      title: "As assinaturas foram encerradas",
      message: "A carta parou de receber assinaturas antes que esta fosse confirmada.",
    },
    expired: (days) => ({
      title: "Este link expirou",
      message: `Os links de confirmação valem por ${n(days)} dias. Assine a carta de novo para receber um novo link.`,
    }),
  },

  embed: {
    title: (letterTitle) => `Assinar: ${letterTitle}`,
    thanks: "Obrigado por assinar",
    confirmEmail: "Enviamos um e-mail com um link: sua assinatura conta assim que você abrir o link e confirmar.",
    review: "A equipe organizadora revisa as assinaturas de organizações antes que apareçam na carta.",
    queued: "Sua assinatura está a caminho: será contada em um ou dois minutos.",
    counted: "Sua assinatura foi contada.",
    changedMind: "Mudou de ideia? ",
    withdraw: "Retirar minha assinatura",
    among: "Entre quem assinou",
    readFull: "Ler a carta completa",
    publishedWith: "Publicado com ",
    neverShown: ". Os endereços de e-mail nunca são exibidos.",
    addressee: (to) => `Para: ${to}`,
    back: "Voltar",
    address: "O endereço da carta",
    addressHint: "Selecione o endereço para copiá-lo.",
  },

  errors: {
    backHome: "Ir para a lista de cartas",
    status: (status) => `Erro ${status}`,
    letterNotFound: {
      title: "Carta não encontrada",
      message:
        "Não há nenhuma carta publicada neste endereço. Talvez ele tenha sido digitado errado, ou a carta mudou de endereço.",
    },
    languageNotFound: (languages) => ({
      title: "Esta carta não está disponível nesse idioma",
      message: `Esta carta pode ser lida em: ${languages}.`,
    }),
    signingClosed: (letterTitle, closedOn) => ({
      title: "As assinaturas foram encerradas",
      message: `“${letterTitle}” não recebe mais assinaturas${closedOn ? `: a coleta de assinaturas foi encerrada em ${closedOn}` : ""}. Sua assinatura não foi registrada.`,
    }),
    tooMany: (seconds) => ({
      title: "Assinaturas demais ao mesmo tempo",
      message: `Recebemos assinaturas demais da sua conexão em pouco tempo. Nada foi salvo. Aguarde ${n(seconds)} segundos e tente de novo.`,
    }),
    thankYouInvalid: {
      title: "Este link de agradecimento não é válido",
      message:
        "O link está incompleto ou foi alterado. Se você assinou, sua assinatura não foi afetada: você pode conferir a lista na página da carta.",
    },
    /** A draft's preview link that opens nothing (a wrong key, or one made before "New preview link"). */
    previewNotFound: {
      title: "Pré-visualização não encontrada",
      message:
        "Este link de pré-visualização não é válido: está incompleto, ou os organizadores criaram um novo desde então. Peça o link atual aos organizadores da carta.",
    },
    linkIncomplete: {
      title: "Este link está incompleto",
      message: "Falta uma parte do link, ou ele foi alterado. Copie o link inteiro do e-mail e abra-o de novo.",
    },
    entryNumber: {
      title: "Essa entrada não existe",
      message:
        "As entradas do registro de uma carta são numeradas 1, 2, 3 etc., e este endereço não indica nenhuma. Confira o endereço, ou comece pela página da carta.",
    },
    entryNotFound: (length: number) => ({
      title: "Essa entrada não existe",
      message: `O registro desta carta tem ${plural(L, length, { one: "# entrada", many: "# de entradas", other: "# entradas" })} até agora, e nenhuma com esse número.`,
    }),
    cursor: {
      title: "Este link da lista está quebrado ou desatualizado",
      message:
        "O link para esta página de signatários não é válido. Volte para a carta e siga de novo “Ver mais signatários”.",
    },
    cursorPastEnd: {
      title: "Este link da lista vai além do fim da lista",
      message:
        "Não há signatários depois do ponto para onde este link aponta: nomes podem ter sido retirados desde então. Comece de novo pela primeira página de signatários.",
    },
    formUnreadable: {
      title: "Não foi possível entender a requisição",
      message: "Não foi possível ler o conteúdo do formulário. Envie-o de novo a partir da página da carta.",
    },
    oddFields: (names) => ({
      title: "O formulário trazia campos que não usa",
      message: `O formulário enviou ${names}, que nenhum formulário nosso tem. Assine usando o formulário da página da carta.`,
    }),
    methodNotAllowed: (allow) => `Este endereço só aceita requisições ${allow}.`,
    database: {
      title: "Esta página não está disponível no momento",
      message: "Nosso banco de dados não respondeu a tempo. Tente de novo em um minuto.",
    },
    byStatus: {
      400: {
        title: "Não foi possível entender a requisição",
        message: "Algo na requisição estava malformado. Volte e tente de novo.",
      },
      403: {
        title: "Este formulário deve ser enviado deste site",
        message:
          "Para a sua segurança, só aceitamos assinaturas enviadas da própria página da carta. Abra a carta e assine lá.",
      },
      404: {
        title: "Página não encontrada",
        message:
          "Não há nenhuma página neste endereço. Talvez ele tenha sido digitado errado, ou a carta mudou de endereço.",
      },
      405: { title: "Esse método não é permitido aqui", message: "Este endereço não aceita esse tipo de requisição." },
      413: {
        title: "Dados demais foram enviados",
        message:
          "O formulário enviou mais dados do que uma assinatura precisa. Encurte o que você escreveu e tente de novo.",
      },
      415: {
        title: "Esse tipo de conteúdo não é aceito",
        message:
          "Envie o formulário como um formulário web comum (application/x-www-form-urlencoded ou multipart/form-data).",
      },
      500: {
        title: "Algo deu errado do nosso lado",
        message: "Não conseguimos concluir sua solicitação. Tente de novo em instantes.",
      },
      503: { title: "Este serviço não está disponível no momento", message: "Tente de novo em alguns minutos." },
    },
  },

  mail: {
    asContact: (name) =>
      `Você assina em nome de ${name} como pessoa de contato: é publicado o nome da organização, nunca o seu.`,
    organizationTakenSubject: (title) => `Sua organização já tinha assinado: ${title}`,
    organizationTakenText: (title, name, letter) => [
      `${name} já tinha assinado “${title}” (ou a assinatura dela aguarda a confirmação da pessoa de contato), então a assinatura que você enviou em nome dela não foi guardada. Uma organização assina uma única vez.`,
      "",
      "Se isso for novidade para você, escreva à equipe organizadora da carta: ela pode afastar uma assinatura feita em nome da organização por outra pessoa, e você poderá então assinar de novo. A carta:",
      letter,
    ],
    deliveredSubject: (title: string) => `Entregue: ${title}`,
    deliveredText: (title: string, day: string, letter: string, unsubscribe: string) => [
      `"${title}", que você assinou, foi entregue em ${day}.`,
      "",
      "A carta, com o que seus organizadores contam sobre a entrega:",
      letter,
      "",
      "Você recebe este e-mail porque o pediu ao assinar. É o único; para cancelá-lo, ou se ele chegou por engano:",
      unsubscribe,
    ],
    footer: "O Undersigned nunca exibe nem compartilha o seu endereço de e-mail.",
    confirmSubject: (title) => `Confirme sua assinatura: ${title}`,
    confirmText: (title, days, confirm, withdraw) => [
      `Obrigado por assinar “${title}”.`,
      "",
      "Sua assinatura conta assim que você a confirmar. Abra este link e clique no botão da página:",
      confirm,
      "",
      `O link vale por ${n(days)} dias. Se você não assinou, ignore este e-mail: nada é publicado sem confirmação.`,
      "",
      "Para retirar sua assinatura a qualquer momento, use este link privado:",
      withdraw,
    ],
    alreadySubject: (title) => `Você já assinou: ${title}`,
    alreadyText: (title, letter, withdraw) => [
      `Alguém, provavelmente você, acabou de assinar de novo “${title}” com este endereço de e-mail.`,
      "",
      "Sua primeira assinatura continua valendo, então nada mudou. A carta:",
      letter,
      "",
      "Para retirar sua assinatura, use este link privado:",
      withdraw,
    ],
    entryText: (seq: number, hash: string, url: string) => [
      `Sua assinatura é a entrada ${n(seq)} do registro público da carta, com o hash`,
      hash,
      "Sua entrada, e como conferir que ela continua no registro:",
      url,
    ],
    confirmRef: (ref: string) => [
      "Assim que você confirmar, sua assinatura recebe uma entrada numerada no registro público da carta, com a referência",
      ref,
      "A página que aparece depois da confirmação mostra o número e o hash dela.",
    ],
    reviewText: (title: string, letter: string, withdraw: string) => [
      `Obrigado por assinar “${title}”. A equipe organizadora revisa as assinaturas de organizações antes que contem: quando aprovar a sua, ela será contada e receberá sua entrada no registro público da carta. A carta:`,
      letter,
      "",
      "Para retirar sua assinatura a qualquer momento, use este link privado:",
      withdraw,
    ],
    signedSubject: (title: string) => `Obrigado por assinar: ${title}`,
    signedText: (title: string, letter: string, withdraw: string) => [
      `Obrigado por assinar "${title}". Sua assinatura já conta. A carta:`,
      letter,
      "",
      "Para retirar sua assinatura a qualquer momento, use este link privado:",
      withdraw,
    ],
  },
};
