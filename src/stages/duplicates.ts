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
            const host = earlier.find((p) => containsSentence(key(p), k));
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
        }
        return found;
      },
    };
  },
});
