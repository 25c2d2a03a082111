// The parse5 adapter links the nodes it builds into linkedom's list itself and joins a text node's
// pieces once (src/extract/linkedom-tree.ts, linkBefore and appendText) instead of calling
// linkedom's appendChild, insertBefore and `data +=`: the tree must be the one those calls build.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import fc from "fast-check";
import type { TreeAdapter } from "parse5";
import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/extract/dom.js";
import { LINKEDOM_ADAPTER, parseInto, type LinkedomTreeMap } from "../../src/extract/linkedom-tree.js";

/** The adapter as it was: every node put in place, and every text extended, by linkedom's own calls. */
const THROUGH_LINKEDOM: TreeAdapter<LinkedomTreeMap> = {
  ...LINKEDOM_ADAPTER,
  appendChild: (parent, node) => void parent.appendChild(node),
  insertBefore: (parent, node, reference) => void parent.insertBefore(node, reference),
  insertText(parent, text) {
    const last = parent.lastChild;
    if (last && last.nodeType === 3) (last as Text).data += text;
    else parent.appendChild(parent.ownerDocument!.createTextNode(text));
  },
  insertTextBefore(parent, text, reference) {
    const previous = reference.previousSibling;
    if (previous && previous.nodeType === 3) (previous as Text).data += text;
    else parent.insertBefore(parent.ownerDocument!.createTextNode(text), reference);
  },
};

function emptyDocument(): Document {
  parseHtml("", "linkedom"); // linkedom loaded as chaff loads it (its EventTarget, its patches)
  const { DOMParser } = createRequire(import.meta.url)("linkedom") as typeof import("linkedom");
  return new DOMParser().parseFromString("", "text/html") as unknown as Document;
}

/**
 * The tree below `parent` as lines, each node's links checked against its neighbours on the way:
 * parent, both siblings, first and last child, and the order linkedom's own walk (the `[NEXT]`
 * list, through textContent and getElementsByTagName) sees.
 */
function describeTree(parent: Node, adapter: TreeAdapter<LinkedomTreeMap>, depth = 0, lines: string[] = []): string[] {
  let previous: ChildNode | null = null;
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    expect(child.parentNode).toBe(parent);
    expect(child.previousSibling).toBe(previous);
    const indent = " ".repeat(depth);
    if (child.nodeType === 1) {
      const element = child as Element;
      lines.push(`${indent}<${element.localName} ${JSON.stringify(Array.from(element.attributes, (a) => [a.name, a.value]))}`);
      describeTree(element, adapter, depth + 1, lines);
      if (element.localName === "template" && element.namespaceURI === "http://www.w3.org/1999/xhtml") {
        lines.push(`${indent}#content`);
        describeTree(adapter.getTemplateContent(element as HTMLTemplateElement), adapter, depth + 1, lines);
      }
    } else lines.push(`${indent}${child.nodeType} ${JSON.stringify((child as CharacterData).data)}`);
    previous = child;
  }
  expect(parent.lastChild).toBe(previous);
  return lines;
}

function expectSameTree(html: string): number {
  const linked = parseInto(emptyDocument(), html);
  const reference = parseInto(emptyDocument(), html, THROUGH_LINKEDOM);
  const lines = describeTree(linked, LINKEDOM_ADAPTER);
  expect(lines).toEqual(describeTree(reference, THROUGH_LINKEDOM));
  expect(linked.documentElement.outerHTML).toBe(reference.documentElement.outerHTML);
  expect(linked.documentElement.textContent).toBe(reference.documentElement.textContent);
  expect(Array.from(linked.getElementsByTagName("*"), (e) => e.localName)).toEqual(Array.from(reference.getElementsByTagName("*"), (e) => e.localName));
  return lines.length;
}

/** Markup that sends parse5 down its rarer paths: misnested formatting (adoption), text and tags in tables (foster parenting), templates, foreign content, a second <body>, text split at spaces and references. */
const markup = fc
  .array(
    fc.oneof(
      fc.constantFrom("<b>", "</b>", "<i>", "</i>", "<a href=x>", "</a>", "<p>", "</p>", "<div class='a  b a'>", "</div>", "<table>", "</table>"),
      fc.constantFrom("<tr>", "<td>", "</td>", "<caption>", "<template>", "</template>", "<svg><circle/>", "</svg>", "<math>", "<select><option>", "</select>"),
      fc.constantFrom("<body id=second>", "<html lang=x>", "<!-- c -->", "<br>", "<img src=y>", "<li>", "<ul>", "</ul>", "<noscript>", "</noscript>", "<h1>", "</h2>"),
      fc.constantFrom("word", " ", "two words", "\n\t", "&amp;", "&nbsp;x", "\u0000", "é", "<", ">"),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("the tree parse5 builds on linkedom, nodes linked by the adapter", () => {
  it("is the one linkedom's appendChild, insertBefore and data setter build, on generated markup", () => {
    fc.assert(
      fc.property(markup, (html) => {
        expectSameTree(html);
      }),
      { numRuns: 400 },
    );
  });

  it("is the same where the adapter's paths differ: adoption, foster parenting, templates (the comparison can fail)", () => {
    const html =
      "<p>one <b>two <i>three</p> four</i> five</b><table>stray <b>text</b><tr><td>cell</td></tr> more</table>" +
      "<template><p>in <b>template</b></p>text</template><body class=again>after";
    expect(expectSameTree(html)).toBeGreaterThan(20);
    // The reference differs when a node is linked wrongly: the walk above can fail.
    const broken = parseInto(emptyDocument(), html);
    broken.body.firstChild!.appendChild(broken.createTextNode("x"));
    expect(describeTree(broken, LINKEDOM_ADAPTER)).not.toEqual(describeTree(parseInto(emptyDocument(), html, THROUGH_LINKEDOM), THROUGH_LINKEDOM));
  });

  it("is the same on real pages (the HTML fixtures)", () => {
    const folder = join(import.meta.dirname, "../fixtures/html");
    for (const name of readdirSync(folder).filter((file) => file.endsWith(".html"))) {
      expect(expectSameTree(readFileSync(join(folder, name), "latin1"))).toBeGreaterThan(5);
    }
  });
});
