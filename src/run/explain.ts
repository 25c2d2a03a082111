// `chaff explain FILE`: one document's raw text with every removal marked in
// place, then one line per removal. Plain markers when not on a terminal, so the
// output can be diffed, grepped and pasted into an issue.
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { styleText } from "node:util";
import type { RemovalRecord } from "../core/apply.js";
import { cleanDocument, type CleanResult, type Pipeline } from "../core/stage.js";
import { formatFor, readDocuments, textFormat } from "../read/formats.js";
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
  for (const [field, value] of Object.entries(result.doc.meta)) {
    if (value === undefined) continue;
    out += `meta.${field}: ${Array.isArray(value) ? value.join(" | ") : typeof value === "string" ? value : JSON.stringify(value)}\n`;
  }
  return out;
}

/**
 * Reads one file with the reader `clean` would use (plain text when no format
 * claims it) and cleans each of its documents. Errors name the file.
 */
/**
 * Cleans every document of one file as `chaff clean` would: documents extracted from HTML
 * (they carry `meta.route`) go through `htmlPipeline`, the others through `pipeline`.
 */
export async function explainFile(path: string, pipeline: Pipeline, htmlPipeline: Pipeline = pipeline): Promise<CleanResult[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  if (!info.isFile()) throw new Error(`${path}: is a directory (explain takes one file)`);
  const format = formatFor(basename(path)) ?? textFormat;
  const results: CleanResult[] = [];
  try {
    for await (const doc of readDocuments(format, { path: resolve(path), relative: basename(path), display: path, inTree: false })) results.push(cleanDocument(doc, typeof doc.meta.route === "string" ? htmlPipeline : pipeline));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  return results;
}
