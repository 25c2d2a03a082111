// Lines that sit inside article markup but are not the article: newsletter, subscription,
// app and social promos, author biographies, copyright notices and author contact lines.
// Whole-line rules (see ./types.ts): each pattern must match the line's whole content,
// case-insensitively. The promos stage also reads tables that live with their topic:
// credits (./credits.ts), cookie notices (./cookies.ts), comment notices (./comments.ts)
// and widget labels (./widgets.ts); PROMO_TABLE puts them in the order they are tried.
import { COMMENT_NOTICE_RULES } from "./comments.js";
import { COOKIE_NOTICE_RULES } from "./cookies.js";
import { REPORTING_CREDIT_RULES } from "./credits.js";
import type { LineRule } from "./types.js";
import { UI_LABEL_RULES } from "./widgets.js";
import { Pattern, re } from "../core/pattern.js";

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
export const AUTHOR_BIO = new Pattern(
  String.raw`^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3} (?:is|was|ist|war|est|était|es|era|é|è) (?:(?:a|an|the|un|une|una|um|uma|ein|eine|einer|il|la|lo|o) )?(?:[\p{L}-]+ ){0,3}(?:${NEWSROOM_ROLES.map(anyCaseFirst).join("|")})(?![\p{L}]).{0,120}?(?<![\p{L}])(?:${BIO_BEATS})(?![\p{L}]).{0,300}$`,
  "u",
);

export const PROMO_RULES: readonly LineRule[] = [
  { rule: "promo/author-bio", lang: "*", pattern: AUTHOR_BIO, reason: "author biography", caseSensitive: true, example: "Anna Schmidt ist Redakteurin im Lokalressort und berichtet seit 2015 über Stadtpolitik." },
  { rule: "promo/newsletter", lang: "en", pattern: re`/.{0,120}\b(?:sign up|subscribe|register) (?:for|to|now for) (?:our|the|my|a)?\s?.{0,80}\b(?:newsletters?|e-?mails?|alerts|briefing|digest|updates)\b.{0,160}/u`, reason: "newsletter promo", example: "Sign up to our newsletter for exclusive updates and enhanced content" },
  { rule: "promo/newsletter", lang: "en", pattern: re`/.{0,100}\b(?:newsletters?|inbox)\b.{0,100}\b(?:sign up|subscribe|delivered)\b.{0,100}/u`, reason: "newsletter promo", example: "Get our newsletter delivered to your inbox: sign up today" },
  { rule: "promo/subscribe", lang: "en", pattern: re`/(?:subscribe|subscribe now|subscribe today|subscribers only|become a (?:member|subscriber|patron)|support (?:our|independent) journalism.{0,120}|click here to subscribe.{0,80}|get (?:unlimited )?(?:digital )?access.{0,140}|already a subscriber\??.{0,40}|(?:12|\d+) issues for .{0,120}|subscribe to [\p{L}\d ]{2,40} on (?:youtube|twitter|facebook|instagram|telegram).{0,80}|join \w{1,30}(?:\s\w{1,30})? ?(?:plus|premium|insider).{0,140}|if you enjoyed this article.{0,400})/u`, reason: "subscription promo", example: "Already a subscriber? Sign in" },
  { rule: "promo/app", lang: "en", pattern: re`/(?:click here to |download |get )(?:get )?(?:the|our) [\p{L} ]{1,30} app.{0,80}/u`, reason: "app promo", example: "Click here to get the Example News app" },
  { rule: "promo/newsletter", lang: "de", pattern: re`/.{0,80}\b(?:newsletter (?:abonnieren|bestellen)|jetzt abonnieren|zum newsletter anmelden|melden sie sich (?:jetzt )?(?:für|zum) (?:unseren |den )?(?:[\p{L}-]+ ){0,2}newsletter an).{0,120}/u`, reason: "newsletter promo", example: "Jetzt den Newsletter abonnieren" },
  { rule: "promo/newsletter", lang: "fr", pattern: re`/.{0,80}\b(?:abonnez-vous|inscrivez-vous (?:à|a) (?:notre|la) newsletter|recevez (?:notre|la) newsletter).{0,120}/u`, reason: "newsletter promo", example: "Inscrivez-vous à notre newsletter" },
  { rule: "promo/newsletter", lang: "es", pattern: re`/.{0,80}\b(?:suscríbete|suscribete|suscríbase|regístrate (?:a|en) (?:nuestro|el) (?:boletín|newsletter)|recibe (?:nuestro|el) (?:boletín|newsletter)).{0,120}/u`, reason: "newsletter promo", example: "Suscríbete a nuestro boletín" },
  { rule: "promo/newsletter", lang: "pt", pattern: re`/.{0,80}\b(?:(?:assine|subscreva|receba) (?:a |a nossa |nossa )?newsletter|(?:inscreva|cadastre|registe)-se (?:n[ao]|em|para receber (?:a|o)) (?:nossa |nosso )?newsletter|receba (?:as |nossas )?(?:notícias|novidades) (?:no seu|por) e-?mail).{0,120}/u`, reason: "newsletter promo", example: "Inscreva-se na nossa newsletter" },
  { rule: "promo/newsletter", lang: "it", pattern: re`/.{0,80}\b(?:iscriviti alla (?:nostra )?newsletter|(?:ricevi|ricevere) (?:la nostra|le nostre) newsletter).{0,120}/u`, reason: "newsletter promo", example: "Iscriviti alla nostra newsletter e ricevi le notizie della settimana" },
  { rule: "promo/newsletter", lang: "ru", pattern: re`/.{0,80}(?:подпи(?:шитесь|сывайтесь) на (?:нашу |наш |нас )?(?:рассылку|канал|новости|telegram|телеграм)|подписаться на рассылку).{0,120}/u`, reason: "newsletter promo", example: "Подпишитесь на нашу рассылку" },
  { rule: "promo/social", lang: "en", pattern: re`/(?:follow (?:him|her|them|us|me|@\w+) on (?:twitter|facebook|instagram)[^.]{0,100}\.?|(?:follow|like) us on [\p{L} ]{1,40}.{0,80})/u`, reason: "social follow line", example: "Follow @ExampleDeals on Twitter to keep up with the latest deals" },
];

