// `chaff report`: audit log -> one HTML file.
import { writeFileAtomic } from "../write/atomic.js";
import { aggregateAudit, DEFAULT_LIMITS, type AuditSummary, type ReportLimits } from "./aggregate.js";
import { renderReport, type DocumentView } from "./html.js";
import { loadRawTexts } from "./sources.js";

export interface ReportOptions {
  limits?: Partial<ReportLimits>;
  /** Directory that relative `source` paths in the audit are resolved against (where `clean` ran). */
  sourcesDir?: string;
}

export async function buildReport(auditPath: string, options: ReportOptions = {}): Promise<{ html: string; summary: AuditSummary; views: DocumentView[] }> {
  const summary = await aggregateAudit(auditPath, { ...DEFAULT_LIMITS, ...options.limits });
  const raws = await loadRawTexts(summary.topDocuments, options.sourcesDir ?? process.cwd());
  const views: DocumentView[] = summary.topDocuments.map((doc, i) => ({ doc, raw: raws[i] }));
  return { html: renderReport(summary, views, auditPath), summary, views };
}

export async function writeReport(auditPath: string, outPath: string, options: ReportOptions = {}): Promise<AuditSummary> {
  const { html, summary } = await buildReport(auditPath, options);
  await writeFileAtomic(outPath, html);
  return summary;
}
