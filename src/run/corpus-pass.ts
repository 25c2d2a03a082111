// Corpus stages: what only shows across documents. They run after the per-document
// pipeline, over the clean outputs it wrote, in three passes: (1) count lines per site in
// a fixed-size sketch, (2) count exactly the lines that may be repeated, (3) per document
// in input order, remove its site's repeated lines, then leave it out when it is a
// near-duplicate of an earlier kept document; rewrite the outputs and append an audit
// record for every line and document removed (before the output changes, so nothing is
// ever lost without a record).
import { createReadStream, existsSync } from "node:fs";
import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createGunzip } from "node:zlib";
import xxhash from "xxhash-wasm";
import { DEFAULT_NEAR_DUPLICATES, NearDuplicateIndex, type NearDuplicateOptions } from "../corpus/near-duplicates.js";
import { grown } from "../corpus/grow.js";
import { shingleHashes } from "../corpus/minhash.js";
import { DEFAULT_SITE_BOILERPLATE, KeyLog, SiteLineCounter, type SiteBoilerplateOptions } from "../corpus/site-lines.js";
import { lineBatches } from "../read/line-batches.js";
import { createOutputWriter, type OutputWriter } from "../write/outputs.js";
import { writeFileAtomic } from "../write/atomic.js";
import type { RunSummary } from "./clean.js";
import { sortKeys } from "./summary.js";

export interface CorpusStageEntry {
  use: "site-boilerplate" | "near-duplicates";
  options?: Record<string, unknown>;
}

export interface CorpusPassOptions {
  /** Where the corpus stages' audit records are appended. */
  auditPath: string;
  /** Audits holding the run's document records (default: `auditPath`); a sharded run has one per shard. */
  documentAudits?: readonly string[];
  /** Output paths (resolved) in the run's input order; needed when the document records come from several audits. */
  outputOrder?: readonly string[];
  stages: readonly CorpusStageEntry[];
  /** Record field holding the page's URL, when the records have one (the site of a record). */
  urlField?: string;
  /** Progress lines ("corpus pass 1 of 3 ..."); none when undefined. */
  onProgress?: (message: string) => void;
}

export interface CorpusSummary {
  sites: number;
  documents: number;
  /** Lines removed as site boilerplate, and documents left out as near-duplicates. */
  siteRepeatedLines: number;
  nearDuplicates: number;
  /** Lines the exact count held (the sketch's candidates): the second pass's memory. */
  candidates: number;
}

/** One document of the clean outputs, in input order. */
interface OutputDocument {
  index: number;
  id: string;
  source: string;
  site: string;
  text: string;
}

/** An output file and the documents the audit says it holds, in input order. */
interface OutputFile {
  path: string;
  shape: "text" | "records";
  /** Text outputs: the one document's id, source and site (from the audit's document record). */
  doc?: { id: string; source: string; site: string };
}

function hostOf(url: unknown): string | undefined {
  if (typeof url !== "string") return undefined;
  const parsed = URL.parse(url);
  return parsed?.hostname ? parsed.hostname.replace(/^www\./, "") : undefined;
}

/** The output files of the run, in input order, from the audits' document records (sorted by `order` when given). */
async function outputFiles(auditPaths: readonly string[], order?: readonly string[]): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const seen = new Set<string>();
  for (const auditPath of auditPaths) await readOutputFiles(auditPath, files, seen);
  if (!order) return files;
  const rank = new Map(order.map((path, i) => [path, i]));
  const unknown = files.find((f) => !rank.has(f.path));
  if (unknown) throw new Error(`${unknown.path}: an output the audits name but the inputs do not make (were the shards run on other inputs?)`);
  return files.sort((a, b) => rank.get(a.path)! - rank.get(b.path)!);
}

