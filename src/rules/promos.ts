// Lines that sit inside article markup but are not the article: reporting credits,
// newsletter and subscription promos, app promos, cookie and copyright notices, author
// contact lines, and the labels of gallery and ad widgets. Whole-line rules (see
// ./types.ts): each pattern must match the line's whole content, case-insensitively.
import { escapeRegExp } from "../match/escape.js";
import { AGENCIES } from "./captions.js";
import type { LineRule } from "./types.js";

const agency = AGENCIES.map((a) => escapeRegExp(a)).join("|");

export const REPORTING_CREDIT_RULES: readonly LineRule[] = [
  { rule: "credit/reporting", lang: "en", pattern: /\((?:additional )?(?:reporting|writing|editing|compiled) by [^()]{2,300}\)|(?:additional )?(?:reporting|writing) by [^.;]{2,160}[;,] (?:additional reporting|editing|writing|compiled) by [^.]{2,200}\.?/u, reason: "reporting and editing credit", example: "(Reporting by Jane Roe; Editing by John Doe)" },
  { rule: "credit/reporting", lang: "en", pattern: /(?:the )?(?:associated press|ap|reuters|afp|bloomberg|cnn|staff)?\s?(?:writers?|reporters?|correspondents?)? ?[^.]{0,200}\b(?:contributed (?:to )?this (?:report|story|article)|contributed reporting)\.?/u, reason: "contributors' credit", example: "Associated Press writers Jane Roe and John Doe contributed to this report." },
  { rule: "credit/reporting", lang: "de", pattern: /\(?(?:mit material (?:von|der)|bearbeitet von|redaktion:|text:)\s?[^.]{2,120}\)?/u, reason: "reporting credit", example: "(mit Material von dpa)" },
  { rule: "credit/reporting", lang: "fr", pattern: /\(?(?:avec (?:afp|reuters|ap)|(?:propos )?recueillis par|rédaction\s?:)[^.]{0,120}\)?/u, reason: "reporting credit", example: "Propos recueillis par Marie Dupont" },
  { rule: "credit/reporting", lang: "es", pattern: /\(?(?:con información de|redacción\s?:|reportaje de|edición de)[^.]{2,120}\)?/u, reason: "reporting credit", example: "Con información de Reuters y AFP" },
  { rule: "credit/reporting", lang: "pt", pattern: /\(?(?:com informações d(?:e|a|o|as|os)|com (?:as )?agências|reportagem de|edição de|redação\s?:)[^.]{2,120}\)?/u, reason: "reporting credit", example: "Com informações da Reuters e da AFP" },
  { rule: "credit/reporting", lang: "it", pattern: /\(?(?:con (?:fonti|informazioni) d(?:i|a|el|ella|elle|ei|egli)|hanno collaborato|ha collaborato|redazione\s?:)[^.]{2,120}\)?/u, reason: "reporting credit", example: "Ha collaborato Giulia Bianchi" },
  { rule: "credit/reporting", lang: "ru", pattern: /\(?(?:по материалам|при участии|подготовил[аи]?|автор(?: текста)?\s?:)[^.]{2,120}\)?/u, reason: "reporting credit", example: "По материалам ТАСС" },
  { rule: "credit/syndication", lang: "*", pattern: /(?:via|source|quelle|fuente|источник)\s?:?\s?[\w.-]{2,40}\.(?:com|info|net|org|co\.uk)/u, reason: "syndication source line", example: "Via NewsWire.info" },
  { rule: "credit/photo", lang: "ru", pattern: /(?:фото\s?:?\s?)?(?:личный архив|архив|пресс-служба|из открытых источников)\s[\p{L} .-]{0,60}/u, reason: "photo credit", example: "личный архив Анны Ивановой" },
  { rule: "credit/photo", lang: "pt", pattern: /(?:(?:foto|imagem)\s?:?\s?)?(?:arquivo pessoal|divulgação|reprodução)(?:\s?[/|-]\s?[\p{L}\d .-]{1,60})?/u, reason: "photo credit", example: "Reprodução/Instagram" },
  { rule: "credit/photo", lang: "it", pattern: /(?:foto (?:d'archivio|di repertorio)|(?:foto )?ufficio stampa)(?:\s?[/|-]\s?[\p{L}\d .-]{1,60})?/u, reason: "photo credit", example: "Foto d'archivio" },
  { rule: "credit/photo", lang: "*", pattern: /.{10,600}\((?:[\p{L}.]+ )?(?:photos?|fotos?|image|imagem|immagine|picture|credit|crédit|crédito|bild|фото)(?: by| de| di| von)?\s?[:/]\s?[^()]{1,100}\)/u, reason: "photo caption ending in a bracketed photo credit", example: "A worker loads trims into his truck in Miami. (AP Photo/Jane Roe, File)" },
  {
    rule: "credit/photo",
    lang: "*",
    // A photographer and agency alone on a line: "Jane Roe/Getty Images", "Jane Roe | Bloomberg | Getty Images".
    pattern: new RegExp(String.raw`[\p{L}][\p{L} .'’-]{1,50}(?:\s?[/|]\s?[\p{L}][\p{L} .'’-]{1,50}){0,3}\s?[/|]\s?(?:${agency})`, "u"),
    reason: "photo credit: photographer and agency",
    example: "Jane Roe | Bloomberg | Getty Images",
  },
  { rule: "credit/photo", lang: "*", pattern: /[©ⓒ]\s?[\p{L}][\p{L} .'-]{1,60}(?:\s?\/\s?[\p{L} .'-]{1,40})?/u, reason: "photo credit", example: "© John Brecher" },
];

/**
 * An author's biography: a name, "is a" and a newsroom role ("Anna Schmidt ist Redakteurin im
 * Lokalressort...", "Jane Roe is a senior reporter covering..."). Shared by the promos and
 * boilerplate-phrases tables.
 */
/** Newsroom roles, lower case; an author biography names one ("editor", "Redakteurin", "giornalista"). */
const NEWSROOM_ROLES = [
  "reporter", "correspondent", "editor", "writer", "journalist", "columnist", "contributor", "producer",
  "redakteurin", "redakteur", "korrespondentin", "korrespondent", "journalistin", "autorin", "autor", "reporterin",
  "journaliste", "rédactrice", "rédacteur", "correspondante", "chroniqueuse", "chroniqueur",
  "periodista", "redactora", "redactor", "corresponsal", "columnista",
  "jornalista", "repórter", "colunista", "redattrice", "redattore", "giornalista", "corrispondente", "editorialista",
];
/** What a biography says the author does: covers a beat, writes for a paper, is based somewhere. */
const BIO_BEATS = [
  "covers", "covering", "reports on", "reporting on", "writes about", "writes for", "writing about", "based in", "for the", "at the",
  "berichtet", "schreibt", "für die", "für den", "lebt in", "couvre", "écrit", "pour le", "pour la", "basée? à", "cubre", "escribe", "para el", "para la",
  "escreve", "cobre", "para o", "para a", "scrive", "segue", "per il", "per la", "si occupa",
].join("|");
/** Either case for the first letter: German nouns are capitalised. */
const anyCaseFirst = (word: string) => `[${word[0]}${word[0].toUpperCase()}]${word.slice(1)}`;
export const AUTHOR_BIO = new RegExp(
  String.raw`^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3} (?:is|was|ist|war|est|était|es|era|é|è) (?:(?:a|an|the|un|une|una|um|uma|ein|eine|einer|il|la|lo|o) )?(?:[\p{L}-]+ ){0,3}(?:${NEWSROOM_ROLES.map(anyCaseFirst).join("|")})(?![\p{L}]).{0,120}?(?<![\p{L}])(?:${BIO_BEATS})(?![\p{L}]).{0,300}$`,
  "u",
);

export const PROMO_RULES: readonly LineRule[] = [
  { rule: "promo/author-bio", lang: "*", pattern: AUTHOR_BIO, reason: "author biography", caseSensitive: true, example: "Anna Schmidt ist Redakteurin im Lokalressort und berichtet seit 2015 über Stadtpolitik." },
  { rule: "promo/newsletter", lang: "en", pattern: /.{0,120}\b(?:sign up|subscribe|register) (?:for|to|now for) (?:our|the|my|a)?\s?.{0,80}\b(?:newsletters?|e-?mails?|alerts|briefing|digest|updates)\b.{0,160}/u, reason: "newsletter promo", example: "Sign up to our newsletter for exclusive updates and enhanced content" },
  { rule: "promo/newsletter", lang: "en", pattern: /.{0,100}\b(?:newsletters?|inbox)\b.{0,100}\b(?:sign up|subscribe|delivered)\b.{0,100}/u, reason: "newsletter promo", example: "Get our newsletter delivered to your inbox: sign up today" },
  { rule: "promo/subscribe", lang: "en", pattern: /(?:subscribe|subscribe now|subscribe today|subscribers only|become a (?:member|subscriber|patron)|support (?:our|independent) journalism.{0,120}|click here to subscribe.{0,80}|get (?:unlimited )?(?:digital )?access.{0,140}|already a subscriber\??.{0,40}|(?:12|\d+) issues for .{0,120}|subscribe to [\p{L}\d ]{2,40} on (?:youtube|twitter|facebook|instagram|telegram).{0,80}|join \w{1,30}(?:\s\w{1,30})? ?(?:plus|premium|insider).{0,140}|if you enjoyed this article.{0,400})/u, reason: "subscription promo", example: "Already a subscriber? Sign in" },
  { rule: "promo/app", lang: "en", pattern: /(?:click here to |download |get )(?:get )?(?:the|our) [\p{L} ]{1,30} app.{0,80}/u, reason: "app promo", example: "Click here to get the Example News app" },
  { rule: "promo/newsletter", lang: "de", pattern: /.{0,80}\b(?:newsletter (?:abonnieren|bestellen)|jetzt abonnieren|zum newsletter anmelden|melden sie sich (?:jetzt )?(?:für|zum) (?:unseren |den )?(?:[\p{L}-]+ ){0,2}newsletter an).{0,120}/u, reason: "newsletter promo", example: "Jetzt den Newsletter abonnieren" },
  { rule: "promo/newsletter", lang: "fr", pattern: /.{0,80}\b(?:abonnez-vous|inscrivez-vous (?:à|a) (?:notre|la) newsletter|recevez (?:notre|la) newsletter).{0,120}/u, reason: "newsletter promo", example: "Inscrivez-vous à notre newsletter" },
  { rule: "promo/newsletter", lang: "es", pattern: /.{0,80}\b(?:suscríbete|suscribete|suscríbase|regístrate (?:a|en) (?:nuestro|el) (?:boletín|newsletter)|recibe (?:nuestro|el) (?:boletín|newsletter)).{0,120}/u, reason: "newsletter promo", example: "Suscríbete a nuestro boletín" },
  { rule: "promo/newsletter", lang: "pt", pattern: /.{0,80}\b(?:(?:assine|subscreva|receba) (?:a |a nossa |nossa )?newsletter|(?:inscreva|cadastre|registe)-se (?:n[ao]|em|para receber (?:a|o)) (?:nossa |nosso )?newsletter|receba (?:as |nossas )?(?:notícias|novidades) (?:no seu|por) e-?mail).{0,120}/u, reason: "newsletter promo", example: "Inscreva-se na nossa newsletter" },
  { rule: "promo/newsletter", lang: "it", pattern: /.{0,80}\b(?:iscriviti alla (?:nostra )?newsletter|(?:ricevi|ricevere) (?:la nostra|le nostre) newsletter).{0,120}/u, reason: "newsletter promo", example: "Iscriviti alla nostra newsletter e ricevi le notizie della settimana" },
  { rule: "promo/newsletter", lang: "ru", pattern: /.{0,80}(?:подпи(?:шитесь|сывайтесь) на (?:нашу |наш |нас )?(?:рассылку|канал|новости|telegram|телеграм)|подписаться на рассылку).{0,120}/u, reason: "newsletter promo", example: "Подпишитесь на нашу рассылку" },
  { rule: "promo/social", lang: "en", pattern: /(?:follow (?:him|her|them|us|me|@\w+) on (?:twitter|facebook|instagram)[^.]{0,100}\.?|(?:follow|like) us on [\p{L} ]{1,40}.{0,80})/u, reason: "social follow line", example: "Follow @ExampleDeals on Twitter to keep up with the latest deals" },
];

export const NOTICE_RULES: readonly LineRule[] = [
  { rule: "notice/cookie", lang: "en", pattern: /.{0,120}\b(?:uses? cookies|use of cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies)\b.{0,240}/u, reason: "cookie notice", example: "This website uses cookies to improve your experience. Accept Read More" },
  { rule: "notice/cookie", lang: "de", pattern: /.{0,120}\b(?:verwendet cookies|cookies (?:akzeptieren|zulassen)|cookie-einstellungen)\b.{0,240}/u, reason: "cookie notice", example: "Diese Website verwendet Cookies. Cookies akzeptieren" },
  { rule: "notice/cookie", lang: "fr", pattern: /.{0,120}\b(?:utilise des cookies|accepter les cookies|paramètres des cookies)\b.{0,240}/u, reason: "cookie notice", example: "Ce site utilise des cookies. Accepter les cookies" },
  { rule: "notice/cookie", lang: "es", pattern: /.{0,120}\b(?:utiliza cookies|usa cookies|aceptar cookies|política de cookies)\b.{0,240}/u, reason: "cookie notice", example: "Este sitio web utiliza cookies. Aceptar cookies" },
  { rule: "notice/cookie", lang: "pt", pattern: /.{0,120}\b(?:utiliza(?:mos)? cookies|usa(?:mos)? cookies|aceitar (?:os )?cookies|política de cookies)\b.{0,240}/u, reason: "cookie notice", example: "Este site utiliza cookies. Aceitar cookies" },
  { rule: "notice/cookie", lang: "it", pattern: /.{0,120}\b(?:utilizza (?:i )?cookie|usa (?:i )?cookie|utilizziamo (?:i )?cookie|accett(?:a|o) (?:i )?cookie|cookie policy|informativa (?:sui )?cookie)\b.{0,240}/u, reason: "cookie notice", example: "Questo sito utilizza cookie. Accetto i cookie" },
  { rule: "notice/cookie", lang: "ru", pattern: /.{0,120}(?:использует (?:файлы )?cookie|файлы cookie).{0,240}/u, reason: "cookie notice", example: "Сайт использует файлы cookie" },
  { rule: "notice/copyright", lang: "*", pattern: /(?:copyright|\(c\)|[©ⓒ])\s?(?:\d{4}(?:\s?[-–]\s?\d{4})?)?.{0,120}(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|riproduzione riservata|все права защищены|무단전재|無断転載|版权所有).{0,80}/u, reason: "copyright notice", example: "Copyright © 2019 Example Media. All rights reserved." },
  { rule: "notice/copyright", lang: "en", pattern: /this (?:document|article|material) (?:is subject to copyright|may not be (?:published|reproduced)).{0,300}/u, reason: "copyright notice", example: "This material may not be published, broadcast, rewritten or redistributed." },
  { rule: "notice/comments", lang: "*", pattern: /(?:atenção|atención|attention|attenzione|avviso|note|nota|hinweis)\s?:\s?.{0,40}\b(?:comentários|comentarios|commenti|comments|commentaires|kommentare)\b.{0,200}/u, reason: "comment moderation notice", example: "Atenção: comentários ofensivos não serão aprovados pelo moderador." },
];

export const CONTACT_RULES: readonly LineRule[] = [
  { rule: "contact/author", lang: "*", pattern: /(?:e-?mail:?\s?)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com\/\w+|@\w{2,30}/u, reason: "author contact: an address or handle alone", example: "jane.roe@example.com" },
  { rule: "contact/author", lang: "en", pattern: /(?:have a (?:news )?tip\??|write to [\p{L}.' ]{2,40} at [\w.+-]+@[\w.-]+|reach (?:the )?(?:reporters?|writers?|authors?)|contact (?:the )?(?:reporters?|writers?|authors?)|[\p{L}.' ]{2,40} (?:can|may) be reached (?:at|via|on) .{0,40}(?:@|\d{3}|twitter|x\.com))\b.{0,200}/u, reason: "author contact line", example: "Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com." },
];

/** Short labels of widgets that Readability keeps: galleries, ads, loading placeholders. */
export const LABEL_RULES: readonly LineRule[] = [
  { rule: "ui/label", lang: "en", pattern: /(?:caption|close|open|expand|collapse|advert(?:isement)?|sponsored(?: content)?|loading(?: content)?\s?\.{0,3}|image \d+ of \/? ?\d*|\d+ of \d+|(?:previous|next)(?: image| slide)?|enlarge (?:this )?(?:image|photo)|view (?:gallery|slideshow)|play video|watch(?: video| now)?|latest(?: news)?|popular|highlights|hide caption|toggle caption|show more|see more|load more|continue reading)/u, reason: "widget label", example: "Image 1 of / 23" },
  { rule: "ui/label", lang: "en", pattern: /(?:\d+ min(?:ute)?s? read|reading time:? \d+ min(?:ute)?s?|order reprints|this (?:slideshow|video|content) requires javascript\.?|want more stories like this\??|tell us what you think\.{0,3}|updated(?: at)? \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?|opinion columnist|you may also like\.{0,3})/u, reason: "widget label", example: "5 min read" },
  { rule: "ui/label", lang: "*", pattern: /(?:tempo de leitura|tiempo de lectura|temps de lecture|tempo di lettura|lesezeit|lesedauer|время (?:на )?чтени[яе])\s?:?\s?\d+\s?(?:min\.?|minutos?|minuti|minuto|minuten?|minutes?|мин\.?|минут[аы]?)|\d+\s?min(?:utos?|uti|uto)? (?:de leitura|di lettura)/u, reason: "reading time", example: "Tempo de leitura: 2 minutos" },
  { rule: "ui/label", lang: "de", pattern: /(?:anzeige|werbung|bildunterschrift|schließen|mehr anzeigen|weiterlesen|bild \d+ von \d+)/u, reason: "widget label", example: "Anzeige" },
  { rule: "ui/label", lang: "fr", pattern: /(?:publicité|légende|fermer|voir plus|lire la suite|image \d+ sur \d+)/u, reason: "widget label", example: "Publicité" },
  { rule: "ui/label", lang: "es", pattern: /(?:publicidad|anuncio|cerrar|ver más|seguir leyendo|imagen \d+ de \d+)/u, reason: "widget label", example: "Publicidad" },
  { rule: "ui/label", lang: "pt", pattern: /(?:publicidade|anúncio|fechar|ver mais|carregar mais|continu(?:e|ar) (?:lendo|a ler)|(?:imagem|foto) \d+ de \d+|legenda(?: da (?:foto|imagem))?|ampliar (?:foto|imagem))/u, reason: "widget label", example: "Publicidade" },
  { rule: "ui/label", lang: "it", pattern: /(?:chiudi|leggi (?:di più|tutto)|continua a leggere|mostra (?:altro|di più)|(?:foto|immagine) \d+ di \d+|\d+ di \d+|letture|visualizzazioni|didascalia|ingrandisci (?:foto|immagine))/u, reason: "widget label", example: "Foto 3 di 12" },
  { rule: "ui/label", lang: "ru", pattern: /(?:реклама|закрыть|показать (?:ещё|еще)|читать далее|фото \d+ из \d+|загрузка\.{0,3})/u, reason: "widget label", example: "Реклама" },
  { rule: "ui/label", lang: "*", pattern: /(?:iklan|pubblicità|annuncio|advertentie|reklama|広告|광고|\d{1,4}|[\d.,]+[km]? (?:letture|views|reads|vues|aufrufe|просмотр(?:а|ов)?))/u, reason: "widget label or counter", example: "Iklan" },
];

export const PROMO_TABLE: readonly LineRule[] = [...REPORTING_CREDIT_RULES, ...PROMO_RULES, ...NOTICE_RULES, ...CONTACT_RULES, ...LABEL_RULES];
