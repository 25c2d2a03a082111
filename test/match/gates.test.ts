// The quick tests derived from the rule tables (src/match/gates.ts, widgets.ts,
// boilerplate-phrases' word count) may only rule out lines that no rule matches: each
// is checked on every table example and against the plain code on generated lines.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDocument } from "../../src/core/document.js";
import { LineView } from "../../src/core/lines.js";
import { COUNTER_RULES, FURNITURE_RULES } from "../../src/rules/boilerplate.js";
import { CAPTION_RULES } from "../../src/rules/captions.js";
import { SOURCE_CREDIT_RULES } from "../../src/rules/credits.js";
import { COMMENT_RULES } from "../../src/rules/comments.js";
import { TAG_LINE_RULES } from "../../src/rules/tags.js";
import { RELATED_LABEL_RULES, RELATED_RULES } from "../../src/rules/related.js";
import type { LineRule } from "../../src/rules/types.js";
import { WIDGET_FILLER, WIDGET_RULES, WIDGET_WORDS } from "../../src/rules/widgets.js";
import "../../src/stages/all.js";
import { countWords, createBoilerplatePhrases, BoilerplatePhrasesOptions, splitLinkList } from "../../src/stages/boilerplate-phrases.js";
import { caseFolded } from "../../src/match/line-rules.js";
import { compileLineRules, compileSearchRules, labelText, literalGate, matchLine } from "../../src/match/line-rules.js";
import { longestMatch, openingCharacters, requiredLiterals } from "../../src/match/gates.js";
import { foldUnit, lineScanner, passes } from "../../src/match/literal-scan.js";
import { splitLines, wordsUpTo } from "../../src/core/lines.js";
import { mayBeWidgetWordLine, WIDGET_WORD_LITERALS } from "../../src/stages/widgets.js";
import { isWidgetWordLine } from "../../src/stages/widgets.js";
import { realTexts } from "./real-texts.js";
import { FirstPlaces, SENTENCE_BOUNDARY, SentenceIndex, sentenceBounds, shapeOf } from "../../src/stages/duplicates.js";
import type { Line } from "../../src/core/lines.js";

const LINE_TABLES: Record<string, readonly LineRule[]> = { WIDGET_RULES, COMMENT_RULES, RELATED_RULES, RELATED_LABEL_RULES, TAG_LINE_RULES, CAPTION_RULES, SOURCE_CREDIT_RULES };
const PHRASE_RULES = [...COUNTER_RULES, ...FURNITURE_RULES];

