// linkedom loads with chaff's EventTarget (listener tables made on demand, src/extract/linkedom-events.ts):
// listeners added to a page parsed on linkedom still run as they do on jsdom, the reference DOM.
import { describe, expect, it } from "vitest";
import { parseHtml, releaseDocument, type DomName } from "../../src/extract/dom.js";
import { DOMEventTarget, requireLinkedom } from "../../src/extract/linkedom-events.js";

const PAGE = "<div id=outer><p id=inner>text</p><span id=other>x</span></div>";

/** Listeners on a target and its ancestor, `once`, removal, stopImmediatePropagation, a non-bubbling event: what ran, in order. */
function listenerLog(dom: DomName): string[] {
  const document = parseHtml(PAGE, dom);
  const log: string[] = [];
  const outer = document.getElementById("outer")!;
  const inner = document.getElementById("inner")!;
  const other = document.getElementById("other")!;
  const event = (type: string, bubbles: boolean) => {
    const e = document.createEvent("Event");
    e.initEvent(type, bubbles, true);
    return e;
  };
  outer.addEventListener("ping", (e) => log.push(`outer ping phase ${e.eventPhase} target ${(e.target as Element).id}`));
  inner.addEventListener("ping", () => log.push("inner ping once"), { once: true });
  const removed = () => log.push("removed listener ran");
  inner.addEventListener("ping", removed);
  inner.removeEventListener("ping", removed);
  inner.dispatchEvent(event("ping", true));
  inner.dispatchEvent(event("ping", true));
  inner.dispatchEvent(event("ping", false));
  other.addEventListener("stop", (e) => {
    log.push("first stop listener");
    e.stopImmediatePropagation();
  });
  other.addEventListener("stop", () => log.push("second stop listener"));
  log.push(`dispatch returned ${other.dispatchEvent(event("stop", true))}`);
  releaseDocument(document, dom);
  return log;
}

describe("linkedom's listeners, with listener tables made on demand", () => {
  it("loads linkedom with chaff's EventTarget", () => {
    parseHtml("<p>x</p>", "linkedom");
    const { linkedom, lazyListeners } = requireLinkedom();
    expect(lazyListeners).toBe(true);
    expect(linkedom.EventTarget).toBe(DOMEventTarget);
  });

  it("runs listeners as jsdom does: bubbling, once, removal, stopImmediatePropagation", () => {
    const onLinkedom = listenerLog("linkedom");
    expect(onLinkedom).toEqual([
      "inner ping once",
      "outer ping phase 3 target inner",
      "outer ping phase 3 target inner",
      "first stop listener",
      "dispatch returned true",
    ]);
    expect(onLinkedom).toEqual(listenerLog("jsdom"));
  });
});
