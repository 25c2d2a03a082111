// Photo captions, and the credits inside them ("... EPA/STEPHANIE LECOCQ", "Photo: Jane Roe").
// A credit line of its own (the story's source, its reporters) belongs to ./credits.ts.
import { escapeRegExp } from "../core/escape.js";
import { AGENCIES } from "./agencies.js";
import type { LineRule } from "./types.js";
import { Pattern, re } from "../core/pattern.js";


const agency = AGENCIES.map((a) => escapeRegExp(a).replace(/ /g, "\\s")).join("|");

/** A letter of a name after a credit's slash ("REUTERS/Kevin Lamarque"). */
const CREDIT_NAME_CHAR = String.raw`[\p{L}.'’-]`;
const CREDIT_NAME = String.raw`${CREDIT_NAME_CHAR}(?:${CREDIT_NAME_CHAR}| (?=${CREDIT_NAME_CHAR})){0,39}`;
/**
 * Names after slashes: "/Kevin Lamarque", " / John Smith / Pool". Each is 1-40 characters counting a
 * space beside it, and every space has one place to go. Lines reach the rules with white space
 * collapsed to one space; on such lines this matches what `(?:\s?\/\s?[\p{L}.'’ -]{1,40})*` did,
 * which could give a space to the name or to the slash in every way and backtracked exponentially.
 */
const MORE_CREDIT_NAMES = String.raw`(?: ?\/(?: (?:${CREDIT_NAME})? ?|${CREDIT_NAME} ?)(?:\/(?: (?:${CREDIT_NAME})? ?|${CREDIT_NAME} ?))*)?`;

export const CAPTION_RULES: readonly LineRule[] = [
  {
    rule: "caption/credit",
    lang: "*",
    // A caption that ends in a credit label: "... on Tuesday. Photograph: Christopher Furlong/Getty Images".
    pattern: re`/.{10,600}?[.!?)”"]\s+\(?(?:photograph|photo|picture|image|foto|fotografia|fotografía|bild|фото)(?:\s(?:credit|copyright))?(?:\s?:|\sby|\sde|\sdi|\svon)\s?[\p{L}][\p{L} .'’&-]{1,60}(?:\s?[/|]\s?[\p{L}][\p{L} .'’&-]{1,40}){0,2}\)?\.?/u`,
    reason: "photo caption ending in a credit label",
    example: "Firefighters rescue a family from their home on Tuesday. Photograph: Christopher Furlong/Getty Images",
  },
  {
    rule: "caption/agency-code",
    lang: "*",
    // Agencies prefix captions with a picture id: epa05268598, EPA-EFE/..., 2016-04-20T10:11:12Z.
    pattern: re`/(?:epa|efe|afp|ap|rtr|dpa|ans)[-_]?\d{5,}\b.*/u`,
    reason: "photo caption with an agency picture code",
    example: "epa05268598 NATO Secretary General Jens Stoltenberg speaks to the press in Brussels, Belgium, 20 April 2016.  EPA/STEPHANIE LECOCQ",
  },
  {
    rule: "caption/credit",
    lang: "*",
    // A caption that ends in an agency credit: "... EPA/STEPHANIE LECOCQ", "... (AP Photo/Evan Vucci)".
    pattern: new Pattern(
      String.raw`.{0,600}?(?:\b(?:${agency})(?:\sphoto|\simages|\sPHOTO)?\s?\/\s?[\p{Lu}][\p{L}.'’ -]{1,40}(?:\/(?:${agency}))?|\((?:(?:${agency})\s(?:Photo|photo|PHOTO)(?:\/[^)]{1,60})?|[^()]{1,60}\/(?:${agency}))\))`,
    ),
    reason: "photo caption ending in an agency credit",
    caseSensitive: true,
    example: "Jens Stoltenberg speaks in Brussels. (AP Photo/Virginia Mayo)",
  },
  {
    rule: "caption/credit",
    lang: "*",
    // A bare credit line: "Getty Images", "REUTERS/Kevin Lamarque", "(Photo: AFP)", "© dpa".
    pattern: new Pattern(
      String.raw`(?:\(|\[)?(?:(?:[Pp]hoto|[Pp]icture|[Ii]mage|[Ff]oto|[Bb]ild|[Фф]ото|[Cc]rédit(?:s)?(?: photo)?|[Ii]magen|[Ii]magem|[Ii]mmagine|[Ff]onte)(?: credit| copyright)?\s*(?::|©|\/)\s*)?(?:©\s*)?(?:${agency})(?:\s?(?:[Pp]hoto|[Ii]mages|PHOTO))?${MORE_CREDIT_NAMES}(?:\)|\])?`,
    ),
    reason: "photo credit",
    caseSensitive: true,
    example: "REUTERS/Kevin Lamarque",
  },
  {
    rule: "caption/credit",
    lang: "*",
    // Credit and caption labels with a name: "Photo: John Smith", "Foto: Max Muster/dpa", "Фото: Иван Петров".
    pattern: re`/(?:image (?:caption|copyright|source)|(?:photo|picture|image) (?:credit|by)|crédits? photos?|photo d'illustration)\b.{0,300}|(?:photo|foto|bild|fotos|bildquelle|imagen|fotografía|фото(?:графия)?|источник фото)\s*(?::|©|\|)(?:\s*\S.{0,119}|\s*.)/u`,
    reason: "photo caption or credit label",
    example: "Image copyright Getty Images",
  },
  {
    rule: "caption/credit",
    lang: "pt",
    pattern: re`/(?:créditos? d[ao]s? (?:imagem|imagens|foto|fotos)|legenda da (?:foto|imagem))(?:\s*(?::|©|\|))?(?:\s*\S.{0,199}|\s*.)|(?:imagem|fotografia|créditos|legenda)\s*(?::|©|\|)(?:\s*\S.{0,119}|\s*.)/u`,
    reason: "photo caption or credit label",
    example: "Crédito da imagem: Marcelo Camargo/Agência Brasil",
  },
  {
    rule: "caption/credit",
    lang: "it",
    // Lines are matched case-insensitively: "Foto di" and up to four words is a credit or a short caption either way.
    pattern: re`/(?:crediti? (?:foto|fotografic[oi])|credito foto)(?:\s*(?::|©|\|))?(?:\s*\S.{0,199}|\s*.)|(?:didascalia|immagine|fotografia|crediti)\s*(?::|©|\|)(?:\s*\S.{0,119}|\s*.)|foto di \p{L}[\p{L}'’.-]+(?: \p{L}[\p{L}'’.-]+){0,3}(?:\s?[/|]\s?[\p{L}'’. -]{1,40})?/u`,
    reason: "photo caption or credit label",
    example: "Didascalia: il ponte Morandi prima del crollo",
  },
];
