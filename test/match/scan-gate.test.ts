// Patterns run behind the line scan's gate (scanGate, src/match/line-rules.ts) must find what they
// found when they ran on every line: the tags stage's bare label and the timestamps stage's
// agency test, each checked against the plain code on generated lines.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDocument } from "../../src/core/document.js";
import { LineView, splitLines } from "../../src/core/lines.js";
import { Pattern } from "../../src/core/pattern.js";
import { labelText, literalGate, scanGate } from "../../src/match/line-rules.js";
import { TAG_LABEL_LINE } from "../../src/rules/tags.js";
import { AGENCIES } from "../../src/rules/agencies.js";
import "../../src/stages/all.js";
import { stageDefinition } from "../../src/stages/registry.js";
import { ASCII_DIGIT, bylineName, datelinePatterns, isTimestamp, POSTED_BY } from "../../src/stages/timestamps.js";
import { ICON_MARKER } from "../../src/stages/icons.js";
import { MAY_SEPARATE, SEPARATOR_LITERALS } from "../../src/stages/boilerplate-phrases.js";
import { SENTENCE_BOUNDARY, SENTENCE_END_LITERALS } from "../../src/stages/duplicates.js";
import { BYLINE_PREFIX } from "../../src/rules/dates.js";

const stage = (use: string, options: object = {}) => {
  const definition = stageDefinition(use)!;
  return definition.create(definition.options.parse(options));
};

/** The findings of a stage (made once: each registers its gates in the process's one scanner) on a document of these lines, by content start. */
function findings(made: ReturnType<typeof stage>, lines: string[]) {
  const doc = createDocument({ id: "t", source: "t", raw: lines.join("\n") });
  const view = new LineView(doc);
  const found = new Map(made.detect({ doc, lines: view }).map((d) => [d.start, d]));
  return { view, found };
}

describe("scanGate", () => {
  it("lets through every line the pattern matches in, and rules out a line without its literals", () => {
    const gate = scanGate(new Pattern("\\b(?:newsletter|sign up)\\b", "iu"))!;
    const line = (text: string) => splitLines(text)[0];
    expect(gate(line("Sign up for the NEWSLETTER today"))).toBe(true);
    expect(gate(line("A story about a bridge"))).toBe(false);
  });

  it("gives no gate to a pattern without a literal the scan can look for", () => {
    expect(scanGate(new Pattern("^\\p{Lu}+$", "u"))).toBeUndefined();
  });
});

