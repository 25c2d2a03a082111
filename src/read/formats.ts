// Input formats: which files each reads, where its output goes, how it turns a
// file into documents and how the clean results are written back.
import { readFile } from "node:fs/promises";
import type { Document } from "../core/document.js";
import { createDocument } from "../core/document.js";
import type { CleanResult } from "../core/stage.js";
import { writeFileAtomic } from "../write/atomic.js";
import type { InputFile } from "./inputs.js";
import { decodeText } from "./text.js";

/** Receives the clean results of one input file; its output appears only on `commit`. */
export interface OutputWriter {
  write(result: CleanResult): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  /** What the audit's `output` field says for this result. */
  outputOf(result: CleanResult): string;
}

export interface InputFormat {
  name: string;
  accepts(relative: string): boolean;
  /** The output path, relative to `--out`, for an input's relative path. */
  outputName(relative: string): string;
  read(file: InputFile): AsyncIterable<Document>;
  createWriter(outPath: string): OutputWriter;
}

/** Replaces the extension(s) the format reads with `.txt`. */
export function withTxt(relative: string, extensions: RegExp): string {
  return relative.replace(extensions, "") + ".txt";
}

/** Plain-text scrapes: one document per file, written as `<name>.txt`. */
export const textFormat: InputFormat = {
  name: "text",
  accepts: (relative) => /\.(?:txt|text)$/i.test(relative),
  outputName: (relative) => withTxt(relative, /\.(?:txt|text)$/i),
  async *read(file) {
    const raw = decodeText(await readFile(file.path));
    yield createDocument({ id: file.relative.replace(/\.[^./]+$/, ""), source: file.display, raw });
  },
  createWriter: singleTextWriter,
};

/** Writes the one document of a file as text, atomically. */
export function singleTextWriter(outPath: string): OutputWriter {
  let text: string | undefined;
  return {
    async write(result) {
      if (text !== undefined) throw new Error(`${outPath}: a text output takes one document`);
      text = result.text;
    },
    async commit() {
      await writeFileAtomic(outPath, text ?? "");
    },
    async abort() {},
    outputOf: () => outPath,
  };
}

const formats: InputFormat[] = [textFormat];

/** Later registrations win, so a specific format (`.json.gz`) can shadow a general one. */
export function registerFormat(format: InputFormat): void {
  formats.unshift(format);
}

export function formatFor(relative: string): InputFormat | undefined {
  return formats.find((f) => f.accepts(relative));
}
