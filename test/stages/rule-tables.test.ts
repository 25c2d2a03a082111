// Related labels as the HTML route reads them (every table's examples run through test/rules/tables.test.ts).
import { describe, expect, it } from "vitest";
import { isRelatedLabel } from "../../src/match/related-label.js";

describe("related labels as headings (the HTML route's related sections)", () => {
  it.each(["Você pode gostar...", "VEJA TAMBÉM:", "Notícias relacionadas", "Também lhe pode interessar", "Ti potrebbe interessare", "Leggi anche:", "Articoli correlati"])("%s is a label", (text) => {
    expect(isRelatedLabel(text)).toBe(true);
  });
  it.each(["Você pode gostar de futebol", "Notícias do dia", "Leggi anche il resto", "Articoli di fondo"])("%s is not", (text) => {
    expect(isRelatedLabel(text)).toBe(false);
  });
});