/** A whole line that is a copyright notice inside article text. */
export const COPYRIGHT_NOTICE_RULES: readonly LineRule[] = [
  { rule: "notice/copyright", lang: "*", pattern: re`/(?:copyright|\(c\)|[©ⓒ])\s?(?:\d{4}(?:\s?[-–]\s?\d{4})?)?.{0,120}(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|riproduzione riservata|все права защищены|무단전재|無断転載|版权所有).{0,80}/u`, reason: "copyright notice", example: "Copyright © 2019 Example Media. All rights reserved." },
  { rule: "notice/copyright", lang: "en", pattern: re`/this (?:document|article|material) (?:is subject to copyright|may not be (?:published|reproduced)).{0,300}/u`, reason: "copyright notice", example: "This material may not be published, broadcast, rewritten or redistributed." },
];

export const CONTACT_RULES: readonly LineRule[] = [
  { rule: "contact/author", lang: "*", pattern: re`/(?:e-?mail:?\s?)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com\/\w+|@\w{2,30}/u`, reason: "author contact: an address or handle alone", example: "jane.roe@example.com" },
  { rule: "contact/author", lang: "en", pattern: re`/(?:have a (?:news )?tip\??|write to [\p{L}.' ]{2,40} at [\w.+-]+@[\w.-]+|reach (?:the )?(?:reporters?|writers?|authors?)|contact (?:the )?(?:reporters?|writers?|authors?)|[\p{L}.' ]{2,40} (?:can|may) be reached (?:at|via|on) .{0,40}(?:@|\d{3}|twitter|x\.com))\b.{0,200}/u`, reason: "author contact line", example: "Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com." },
];

/** The promos stage's table, in the order its rules are tried (the first that matches a line names it). */
export const PROMO_TABLE: readonly LineRule[] = [...REPORTING_CREDIT_RULES, ...PROMO_RULES, ...COOKIE_NOTICE_RULES, ...COPYRIGHT_NOTICE_RULES, ...COMMENT_NOTICE_RULES, ...CONTACT_RULES, ...UI_LABEL_RULES];
