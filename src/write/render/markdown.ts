// Markdown from chaff's own blocks, after apply: each block's kept text (core/kept.ts) becomes
// an mdast node and mdast-util-to-markdown writes it, escaping what Markdown would misread.
// Headings keep their level, lists their kind and nesting, table rows their cells (the first
// row is the header, as GFM requires), quotes are `> `, and <pre> lines a fenced block.
import type { Blockquote, Code, Heading, List, ListItem, Paragraph, Root, RootContent, Table, TableRow as MdTableRow } from "mdast";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import { toMarkdown } from "mdast-util-to-markdown";
import type { Block } from "../../core/document.js";
import { KeptText } from "../../core/kept.js";
import type { CleanResult, TextFinisher } from "../../core/stage.js";

/** How the Markdown is written; one table so the output format is easy to see and change. */
export const MARKDOWN_STYLE = {
  bullet: "-",
  listItemIndent: "one",
  fences: true,
  extensions: [gfmTableToMarkdown({ tablePipeAlign: false })],
} as const;

/**
 * The clean document as Markdown. `finisher` (the pipeline's normaliser) cleans each block's
 * text as it cleans the plain text; code keeps its spaces. A document without blocks (plain
 * text) is a paragraph per line of its clean text.
 */
export function renderMarkdown(result: CleanResult, finisher?: TextFinisher): string {
  const root: Root = { type: "root", children: result.doc.blocks ? nodesOfBlocks(result, finisher) : paragraphsOf(result.text) };
  if (root.children.length === 0) return "";
  return toMarkdown(root, { ...MARKDOWN_STYLE, extensions: [...MARKDOWN_STYLE.extensions] });
}

function paragraphsOf(text: string): RootContent[] {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => paragraph(p.trim()));
}

function paragraph(value: string): Paragraph {
  return { type: "paragraph", children: [{ type: "text", value }] };
}

function nodesOfBlocks(result: CleanResult, finisher: TextFinisher | undefined): RootContent[] {
  const kept = new KeptText(result.doc.raw, result.keptSpans);
  const inline = (start: number, end: number) => {
    const text = kept.slice(start, end);
    return (finisher ? finisher.finish(text).text : text).replace(/\s+/g, " ").trim();
  };
  const out: RootContent[] = [];
  /** Open lists, outermost first; each item node is the last of its list's children. */
  let lists: List[] = [];
  let table: Table | undefined;
  let code: { group: number; node: Code } | undefined;
  let quote: Blockquote | undefined;
  const close = (keep?: "list" | "table" | "code" | "quote") => {
    if (keep !== "list") lists = [];
    if (keep !== "table") table = undefined;
    if (keep !== "code") code = undefined;
    if (keep !== "quote") quote = undefined;
  };
  for (const block of result.doc.blocks!) {
    if (block.code !== undefined) {
      // trimEnd, not /\s+$/ (the same white space), which is quadratic on a long run of spaces inside a line.
      const line = kept.slice(block.start, block.end).trimEnd();
      if (!line.trim()) continue;
      if (code?.group === block.code) code.node.value += "\n" + line;
      else {
        close();
        code = { group: block.code, node: { type: "code", value: line } };
        out.push(code.node);
      }
      continue;
    }
    if (block.row) {
      const cells = block.row.cells.map(([start, end]) => inline(start, end));
      if (cells.every((cell) => !cell)) continue;
      const row: MdTableRow = { type: "tableRow", children: cells.map((value) => ({ type: "tableCell", children: value ? [{ type: "text", value }] : [] })) };
      // A header row after data rows starts a table of its own.
      if (!table || (block.row.header && !isHeaderOnly(table))) {
        close();
        table = { type: "table", children: [] };
        out.push(table);
      }
      table.children.push(row);
      close("table");
      continue;
    }
    const text = inline(block.start, block.end);
    if (!text) continue;
    if (block.kind === "list-item") {
      listItem(block, text);
      continue;
    }
    if (block.kind === "quote") {
      if (!quote) {
        close();
        quote = { type: "blockquote", children: [] };
        out.push(quote);
      }
      quote.children.push(paragraph(text));
      continue;
    }
    close();
    if (block.kind === "heading" || block.kind === "title") out.push({ type: "heading", depth: headingDepth(block), children: [{ type: "text", value: text }] } satisfies Heading);
    else out.push(paragraph(text));
  }
  for (const node of out) if (node.type === "table") padRows(node);
  return out;

  function listItem(block: Block, text: string): void {
    close("list");
    const ordered = block.list?.ordered ?? false;
    // Deeper than one level below the open lists nests one level only: there is no item to hang more on.
    const depth = Math.min(block.list?.depth ?? 0, lists.length);
    lists = lists.slice(0, depth + 1);
    if (lists.length === depth + 1 && lists[depth].ordered !== ordered) lists = lists.slice(0, depth);
    if (lists.length === depth) {
      const list: List = { type: "list", ordered, spread: false, children: [] };
      if (ordered) list.start = 1;
      if (depth === 0) out.push(list);
      else lists[depth - 1].children.at(-1)!.children.push(list);
      lists.push(list);
    }
    const item: ListItem = { type: "listItem", spread: false, children: [paragraph(text)] };
    lists[depth].children.push(item);
  }
}

function headingDepth(block: Block): Heading["depth"] {
  return Math.min(6, Math.max(1, block.kind === "title" ? 1 : (block.level ?? 2))) as Heading["depth"];
}

function isHeaderOnly(table: Table): boolean {
  return table.children.length === 0;
}

/** GFM rows all have the header's number of cells: short rows get empty cells. */
function padRows(table: Table): void {
  const width = Math.max(...table.children.map((row) => row.children.length));
  for (const row of table.children) while (row.children.length < width) row.children.push({ type: "tableCell", children: [] });
}
