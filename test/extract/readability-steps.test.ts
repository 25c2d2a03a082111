// Readability's steps as chaff runs them (src/extract/html.ts): neither its unguarded log line nor
// the body cached for a retry is serialised, the article it returns comes out whole, and a retry
// restores the body from the very markup Readability would have cached.
import { Readability } from "@mozilla/readability";
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractHtmlSync, readerOf, styleDeclaration } from "../../src/extract/html.js";
import { parseHtml, type DomName } from "../../src/extract/dom.js";
import { requireLinkedom } from "../../src/extract/linkedom-events.js";

const PAGE = `<html><head><title>Harbour wall</title></head><body><div id=site><div class=story><p>${"The council voted on Tuesday to extend the harbour wall by forty metres. ".repeat(12)}</p><p>${"Work starts in the spring and should end before the autumn storms. ".repeat(8)}</p></div></div></body></html>`;

describe("Readability's steps", () => {
  it("serialises neither the body (cached for a retry that never comes) nor the article for its log line; the article is extracted whole", () => {
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
      expect(serialised).toEqual([]);
      expect(extracted.raw.split("\n")).toEqual([
        "The council voted on Tuesday to extend the harbour wall by forty metres. ".repeat(12).trim(),
        "Work starts in the spring and should end before the autumn storms. ".repeat(8).trim(),
      ]);
    } finally {
      Object.defineProperty(prototype, "innerHTML", innerHTML);
    }
  });

  // A story too short for Readability's 500 characters: it retries three times with looser flags,
  // each time (and once more after the last) restoring the body from the markup it cached when it started.
  const SHORT = `<html><body><div class="sidebar"><p>Most read: ${"a headline, ".repeat(6)}</p></div><div class="story"><p>The ferry ran again on Monday after a week of storms, the harbour office said.</p><p>Tickets bought for the cancelled sailings stay valid until May.</p></div></body></html>`;

  it("on linkedom, restores the body on each retry from the markup it had when _grabArticle started", () => {
    type Steps = { _doc: Document; _grabArticle(page?: Element | null): Element | null };
    const steps = Readability.prototype as unknown as Steps;
    const grab = steps._grabArticle;
    const cached: string[] = [];
    const restored: string[] = [];
    // The DOM's own accessors, read past the body's own property that chaff sets during the call.
    const ownAccessor = (element: Element): PropertyDescriptor => {
      for (let proto = Object.getPrototypeOf(element); proto; proto = Object.getPrototypeOf(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, "innerHTML");
        if (descriptor) return descriptor;
      }
      throw new Error("no innerHTML");
    };
    steps._grabArticle = function (this: Steps, page?: Element | null) {
      const body = this._doc.body as Element;
      const accessor = ownAccessor(body);
      cached.push(accessor.get!.call(body));
      const ownSet = Object.getOwnPropertyDescriptor(body, "innerHTML")!.set!;
      Object.defineProperty(body, "innerHTML", {
        configurable: true,
        get: Object.getOwnPropertyDescriptor(body, "innerHTML")!.get,
        set(html: string) {
          ownSet.call(body, html);
          restored.push(accessor.get!.call(body));
        },
      });
      return grab.call(this, page);
    };
    try {
      const extracted = extractHtmlSync(SHORT, { dom: "linkedom" });
      expect(cached).toHaveLength(1);
      expect(cached[0]).toContain("The ferry ran again on Monday");
      // Three retries with looser flags, and a last restore before it takes its longest attempt.
      expect(restored).toEqual([cached[0], cached[0], cached[0], cached[0]]);
      expect(extracted.raw).toContain("The ferry ran again on Monday after a week of storms, the harbour office said.");
    } finally {
      steps._grabArticle = grab;
    }
  });

  const FIXTURES = join(import.meta.dirname, "../fixtures/html");
  it.each(["linkedom", "jsdom"] as DomName[])("on %s, the text tests that stop early answer as Readability's own for every element of the fixture pages", (dom) => {
    type Tests = { _isElementWithoutContent(node: Element): boolean; _isValidByline(node: Element, matchString: string): boolean };
    const own = Readability.prototype as unknown as Tests;
    let empty = 0;
    let bylines = 0;
    for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith(".html"))) {
      const document = parseHtml(readFileSync(join(FIXTURES, name), "utf8").replace("</body>", `<div> <span>\u00a0</span><br></div><p class="byline"> </p><p rel="author">By Ann Lee</p></body>`), dom);
      const reader = readerOf(document) as unknown as Tests;
      expect(reader._isElementWithoutContent).not.toBe(own._isElementWithoutContent);
      for (const element of Array.from(document.querySelectorAll("*"))) {
        const matchString = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
        const withoutContent = own._isElementWithoutContent.call(reader, element);
        const byline = own._isValidByline.call(reader, element, matchString);
        expect(reader._isElementWithoutContent(element), `${name} ${element.outerHTML.slice(0, 80)}`).toBe(withoutContent);
        expect(Boolean(reader._isValidByline(element, matchString)), `${name} ${element.outerHTML.slice(0, 80)}`).toBe(Boolean(byline));
        empty += Number(withoutContent);
        bylines += Number(Boolean(byline));
      }
    }
    // Both answers occur, so the comparison is not of "false" with "false".
    expect(empty).toBeGreaterThan(3);
    expect(bylines).toBeGreaterThan(3);
  });
});

