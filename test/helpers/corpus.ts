// Small corpora written to a temporary folder for reader, writer and run tests.
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { WARCRecord, WARCSerializer } from "warcio";
import type { InputFile } from "../../src/read/inputs.js";

export const SEEDS_DIR = join(import.meta.dirname, "../../raw");

/** Every file under `dir` by relative path, with its content in `encoding`; folders named in `skip` are left out. */
export function filesUnder(dir: string, options: { encoding?: BufferEncoding; skip?: readonly string[] } = {}): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        if (!options.skip?.includes(name)) walk(path);
      } else files[relative(dir, path)] = readFileSync(path).toString(options.encoding ?? "utf8");
    }
  };
  walk(dir);
  return files;
}

export function tempDir(prefix = "chaff-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The five seed scrapes, sorted by file name. */
export function seedTexts(): Array<{ name: string; text: string }> {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ""), text: readFileSync(join(SEEDS_DIR, f), "utf8") }));
}

export function inputFile(path: string, relative: string): InputFile {
  return { path, relative, display: path, inTree: false };
}

/** Writes `content` (gzipped when the name ends in .gz) and returns its path. */
export function writeInput(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  writeFileSync(path, name.endsWith(".gz") ? gzipSync(bytes) : bytes);
  return path;
}

export function jsonl(records: unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join("\n") + "\n";
}

export const WARC_PAGE = "<html><head><title>Talks</title></head><body><p>NATO will hold talks with Russia.</p></body></html>";
export const WARC_TEXT = "NATO will soon hold its first formal talks with Russia since 2014, its head said.\n";

/** A tiny WARC: warcinfo, request, HTML response, image response, 404 response, text/plain resource. */
export async function warcBytes(gzip: boolean): Promise<Uint8Array> {
  const encode = (text: string) =>
    (async function* () {
      yield new TextEncoder().encode(text);
    })();
  const date = "2016-04-07T05:27:00Z";
  const records = [
    WARCRecord.createWARCInfo({ filename: "tiny.warc", warcVersion: "WARC/1.1" }, { software: "chaff tests" }),
    WARCRecord.create({ url: "https://news.example/talks", date, type: "request", warcVersion: "WARC/1.1", statusline: "GET /talks HTTP/1.1", httpHeaders: { Host: "news.example" } }, encode("")),
    WARCRecord.create({ url: "https://news.example/talks", date, type: "response", warcVersion: "WARC/1.1", statusline: "HTTP/1.1 200 OK", httpHeaders: { "Content-Type": "text/html; charset=utf-8" } }, encode(WARC_PAGE)),
    WARCRecord.create({ url: "https://news.example/logo.png", date, type: "response", warcVersion: "WARC/1.1", statusline: "HTTP/1.1 200 OK", httpHeaders: { "Content-Type": "image/png" } }, encode("PNG")),
    WARCRecord.create({ url: "https://news.example/gone", date, type: "response", warcVersion: "WARC/1.1", statusline: "HTTP/1.1 404 Not Found", httpHeaders: { "Content-Type": "text/html" } }, encode("<p>Not found</p>")),
    WARCRecord.create({ url: "https://news.example/talks.txt", date, type: "resource", warcVersion: "WARC/1.1", warcHeaders: { "Content-Type": "text/plain; charset=utf-8" } }, encode(WARC_TEXT)),
  ];
  const parts: Uint8Array[] = [];
  for (const record of records) parts.push(await WARCSerializer.serialize(record, { gzip }));
  return Buffer.concat(parts);
}
