// The HTML route on linkedom against jsdom, the reference DOM, page by page over the benchmark sets:
//   npx tsx bench/dom-compare.ts [--sets aeb,dragnet] [--limit N]
// Each page is extracted on both DOMs (alternating which goes first) and the two extractions are
// compared whole: text, blocks, metadata and left-out records, the DOM's name aside, and the class
// words a markup flag quotes with their white space collapsed (linkedom keeps a class attribute as
// its class list). Prints the pages that differ, the pages where linkedom threw, and the time each DOM took.
// Run it after any change to extraction: a DOM method linkedom lacks shows here, not as a silent slowdown.
import { benchSets, loadSet } from "./extract.js";
import { extractHtmlSync, type ExtractedHtml } from "../src/extract/html.js";

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const sets = arg("sets")?.split(",") ?? benchSets();
const limit = arg("limit") ? Number(arg("limit")) : undefined;

function comparable(extracted: ExtractedHtml): string {
  const { dom: _dom, ...extraction } = extracted.meta.extraction ?? {};
  const json = JSON.stringify({ ...extracted, meta: { ...extracted.meta, extraction } });
  return json.replace(/"markup":"([^"]*)"/g, (_, words: string) => `"markup":"${words.trim().split(/\s+/).join(" ")}"`);
}

const seconds = { jsdom: 0, linkedom: 0 };
let pages = 0;
const differing: string[] = [];
const threw: string[] = [];
for (const set of sets) {
  for (const page of loadSet(set, limit)) {
    pages++;
    const out: Partial<Record<"jsdom" | "linkedom", ExtractedHtml | Error>> = {};
    for (const dom of pages % 2 ? (["jsdom", "linkedom"] as const) : (["linkedom", "jsdom"] as const)) {
      const started = process.hrtime.bigint();
      try {
        out[dom] = extractHtmlSync(page.bytes, { url: page.url, dom });
      } catch (error) {
        out[dom] = error as Error;
      }
      seconds[dom] += Number(process.hrtime.bigint() - started) / 1e9;
    }
    const { jsdom, linkedom } = out;
    if (linkedom instanceof Error) threw.push(`${set}/${page.id}: ${linkedom.message}`);
    else if (jsdom instanceof Error || comparable(jsdom!) !== comparable(linkedom!)) {
      const same = !(jsdom instanceof Error) && jsdom!.raw === linkedom!.raw;
      differing.push(`${set}/${page.id}${same ? " (same text; blocks or metadata differ)" : ""}`);
    }
  }
}
console.log(`${pages} pages of ${sets.join(", ")}${limit ? ` (first ${limit} of each)` : ""}: ${differing.length} differ, linkedom threw on ${threw.length}`);
for (const line of [...differing, ...threw]) console.log(`  ${line}`);
console.log(`extraction time: linkedom ${seconds.linkedom.toFixed(1)} s, jsdom ${seconds.jsdom.toFixed(1)} s (linkedom ${(seconds.linkedom / seconds.jsdom).toFixed(2)}x)`);
