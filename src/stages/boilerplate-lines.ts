// Menus, footers and fragments of whole-page text dumps, told from the article by
// context rather than line by line: the article is the densest stretch of prose
// (a maximum-sum run over line scores, as in Finn et al.'s Body Text Extraction);
// outside it everything is page furniture; inside it, runs of short lines are menus,
// while a short line followed by prose is a heading and stays.
import * as z from "../core/schema.js";
import type { Detection, Features } from "../core/document.js";
import type { Line } from "../core/lines.js";
import type { Stage, StageContext } from "../core/stage.js";
import { LINE_THRESHOLDS, type LineThresholds } from "../rules/boilerplate.js";
import { COMMENT_SECTION_RULES, COMMENT_SIGNATURE_RULES } from "../rules/comments.js";
import type { PhraseRule } from "../rules/types.js";
import { documentLanguage, lineFeatures, runsOnInto, stopwordsFor, type LineFeatures } from "../match/line-features.js";
import { caseFolded } from "../match/line-rules.js";
import { registerStage } from "./registry.js";
import { htmlRouteOptions } from "../core/route-options.js";

const threshold = (value: number) => z._default(z.number().check(z.nonnegative()), value);

export const BoilerplateLinesOptions = z.strictObject({
  proseWords: threshold(LINE_THRESHOLDS.proseWords),
  sentenceWords: threshold(LINE_THRESHOLDS.sentenceWords),
  minStopwordRatio: z._default(z.number().check(z.gte(0), z.lte(1)), LINE_THRESHOLDS.minStopwordRatio),
  linePenalty: threshold(LINE_THRESHOLDS.linePenalty),
  maxLineWords: threshold(LINE_THRESHOLDS.maxLineWords),
  removedLineShare: z._default(z.number().check(z.gte(0), z.lte(1)), LINE_THRESHOLDS.removedLineShare),
  menuRunLength: z._default(z.number().check(z.int(), z.gte(2)), LINE_THRESHOLDS.menuRunLength),
  listItemWords: threshold(LINE_THRESHOLDS.listItemWords),
  listItemShare: z._default(z.number().check(z.gte(0), z.lte(1)), LINE_THRESHOLDS.listItemShare),
  teaserPairs: z._default(z.number().check(z.int(), z.gte(2)), LINE_THRESHOLDS.teaserPairs),
  extraRunShare: z._default(z.number().check(z.gte(0)), LINE_THRESHOLDS.extraRunShare),
  extraRunWords: threshold(LINE_THRESHOLDS.extraRunWords),
  articleMinScore: threshold(LINE_THRESHOLDS.articleMinScore),
  gapTextShare: z._default(z.number().check(z.gte(0), z.lte(1)), LINE_THRESHOLDS.gapTextShare),
  gapProseWords: threshold(LINE_THRESHOLDS.gapProseWords),
  headingMaxWords: threshold(LINE_THRESHOLDS.headingMaxWords),
  allCapsMinLetters: threshold(LINE_THRESHOLDS.allCapsMinLetters),
  fragmentMaxWords: threshold(LINE_THRESHOLDS.fragmentMaxWords),
  allCapsTeaserWords: threshold(LINE_THRESHOLDS.allCapsTeaserWords),
  /** Keep readers' comment threads as text (also `--keep-comments`): prose after a comment heading is not cut. */
  keepComments: z._default(z.boolean(), false),
  /** Keep the short line just before the article (its title). Off by default: corpora like AEB's count the body only. */
  keepTitle: z._default(z.boolean(), false),
  /** Extra stopwords per language ({"en": ["via"]}), added to stopwords-iso's lists. */
  stopwords: z._default(z.record(z.string(), z.array(z.string())), {}),
  /** Rule ids of this stage to switch off (e.g. "boilerplate/outside-main" for single-article text). */
  disable: z._default(z.array(z.string()), []),
});
export type BoilerplateLinesOptions = z.infer<typeof BoilerplateLinesOptions>;

interface Scored {
  line: Line;
  features: LineFeatures;
  prose: boolean;
  score: number;
  /** Lines of the hard-wrapped paragraph this line belongs to (1 when not wrapped). */
  wrapped: number;
  /** Removed by an earlier stage: scored as junk, not reported again. */
  removed: boolean;
}

