// Corpus stages: MinHash against exact Jaccard, near-duplicate recall on planted copies,
// and lines a site repeats, removed with their audit records while shared prose stays.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import xxhash from "xxhash-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { exactJaccard, shingleHashes, signature, estimatedJaccard, words } from "../../src/corpus/minhash.js";
import { DEFAULT_SITE_BOILERPLATE, SiteLineCounter } from "../../src/corpus/site-lines.js";
import { lineBatches } from "../../src/read/line-batches.js";
import { Readable } from "node:stream";
import { tempDir } from "../helpers/corpus.js";

const ROOT = join(import.meta.dirname, "../..");
const CLI = join(ROOT, "dist/cli.js");
const DUMPS = join(ROOT, "../shared/bench/aeb-dump");

let h32: (text: string, seed?: number) => number;
beforeAll(async () => {
  ({ h32 } = await xxhash());
});

function chaff(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { status: run.status, stderr: run.stderr };
}

function auditOf(path: string): Array<Record<string, unknown>> {
  return readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

/** A deterministic pseudo-random generator for planted edits. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

describe("lineBatches", () => {
  it("splits a stream into its lines whatever the chunks (multi-byte characters cut, CRLF, no final newline)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("a", "é", "東", "😀", "\n", "\r\n", "{}", ","), { maxLength: 80 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), async (pieces, cuts) => {
        const bytes = Buffer.from(pieces.join(""));
        const chunks: Buffer[] = [];
        for (let at = 0, i = 0; at < bytes.length; i++) {
          const size = cuts[i % cuts.length]!;
          chunks.push(bytes.subarray(at, at + size));
          at += size;
        }
        const lines: string[] = [];
        for await (const batch of lineBatches(Readable.from(chunks))) lines.push(...batch);
        const text = pieces.join("");
        const expected = text === "" ? [] : text.replace(/\n$/, "").split("\n").map((l) => l.replace(/\r$/, ""));
        expect(lines).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("MinHash", () => {
  it("estimates the Jaccard similarity of word 5-gram sets within 4.5 standard deviations of the estimate at 60 hashes", () => {
    const vocabulary = Array.from({ length: 60 }, (_, i) => `w${i}`);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 30, maxLength: 300 }), fc.array(fc.nat(), { maxLength: 60 }), (base, edits) => {
        const copy = [...base];
        for (const e of edits) copy[e % copy.length] = vocabulary[(e * 7) % vocabulary.length]!;
        const a = shingleHashes(base.join(" "), 5, (s) => h32(s, 0));
        const b = shingleHashes(copy.join(" "), 5, (s) => h32(s, 0));
        const exact = exactJaccard(a, b);
        // The estimate is a share of 60 agreeing positions: standard deviation sqrt(J(1-J)/60), at least one position's worth.
        const bound = Math.max(2 / 60, 4.5 * Math.sqrt((exact * (1 - exact)) / 60));
        expect(Math.abs(estimatedJaccard(signature(a), signature(b)) - exact)).toBeLessThanOrEqual(bound);
      }),
      // A fixed seed: the same 200 cases every run, so the bound is checked, not the luck of the draw.
      { numRuns: 200, seed: 20261201 },
    );
  });

  it("finds the words [\\p{L}\\p{N}]+ finds, in any text (astral letters, emoji, combining marks)", () => {
    const pieces = fc.constantFrom("Москва", " ", "東京", "𝐀𝐁", "😀", "e\u0301", "İ", "ß", "2016", "-", "\u0663", "𐐷", "\ud800", "a");
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.array(pieces).map((p) => p.join(""))), (text) => {
        expect(words(text)).toEqual(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
      }),
      { numRuns: 3000 },
    );
  });

  it("gives identical texts identical signatures, and words in any script", () => {
    const text = "Москва — столица России. 東京は日本の首都です。 Ça va? 2016";
    expect(words(text)).toEqual(["москва", "столица", "россии", "東京は日本の首都です", "ça", "va", "2016"]);
    expect(signature(shingleHashes(text, 5, (s) => h32(s, 0)))).toEqual(signature(shingleHashes(text, 5, (s) => h32(s, 0))));
  });
});

describe.skipIf(!existsSync(DUMPS))("near-duplicates over a corpus with planted copies", () => {
  it("finds >= 95% of the pairs at word 5-gram Jaccard >= 0.8, leaves out nothing else, and records each", () => {
    const dir = tempDir("chaff-neardup-");
    const names = readdirSync(DUMPS).sort().slice(0, 150);
    const rand = random(7);
    const lines: string[] = [];
    const originals = new Map<string, string>();
    for (const name of names) {
      const text = readFileSync(join(DUMPS, name), "utf8");
      const id = name.replace(/\.txt$/, "");
      lines.push(JSON.stringify({ id, text }));
      originals.set(id, text);
    }
    // Copies of every third document with ~1.5% of their words replaced, placed after all originals.
    const copies: Array<{ id: string; of: string; text: string }> = [];
    for (const [i, name] of names.entries()) {
      if (i % 3 !== 0) continue;
      const id = name.replace(/\.txt$/, "");
      const text = originals.get(id)!.replace(/[\p{L}\p{N}]+/gu, (w) => (rand() < 0.015 ? `edit${Math.floor(rand() * 1e6)}` : w));
      copies.push({ id: `${id}-copy`, of: id, text });
      lines.push(JSON.stringify({ id: `${id}-copy`, text }));
    }
    writeFileSync(join(dir, "corpus.jsonl"), lines.join("\n") + "\n");
    const run = chaff(["clean", "corpus.jsonl", "--out", "out", "--pipeline", "web-corpus", "--jobs", "1", "-q"], dir);
    expect(run.status).toBe(0);
    const audit = auditOf(join(dir, "out.audit.jsonl"));
    const leftOut = audit.filter((r) => r.rule === "corpus/near-duplicate");
    // Which pairs should be found: exact Jaccard of the texts the stage compared (as the document stages left them).
    const out = readFileSync(join(dir, "out/corpus.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    const kept = new Set(out.map((r) => r.id));
    const seen = new Map<string, string>(out.map((r) => [r.id, r.text]));
    for (const r of leftOut) seen.set(String(r.doc), String(r.text));
    const byId = new Map(leftOut.map((r) => [String(r.doc), r]));
    let due = 0;
    let found = 0;
    for (const copy of copies) {
      const a = shingleHashes(seen.get(copy.of)!, 5, (s) => h32(s, 0));
      const b = shingleHashes(seen.get(copy.id)!, 5, (s) => h32(s, 0));
      if (exactJaccard(a, b) < 0.8) continue;
      due++;
      if (byId.get(copy.id)?.duplicateOf === copy.of) found++;
    }
    expect(due).toBeGreaterThan(30);
    expect(found / due).toBeGreaterThanOrEqual(0.95);
    // Nothing is left out unless it is a near-duplicate of the kept document it names; each has its record.
    for (const r of leftOut) {
      expect(r.stage).toBe("near-duplicates");
      expect(String(r.reason)).toMatch(/^near-duplicate of \S+ \(word 5-gram Jaccard (0\.[89]\d|1\.00)\)$/);
      expect(kept.has(r.doc)).toBe(false);
      expect(kept.has(r.duplicateOf)).toBe(true);
      const a = shingleHashes(seen.get(String(r.duplicateOf))!, 5, (s) => h32(s, 0));
      const b = shingleHashes(String(r.text), 5, (s) => h32(s, 0));
      expect(exactJaccard(a, b)).toBeGreaterThanOrEqual(0.8);
    }
    expect(kept.size + leftOut.length).toBe(names.length + copies.length);
  }, 180_000);
});

describe("site boilerplate", () => {
  it("counts exactly only the lines that can reach both minPages and minShare of their site", () => {
    const counter = new SiteLineCounter(DEFAULT_SITE_BOILERPLATE, (text) => BigInt(h32(text, 0)) * 4294967296n + BigInt(h32(text, 1)));
    const pages = Array.from({ length: 40 }, (_, i) => ["Home | News | Contact", `Story ${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))} is told in a sentence of its own.`, ...(i < 3 ? ["A quote three pages share."] : [])].join("\n"));
    const keys = pages.map((text) => counter.lineKeys("big.example", text));
    for (const k of keys) counter.countPage("big.example", k);
    for (const k of keys) counter.recountPage("big.example", k);
    // On 3 of 40 pages (7.5% < minShare 10%): it can never be removed, so the exact map does not hold it.
    expect(counter.candidates).toBe(1);
    expect(counter.verdict("big.example", "Home | News | Contact", keys[0]![0]!)).toEqual({ pages: 40, share: 1 });
    expect(counter.verdict("big.example", "A quote three pages share.", keys[0]![2]!)).toBeUndefined();
  });

  it("keys a page's lines as it keys each line alone (case, digits, spaces, Greek final sigma, dotted İ)", () => {
    const counter = new SiteLineCounter(DEFAULT_SITE_BOILERPLATE, (text) => BigInt(h32(text, 0)) * 4294967296n + BigInt(h32(text, 1)));
    const pieces = fc.constantFrom("ΟΔΟΣ", "Σ", "σ", " ", "  ", "\t", "\n", "\n\n", "İ", "ß", "2016", "\u0663", "Home", "'", "\u00a0", "\ufeff", "x");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces).map((p) => p.join(""))), (text) => {
        expect(counter.lineKeys("site.example", text)).toEqual(text.split("\n").map((line) => counter.lineKey("site.example", line)));
      }),
      { numRuns: 3000 },
    );
  });


  it("removes the lines a site repeats, with rule corpus/site-repeated and its counts, and keeps prose two pages share", () => {
    const dir = tempDir("chaff-sites-");
    const footer = ["Home | World | Business | Sport", "Example News Group, 12 Harbour Street, Springfield", "Editor in chief: Jane Roe, since 2016"];
    const shared = "The minister said the talks would resume next week after a short pause, according to two officials who asked not to be named.";
    const topics = ["harbour", "budget", "school", "railway", "museum", "election"];
    const records = Array.from({ length: 6 }, (_, i) => ({
      id: `a${i}`,
      url: `https://www.example-news.com/story-${i}`,
      text: [`The ${topics[i]} story`, `Readers of the ${topics[i]} report learned what the council decided about the ${topics[i]} this week.`, ...(i < 2 ? [shared] : []), ...footer.map((l) => l.replace("2016", String(2016 + i)))].join("\n") + "\n",
    }));
    records.push({ id: "b0", url: "https://other.example.org/page", text: ["A page of another site", ...footer].join("\n") + "\n" });
    writeFileSync(join(dir, "pages.jsonl"), records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    // Only the corpus stage, so the document stages take nothing first.
    writeFileSync(join(dir, "corpus-only.json"), JSON.stringify({ name: "corpus-only", stages: [{ use: "icons" }], corpus: [{ use: "site-boilerplate" }] }));
    const run = chaff(["clean", "pages.jsonl", "--out", "out", "--pipeline", "corpus-only.json", "--jobs", "1"], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("chaff: corpus pass 1 of 3: counting lines per site");
    const out = readFileSync(join(dir, "out/pages.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    const removed = auditOf(join(dir, "out.audit.jsonl")).filter((r) => r.rule === "corpus/site-repeated");
    // Every footer line of the six pages of example-news.com goes (the years differ: digits compare as 0).
    expect(removed.filter((r) => String(r.doc).startsWith("a"))).toHaveLength(18);
    expect(new Set(removed.map((r) => String(r.text).replace(/\d{4}$/, "")))).toEqual(new Set(footer.map((l) => l.replace(/\d{4}$/, ""))));
    for (const r of removed) expect(r.features).toEqual({ site: "example-news.com", pages: 6, share: 1 });
    expect(removed.filter((r) => r.doc === "b0")).toEqual([]);
    for (const r of out.filter((r) => r.id.startsWith("a"))) {
      for (const f of footer) expect(r.text).not.toContain(f.slice(0, 20));
      expect(r.text).toMatch(/^The \w+ story\n+Readers of the \w+ report/);
    }
    expect(out.find((r) => r.id === "a0").text).toContain(shared);
    // The corpus stages' counts sit with chaff's own metadata, the record's url where readers look.
    expect(out.find((r) => r.id === "a0").metadata).toMatchObject({ url: "https://www.example-news.com/story-0", chaff: { corpus: { "corpus/site-repeated": 3 } } });
    expect(out.find((r) => r.id === "a1").text).toContain(shared);
    expect(out.find((r) => r.id === "b0").text).toContain(footer[1]);
  });

  it("news-corpus and web-corpus are news and web-text plus the corpus stages", () => {
    for (const [base, corpus] of [["news", "news-corpus"], ["web-text", "web-corpus"]]) {
      const a = JSON.parse(readFileSync(join(ROOT, `pipelines/${base}.json`), "utf8"));
      const b = JSON.parse(readFileSync(join(ROOT, `pipelines/${corpus}.json`), "utf8"));
      expect(b.stages).toEqual(a.stages);
      expect(b.allowlist).toEqual(a.allowlist);
      expect(b.normalise).toEqual(a.normalise);
      expect(b.corpus.map((s: { use: string }) => s.use)).toEqual(["site-boilerplate", "near-duplicates"]);
    }
  });
});
