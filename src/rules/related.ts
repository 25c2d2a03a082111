// Related-article links ("Also Read") and the headlines listed under them.
import type { LineRule } from "./types.js";
import { Pattern } from "../core/pattern.js";

/** Labels that introduce links to other articles, in several languages. */
const RELATED_LABELS: Record<string, string> = {
  en: "more from [\\p{L}&' -]{1,30}|more (?:news|stories|articles|headlines)(?: from [\\p{L}&' -]{1,30})?|also read|read also|read more|read next|related(?: (?:articles?|stories|story|news|posts?|content|coverage|links|topics|reading|videos?))?|more on this(?: story| topic)?|you (?:may|might) also (?:like|be interested in|enjoy)|recommended(?: for you| stories| articles| reading)?|see also|don'?t miss|more like this|further reading|trending(?: now| stories)?|most (?:read|popular|viewed|shared|commented)(?: (?:stories|articles|news|posts|videos))?|editor'?s picks|top stories|what to read next|you may have missed|in case you missed it|also on [\\p{L} ]{1,20}|recommended by(?: [\\p{L}]{1,20})?|(?:from|around) (?:around |across )?the web|(?:previous|next) post|continue reading|keep reading|read (?:the )?full (?:story|article)",
  de: "mehr (?:aus|von) [\\p{L}&' -]{1,30}|mehr (?:nachrichten|artikel|meldungen)|lesen sie (?:auch|mehr)|auch interessant|das könnte sie auch interessieren|mehr zum thema|zum thema|weitere artikel|verwandte artikel|empfohlene artikel|meistgelesen|siehe auch|ebenfalls lesenswert|weiterlesen|mehr lesen|lesen sie hier(?: mehr)?|zum (?:artikel|beitrag)|das könnte sie auch interessieren",
  fr: "plus d'(?:articles|actualités|infos)(?: [\\p{L}' -]{1,30})?|(?:à |a )?lire (?:aussi|également)|lire la suite|voir aussi|sur le même sujet|articles? (?:liés|similaires|connexes)|vous aimerez aussi|les plus lus|en savoir plus|à voir aussi|lire l'article|(?:la )?suite de l'article",
  es: "más (?:noticias|artículos)(?: (?:de|sobre) [\\p{L} ]{1,30})?|lee también|lea también|leer más|(?:también )?te puede interesar|noticias relacionadas|artículos relacionados|ver también|(?:lo )?más leído|más leídas|contenido relacionado|quizás te interese|te recomendamos|seguir leyendo|sigue leyendo|leer (?:la )?noticia completa",
  pt: "mais (?:notícias|artigos|matérias)(?: (?:de|sobre) [\\p{L} ]{1,30})?|leia (?:também|mais|a seguir)|veja (?:também|mais)|saiba mais|ler mais|ver também|(?:você|voce) (?:também )?(?:pode|poderá) (?:gostar|se interessar)(?: de)?(?: também)?|(?:também )?(?:pode|poderá) (?:também )?(?:gostar|interessar)(?:-lhe)?(?: de)?|(?:também )?lhe pode interessar|(?:notícias|artigos|matérias|posts|conteúdos?|leituras) relacionad[oa]s|relacionad[oa]s|(?:(?:as|os) )?mais (?:lid[oa]s|vist[oa]s|populares|comentad[oa]s)|recomendad[oa]s(?: para (?:você|si))?|continue lendo|continuar (?:lendo|a ler)|ler (?:a )?(?:notícia|matéria) completa|leia (?:a )?(?:notícia|matéria) completa|não perca|sugestões de leitura|em destaque",
  it: "altr[ei] (?:notizie|articoli)(?: (?:di|da|su) [\\p{L} ]{1,30})?|leggi anche(?: su(?: [\\p{L}\\d.]{2,30})?)?|leggi (?:di più|tutto|l'articolo(?: completo)?)|(?:ti )?potrebbe(?:ro)? (?:anche )?(?:interessarti|piacerti)(?: anche)?|ti potrebbe(?:ro)? (?:anche )?(?:interessare|piacere)(?: anche)?|(?:articoli|notizie|post|contenuti) correlat[ie]|correlat[ie]|vedi anche|guarda anche|(?:(?:i|gli|le) )?più (?:lett[ie]|vist[ie]|popolari|commentat[ie]|condivis[ie])|consigliat[ie](?: per te)?|da non perdere|non perderti|continua a leggere|per approfondire|approfondimenti|in evidenza",
  ru: "ещё (?:новости|статьи|материалы)|еще (?:новости|статьи|материалы)|другие (?:новости|статьи|материалы)|читайте также|смотрите также|читать далее|по теме|похожие (?:новости|статьи|материалы)|материалы по теме|самое читаемое|популярное|самое популярное|самые популярные(?: [\\p{L}]{1,20})?|популярные (?:статьи|новости|материалы)|ещё по теме|еще по теме|вам может быть интересно|рекомендуем|читать полностью|подробнее|читайте (?:далее|подробнее)",
};

