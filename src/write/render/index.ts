// What a document's output body is, by `--format`: the clean text (`txt`), Markdown (`md`) or
// a `{id, text, metadata}` object (`json`). Record outputs (JSONL, JSON arrays, WARC) are
// records whatever the format: `md` makes their `text` Markdown.
import type { CleanResult, Pipeline } from "../../core/stage.js";
import { recordInTwo, recordJson, type RecordInTwo } from "../records.js";
// markdown.js (mdast and its ~50 modules) is loaded by the caller for `md` runs only: see BodyParts.markdown.
import type { renderMarkdown } from "./markdown.js";

export const OUTPUT_FORMATS = ["txt", "md", "json"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The file name of a whole-file output in `format`: `page.txt` becomes `page.md` or `page.json`. */
export function outputNameIn(format: OutputFormat | undefined, name: string): string {
  return format && format !== "txt" ? name.replace(/\.txt$/, `.${format}`) : name;
}

export interface BodyParts {
  id: string;
  shape: "text" | "record";
  format?: OutputFormat;
  rules: Record<string, number>;
  chars: { in: number; out: number; removed: number };
  fields?: Record<string, unknown>;
  /** The Markdown renderer (`await import("./markdown.js")`), required when `format` is `md`. */
  markdown?: typeof renderMarkdown;
}

/**
 * The body of a document by its shape and format; a one-line record made from the text's lines in
 * two parts (RecordInTwo: its head, then `recordTail`), which the caller joins (src/run/task.ts).
 */
export function renderBodyInTwo(result: CleanResult, pipeline: Pipeline, parts: BodyParts): string | RecordInTwo {
  const format = parts.format ?? "txt";
  if (format === "md" && !parts.markdown) throw new Error("renderBodyInTwo: --format md needs parts.markdown (load write/render/markdown.js)");
  const text = format === "md" ? parts.markdown!(result, pipeline.finisher) : result.text;
  if (parts.shape === "text" && format !== "json") return text;
  const record = { id: parts.id, text, plain: result.text, lines: format === "md" ? undefined : result.lines, meta: result.doc.meta, rules: parts.rules, chars: parts.chars, fields: parts.fields ?? {} };
  return parts.shape === "record" ? (recordInTwo(record) ?? recordJson(record)) : recordJson(record, 2) + "\n";
}
