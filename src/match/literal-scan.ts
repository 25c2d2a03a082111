// One scan per line for every rule table of the process. Each rule needs one of a few
// literals (./gates.ts reads them off its pattern); all of them, from every table of every
// stage, go into one Aho-Corasick automaton that reads a line's content once. A rule is
// then tried only on the lines where one of its literals was seen, so a stage asks a
// handful of rules per line instead of its whole table. (modern-ahocorasick, the npm
// automaton, matches grapheme clusters and took over a second per pass over the benchmark
// lines with these 1,700 literals: this one reads UTF-16 units, as the regexes do.)
//
// Case: the automaton reads each unit through `foldUnit`, which maps every character to
// one of its case variants, so a literal of an "i" rule is seen whatever its case. It may
// merge more than the regexes do ("ß" with "s", "İ" with "i"): a gate that lets a line
// through only costs a regex run; one that stops a line a rule would match changes the
// output, so a literal whose case variants the fold cannot follow (astral letters, a
// combining dot) makes its rule untested by the scan (always tried).
import type { Line } from "../core/lines.js";
import { unitAt } from "./units.js";

/** Folded units by unit, filled on first sight (0: not yet folded; unit 0 folds to itself). */
const folded = new Uint16Array(0x10000);

/** One case variant of the unit that every case variant of it maps to (see the file's head). */
export function foldUnit(unit: number): number {
  const known = folded[unit];
  if (known !== 0 || unit === 0) return known;
  let now = unit;
  // Lower of upper, first unit of expansions, until it settles ("ẞ" -> "ß" -> "s").
  for (let round = 0; round < 4; round++) {
    const next = String.fromCharCode(now).toUpperCase().toLowerCase().charCodeAt(0);
    if (next === now || Number.isNaN(next)) break;
    now = next;
  }
  folded[unit] = now;
  return now;
}

/** Only ASCII units: the fold of such a text is its lower case (an ASCII letter folds to its lower case, any other ASCII unit to itself). */
const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function foldText(text: string): string {
  // Most literals are ASCII: one native test and lower-casing instead of a call per unit, in code
  // that runs once per literal at start, never optimised (2,464 literals for the news pipeline).
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  // Others are mostly folded already (lower-case): those are returned as they are, unbuilt.
  let i = 0;
  while (i < text.length && foldUnit(text.charCodeAt(i)) === text.charCodeAt(i)) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
}

/** Literals whose case variants the unit fold cannot follow: their rules are always tried. */
const UNFOLDABLE = /[\ud800-\udfff\u0307]/; // no u flag: a surrogate pair is two units here

/**
 * A literal of one cased letter ("a" of /a\s?a\s?a/, the font-size buttons "A A A") is in almost every
 * line of its script, so it rules nothing out, and the scan would stop on each of its occurrences:
 * its rule is always tried instead. (One symbol, "©", is rare: it stays a gate. Tested by its case
 * forms, not by /^\p{L}$/u: compiling a Unicode property class cost ~4 ms of the first document.)
 */
const isOneCasedLetter = (literal: string): boolean => literal.length === 1 && literal.toLowerCase() !== literal.toUpperCase();

/** Units of a literal the automaton looks for (its head): longer literals add states, not selectivity. */
const LITERAL_HEAD = 8;

/** A gate handed to a rule: a number for a scan gate, ALWAYS for a rule the scan cannot gate. */
export const ALWAYS = -1;

/** A literal's gate, and for a case-sensitive rule the literal as written (the fold found it in any case). */
interface Ending {
  gate: number;
  exact?: string;
}

/** Most classes of units an automaton may have (one per distinct unit of its literals, and 0: 111 for the news pipeline): its mark of a unit not classed yet, `classes`, is a Uint16. */
const MOST_CLASSES = 0xffff;

/**
 * States of this depth or less get a full row of next states; deeper ones keep only their trie
 * edges and follow their failure link. Full rows for all 4,737 states of the news pipeline were
 * 814 kB, written once on the first document in fresh pages (their page faults ~4 ms, measured
 * alone); rows for depth 4 or less are 1,431 states, 246 kB, and a scan, which mostly stays near
 * the root, reads lines as fast (0.99-1.03x over the 10 MB bench JSONL's lines; depth 2: 0.74x).
 */
const DENSE_DEPTH = 4;

/**
 * Writes the entries of the dense states first..last - 1 as those of their failures, column by column. A function
 * of its own: its small loop is optimised soon and cheaply, where in the automaton's constructor (150,000 entries for
 * the news pipeline) it added ~10 ms of interpreted steps and compiling to every start.
 */
