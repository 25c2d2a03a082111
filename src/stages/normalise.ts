// The last step: Unicode and white space normalisation of the kept text.
// It edits no words, so it keeps counts by kind instead of one audit record per edit.
import { lineBits, PAIR_SHIFT, UnitClasses, unitTable, type LineView } from "../core/lines.js";
import { WholeLines } from "../core/kept.js";
import type { FinishedText, TextFinisher, TextLines } from "../core/stage.js";

export interface NormaliseOptions {
  /** Unicode normal form; NFC keeps compatibility characters (ﬁ, ²) as they are. */
  form: "NFC" | "NFKC" | "none";
  /**
   * What a paragraph is in the input. "line": every non-blank line (scrapers write one
   * block per line), so lines are set one blank line apart. "blank-line": paragraphs are
   * already separated by blank lines and single breaks inside them are kept.
   */
  paragraphs: "line" | "blank-line";
}

/**
 * Each kind of edit, with what it catches. Order matters: spaces before blank lines.
 * A pass runs only when `editsIn` saw its pattern can match: most texts need few of the edits.
 */
const EDITS: ReadonlyArray<{ kind: EditKind; pattern: RegExp; replace: string; example: string }> = [
  { kind: "line-breaks", pattern: /\r\n?|[\u2028\u2029\u0085]/g, replace: "\n", example: "a\\r\\nb -> a\\nb" },
  { kind: "invisible", pattern: /[\u200b-\u200d\u2060\ufeff\u00ad]/g, replace: "", example: "soft\\u00adhyphen -> softhyphen" },
  { kind: "odd-spaces", pattern: /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, replace: " ", example: "a\\u00a0b -> a b" },
  { kind: "space-runs", pattern: / {2,}/g, replace: " ", example: "a   b -> a b" },
  { kind: "trailing-spaces", pattern: / +$/gm, replace: "", example: "end.  -> end." },
  { kind: "leading-spaces", pattern: /^ +/gm, replace: "", example: "  text -> text" },
  { kind: "blank-lines", pattern: /\n{3,}/g, replace: "\n\n", example: "a\\n\\n\\n\\nb -> a\\nb" },
];

type EditKind = "line-breaks" | "invisible" | "odd-spaces" | "space-runs" | "trailing-spaces" | "leading-spaces" | "blank-lines";
const BIT: Record<EditKind, number> = { "line-breaks": 1, invisible: 2, "odd-spaces": 4, "space-runs": 8, "trailing-spaces": 16, "leading-spaces": 32, "blank-lines": 64 };

/** The characters each one-character edit starts at (a line break's first unit: \r of \r\n). */
const EDIT_STARTS: ReadonlyArray<[EditKind, RegExp]> = [
  ["line-breaks", /[\r\u2028\u2029\u0085]/],
  ["invisible", /[\u200b-\u200d\u2060\ufeff\u00ad]/],
  ["odd-spaces", /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/],
];
/** The units that end a line for `$` and `^` under the m flag. */
const LINE_TERMINATORS = ["\n", "\r", "\u2028", "\u2029"];

/**
 * What `editsIn` reads of a unit, in one table: the bits of the one-character edits it starts
 * (line-breaks, invisible, odd-spaces: 1, 2, 4, as in BIT) and flags for the edits made of two or
 * three units. SPACE_FLAG is space-runs' bit, so a space after a space is `before & unit`;
 * TERMINATOR_FLAG is SPACE_FLAG shifted once, so `before & unit >> 1` is a space then a line end
 * and `before >> 1 & unit` a line end then a space; LF_FLAG is blank-lines' bit. AS_SPACE_FLAG and
 * AS_TERMINATOR_FLAG are the same pair with the odd spaces counted as spaces: the same masks read
 * the space edits the text will need once the odd-spaces pass has made them spaces.
 */
const SPACE_FLAG = BIT["space-runs"];
const TERMINATOR_FLAG = SPACE_FLAG << 1;
const LF_FLAG = BIT["blank-lines"];
const AS_SPACE_FLAG = SPACE_FLAG << 4;
const AS_TERMINATOR_FLAG = AS_SPACE_FLAG << 1;
const ONE_UNIT_EDITS = BIT["line-breaks"] | BIT.invisible | BIT["odd-spaces"];
const SPACE_EDITS = BIT["space-runs"] | BIT["trailing-spaces"] | BIT["leading-spaces"];
/** Where the odd-spaces bit is in a unit's class: the scan counts them. */
const ODD_SPACES_SHIFT = Math.log2(BIT["odd-spaces"]);
/** Where `editsIn` puts SPACE_EDITS as they will be after the odd-spaces pass. */
const AFTER_ODD_SPACES = 7;

