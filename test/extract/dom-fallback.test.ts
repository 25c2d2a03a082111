// When linkedom fails on a page, the page is extracted on jsdom and the metadata says why.
import { describe, expect, it, vi } from "vitest";

// linkedom's tree builder, broken on purpose for pages that carry a marker.
vi.mock("../../src/extract/linkedom-tree.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/extract/linkedom-tree.js")>();
  return {
    ...original,
    parseInto: (document: Document, html: string) => {
      if (html.includes("BREAK-LINKEDOM")) throw new Error("tree builder broke");
      // A page that loses all its text on linkedom.
      if (html.includes("EMPTY-ON-LINKEDOM")) return original.parseInto(document, "<html><body></body></html>");
      return original.parseInto(document, html);
    },
  };
});

const { extractHtmlSync, JSDOM_WHEN } = await import("../../src/extract/html.js");

const page = (marker: string) => `<html><head><title>T</title></head><body><article><p>${marker} ${"The council voted on Tuesday to extend the harbour wall. ".repeat(12)}</p></article></body></html>`;

describe("jsdom as the fallback DOM", () => {
  it("parses on linkedom when it works", () => {
    const r = extractHtmlSync(page("plain"));
    expect(r.meta.extraction).toMatchObject({ dom: "linkedom" });
    expect(r.meta.extraction).not.toHaveProperty("domFallback");
  });

  it("extracts a page on jsdom when linkedom throws, and says so", () => {
    const r = extractHtmlSync(page("BREAK-LINKEDOM"));
    expect(r.raw).toContain("The council voted on Tuesday to extend the harbour wall.");
    expect(r.meta.extraction).toMatchObject({ dom: "jsdom", domFallback: "linkedom failed: tree builder broke" });
  });

  it("extracts a page on jsdom when linkedom finds no text", () => {
    const r = extractHtmlSync(page("EMPTY-ON-LINKEDOM"));
    expect(r.raw).toContain("The council voted on Tuesday to extend the harbour wall.");
    expect(r.meta.extraction).toMatchObject({ dom: "jsdom", domFallback: JSDOM_WHEN[0].reason });
  });

  it("does not parse a page with no text again: it is empty on any DOM", () => {
    const r = extractHtmlSync("<html><head><title>T</title></head><body>\n <div> </div></body></html>");
    expect(r.raw).toBe("");
    expect(r.meta.extraction).toMatchObject({ dom: "linkedom" });
    expect(r.meta.extraction).not.toHaveProperty("domFallback");
  });

  it("does not retry when only one DOM is asked for", () => {
    expect(() => extractHtmlSync(page("BREAK-LINKEDOM"), { dom: "linkedom" })).toThrow("tree builder broke");
  });
});