function inheritFailures(next: Uint16Array | Uint32Array, fail: Uint16Array | Uint32Array, dense: number, classes: number, first: number, last: number): void {
  for (let c = 1; c < classes; c++) {
    const column = c * dense;
    for (let n = first; n < last; n++) next[column + n] = next[column + fail[n]];
  }
}

class Automaton {
  /** Class of each unit that occurs in a literal (0: in none). */
  readonly classOf = new Uint16Array(0x10000);
  readonly classes: number;
  /**
   * States are numbered breadth first, so the `dense` states of depth DENSE_DEPTH or less come
   * first, and the children of each state are a run of numbers: state s's are firstChild[s]
   * up to firstChild[s + 1], each reached by the class edgeClass[child].
   */
  readonly dense: number;
  /**
   * The step from a dense state, at class * dense + state (failures already followed): the next state
   * itself when it is dense and no literal ends there, the only case the scan's inner loop handles;
   * else `dense` + the next state (the column of the units not classed yet, class `classes`, holds
   * `dense` + the number of states, no state), so that one test, entry < dense, tells the scan it can
   * go on (and an entry below 2 * dense is a dense state where literals end, stepped to at once). By
   * class, not by state: the states a scan is in most, the shallowest, have the smallest numbers, so
   * the entries it reads most are in a few cache lines at the head of each class's column (rows by
   * state, 112 entries each for the news pipeline, spread them over the whole table).
   */
  readonly next: Uint16Array | Uint32Array;
  readonly firstChild: Uint16Array | Uint32Array;
  readonly edgeClass: Uint16Array;
  /** Longest proper suffix of each state that is a state. */
  readonly fail: Uint16Array | Uint32Array;
  /**
   * The literals that end at each state (its own and those of its failure chain), flat: state s's
   * are endGate[endFrom[s]..endFrom[s + 1]), with endExact the text of a case-sensitive one.
   */
  readonly endFrom: Uint32Array;
  readonly endGate: Int32Array;
  readonly endExact: Array<string | undefined>;
  /** 1 for the states where a literal ends: a byte per state, read for every unit, stays in the cache. */
  readonly ends: Uint8Array;
  /** classOf[foldUnit(unit)] by unit, filled as units come (`classes` until then, see `next`): one look per unit. */
  readonly #classOfUnit: Uint16Array;

