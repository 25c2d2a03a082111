// linkedom's parts that chaff reads come from the copy that built the nodes (its symbols are made per copy).
import { describe, expect, it } from "vitest";
import { requireLinkedom } from "../../src/extract/linkedom-events.js";
import { LINKEDOM_PARTS, linkedomPart } from "../../src/extract/linkedom-package.js";

describe("linkedomPart", () => {
  it("gives linkedom's own symbols, NodeList and Attr: the ones on the nodes it builds", () => {
    const { linkedom } = requireLinkedom();
    const document = new linkedom.DOMParser().parseFromString("<html><body><p>a</p><p>b</p></body></html>", "text/html");
    const { NEXT } = linkedomPart("shared/symbols.js") as { NEXT: symbol };
    const body = document.body as unknown as Record<symbol, { localName?: string }>;
    expect(body[NEXT]?.localName).toBe("p");
    const { NodeList } = linkedomPart("interface/node-list.js") as { NodeList: new () => unknown[] };
    expect(document.getElementsByTagName("p")).toBeInstanceOf(NodeList);
    const { Attr } = linkedomPart("interface/attr.js") as { Attr: new () => unknown };
    expect(document.body.getAttributeNode("class") ?? document.createAttribute("id")).toBeInstanceOf(Attr);
    expect(LINKEDOM_PARTS).toEqual(["shared/symbols.js", "interface/node-list.js", "interface/attr.js"]);
  });
});
