// Credits: the agency a story came from (it moves into `meta.credit`), reporting and editing
// credits, syndication sources and photo credits that sit alone on a line. Whole-line rules
// (see ./types.ts). A credit *inside a photo caption* belongs to ./captions.ts.
import { escapeRegExp } from "../core/escape.js";
import { AGENCIES } from "./agencies.js";
import type { LineRule } from "./types.js";
import { Pattern, re } from "../core/pattern.js";

/** The agencies as written, for the photographer-and-agency rule. */
const agency = AGENCIES.map((a) => escapeRegExp(a)).join("|");
/**
 * The agencies for a case-insensitive pattern: "dpa" and "DPA" once. Two alternatives matching the
 * same text would let a list of credits ("dpa/dpa/dpa...") match in exponentially many ways.
 */
const agencyAnyCase = [...new Map(AGENCIES.map((a) => [a.toLowerCase(), a])).values()].map((a) => escapeRegExp(a).replace(/ /g, "\\s")).join("|");

/** Source credits name the agency a story came from; the credit moves into `meta.credit`. */
export const SOURCE_CREDIT_RULES: readonly LineRule[] = [
  {
    rule: "credit/source",
    lang: "*",
    pattern: new Pattern(String.raw`\(?(?:source|sources|quelle|quellen|fuente|fuentes|fonte|источник|с использованием материалов|with|mit|avec|con) ?(?:: ?)?(?:${agencyAnyCase})(?: ?(?:,|and|und|et|y|и|\/) ?(?:${agencyAnyCase}))*\)?\.?`, "u"),
    reason: "a line crediting the news agency the story came from",
    example: "Source: AFP",
    moveTo: "credit",
  },
];

/** Credits of the reporting, syndication and photos of a story: removed (the promos stage). */
export const REPORTING_CREDIT_RULES: readonly LineRule[] = [
  { rule: "credit/reporting", lang: "en", pattern: re`/\((?:additional )?(?:reporting|writing|editing|compiled) by [^()]{2,300}\)|(?:additional )?(?:reporting|writing) by [^.;]{2,160}[;,] (?:additional reporting|editing|writing|compiled) by [^.]{2,200}\.?/u`, reason: "reporting and editing credit", example: "(Reporting by Jane Roe; Editing by John Doe)" },
  { rule: "credit/reporting", lang: "en", pattern: re`/(?:the )?(?:associated press|ap|reuters|afp|bloomberg|cnn|staff)?\s?(?:writers?|reporters?|correspondents?)? ?[^.]{0,200}\b(?:contributed (?:to )?this (?:report|story|article)|contributed reporting)\.?/u`, reason: "contributors' credit", example: "Associated Press writers Jane Roe and John Doe contributed to this report." },
  { rule: "credit/reporting", lang: "de", pattern: re`/\(?(?:mit material (?:von|der)|bearbeitet von|redaktion:|text:)\s?[^.]{2,120}\)?/u`, reason: "reporting credit", example: "(mit Material von dpa)" },
  { rule: "credit/reporting", lang: "fr", pattern: re`/\(?(?:avec (?:afp|reuters|ap)|(?:propos )?recueillis par|rédaction\s?:)[^.]{0,120}\)?/u`, reason: "reporting credit", example: "Propos recueillis par Marie Dupont" },
  { rule: "credit/reporting", lang: "es", pattern: re`/\(?(?:con información de|redacción\s?:|reportaje de|edición de)[^.]{2,120}\)?/u`, reason: "reporting credit", example: "Con información de Reuters y AFP" },
  { rule: "credit/reporting", lang: "pt", pattern: re`/\(?(?:com informações d(?:e|a|o|as|os)|com (?:as )?agências|reportagem de|edição de|redação\s?:)[^.]{2,120}\)?/u`, reason: "reporting credit", example: "Com informações da Reuters e da AFP" },
  { rule: "credit/reporting", lang: "it", pattern: re`/\(?(?:con (?:fonti|informazioni) d(?:i|a|el|ella|elle|ei|egli)|hanno collaborato|ha collaborato|redazione\s?:)[^.]{2,120}\)?/u`, reason: "reporting credit", example: "Ha collaborato Giulia Bianchi" },
  { rule: "credit/reporting", lang: "ru", pattern: re`/\(?(?:по материалам|при участии|подготовил[аи]?|автор(?: текста)?\s?:)[^.]{2,120}\)?/u`, reason: "reporting credit", example: "По материалам ТАСС" },
  { rule: "credit/syndication", lang: "*", pattern: re`/(?:via|source|quelle|fuente|источник)\s?:?\s?[\w.-]{2,40}\.(?:com|info|net|org|co\.uk)/u`, reason: "syndication source line", example: "Via NewsWire.info" },
  { rule: "credit/photo", lang: "ru", pattern: re`/(?:фото\s?:?\s?)?(?:личный архив|архив|пресс-служба|из открытых источников)\s[\p{L} .-]{0,60}/u`, reason: "photo credit", example: "личный архив Анны Ивановой" },
  { rule: "credit/photo", lang: "pt", pattern: re`/(?:(?:foto|imagem)\s?:?\s?)?(?:arquivo pessoal|divulgação|reprodução)(?:\s?[/|-]\s?[\p{L}\d .-]{1,60})?/u`, reason: "photo credit", example: "Reprodução/Instagram" },
  { rule: "credit/photo", lang: "it", pattern: re`/(?:foto (?:d'archivio|di repertorio)|(?:foto )?ufficio stampa)(?:\s?[/|-]\s?[\p{L}\d .-]{1,60})?/u`, reason: "photo credit", example: "Foto d'archivio" },
  { rule: "credit/photo", lang: "*", pattern: re`/.{10,600}\((?:[\p{L}.]+ )?(?:photos?|fotos?|image|imagem|immagine|picture|credit|crédit|crédito|bild|фото)(?: by| de| di| von)?\s?[:/]\s?[^()]{1,100}\)/u`, reason: "photo caption ending in a bracketed photo credit", example: "A worker loads trims into his truck in Miami. (AP Photo/Jane Roe, File)" },
  {
    rule: "credit/photo",
    lang: "*",
    // A photographer and agency alone on a line: "Jane Roe/Getty Images", "Jane Roe | Bloomberg | Getty Images".
    pattern: new Pattern(String.raw`[\p{L}][\p{L} .'’-]{1,50}(?:\s?[/|]\s?[\p{L}][\p{L} .'’-]{1,50}){0,3}\s?[/|]\s?(?:${agency})`, "u"),
    reason: "photo credit: photographer and agency",
    example: "Jane Roe | Bloomberg | Getty Images",
  },
  { rule: "credit/photo", lang: "*", pattern: re`/[©ⓒ]\s?[\p{L}][\p{L} .'-]{1,60}(?:\s?\/\s?[\p{L} .'-]{1,40})?/u`, reason: "photo credit", example: "© John Brecher" },
];
