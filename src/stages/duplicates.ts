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


/**
 * A sentence ends at . ! ? … and any closing quotes or brackets, before white space.
 * (No u flag: every character here is one UTF-16 unit, so it matches the same.)
 */
const SENTENCE_BOUNDARY = /[.!?…]["'”’»)]*(\s+)/g;

/** Where sentences start in a text (after a boundary) and where they end (before its white space, or at the end). */
export function sentenceBounds(text: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  for (const match of text.matchAll(SENTENCE_BOUNDARY)) {
    const after = match.index + match[0].length;
    ends.push(after - match[1].length);
    if (after < text.length) starts.push(after);
  }
  ends.push(text.length);
  return { starts, ends };
}

/**
 * Earlier paragraphs indexed by the first sentence at each of their sentence starts,
 * so that finding a repeated sentence is a lookup, not a search of every earlier
 * paragraph (which was quadratic in the length of the document).
 */
class SentenceIndex {
  private readonly bySentence = new Map<string, Array<{ host: Line; text: string; start: number; ends: Set<number> }>>();

  add(host: Line, text: string, bounds = sentenceBounds(text)): void {
    const { starts, ends } = bounds;
    const endSet = new Set(ends);
    let e = 0;
    for (const start of starts) {
      while (ends[e] <= start) e++;
      const first = text.slice(start, ends[e]);
      const list = this.bySentence.get(first);
      const entry = { host, text, start, ends: endSet };
      if (list) list.push(entry);
      else this.bySentence.set(first, [entry]);
    }
  }

  /** The earliest paragraph holding `sentence` (one or more whole sentences) as a proper part. */
  hostOf(sentence: string, bounds = sentenceBounds(sentence)): Line | undefined {
    const firstEnd = bounds.ends[0];
    for (const { host, text, start, ends } of this.bySentence.get(sentence.slice(0, firstEnd)) ?? []) {
      if (sentence.length < text.length && text.startsWith(sentence, start) && ends.has(start + sentence.length)) return host;
    }
    return undefined;
  }
}

/** `text.split(" ").length >= n` without building the array: n - 1 spaces are enough. */
export function hasWords(text: string, n: number): boolean {
  let at = -1;
  for (let spaces = 0; spaces < n - 1; spaces++) {
    at = text.indexOf(" ", at + 1);
    if (at === -1) return false;
  }
  return true;
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
        const earlier = new SentenceIndex();
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
          const bounds = sentenceBounds(k);
          if (hasWords(line.content, options.minSentenceWords)) {
            const host = earlier.hostOf(k, bounds);
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
          earlier.add(line, k, bounds);
        }
        return found;
      },
    };
  },
});
