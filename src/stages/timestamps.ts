// Timestamps, datelines and bylines: metadata printed as text. They move into
// `doc.meta` (timestamp, dateline, byline) and leave the body.
import * as z from "../core/schema.js";
import type { Detection, MarkupFlag } from "../core/document.js";
import type { Line } from "../core/lines.js";
import { AGENCIES } from "../rules/agencies.js";
import { escapeRegExp } from "../core/escape.js";
import { COMMENTS_RULE } from "../core/route-options.js";
import { BYLINE_JOINERS, BYLINE_NON_NAMES, BYLINE_PREFIX, DATE_WORDS, MONTHS, RELATIVE_TIME, TIME_MARK, WEEKDAYS } from "../rules/dates.js";
import { scanGate } from "../match/line-rules.js";
import { registerStage } from "./registry.js";

export const TimestampOptions = z.strictObject({
  /** Lines longer than this are never a timestamp or dateline. */
  maxLength: z._default(z.number().check(z.int(), z.positive()), 80),
  /** Most words a byline's name part may have. */
  maxBylineWords: z._default(z.number().check(z.int(), z.positive()), 8),
  /** Extra agency names for datelines and credits. */
  agencies: z._default(z.array(z.string().check(z.minLength(1))), []),
  bylines: z._default(z.boolean(), true),
});
export type TimestampOptions = z.infer<typeof TimestampOptions>;

const MONTH_SET = new Set(MONTHS);
const WEEKDAY_SET = new Set(WEEKDAYS);
const DATE_WORD_SET = new Set(DATE_WORDS);
const TIME_UNIT_SET = new Set<string>(RELATIVE_TIME.units);
const RELATIVE_MARKER_SET = new Set<string>(RELATIVE_TIME.markers);
const BYLINE_JOINER_SET = new Set(BYLINE_JOINERS);
const BYLINE_NOT_A_NAME = new Set(BYLINE_NON_NAMES);

/** "2016-04-07", "2016-04-07T05:27:00Z", "2016-04-07 05:27:00+02:00" */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

export const ASCII_DIGIT = /[0-9]/;

/** A word token of a date line; punctuation between tokens is ignored (run on the lower-cased line). */
const TOKEN = /[\p{L}\p{N}'’]+(?:[:./-]\p{N}+)*(?:[ap]\.?m\.?)?/gu;

/** Most tokens of a timestamp line. */
const MAX_TIMESTAMP_TOKENS = 14;

/** A line's first word when it is ASCII letters followed by a space. */
const ASCII_HEAD_WORD = /^([A-Za-z]+) /;

/** Whether isTimestamp's token loop goes on past the (bare) token `word`. */
function isDateWord(word: string): boolean {
  return MONTH_SET.has(word) || TIME_MARK.test(word) || TIME_UNIT_SET.has(word) || RELATIVE_MARKER_SET.has(word) || WEEKDAY_SET.has(word) || DATE_WORD_SET.has(word);
}

/** A line made only of date words, month and day names and numbers, with at least one real date or time. */
export function isTimestamp(text: string): boolean {
  // ISO dates and every date or time mark (TIME_MARK) hold an ASCII digit: most lines are ruled out here.
  if (!ASCII_DIGIT.test(text)) return false;
  if (ISO_8601.test(text.trim())) return true;
  // A first word of ASCII letters before a space is, lower-cased, the first token: a line it rules
  // out (most lines with a digit are prose) needs no lower-cased copy.
  const head = ASCII_HEAD_WORD.exec(text);
  if (head && !isDateWord(head[1].toLowerCase())) return false;
  let months = 0;
  let marks = 0;
  let numbers = 0;
  let units = 0;
  let relative = 0;
  let count = 0;
  // Token by token: most lines stop at their first word that is no date word, not after all are cut out.
  const lower = text.toLowerCase();
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(lower); match; match = TOKEN.exec(lower)) {
    if (++count > MAX_TIMESTAMP_TOKENS) return false;
    const word = match[0];
    const bare = word.endsWith(".") ? word.slice(0, -1) : word;
    if (MONTH_SET.has(bare)) months++;
    else if (TIME_MARK.test(bare)) {
      numbers++;
      if (/\d[:.h/-]\d/.test(bare)) marks++;
    } else if (TIME_UNIT_SET.has(bare)) units++;
    else if (RELATIVE_MARKER_SET.has(bare)) relative++;
    else if (!(WEEKDAY_SET.has(bare) || DATE_WORD_SET.has(bare))) return false;
  }
  // "7 Apr, 2016 05:27", "2016-04-07", "April 7", "Updated 05:27 GMT", "2 hours ago";
  // a bare number ("2016", "5040") is not a date
  return (months > 0 && numbers > 0) || marks > 0 || (numbers > 0 && units > 0 && relative > 0);
}

