// Tag lines ("Tags: NATO, Russia") and bare tag labels with their list below; the tags move
// into metadata. Whole-line rules (see ./types.ts).
import type { LineRule } from "./types.js";
import { Pattern } from "../core/pattern.js";

/** Labels that open a tag line, in every language of the tables. */
const TAG_LABELS = "tags?|tagged(?: with)?|topics?|keywords|filed under|schlagwörter|schlagworte|stichwörter|themen|mots[- ]clés|étiquettes|thèmes|etiquetas|temas|palabras clave|assuntos|palavras-chave|marcadores|tópicos|argomenti|parole chiave|etichette|temi|теги|метки|ключевые слова|темы";

/**
 * A tag label alone on its line ("Tags", "Schlagwörter:"): the tags stage removes it with the
 * short list on the next line, which moves into metadata.
 */
export const TAG_LABEL_LINE = {
  rule: "meta/tags",
  pattern: new Pattern(`^(?:${TAG_LABELS})\\s*:?$`, "iu"),
  /** Most words of one item of the list. */
  maxItemWords: 4,
  /** Most lines of a list of one tag per line. */
  maxListLines: 15,
  reason: "tag label with its list on the next line: tags move into metadata",
  example: "Tags\nNATO, Russia, Brussels",
} as const;

export const TAG_LINE_RULES: readonly LineRule[] = [
  {
    rule: "meta/tags",
    lang: "*",
    pattern: new Pattern(`(?:${TAG_LABELS})\\s*:(?:\\s*[^\\s.!?][^.!?]{0,299}|\\s+)`, "u"),
    reason: "tag line: tags move into metadata",
    example: "Tags: NATO  Russia",
    moveTo: "tags",
  },
];
