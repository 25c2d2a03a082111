// Every entry of every rule table catches its own example, under its own rule id.
import { describe, expect, it } from "vitest";
import { CAPTION_RULES, SOURCE_CREDIT_RULES } from "../../src/rules/captions.js";
import { COMMENT_RULES } from "../../src/rules/comments.js";
import { TAG_LINE_RULES } from "../../src/rules/tags.js";
import { RELATED_RULES, isRelatedLabel } from "../../src/rules/related.js";
import type { LineRule } from "../../src/rules/types.js";
import { WIDGET_RULES } from "../../src/rules/widgets.js";
import { runStages } from "../helpers.js";

const TABLES: Array<[string, string, readonly LineRule[]]> = [
  ["widgets", "widgets", WIDGET_RULES],
  ["related", "related", RELATED_RULES],
  ["comments", "comments", COMMENT_RULES],
  ["captions", "captions", CAPTION_RULES],
  ["credits", "captions", SOURCE_CREDIT_RULES],
  ["tags", "tags", TAG_LINE_RULES],
];

describe.each(TABLES)("%s table", (_name, stage, table) => {
  it.each(table.map((r) => [r.rule, r.lang, r.example] as const))("%s (%s) catches %j", (rule, _lang, example) => {
    const result = runStages(`${example}\n`, [stage]);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([[rule, example]]);
  });
});

describe("related labels as headings (the HTML route's related sections)", () => {
  it.each(["Você pode gostar...", "VEJA TAMBÉM:", "Notícias relacionadas", "Também lhe pode interessar", "Ti potrebbe interessare", "Leggi anche:", "Articoli correlati"])("%s is a label", (text) => {
    expect(isRelatedLabel(text)).toBe(true);
  });
  it.each(["Você pode gostar de futebol", "Notícias do dia", "Leggi anche il resto", "Articoli di fondo"])("%s is not", (text) => {
    expect(isRelatedLabel(text)).toBe(false);
  });
});