/** The units each one-unit edit starts at (EDIT_STARTS), found once for the tables of `editsIn` and `finishByLines`. */
let editStarts: Array<[EditKind, number[]]> | undefined;
function unitsOfEditStarts(): Array<[EditKind, number[]]> {
  // The units of each class found by the typed array's native indexOf: a callback per unit of
  // 65,536, three times, in code not yet optimised, was ~5 ms of the first document.
  editStarts ??= EDIT_STARTS.map(([kind, chars]) => {
    const table = unitTable(chars);
    const units: number[] = [];
    for (let unit = table.indexOf(1); unit !== -1; unit = table.indexOf(1, unit + 1)) units.push(unit);
    return [kind, units];
  });
  return editStarts;
}

/** The table of `editsIn`, made on the first text (a pipeline without the normaliser never needs it). */
let unitClasses: Uint16Array | undefined;
function editClassByUnit(): Uint16Array {
  if (!unitClasses) {
    unitClasses = new Uint16Array(0x10000);
    for (const [kind, units] of unitsOfEditStarts()) {
      for (const unit of units) {
        unitClasses[unit] |= BIT[kind];
        if (kind === "odd-spaces") unitClasses[unit] |= AS_SPACE_FLAG;
      }
    }
    unitClasses[32] |= SPACE_FLAG | AS_SPACE_FLAG;
    for (const end of LINE_TERMINATORS) unitClasses[end.charCodeAt(0)] |= TERMINATOR_FLAG | AS_TERMINATOR_FLAG;
    unitClasses[10] |= LF_FLAG;
  }
  return unitClasses;
}

/**
 * The edits whose pattern matches somewhere in the text, as bits, in one pass over its units:
 * it replaced three regex passes and a dozen substring searches per document, a third of the
 * floor's cleaning (see README, "Speed of the text route"). Exact, not a guess: a pass it
 * skips would have found nothing. Above them (`spaceEditsAfterOddSpaces`), the space edits of
 * the text once its odd spaces are spaces. Without a branch per unit: each unit's class is
 * combined with the two before it by masks (a test per space mispredicted at word ends: 2-3x slower).
 */
export function editsIn(text: string): number {
  return scanEdits(text).present;
}

/** `editsIn`'s bits and, from the same pass, how many odd-space units the text holds (each is one match of that pass). */
function scanEdits(text: string): { present: number; oddSpaces: number } {
  const classes = editClassByUnit();
  // The start of the text is a line start for `^`: as if a line end came before it.
  let before = TERMINATOR_FLAG | AS_TERMINATOR_FLAG;
  let twoBefore = 0;
  // What was seen, each at its flag's bit: one-unit edits, a space after a space, the units
  // around a line end (a space before it at the space flags, after it at the terminator flags), three LFs.
  let [single, runs, ends, blanks, oddSpaces] = [0, 0, 0, 0, 0];
  for (let i = 0; i < text.length; i++) {
    const unit = classes[text.charCodeAt(i)];
    single |= unit;
    oddSpaces += (unit >> ODD_SPACES_SHIFT) & 1;
    runs |= before & unit;
    ends |= (before & (unit >> 1)) | (((before >> 1) & unit & (SPACE_FLAG | AS_SPACE_FLAG)) << 1);
    blanks |= twoBefore & before & unit;
    twoBefore = before;
    before = unit;
  }
  // The end of the text is a line end for `$`.
  ends |= before & (SPACE_FLAG | AS_SPACE_FLAG);
  const present =
    (single & ONE_UNIT_EDITS) |
    spaceEdits(runs, ends, SPACE_FLAG) |
    (blanks & LF_FLAG && BIT["blank-lines"]) |
    (spaceEdits(runs, ends, AS_SPACE_FLAG) << AFTER_ODD_SPACES);
  return { present, oddSpaces };
}

/**
 * SPACE_EDITS from editsIn's `runs` and `ends`, read at `space` (SPACE_FLAG or AS_SPACE_FLAG). A
 * function of its own, not a closure over them: that would keep them in a context, a store per unit.
 */