async function readOutputFiles(auditPath: string, files: OutputFile[], seen: Set<string>): Promise<void> {
  // The record file of the last document record: the next ones are mostly in it too (its shorter prefixes were found
  // not to exist then), so the file system need not be asked again for each record.
  let lastRecordFile: string | undefined;
  for await (const batch of lineBatches(createReadStream(auditPath))) {
    for (const line of batch) {
      if (!line.startsWith('{"type":"document"')) continue;
      const record = JSON.parse(line) as { doc: string; source: string; output: string; meta?: Record<string, unknown> };
      // A record's output is `FILE#id`, and both may hold "#": the file is the shortest prefix that exists.
      const inLastFile = lastRecordFile !== undefined && record.output.startsWith(`${lastRecordFile}#`);
      const file = inLastFile ? lastRecordFile : existsSync(record.output) ? undefined : recordFileOf(record.output);
      if (file !== undefined) lastRecordFile = file;
      const path = resolve(file ?? record.output);
      if (seen.has(path)) continue;
      seen.add(path);
      if (file !== undefined) files.push({ path, shape: "records" });
      else {
        const site = hostOf(record.meta?.canonicalUrl) ?? hostOf(record.meta?.url) ?? dirname(record.source);
        files.push({ path, shape: "text", doc: { id: record.doc, source: record.source, site } });
      }
    }
  }
}

function recordFileOf(output: string): string | undefined {
  for (let at = output.indexOf("#"); at > 0; at = output.indexOf("#", at + 1)) if (existsSync(output.slice(0, at))) return output.slice(0, at);
  return undefined;
}

interface RecordLine {
  id: string;
  text: string;
  /** chaff's own findings under `chaff` (write/render/metadata.ts); records of 0.1 had `source_fields` and `found` instead, still read. */
  metadata: Record<string, unknown> & { chaff?: { found?: Record<string, unknown>; corpus?: Record<string, unknown> }; source_fields?: Record<string, unknown>; found?: Record<string, unknown>; corpus?: Record<string, unknown> };
}

/** Record outputs are chaff's own: one record per line, JSONL or a JSON array framed one element per line. */
async function* recordsOf(path: string): AsyncGenerator<{ line: string; record: RecordLine }> {
  const raw = createReadStream(path);
  const input = /\.gz$/i.test(path) ? raw.pipe(createGunzip()) : raw;
  for await (const batch of lineBatches(input)) {
    for (const line of batch) {
      const body = line.endsWith(",") ? line.slice(0, -1) : line;
      if (body === "[" || body === "]" || body === "[]" || body === "") continue;
      yield { line: body, record: JSON.parse(body) as RecordLine };
    }
  }
}

function siteOfRecord(record: RecordLine, urlField: string | undefined, file: string): string {
  const fields = record.metadata.source_fields ?? record.metadata;
  const found = record.metadata.chaff?.found ?? record.metadata.found ?? {};
  return hostOf(found.canonicalUrl) ?? hostOf(found.url) ?? hostOf(urlField ? fields[urlField] : fields.url) ?? file;
}

/** The documents of the outputs in input order; a record document carries its record and its line as written. */
async function* documentsOf(files: readonly OutputFile[], urlField: string | undefined): AsyncGenerator<OutputDocument & { file: OutputFile; record?: { parsed: RecordLine; line: string } }> {
  let index = 0;
  for (const file of files) {
    if (file.shape === "text") {
      if (!existsSync(file.path)) continue;
      yield { index: index++, ...file.doc!, text: await readFile(file.path, "utf8"), file };
      continue;
    }
    for await (const { record, line } of recordsOf(file.path))
      yield { index: index++, id: record.id, source: `${file.path}#${record.id}`, site: siteOfRecord(record, urlField, file.path), text: record.text, file, record: { parsed: record, line } };
  }
}

/** Splits a text into lines with their offsets. */
function linesWithOffsets(text: string): Array<{ text: string; start: number; end: number; line: number }> {
  const out: Array<{ text: string; start: number; end: number; line: number }> = [];
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    if (start < text.length || nl !== -1) out.push({ text: text.slice(start, end), start, end, line });
    if (nl === -1) break;
    start = nl + 1;
    line++;
  }
  return out;
}

function optionsOf<T extends object>(defaults: T, given: Record<string, unknown> | undefined, stage: string): T {
  const merged = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(given ?? {})) {
    if (!(key in defaults)) throw new Error(`corpus stage ${stage}: unknown option "${key}" (known: ${Object.keys(defaults).join(", ")})`);
    if (typeof value !== typeof (defaults as Record<string, unknown>)[key]) throw new Error(`corpus stage ${stage}: option "${key}" must be a ${typeof (defaults as Record<string, unknown>)[key]}`);
    merged[key] = value;
  }
  return merged as T;
}

