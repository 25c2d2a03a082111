// Tables of lines each stage must remove (with the rule id) and must keep, in several languages.
import { LIGATURE_RULE } from "../../src/rules/icons.js";
import { describe, expect, it } from "vitest";
import { PROSE, ruleFor, runStages } from "../helpers.js";

type Case = [line: string, rule: string | undefined];

const CASES: Record<string, Case[]> = {
  icons: [
    ["share print mail_outline bookmark_border", "icons/ligatures"],
    ["keyboard_arrow_left keyboard_arrow_right", "icons/ligatures"],
    ["expand_more", "icons/ligatures"],
    ["The user_id field was renamed in the new release.", undefined],
    ["share print", undefined],
    ["icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon", "icons/font-names"],
    ["fa-facebook fa-twitter fa-envelope fa-print", "icons/font-names"],
    ["arrow_forward keyboard_arrow_down chevron-left chevron-right close-button", "icons/class-names"],
    ["Icons of the silver screen gathered in Cannes on Friday.", undefined],
    ["The well-known long-term low-cost high-speed rail plan was approved.", undefined],
  ],
  widgets: [
    ["Teilen Twittern Mailen Drucken", "widget/share"],
    ["Got it!", "widget/ui"],
    ["Report an error", "widget/ui"],
    ["He got it right.", undefined],
    ["Поделиться ВКонтакте Одноклассники Telegram", "widget/share"],
    ["Email Print", "widget/share"],
    ["Share | Tweet | Email", "widget/share"],
    ["Facebook Twitter WhatsApp 12", "widget/share"],
    ["Send this to a friend", "widget/share"],
    ["Teilen Drucken", "widget/share"],
    ["Artikel per E-Mail versenden", "widget/share"],
    ["Partager Imprimer", "widget/share"],
    ["Envoyer cet article à un ami", "widget/share"],
    ["Compartir Imprimir Enviar", "widget/share"],
    ["Поделиться Печать", "widget/share"],
    ["Версия для печати", "widget/share"],
    ["More World News", "nav/section"],
    ["More from Europe", "nav/section"],
    ["Back to top", "nav/section"],
    ["Mehr aus Politik", "nav/section"],
    ["Plus d'actualités Monde", "nav/section"],
    ["Más noticias de Internacional", "nav/section"],
    ["Другие новости", "nav/section"],
    ["Home > World > Europe", "nav/breadcrumb"],
    ["Startseite » Politik » Ausland", "nav/breadcrumb"],
    ["Share prices fell sharply on Monday after the announcement.", undefined],
    ["Print media lost readers again this year, the report said.", undefined],
    ["More worrying still, Russian President Vladimir Putin appeared to be way ahead of the curve.", undefined],
    ["Rivals or partners?", undefined],
    ["Like this:", "widget/share"],
    ["Follow @AFP on Twitter", "widget/share"],
    ["Loading...", "widget/ui"],
    ["Bild 3 von 12", "widget/ui"],
    ["Voir la vidéo", "widget/ui"],
    ["Galería de fotos", "widget/ui"],
    ["Смотреть видео", "widget/ui"],
    ["The video was shared widely on social media, officials said.", undefined],
    // one short unknown label among at least three widget words, not last
    ["Whatsapp Facebook Pint Baixar", "widget/share"],
    ["Facebook Twitter Flip Email", "widget/share"],
    ["Flip | Facebook | Twitter | Email", "widget/share"],
    ["Facebook shares fell", undefined],
    ["Facebook Twitter Flip", undefined],
    ["Twitter, Facebook, WhatsApp banned", undefined],
    ["Twitter Facebook WhatsApp Down", undefined],
    ["Facebook Twitter Pint Flip Email", undefined],
    ["Facebook Twitter Telegram blocked Email", undefined],
    ["WhatsApp e Telegram fora do ar", undefined],
    // pt and it
    ["Compartilhar Imprimir E-mail", "widget/share"],
    ["Partilhar | Enviar | Guardar", "widget/share"],
    ["Compartilhe no WhatsApp", "widget/share"],
    ["Condividi Stampa Invia", "widget/share"],
    ["Condividi su Facebook", "widget/share"],
    ["Versione stampabile", "widget/share"],
    ["Galeria de fotos", "widget/ui"],
    ["Carregar mais", "widget/ui"],
    ["Guarda il video", "widget/ui"],
    ["Caricamento in corso...", "widget/ui"],
    ["Mais notícias de Política", "nav/section"],
    ["Voltar ao topo", "nav/section"],
    ["Altre notizie di Cronaca", "nav/section"],
    ["Torna su", "nav/section"],
    ["Início > Brasil > Política", "nav/breadcrumb"],
    ["Home » Cronaca » Roma", "nav/breadcrumb"],
    ["Os usuários podem compartilhar fotos e vídeos com até oito amigos ao mesmo tempo.", undefined],
    ["Stampa e televisione hanno seguito il processo per settimane, scrive il quotidiano.", undefined],
    ["Imprimir dinheiro não resolve a inflação, disse o economista.", undefined],
    ["Condividere i dati sanitari resta un tema delicato per il garante.", undefined],
    ["Compartilhar na escola", undefined],
    ["Compartilhe esta notícia no WhatsApp", "widget/share"],
    ["Salvar para ler depois", "widget/share"],
    ["Ascolta l'articolo", "widget/share"],
    ["Leggi dopo", "widget/share"],
    ["Comunicar erro", "widget/ui"],
    ["Partilhe nas redes sociais", "widget/share"],
    ["Condividi su WhatsApp", "widget/share"],
    ["Condividi su questo tema", undefined],
  ],
  related: [
    ["More from Town Gazette", "link/related"],
    ["Mehr aus Politik", "link/related"],
    ["Más noticias de Deportes", "link/related"],
    ["More from the council meeting was said in private, the mayor told reporters.", undefined],
    ["Also Read", "link/related"],
    ["Read more: NATO and Russia to meet in Brussels", "link/related"],
    ["You may also like", "link/related"],
    ["Lesen Sie auch: Nato und Russland verhandeln wieder", "link/related"],
    ["À lire aussi", "link/related"],
    ["Lire aussi : L'Otan renoue le dialogue", "link/related"],
    ["Te puede interesar", "link/related"],
    ["Читайте также", "link/related"],
    ["Weiterlesen", "link/related"],
    ["Recommended by Outbrain", "link/related"],
    ["Seguir leyendo", "link/related"],
    ["Читать полностью", "link/related"],
    ["Lire l'article", "link/related"],
    ["Also read the full statement of the alliance, published on Friday.", undefined],
    ["Related talks are planned for next month, officials said.", undefined],
    ["Leia também", "link/related"],
    ["Veja também: Otan e Rússia voltam a se reunir", "link/related"],
    ["Você pode gostar...", "link/related"],
    ["Notícias relacionadas", "link/related"],
    ["Também lhe pode interessar", "link/related"],
    ["Mais lidas", "link/related"],
    ["Leggi anche", "link/related"],
    ["Leggi anche: Nato e Russia tornano a parlarsi", "link/related"],
    ["(Leggi anche su: Nato e Russia tornano a parlarsi –FOTO)", "link/related"],
    ["Articoli correlati", "link/related"],
    ["Potrebbe interessarti anche", "link/related"],
    ["Ti potrebbe interessare anche", "link/related"],
    ["Leia também o comunicado completo da aliança, publicado na sexta-feira.", undefined],
    ["Leggi anche tu il rapporto: è stato pubblicato venerdì dal ministero.", undefined],
  ],
  comments: [
    ["Réagissez à cet article", "comment/prompt"],
    ["What do you think? Let us know in the comments below.", "comment/prompt"],
    ["Let us know in the comments", "comment/prompt"],
    ["Readers let us know in the comments that the bridge was a mistake, and the council listened.", undefined],
    ["Kommentare (12)", "comment/prompt"],
    ["Комментарии (5)", "comment/prompt"],
    ["Comenta esta noticia", "comment/prompt"],
    ["Les lecteurs réagissent à l'article du Monde sur la réforme.", undefined],
    ["Leave a Reply", "comment/prompt"],
    ["12 Comments", "comment/prompt"],
    ["Your email address will not be published. Required fields are marked *", "comment/prompt"],
    ["Kommentare", "comment/prompt"],
    ["Schreiben Sie einen Kommentar", "comment/prompt"],
    ["Laisser un commentaire", "comment/prompt"],
    ["Deja una respuesta", "comment/prompt"],
    ["Оставить комментарий", "comment/prompt"],
    ["Comments by the minister were criticised by the opposition.", undefined],
    ["He did not reply to requests for comment.", undefined],
    ["Deixe um comentário", "comment/prompt"],
    ["Deixe uma resposta", "comment/prompt"],
    ["12 comentários", "comment/prompt"],
    ["O seu endereço de email não será publicado. Campos obrigatórios são marcados com *", "comment/prompt"],
    ["Lascia un commento", "comment/prompt"],
    ["Commenti", "comment/prompt"],
    ["Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *", "comment/prompt"],
    ["Os comentários não representam a opinião do site.", "comment/prompt"],
    ["Mostra commenti", "comment/prompt"],
    ["O ministro não quis comentar a decisão do tribunal.", undefined],
    ["I commenti del ministro sono stati criticati dall'opposizione.", undefined],
  ],
  tags: [
    ["Tags: NATO  Russia", "meta/tags"],
    ["Schlagwörter: Nato, Russland, Ukraine", "meta/tags"],
    ["Mots-clés : Otan, Russie", "meta/tags"],
    ["Etiquetas: OTAN, Rusia", "meta/tags"],
    ["Теги: НАТО, Россия", "meta/tags"],
    ["Topics: the alliance will discuss what it should do about the ongoing crisis in the east", undefined],
    ["Tags are used to sort the articles.", undefined],
    ["Tags: Otan, Rússia, Ucrânia", "meta/tags"],
    ["Palavras-chave: Otan, Rússia", "meta/tags"],
    ["Argomenti: Nato, Russia", "meta/tags"],
    ["Temi: alleanza atlantica, Mosca", "meta/tags"],
    ["Argomenti a favore della riforma sono stati presentati dal governo.", undefined],
  ],
  captions: [
    ["Firefighters rescue a family from their home on Tuesday. Photograph: Christopher Furlong/Getty Images", "caption/credit"],
    ["Le maire devant la digue, mardi. Photo : Jean Dupont", "caption/credit"],
    ["He posted a photo: it showed the flooded square at dawn.", undefined],
    ["The old library on Market Street. (Image credit: John Smith)", "caption/credit"],
    ["The mayor at the library. Photo by Jane Roe/Reuters", "caption/credit"],
    ["The council met on Monday. Photo opportunities were few.", undefined],
    ["The museum opened on Monday. Image: the new wing is vast, critics said.", undefined],
    ["epa05268598 NATO Secretary General Jens Stoltenberg speaks to the press.  EPA/STEPHANIE LECOCQ", "caption/agency-code"],
    ["NATO Secretary General Jens Stoltenberg has headed the US-led alliance since 2014 NATO Secretary General Jens Stoltenberg has headed the US-led alliance since 2014", "caption/doubled"],
    ["Stoltenberg arrives for the meeting in Brussels. REUTERS/Francois Lenoir", "caption/credit"],
    ["Getty Images", "caption/credit"],
    ["Image copyright Getty Images", "caption/credit"],
    ["Foto: Michael Kappeler/dpa", "caption/credit"],
    ["Photo : Jean Dupont", "caption/credit"],
    ["Фото: Иван Петров", "caption/credit"],
    ["Source: AFP", "credit/source"],
    ["Quelle: dpa", "credit/source"],
    ["Fuente: EFE", "credit/source"],
    ["(Источник: ТАСС)", "credit/source"],
    ["Avec AFP", "credit/source"],
    ["Source: the alliance's own figures, published in March", undefined],
    ["Photography has long fascinated the minister, who studied it in Paris.", undefined],
    ["AP reported that the talks had ended without agreement.", undefined],
    ["We need to talk. We need to talk.", undefined],
    ["Foto: Marcelo Camargo/Agência Brasil", "caption/credit"],
    ["Crédito da imagem: Marcelo Camargo/Agência Brasil", "caption/credit"],
    ["Créditos: Ana Souza", "caption/credit"],
    ["Legenda da foto: o secretário-geral da Otan em Bruxelas", "caption/credit"],
    ["Didascalia: il segretario generale della Nato a Bruxelles", "caption/credit"],
    ["Foto di Mario Rossi", "caption/credit"],
    ["Foto: Mario Rossi/LaPresse", "caption/credit"],
    ["Fonte: Lusa", "credit/source"],
    ["Imagem de satélite mostra a destruição da barragem, segundo a agência.", undefined],
    ["Fotografia e pittura si incontrano nella mostra inaugurata ieri a Milano.", undefined],
  ],
  timestamps: [
    ["7 Apr, 2016 05:27", "meta/timestamp"],
    ["Published: April 7, 2016 at 5:27 pm", "meta/timestamp"],
    ["2016-04-07T05:27:00Z", "meta/timestamp"],
    ["Veröffentlicht am 07.04.2016 um 05:27 Uhr", "meta/timestamp"],
    ["Mis à jour le 7 avril 2016 à 05h27", "meta/timestamp"],
    ["Publicado el 7 de abril de 2016", "meta/timestamp"],
    ["7 апреля 2016, 05:27", "meta/timestamp"],
    ["sexta-feira, 22 de outubro de 2010 às 20:13", "meta/timestamp"],
    ["Publicado em 07/04/2016 às 05h27", "meta/timestamp"],
    ["Atualizado em 7 de abril de 2016", "meta/timestamp"],
    ["Pubblicato il 7 aprile 2016 alle 05:27", "meta/timestamp"],
    ["Aggiornato il 07/04/2016 ore 05:27", "meta/timestamp"],
    ["venerdì 8 aprile 2016", "meta/timestamp"],
    ["Lisboa / Lusa", "meta/dateline"],
    ["Publicado por: Ana Souza", "meta/byline"],
    ["A cura di Mario Rossi", "meta/byline"],
    ["Por Que o Brasil Perdeu", undefined],
    ["Set 1", undefined],
    ["Brussels / AFP", "meta/dateline"],
    ["MOSCOW (Reuters)", "meta/dateline"],
    ["By Jane Doe and John Smith", "meta/byline"],
    ["Von Max Mustermann", "meta/byline"],
    ["Par Jean Dupont", "meta/byline"],
    ["Автор: Иван Петров", "meta/byline"],
    ["On April 7, 2016, the alliance met in Brussels.", undefined],
    ["By Monday the talks had stalled.", undefined],
    ["By the numbers", undefined],
    ["‘Pressure on Russia’", undefined],
    ["2 hours ago", "meta/timestamp"],
    ["Posted by admin on March 3, 2021", "meta/timestamp"],
    ["Publicado por Ana Souza em 3 de março de 2021", "meta/timestamp"],
    ["Posted by a reader on a forum about libraries", undefined],
    ["vor 3 Stunden", "meta/timestamp"],
    ["il y a 5 minutes", "meta/timestamp"],
    ["hace 2 días", "meta/timestamp"],
    ["há 2 horas", "meta/timestamp"],
    ["2 ore fa", "meta/timestamp"],
    ["5 часов назад", "meta/timestamp"],
    ["2 hours", undefined],
    ["3 days ago the council voted", undefined],
  ],
};

