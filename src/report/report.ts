// `chaff report`: audit log -> one HTML file.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { setHtmlRouteOptions, type HtmlRouteOptions } from "../core/route-options.js";
import type { ReadOptions } from "../read/formats.js";
import { writeFileAtomic } from "../write/atomic.js";
import { aggregateAudit, DEFAULT_LIMITS, readSetAside, type AuditSummary, type ReportLimits } from "./aggregate.js";
import { renderReport, type DocumentView } from "./html.js";
import { loadRawTexts } from "./sources.js";

export interface ReportOptions {
  limits?: Partial<ReportLimits>;
  /**
   * Directory that relative `source` paths in the audit are resolved against (where `clean` ran).
   * Default: the current directory, else the audit's folder, else the folder above it.
   */
  sourcesDir?: string;
  /** How `clean` read the sources (`--text-field`, `--html`...), to read them again for the in-place views. */
  read?: Partial<ReadOptions>;
  htmlRoute?: HtmlRouteOptions;
  /** The rejects file of the run; default: beside the audit (`X.audit.jsonl` -> `X.rejects.jsonl`) when there is one. */
  rejectsPath?: string;
}

export async function buildReport(auditPath: string, options: ReportOptions = {}): Promise<{ html: string; summary: AuditSummary; views: DocumentView[] }> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const summary = await aggregateAudit(auditPath, limits);
  const rejectsPath = options.rejectsPath ?? defaultRejects(auditPath);
  if (rejectsPath) summary.setAside = await readSetAside(rejectsPath, limits.errors);
  setHtmlRouteOptions(options.htmlRoute);
  const auditDir = dirname(resolve(auditPath));
  const dirs = options.sourcesDir ? [options.sourcesDir] : [process.cwd(), auditDir, dirname(auditDir)];
  const raws = await loadRawTexts(summary.topDocuments, dirs, options.read);
  const views: DocumentView[] = summary.topDocuments.map((doc, i) => ({ doc, raw: raws[i] }));
  return { html: renderReport(summary, views, auditPath), summary, views };
}

function defaultRejects(auditPath: string): string | undefined {
  const path = auditPath.replace(/\.audit\.jsonl$/, ".rejects.jsonl");
  return path !== auditPath && existsSync(path) ? path : undefined;
}

export async function writeReport(auditPath: string, outPath: string, options: ReportOptions = {}): Promise<AuditSummary> {
  const { html, summary } = await buildReport(auditPath, options);
  await writeFileAtomic(outPath, html);
  return summary;
}