/** Every related-articles label of every language, as one whole-text pattern (lower case, no edge punctuation). */
export const RELATED_LABEL_TEXT = new RegExp(`^(?:${Object.values(RELATED_LABELS).join("|")})$`, "u");

/** A label alone on its line: "Also Read". What follows it may be a list of headlines. */
export const RELATED_LABEL_RULES: readonly LineRule[] = Object.entries(RELATED_LABELS).map(([lang, labels]) => ({
    rule: "link/related",
    lang,
    // Labels often trail off into the list below: "Você pode gostar...".
    pattern: new Pattern(`(?:${labels})(?:\\.{2,3}|…)?`),
    reason: "related-articles label",
    example: { en: "Also Read", de: "Lesen Sie auch", fr: "À lire aussi", es: "Noticias relacionadas", pt: "Você pode gostar...", it: "Ti potrebbe interessare", ru: "Читайте также" }[lang]!,
}));

/**
 * The labels with each "[... ]{1,30}" name ("more from [\p{L}&' -]{1,30}") made to end in a letter or a lone space, so
 * that the white space before a separator belongs to the `\s*` after the label only: matching the same lines, the
 * pattern no longer tries every split of a run of spaces between the two (quadratic backtracking).
 */
function labelsEndingInNonSpace(labels: string): string {
  return labels.replace(/\[((?:\\p\{L\}|[^\] ])*) ((?:[^\]])*)\]\{1,30\}/g, (_name, before: string, after: string) => `(?:[${before} ${after}]{0,29}[${before}${after}]| )`);
}

/** A label with the linked headline on the same line. */
export const RELATED_LINK_RULES: readonly LineRule[] = Object.entries(RELATED_LABELS).map(([lang, labels]) => ({
    rule: "link/related",
    lang,
    // The label, a separator, then a headline: "READ MORE: Lavrov says ...", also in brackets: "(Leggi anche: ...)".
    pattern: new Pattern(`\\(?(?:${labelsEndingInNonSpace(labels)})\\s*[:|»>›–—-]\\s*\\S.{0,200}`),
    reason: "related-article link with its headline",
    example: {
      en: "READ MORE: NATO and Russia to meet in Brussels",
      de: "Lesen Sie auch: Nato und Russland verhandeln wieder",
      fr: "Lire aussi : L'Otan renoue le dialogue avec Moscou",
      es: "Lee también: La OTAN y Rusia vuelven a reunirse",
      pt: "Leia também: Otan e Rússia voltam a se reunir em Bruxelas",
      it: "(Leggi anche: Nato e Russia tornano a parlarsi a Bruxelles)",
      ru: "Читайте также: НАТО и Россия проведут встречу",
    }[lang]!,
}));

export const RELATED_RULES: readonly LineRule[] = [...RELATED_LABEL_RULES, ...RELATED_LINK_RULES];