  constructor(literals: ReadonlyMap<string, Ending[]>) {
    // This runs once per process, on the first document, in code not yet optimised: work done by
    // natives (a sort, a join, typed arrays copied) costs little, a step per unit in JS a lot, so
    // the trie's loop touches each new state once and each shared prefix not at all. (A Set of the
    // units, `new Set(all)`, took 6-8 ms: the string iterator is slow.)
    const texts = [...literals.keys()].sort();
    const all = texts.join("");
    const classOf = this.classOf;
    let classes = 1;
    for (let i = 0; i < all.length; i++) {
      const unit = all.charCodeAt(i);
      if (classOf[unit] === 0) classOf[unit] = classes++;
    }
    if (classes > MOST_CLASSES) throw new Error(`literal scan: ${classes} classes of units, more than a row can index`);
    this.classes = classes;
    this.#classOfUnit = new Uint16Array(0x10000).fill(classes);
    // The trie as each state's parent and the class of the edge into it, in insertion order. In
    // sorted order a literal shares with the trie only its common prefix with the literal before
    // it, so it starts at that prefix's state and adds a state per unit past it.
    const most = all.length + 1;
    const States = most <= 0xffff ? Uint16Array : Uint32Array;
    const parentOf = new States(most);
    const classInto = new Uint16Array(most);
    const depthOf = new Uint8Array(most);
    const endsOf: Array<Ending[] | undefined> = new Array(most).fill(undefined);
    /** The states along the previous literal: path[i] is the state after its first i units. */
    const path = new States(LITERAL_HEAD + 1);
    let previous = "";
    let states = 1;
    for (let t = 0; t < texts.length; t++) {
      const text = texts[t];
      let shared = 0;
      while (shared < previous.length && text.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
      let state = path[shared];
      for (let i = shared; i < text.length; i++) {
        parentOf[states] = state;
        classInto[states] = classOf[text.charCodeAt(i)];
        depthOf[states] = i + 1;
        state = states++;
        path[i + 1] = state;
      }
      endsOf[state] = literals.get(text);
      previous = text;
    }
    // Breadth-first numbers by a counting sort on depth, which keeps the insertion (sorted) order
    // within a depth: there a state's children are contiguous and come in the order of their parents.
    const atDepth = new Uint32Array(LITERAL_HEAD + 2);
    for (let state = 0; state < states; state++) atDepth[depthOf[state] + 1]++;
    for (let depth = 1; depth < atDepth.length; depth++) atDepth[depth] += atDepth[depth - 1];
    const order = new States(states); // order[n]: the state (insertion number) numbered n
    const numberOf = new States(states);
    for (let state = 0; state < states; state++) {
      const n = atDepth[depthOf[state]]++;
      order[n] = state;
      numberOf[state] = n;
    }
    // atDepth[d] now counts the states of depth d or less.
    const dense = atDepth[Math.min(DENSE_DEPTH, LITERAL_HEAD)];
    this.dense = dense;
    const edgeClass = (this.edgeClass = new Uint16Array(states));
    const parent = new States(states);
    for (let n = 1; n < states; n++) {
      parent[n] = numberOf[parentOf[order[n]]];
      edgeClass[n] = classInto[order[n]];
    }
    // State n's children are firstChild[n] up to firstChild[n + 1] (none for a leaf: both equal).
    const firstChild = (this.firstChild = new States(states + 1).fill(states));
    for (let n = states - 1; n >= 1; n--) firstChild[parent[n]] = n;
    for (let n = states - 1; n >= 0; n--) if (firstChild[n] > firstChild[n + 1]) firstChild[n] = firstChild[n + 1];
    const fail = (this.fail = new States(states));
    const Next = dense + states <= 0xffff ? Uint16Array : Uint32Array;
    const next = (this.next = new Next(dense * (classes + 1)));
    next.fill(dense + states, classes * dense); // the column of the units not classed yet
    const ends: Array<Ending[] | undefined> = new Array(states).fill(undefined);
    /** A dense row's entry for the step into `state` (see `next`). */
    const entryInto = (state: number) => (state < dense && ends[state] === undefined ? state : dense + state);
    // Depth by depth: a state's failure is the longest proper suffix that is a state, the step of its
    // parent's failure (two depths up or more: its row is written) on its edge; its literals are its own
    // and its failure's. Then the rows of the depth above, whose entries need the literals of their
    // children: each is its failure's row (complete, being shallower) with its own edges written over.
    for (let depth = 0; depth <= LITERAL_HEAD + 1; depth++) {
      const from = depth === 0 ? 0 : atDepth[depth - 1];
      for (let n = from; n < atDepth[depth]; n++) {
        if (n > 0 && parent[n] !== 0) fail[n] = this.step(fail[parent[n]], edgeClass[n]);
        const own = endsOf[order[n]];
        const inherited = n > 0 ? ends[fail[n]] : undefined;
        // Concatenated, no set: the failure's literals are shorter suffixes, so other literals' endings.
        ends[n] = own ? (inherited ? own.concat(inherited) : own) : inherited;
      }
      if (depth === 0) continue;
      const above = depth === 1 ? 0 : atDepth[depth - 2];
      const last = Math.min(from, dense);
      if (above > 0) inheritFailures(next, fail, dense, classes, above, last);
      for (let n = above; n < last; n++) {
        for (let child = firstChild[n]; child < firstChild[n + 1]; child++) next[edgeClass[child] * dense + n] = entryInto(child);
      }
    }
    // Loops, not Uint8Array.from's callback per state (~2 ms of unoptimised calls for 4,800 states).
    this.ends = new Uint8Array(states);
    this.endFrom = new Uint32Array(states + 1);
    let endings = 0;
    for (let state = 0; state < states; state++) {
      this.endFrom[state] = endings;
      const list = ends[state];
      if (list !== undefined) {
        this.ends[state] = 1;
        endings += list.length;
      }
    }
    this.endFrom[states] = endings;
    this.endGate = new Int32Array(endings);
    this.endExact = new Array<string | undefined>(endings).fill(undefined);
    for (let state = 0; state < states; state++) {
      const list = ends[state];
      if (list === undefined) continue;
      for (let k = 0; k < list.length; k++) {
        this.endGate[this.endFrom[state] + k] = list[k].gate;
        this.endExact[this.endFrom[state] + k] = list[k].exact;
      }
    }
  }

  /**
   * The state after reading a unit of class `c` in `state`: a dense row's entry; for a sparse state
   * its child on that class, else its failure's step (a unit of no literal, class 0, leads to the root).
   */
  step(state: number, c: number): number {
    const { dense, firstChild, edgeClass, fail, next } = this;
    while (state >= dense) {
      for (let child = firstChild[state], end = firstChild[state + 1]; child < end; child++) if (edgeClass[child] === c) return child;
      state = fail[state];
    }
    const entry = next[c * dense + state];
    return entry < dense ? entry : entry - dense;
  }

  /**
   * The gates whose literal occurs in the text (read through foldUnit; a case-sensitive one as it is), each once, in
   * no set order; NO_GATES (shared, not to be changed) when none does. `seen[gate] === stamp` marks a gate found
   * already: a common literal ("a", "with") ends a state on most words, and the mark is one read where a search of
   * the gates found was a loop.
   */
  scan(text: string, seen: Uint32Array, stamp: number): readonly number[] {
    const { classes, next, dense, ends } = this;
    const classOfUnit = this.#classOfUnit;
    let count = 0;
    let state = 0;
    const length = text.length;
    let i = 0;
    while (i < length) {
      // Most units step from a dense state to one where no literal ends: a loop of two table reads and one
      // test per unit, and no call (a call in the loop, even on a branch rarely taken, makes V8 load every
      // table's data pointer and length again at each unit). The loop stops before any other unit.
      let entry = 0;
      for (; i < length; i++) {
        entry = next[classOfUnit[unitAt(text, i)] * dense + state];
        if (entry >= dense) break;
        state = entry;
      }
      if (i === length) break;
      // A dense state where literals end (5% of the news lines' units): the step is known, only its endings are
      // taken (stepping again through `step` and the loop below was ~6% of the scan's instructions).
      if (entry < dense + dense) {
        state = entry - dense;
        count = this.#endingsAt(state, text, i, seen, stamp, count);
        i++;
        continue;
      }
      // That unit, and the next ones while the state is sparse: classed on first sight, stepped, its endings taken.
      do {
        const unit = unitAt(text, i);
        let c = classOfUnit[unit];
        if (c === classes) c = this.#classed(unit);
        state = c === 0 ? 0 : this.step(state, c);
        if (ends[state] !== 0) count = this.#endingsAt(state, text, i, seen, stamp, count);
        i++;
      } while (state >= dense && i < length);
    }
    if (count === 0) return NO_GATES;
    // Copied by a loop into an array of the exact length, which optimised code allocates in place: `slice`, a
    // builtin call per line with gates (58% of the news lines), took 7.7% of a scan benchmark's samples, this loop 4.1%.
    const found = this.#found;
    const gates = new Array<number>(count);
    for (let k = 0; k < count; k++) gates[k] = found[k];
    return gates;
  }

  /** The class of a unit read for the first time, kept for the next times. */
  #classed(unit: number): number {
    return (this.#classOfUnit[unit] = this.classOf[foldUnit(unit)]);
  }

  /**
   * The gates found in the text being scanned, the first `count` of them: an array kept for every
   * scan and copied at its exact length, where one grown by push took ~150 bytes for a line's few gates
   * (~20 MB of garbage per pass over the 10 MB bench JSONL).
   */
  readonly #found: number[] = [];

  /** Adds the gates of the literals that end at text[i] in `state` and were not seen yet to the `count` found; returns their new count. */
  #endingsAt(state: number, text: string, i: number, seen: Uint32Array, stamp: number, count: number): number {
    const { endFrom, endGate, endExact } = this;
    const found = this.#found;
    for (let k = endFrom[state], end = endFrom[state + 1]; k < end; k++) {
      const gate = endGate[k];
      if (seen[gate] === stamp) continue;
      const exact = endExact[k];
      if (exact !== undefined && !text.startsWith(exact, i + 1 - exact.length)) continue;
      seen[gate] = stamp;
      found[count++] = gate;
    }
    return count;
  }
}

