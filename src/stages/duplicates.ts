// Duplicates inside one document: a title printed twice, a repeated line, and a
// sentence of an earlier paragraph repeated as a paragraph of its own.
// (Text that recurs across documents is syndication, a corpus-level fact: not here.)
import { z } from "zod";
import type { Detection } from "../core/document.js";
import type { Line } from "../core/lines.js";
import { registerStage } from "./registry.js";

export const DuplicateOptions = z
  .object({
    /**
     * Fewest characters a repeated line needs. Short lines recur legitimately (table cells,
     * list items, speaker names: "Colorado", "MacBook Air"); short junk is left to other stages.
     */
    minLineChars: z.number().int().nonnegative().default(20),
    /** Fewest characters for a repeat of the title (the first line). */
    minTitleChars: z.number().int().nonnegative().default(8),
    /** Fewest words a repeated sentence needs to count as a duplicate of part of a paragraph. */
    minSentenceWords: z.number().int().positive().default(6),
    /** Compare lines case-insensitively. */
    ignoreCase: z.boolean().default(false),
  })
  .strict();
export type DuplicateOptions = z.infer<typeof DuplicateOptions>;


/** True when `sentence` appears in `paragraph` starting at a sentence boundary and ending at its end or another. */
export function containsSentence(paragraph: string, sentence: string): boolean {
  for (let at = paragraph.indexOf(sentence); at !== -1; at = paragraph.indexOf(sentence, at + 1)) {
    const before = paragraph.slice(0, at);
    const startsSentence = at === 0 || /[.!?…]["'”’»)]*\s+$/u.test(before);
    const after = paragraph.slice(at + sentence.length);
    const endsSentence = after === "" || (/[.!?…]["'”’»)]*$/u.test(sentence) && /^\s+\S/u.test(after));
    if (startsSentence && endsSentence && sentence.length < paragraph.length) return true;
  }
  return false;
}

/** Characters of a sentence's start indexed by `SentenceStarts`; shorter sentences skip the index. */
const START_CHARS = 12;
const CLOSER = /["'”’»)]/u;
const TERMINAL = /[.!?…]/u;

/**
 * The first characters of every place a sentence starts in the paragraphs seen so far
 * (where `containsSentence` would accept one). A sentence whose start is not in the set
 * is in no earlier paragraph, so most lines skip the search through all of them.
 * Paragraphs are line contents: their only white space is single ASCII spaces.
 */
export class SentenceStarts {
  private readonly starts = new Set<string>();

  add(paragraph: string): void {
    this.starts.add(paragraph.slice(0, START_CHARS));
    for (let space = paragraph.indexOf(" "); space !== -1; space = paragraph.indexOf(" ", space + 1)) {
      // /[.!?…]["'”’»)]*\s+$/u before the sentence, read backwards from the space.
      let i = space - 1;
      while (i >= 0 && paragraph[i] === " ") i--;
      while (i >= 0 && CLOSER.test(paragraph[i])) i--;
      if (i >= 0 && TERMINAL.test(paragraph[i])) this.starts.add(paragraph.slice(space + 1, space + 1 + START_CHARS));
    }
  }

  /** False when no paragraph added so far can contain the sentence. */
  mayContain(sentence: string): boolean {
    return sentence.length < START_CHARS || this.starts.has(sentence.slice(0, START_CHARS));
  }
}

registerStage("duplicates", {
  description: "Repeated titles and lines, and sentences repeated as their own paragraph",
  options: DuplicateOptions,
  create(options: DuplicateOptions) {
    const key = (line: Line) => (options.ignoreCase ? line.content.toLowerCase() : line.content);
    return {
      name: "duplicates",
      detect({ lines }) {
        const found: Detection[] = [];
        const seen = new Map<string, Line>();
        const earlier: Line[] = [];
        const starts = new SentenceStarts();
        const live = lines.live();
        const title = live[0];
        for (const line of live) {
          const k = key(line);
          const first = seen.get(k);
          const isTitle = first === title;
          if (first && k.length >= (isTitle ? options.minTitleChars : options.minLineChars)) {
            found.push({
              rule: isTitle ? "dup/title" : "dup/line",
              start: line.contentStart,
              end: line.contentEnd,
              reason: isTitle ? "the title repeated" : `a repeat of line ${first.index + 1}`,
              features: { firstLine: first.index + 1 },
            });
            continue;
          }
          if (!first) seen.set(k, line);
          if (line.content.split(" ").length >= options.minSentenceWords) {
            const host = starts.mayContain(k) ? earlier.find((p) => containsSentence(key(p), k)) : undefined;
            if (host) {
              found.push({
                rule: "dup/sentence",
                start: line.contentStart,
                end: line.contentEnd,
                reason: `repeats a sentence of line ${host.index + 1} as its own paragraph`,
                features: { hostLine: host.index + 1 },
              });
              continue;
            }
          }
          earlier.push(line);
          starts.add(k);
        }
        return found;
      },
    };
  },
});
