import { describe, expect, it } from "vitest";
import { createDocument } from "../../src/core/document.js";
import { cleanDocument } from "../../src/core/stage.js";
import { buildPipeline } from "../../src/run/pipeline-file.js";

const pipeline = buildPipeline({ name: "t", stages: [{ use: "promos" }] }, "test");
const removedBy = (raw: string, blocks?: { start: number; end: number; kind: "table-cell" | "paragraph" }[]) =>
  cleanDocument(createDocument({ id: "d", source: "d", raw, blocks }), pipeline).removals.map((r) => [r.rule, r.text]);

describe("promos: pt and it lines", () => {
  it.each([
    ["Com informações da Reuters e da AFP", "credit/reporting"],
    ["Foto: Divulgação", "credit/photo"],
    ["Divulgação/Prefeitura de Curitiba", "credit/photo"],
    ["Reprodução/Instagram", "credit/photo"],
    ["Inscreva-se na nossa newsletter e receba as notícias do dia", "promo/newsletter"],
    ["Este site usa cookies. Ao continuar, concorda com a política de cookies", "notice/cookie"],
    ["© 2019 Exemplo Comunicação. Todos os direitos reservados.", "notice/copyright"],
    ["Tempo de leitura: 4 minutos", "ui/label"],
    ["4 min de leitura", "ui/label"],
    ["Publicidade", "ui/label"],
    ["Foto d'archivio", "credit/photo"],
    ["Iscriviti alla nostra newsletter", "promo/newsletter"],
    ["Questo sito utilizza cookie di terze parti. Accetto i cookie", "notice/cookie"],
    ["Copyright 2019 Esempio Editore S.p.A. - Riproduzione riservata", "notice/copyright"],
    ["Attenzione: i commenti offensivi saranno rimossi dal moderatore.", "notice/comments"],
    ["Tempo di lettura: 3 minuti", "ui/label"],
    ["letture", "ui/label"],
    ["Foto 3 di 12", "ui/label"],
  ])("%s -> %s", (line, rule) => {
    const removals = removedBy(`A line of the story that stays.\n${line}`);
    expect(removals.map(([r]) => r)).toEqual([rule]);
  });
});

describe("promos: must keep", () => {
  it.each([
    "He said the newsletter had been popular with readers before it closed in 2012, and that he missed it.",
    "The company reported 12 issues with the software last year.",
    "Reporting by local papers led to the inquiry, which found the council at fault.",
    "Close to 300 people attended the meeting on Tuesday.",
    "Cookies and cakes were sold at the fair.",
    "Maria Ressa is a journalist and Nobel laureate who founded Rappler in 2012.",
    "The mayor is a former editor of the local paper, and he knows the town well.",
    "The band's copyright dispute went to court in 2018.",
    "She can be reached only by boat in the winter months, the ferry operator said.",
    // pt and it
    "O jornal disse que a newsletter era popular entre os leitores antes de ser encerrada em 2012.",
    "A divulgação dos dados foi adiada para a próxima semana, segundo o ministério.",
    "Reprodução de obras de arte sem autorização continua proibida, decidiu o tribunal.",
    "Os biscoitos e cookies foram vendidos na feira de sábado.",
    "Gli abbonati potranno leggere il giornale anche sul telefono a partire da lunedì.",
    "La stampa estera ha seguito il vertice con grande attenzione, scrive l'agenzia.",
    "Il comitato ha discusso 12 di 40 emendamenti prima della pausa.",
    "Hanno collaborato alla ricerca oltre duecento medici di tutta Italia, secondo lo studio.",
  ])("%s", (line) => expect(removedBy(line)).toEqual([]));

  it("leaves numbers in table cells alone (they are data)", () => {
    expect(removedBy("Points\n42", [{ start: 0, end: 6, kind: "table-cell" }, { start: 7, end: 9, kind: "table-cell" }])).toEqual([]);
    expect(removedBy("Story.\n42")).toEqual([["ui/label", "42"]]);
  });
});
