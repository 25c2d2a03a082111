// The writer of each input file's output, chosen by the kind of output its format makes:
// one clean text, or records as JSON lines or a JSON array (gzipped when the name ends in .gz).
import { writeFileAtomic } from "./atomic.js";
import { RecordWriter } from "./records.js";

/** Receives clean bodies of one input file, in input order; its output appears only on `commit`. */
export interface OutputWriter {
  write(body: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  /** What the audit's `output` field says for a document. */
  outputOf(task: { id: string }): string;
}

export function createOutputWriter(kind: "text" | "lines" | "array", outPath: string): OutputWriter {
  return kind === "text" ? singleTextWriter(outPath) : recordOutputWriter(outPath, kind);
}

/** Writes the one document of a file as text, atomically. */
function singleTextWriter(outPath: string): OutputWriter {
  let text: string | Uint8Array | undefined;
  return {
    async write(body) {
      if (text !== undefined) throw new Error(`${outPath}: a text output takes one document`);
      text = body;
    },
    async commit() {
      // A document that failed leaves no output at all rather than an empty file.
      if (text !== undefined) await writeFileAtomic(outPath, text);
    },
    async abort() {},
    outputOf: () => outPath,
  };
}

function recordOutputWriter(outPath: string, framing: "lines" | "array"): OutputWriter {
  const writer = new RecordWriter(outPath, framing, /\.gz$/i.test(outPath));
  return {
    write: (body) => writer.write(body),
    commit: () => writer.commit(),
    abort: () => writer.abort(),
    outputOf: (task) => `${outPath}#${task.id}`,
  };
}