/** A line is prose when it is long and made of ordinary words, or is a whole short sentence. */
export function isProse(f: LineFeatures, t: LineThresholds, hasStopwords: boolean): boolean {
  const wordy = !hasStopwords || f.unspaced || f.stopwordRatio >= t.minStopwordRatio;
  if (f.words >= t.proseWords && wordy) return true;
  return f.terminal && f.words >= t.sentenceWords && wordy;
}

/**
 * A short line of ordinary words, as the items of a list of steps or features are ("Fold the paper in
 * half", "+ Added rabbits, with item drops"); menu labels are one to four words, mostly without stopwords.
 */
export function listItem(f: LineFeatures, t: LineThresholds, hasStopwords: boolean): boolean {
  return f.words >= t.listItemWords && (!hasStopwords || f.unspaced || f.stopwordRatio >= t.minStopwordRatio);
}

/**
 * A line of a code listing or a table of data: braces, a call's bracket, operators, box-drawing
 * rules, a trailing comma, or numbers with decimals ("FROM unnest(array[2, 3]) AS n;", "12 │ t", "4.3333"). Menus and labels
 * are words alone, so a gap of such lines between two stretches of the article is its listing.
 */
const CODE_MARKS = /[{};=<>│┃┼─━]|[\p{L}\p{N}_]\(|,$/u;
const NUMBERS_ONLY = /^[\p{N}\s.,%+-]+$/u;
const DECIMAL = /\p{N}[.,]\p{N}/u;
export const codeOrData = (content: string): boolean => CODE_MARKS.test(content) || (NUMBERS_ONLY.test(content) && DECIMAL.test(content));

/** Half-open range [from, to) of the run with the largest sum; empty when no sum is positive. */
export function densestRun(scores: readonly number[]): { from: number; to: number; sum: number } {
  let best = { from: 0, to: 0, sum: 0 };
  let start = 0;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (sum <= 0) {
      start = i;
      sum = 0;
    }
    sum += scores[i];
    if (sum > best.sum) best = { from: start, to: i + 1, sum };
  }
  return best;
}

const SECTION_RULES = caseFolded(COMMENT_SECTION_RULES);
const SIGNATURE_RULES = caseFolded(COMMENT_SIGNATURE_RULES);
const matchesRule = (content: string, words: number, rules: ReturnType<typeof caseFolded<PhraseRule>>) => {
  const lower = content.toLowerCase();
  return rules.find((r) => words <= r.maxWords && r.matches(content, lower));
};

/**
 * Whether a line that ends like a signature ("... said:") opens with a name or holds a date, as a
 * reader's signature does ("Alex says:", "Alex on May 3, 2019 at 6:34 am said:"), rather than
 * with a function word, as a sentence introducing a quote does ("In an interview, he also said:").
 */
function signedByName(content: string, stopwords: ReadonlySet<string>): boolean {
  if (!content.endsWith(":") || /\p{N}/u.test(content)) return true;
  const first = content.slice(0, content.search(/\s|$/u)).toLowerCase();
  return !stopwords.has(first);
}

/**
 * Where the comment section opens, at or after the start of the article: a comment
 * heading ("12 Comments", "Leave a Reply"), or the first of two comment signatures ("Alex says:").
 */
function commentSectionStart(scored: readonly Scored[], from: number, stopwords: ReadonlySet<string>): { index: number; rule: PhraseRule } | undefined {
  let firstSignature: { index: number; rule: PhraseRule } | undefined;
  for (let i = from; i < scored.length; i++) {
    if (scored[i].removed) continue;
    const { content } = scored[i].line;
    const words = scored[i].features.words;
    const heading = matchesRule(content, words, SECTION_RULES);
    if (heading) return { index: i, rule: heading };
    const signature = matchesRule(content, words, SIGNATURE_RULES);
    if (signature && signedByName(content, stopwords)) {
      if (firstSignature) return firstSignature;
      firstSignature = { index: i, rule: signature };
    }
  }
  return undefined;
}

