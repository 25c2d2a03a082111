// Readability's steps as chaff runs them (src/extract/html.ts): its unguarded log line does not
// serialise the article, and the article it returns comes out whole.
import { describe, expect, it } from "vitest";
import { extractHtmlSync } from "../../src/extract/html.js";
import { requireLinkedom } from "../../src/extract/linkedom-events.js";

const PAGE = `<html><head><title>Harbour wall</title></head><body><div id=site><div class=story><p>${"The council voted on Tuesday to extend the harbour wall by forty metres. ".repeat(12)}</p><p>${"Work starts in the spring and should end before the autumn storms. ".repeat(8)}</p></div></div></body></html>`;

describe("Readability's steps", () => {
  it("serialises only the body (kept for its retries), not the article for its log line; the article is extracted whole", () => {
    const prototype = requireLinkedom().linkedom.Element.prototype;
    const innerHTML = Object.getOwnPropertyDescriptor(prototype, "innerHTML")!;
    const serialised: string[] = [];
    Object.defineProperty(prototype, "innerHTML", {
      ...innerHTML,
      get(this: Element) {
        serialised.push(this.localName);
        return innerHTML.get!.call(this);
      },
    });
    try {
      const extracted = extractHtmlSync(PAGE, { dom: "linkedom" });
      expect(serialised).toEqual(["body"]);
      expect(extracted.raw.split("\n")).toEqual([
        "The council voted on Tuesday to extend the harbour wall by forty metres. ".repeat(12).trim(),
        "Work starts in the spring and should end before the autumn storms. ".repeat(8).trim(),
      ]);
    } finally {
      Object.defineProperty(prototype, "innerHTML", innerHTML);
    }
  });
});