/** The gates of a line that holds no literal: one array for all of them (most short lines), never changed. */
const NO_GATES: readonly number[] = [];

/** A line's scan, kept on the line: the gates that passed, the bits of their groups, and the automaton that found them. */
interface LineScan {
  automaton: Automaton;
  gates: readonly number[];
  groups: number;
}

/**
 * The bit of the gates of the n-th `register` call (a group: a table's rules, or the literals a stage
 * looks for itself). Past 30 groups the rest share one bit: a bit that is set only says "maybe".
 */
const groupBit = (group: number): number => 1 << Math.min(group, 30);

/**
 * Every gated rule of the process: tables register their rules' literals when they compile,
 * and the automaton is rebuilt on the next scan after a registration (so once per table, at
 * start). Each line is scanned once: its result is kept with the line for every stage.
 */
export class LiteralScanner {
  private literals = new Map<string, Ending[]>();
  private gates = 0;
  private groups = 0;
  /** groupBit of each gate's group. */
  private readonly bitOfGate: number[] = [];
  private automaton: Automaton | undefined;
  /** seen[gate] === stamp: the gate is found in the line being scanned (see Automaton.scan). */
  private seen = new Uint32Array(0);
  private stamp = 0;

  /**
   * A gate per rule: a rule passes on a line holding one of its literals (ALWAYS when it has
   * none the scan can look for). `caseSensitive`: the rule's literals must occur as written.
   * `oneLetters`: a literal of one cased letter is looked for all the same, by a caller that knows
   * the letter is rare in text (the widget word "x").
   */
  register(rules: ReadonlyArray<{ literals: readonly string[] | undefined; caseSensitive: boolean; oneLetters?: boolean }>): number[] {
    const bit = rules.length > 0 ? groupBit(this.groups++) : 0;
    return rules.map(({ literals, caseSensitive, oneLetters = false }) => {
      if (!literals || literals.length === 0 || literals.some((l) => l === "" || UNFOLDABLE.test(l) || (!oneLetters && isOneCasedLetter(l)))) return ALWAYS;
      const gate = this.gates++;
      this.bitOfGate[gate] = bit;
      for (const whole of literals) {
        // A literal's head stands for it: where the literal is, its head is, and a smaller automaton is built faster.
        const literal = whole.slice(0, LITERAL_HEAD);
        const key = foldText(literal);
        const ending: Ending = caseSensitive ? { gate, exact: literal } : { gate };
        const list = this.literals.get(key);
        if (list) list.push(ending);
        else this.literals.set(key, [ending]);
      }
      this.automaton = undefined;
      return gate;
    });
  }