/**
 * Every stretch of prose worth keeping: the densest run, then, in the stretches left on
 * either side of it, their own densest runs as long as each holds at least `minShare` of
 * the densest run's score and `minWords` (posts of a blog page, answers of a Q&A thread,
 * the sections of a page split by a gallery or a box). Sorted by position.
 */
export function proseRuns(scores: readonly number[], main: { from: number; to: number; sum: number }, minShare: number, minWords: number, end = scores.length): Array<{ from: number; to: number; sum: number }> {
  if (main.to <= main.from) return [];
  const runs = [main];
  const gaps: Array<[number, number]> = [[0, main.from], [main.to, end]];
  const floor = Math.max(minWords, minShare * main.sum);
  while (gaps.length) {
    const [from, to] = gaps.pop()!;
    if (to <= from) continue;
    const found = densestRun(scores.slice(from, to));
    if (found.sum < floor) continue;
    const run = { from: from + found.from, to: from + found.to, sum: found.sum };
    runs.push(run);
    gaps.push([from, run.from], [run.to, to]);
  }
  return runs.sort((a, b) => a.from - b.from);
}

/**
 * Whether a run is a list of teasers: at least `minPairs` paragraphs, each standing alone between
 * short lines (headline, byline, "Read more"), none followed by another paragraph as an article's are.
 */
function onlyTeasers(scored: readonly Scored[], run: { from: number; to: number }, minPairs: number): boolean {
  let paragraphs = 0;
  for (let i = run.from; i < run.to; i++) {
    if (!scored[i].prose) continue;
    if (scored[i].wrapped > 1 || (i + 1 < run.to && scored[i + 1].prose)) return false;
    paragraphs++;
  }
  return paragraphs >= minPairs;
}

/** The comment thread kept with --keep-comments: the densest run from its heading on, non-prose lines at a reduced cost. */
function commentThread(scored: readonly Scored[], from: number, t: LineThresholds, minWords: number): { from: number; to: number; sum: number } | undefined {
  // Controls every comment repeats ("reply", "by Ann on", its date) mark the thread's records: they cost nothing here.
  const thread = scored.slice(from);
  const shapeOf = thread.map((s) => shapeWords(s.line.content).join(" "));
  const shapes = new Map<string, number>();
  for (const shape of shapeOf) shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  const scores = thread.map((s, k) => (s.prose ? s.score : shapes.get(shapeOf[k])! >= RECURRING_CONTROLS ? 0 : -t.linePenalty * t.removedLineShare));
  const run = densestRun(scores);
  return run.to > run.from && run.sum >= minWords ? { from: from + run.from, to: from + run.to, sum: run.sum } : undefined;
}

/** Times a short line's shape recurs in a comment thread from which it is one of each comment's controls. */
const RECURRING_CONTROLS = 3;

/** A line's shape for recurrence: its first and last word, case folded, digits as 0. */
const shapeWords = (content: string): [string, string] => {
  const words = content.toLowerCase().replace(/\p{N}+/gu, "0").split(/\s+/u);
  return [words[0] ?? "", words[words.length - 1] ?? ""];
};

/** Share of the short lines of headline-and-paragraph pairs that must share a first or last word to be signatures. */
const RECURRING_SHAPE_SHARE = 0.6;

/** Whether the short lines of the pairs in [from, to) share their first or their last word: signatures, not headlines. */
function recurringShape(scored: readonly Scored[], from: number, to: number): boolean {
  const firsts = new Map<string, number>(), lasts = new Map<string, number>();
  let heads = 0;
  for (let i = from; i < to; i += 2) {
    const [first, last] = shapeWords(scored[i].line.content);
    firsts.set(first, (firsts.get(first) ?? 0) + 1);
    lasts.set(last, (lasts.get(last) ?? 0) + 1);
    heads++;
  }
  const most = Math.max(0, ...firsts.values(), ...lasts.values());
  return heads >= 2 && most >= RECURRING_SHAPE_SHARE * heads;
}