function spaceEdits(runs: number, ends: number, space: number): number {
  return (runs & space && BIT["space-runs"]) | (ends & space && BIT["trailing-spaces"]) | (ends & (space << 1) && BIT["leading-spaces"]);
}

/** From `editsIn` of a text: the space edits it will need once the odd-spaces pass has run on it. */
export function spaceEditsAfterOddSpaces(present: number): number {
  return (present >> AFTER_ODD_SPACES) & SPACE_EDITS;
}

export function createNormaliser(options: Partial<NormaliseOptions> = {}): TextFinisher {
  const form = options.form ?? "NFC";
  const paragraphLines = (options.paragraphs ?? "line") === "line";
  return {
    name: "normalise",
    get lineClasses() {
      return lineClassByUnit();
    },
    finish(input: string, verbatim?: ReadonlyArray<readonly [number, number]>, view?: LineView, keptSpans?: ReadonlyArray<readonly [number, number]>): FinishedText {
      const edits: Record<string, number> = {};
      let text = input;
      // The view's lines and their classes tell of the text when it is kept spans of the raw text the view was made of.
      const viewed = view && keptSpans && view.unitClasses.finisherClasses === lineClassByUnit() ? view : undefined;
      // Those lines, found in the text's lines as they are asked for (one walk per pass over the text).
      const knownLines = () => viewed && { view: viewed, whole: new WholeLines(viewed.doc.raw, keptSpans!, viewed.lines) };
      // NFC acts on each line alone (an LF neither composes nor reorders with anything): line by line,
      // only the lines that may change go through it (10,479 of the 30 MB news corpus's 636,618), not the text.
      const byLinesFirst = !verbatim?.length && form !== "NFKC";
      if (byLinesFirst) {
        const byLines = finishedLines(text, edits, paragraphLines, knownLines(), form === "NFC");
        if (byLines !== undefined) return { text: byLines.text, edits, lines: byLines.lines };
        // A line ends otherwise (CR...): the passes below run on the whole text.
      }
      if (form !== "none") {
        // A text made only of units NFC leaves as they are is its own NFC: no ICU pass (a copy of every two-byte text).
        const normalised = form === "NFC" && viewed && !viewed.classes!.some((classes) => classes & NFC_MAY_EDIT) ? text : text.normalize(form);
        if (normalised !== text) edits.unicode = 1;
        // Normal forms can change lengths, which would move the verbatim spans: they then go unprotected.
        if (normalised.length !== text.length) verbatim = undefined;
        text = normalised;
      }
      if (!byLinesFirst && !verbatim?.length) {
        // The view's lines and classes are those of the text's lines kept whole, unless NFKC changed the text.
        const byLines = finishedLines(text, edits, paragraphLines, text === input ? knownLines() : undefined);
        if (byLines !== undefined) return { text: byLines.text, edits, lines: byLines.lines };
      }
      if (verbatim?.length) text = editAroundVerbatim(text, verbatim, edits, paragraphLines);
      else {
        text = applyEdits(text, edits);
        if (paragraphLines) text = paragraphBreaksIn(text, edits);
      }
      const ended = withoutTrailingBreaks(text.charCodeAt(0) === 10 ? text.replace(/^\n+/, "") : text, text.trim() ? "\n" : "");
      if (ended !== text) edits["file-ends"] = 1;
      return { text: ended, edits };
    },
  };
}

/**
 * What `finishByLines` reads of a unit: a space, a unit a one-unit edit changes, a line break other
 * than LF, LF, a unit JSON.stringify escapes (a control character, a quote, a backslash, a surrogate).
 */
const LINE_SPACE = 1;
const LINE_EDIT = 2;
const OTHER_BREAK = 4;
const LINE_FEED = 8;
/** In a line's bits (core/lines.ts lineBits): a space right after a space (the other pairs' bits are not read). */
const SPACE_AFTER_SPACE = LINE_SPACE << PAIR_SHIFT;
/** LF's bit as a pair, which no two units in a line set (no line holds an LF): free for a class of its own. */
const JSON_ESCAPED = LINE_FEED << PAIR_SHIFT;
/**
 * A unit outside NFC_INERT (a surrogate among them), in OTHER_BREAK's pair bit: two other breaks in a row
 * set it too, in a line the finisher refuses all the same (it only costs the text its NFC shortcut).
 */