  /** How many gates the rules registered so far have (rules always tried not counted). */
  get gateCount(): number {
    return this.gates;
  }

  /**
   * The group bits of the gates (from one `register` call: their group's bit): a line whose
   * `groupsPassing` has none of them set passes none of the gates.
   */
  bitOf(gates: readonly number[]): number {
    let bits = 0;
    for (const gate of gates) if (gate !== ALWAYS) bits |= this.bitOfGate[gate];
    return bits;
  }

  /**
   * The bits of the groups with a gate that passes on this line: one test rules out all the rules of a
   * table, or a stage's own literals, on a line that holds none of theirs (most short lines), where a
   * look through the line's passing gates was a loop per table.
   */
  groupsPassing(line: Line): number {
    const cached = line.scan as LineScan | undefined;
    if (cached && cached.automaton === this.automaton) return cached.groups;
    return this.#scanned(line).groups;
  }

  /** The gates that pass on this line: the rules whose literals its content holds. */
  passing(line: Line): readonly number[] {
    const cached = line.scan as LineScan | undefined;
    if (cached && cached.automaton === this.automaton) return cached.gates;
    return this.#scanned(line).gates;
  }

  /** The scan of every line that holds no literal (shared, as its NO_GATES: no allocation for most short lines). */
  #noneFound: LineScan | undefined;

  /** Scans the line and keeps its scan on it. */
  #scanned(line: Line): LineScan {
    if (!this.automaton) {
      this.automaton = new Automaton(this.literals);
      this.#noneFound = { automaton: this.automaton, gates: NO_GATES, groups: 0 };
      this.seen = new Uint32Array(this.gates);
      this.stamp = 0;
    }
    // A new stamp per line marks no gate found yet; after 2^32 - 1 lines the marks are cleared.
    if (++this.stamp === 0x100000000) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const gates = this.automaton.scan(line.content, this.seen, this.stamp);
    if (gates === NO_GATES) return (line.scan = this.#noneFound!);
    let groups = 0;
    for (let k = 0; k < gates.length; k++) groups |= this.bitOfGate[gates[k]];
    const scan: LineScan = { automaton: this.automaton, gates, groups };
    line.scan = scan;
    return scan;
  }
}

/** The one scanner of the process: every table's rules register here. */
export const lineScanner = new LiteralScanner();

/** True when the gate lets the rule be tried on a line whose passing gates are `passing`. */
export const passes = (gate: number, passing: readonly number[]): boolean => gate === ALWAYS || passing.includes(gate);
