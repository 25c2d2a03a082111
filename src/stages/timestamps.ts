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
import { CharRuns } from "../match/char-runs.js";
import { unitAt } from "../match/units.js";
import { lineScanner } from "../match/literal-scan.js";
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
const BYLINE_JOINER_SET = new Set(BYLINE_JOINERS);
const BYLINE_NOT_A_NAME = new Set(BYLINE_NON_NAMES);

/** "2016-04-07", "2016-04-07T05:27:00Z", "2016-04-07 05:27:00+02:00" */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

export const ASCII_DIGIT = /[0-9]/;

/**
 * What a word of a date line is, in the order isTimestamp asks: a month, then (a number, told by
 * TIME_MARK), a unit of relative time, its marker, any other date word or weekday. One look-up per
 * word instead of one per list.
 */
const MONTH = 1;
const TIME_UNIT = 2;
const RELATIVE_MARKER = 3;
const OTHER_DATE_WORD = 4;
const DATE_WORD_KIND = new Map<string, number>();
// Later lists win: a word in two lists counts as the one asked first ("min" is a unit before a date word).
for (const [words, kind] of [[[...WEEKDAYS, ...DATE_WORDS], OTHER_DATE_WORD], [RELATIVE_TIME.markers, RELATIVE_MARKER], [RELATIVE_TIME.units, TIME_UNIT], [MONTHS, MONTH]] as const) {
  for (const word of words) DATE_WORD_KIND.set(word, kind);
}
/** Whether a run of digits is listed as a date word (none is: such a token is a number, with no look-up). */
const DIGITS_ARE_A_DATE_WORD = [...DATE_WORD_KIND.keys()].some((word) => /^[0-9]+$/.test(word));

/**
 * The characters of a date line's tokens, read by code point (astral characters whole), as the token
 * pattern `/[\p{L}\p{N}'’]+(?:[:./-]\p{N}+)*(?:[ap]\.?m\.?)?/gu` reads them on the lower-cased line:
 * a run of TOKEN_CHAR, then separators each followed by a run of NUMBER_CHAR, then an "am" or "pm".
 */
const TOKEN_CHAR = new CharRuns(/^[\p{L}\p{N}'’]$/u);
const NUMBER_CHAR = new CharRuns(/^\p{N}$/u);

/** Most tokens of a timestamp line. */
const MAX_TIMESTAMP_TOKENS = 14;

const isAsciiDigit = (unit: number): boolean => unit >= 48 && unit <= 57;

/** Whether text[start, end) is all ASCII digits. */
function isDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isAsciiDigit(unitAt(text, i))) return false;
  return true;
}

/** A line made only of date words, month and day names and numbers, with at least one real date or time. */
export function isTimestamp(text: string): boolean {
  // ISO dates and every date or time mark (TIME_MARK) hold an ASCII digit: most lines are ruled out here.
  return ASCII_DIGIT.test(text) && readsAsTimestamp(text);
}

/**
 * isTimestamp of a line known to hold an ASCII digit (or not: without one, no token counts as a number,
 * and this is false all the same).
 */
function readsAsTimestamp(text: string): boolean {
  // An ISO date starts with a digit once trimmed: a first unit that is printable ASCII and no digit rules it out.
  const head = unitAt(text, 0);
  if (isAsciiDigit(head) || head <= 32 || head >= 127) {
    if (ISO_8601.test(text.trim())) return true;
  }
  let months = 0;
  let marks = 0;
  let numbers = 0;
  let units = 0;
  let relative = 0;
  let count = 0;
  // Token by token, each read off its units: most lines stop at their first word that is no date word.
  const lower = text.toLowerCase();
  const end = lower.length;
  for (let i = TOKEN_CHAR.runStart(lower, 0, end); i < end; i = TOKEN_CHAR.runStart(lower, i, end)) {
    const start = i;
    i = TOKEN_CHAR.runEnd(lower, i, end);
    // Separators, each with the number after it: "05:27", "2016-04-07".
    while (i + 1 < end) {
      const unit = unitAt(lower, i);
      if (unit !== 58 && unit !== 46 && unit !== 47 && unit !== 45) break; // : . / -
      const after = NUMBER_CHAR.runEnd(lower, i + 1, end);
      if (after === i + 1) break;
      i = after;
    }
    // "am", "p.m." (found only after a separated number: right after the first run, a letter is part of it).
    if (i < end) i = meridiemEnd(lower, i, end);
    if (++count > MAX_TIMESTAMP_TOKENS) return false;
    const stop = unitAt(lower, i - 1) === 46 ? i - 1 : i; // the word without a final "." ("p.m.")
    const startsWithDigit = isAsciiDigit(unitAt(lower, start));
    // A run of digits is a number (TIME_MARK's `\d+`), and no date word is one: no look-up, no regex.
    if (startsWithDigit && !DIGITS_ARE_A_DATE_WORD && isDigits(lower, start + 1, stop)) {
      numbers++;
      continue;
    }
    const bare = lower.slice(start, stop);
    const kind = DATE_WORD_KIND.get(bare);
    if (kind === MONTH) months++;
    else if (startsWithDigit && TIME_MARK.test(bare)) {
      // (TIME_MARK starts with a digit: a word that does not is no number.)
      numbers++;
      if (/\d[:.h/-]\d/.test(bare)) marks++;
    } else if (kind === TIME_UNIT) units++;
    else if (kind === RELATIVE_MARKER) relative++;
    else if (kind === undefined) return false;
  }
  // "7 Apr, 2016 05:27", "2016-04-07", "April 7", "Updated 05:27 GMT", "2 hours ago";
  // a bare number ("2016", "5040") is not a date
  return (months > 0 && numbers > 0) || marks > 0 || (numbers > 0 && units > 0 && relative > 0);
}