describe.each(Object.entries(CASES))("%s stage", (stage, cases) => {
  it.each(cases)("%j -> %s", (line, rule) => {
    const result = runStages(`${PROSE}\n${line}\n${PROSE.replace("Wednesday", "Thursday")}\n`, [stage]);
    expect(ruleFor(result, line)).toBe(rule);
    expect(result.removals.every((r) => r.text === line)).toBe(true);
    if (rule === undefined) expect(result.text).toContain(line.replace(/\s+/g, " "));
  });
});

describe("stage context", () => {
  it("related: takes the headlines listed under a bare label, up to the next prose", () => {
    const result = runStages(["Also Read", "Nato and Russia to meet in Brussels", "Lavrov warns of a new Cold War", PROSE].join("\n"), ["related"]);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([
      ["link/related", "Also Read"],
      ["link/related-item", "Nato and Russia to meet in Brussels"],
      ["link/related-item", "Lavrov warns of a new Cold War"],
    ]);
  });

  it("related: a lone short line after the label and before prose is a subheading, and stays", () => {
    const result = runStages(["Related", "Rivals or partners", PROSE].join("\n"), ["related"]);
    expect(result.removals.map((r) => r.text)).toEqual(["Related"]);
  });

  it("timestamps: a dateline opening the first paragraph moves to metadata, the sentence stays", () => {
    const result = runStages(`BRUSSELS (Reuters) - ${PROSE}\n`, ["timestamps"]);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([["meta/dateline", "BRUSSELS (Reuters) - "]]);
    expect(result.doc.meta.dateline).toEqual(["BRUSSELS (Reuters)"]);
    expect(result.text).toBe(PROSE + "\n");
  });

  it.each([
    ["(ANSA) - ROMA, 7 APR - ", "(ANSA) - ROMA, 7 APR"],
    ["PARIS, 7 avril (AFP) – ", "PARIS, 7 avril (AFP)"],
    ["Madrid, 14 mar (EFE).- ", "Madrid, 14 mar (EFE)"],
  ])("timestamps: the dateline %j opening the first paragraph moves to metadata", (dateline, value) => {
    const result = runStages(`${dateline}${PROSE}\n`, ["timestamps"]);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([["meta/dateline", dateline]]);
    expect(result.doc.meta.dateline).toEqual([value]);
  });

  it("tags: a bare label takes the short list on the next line with it; a label before prose stays", () => {
    const result = runStages(`${PROSE}\nTags\nNATO, Russia, Ukraine crisis\n`, ["tags"]);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([["meta/tags", "Tags"], ["meta/tags", "NATO, Russia, Ukraine crisis"]]);
    expect(result.doc.meta.tags).toEqual(["NATO", "Russia", "Ukraine crisis"]);
    expect(runStages(`Topics\n${PROSE}\n`, ["tags"]).removals).toEqual([]);
    const perLine = runStages(`${PROSE}\nTopics\nFlooding\nClimate crisis\n${PROSE}\n`, ["tags"]);
    expect(perLine.removals.map((r) => r.text)).toEqual(["Topics", "Flooding", "Climate crisis"]);
    expect(perLine.doc.meta.tags).toEqual(["Flooding", "Climate crisis"]);
    expect(runStages(`Schlagwörter:\nDie Regierung will die Steuern im nächsten Jahr senken\n`, ["tags"]).removals).toEqual([]);
  });

  it("icons: the ligature rule's examples", () => {
    expect(runStages(`${LIGATURE_RULE.example}\n`, ["icons"]).removals.map((r) => r.rule)).toEqual([LIGATURE_RULE.rule]);
    expect(runStages(`${LIGATURE_RULE.examplePrefix}\n`, ["icons"]).removals.map((r) => r.rule)).toEqual([LIGATURE_RULE.rule]);
  });

  it("icons: a known ligature before or after a label is cut, the label stays", () => {
    const result = runStages(`${PROSE}\narrow_forward Read more\nSee the plans open_in_new\n`, ["icons"]);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([["icons/ligatures", "arrow_forward "], ["icons/ligatures", " open_in_new"]]);
    expect(result.text).toContain("Read more\n\nSee the plans\n");
  });

  it("tags: items move to metadata", () => {
    const result = runStages("Body text.\nTags: NATO\u00a0\u00a0Russia\u00a0\u00a0Ukraine crisis\n", ["tags"]);
    expect(result.doc.meta.tags).toEqual(["NATO", "Russia", "Ukraine crisis"]);
  });

  it("tags: tag lines and labelled lists move to metadata in line order; a long clause after a label stays", () => {
    const labelFirst = runStages(`${PROSE}\nTags\nFlooding, Rain\n${PROSE}\nTags: NATO, Russia\n`, ["tags"]);
    expect(labelFirst.removals.map((r) => r.text)).toEqual(["Tags", "Flooding, Rain", "Tags: NATO, Russia"]);
    expect(labelFirst.doc.meta.tags).toEqual(["Flooding", "Rain", "NATO", "Russia"]);
    const lineFirst = runStages(`${PROSE}\nTags: NATO, Russia\n${PROSE}\nTags\nFlooding, Rain\n`, ["tags"]);
    expect(lineFirst.doc.meta.tags).toEqual(["NATO", "Russia", "Flooding", "Rain"]);
    const clause = "Topics: what the council will decide about the new bridge next year";
    expect(runStages(`${PROSE}\n${clause}\n${PROSE}\n`, ["tags"]).removals).toEqual([]);
  });

  it("widgets: a heading block is never a widget", () => {
    const raw = "Share\nBody text.";
    const result = runStages(raw, ["widgets"], [{ start: 0, end: 5, kind: "heading" }, { start: 6, end: 16, kind: "paragraph" }]);
    expect(result.removals).toEqual([]);
  });

  it("captions: a figure caption from the markup is removed as caption/figure", () => {
    const raw = "Stoltenberg in Brussels on Friday\nBody text.";
    const result = runStages(raw, ["captions"], [{ start: 0, end: 33, kind: "caption" }, { start: 34, end: 44, kind: "paragraph" }]);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([["caption/figure", "Stoltenberg in Brussels on Friday"]]);
  });
});