const NFC_MAY_EDIT = OTHER_BREAK << PAIR_SHIFT;
/**
 * Ranges of units NFC leaves as they are whatever their neighbours: starters (canonical combining class
 * 0) that are NFC themselves and compose with no unit before them. A text of these alone is NFC. Latin
 * up to the combining marks (U+0300), Cyrillic but its combining marks, general punctuation from the
 * dashes (U+2000-U+200F: spaces NFC maps to others, invisible units), the currency signs. Every pair
 * of them is checked against String.prototype.normalize (test/stages/normalise.test.ts).
 */
export const NFC_INERT: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x02ff],
  [0x0400, 0x0482],
  [0x048a, 0x04ff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x20a0, 0x20c0],
];

/** The table of `finishByLines`, made on the first text. */
let lineUnitClasses: Uint8Array | undefined;
function lineClassByUnit(): Uint8Array {
  if (!lineUnitClasses) {
    // Filled natively: every unit NFC_MAY_EDIT, then NFC_INERT's ranges cleared.
    lineUnitClasses = new Uint8Array(0x10000).fill(NFC_MAY_EDIT);
    for (const [first, last] of NFC_INERT) lineUnitClasses.fill(0, first, last + 1);
    for (const [kind, units] of unitsOfEditStarts()) for (const unit of units) lineUnitClasses[unit] |= kind === "line-breaks" ? OTHER_BREAK : LINE_EDIT;
    lineUnitClasses[32] |= LINE_SPACE;
    lineUnitClasses[10] |= LINE_FEED;
    for (let unit = 0; unit < 0x20; unit++) lineUnitClasses[unit] |= JSON_ESCAPED;
    for (const unit of ['"', "\\"]) lineUnitClasses[unit.charCodeAt(0)] |= JSON_ESCAPED;
    // Surrogates have no other class: a lone one is escaped, and a pair is not worth telling apart (for NFC either).
    lineUnitClasses.fill(JSON_ESCAPED | NFC_MAY_EDIT, 0xd800, 0xe000);
  }
  return lineUnitClasses;
}

/**
 * The edits, paragraph breaks and file ends of a text whose lines all end in LF, line by line in
 * one pass: most lines need no edit and are only sliced out and joined again, which replaced a
 * pass that looked for the edits, a regex pass per edit found and one for the paragraph breaks.
 * Every edit but blank-lines stays within a line (no pattern spans an LF; with no other line
 * break, `^` and `$` stand at LFs and the ends), so a line that needs one is edited alone by
 * `applyEdits`, with the same counts. What the line breaks become follows from which lines are
 * empty once edited: blank-lines collapses runs of two or more empty lines between others to one,
 * paragraph-breaks doubles each LF between two lines that are not empty, file-ends leaves the
 * text between its first and last line that is not empty, ended by one LF. Undefined (nothing
 * counted in `edits`) when a line ends otherwise (CR, CRLF, U+2028...): the passes then run on
 * the whole text.
 */
export function finishByLines(text: string, edits: Record<string, number>, paragraphLines: boolean): string | undefined {
  return finishedLines(text, edits, paragraphLines)?.text;
}

/**
 * `finishByLines`, with the lines the text is joined from (TextLines). `known`: the lines of the raw
 * text the text was kept from, with their classes, read instead of the units of each line kept whole.
 * `nfc`: the text's NFC is edited, each line that may change (NFC_MAY_EDIT) put through NFC alone.
 */