describe("longestMatch", () => {
  it.each([
    [/abc/u, 3],
    [/a|bcd/u, 3],
    [/a{2,5}b?/u, 6],
    [/(?:ab){0,3}/u, 6],
    [/[\p{L} ]{1,20}/u, 40], // a letter may be a surrogate pair
    [/[a-z ]{1,20}/u, 20],
    [/x\s?y/u, 3],
    [/^(?=ab)a\b$/u, 1],
    [/a+/u, Infinity],
    [/.*/u, Infinity],
    [/(a)\1/u, Infinity], // back-references: not modelled, no gate
  ])("%s spans at most %d code units", (re, n) => {
    expect(longestMatch(re)).toBe(n);
  });

  it("is never shorter than what a rule matches in its example", () => {
    for (const [name, table] of Object.entries(LINE_TABLES)) {
      const rules = compileLineRules(table);
      for (const rule of rules) {
        const label = labelText(rule.example.replace(/\s+/g, " ").trim());
        expect(rule.full.test(label), `${name} ${rule.rule}: ${rule.example}`).toBe(true);
        expect(label.length, `${name} ${rule.rule}: ${rule.example}`).toBeLessThanOrEqual(rule.longest);
      }
    }
  });

  it("bounds every match of generated text", () => {
    const patterns = [/(?:share|print) (?:this|the) [\p{L} ]{1,5}/u, /\d{1,3}(?:[.,]\d+)? ?(?:k|views?)/u, /a.{0,4}b|c[^x]{2}/u];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "c", "x", " ", "𝐀", "share ", "this ", "1", ",", "views", "é"), maxLength: 30 }), (text) => {
        for (const re of patterns) for (const m of text.matchAll(new RegExp(re.source, "gu"))) expect(m[0].length).toBeLessThanOrEqual(longestMatch(re));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("requiredLiterals and the gates of the line scan", () => {
  it.each([
    [/send (?:this|it) to a friend/u, ["send this to a friend", "send it to a friend"]],
    [/(?:share|email) this/u, ["share this", "email this"]], // neighbours' literals multiply
    [/(?:share|email) (?:it|me)/u, ["share it", "share me", "email it", "email me"]],
    [/\bcookies?\b/iu, ["cookie", "cookies"]],
    [/a[\p{L}]{1,20} (?:web)?site/u, [" site", " website"]],
    [/(?:click|tap)[a-z]+(?:here|there)/u, ["here", "there"]], // the set whose shortest literal is longest
    [/a?b*/u, undefined],
    [/[abc]+x?/u, ["a", "b", "c"]], // a class of a few characters: each of them
    [/[-_]|icon/i, ["-", "_", "icon"]],
    [/x[ab]y/u, ["xay", "xby"]],
    [/\d{1,2}:\d{2}/u, [":"]],
    [/[0-9]/, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]],
    [/[a-z]+/u, undefined], // too many to list
    [/[^ab]/u, undefined],
    [/[\sab]/u, undefined],
  ])("%s needs one of %j", (re, literals) => {
    expect(requiredLiterals(re)).toEqual(literals);
  });

  it("names a literal of every match of a pattern with small classes (generated text)", () => {
    const patterns = [/[-_]|icon/i, /[|•·]|\s[/–—-]\s/u, /[0-9]/, /x[ab]y/iu, /\d{1,2}[:.h]\d{2}/, /[.!?…]["'”’»)]*(\s+)/, /n[oa]s? (?:[a-c]|z)q/iu];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "B", "x", "Y", "-", "_", "ICON", "icon", "|", "•", " ", "/", "–", "1", "9", ":", "h", ".", "!", "”", "n", "O", "s", "q", "Z"), maxLength: 24 }), (text) => {
        for (const re of patterns) {
          if (!new RegExp(re.source, re.flags.replace("g", "")).test(text)) continue;
          const fold = (s: string) => (re.flags.includes("i") ? s.toLowerCase() : s);
          expect(requiredLiterals(re)!.some((literal) => fold(text).includes(fold(literal))), `${re} on ${text}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  /** A line object for a content, as splitLines makes it. */
  const lineOf = (content: string) => splitLines(content)[0];

  it("lets every example of every table through its rule's gate in the line scan", () => {
    for (const rule of compileSearchRules(PHRASE_RULES).rules) {
      expect(passes(rule.gate, lineScanner.passing(lineOf(rule.example))), `${rule.rule} ${rule.lang}: ${rule.example}`).toBe(true);
    }
    for (const table of Object.values(LINE_TABLES)) {
      for (const rule of compileLineRules(table)) {
        expect(passes(rule.gate, lineScanner.passing(lineOf(rule.example))), `${rule.rule}: ${rule.example}`).toBe(true);
      }
    }
  });

  it("stops a line only when the rule does not match it (generated lines, letters of every case)", () => {
    const search = compileSearchRules(PHRASE_RULES).rules;
    const words = [...new Set(search.flatMap((r) => r.example.split(" ")))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words, "The", "ſite", "COOKIES", "Cookie", "Ⅽookie", "İ", "ß", "Σ", "|", "©", "2019", "x"), { minLength: 1, maxLength: 12 }), (parts) => {
        const line = lineOf(parts.join(" "));
        const passing = lineScanner.passing(line);
        const lower = line.content.toLowerCase();
        for (const rule of search) if (!passes(rule.gate, passing)) expect(rule.matches(line.content, lower), `${rule.rule}: ${line.content}`).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

/** mayBeWidgetWordLine is true of every line isWidgetWordLine takes: lines of 1 to `mostWords` of the parts, joined by one of the joiners. */
function neverRulesOutAWidgetWordLine(parts: readonly string[], joiners: readonly string[], mostWords: number, numRuns: number): void {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: mostWords }), fc.constantFrom(...joiners), (words, joiner) => {
      const line = words.join(joiner);
      if (isWidgetWordLine(line)) expect(mayBeWidgetWordLine(line), line).toBe(true);
    }),
    { numRuns },
  );
}

describe("mayBeWidgetWordLine", () => {
  const vocabulary = [...WIDGET_WORDS, ...WIDGET_FILLER];

  it("lets every line made of widget words through", () => {
    for (const word of vocabulary) {
      for (const line of [word, `${word} Print`, `| ${word.toUpperCase()} |`, `(${word}): 12`, `» ${word} • Email`]) {
        if (isWidgetWordLine(line)) expect(mayBeWidgetWordLine(line), line).toBe(true);
      }
    }
  });

  it("is false only when isWidgetWordLine is (generated lines)", () => {
    const parts = [...vocabulary, ...vocabulary.map((w) => w.toUpperCase()), "12", "1.5k", "|", "•", "/", "»", "(", ")", ":", "_", "copy_link", "news", "ΑΣ", "İ", "x", "Baixar", "Pint", "Flip", "banned", "Home"];
    neverRulesOutAWidgetWordLine(parts, [" ", "", " | "], 8, 5000);
  });

  it("is false only when isWidgetWordLine is (short lines with unknown words)", () => {
    const parts = [...vocabulary.slice(0, 40), "copy link", "copy", "link", "Print", "12", "|", "_", "(", "Business", "News", "Home", "Pint", "x", "Contact Us", "Σ", "ΑΣ", "İ", "Baixar", "Politics"];
    neverRulesOutAWidgetWordLine(parts, [" ", " | ", ", ", " / "], 5, 5000);
  });
});

describe("mayBeWidgetWordLine reading every word", () => {
  const vocabulary = [...WIDGET_WORDS, ...WIDGET_FILLER];

  it("is false only when isWidgetWordLine is (lines of up to 14 words: phrases, stripped characters, one or two unknown words anywhere)", () => {
    const parts = [...vocabulary, "copy link", "(copy", "link)", "copy_link", "e.mail", "Share:", "[Print]", "12", "3,4к", "|", "•", "(", ")", "Pint", "Baixar", "If", "more", "Business", "aggressive", "Russia", "ΑΣ", "İ"];
    neverRulesOutAWidgetWordLine(parts, [" ", " | ", ", "], 14, 8000);
  });

  it("stops a sentence that opens with a short word and a filler", () => {
    expect(mayBeWidgetWordLine("If a more aggressive Russia is a concern, NATO also recognises Moscow cannot be ignored.")).toBe(false);
    expect(mayBeWidgetWordLine("Whatsapp Facebook Pint Baixar")).toBe(true);
    expect(mayBeWidgetWordLine("Facebook Pint Baixar")).toBe(false);
  });
});

describe("the widget-word gate in the line scan", () => {
  const gate = literalGate(WIDGET_WORD_LITERALS, false, true)!;
  const lineOf = (content: string) => splitLines(content)[0];
  const vocabulary = [...WIDGET_WORDS, ...WIDGET_FILLER];
  const parts = [...vocabulary, ...vocabulary.map((w) => w.toUpperCase()), ...vocabulary.map((w) => w[0].toUpperCase() + w.slice(1)), "12", "1.5k", "|", "•", "/", "»", ":", "_", "(", ")", "!", ".", "copy_link", "sha.re", "e-mail", "FACEBOOK", "ſhare", "İ", "Σ", "Business", "Pint", "x", "X", "Home"];
  it("lets through every line isWidgetWordLine takes", () => {
    expect(gate).toBeDefined();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 6 }), fc.constantFrom(" ", "", " | ", ", "), (words, joiner) => {
        const line = lineOf(words.join(joiner));
        if (line.content && isWidgetWordLine(line.content)) expect(gate(line), line.content).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("lets through every line isWidgetWordLine takes with stripped characters inside its words", () => {
    const word = fc
      .tuple(fc.constantFrom(...vocabulary, ...vocabulary.map((w) => w.toUpperCase())), fc.array(fc.tuple(fc.nat(), fc.constantFrom("_", "(", ")", "[", "]", ":", "!", ".")), { maxLength: 3 }))
      .map(([w, marks]) => marks.reduce((out, [at, mark]) => out.slice(0, at % (out.length + 1)) + mark + out.slice(at % (out.length + 1)), w));
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.constantFrom("12", "|", "Business", "Pint", "Home", "the")), { minLength: 1, maxLength: 5 }), fc.constantFrom(" ", " | ", ", "), (words, joiner) => {
        const line = lineOf(words.join(joiner));
        if (line.content && isWidgetWordLine(line.content)) expect(gate(line), line.content).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("rules out menu lines without a widget word, and sentences' stops", () => {
    for (const text of ["Business", "Contact Us", "Privacy Policy", "World News", "The council met on Tuesday. It voted.", "Results: 3-1!"]) expect(gate(lineOf(text)), text).toBe(false);
  });
});

describe("boilerplate-phrases with its quick tests", () => {
  const options = BoilerplatePhrasesOptions.parse({});
  const stage = createBoilerplatePhrases(options);
  const rules = caseFolded(PHRASE_RULES);
  /** The stage's rule choice as plain code: count words, take the first rule that matches. */
  const plainRule = (content: string) => {
    const words = countWords(content);
    return rules.find((r) => words <= r.maxWords && r.matches(content, content.toLowerCase()))?.rule;
  };

  /**
   * The stage's findings as plain code, in its order: each live line's rule in line order, with its word
   * count, then the link lists the split finds among the lines no rule took.
   */
  const plainFindings = (view: LineView) => {
    const live = view.live();
    const table = live.flatMap((l) => {
      const rule = plainRule(l.content);
      return rule ? [{ rule, start: l.contentStart, words: countWords(l.content) }] : [];
    });
    const lists = live
      .filter((l) => !plainRule(l.content) && splitLinkList(l.content, options.linkListItems, options.linkListItemWords))
      .map((l) => ({ rule: "boilerplate/link-list", start: l.contentStart, words: countWords(l.content) }));
    return [...table, ...lists];
  };

  it("finds the rule the plain code finds on every line, with its word count, and the link lists after (generated documents)", () => {
    const words = [...new Set(rules.flatMap((r) => r.example.split(" ")))];
    // Words in capitals too: a rule tied to the line's start is ruled out by its first unit, folded. Lines of
    // every length up to 70 words (fast-check draws short arrays by default): a rule's regex is tried
    // before the line's words are counted, so a line it matches may still have too many words. Menu
    // items and bars make link lists, some of them also a rule's line ("Privacy Policy | Terms of Use").
    const line = fc
      .array(fc.constantFrom(...words, ...words.map((w) => w.toUpperCase()), "the", "and", "|", "|", "•", "©", "2019", "long", "ſ", "İ", "News", "Sport", "Contact"), { minLength: 1, maxLength: 70, size: "max" })
      .map((p) => p.join(" "));
    const menu = fc.array(fc.constantFrom("News", "Sport", "Privacy Policy", "Terms of Use", "Impressum", "Datenschutz", "Sign In", "the end."), { minLength: 1, maxLength: 6 }).map((p) => p.join(" | "));
    // Scanned first: as behind an earlier stage, the words are counted only for the rules the scan lets through.
    fc.assert(
      fc.property(fc.array(fc.oneof(line, menu), { minLength: 1, maxLength: 6 }), fc.boolean(), (lines, scannedFirst) => {
        const doc = createDocument({ id: "t", source: "t", raw: lines.join("\n") });
        const view = new LineView(doc);
        if (scannedFirst) for (const l of view.lines) lineScanner.passing(l);
        const found = stage.detect({ doc, lines: view }).map((d) => ({ rule: d.rule, start: d.start, words: d.features?.words }));
        expect(found, lines.join("\n")).toEqual(plainFindings(view));
      }),
      { numRuns: 400 },
    );
  });

  it("admits a line of exactly a rule's most words, and not one more (each rule's example, padded)", () => {
    for (const rule of rules) {
      const own = countWords(rule.example);
      for (const extra of [rule.maxWords - own, rule.maxWords - own + 1]) {
        if (extra < 0) continue;
        for (const content of [`${rule.example} ${"long ".repeat(extra)}`.trim(), `${"long ".repeat(extra)}${rule.example}`]) {
          const doc = createDocument({ id: "t", source: "t", raw: content });
          const view = new LineView(doc);
          lineScanner.passing(view.lines[0]);
          const finding = stage.detect({ doc, lines: view }).find((d) => d.rule !== "boilerplate/link-list");
          expect(finding?.rule, content).toBe(plainRule(content));
          if (finding) expect(finding.features?.words, content).toBe(countWords(content));
        }
      }
    }
  });
});

describe("duplicates' shortcuts", () => {
  const text = fc.string({ unit: fc.constantFrom("a", " ", ".", "!", "…", "”", "»", "\u00a0", "\n", "😀", "\ud83d"), maxLength: 30 });

  it("a line of n words or more, as duplicates asks (wordsUpTo(s, n) >= n), is split(' ').length >= n", () => {
    fc.assert(
      fc.property(text, fc.nat({ max: 8 }), (s, n) => {
        expect(wordsUpTo(s, n) >= n).toBe(s.split(" ").length >= n);
      }),
      { numRuns: 3000 },
    );
  });

  it("sentenceBounds splits as the Unicode-mode boundary pattern does", () => {
    const unicodeBounds = (s: string) => {
      const starts = [0];
      const ends: number[] = [];
      for (const m of s.matchAll(/[.!?…]["'”’»)]*(\s+)/gu)) {
        const after = m.index + m[0].length;
        ends.push(after - m[1].length);
        if (after < s.length) starts.push(after);
      }
      ends.push(s.length);
      return { starts, ends };
    };
    fc.assert(
      fc.property(text, (s) => {
        expect(sentenceBounds(s)).toEqual(unicodeBounds(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("sentenceBounds finds SENTENCE_BOUNDARY's matches (every mark, closer and space; real texts)", () => {
    const plainBounds = (s: string) => {
      const starts = [0];
      const ends: number[] = [];
      for (const m of s.matchAll(SENTENCE_BOUNDARY)) {
        const after = m.index + m[0].length;
        ends.push(after - m[1].length);
        if (after < s.length) starts.push(after);
      }
      ends.push(s.length);
      return { starts, ends };
    };
    const units = fc.string({ unit: fc.constantFrom("a", " ", ".", "!", "?", "…", "\"", "'", "”", "’", "»", ")", "(", "\t", "\u2028", "\u3000", "\ufeff", "\u200b"), maxLength: 30 });
    fc.assert(
      fc.property(units, (s) => {
        expect(sentenceBounds(s)).toEqual(plainBounds(s));
      }),
      { numRuns: 5000 },
    );
    for (const t of realTexts()) expect(sentenceBounds(t)).toEqual(plainBounds(t));
  });

  // The stage's maps are keyed by a text's shape (length and a few units), not the text: checked against
  // maps keyed by the text, on lines of few units so that many different lines share a shape.
  // Lines of sentences made of two words and the marks (many repeats, many sentences of one shape), and lines of any units.
  const sentence = fc.tuple(fc.array(fc.constantFrom("a", "b", "ab", "ba", "aab", "😀"), { minLength: 1, maxLength: 3 }), fc.constantFrom(".", "!", "?", "…", ".”", "!)", "")).map(([words, mark]) => words.join(" ") + mark);
  const line = fc.oneof(
    fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(" ")),
    fc.string({ unit: fc.constantFrom("a", "b", "A", " ", ".", "!", "?", "…", "”", ")", "é", "😀"), maxLength: 14 }).map((s) => s.replace(/ +/g, " ").trim()).filter((s) => s !== ""),
  );
  const contents = fc.array(line, { maxLength: 40 });

  it("FirstPlaces gives each key's first place as a map keyed by the text does", () => {
    fc.assert(
      // And keys of nine a's and b's: those that differ only between the units a shape reads share it.
      fc.property(fc.array(fc.oneof(line, fc.string({ unit: fc.constantFrom("a", "b"), minLength: 9, maxLength: 9 })), { maxLength: 40 }), (keys) => {
        const places = new FirstPlaces();
        const plain = new Map<string, number>();
        keys.forEach((key, at) => {
          expect(places.firstOrAdd(key, shapeOf(key, 0, key.length), at)).toBe(plain.get(key) ?? -1);
          if (!plain.has(key)) plain.set(key, at);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it("SentenceIndex finds the host that an index keyed by the first sentence's text finds", () => {
    fc.assert(
      fc.property(contents, (texts) => {
        const index = new SentenceIndex();
        const added: Array<{ host: Line; text: string; bounds: ReturnType<typeof sentenceBounds> }> = [];
        texts.forEach((text, at) => {
          const host = { index: at } as Line;
          const bounds = sentenceBounds(text);
          // The plain index: every entry whose first sentence from its start is the text's first sentence, in order.
          const first = text.slice(0, bounds.ends[0]);
          let plain: Line | undefined;
          for (const entry of added) {
            const { starts, ends } = entry.bounds;
            if (ends.length === 1) continue;
            for (const start of starts) {
              const end = ends.find((e) => e > start)!;
              if (plain === undefined && entry.text.slice(start, end) === first && text.length < entry.text.length && entry.text.startsWith(text, start) && ends.includes(start + text.length)) plain = entry.host;
            }
          }
          expect(index.hostOf(text, bounds, shapeOf(text, 0, text.length))?.index).toBe(plain?.index);
          index.add(host, text, bounds);
          added.push({ host, text, bounds });
        });
      }),
      { numRuns: 3000 },
    );
  });
});

describe("openingCharacters", () => {
  it.each([
    [/^(?:ad|anzeige|werbung)$/iu, "aw"],
    [/^(?:log ?in|sign ?in)$|\balready a subscriber\?/iu, undefined], // one branch is not tied to the start
    [/\b^(?=x)(?:ab|c)/u, "ac"], // zero-width items before and after the ^
    [/^a?b/u, "ab"],
    [/^a?/u, undefined], // matches the empty text at the start of any text
    [/(?:^a)+b/u, "a"],
    [/a?^b/u, undefined], // an item that may match text before the ^: not taken as tied
    [/^\d{2}:/u, "0123456789"],
    [/^[\p{L}]x/u, undefined], // a class too large to list
    [/^.x/u, undefined],
    [/^𝐀x/u, undefined], // an astral character is no single unit
  ])("%s matches only a text starting with one of %j", (re, opens) => {
    expect(openingCharacters(re)).toBe(opens);
  });

  it("is not claimed with the m flag, where ^ also matches after a line break", () => {
    expect(openingCharacters(/^ab/mu)).toBeUndefined();
  });

  it("holds for every text a pattern matches (generated text)", () => {
    const patterns = [/^ad|views/iu, /^(?:ad|Anzeige)(?:\s*more)?$/iu, /^(?:x|y)?[ab]c|^d/u, /^(?:\d+ )?(?:views?|shares?)$/iu, /^a\s?a\s?a$/iu, /^(?:ſhare|k)/iu];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "A", "b", "c", "d", "x", "y", " ", "1", "views", "SHARE", "ſ", "K", "k", "ad", "AD", "Anzeige", "more"), maxLength: 20 }), (text) => {
        for (const re of patterns) {
          const fold = (unit: number) => (re.flags.includes("i") ? foldUnit(unit) : unit);
          const opens = openingCharacters(re);
          if (opens === undefined || !new RegExp(re.source, re.flags).test(text)) continue;
          expect([...opens].some((c) => fold(c.charCodeAt(0)) === fold(text.charCodeAt(0))), `${re} on ${text}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("lets every phrase rule's example through its opening characters", () => {
    for (const rule of compileSearchRules(PHRASE_RULES).rules) {
      const opens = openingCharacters(rule.text);
      const text = rule.onLower ? rule.example.toLowerCase() : rule.example;
      if (opens !== undefined) expect([...opens].some((c) => foldUnit(c.charCodeAt(0)) === foldUnit(text.charCodeAt(0))), `${rule.rule}: ${rule.example}`).toBe(true);
    }
  });

  it("folds a lower-cased line's first unit as the line's own (what search mode reads instead of lower-casing)", () => {
    const mismatches: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      const lower = String.fromCharCode(unit).toLowerCase().charCodeAt(0);
      if (foldUnit(lower) !== foldUnit(unit)) mismatches.push(String.fromCharCode(unit));
    }
    // Final sigma: the line's "Σ" lower-cases to "ς" or "σ" by what follows, and both fold as "Σ" does.
    expect(foldUnit("ς".charCodeAt(0))).toBe(foldUnit("Σ".charCodeAt(0)));
    expect(mismatches).toEqual([]);
  });
});

describe("matchLine with the tables' quick tests", () => {
  it("finds the rule a plain search of the table finds (generated lines)", () => {
    for (const [name, table] of Object.entries(LINE_TABLES)) {
      const rules = compileLineRules(table);
      const words = [...new Set(table.flatMap((r) => r.example.split(/\s+/)))];
      fc.assert(
        // Words in other cases too, and letters that fold unlike their look (ſ, K, İ): the first-unit test folds them.
        fc.property(fc.array(fc.constantFrom(...words, ...words.map((w) => w.toUpperCase()), "the", "|", "»", "Photo:", "AFP", "afp", "2016", "SHARE", "ſhare", "A A A", "a+ a-", "Ｆont", "K", "İ", "ſ"), { minLength: 1, maxLength: 10 }), (parts) => {
          const content = parts.join(" ");
          const line = { index: 0, start: 0, end: content.length, text: content, contentStart: 0, contentEnd: content.length, content };
          const label = labelText(content);
          const plain = label && content.length <= 800 ? rules.find((r) => r.full.test(label)) : undefined;
          expect(matchLine(line, rules, 800)?.rule, `${name}: ${content}`).toBe(plain?.rule);
          expect(matchLine(line, rules, 800)?.reason).toBe(plain?.reason);
        }),
        { numRuns: 500 },
      );
    }
  });
});