describe("duplicates stage", () => {
  it("removes a repeated title as dup/title and a later repeated line as dup/line", () => {
    const result = runStages(["Talks resume", "", "Talks resume", PROSE, "A line said twice here.", "A line said twice here."].join("\n"), ["duplicates"]);
    expect(result.removals.map((r) => [r.rule, r.line])).toEqual([
      ["dup/title", 3],
      ["dup/line", 6],
    ]);
  });

  it("takes a first line that runs on into the next (a hard-wrapped paragraph) for text, not the title", () => {
    const first = "The council voted on Tuesday to approve the new bridge across";
    const raw = [first, "the river, ending a debate that lasted ten years.", PROSE, first].join("\n");
    expect(runStages(raw, ["duplicates"]).removals.map((r) => [r.rule, r.line])).toEqual([["dup/line", 4]]);
    // a refrain far from its first copy stays, as any other line would
    const far = [first, "the river, ending a debate that lasted ten years.", PROSE, PROSE.replace("July", "June"), PROSE.replace("July", "May"), first].join("\n");
    expect(runStages(far, [{ use: "duplicates", options: { refrainWords: 8 } }]).removals).toEqual([]);
  });

  it("takes a first line of more than titleMaxWords (30) words for a paragraph, not the title", () => {
    const long = "The council voted on Tuesday to approve the construction of a new bridge across the river, ending a debate that had lasted for more than ten years in the city and beyond.";
    const raw = [long, PROSE, long].join("\n");
    expect(runStages(raw, ["duplicates"]).removals.map((r) => [r.rule, r.line])).toEqual([["dup/line", 3]]);
    expect(runStages(raw, [{ use: "duplicates", options: { titleMaxWords: 40 } }]).removals.map((r) => [r.rule, r.line])).toEqual([["dup/title", 3]]);
    // as ordinary text, a refrain far from its first copy stays
    const far = [long, PROSE, PROSE.replace("July", "June"), PROSE.replace("July", "May"), long].join("\n");
    expect(runStages(far, [{ use: "duplicates", options: { refrainWords: 8 } }]).removals).toEqual([]);
  });

  it("removes a sentence of an earlier paragraph repeated as its own paragraph", () => {
    const tail = "Ahead of the talks, Lavrov said it was NATO that had frozen relations.";
    const result = runStages([`Russia blames NATO for the risk of conflict. ${tail}`, tail].join("\n"), ["duplicates"]);
    expect(result.removals.map((r) => [r.rule, r.text])).toEqual([["dup/sentence", tail]]);
  });

  it("finds two whole sentences repeated together, and names the earliest paragraph holding them", () => {
    const pair = "Lavrov said NATO had frozen relations first. He called the talks a useful first step.";
    const result = runStages([`Talks ended on Wednesday in Brussels after hours. ${pair}`, `Other text here. ${pair} More words follow here.`, pair].join("\n"), ["duplicates"]);
    expect(result.removals.map((r) => [r.rule, r.text, r.features])).toEqual([["dup/sentence", pair, { hostLine: 1 }]]);
  });

  it("does not take a repeat that ends inside an earlier sentence", () => {
    const result = runStages(["First sentence of the paragraph is here. Lavrov said NATO had frozen relations first and then more.", "Lavrov said NATO had frozen relations first"].join("\n"), ["duplicates"]);
    expect(result.removals).toEqual([]);
  });

  describe("refrains (refrainWords, as web-text runs it)", () => {
    const question = "What do you cook at home when nobody is watching you?";
    const answers = ["Pasta, mostly, with whatever is left in the fridge.", "Soup. Always soup, from the bones of Sunday's roast.", "Nothing at all: I order in."];
    const stage = { use: "duplicates", options: { refrainWords: 8, copyRunLines: 4, echoLines: 2 } };

    it("keeps a long line that recurs far from its first copy, once per interviewee", () => {
      const raw = answers.flatMap((answer, n) => [`Guest ${n + 1}`, question, answer, PROSE.replace("July", `month ${n}`)]).join("\n");
      expect(runStages(raw, [stage]).removals).toEqual([]);
      // Without the option every later copy goes.
      expect(runStages(raw, ["duplicates"]).removals.map((r) => [r.rule, r.text])).toEqual([
        ["dup/line", question],
        ["dup/line", question],
      ]);
    });

    it("removes a second copy of a whole block, and records the length of the copied run", () => {
      const story = [PROSE, ...answers, question];
      const raw = ["Headline of the story", ...story, "Share this", ...story].join("\n");
      const removed = runStages(raw, [stage]).removals.filter((r) => r.rule === "dup/line");
      expect(removed.map((r) => r.text)).toEqual(story);
      expect(removed.find((r) => r.text === PROSE)?.features).toEqual({ firstLine: 2, copyRun: 5 });
    });

    it("removes a long line repeated right under its first copy (a caption under its alt text)", () => {
      const caption = "The minister arrives in Brussels for the talks on Wednesday morning.";
      const result = runStages([PROSE, caption, "Photo: Reuters", caption, answers[0]].join("\n"), [stage]);
      expect(result.removals.map((r) => [r.rule, r.line, r.features])).toEqual([["dup/line", 4, { firstLine: 2, copyRun: 1 }]]);
    });
  });

  it("keeps a short sentence that merely recurs, and text that only starts like an earlier sentence", () => {
    const result = runStages(["He said no. Then he left.", "Then he left.", "Russia blames NATO for the risk of conflict in Europe today.", "Russia blames NATO for the risk of conflict"].join("\n"), ["duplicates"]);
    expect(result.removals).toEqual([]);
  });
});