/** Lines at the end of the main region that alternate short line / single prose line, at least `minPairs` times. */
function trailingTeasers(scored: readonly Scored[], main: { from: number; to: number }, minPairs: number): number {
  let pairs = 0;
  for (let end = main.to; end - 2 >= main.from; end -= 2) {
    const [head, body] = [scored[end - 2], scored[end - 1]];
    if (head.prose || !body.prose || body.wrapped > 1) break;
    pairs++;
  }
  // The article itself must remain: the first pair may be its last subheading and paragraph.
  return pairs >= minPairs && main.to - 2 * pairs > main.from ? 2 * pairs : 0;
}

/** Longest lines looked at to decide whether the stopword list fits the document. */
const CALIBRATION_LINES = 9;

/**
 * Whether the stopword test says anything on this document: in its longest lines (the
 * article, most likely) a typical share of stopwords must reach the threshold. It does
 * not when the language is unknown, or glues its function words on (Korean particles).
 */
function stopwordListFits(scored: readonly Scored[], stopwords: ReadonlySet<string>, t: LineThresholds): boolean {
  if (stopwords.size === 0) return false;
  const longest = [...scored]
    .filter((s) => !s.removed && s.features.words >= t.proseWords && !s.features.unspaced)
    .sort((a, b) => b.features.words - a.features.words || a.line.index - b.line.index)
    .slice(0, CALIBRATION_LINES)
    .map((s) => s.features.stopwordRatio)
    .sort((a, b) => a - b);
  if (longest.length === 0) return true;
  return longest[Math.floor(longest.length / 2)] >= t.minStopwordRatio;
}

