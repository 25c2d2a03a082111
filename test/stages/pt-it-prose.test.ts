// Portuguese and Italian prose that uses the words of the furniture tables (share, print,
// comment, cookie, newsletter, subscribers, photo, tags, months) must survive every
// text stage: the news pipeline, and the HTML pipeline's text stages on paragraphs.
import { describe, expect, it } from "vitest";
import { cleanDocument, createDocument } from "../../src/core/index.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";

const PROSE: Record<string, string[]> = {
  pt: [
    "Os usuários podem compartilhar fotos e vídeos com até oito amigos ao mesmo tempo, informou a empresa.",
    "O ministro não quis comentar a decisão, mas disse que vai recorrer ao Supremo Tribunal Federal.",
    "Segundo a reportagem, o comentário do deputado irritou os colegas de partido durante a sessão.",
    "A empresa vendeu biscoitos e cookies na feira de sábado, e a fila chegou a dar a volta no quarteirão.",
    "Os assinantes do jornal receberam a edição impressa com atraso na segunda-feira por causa da greve.",
    "A newsletter do banco central passou a ser enviada toda semana, e não mais todo mês, disse o diretor.",
    "Imprimir dinheiro não resolve a inflação, afirmou o economista em entrevista à rádio.",
    "A foto do presidente com o embaixador foi publicada nas redes sociais na manhã de terça-feira.",
    "Em março de 2016, o governo anunciou um pacote de medidas para conter a alta dos preços.",
    "Por que o Brasil perdeu a Copa? A pergunta ainda divide os torcedores dez anos depois.",
    "Leia também o relatório completo, disponível no site do ministério desde sexta-feira.",
    "Ela disse que vai enviar o documento por e-mail ao tribunal até o fim da semana.",
    "A reprodução das obras sem autorização continua proibida, decidiu a juíza.",
    "A divulgação dos dados foi adiada para a próxima semana, segundo o ministério.",
  ],
  it: [
    "Gli utenti possono condividere foto e video con otto amici alla volta, ha comunicato l'azienda.",
    "Il ministro non ha voluto commentare la decisione, ma ha detto che farà ricorso.",
    "I commenti del deputato hanno irritato i colleghi di partito durante la seduta di ieri.",
    "La stampa estera ha seguito il vertice con grande attenzione, scrive l'agenzia.",
    "Gli abbonati ora potranno leggere il giornale anche sul telefono a partire da lunedì.",
    "Il garante ha multato la società per l'uso dei cookie senza il consenso degli utenti.",
    "La newsletter della banca centrale uscirà ogni settimana, e non più ogni mese, ha detto il direttore.",
    "La foto del presidente con l'ambasciatore è stata pubblicata sui social martedì mattina.",
    "Nel marzo del 2016 il governo annunciò un pacchetto di misure contro il caro prezzi.",
    "Leggi anche tu il rapporto: è stato pubblicato venerdì dal ministero della Salute.",
    "Argomenti a favore della riforma sono stati presentati dal governo in commissione.",
    "Hanno collaborato alla ricerca oltre duecento medici di tutta Italia, secondo lo studio.",
    "Salva il salvabile, ha detto il sindaco ai cronisti dopo l'alluvione di ottobre.",
    "Di Maio ha incontrato i sindacati a Roma per discutere del decreto sul lavoro.",
  ],
};

describe.each(Object.entries(PROSE))("%s prose", (_lang, lines) => {
  const raw = lines.join("\n\n") + "\n";
  it.each(["news", "html"])("survives the %s pipeline whole", (name) => {
    const blocks = name === "html" ? paragraphBlocks(raw) : undefined;
    const result = cleanDocument(createDocument({ id: "p", source: "p.txt", raw, blocks }), loadPipeline(name));
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([]);
  });
});

/** Every line as a paragraph block, as the HTML extractor would give them. */
function paragraphBlocks(raw: string) {
  const blocks: Array<{ start: number; end: number; kind: "paragraph" }> = [];
  let start = 0;
  for (const line of raw.split("\n")) {
    if (line) blocks.push({ start, end: start + line.length, kind: "paragraph" });
    start += line.length + 1;
  }
  return blocks;
}
