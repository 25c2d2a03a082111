// `chaff report`: audit log -> one HTML file.
import { writeFileAtomic } from "../write/atomic.js";
import { aggregateAudit, DEFAULT_LIMITS, type AuditSummary, type ReportLimits } from "./aggregate.js";
import { renderReport, type DocumentView } from "./html.js";
import { loadRawText } from "./sources.js";

export interface ReportOptions {
  limits?: Partial<ReportLimits>;
  /** Directory that relative `source` paths in the audit are resolved against (where `clean` ran). */
  sourcesDir?: string;
}

export async function buildReport(auditPath: string, options: ReportOptions = {}): Promise<{ html: string; summary: AuditSummary; views: DocumentView[] }> {
  const summary = await aggregateAudit(auditPath, { ...DEFAULT_LIMITS, ...options.limits });
  const views: DocumentView[] = [];
  for (const doc of summary.topDocuments) {
    views.push({ doc, raw: await loadRawText(doc.source, doc.removals, options.sourcesDir ?? process.cwd()) });
  }
  return { html: renderReport(summary, views, auditPath), summary, views };
}

export async function writeReport(auditPath: string, outPath: string, options: ReportOptions = {}): Promise<AuditSummary> {
  const { html, summary } = await buildReport(auditPath, options);
  await writeFileAtomic(outPath, html);
  return summary;
}
