// The public API: re-exports only.
export * from "./core/index.js";
export { loadPipeline, buildPipeline, PipelineError, DEFAULT_PIPELINE } from "./run/pipeline-file.js";
export { registerStage, stageNames } from "./stages/registry.js";
export type { StageDefinition } from "./stages/registry.js";
export { createNormaliser } from "./stages/normalise.js";
export { runClean } from "./run/clean.js";
export type { CleanOptions } from "./run/clean.js";
export type { RunSummary } from "./run/summary.js";
export type { AuditRecord, DocumentRecord } from "./write/audit.js";
export { buildReport, writeReport } from "./report/report.js";
export { aggregateAudit } from "./report/aggregate.js";
export { explainFile, formatExplanation } from "./run/explain.js";
export { extractHtml, extractHtmlSync, htmlDocument } from "./extract/html.js";
export { setHtmlToDocument } from "./read/html-route.js";
export { registerFormat, readDocuments } from "./read/formats.js";