/** Runs the corpus stages over a finished run's outputs; updates `summary` and returns the corpus counts. */
export async function runCorpusStages(options: CorpusPassOptions, summary: RunSummary): Promise<CorpusSummary> {
  const siteEntry = options.stages.find((s) => s.use === "site-boilerplate");
  const dupEntry = options.stages.find((s) => s.use === "near-duplicates");
  const siteOptions = siteEntry && optionsOf<SiteBoilerplateOptions>(DEFAULT_SITE_BOILERPLATE, siteEntry.options, "site-boilerplate");
  const dupOptions = dupEntry && { ...DEFAULT_NEAR_DUPLICATES, ...optionsOf<Pick<NearDuplicateOptions, "threshold">>({ threshold: DEFAULT_NEAR_DUPLICATES.threshold }, dupEntry.options, "near-duplicates") };
  const { h32, h64 } = await xxhash();
  const files = await outputFiles(options.documentAudits ?? [options.auditPath], options.outputOrder);
  const counter = siteOptions && new SiteLineCounter(siteOptions, (text) => h64(text));
  const passes = siteOptions ? 3 : 1;
  const result: CorpusSummary = { sites: 0, documents: 0, siteRepeatedLines: 0, nearDuplicates: 0, candidates: 0 };

  const work = await mkdtemp(join(tmpdir(), "chaff-corpus-"));
  // Each line is hashed once, in the first pass; the second and third read the keys back.
  const keyLog = counter && new KeyLog(join(work, "line-keys.bin"));
  if (counter && keyLog) {
    try {
      options.onProgress?.(`chaff: corpus pass 1 of ${passes}: counting lines per site`);
      // The site of each page, by number, for the second pass (4 bytes a page, not a string each).
      const siteNames: string[] = [];
      const siteNumbers = new Map<string, number>();
      let siteOfPage = new Uint32Array(1024);
      let pages = 0;
      for await (const doc of documentsOf(files, options.urlField)) {
        const keys = counter.lineKeys(doc.site, doc.text);
        counter.countPage(doc.site, keys);
        keyLog.append(keys);
        let site = siteNumbers.get(doc.site);
        if (site === undefined) siteNumbers.set(doc.site, (site = siteNames.push(doc.site) - 1));
        if (pages === siteOfPage.length) siteOfPage = grown(siteOfPage);
        siteOfPage[pages++] = site;
      }
      options.onProgress?.(`chaff: corpus pass 2 of ${passes}: counting repeated lines exactly`);
      keyLog.rewind();
      for (let page = 0; page < pages; page++) counter.recountPage(siteNames[siteOfPage[page]!]!, keyLog.next());
      counter.releaseSketch();
      keyLog.rewind();
      result.candidates = counter.candidates;
    } catch (error) {
      keyLog.close();
      await rm(work, { recursive: true, force: true });
      throw error;
    }
  }

  options.onProgress?.(`chaff: corpus pass ${passes} of ${passes}: ${[siteOptions && "removing repeated lines", dupOptions && "leaving out near-duplicates"].filter(Boolean).join(", ")}`);
  const wordHash = (word: string) => h32(word, 0);
  const index = dupOptions && new NearDuplicateIndex(dupOptions, join(work, "texts.bin"), (text) => shingleHashes(text, dupOptions.minhash.shingle, wordHash));
  const sites = new Set<string>();
  const countRule = (rule: string, chars: number) => {
    summary.rules[rule] = (summary.rules[rule] ?? 0) + 1;
    summary.stages.corpus = (summary.stages.corpus ?? 0) + 1;
    summary.chars.removed += chars;
    summary.chars.out -= chars;
  };

  /** Applies both stages to one document: the audit lines, and its new text (undefined: left out). */
  const decide = (doc: OutputDocument, output: string): { audit: string; text?: string; removedLines: number } => {
    sites.add(doc.site);
    result.documents++;
    let audit = "";
    let text = doc.text;
    let removedLines = 0;
    if (counter) {
      const kept: string[] = [];
      const keys = keyLog!.next();
      for (const line of linesWithOffsets(doc.text)) {
        const verdict = counter.verdict(doc.site, line.text, keys[line.line - 1] ?? 0n);
        if (!verdict) {
          kept.push(line.text);
          continue;
        }
        removedLines++;
        const reason = `on ${verdict.pages} of ${counter.pages(doc.site)} pages of ${doc.site} (${(100 * verdict.share).toFixed(0)}%)`;
        audit += JSON.stringify({ type: "removal", doc: doc.id, source: doc.source, rule: "corpus/site-repeated", stage: "site-boilerplate", reason, start: line.start, end: line.end, line: line.line, column: 1, text: line.text, in: "clean-text", features: { site: doc.site, pages: verdict.pages, share: Number(verdict.share.toFixed(3)) } }) + "\n";
        countRule("corpus/site-repeated", line.end - line.start + 1);
      }
      result.siteRepeatedLines += removedLines;
      if (removedLines) text = kept.join("\n").replace(/\n{3,}/g, "\n\n").replace(/^\n+/, "");
    }
    if (index) {
      const duplicate = index.add(text, doc.id);
      if (duplicate) {
        const of = duplicate.ofId;
        audit += JSON.stringify({ type: "removal", doc: doc.id, source: doc.source, rule: "corpus/near-duplicate", stage: "near-duplicates", reason: `near-duplicate of ${of} (word ${dupOptions!.minhash.shingle}-gram Jaccard ${duplicate.similarity.toFixed(2)})`, start: 0, end: text.length, line: 1, column: 1, text, in: "clean-text", duplicateOf: of, similarity: Number(duplicate.similarity.toFixed(3)), output }) + "\n";
        countRule("corpus/near-duplicate", text.length);
        result.nearDuplicates++;
        return { audit, removedLines };
      }
    }
    return { audit, text, removedLines };
  };

  try {
    // Record files are streamed to a new output as they are read, committed at their end only when something changed.
    let current: { file: OutputFile; writer?: OutputWriter; changed: boolean; audit: string } | undefined;
    const finishFile = async () => {
      if (!current) return;
      const { audit, changed, writer } = current;
      // The audit first: a crash after it leaves records of changes not made, never changes without records.
      if (audit) await appendFile(options.auditPath, audit);
      if (writer) await (changed ? writer.commit() : writer.abort());
      current = undefined;
    };
    for await (const doc of documentsOf(files, options.urlField)) {
      if (current?.file !== doc.file) {
        await finishFile();
        const writer = doc.file.shape === "records" ? createOutputWriter(/\.json(?:\.gz)?$/i.test(doc.file.path) ? "array" : "lines", doc.file.path) : undefined;
        current = { file: doc.file, writer, changed: false, audit: "" };
      }
      const output = doc.file.shape === "text" ? doc.file.path : `${doc.file.path}#${doc.id}`;
      const decision = decide(doc, output);
      current.audit += decision.audit;
      // The record file is not committed before its end, so its audit lines can go ahead in chunks.
      if (current.audit.length >= 1 << 20) {
        await appendFile(options.auditPath, current.audit);
        current.audit = "";
      }
      if (doc.file.shape === "text") {
        if (decision.audit) {
          await appendFile(options.auditPath, current.audit);
          current.audit = "";
          if (decision.text === undefined) await rm(doc.file.path, { force: true });
          else await writeFileAtomic(doc.file.path, decision.text);
        }
        continue;
      }
      const { parsed: record, line } = doc.record!;
      if (decision.text === undefined) {
        current.changed = true;
        continue;
      }
      if (decision.removedLines) {
        current.changed = true;
        record.text = decision.text;
        const corpus = { "corpus/site-repeated": decision.removedLines };
        if (record.metadata.chaff) record.metadata.chaff.corpus = corpus;
        else record.metadata.corpus = corpus;
        await current.writer!.write(JSON.stringify(record));
      } else await current.writer!.write(line);
    }
    await finishFile();
  } finally {
    index?.close();
    keyLog?.close();
    await rm(work, { recursive: true, force: true });
  }
  result.sites = sites.size;
  summary.corpus = result;
  summary.rules = sortKeys(summary.rules);
  summary.stages = sortKeys(summary.stages);
  return result;
}
