// The audit report as one self-contained HTML page: inline CSS and JS, no
// network (a Content-Security-Policy forbids it), opens from disk. Every piece
// of audit text is untrusted: it is HTML-escaped, or embedded as JSON that the
// page's script only ever puts into `textContent`.
import type { RemovalRecord } from "../core/apply.js";
import type { AuditSummary, Count, TopDocument } from "./aggregate.js";
import type { RawText } from "./sources.js";

/** Raw texts longer than this are shown as excerpts around their highlights. */
export const FULL_VIEW_MAX_CHARS = 200_000;
/** Characters of context on each side of a highlight in an excerpt. */
export const EXCERPT_CONTEXT = 300;
/** Table rows per page. */
export const ROWS_PER_PAGE = 100;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** JSON safe inside a <script> element: nothing in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Digits grouped by commas, the same on every machine (no locale). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function formatShare(part: number, whole: number): string {
  return whole === 0 ? "0.00%" : `${((100 * part) / whole).toFixed(2)}%`;
}

export interface DocumentView {
  doc: TopDocument;
  raw: RawText;
}

function plural(n: number, one: string, many = one + "s"): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function barChart(title: string, counts: Record<string, Count>, filterKind: "rule" | "stage"): string {
  const entries = Object.entries(counts).sort(([a, x], [b, y]) => y.removals - x.removals || (a < b ? -1 : 1));
  const max = Math.max(1, ...entries.map(([, c]) => c.removals));
  const rows = entries
    .map(
      ([name, c]) =>
        `<tr><th scope="row"><button type="button" class="link" data-filter-${filterKind}="${escapeHtml(name)}">${escapeHtml(name)}</button></th>` +
        `<td class="bar"><span style="width:${((100 * c.removals) / max).toFixed(1)}%"></span></td>` +
        `<td class="num">${formatCount(c.removals)}</td><td class="num">${formatCount(c.chars)}</td></tr>`,
    )
    .join("\n");
  return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>
<table class="bars"><thead><tr><th>${filterKind}</th><th></th><th class="num">removals</th><th class="num">chars</th></tr></thead>
<tbody>${rows || `<tr><td colspan="4">none</td></tr>`}</tbody></table></figure>`;
}

function samplingNote(summary: AuditSummary): string {
  const n = summary.limits.fragmentsPerRule;
  const sampled = Object.entries(summary.rules).filter(([, c]) => c.removals > n);
  if (summary.fragments.length === summary.removals) {
    return `All ${plural(summary.removals, "removal")} are in the table.`;
  }
  const list = sampled.map(([rule, c]) => `${escapeHtml(rule)}: ${formatCount(n)} of ${formatCount(c.removals)}`).join("; ");
  return (
    `The table holds ${formatCount(summary.fragments.length)} of ${plural(summary.removals, "removal")}: every removal of a rule with at most ${formatCount(n)}, ` +
    `and for the rules with more a uniform random sample of ${formatCount(n)} (reservoir sampling with a fixed seed, so the same audit gives the same sample): ${list}. ` +
    `Counts and the charts above are exact. Fragments longer than ${formatCount(summary.limits.fragmentChars)} characters are cut in the table.`
  );
}

function documentsNote(summary: AuditSummary): string {
  const withRemovals = summary.topDocuments.length;
  const base = `The ${plural(withRemovals, "document")} with the most characters removed (of ${plural(summary.documents, "document")}; at most ${formatCount(summary.limits.topDocuments)} are listed), each with an in-place view below.`;
  const capped = summary.topDocuments.filter((d) => d.removalCount > d.removals.length);
  return capped.length
    ? `${base} Views highlight at most ${formatCount(summary.limits.highlightsPerDocument)} removals each (${capped.map((d) => escapeHtml(d.doc)).join(", ")} have more).`
    : base;
}

function label(r: RemovalRecord): string {
  return r.movedTo ? `${r.rule} → ${r.movedTo}` : r.rule;
}

function highlight(r: RemovalRecord): string {
  const title = `${r.rule} (${r.stage}) at ${r.line}:${r.column}: ${r.reason}${r.movedTo ? ` (moved to ${r.movedTo})` : ""}`;
  return (
    `<span class="hl${r.movedTo ? " moved" : ""}" data-rule="${escapeHtml(r.rule)}" title="${escapeHtml(title)}">` +
    `<span class="lbl">${escapeHtml(label(r))}</span><del>${escapeHtml(r.text)}</del><span class="why">${escapeHtml(r.reason)}</span></span>`
  );
}

/** Raw text with removals highlighted in place; long texts as excerpts around them. */
function inPlace(raw: string, removals: readonly RemovalRecord[]): string {
  const sorted = [...removals].sort((a, b) => a.start - b.start);
  const excerpt = raw.length > FULL_VIEW_MAX_CHARS;
  let html = "";
  let cursor = 0;
  const kept = (from: number, to: number, isLast: boolean) => {
    if (!excerpt || to - from <= 2 * EXCERPT_CONTEXT) return escapeHtml(raw.slice(from, to));
    const head = from === 0 ? "" : escapeHtml(raw.slice(from, from + EXCERPT_CONTEXT));
    const tail = isLast ? "" : escapeHtml(raw.slice(to - EXCERPT_CONTEXT, to));
    const skipped = to - from - (head ? EXCERPT_CONTEXT : 0) - (tail ? EXCERPT_CONTEXT : 0);
    return `${head}<span class="skip">[… ${formatCount(skipped)} characters …]</span>${tail}`;
  };
  for (const r of sorted) {
    html += kept(cursor, r.start, false) + highlight(r);
    cursor = r.end;
  }
  html += kept(cursor, raw.length, true);
  return html;
}

function documentView(view: DocumentView, index: number): string {
  const d = view.doc;
  const head =
    `<summary><span class="doc">${escapeHtml(d.doc)}</span> <span class="muted">${escapeHtml(d.source)}</span> ` +
    `<span class="pill">${plural(d.removalCount, "removal")}, ${formatCount(d.chars.removed)} of ${formatCount(d.chars.in)} chars</span></summary>`;
  const legend = d.removals
    .map(
      (r) =>
        `<tr data-rule="${escapeHtml(r.rule)}"><td class="num">${r.line}:${r.column}</td><td>${escapeHtml(r.rule)}</td><td>${escapeHtml(r.stage)}</td>` +
        `<td>${escapeHtml(r.reason)}${r.movedTo ? ` <em>(moved to ${escapeHtml(r.movedTo)})</em>` : ""}</td></tr>`,
    )
    .join("\n");
  let body: string;
  if ("raw" in view.raw) {
    const mode = view.raw.raw.length > FULL_VIEW_MAX_CHARS ? `<p class="note">The raw text has ${formatCount(view.raw.raw.length)} characters: shown as excerpts of ${EXCERPT_CONTEXT} characters around each removal.</p>` : "";
    body = `${mode}<div class="raw">${inPlace(view.raw.raw, d.removals)}</div>`;
  } else {
    body =
      `<p class="note">Raw text not shown: ${escapeHtml(view.raw.unavailable)}. The removed fragments with their offsets:</p>` +
      `<ol class="frags">${d.removals.map((r) => `<li><span class="muted">[${r.start}, ${r.end}) ${r.line}:${r.column}</span> ${highlight(r)}</li>`).join("\n")}</ol>`;
  }
  return `<details class="view" id="doc-${index}" data-doc="${escapeHtml(d.doc)}">${head}
${body}
<table class="legend"><thead><tr><th>line:col</th><th>rule</th><th>stage</th><th>reason</th></tr></thead><tbody>${legend}</tbody></table></details>`;
}

const STYLE = `
:root{--fg:#1d1d1f;--muted:#666;--line:#ddd;--bar:#4a78c2;--del:#fde2e1;--delfg:#8a1c14;--moved:#fff1c2;--lbl:#8a1c14}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0 auto;max-width:1200px;padding:16px 24px}
h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.muted{color:var(--muted)}.note{color:var(--muted);font-size:13px;margin:4px 0 10px}
.totals{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}.totals div{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:150px}
.totals b{display:block;font-size:20px}.charts{display:flex;flex-wrap:wrap;gap:24px}.chart{flex:1 1 420px;margin:0}
.chart figcaption{font-weight:600;margin-bottom:4px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #eee;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.bars th{white-space:nowrap}.bars td.bar{width:45%}.bars td.bar span{display:block;height:12px;background:var(--bar);border-radius:2px;min-width:2px}
button.link{background:none;border:0;padding:0;color:#1a56b0;cursor:pointer;font:inherit;text-align:left}button.link:hover{text-decoration:underline}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:8px 0}.filters input[type=search]{min-width:260px}
#fragments td.text{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;white-space:pre-wrap;word-break:break-word;max-width:560px}
.pager{display:flex;gap:8px;align-items:center;margin:8px 0}
details.view{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:6px 10px}details.view summary{cursor:pointer}
.doc{font-weight:600}td.id,span.id{display:inline-block;max-width:32ch;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:bottom}td.id{display:table-cell}.pill{background:#eef2f8;border-radius:10px;padding:1px 8px;font-size:12px;margin-left:6px}
.raw{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;white-space:pre-wrap;word-break:break-word;background:#fafafa;border:1px solid #eee;padding:10px;margin:8px 0;max-height:70vh;overflow:auto}
.hl{background:var(--del);border-radius:3px;outline:1px solid #f3b7b3}.hl del{color:var(--delfg);text-decoration-color:rgba(138,28,20,.5)}
.hl.moved{background:var(--moved);outline-color:#e8cf7a}.hl.moved del{color:#6b5200}
.lbl{font:600 11px system-ui,sans-serif;color:#fff;background:var(--lbl);border-radius:3px;padding:0 4px;margin-right:4px;white-space:nowrap}.hl.moved .lbl{background:#8a6d00}
.skip{color:var(--muted);font-style:italic}.why{font:italic 11px system-ui,sans-serif;color:var(--lbl);margin-left:6px}.why::before{content:"\\2190  "}.hl.moved .why{color:#6b5200}ol.frags li{margin:4px 0}.legend{font-size:12.5px;margin-top:6px}
`;

// Plain ES2017 so any browser runs it; all audit text goes through textContent.
const SCRIPT = `
(function(){
var data=JSON.parse(document.getElementById('fragment-data').textContent);
var rows=data.fragments,pageSize=${ROWS_PER_PAGE},page=0,shown=rows;
var rule=document.getElementById('filter-rule'),stage=document.getElementById('filter-stage'),search=document.getElementById('filter-text');
var body=document.querySelector('#fragments tbody'),status=document.getElementById('filter-status');
function cell(tr,text,cls){var td=document.createElement('td');td.textContent=text;if(cls)td.className=cls;tr.appendChild(td);return td;}
function render(){
  body.textContent='';
  var from=page*pageSize,to=Math.min(shown.length,from+pageSize);
  for(var i=from;i<to;i++){var f=shown[i],tr=document.createElement('tr');
    tr.setAttribute('data-rule',f.rule);
    cell(tr,f.rule);cell(tr,f.stage);
    var d=cell(tr,'','id');d.title=f.doc;var target=data.views[f.source+'\\u0000'+f.doc];
    if(target!==undefined){var a=document.createElement('a');a.href='#doc-'+target;a.textContent=f.doc;a.setAttribute('data-view',String(target));d.appendChild(a);}else{d.textContent=f.doc;}
    cell(tr,f.line+':'+f.column,'num');cell(tr,f.text+(f.movedTo?'  \\u2192 '+f.movedTo:''),'text');cell(tr,f.reason);
    body.appendChild(tr);}
  var pages=Math.max(1,Math.ceil(shown.length/pageSize));
  status.textContent=shown.length+' of '+rows.length+' embedded fragments match'+(shown.length?' \\u2014 page '+(page+1)+' of '+pages:'');
  document.getElementById('prev').disabled=page===0;document.getElementById('next').disabled=page>=pages-1;
}
function apply(){
  var r=rule.value,s=stage.value,q=search.value.toLowerCase();
  shown=rows.filter(function(f){return(!r||f.rule===r)&&(!s||f.stage===s)&&(!q||f.text.toLowerCase().indexOf(q)>=0||f.doc.toLowerCase().indexOf(q)>=0||f.reason.toLowerCase().indexOf(q)>=0);});
  page=0;render();
}
rule.addEventListener('change',apply);stage.addEventListener('change',apply);search.addEventListener('input',apply);
document.getElementById('prev').addEventListener('click',function(){page--;render();});
document.getElementById('next').addEventListener('click',function(){page++;render();});
document.addEventListener('click',function(e){var t=e.target;if(!t||!t.getAttribute)return;
  var fr=t.getAttribute('data-filter-rule'),fs=t.getAttribute('data-filter-stage'),v=t.getAttribute('data-view');
  if(fr!==null){rule.value=fr;stage.value='';apply();document.getElementById('fragments-section').scrollIntoView();}
  if(fs!==null){stage.value=fs;rule.value='';apply();document.getElementById('fragments-section').scrollIntoView();}
  if(v!==null){var el=document.getElementById('doc-'+v);if(el)el.open=true;}
});
function openHash(){var el=location.hash&&document.getElementById(location.hash.slice(1));if(el&&el.tagName==='DETAILS')el.open=true;}
window.addEventListener('hashchange',openHash);openHash();apply();
})();
`;

/** Documents left out whole by the near-duplicates corpus stage, grouped under the document each one copies. */
function nearDuplicatesSection(summary: AuditSummary): string {
  const near = summary.nearDuplicates;
  if (near.documents === 0) return "";
  const listed = near.clusters.reduce((n, c) => n + c.copies.length, 0);
  const rows = near.clusters
    .map(
      (c) =>
        `<tr><td rowspan="${c.copies.length}"><b>${escapeHtml(c.kept)}</b></td>` +
        c.copies.map((copy) => `<td>${escapeHtml(copy.doc)}</td><td class="muted">${escapeHtml(copy.source)}</td><td class="num">${Number.isNaN(copy.similarity) ? "" : copy.similarity.toFixed(2)}</td>`).join("</tr>\n<tr>") +
        "</tr>",
    )
    .join("\n");
  const note = `${plural(near.documents, "document")} left out as near-duplicates of a kept document (rule <code>corpus/near-duplicate</code>)${listed < near.documents ? `; ${formatCount(listed)} are listed${near.clustersNotListed ? `, ${plural(near.clustersNotListed, "more copy", "more copies")} of clusters not listed` : ""}` : ""}.`;
  return `<section id="near-duplicates"><h2>Near-duplicate documents</h2>
<p class="note">${note}</p>
<table><thead><tr><th>kept document</th><th>left out</th><th>source</th><th class="num">similarity</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

export function renderReport(summary: AuditSummary, views: readonly DocumentView[], auditLabel: string): string {
  const docLinks: Record<string, number> = {};
  views.forEach((v, i) => (docLinks[`${v.doc.source}\u0000${v.doc.doc}`] = i));
  const options = (names: string[]) => names.map((n) => `<option value="${escapeHtml(n)}">${escapeHtml(n)}</option>`).join("");
  const topRows = views
    .map(
      (v, i) =>
        // Long ids and paths are cut with an ellipsis (the whole in the tooltip), so the numbers stay on screen.
        `<tr><td class="id" title="${escapeHtml(v.doc.doc)}"><a href="#doc-${i}" data-view="${i}">${escapeHtml(v.doc.doc)}</a></td><td class="muted id" title="${escapeHtml(v.doc.source)}">${escapeHtml(v.doc.source)}</td>` +
        `<td class="num">${formatCount(v.doc.chars.in)}</td><td class="num">${formatCount(v.doc.chars.removed)}</td>` +
        `<td class="num">${formatShare(v.doc.chars.removed, v.doc.chars.in)}</td><td class="num">${formatCount(v.doc.removalCount)}</td>` +
        `<td>${Object.entries(v.doc.rules).sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, n]) => `${escapeHtml(r)} ×${formatCount(n)}`).join(", ")}</td></tr>`,
    )
    .join("\n");
  const errors = summary.errors.count
    ? `<h2>Inputs that failed</h2><p class="note">${plural(summary.errors.count, "input")} failed${summary.errors.count > summary.errors.listed.length ? `; the first ${formatCount(summary.errors.listed.length)} are listed` : ""}.</p>
<table><thead><tr><th>source</th><th>reason</th></tr></thead><tbody>${summary.errors.listed.map((e) => `<tr><td>${escapeHtml(e.source)}</td><td>${escapeHtml(e.reason)}</td></tr>`).join("\n")}</tbody></table>`
    : "";
  const setAside = summary.setAside?.count
    ? `<h2>Records set aside</h2><p class="note">${plural(summary.setAside.count, "record")} in <code>${escapeHtml(summary.setAside.path)}</code> (rejected on reading, or failed)${summary.setAside.count > summary.setAside.listed.length ? `; the first ${formatCount(summary.setAside.listed.length)} are listed` : ""}.</p>
<table id="set-aside"><thead><tr><th>input</th><th>where</th><th>id</th><th>kind</th><th>reason</th></tr></thead><tbody>${summary.setAside.listed.map((r) => `<tr><td class="id" title="${escapeHtml(r.input)}">${escapeHtml(r.input)}</td><td>${escapeHtml(r.at)}</td><td class="id" title="${escapeHtml(r.id ?? "")}">${escapeHtml(r.id ?? "")}</td><td>${escapeHtml(r.kind)}</td><td>${escapeHtml(r.reason)}</td></tr>`).join("\n")}</tbody></table>`
    : "";
  const unmatched = summary.unmatchedRemovals
    ? `<p class="note">${plural(summary.unmatchedRemovals, "removal record")} had no document record after them (was the audit cut short?); they are counted.</p>`
    : "";
  const data = { fragments: summary.fragments, views: docLinks };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>chaff audit report: ${escapeHtml(auditLabel)}</title>
<style>${STYLE}</style></head>
<body>
<h1>chaff audit report</h1>
<p class="muted">Audit <code>${escapeHtml(auditLabel)}</code>; pipeline ${summary.pipelines.map((p) => `<code>${escapeHtml(p)}</code>`).join(", ") || "unknown"}.</p>
<section id="totals"><div class="totals">
<div>documents<b>${formatCount(summary.documents)}</b></div>
<div>characters in<b>${formatCount(summary.chars.in)}</b></div>
<div>characters removed<b>${formatCount(summary.chars.removed)}</b></div>
<div>share removed<b>${formatShare(summary.chars.removed, summary.chars.in)}</b></div>
<div>removals<b>${formatCount(summary.removals)}</b></div>
<div>failed inputs<b>${formatCount(summary.errors.count)}</b></div>${summary.setAside ? `\n<div>records set aside<b>${formatCount(summary.setAside.count)}</b></div>` : ""}
</div>${unmatched}</section>
<h2>Removals by rule and by stage</h2>
<p class="note">Exact counts over the whole audit. Click a rule or a stage to filter the fragments.</p>
<div class="charts">${barChart("per rule", summary.rules, "rule")}${barChart("per stage", summary.stages, "stage")}</div>
<h2>Documents with the most removed</h2>
<p class="note">${documentsNote(summary)}</p>
<table id="top-documents"><thead><tr><th>document</th><th>source</th><th class="num">chars in</th><th class="num">removed</th><th class="num">share</th><th class="num">removals</th><th>rules</th></tr></thead>
<tbody>${topRows || `<tr><td colspan="7">no document had anything removed</td></tr>`}</tbody></table>
${nearDuplicatesSection(summary)}
<section id="fragments-section"><h2>Removed fragments</h2>
<p class="note" id="sampling-note">${samplingNote(summary)}</p>
<div class="filters">
<label>rule <select id="filter-rule"><option value="">all rules</option>${options(Object.keys(summary.rules))}</select></label>
<label>stage <select id="filter-stage"><option value="">all stages</option>${options(Object.keys(summary.stages))}</select></label>
<label>search <input type="search" id="filter-text" placeholder="text, document or reason"></label>
</div>
<div class="pager"><button type="button" id="prev">◀ previous</button><button type="button" id="next">next ▶</button><span id="filter-status" class="muted"></span></div>
<table id="fragments"><thead><tr><th>rule</th><th>stage</th><th>document</th><th class="num">line:col</th><th>removed text</th><th>reason</th></tr></thead><tbody></tbody></table>
<noscript><p class="note">The fragment table needs JavaScript; the in-place views below do not.</p></noscript>
</section>
<h2>Documents in place</h2>
<p class="note">Raw text with each removed fragment struck through, labelled with its rule before it and its reason after it (hover for the stage and position; the table under each text lists them). Yellow fragments moved into metadata.</p>
${views.map(documentView).join("\n")}
${errors}
${setAside}
<script type="application/json" id="fragment-data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