export function createBoilerplateLines(options: BoilerplateLinesOptions): Stage {
  const t: LineThresholds = { ...LINE_THRESHOLDS, ...options };
  const enabled = (rule: string) => !options.disable.includes(rule);
  return {
    name: "boilerplate-lines",
    detect({ doc, lines }: StageContext): Detection[] {
      const keepComments = options.keepComments || htmlRouteOptions().keepComments === true;
      const live = lines.live();
      if (live.length === 0) return [];
      const language = documentLanguage(doc, live);
      const extra = options.stopwords[language] ?? [];
      // The shared list unless the pipeline adds words: copying it cost a Set of ~1000 words per document.
      const stopwords = extra.length ? new Set([...stopwordsFor(language), ...extra.map((w) => w.toLowerCase())]) : stopwordsFor(language);
      // Lines earlier stages removed stay in the picture as junk: they are evidence of where the furniture is.
      const scored: Scored[] = lines.lines
        .filter((line) => !lines.isBlank(line))
        .map((line) => ({ line, features: lineFeatures(line.content, stopwords), prose: false, score: 0, wrapped: 1, removed: lines.isRemoved(line) }));
      const stopwordsFit = stopwordListFits(scored, stopwords, t);
      // Hard-wrapped paragraphs: a line that runs on into the next (no closing mark, next starts in lower case) is judged with it.
      for (let i = 0; i < scored.length; ) {
        let j = i + 1;
        while (j < scored.length && !scored[i].removed && !scored[j].removed && runsOnInto(scored[j - 1].line.content, scored[j].line.content)) j++;
        const paragraph = j - i === 1 ? scored[i].features : lineFeatures(scored.slice(i, j).map((s) => s.line.content).join(" "), stopwords);
        const prose = !scored[i].removed && isProse(paragraph, t, stopwordsFit);
        for (let k = i; k < j; k++) {
          const s = scored[k];
          s.prose = prose;
          s.wrapped = j - i;
          s.score = prose ? Math.min(s.features.words, t.maxLineWords) : -t.linePenalty * (s.removed ? t.removedLineShare : 1);
        }
        i = j;
      }
      // A run is a list of real items (steps, features) rather than a menu when most of its lines are wordy.
      const runLength = new Array<number>(scored.length).fill(0);
      const itemList = new Uint8Array(scored.length);
      for (let i = 0; i < scored.length; ) {
        let j = i;
        while (j < scored.length && !scored[j].prose) j++;
        let wordy = 0;
        for (let k = i; k < j; k++) {
          runLength[k] = j - i;
          if (listItem(scored[k].features, t, stopwordsFit)) wordy++;
        }
        if (j > i && wordy >= t.listItemShare * (j - i)) itemList.fill(1, i, j);
        i = Math.max(j, i + 1);
      }
      const scores = scored.map((s) => s.score);
      let main = densestRun(scores);
      // Readers' comments are prose too: the article ends where a comment section opens.
      // With --keep-comments the thread is text like the article, kept below as its own stretch: no section
      // to cut. Its heading is looked for from the first prose line, since a thread denser than a short
      // story is taken for the main stretch and then its heading sits before it.
      const sectionFrom = keepComments ? Math.min(main.from, Math.max(0, scored.findIndex((s) => s.prose))) : main.from;
      const section = enabled("boilerplate/comments") ? commentSectionStart(scored, sectionFrom, stopwords) : undefined;
      const comments = keepComments ? undefined : section;
      if (comments) main = densestRun(scores.slice(0, comments.index));
      // ...and with --keep-comments, the story before the heading of a thread taken for the main stretch stays too.
      const storyRun = keepComments && section && section.index <= main.from ? densestRun(scores.slice(0, section.index)) : undefined;
      const story = storyRun && storyRun.sum >= t.articleMinScore ? storyRun : undefined;
      // Teasers of other stories (headline, one paragraph, headline, one paragraph...) trail the article.
      const teasers = enabled("boilerplate/teasers") ? trailingTeasers(scored, main, t.teaserPairs) : 0;
      const teaserEnd = main.to;
      main = { ...main, to: main.to - teasers };
      if (options.keepTitle && main.to > main.from) {
        const title = scored[main.from - 1];
        if (title && !title.removed && !title.prose && title.features.words > 0 && title.features.words <= t.headingMaxWords) main = { ...main, from: main.from - 1 };
      }
      const hasMain = main.to > main.from;
      // Other stretches of prose as dense as the article (more posts, answers), not teasers nor comments.
      const extraRuns = hasMain
        ? proseRuns(scores, { ...main, to: teaserEnd }, t.extraRunShare, t.extraRunWords, comments ? comments.index : scores.length).filter(
            (run) => run.from !== main.from && !onlyTeasers(scored, run, t.teaserPairs),
          )
        : [];
      // With --keep-comments the thread is text: its densest stretch, where signatures and dates
      // ("Posted by: Ann at 3:12 PM") cost less, since every comment has one.
      // Without a heading, a thread is looked for after the article, and must hold as many words as a second post.
      // Signature-and-comment pairs look like teasers, but their short lines recur in shape ("Posted by Ann at 3:12 PM").
      const threadFrom = teasers && recurringShape(scored, main.to, teaserEnd) ? main.to : teaserEnd;
      const thread = keepComments && hasMain ? commentThread(scored, threadFrom, t, t.extraRunWords) : undefined;
      const inRun = new Uint8Array(scored.length);
      inRun.fill(1, main.from, main.to);
      // No stretch holds an article (a landing page, a list of short blurbs): every prose line is text, as each short line before one.
      const noArticle = hasMain && main.sum < t.articleMinScore;
      if (noArticle) for (let i = 0; i < scored.length; i++) if (scored[i].prose && !(comments && i >= comments.index)) inRun.fill(1, i > 0 && !scored[i - 1].removed && scored[i - 1].features.words <= t.headingMaxWords ? i - 1 : i, i + 1);
      for (const run of [...extraRuns, ...(thread ? [thread] : []), ...(story ? [story] : [])]) {
        // The short line just before a further stretch is its heading: a post's title, a comment's signature.
        const head = scored[run.from - 1];
        const headed = head && !head.removed && !head.prose && head.features.words > 0 && head.features.words <= t.headingMaxWords;
        inRun.fill(1, headed ? run.from - 1 : run.from, run.to);
      }
      // A gap between two kept stretches that is mostly sentences (code, a list of steps, short paragraphs) is part of the text;
      // in any other gap, its long paragraphs are.
      for (let i = inRun.indexOf(1); i >= 0 && i < scored.length; ) {
        while (i < scored.length && inRun[i]) i++;
        let j = i;
        while (j < scored.length && !inRun[j]) j++;
        if (j >= scored.length) break;
        let wordy = 0;
        for (let k = i; k < j; k++) if (!scored[k].removed && (scored[k].prose || listItem(scored[k].features, t, stopwordsFit) || codeOrData(scored[k].line.content))) wordy++;
        if (comments && j > comments.index) break;
        if (wordy >= t.gapTextShare * (j - i)) inRun.fill(1, i, j);
        else if (!onlyTeasers(scored, { from: i, to: j }, t.teaserPairs)) {
          for (let k = i; k < j; k++) if (scored[k].prose && scored[k].features.words >= t.gapProseWords) inRun[k] = 1;
        }
        i = j;
      }
      const firstKept = inRun.indexOf(1), lastKept = inRun.lastIndexOf(1);
      const found: Detection[] = [];
      const report = (s: Scored, rule: string, reason: string, extra: Features = {}) => {
        if (!enabled(rule)) return;
        found.push({
          rule,
          start: s.line.contentStart,
          end: s.line.contentEnd,
          reason,
          features: {
            words: s.features.words,
            stopwordRatio: Math.round(s.features.stopwordRatio * 100) / 100,
            terminal: s.features.terminal,
            lang: language || "?",
            ...(stopwordsFit ? {} : { stopwordTest: "off" }),
            ...(s.wrapped > 1 ? { wrappedLines: s.wrapped } : {}),
            ...extra,
          },
        });
      };

      // Runs of consecutive non-prose lines, so each line knows the length of its run.


      for (let i = 0; i < scored.length; i++) {
        const s = scored[i];
        if (s.removed) continue;
        if (comments && i >= comments.index) {
          report(s, "boilerplate/comments", i === comments.index ? comments.rule.reason : "inside the comment section", { sectionStart: comments.rule.example, prose: s.prose });
          continue;
        }
        if (teasers && i >= main.to && i < teaserEnd && !inRun[i]) {
          report(s, "boilerplate/teasers", "one of the headline-and-paragraph pairs that trail the article (teasers of other stories)", { pairs: teasers / 2, prose: s.prose });
          continue;
        }
        if (hasMain && !inRun[i]) {
          report(s, "boilerplate/outside-main", "outside the densest stretch of prose (the article) and the stretches nearly as dense", {
            region: i < firstKept ? "header" : i > lastKept ? "footer" : "between",
            prose: s.prose,
            mainLines: main.to - main.from,
            mainScore: main.sum,
            ...(extraRuns.length ? { otherRuns: extraRuns.length } : {}),
          });
          continue;
        }
        if (s.prose) continue;
        const region = hasMain ? "main" : "page";
        if (s.features.allCaps && s.features.words >= t.allCapsTeaserWords) {
          report(s, "boilerplate/all-caps", "a long line in capitals: a shouted teaser, not a heading", { letters: s.features.letters, region });
          continue;
        }
        const next = scored[i + 1];
        const heading = next !== undefined && next.prose && s.features.words <= t.headingMaxWords && s.features.words > 0;
        if (heading) continue; // a short line followed by prose is a (sub)heading
        if (codeOrData(s.line.content)) continue; // a line of a listing or a table: no menu item, no label
        if (runLength[i] >= t.menuRunLength && !itemList[i]) {
          report(s, "boilerplate/menu-run", `one of ${runLength[i]} short lines in a row (a menu, link list or footer)`, { runLength: runLength[i], region });
        } else if (s.features.allCaps && s.features.letters >= t.allCapsMinLetters) {
          report(s, "boilerplate/all-caps", "a label in capitals not followed by prose", { letters: s.features.letters, region });
        } else if (s.features.words <= t.fragmentMaxWords && !s.features.terminal) {
          report(s, "boilerplate/fragment", "a short fragment not followed by prose (a label or control)", { runLength: runLength[i], region });
        }
      }
      return found;
    },
  };
}

registerStage("boilerplate-lines", {
  description: "Menus, footers and fragments of whole-page text dumps, by context: main region of prose, runs of short lines, headings kept",
  options: BoilerplateLinesOptions,
  create: createBoilerplateLines,
});