describe("tags: the bare label behind the gate", () => {
  const words = ["Tags", "tags:", "TOPICS", "Themen", "Schlagwörter", "mots-clés", "MOTS CLÉS", "Теги", "ТЕМЫ", "Filed under", "tag", "Stichwörter:", "NATO", "Russia", "news", "a", "»", "|", ":", "the story", "Tagged with", "ſ"];
  const lines = fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }).map((parts) => parts.map((p) => p.join(" ")));

  it("lets through every line whose label the label pattern matches", () => {
    const mayBeLabel = scanGate(TAG_LABEL_LINE.pattern)!;
    fc.assert(
      fc.property(lines, (texts) => {
        for (const line of splitLines(texts.join("\n"))) {
          if (TAG_LABEL_LINE.pattern.test(labelText(line.content))) expect(mayBeLabel(line), line.content).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("still takes a label with the one-tag lines under it", () => {
    const tags = stage("tags");
    fc.assert(
      fc.property(lines, (texts) => {
        const { view, found } = findings(tags, texts);
        texts.forEach((text, i) => {
          const next = texts[i + 1];
          if (next !== undefined && TAG_LABEL_LINE.pattern.test(labelText(view.lines[i].content)) && /^\p{L}+$/u.test(next)) {
            expect(found.get(view.lines[i].contentStart)?.rule, text).toBe(TAG_LABEL_LINE.rule);
          }
        });
      }),
      { numRuns: 1500 },
    );
  });
});

describe("timestamps: the agency test behind the gate", () => {
  const parts = ["Brussels", "MOSCOW", "Paris, 7 April", "/", "|", "(", ")", "-", "–", ",", " ", "AFP", "Reuters", "REUTERS", "AP", "ap", "Associated Press", "Associated\u00a0Press", "dpa", "DPA", "EPA-EFE", "ТАСС", "РИА Новости", "Agência Brasil", "reuters", "the", "agency", ...AGENCIES.slice(0, 12)];
  it("finds a dateline line exactly where the dateline pattern run on every line does", () => {
    const { line: dateline } = datelinePatterns();
    const timestamps = stage("timestamps", { bylines: false });
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(" ", ""), (lines, joiner) => {
        const { view, found } = findings(timestamps, lines.map((l) => l.join(joiner)));
        for (const line of view.live()) {
          if (line.content.length > 80) continue;
          const plain = !isTimestamp(line.content) && dateline.test(line.content);
          expect(found.get(line.contentStart)?.rule === "meta/dateline", line.content).toBe(plain);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("finds on each short line what its tests run without gates find", () => {
    const { line: dateline } = datelinePatterns();
    const timestamps = stage("timestamps");
    const words = ["By", "by", "Von", "Автор:", "Jane", "Doe", "and", "Posted", "by admin", "on", "March", "3,", "2021", "05:27", "7", "hours", "ago", "Brussels", "/", "AFP", "(Reuters)", "the", "news", "ſ"];
    /** The first finding the plain tests give a line, as wholeLine asks them. */
    const plain = (content: string): string | undefined => {
      if (isTimestamp(content)) return "meta/timestamp";
      if (dateline.test(content)) return "meta/dateline";
      if (bylineName(content, 8)) return "meta/byline";
      const posted = POSTED_BY.exec(content);
      return posted && isTimestamp(posted[2]) ? "meta/timestamp" : undefined;
    };
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 5 }), (lines) => {
        const { view, found } = findings(timestamps, lines.map((l) => l.join(" ")));
        for (const line of view.live()) if (line.content.length <= 80) expect(found.get(line.contentStart)?.rule, line.content).toBe(plain(line.content));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds an inline dateline exactly where the prefix pattern run on the first paragraph does", () => {
    const { prefix } = datelinePatterns();
    const timestamps = stage("timestamps", { bylines: false });
    // Openings of each form, and near misses: an agency's name out of brackets, two capitals, a capital outside the BMP.
    const openings = ["BRUSSELS", "Brussels", "PARIS, 7 avril", "Madrid, 14 mar", "(ANSA)", "(AFP)", "(Reuters)", "(reuters)", "Reuters", "AP", "(AP)", "(Associated\tPress)", "UK", "𝐀𝐁𝐂", "ÉTATS-UNIS", "—", "–", "-", ".-", " ", ",", "ROMA, 7 APR"];
    const prose = "minister said on Tuesday that talks would go on for as long as it takes to agree on a plan for the region";
    const next = `MOSCOW (Reuters) - The ${prose}`;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...openings), { minLength: 1, maxLength: 6 }), fc.constantFrom(" ", ""), fc.constantFrom("The", "the"), fc.boolean(), (parts, joiner, article, shortFirst) => {
        const paragraph = `${parts.join(joiner)} ${article} ${prose}`;
        const { view, found } = findings(timestamps, [...(shortFirst ? ["Brussels / AFP"] : []), paragraph, next]);
        const first = view.live().find((line) => line.content.length > 80)!;
        const match = prefix.exec(first.text.slice(first.contentStart - first.start));
        const finding = found.get(first.contentStart);
        expect(finding?.rule === "meta/dateline" ? finding.end - finding.start : undefined, paragraph).toBe(match?.[0].length);
      }),
      { numRuns: 3000 },
    );
  });

  it("searches for an agency the scan cannot look for (one letter) without the gate", () => {
    const { found } = findings(stage("timestamps", { agencies: ["X"], bylines: false }), ["Brussels / X", "Brussels / Y"]);
    expect([...found.values()].map((d) => [d.rule, d.start])).toEqual([["meta/dateline", 0]]);
  });
});

describe("the stages' quick tests behind the gate", () => {
  // Each stage runs these on a line only when the line's scan found one of their literals.
  const patterns = { ICON_MARKER, MAY_SEPARATE, SENTENCE_BOUNDARY, ASCII_DIGIT, BYLINE_PREFIX, POSTED_BY };
  const gates = Object.entries(patterns).map(([name, pattern]) => ({ name, pattern: new RegExp(pattern.source, pattern.flags.replace("g", "")), gate: scanGate(pattern)! }));
  // The literals the link-list and duplicates stages name themselves, read off a content's single spaces.
  gates.push({ name: "SEPARATOR_LITERALS", pattern: MAY_SEPARATE, gate: literalGate(SEPARATOR_LITERALS, false)! });
  gates.push({ name: "SENTENCE_END_LITERALS", pattern: new RegExp(SENTENCE_BOUNDARY.source), gate: literalGate(SENTENCE_END_LITERALS, false)! });
  const parts = ["-", "_", "icon", "ICON", "İcon", "ıcon", "|", "•", "·", "/", "–", "—", " ", "  ", "\u00a0", "\u3000", "\t", ".", "!", "?", "…", "”", ")", "'", "»", "\"", "’", "0", "7", "٣", "By", "BY", "by", "Von", "par", "Автор:", "posted", "Posted", "published", "veröffentlicht", "von", "on", "at", ",", "March 3, 2021", "admin", "Jane Doe", "word", "ſ", "K"];
  it("let through every line whose content the pattern matches", () => {
    expect(gates.every(({ gate }) => gate !== undefined)).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(" ", ""), (lines, joiner) => {
        for (const line of splitLines(lines.map((l) => l.join(joiner)).join("\n"))) {
          for (const { name, pattern, gate } of gates) if (pattern.test(line.content)) expect(gate(line), `${name}: ${line.content}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