/** The end of an "am", "a.m", "pm" or "p.m." at `i`, else `i`. */
function meridiemEnd(text: string, i: number, end: number): number {
  const unit = unitAt(text, i);
  if (unit !== 97 && unit !== 112) return i; // a, p
  let at = i + 1;
  if (at < end && unitAt(text, at) === 46) at++;
  if (at >= end || unitAt(text, at) !== 109) return i; // m
  at++;
  return at < end && unitAt(text, at) === 46 ? at + 1 : at;
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

/** The third form of an inline dateline opens with three capitals: the other two name an agency. */
const OPENS_IN_CAPITALS = /^\p{Lu}{3}/u;

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
    const scanned = [scanGate(agencies), scanGate(ASCII_DIGIT), scanGate(BYLINE_PREFIX), scanGate(POSTED_BY)];
    const [agencyGate, digitGate, bylineGate, posterGate] = scanned;
    // A date or time holds a digit, a byline its prefix, a poster's line its verb: the line scan rules most lines out of each.
    const gates: LineGates = {
      mayNameAgency: agencyGate ?? ((line: Line) => (anyAgency ??= new RegExp(agencies.source, agencies.flags)).test(line.content)),
      mayHoldDigit: digitGate ?? (() => true),
      mayStartByline: bylineGate ?? (() => true),
      mayNamePoster: posterGate ?? (() => true),
      scanBits: scanned.every((gate) => gate !== undefined) ? scanned.reduce((bits, gate) => bits | gate!.bits, 0) : undefined,
    };
    return {
      name: "timestamps",
      detect({ lines, doc }) {
        const found: Detection[] = [];
        const outside = outsideComments(doc.meta.markup);
        // The first live paragraph (a line too long to be a whole-line finding): where an inline dateline may stand.
        let first: Line | undefined;
        // The live lines read in place (see lineRuleStage): no array of them per document.
        for (const line of lines.lines) {
          if (lines.isBlank(line) || lines.isRemoved(line) || (outside && !outside(line))) continue;
          if (line.content.length > options.maxLength) {
            first ??= line;
            continue;
          }
          const detection = wholeLine(line, datelines, gates, options);
          if (detection) found.push(detection);
        }
        // An inline dateline only opens the first paragraph that is left. It names an agency, or opens with
        // three capitals ("MOSCOW — "): most paragraphs do neither and are spared the long pattern.
        const paragraph = first?.text.slice(first.contentStart - first.start);
        if (first && paragraph && (gates.mayNameAgency(first) || OPENS_IN_CAPITALS.test(paragraph))) {
          const match = datelines().prefix.exec(paragraph);
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
 * Whether a live line, asked in line order, is outside the readers' comments of an HTML page (blocks flagged html/comments in
 * `meta.markup`). A comment's date, author or place line is part of the comment: kept with
 * `--keep-comments` (the gold of comment-keeping benchmarks has it), removed with the comment
 * otherwise, and never the article's own timestamp or byline in the metadata. A bare clock time
 * is not a comment's date line (that carries the day): in a comment section it is mostly the
 * length of a video in a list, so it stays a timestamp (on Dragnet 41 such lines were junk, 5 gold).
 * Example: "October 5, 2012 at 3:41 pm" above a reader's comment stays with the comment; "3:06" does not.
 */
function outsideComments(markup: unknown): ((line: Line) => boolean) | undefined {
  if (!Array.isArray(markup)) return undefined;
  const comments = (markup as MarkupFlag[]).filter((flag) => flag?.rule === COMMENTS_RULE).sort((a, b) => a.start - b.start);
  if (!comments.length) return undefined;
  // Both in offset order: one pass. A flag covers whole blocks, so a line is in it or not.
  let next = 0;
  return (line) => {
    while (next < comments.length && comments[next].end <= line.contentStart) next++;
    const flag = comments[next];
    return !(flag && flag.start <= line.contentStart && line.contentEnd <= flag.end) || BARE_TIME.test(line.content);
  };
}

/** "3:06", "11:54 PM", "4:46:10": a time with nothing else. */
const BARE_TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?$/i;

/** The line scan's gates of what wholeLine looks for: false when the line cannot hold it. */
interface LineGates {
  mayNameAgency: (line: Line) => boolean;
  mayHoldDigit: (line: Line) => boolean;
  mayStartByline: (line: Line) => boolean;
  mayNamePoster: (line: Line) => boolean;
  /** The four gates' group bits when all four are the line scan's: a line whose scan has none of them set passes none of the gates. */
  scanBits: number | undefined;
}

// The findings name their span's fields, in the order a spread of { start, end } gave them (the audit
// writes them in that order): no span object per line, and no spread, whose first use in optimised code
// (a rare rule's) deoptimised it.
function wholeLine(line: Line, datelines: () => { line: RegExp }, gates: LineGates, options: TimestampOptions): Detection | undefined {
  // Most short lines hold none of the four gates' literals: one look at their scan for all four.
  if (gates.scanBits !== undefined && (lineScanner.groupsPassing(line) & gates.scanBits) === 0) return undefined;
  const { contentStart: start, contentEnd: end } = line;
  if (gates.mayHoldDigit(line) && readsAsTimestamp(line.content)) {
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