describe("Readability's visibility test on linkedom", () => {
  const FIXTURES = join(import.meta.dirname, "../fixtures/html");
  // Style attributes as pages write them (prestrip reduces quoted ones; these reach the DOM as written when parsed directly).
  const STYLES = [
    "display:none", "display: none", " DISPLAY:none", "Display:none", "display:NONE", "visibility:hidden", "visibility : hidden ;",
    "color:red; display:none", "display:none;display:block", "display:block;display:none", "display:", "display", ";;display:none;;",
    "display:none:x", "font: 12px/1 a:b; visibility:hidden", "visibility:visible", "", " ; ", "display\t:\nnone",
  ];
  const EXTRA = STYLES.map((style, i) => `<div style="${style}"><p>Block ${i}</p></div>`).join("") +
    `<p hidden>Hidden</p><p aria-hidden="true">Aria</p><p aria-hidden="true" class="fallback-image x">Formula</p><p aria-hidden="false">Shown</p>`;

  it("answers as Readability's own (linkedom's CSSStyleDeclaration) for every element, without building a style object", () => {
    type Visibility = { _isProbablyVisible(node: Element): boolean };
    const own = Readability.prototype as unknown as Visibility;
    const prototype = requireLinkedom().linkedom.Element.prototype;
    const style = Object.getOwnPropertyDescriptor(prototype, "style")!;
    let styleReads = 0;
    const answers = { visible: 0, hidden: 0 };
    for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith(".html"))) {
      const document = parseHtml(readFileSync(join(FIXTURES, name), "utf8").replace("</body>", `${EXTRA}</body>`), "linkedom");
      const reader = readerOf(document, {}, "linkedom") as unknown as Visibility;
      expect(reader._isProbablyVisible).not.toBe(own._isProbablyVisible);
      for (const element of Array.from(document.querySelectorAll("*"))) {
        Object.defineProperty(prototype, "style", { ...style, get(this: Element) { styleReads++; return style.get!.call(this); } });
        let mine: boolean;
        try {
          mine = reader._isProbablyVisible(element);
        } finally {
          Object.defineProperty(prototype, "style", style);
        }
        const theirs = Boolean(own._isProbablyVisible.call(reader, element));
        expect(mine, `${name} ${element.outerHTML.slice(0, 80)}`).toBe(theirs);
        answers[theirs ? "visible" : "hidden"]++;
      }
    }
    expect(styleReads).toBe(0);
    // Both answers occur: 8 hiding styles and 2 hiding attributes per page.
    expect(answers.hidden).toBeGreaterThanOrEqual(10);
    expect(answers.visible).toBeGreaterThan(100);
  });

  it("reads a style declaration as linkedom does: split at ';', name before the first ':', trimmed, the last non-empty one", () => {
    expect(styleDeclaration("color:red; display : none ;", "display")).toBe("none");
    expect(styleDeclaration("display:none;display:block", "display")).toBe("block");
    expect(styleDeclaration("display:none;display:", "display")).toBe("none");
    expect(styleDeclaration("Display:none", "display")).toBe("");
    expect(styleDeclaration("font: 1px/2 a:b", "font")).toBe("1px/2 a:b");
    expect(styleDeclaration("display", "display")).toBe("");
  });
});