function agencyPattern(extra: readonly string[]): string {
  return [...AGENCIES, ...extra]
    .sort((a, b) => b.length - a.length)
    .map((a) => escapeRegExp(a).replace(/ /g, "\\s"))
    .join("|");
}

/**
 * A dateline alone on its line ("Brussels / AFP", "MOSCOW (Reuters)") or at the start
 * of the first paragraph ("BRUSSELS (Reuters) - ", "PARIS, 7 avril (AFP) – ", "(ANSA) - ROMA, 7 APR - ").
 */
export function datelinePatterns(extraAgencies: readonly string[] = []): { line: RegExp; prefix: RegExp } {
  const agencies = agencyPattern(extraAgencies);
  const place = String.raw`\p{Lu}[\p{L}'’.-]*(?:[ -]\p{Lu}?[\p{L}'’.-]+){0,3}`;
  const when = String.raw`(?:,\s*[\p{L}\p{N} .]{1,25})?`;
  return {
    line: new RegExp(String.raw`^(?:${place}${when}\s*(?:[/|,–—-]\s*|\()(?:${agencies})\)?|\(?(?:${agencies})\)?\s*[/|,–—-]\s*${place}${when})$`, "u"),
    // "BRUSSELS (Reuters) - ", "PARIS, 7 avril (AFP) – ", "Madrid, 14 mar (EFE).- ", "(ANSA) - ROMA, 7 APR - ", "MOSCOW — "
    prefix: new RegExp(String.raw`^${place}${when}\s*\((?:${agencies})\)\.?\s*[–—-]+\s*|^\((?:${agencies})\)\s*[–—-]+\s*${place}${when}\s*[–—-]+\s*|^\p{Lu}{3,}[\p{Lu} .'-]*,?${when}\s*[–—-]+\s+(?=\p{Lu})`, "u"),
  };
}

/** "By Jane Doe", "Von Max Muster und Erika Muster", "Автор: Иван Петров". */
export function bylineName(text: string, maxWords: number): string | undefined {
  const prefix = BYLINE_PREFIX.exec(text);
  if (!prefix) return undefined;
  const rest = text.slice(prefix[0].length).replace(/[|,;·•].*$/u, "").trim();
  const words = rest.split(/\s+/);
  if (words.length === 0 || words.length > maxWords) return undefined;
  const isName = (w: string) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || BYLINE_JOINER_SET.has(w.toLowerCase());
  if (!words.every(isName) || !/^\p{Lu}/u.test(words[0])) return undefined;
  // Keep sentences out: "By Monday, the talks..." starts like a byline.
  const head = words[0].toLowerCase();
  if (WEEKDAY_SET.has(head) || MONTH_SET.has(head) || BYLINE_NOT_A_NAME.has(head)) return undefined;
  return rest;
}

registerStage("timestamps", {
  description: "Timestamps, datelines and bylines: move them into metadata",
  options: TimestampOptions,
  create(options: TimestampOptions) {
    // Built on first use (two long Unicode patterns: ~7 ms of a run's start, and a document without
    // an agency's name or a paragraph never needs them).
    let dateline: ReturnType<typeof datelinePatterns> | undefined;
    const datelines = () => (dateline ??= datelinePatterns(options.agencies));
    // A dateline line names an agency: the line scan's gate on the agencies' names (or, when they
    // have none it can look for, a search for one) spares most lines the full pattern.
    const agencies = { source: agencyPattern(options.agencies), flags: "u" };
    let anyAgency: RegExp | undefined;
    const mayNameAgency = scanGate(agencies) ?? ((line: Line) => (anyAgency ??= new RegExp(agencies.source, agencies.flags)).test(line.content));
    // A date or time holds a digit, a byline its prefix, a poster's line its verb: the line scan rules most lines out of each.
    const gates: LineGates = {
      mayNameAgency,
      mayHoldDigit: scanGate(ASCII_DIGIT) ?? (() => true),
      mayStartByline: scanGate(BYLINE_PREFIX) ?? (() => true),
      mayNamePoster: scanGate(POSTED_BY) ?? (() => true),
    };
    return {
      name: "timestamps",
      detect({ lines, doc }) {
        const found: Detection[] = [];
        /** Where each finding starts (its line's content): read below, where the findings' shapes differ by rule. */
        const foundAt: number[] = [];
        const live = outsideComments(lines.live(), doc.meta.markup);
        for (const line of live) {
          if (line.content.length > options.maxLength) continue;
          const detection = wholeLine(line, datelines, gates, options);
          if (!detection) continue;
          found.push(detection);
          foundAt.push(line.contentStart);
        }
        // An inline dateline only opens the first paragraph that is left.
        const first = live.find((l) => !foundAt.includes(l.contentStart) && l.content.length > options.maxLength);
        if (first) {
          const match = datelines().prefix.exec(first.text.slice(first.contentStart - first.start));
          if (match) {
            found.push({
              rule: "meta/dateline",
              start: first.contentStart,
              end: first.contentStart + match[0].length,
              reason: "dateline opening the first paragraph",
              moveTo: "dateline",
              value: match[0].replace(DATELINE_END, ""),
            });
          }
        }
        return found;
      },
    };
  },
});

