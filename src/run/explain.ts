// `chaff explain FILE`: one document's raw text with every removal marked in
// place, then one line per removal. Plain markers when not on a terminal, so the
// output can be diffed, grepped and pasted into an issue.
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { styleText } from "node:util";
import { lineStartOffsets, position, type RemovalRecord } from "../core/apply.js";
import { createDocument, type Document } from "../core/document.js";
import { cleanDocument, type CleanResult, type Pipeline } from "../core/stage.js";
import { setHtmlRouteOptions, type HtmlRouteOptions } from "../core/route-options.js";
import { DEFAULT_READ_OPTIONS, formatFor, textFormat, type ReadOptions } from "../read/formats.js";
import { htmlToDocument } from "../read/html-route.js";
import "../read/all.js";

/** The markers around a removed fragment in plain output: `[-widget/share: Email Print-]`. */
export const PLAIN_MARKERS = { open: "[-", close: "-]", moved: " -> " } as const;

export type ColourChoice = "auto" | "always" | "never";

/**
 * Colour only on a terminal, and never when NO_COLOR is set to anything
 * non-empty (https://no-color.org) or the terminal is dumb.
 */
export function useColour(choice: ColourChoice, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (choice !== "auto") return choice === "always";
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== "dumb";
}

function markerLabel(r: RemovalRecord): string {
  return r.movedTo ? `${r.rule}${PLAIN_MARKERS.moved}${r.movedTo}` : r.rule;
}

function mark(r: RemovalRecord, colour: boolean): string {
  if (!colour) return `${PLAIN_MARKERS.open}${markerLabel(r)}: ${r.text}${PLAIN_MARKERS.close}`;
  const labelStyle = r.movedTo ? (["bold", "bgYellow", "black"] as const) : (["bold", "bgRed", "white"] as const);
  const textStyle = r.movedTo ? (["dim", "yellow"] as const) : (["dim", "strikethrough", "red"] as const);
  return styleText([...labelStyle], ` ${markerLabel(r)} `) + styleText([...textStyle], r.text);
}

/** The explanation of one cleaned document, ready to print. */
export function formatExplanation(result: CleanResult, colour: boolean): string {
  const raw = result.doc.raw;
  let out = "";
  let cursor = 0;
  for (const r of result.removals) {
    out += raw.slice(cursor, r.start) + mark(r, colour);
    cursor = r.end;
  }
  out += raw.slice(cursor);
  if (!out.endsWith("\n")) out += "\n";
  const rule = "─".repeat(40);
  out += `${colour ? styleText("dim", rule) : rule}\n`;
  const count = result.removals.length;
  const removedChars = result.removals.reduce((n, r) => n + (r.end - r.start), 0);
  out += `${result.doc.source}: ${count} ${count === 1 ? "removal" : "removals"}, ${removedChars} of ${raw.length} characters\n`;
  for (const r of result.removals) {
    out += `${r.line}:${r.column} ${r.rule} ${r.reason}${r.movedTo ? ` (moved to ${r.movedTo})` : ""}\n`;
  }
  const lineStarts = lineStartOffsets(raw);
  for (const [field, value] of Object.entries(result.doc.meta)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.some((item) => typeof item === "object" && item !== null)) {
      // Lists of objects (the markup flags of a page): one line each, spans as line:column like the removals.
      if (value.length === 0) continue;
      for (const item of value) out += `meta.${field}: ${describeItem(item, lineStarts)}\n`;
      continue;
    }
    out += `meta.${field}: ${Array.isArray(value) ? value.join(" | ") : typeof value === "string" ? value : JSON.stringify(value)}\n`;
  }
  return out;
}

/** `3:1 html/byline byline or date line in the markup` for a span with a rule; JSON for anything else. */
function describeItem(item: unknown, lineStarts: readonly number[]): string {
  const flag = item as { start?: unknown; rule?: unknown; reason?: unknown };
  if (typeof flag.start !== "number" || typeof flag.rule !== "string") return JSON.stringify(item);
  const { line, column } = position(lineStarts, flag.start);
  return `${line}:${column} ${flag.rule}${typeof flag.reason === "string" ? ` ${flag.reason}` : ""}`;
}

export interface ExplainOptions {
  /** How records are read: --text-field, --id-field, --html/--text, --max-document-mb, as `clean` reads them. */
  read?: Partial<ReadOptions>;
  /** --keep-comments, --no-extraction-records. */
  htmlRoute?: HtmlRouteOptions;
  /** Called for each record that is not explained (rejected or skipped), with `PATH#line` and why. */
  onSetAside?: (where: string, reason: string) => void;
}

/**
 * Cleans every document of one file as `chaff clean` would (plain text when no format claims
 * it): documents extracted from HTML go through `htmlPipeline`, the others through `pipeline`.
 * Records that cannot be cleaned are named through `onSetAside`; errors name the file.
 */
export async function explainFile(path: string, pipeline: Pipeline, htmlPipeline: Pipeline = pipeline, options: ExplainOptions = {}): Promise<CleanResult[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  if (!info.isFile()) throw new Error(`${path}: is a directory (explain takes one file)`);
  const format = formatFor(basename(path)) ?? textFormat;
  setHtmlRouteOptions(options.htmlRoute);
  const read: ReadOptions = { ...DEFAULT_READ_OPTIONS, ...options.read };
  const results: CleanResult[] = [];
  let setAside = 0;
  try {
    for await (const item of format.read({ path: resolve(path), relative: basename(path), display: path, inTree: false }, read)) {
      if ("skip" in item) continue;
      if ("reject" in item) {
        setAside++;
        options.onSetAside?.(`${path}#${"line" in item.reject ? item.reject.line : item.reject.record}`, item.reject.reason);
        continue;
      }
      const task = item.task;
      const doc: Document =
        task.route === "html"
          ? await htmlToDocument({ id: task.id, source: task.source, html: task.content, url: task.url, contentType: task.contentType, meta: task.meta ?? {} })
          : createDocument({ id: task.id, source: task.source, raw: task.content as string, meta: task.meta });
      results.push(cleanDocument(doc, task.route === "html" ? htmlPipeline : pipeline));
    }
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  if (results.length === 0 && setAside > 0) throw new Error(`${path}: no document to explain: every record was set aside (is --text-field right?)`);
  return results;
}
