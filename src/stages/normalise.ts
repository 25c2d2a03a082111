// The last step: Unicode and white space normalisation of the kept text.
// It edits no words, so it keeps counts by kind instead of one audit record per edit.
import type { TextFinisher } from "../core/stage.js";

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

const LINE_ENDS = ["\n", "\r", "\u2028", "\u2029"];

/**
 * Each kind of edit, with what it catches. Order matters: spaces before blank lines.
 * `mayMatch` is a cheap test that fails only when the pattern cannot match: most texts
 * need few of the edits, and a search for a string is cheaper than a regex pass.
 */
const EDITS: ReadonlyArray<{ kind: string; pattern: RegExp; replace: string; example: string; mayMatch?: (text: string) => boolean }> = [
  { kind: "line-breaks", pattern: /\r\n?|[\u2028\u2029\u0085]/g, replace: "\n", example: "a\\r\\nb -> a\\nb" },
  { kind: "invisible", pattern: /[\u200b-\u200d\u2060\ufeff\u00ad]/g, replace: "", example: "soft\\u00adhyphen -> softhyphen" },
  { kind: "odd-spaces", pattern: /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, replace: " ", example: "a\\u00a0b -> a b" },
  { kind: "space-runs", pattern: / {2,}/g, replace: " ", example: "a   b -> a b", mayMatch: (text) => text.includes("  ") },
  {
    kind: "trailing-spaces",
    pattern: / +$/gm,
    replace: "",
    example: "end.  -> end.",
    mayMatch: (text) => text.endsWith(" ") || LINE_ENDS.some((end) => text.includes(" " + end)),
  },
  {
    kind: "leading-spaces",
    pattern: /^ +/gm,
    replace: "",
    example: "  text -> text",
    mayMatch: (text) => text.startsWith(" ") || LINE_ENDS.some((end) => text.includes(end + " ")),
  },
  { kind: "blank-lines", pattern: /\n{3,}/g, replace: "\n\n", example: "a\\n\\n\\n\\nb -> a\\n\\nb", mayMatch: (text) => text.includes("\n\n\n") },
];

export function createNormaliser(options: Partial<NormaliseOptions> = {}): TextFinisher {
  const form = options.form ?? "NFC";
  const paragraphLines = (options.paragraphs ?? "line") === "line";
  return {
    name: "normalise",
    finish(input: string, verbatim?: ReadonlyArray<readonly [number, number]>) {
      const edits: Record<string, number> = {};
      let text = input;
      if (form !== "none") {
        const normalised = text.normalize(form);
        if (normalised !== text) edits.unicode = 1;
        // Normal forms can change lengths, which would move the verbatim spans: they then go unprotected.
        if (normalised.length !== text.length) verbatim = undefined;
        text = normalised;
      }
      if (verbatim?.length) text = editAroundVerbatim(text, verbatim, edits, paragraphLines);
      else {
        text = applyEdits(text, edits);
        if (paragraphLines) text = paragraphBreaks(text.split("\n"), undefined, edits);
      }
      const ended = withoutTrailingBreaks(text.replace(/^\n+/, ""), text.trim() ? "\n" : "");
      if (ended !== text) edits["file-ends"] = 1;
      return { text: ended, edits };
    },
  };
}

function applyEdits(input: string, edits: Record<string, number>): string {
  let text = input;
  for (const { kind, pattern, replace, mayMatch } of EDITS) {
    if (mayMatch && !mayMatch(text)) continue;
    let count = 0;
    text = text.replace(pattern, () => {
      count++;
      return replace;
    });
    if (count) edits[kind] = (edits[kind] ?? 0) + count;
  }
  return text;
}

/**
 * A single line break between two non-empty lines becomes a blank line
 * (/([^\n])\n(?=[^\n])/g), done on the lines: one callback per break was the cost.
 * Two lines of code (`verbatim`) in a row stay together.
 */
function paragraphBreaks(parts: string[], verbatim: boolean[] | undefined, edits: Record<string, number>): string {
  let count = 0;
  let joined = parts[0];
  for (let i = 1; i < parts.length; i++) {
    if (parts[i - 1] !== "" && parts[i] !== "" && !(verbatim?.[i - 1] && verbatim[i])) {
      count++;
      joined += "\n\n" + parts[i];
    } else joined += "\n" + parts[i];
  }
  if (count) edits["paragraph-breaks"] = (edits["paragraph-breaks"] ?? 0) + count;
  return joined;
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
    lines.push(text.slice(start, end).replace(/[ \t]+$/, ""));
    isVerbatim.push(true);
    cursor = end + 1;
  }
  if (cursor <= text.length) edited(text.slice(cursor));
  if (!paragraphLines) return lines.join("\n");
  return paragraphBreaks(lines, isVerbatim, edits);
}

/** `text.replace(/\n*$/, end)` without trying the pattern at every offset. */
function withoutTrailingBreaks(text: string, end: string): string {
  let cut = text.length;
  while (cut > 0 && text.charCodeAt(cut - 1) === 10) cut--;
  return text.slice(0, cut) + end;
}