/**
 * Lines outside the readers' comments of an HTML page (blocks flagged html/comments in
 * `meta.markup`). A comment's date, author or place line is part of the comment: kept with
 * `--keep-comments` (the gold of comment-keeping benchmarks has it), removed with the comment
 * otherwise, and never the article's own timestamp or byline in the metadata. A bare clock time
 * is not a comment's date line (that carries the day): in a comment section it is mostly the
 * length of a video in a list, so it stays a timestamp (on Dragnet 41 such lines were junk, 5 gold).
 * Example: "October 5, 2012 at 3:41 pm" above a reader's comment stays with the comment; "3:06" does not.
 */
function outsideComments(live: Line[], markup: unknown): Line[] {
  if (!Array.isArray(markup)) return live;
  const comments = (markup as MarkupFlag[]).filter((flag) => flag?.rule === COMMENTS_RULE).sort((a, b) => a.start - b.start);
  if (!comments.length) return live;
  // Both in offset order: one pass. A flag covers whole blocks, so a line is in it or not.
  let next = 0;
  return live.filter((line) => {
    while (next < comments.length && comments[next].end <= line.contentStart) next++;
    const flag = comments[next];
    return !(flag && flag.start <= line.contentStart && line.contentEnd <= flag.end) || BARE_TIME.test(line.content);
  });
}

/** "3:06", "11:54 PM", "4:46:10": a time with nothing else. */
const BARE_TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?$/i;

/** The line scan's gates of what wholeLine looks for: false when the line cannot hold it. */
interface LineGates {
  mayNameAgency: (line: Line) => boolean;
  mayHoldDigit: (line: Line) => boolean;
  mayStartByline: (line: Line) => boolean;
  mayNamePoster: (line: Line) => boolean;
}

// The findings name their span's fields, in the order a spread of { start, end } gave them (the audit
// writes them in that order): no span object per line, and no spread, whose first use in optimised code
// (a rare rule's) deoptimised it.
function wholeLine(line: Line, datelines: () => { line: RegExp }, gates: LineGates, options: TimestampOptions): Detection | undefined {
  const { contentStart: start, contentEnd: end } = line;
  if (gates.mayHoldDigit(line) && isTimestamp(line.content)) {
    return { rule: "meta/timestamp", start, end, reason: "a line holding only a date or time", moveTo: "timestamp" };
  }
  if (gates.mayNameAgency(line) && datelines().line.test(line.content)) {
    return { rule: "meta/dateline", start, end, reason: "a line holding only a place and a news agency", moveTo: "dateline" };
  }
  if (options.bylines) {
    const name = gates.mayStartByline(line) ? bylineName(line.content, options.maxBylineWords) : undefined;
    if (name) return { rule: "meta/byline", start, end, reason: "a line naming the author", moveTo: "byline", value: name };
    const posted = gates.mayNamePoster(line) ? POSTED_BY.exec(line.content) : null;
    if (posted && isTimestamp(posted[2])) {
      return { rule: "meta/timestamp", start, end, reason: "a line holding a poster and a date", moveTo: "timestamp", features: { by: posted[1] } };
    }
  }
  return undefined;
}

/**
 * The spaces, dots and dashes a dateline ends with ("WASHINGTON — " -> "WASHINGTON"). The lookbehind
 * starts the run only where it starts: the same run as `/[\s.–—-]+$/u`, in linear time, not tried from each of its units.
 */
export const DATELINE_END = /(?<![\s.–—-])[\s.–—-]+$/u;

/** "Posted by admin on March 3, 2021", "Publicado por Ana em 3 de março de 2021": a poster's name, then a date. */
export const POSTED_BY = /^(?:posted|published|written|submitted|uploaded|publicado|postado|escrito|pubblicato|scritto|veröffentlicht|geschrieben|publié|écrit) (?:by|por|da|von|par) ([^,|]{1,40}?)(?: on| at| em| el| il| am| le|,| \|| -| –)\s+(.{4,60})$/iu;
