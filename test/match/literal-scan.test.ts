// The one scan of each line (src/match/literal-scan.ts) may let through lines no rule matches,
// never stop one a rule matches: checked against a plain search for the literals, and its
// case fold against V8's own case-insensitive matching, on every character of the BMP.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitLines } from "../../src/core/lines.js";
import { ALWAYS, LiteralScanner, foldText, foldUnit, lineScanner, passes } from "../../src/match/literal-scan.js";
import { GateIndex, literalGate } from "../../src/match/line-rules.js";

const lineOf = (content: string) => splitLines(content)[0];

describe("the literal scan", () => {
  it("finds a rule's gate exactly when one of its literals occurs (case-insensitive, or as written for a case-sensitive rule)", () => {
    const letters = ["a", "b", "A", "B", "ab", "ba", "aab", " ", "é", "É"];
    const literal = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));
    const rule = fc.record({ literals: fc.array(literal, { minLength: 1, maxLength: 3 }), caseSensitive: fc.boolean() });
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(...letters, "c"), { maxLength: 30 }), (rules, parts) => {
        const scanner = new LiteralScanner();
        const gates = scanner.register(rules);
        const line = lineOf(parts.join("").trim() || "c");
        // The scan reads the line's content (white space runs collapsed), as the rules do.
        const content = line.content;
        const passing = scanner.passing(line);
        rules.forEach((r, i) => {
          // The scan looks for the first 8 units of a literal: the plain search does too.
          const heads = r.literals.map((l) => l.slice(0, 8));
          const plain = r.caseSensitive ? heads.some((l) => content.includes(l)) : heads.some((l) => foldText(content).includes(foldText(l)));
          // A literal of one cased letter rules nothing out: its rule is always tried.
          if (r.literals.some((l) => l.length === 1 && l.toLowerCase() !== l.toUpperCase())) expect(gates[i]).toBe(ALWAYS);
          expect(passes(gates[i], passing), `${JSON.stringify(r)} in ${JSON.stringify(content)}`).toBe(plain || gates[i] === ALWAYS);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("finds literals that overlap deep in the trie, past the states with full rows (a two-letter alphabet, long literals)", () => {
    const literal = fc.array(fc.constantFrom("a", "b"), { minLength: 2, maxLength: 8 }).map((units) => units.join(""));
    fc.assert(
      fc.property(fc.array(fc.array(literal, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom("a", "b", "B", "c"), { minLength: 1, maxLength: 80 }), (sets, units) => {
        const scanner = new LiteralScanner();
        const gates = scanner.register(sets.map((literals) => ({ literals, caseSensitive: false })));
        const content = units.join("");
        const passing = scanner.passing(lineOf(content));
        sets.forEach((literals, i) => {
          const plain = literals.some((l) => content.toLowerCase().includes(l));
          expect(passes(gates[i], passing), `${JSON.stringify(literals)} in ${content}`).toBe(plain);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("finds every literal that ends on a shallow state, the next units going on from there (repeats, overlaps, deeper literals through the same states)", () => {
    // Short literals end on the states with full rows, where the scan takes their endings without stepping again;
    // longer ones through the same states go on past them. Case mixed, a non-ASCII letter, and a surrogate pair in the lines.
    const pieces = ["a", "b", "ab", "ba", "bb", "é", "É", " "];
    const literal = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }).map((parts) => parts.join("").trim()).filter((l) => l.length > 1);
    const rule = fc.record({ literals: fc.array(literal, { minLength: 1, maxLength: 3 }), caseSensitive: fc.boolean() });
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 10 }), fc.array(fc.array(fc.constantFrom(...pieces, "A", "B", "c", "\ud83d\ude00"), { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 }), (rules, lines) => {
        const scanner = new LiteralScanner();
        const gates = scanner.register(rules);
        const found = lines.map((parts) => {
          const line = lineOf(parts.join("").trim() || "c");
          return { content: line.content, passing: scanner.passing(line), copy: [...scanner.passing(line)] };
        });
        for (const { content, passing, copy } of found) {
          // Each line keeps its own gates: a later line's scan does not change them.
          expect(passing).toEqual(copy);
          expect(new Set(passing).size).toBe(passing.length);
          rules.forEach((r, i) => {
            const heads = r.literals.map((l) => l.slice(0, 8));
            const plain = r.caseSensitive ? heads.some((l) => content.includes(l)) : heads.some((l) => foldText(content).includes(foldText(l)));
            expect(passes(gates[i], passing), `${JSON.stringify(r)} in ${JSON.stringify(content)}`).toBe(plain);
          });
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("numbers states past 65,535 (a user's thousands of phrases) and still finds each literal", () => {
    // 12,000 literals of 8 letters: ~70,000 states, more than 16-bit numbers can count.
    let seed = 7;
    const letter = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return String.fromCharCode(97 + ((seed >>> 0) % 26));
    };
    const literals = Array.from({ length: 12000 }, () => Array.from({ length: 8 }, letter).join(""));
    const scanner = new LiteralScanner();
    const gates = scanner.register(literals.map((literal) => ({ literals: [literal], caseSensitive: false })));
    for (const at of [0, 4321, 11999]) {
      const content = `x ${literals[at].toUpperCase()} y`;
      const passing = scanner.passing(lineOf(content));
      expect(passing).toContain(gates[at]);
      for (const gate of passing) expect(content.toLowerCase()).toContain(literals[gates.indexOf(gate)]);
    }
  });

  it("gives no gate to a rule without literals, with literals the fold cannot follow, or with a literal of one cased letter", () => {
    const scanner = new LiteralScanner();
    expect(scanner.register([{ literals: undefined, caseSensitive: false }, { literals: ["𐐀bc"], caseSensitive: false }, { literals: [""], caseSensitive: true }, { literals: ["size", "a"], caseSensitive: false }])).toEqual([ALWAYS, ALWAYS, ALWAYS, ALWAYS]);
    // One symbol is rare, unlike one letter: "©" stays a gate.
    const [copyright] = scanner.register([{ literals: ["©", "copyright"], caseSensitive: false }]);
    expect(copyright).not.toBe(ALWAYS);
    expect(scanner.passing(lineOf("© 2019 Example Media"))).toEqual([copyright]);
    expect(scanner.passing(lineOf("A story about a bridge"))).toEqual([]);
  });

  it("keeps each line's result, and scans again after a table registers more rules", () => {
    const scanner = new LiteralScanner();
    const [cookie] = scanner.register([{ literals: ["cookie"], caseSensitive: false }]);
    const line = lineOf("We use COOKIES and a newsletter");
    expect(scanner.passing(line)).toEqual([cookie]);
    const [newsletter] = scanner.register([{ literals: ["newsletter"], caseSensitive: false }]);
    expect([...scanner.passing(line)].sort()).toEqual([cookie, newsletter]);
  });
});

describe("foldUnit", () => {
  it("maps every pair of characters V8 matches case-insensitively (u flag) to the same unit", () => {
    const mismatches: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      const char = String.fromCharCode(unit);
      const variants = new Set([char.toLowerCase(), char.toUpperCase(), char.toUpperCase().toLowerCase()].filter((v) => v.length === 1 && v !== char));
      if (variants.size === 0) continue;
      const same = new RegExp(`^[\\u{${unit.toString(16)}}]$`, "iu");
      for (const variant of variants) if (same.test(variant) && foldUnit(variant.charCodeAt(0)) !== foldUnit(unit)) mismatches.push(`${char} ${variant}`);
    }
    // Pairs no case mapping links directly: the fold reaches them through a third member.
    for (const [a, b] of [["ſ", "s"], ["K", "k"], ["µ", "μ"], ["ς", "σ"], ["ẞ", "ß"], ["Å", "å"], ["ϐ", "β"], ["ι", "ι"]]) {
      expect(new RegExp(`^${a}$`, "iu").test(b), `${a} ${b}`).toBe(true);
      if (foldUnit(a.charCodeAt(0)) !== foldUnit(b.charCodeAt(0))) mismatches.push(`${a} ${b}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("foldText", () => {
  /** The plain fold: each unit through foldUnit. */
  const plainFold = (text: string) => Array.from({ length: text.length }, (_, i) => String.fromCharCode(foldUnit(text.charCodeAt(i)))).join("");

  it("folds each unit as foldUnit does, ASCII texts (lower-cased at once) and others alike", () => {
    const ascii = Array.from({ length: 0x80 }, (_, unit) => String.fromCharCode(unit)).join("");
    expect(foldText(ascii)).toBe(plainFold(ascii));
    const units = ["a", "Z", "k", "S", "0", " ", "-", "\x7f", "\0", "é", "É", "ſ", "K", "ß", "ẞ", "Σ", "ς", "İ", "ı", "Ω", "Ж", "ж", "\ud83d"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(foldText(text), JSON.stringify(text)).toBe(plainFold(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("a table's gate index", () => {
  it("lists, in table order, exactly the rules whose gate passed and those the scan cannot gate", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(ALWAYS, 0, 1, 2, 3, 4), { maxLength: 12 }), fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 5 }), (gates, passing) => {
        const plain = gates.flatMap((gate, rule) => (passes(gate, passing) ? [rule] : []));
        expect(new GateIndex(gates).tried(passing)).toEqual(plain);
      }),
      { numRuns: 2000 },
    );
  });

  it("lists the same rules by its group's bit as by the line's passing gates (tables past the 30 bits too)", () => {
    const letters = ["a", "b", "A", "ab", "ba", "c", "é"];
    const literal = fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 3 }).map((parts) => parts.join(""));
    const table = fc.array(fc.oneof(fc.array(literal, { minLength: 1, maxLength: 2 }), fc.constant(undefined)), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(table, { minLength: 1, maxLength: 40 }), fc.array(literal, { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom(...letters, " "), { maxLength: 20 }), (tables, own, parts) => {
        // In the process's one scanner, as the stages register: each table, and a stage's own literals, a group.
        const indexes = tables.map((rules) => {
          const gates = lineScanner.register(rules.map((literals) => ({ literals, caseSensitive: false })));
          return new GateIndex(gates, lineScanner.bitOf(gates));
        });
        const gate = literalGate(own, false)!;
        const line = lineOf(parts.join("").trim() || "c");
        const passing = lineScanner.passing(line);
        for (const index of indexes) expect(index.triedOn(line)).toEqual(index.tried(passing));
        expect(gate(line)).toBe(own.some((l) => foldText(line.content).includes(foldText(l))));
      }),
      { numRuns: 300 },
    );
  });
});