function finishedLines(
  text: string,
  edits: Record<string, number>,
  paragraphLines: boolean,
  known?: { view: LineView; whole: WholeLines },
  nfc = false,
): { text: string; lines?: TextLines } | undefined {
  const classes = lineClassByUnit();
  const table = UnitClasses.of(classes).table;
  const lineEdits: Record<string, number> = {};
  /** The lines that are not empty once edited, in order; in blank-line mode an empty string where empty lines stood between two of them. */
  const kept: string[] = [];
  /** Which of them hold a unit JSON.stringify escapes: an edit only removes units or makes them spaces, so the unedited line tells. */
  const escaped: number[] = [];
  let paragraphBreaks = 0;
  let blankRuns = 0;
  /** Empty lines in a row just before, the first line not counted (it is not between two others). */
  let emptyRun = 0;
  let firstFull = false;
  let previousFull = false;
  let emptySinceFull = false;
  let lineIndex = 0;
  /** Whether NFC changed a line (`nfc`). */
  let unicode = false;
  for (let lineStart = 0; ; lineIndex++) {
    let lineEnd: number;
    let seen: number;
    let unedited: string;
    const rawLine = known ? known.whole.lineAt(lineStart) : -1;
    if (rawLine !== -1) {
      const line = known!.view.lines[rawLine];
      lineEnd = lineStart + (line.end - line.start);
      seen = known!.view.classes![rawLine];
      unedited = line.text;
    } else {
      lineEnd = text.indexOf("\n", lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      // The line's classes, and a space right after a space at SPACE_AFTER_SPACE.
      seen = lineBits(text, lineStart, lineEnd, table) & 0xff;
      unedited = text.slice(lineStart, lineEnd);
    }
    if (seen & OTHER_BREAK) return undefined;
    if (nfc && seen & NFC_MAY_EDIT) {
      const normal = unedited.normalize("NFC");
      if (normal !== unedited) {
        unicode = true;
        unedited = normal;
        seen = lineBits(normal, 0, normal.length, table) & 0xff;
      }
    }
    // Whether the line starts or ends with a space, read on the flat text, not the line's slice: NFC
    // neither makes nor unmakes an ASCII space (no canonical mapping holds one, none composes with one).
    const edited = (seen & (LINE_EDIT | SPACE_AFTER_SPACE)) !== 0 || (lineEnd > lineStart && ((classes[text.charCodeAt(lineStart)] | classes[text.charCodeAt(lineEnd - 1)]) & LINE_SPACE) !== 0);
    const line = edited ? applyEdits(unedited, lineEdits) : unedited;
    if (line !== "") {
      if (lineIndex === 0) firstFull = true;
      else if (previousFull) paragraphBreaks++;
      // Two or more empty lines between lines (the first line is never between): one blank-lines match.
      if (emptyRun >= 2) blankRuns++;
      if (!paragraphLines && emptySinceFull && kept.length > 0) kept.push("");
      if (seen & JSON_ESCAPED) escaped.push(kept.length);
      kept.push(line);
      previousFull = true;
      emptyRun = 0;
      emptySinceFull = false;
    } else {
      if (lineIndex > 0) emptyRun++;
      previousFull = false;
      emptySinceFull = true;
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
  }
  // The last line is not between two others either.
  if (emptyRun - 1 >= 2) blankRuns++;
  if (unicode) edits.unicode = 1;
  for (const { kind } of EDITS) if (lineEdits[kind]) edits[kind] = lineEdits[kind];
  if (blankRuns) edits["blank-lines"] = blankRuns;
  if (paragraphLines && paragraphBreaks) edits["paragraph-breaks"] = paragraphBreaks;
  // The text ends as it should when it starts with a line that is not empty and ends with one LF after one; an empty text when it has no LF.
  const endsAsItShould = kept.length > 0 ? firstFull && !previousFull && emptyRun === 1 : lineIndex === 0;
  if (!endsAsItShould) edits["file-ends"] = 1;
  if (kept.length === 0) return { text: "" };
  const separator = paragraphLines ? "\n\n" : "\n";
  // The final LF joined with the lines, so the text is one flat string (`join(...) + "\n"` is a rope
  // every reader would flatten again); the lines handed on end without it.
  const last = kept[kept.length - 1];
  kept[kept.length - 1] = last + "\n";
  const joined = kept.join(separator);
  kept[kept.length - 1] = last;
  return { text: joined, lines: { lines: kept, separator, escaped } };
}

function applyEdits(input: string, edits: Record<string, number>): string {
  let text = input;
  let scan = scanEdits(text);
  let present = scan.present;
  for (const { kind, pattern, replace } of EDITS) {
    if (!(present & BIT[kind])) continue;
    let count = 0;
    // Odd spaces, each one match, were counted by the last scan (no pass since has changed them):
    // the replace needs no callback per match to count them.
    if (kind === "odd-spaces") [text, count] = [text.replace(pattern, replace), scan.oddSpaces];
    else {
      text = text.replace(pattern, () => {
        count++;
        return replace;
      });
    }
    if (count) edits[kind] = (edits[kind] ?? 0) + count;
    // An edit can make room for a later one (a tab turned space beside a space): look again, unless
    // the last look already knows. Spaces made of odd spaces: editsIn saw them. Runs made one space:
    // each run's first and last space keep their neighbours, so line ends and starts stay as they were.
    if (kind === "odd-spaces") present = (present & ~SPACE_EDITS) | spaceEditsAfterOddSpaces(present);
    else if (kind !== "space-runs") present = (scan = scanEdits(text)).present;
  }
  return text;
}

/**
 * A single line break between two non-empty lines, the break that `paragraphBreaks` doubles.
 * The \n first, then what is around it: V8 then searches for the \n natively instead of trying the
 * lookbehind at every offset (bench JSONL: 0.57x the time of splitting the lines and joining them again).
 */
const LONE_BREAK = /\n(?<=[^\n]\n)(?=[^\n])/g;

/** `paragraphBreaks` of the text's lines, without splitting them: each lone break doubled by one native replace. */
function paragraphBreaksIn(text: string, edits: Record<string, number>): string {
  const doubled = text.replace(LONE_BREAK, "\n\n");
  // Each match adds one unit.
  const count = doubled.length - text.length;
  if (count) edits["paragraph-breaks"] = (edits["paragraph-breaks"] ?? 0) + count;
  return doubled;
}

/**
 * A single line break between two non-empty lines becomes a blank line
 * (/([^\n])\n(?=[^\n])/g), done on the lines: one callback per break was the cost.
 * Two lines of code (`verbatim`) in a row stay together.
 */
function paragraphBreaks(parts: string[], verbatim: boolean[] | undefined, edits: Record<string, number>): string {
  let count = 0;
  // Joined once into one flat string: `joined +=` made a rope of two nodes per line (14 MB per
  // 10 MB of JSONL, sampled) that the next reader of the text flattened all the same.
  const pieces = new Array<string>(2 * parts.length - 1);
  pieces[0] = parts[0];
  for (let i = 1; i < parts.length; i++) {
    const paragraph = parts[i - 1] !== "" && parts[i] !== "" && !(verbatim?.[i - 1] && verbatim[i]);
    if (paragraph) count++;
    pieces[2 * i - 1] = paragraph ? "\n\n" : "\n";
    pieces[2 * i] = parts[i];
  }
  if (count) edits["paragraph-breaks"] = (edits["paragraph-breaks"] ?? 0) + count;
  return pieces.join("");
}

/**
 * The edits on everything but the verbatim lines (code keeps its indentation and inner
 * spaces; only its trailing spaces go). `verbatim` spans are whole lines of `text`, in order.
 */
function editAroundVerbatim(text: string, verbatim: ReadonlyArray<readonly [number, number]>, edits: Record<string, number>, paragraphLines: boolean): string {
  const lines: string[] = [];
  const isVerbatim: boolean[] = [];
  let cursor = 0;
  const edited = (chunk: string) => {
    for (const line of applyEdits(chunk, edits).split("\n")) {
      lines.push(line);
      isVerbatim.push(false);
    }
  };
  for (const [start, end] of verbatim) {
    // The text before the span ends with its line break: edit it without that break.
    if (start > cursor) edited(text.slice(cursor, start - 1));
    lines.push(withoutTrailingBlanks(text.slice(start, end)));
    isVerbatim.push(true);
    cursor = end + 1;
  }
  if (cursor <= text.length) edited(text.slice(cursor));
  if (!paragraphLines) return lines.join("\n");
  return paragraphBreaks(lines, isVerbatim, edits);
}

/**
 * `text.replace(/\n*$/, end)` without trying the pattern at every offset. A text that already
 * ends so (most: one line break) is returned itself: a slice joined to "\n" is a rope that the
 * language detector and JSON.stringify flattened again, a copy of every record's clean text.
 */
function withoutTrailingBreaks(text: string, end: "\n" | ""): string {
  let cut = text.length;
  while (cut > 0 && text.charCodeAt(cut - 1) === 10) cut--;
  if (text.length - cut === end.length) return text;
  return text.slice(0, cut) + end;
}

/**
 * The line without the spaces and tabs it ends with. A loop from the end, not `/[ \t]+$/`: the
 * pattern tries every start in a run of blanks, so a verbatim line of 100,000 spaces took seconds.
 */
export function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end === line.length ? line : line.slice(0, end);
}
