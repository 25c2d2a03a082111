// The C4 line rules (Raffel et al. 2020, "Colossal Clean Crawled Corpus"), the baseline
// the plain-text route is measured against. Only the line rules: no page-level drops.

/** C4's terminal punctuation, a closing straight quote included. */
const TERMINAL = /[.?!"']$/u;
/** Phrases C4 drops a line for (its policy and boilerplate list). */
const POLICY = /terms of use|privacy policy|cookie policy|uses cookies|use of cookies|use cookies|lorem ipsum/iu;
const MIN_WORDS = 3;

/** Keeps a line when it ends in terminal punctuation, has at least 3 words, and names no script or policy. */
export function c4KeepsLine(line: string): boolean {
  const text = line.trim();
  if (!TERMINAL.test(text)) return false;
  if (text.split(/\s+/u).length < MIN_WORDS) return false;
  if (/javascript/iu.test(text)) return false;
  return !POLICY.test(text);
}

/** The text with only the lines C4's line rules keep, one per line. */
export function c4LineFilter(text: string): string {
  return text
    .split(/\r?\n/u)
    .filter(c4KeepsLine)
    .map((line) => line.trim())
    .join("\n");
}