describe("allowlist", () => {
  it("protects matching lines from every stage", async () => {
    const { buildPipeline } = await import("../../src/run/pipeline-file.js");
    const { cleanDocument, createDocument } = await import("../../src/core/index.js");
    const pipeline = buildPipeline({ name: "t", stages: [{ use: "widgets" }, { use: "comments" }], allowlist: ["^comments$"] }, "t");
    const result = cleanDocument(createDocument({ id: "t", source: "t", raw: "Comments\nEmail Print\n" }), pipeline);
    expect(result.removals.map((r) => r.text)).toEqual(["Email Print"]);
  });
});

describe("false friends seen on real pages", () => {
  it.each([
    ["5040", "timestamps"],
    ["2016", "timestamps"],
    ["By Any Means Necessary", "timestamps"],
    ["By The Numbers", "timestamps"],
  ])("keeps %j (%s)", (line, stage) => {
    expect(runStages(`${PROSE}\n${line}\n`, [stage]).removals).toEqual([]);
  });

  it("keeps short lines that recur in tables and lists", () => {
    const raw = ["Results by state", "Colorado", "12 votes", "Colorado", "14 votes"].join("\n");
    expect(runStages(raw, ["duplicates"]).removals).toEqual([]);
  });
});

describe("review prompts and popularity labels (seen on an AEB page, written here in each language)", () => {
  it.each([
    ["Write a review", "comments", "comment/prompt"],
    ["Bewertung schreiben", "comments", "comment/prompt"],
    ["Donner votre avis", "comments", "comment/prompt"],
    ["Deja tu opinión", "comments", "comment/prompt"],
    ["Добавить отзыв", "comments", "comment/prompt"],
    ["Most popular stories", "related", "link/related"],
    ["Самые популярные диеты", "related", "link/related"],
  ])("%j -> %s %s", (line, stage, rule) => {
    expect(ruleFor(runStages(`${PROSE}\n${line}\n${PROSE}\n`, [stage]), line)).toBe(rule);
  });
  it("keeps prose that mentions reviews and popularity", () => {
    const lines = ["Critics were invited to write a review of the summit.", "The most popular stories this year were about the alliance."];
    expect(runStages(lines.join("\n"), ["comments", "related"]).removals).toEqual([]);
  });
});
