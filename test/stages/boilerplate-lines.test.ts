// The context classifier on small synthetic pages: menu at the top, footer at the
// bottom, the article in the middle with a short subheading that must survive.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { densestRun, proseRuns } from "../../src/stages/boilerplate-lines.js";
import { clean, cleanWith } from "./boilerplate-helpers.js";
import { withKeepComments } from "../../src/core/route-options.js";
import { loadPipeline } from "../../src/run/pipeline-file.js";

const web = [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines" }];

interface Page {
  menu: string[];
  title: string;
  paragraphs: string[];
  subheading: string;
  footer: string[];
}

/** Menu, title, two paragraphs, a subheading, two more paragraphs, footer. */
function page(p: Page): string {
  const [a, b, c, d] = p.paragraphs;
  return [...p.menu, p.title, a, b, p.subheading, c, d, ...p.footer].join("\n") + "\n";
}

const PAGES: Record<string, Page> = {
  en: {
    menu: ["Home", "World", "Politics", "Business", "Sport"],
    title: "Council approves the new bridge",
    paragraphs: [
      "The city council voted on Tuesday to approve the construction of a new bridge across the river, ending a debate that had lasted for more than ten years.",
      "Supporters of the project said that the bridge would cut travel times for thousands of commuters and bring new business to the neighbourhoods on the east bank.",
      "Opponents argued that the money would be better spent on buses and on repairing the roads that the city already has, and they promised to keep fighting.",
      "Work on the bridge is expected to begin next spring, and the council said it hopes that the first cars will be able to cross it before the end of 2024.",
    ],
    subheading: "What comes next",
    footer: ["About us", "Contact", "Careers", "Advertise"],
  },
  de: {
    menu: ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur"],
    title: "Stadtrat beschließt neue Brücke",
    paragraphs: [
      "Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Fluss beschlossen und damit eine Debatte beendet, die mehr als zehn Jahre gedauert hatte.",
      "Die Befürworter des Projekts sagen, dass die Brücke die Fahrzeit für tausende Pendler verkürzen und neue Geschäfte in die Viertel am Ostufer bringen werde.",
      "Die Gegner meinen, das Geld wäre besser für Busse und für die Reparatur der Straßen ausgegeben, die es in der Stadt schon gibt, und sie wollen weiter kämpfen.",
      "Die Arbeiten an der Brücke sollen im nächsten Frühjahr beginnen, und der Rat hofft, dass die ersten Autos noch vor dem Ende des Jahres 2024 darüber fahren.",
    ],
    subheading: "Wie es weitergeht",
    footer: ["Über uns", "Kontakt", "Karriere", "Mediadaten"],
  },
  fr: {
    menu: ["Accueil", "Politique", "Économie", "Sport", "Culture"],
    title: "Le conseil approuve le nouveau pont",
    paragraphs: [
      "Le conseil municipal a voté mardi pour la construction d'un nouveau pont sur le fleuve, ce qui met fin à un débat qui durait depuis plus de dix ans.",
      "Les partisans du projet affirment que le pont va réduire le temps de trajet de milliers de personnes et apporter de nouveaux commerces dans les quartiers de la rive est.",
      "Les opposants estiment que cet argent serait mieux dépensé pour les bus et pour la réparation des routes que la ville possède déjà, et ils promettent de continuer.",
      "Les travaux du pont doivent commencer au printemps prochain, et le conseil espère que les premières voitures pourront le traverser avant la fin de l'année 2024.",
    ],
    subheading: "Et maintenant ?",
    footer: ["Qui sommes-nous", "Contact", "Carrières", "Publicité"],
  },
  es: {
    menu: ["Portada", "Política", "Economía", "Deportes", "Cultura"],
    title: "El ayuntamiento aprueba el nuevo puente",
    paragraphs: [
      "El ayuntamiento votó el martes a favor de la construcción de un nuevo puente sobre el río, con lo que se pone fin a un debate que duraba más de diez años.",
      "Los partidarios del proyecto dicen que el puente reducirá el tiempo de viaje de miles de personas y que traerá nuevos negocios a los barrios de la orilla este.",
      "Los opositores creen que el dinero estaría mejor gastado en autobuses y en reparar las calles que la ciudad ya tiene, y prometen que van a seguir luchando.",
      "Las obras del puente empezarán la próxima primavera, y el ayuntamiento espera que los primeros coches puedan cruzarlo antes de que termine el año 2024.",
    ],
    subheading: "Qué viene ahora",
    footer: ["Quiénes somos", "Contacto", "Empleo", "Publicidad"],
  },
  ru: {
    menu: ["Главная", "Политика", "Экономика", "Спорт", "Культура"],
    title: "Городской совет одобрил новый мост",
    paragraphs: [
      "Городской совет во вторник проголосовал за строительство нового моста через реку, и это положило конец спору, который шёл уже больше десяти лет.",
      "Сторонники проекта говорят, что мост сократит время в пути для тысяч людей и что он принесёт новый бизнес в районы на восточном берегу реки.",
      "Противники считают, что эти деньги было бы лучше потратить на автобусы и на ремонт тех дорог, которые в городе уже есть, и они обещают не сдаваться.",
      "Работы на мосту должны начаться следующей весной, и совет надеется, что первые машины смогут проехать по нему ещё до конца 2024 года.",
    ],
    subheading: "Что дальше",
    footer: ["О нас", "Контакты", "Вакансии", "Реклама на сайте"],
  },
  pt: {
    menu: ["Início", "Política", "Economia", "Esportes", "Cultura"],
    title: "Câmara aprova a nova ponte",
    paragraphs: [
      "A Câmara Municipal aprovou na terça-feira a construção de uma nova ponte sobre o rio, pondo fim a um debate que já durava mais de dez anos na cidade.",
      "Os defensores do projeto dizem que a ponte vai reduzir o tempo de viagem de milhares de pessoas e levar novos negócios aos bairros da margem leste do rio.",
      "Os opositores acham que o dinheiro seria mais bem gasto em ônibus e na reparação das ruas que a cidade já tem, e prometem continuar a lutar contra a obra.",
      "As obras da ponte devem começar na próxima primavera, e a Câmara espera que os primeiros carros possam atravessá-la antes do fim do ano de 2024.",
    ],
    subheading: "O que vem agora",
    footer: ["Quem somos", "Fale conosco", "Trabalhe conosco", "Anuncie"],
  },
  it: {
    menu: ["Home", "Politica", "Economia", "Sport", "Cultura"],
    title: "Il consiglio approva il nuovo ponte",
    paragraphs: [
      "Il consiglio comunale ha votato martedì a favore della costruzione di un nuovo ponte sul fiume, mettendo fine a un dibattito che durava da più di dieci anni.",
      "I sostenitori del progetto dicono che il ponte ridurrà i tempi di viaggio di migliaia di pendolari e porterà nuove attività nei quartieri della riva est.",
      "Gli oppositori pensano che i soldi sarebbero spesi meglio per gli autobus e per riparare le strade che la città ha già, e promettono di continuare a lottare.",
      "I lavori del ponte dovrebbero cominciare la prossima primavera, e il consiglio spera che le prime auto possano attraversarlo prima della fine del 2024.",
    ],
    subheading: "Che cosa succede ora",
    footer: ["Chi siamo", "Contatti", "Lavora con noi", "Pubblicità"],
  },
};

for (const [lang, p] of Object.entries(PAGES)) {
  describe(`a whole page in ${lang}`, () => {
    const result = clean(page(p), web);
    it("keeps the article and its short subheading, in order", () => {
      expect(result.text).toBe([p.paragraphs[0], p.paragraphs[1], p.subheading, p.paragraphs[2], p.paragraphs[3]].join("\n\n") + "\n");
    });
    it("removes the menu as header and the footer as footer, outside the article", () => {
      const header = result.removals.filter((r) => r.features?.region === "header").map((r) => r.text);
      const footer = result.removals.filter((r) => r.features?.region === "footer").map((r) => r.text);
      expect(header).toEqual([...p.menu, p.title]);
      expect(result.removals.filter((r) => r.line > 5 + 5).map((r) => r.text)).toEqual(p.footer);
      for (const text of footer) expect(p.footer).toContain(text);
    });
    it("explains each removal with the features that decided it", () => {
      const first = result.removals[0];
      expect(first.rule).toBe("boilerplate/outside-main");
      expect(first.features).toMatchObject({ words: 1, region: "header", lang, prose: false, mainLines: 5 });
    });
  });
}

describe("a language whose stopword list does not fit", () => {
  it("turns the stopword test off (Korean glues particles onto words) and still finds the article", () => {
    const korean = [
      "홈", "뉴스", "연예",
      "시의회는 화요일에 강을 가로지르는 새 다리의 건설을 승인했으며 이로써 십 년 넘게 이어진 논쟁이 마침내 끝났다고 관계자들이 밝혔다 시민들은 환영했다",
      "사업을 지지하는 사람들은 새 다리가 수천 명의 통근 시간을 줄이고 동쪽 강변 동네에 새로운 사업을 가져올 것이라고 말했으며 기대가 크다고 덧붙였다",
      "공사는 내년 봄에 시작될 예정이며 시의회는 첫 차량이 올해 말이 되기 전에 다리를 건널 수 있기를 바란다고 밝혔고 주민 설명회도 열 계획이라고 전했다",
      "회사 소개", "광고 문의",
    ];
    const result = clean(korean.join("\n"), web);
    expect(result.removed.map((r) => r.text)).toEqual(["홈", "뉴스", "연예", "회사 소개", "광고 문의"]);
    expect(result.removals[0].features).toMatchObject({ stopwordTest: "off" });
  });
});

describe("inside the article", () => {
  const [a, b, c, d] = PAGES.en.paragraphs;
  it("removes a run of short lines as a menu, with its run length; its last line, followed by prose, is a heading", () => {
    const result = clean([a, b, "Related", "Ten bridges to see", "Our city guide", c, d].join("\n"), web);
    expect(result.removed).toEqual([
      { rule: "boilerplate/menu-run", text: "Related" },
      { rule: "boilerplate/menu-run", text: "Ten bridges to see" },
    ]);
    expect(result.removals[0].features).toMatchObject({ runLength: 3, region: "main" });
  });
  it("keeps a list of steps (most lines are short sentences of ordinary words), where a menu of labels goes", () => {
    const steps = ["You will need:", "Cut the paper into four equal strips", "Fold each strip in half along its length", "Glue the ends of the strips together"];
    const result = clean([a, b, c, ...steps, d, a, b].join("\n"), web);
    expect(result.removed).toEqual([]);
    const menu = clean([a, b, c, "Related", "Our city guide", "Maps", "Cut the paper into four equal strips", d, a, b].join("\n"), web);
    expect(menu.removed.map((r) => r.rule)).toEqual(Array(3).fill("boilerplate/menu-run"));
    // with a higher bar for items, the steps are a menu again
    const strict = clean([a, b, c, ...steps, d, a, b].join("\n"), [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { listItemWords: 9 } }]);
    expect(strict.ruleOf("Cut the paper into four equal strips")).toBe("boilerplate/menu-run");
  });
  it("keeps a short line followed by prose (a heading), a closing quote included", () => {
    const result = clean([a, "‘A bridge too far’", b, "Why now?", c].join("\n"), web);
    expect(result.removed).toEqual([]);
  });
  it("removes an all-caps label and a short fragment that no prose follows", () => {
    const caps = clean([a, b, "MOST READ", "Tap here", c, d].join("\n"), web);
    expect(caps.removed).toEqual([{ rule: "boilerplate/all-caps", text: "MOST READ" }]);
    expect(caps.removals[0].features).toMatchObject({ letters: 8, region: "main" });
    const fragment = clean([a, b, "Photo gallery", "Read the full story.", c, d].join("\n"), web);
    expect(fragment.removed).toEqual([{ rule: "boilerplate/fragment", text: "Photo gallery" }]);
    // followed by prose, the same capitals are a heading
    expect(clean([a, b, "MOST READ", c].join("\n"), web).removed).toEqual([]);
  });
  it("removes a long line in capitals even before prose (a shouted teaser), but keeps a short one", () => {
    const teaser = "MAYOR SAYS NEW BRIDGE WILL CUT COMMUTES IN HALF";
    const result = clean([a, b, teaser, c, "WHAT COMES NEXT", d].join("\n"), web);
    expect(result.removed).toEqual([{ rule: "boilerplate/all-caps", text: teaser }]);
  });
  it("removes an advertising label even when prose follows it", () => {
    const result = clean([a, "Advertisement", b, "Anzeige", c].join("\n"), web);
    expect(result.removed).toEqual([
      { rule: "boilerplate/ad", text: "Advertisement" },
      { rule: "boilerplate/ad", text: "Anzeige" },
    ]);
  });
  it("judges a hard-wrapped paragraph as one", () => {
    const wrapped = [
      "Menu",
      "Search",
      "The city council voted on Tuesday to approve the",
      "construction of a new bridge across the river, ending a",
      "debate that had lasted for more than ten years.",
      "Contact",
    ];
    // one paragraph scores below articleMinScore: with the default, the page has no article and "Search" would stay as its heading
    const result = clean(wrapped.join("\n"), [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { articleMinScore: 0 } }]);
    expect(result.removed.map((r) => r.text)).toEqual(["Menu", "Search", "Contact"]);
    expect(clean(wrapped.join("\n"), web).removed.map((r) => r.text)).toEqual(["Menu", "Contact"]);
    expect(result.removals[0].features).toMatchObject({ region: "header" });
  });
  it("does not take a long line of names without stopwords for prose", () => {
    const names = "Barron's BigCharts Factiva Financial News Mansion Global MarketWatch NewsPlus Private Markets Risk Compliance WSJ Video Storyful Unruly";
    const result = clean([names, a, b].join("\n"), web);
    expect(result.ruleOf(names)).toBe("boilerplate/outside-main");
  });
});

describe("teasers of other stories", () => {
  const [a, b, c, d] = PAGES.en.paragraphs;
  const lede = (topic: string) => `The mayor said on Monday that the plan for the ${topic} would be ready before the end of the year, and that residents would be heard.`;
  it("removes headline-and-paragraph pairs that trail the article, and keeps the article's own last subheading", () => {
    const teasers = ["Park plan delayed", lede("park"), "School to reopen", lede("school"), "New tram line", lede("tram line")];
    const result = clean([a, b, "What comes next", c, d, ...teasers].join("\n"), web);
    expect(result.text).toBe([a, b, "What comes next", c, d].join("\n\n") + "\n");
    expect(result.removed.map((r) => r.rule)).toEqual(Array(6).fill("boilerplate/teasers"));
    expect(result.removals[0].features).toMatchObject({ pairs: 3 });
  });
  it("keeps two such pairs: an article may end with subheadings", () => {
    const result = clean([a, b, "Park plan", lede("park"), "School", lede("school")].join("\n"), web);
    expect(result.removed).toEqual([]);
  });
});

describe("comment sections", () => {
  const [a, b] = PAGES.en.paragraphs;
  const reply = "I could not agree more with the council, the bridge is long overdue and the east bank has waited far too long for it.";
  it.each([
    ["en", "Leave a Reply", "Alex says:"],
    ["de", "Kommentare (3)", "Max Mustermann schrieb:"],
    ["fr", "Laisser un commentaire", "Jean Dupont a écrit :"],
    ["es", "Deja un comentario", "María García dijo:"],
    ["ru", "Комментарии", "Иван Петров пишет:"],
    ["pt", "Deixe um comentário", "João Silva disse:"],
    ["it", "Lascia un commento", "Mario Rossi ha scritto:"],
  ])("%s: the heading %s ends the article; the comments go as boilerplate/comments", (_lang, heading, signature) => {
    const result = clean([a, b, heading, signature, reply, signature, reply].join("\n"), web);
    expect(result.text).toBe(`${a}\n\n${b}\n`);
    expect(new Set(result.removed.map((r) => r.rule))).toEqual(new Set(["boilerplate/comments"]));
  });
  it.each([
    ["en", "2 days ago at 07:52 am", "5 hours ago"],
    ["de", "vor 2 Tagen", "vor einer Stunde"],
    ["fr", "il y a 2 jours", "il y a une heure"],
    ["es", "hace 2 días", "hace una hora"],
    ["ru", "2 дня назад", "5 часов назад"],
    ["pt", "há 2 dias", "5 horas atrás"],
    ["it", "2 giorni fa", "un'ora fa"],
  ])("%s: two comment time lines (%s, %s) open the section", (_lang, first, second) => {
    const result = clean([a, b, first, reply, second, reply].join("\n"), web);
    expect(result.text).toBe(`${a}\n\n${b}\n`);
    expect(result.ruleOf(first)).toBe("boilerplate/comments");
  });
  it("keeps the thread with keepComments (--keep-comments): its prose and signatures stay, its heading (a fragment) and the furniture after it go", () => {
    const answer = "The bridge will also bring more traffic to the old town, and nobody on the council has said a word about where the cars will park.";
    const raw = [a, b, "Leave a Reply", "Alex says:", reply, "Sam says:", answer, "Our team", "Events", "Archives"].join("\n");
    for (const result of [clean(raw, [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { keepComments: true } }]), cleanWith(raw, withKeepComments(loadPipeline("web-text"), true))]) {
      expect(result.text).toBe([a, b, "Alex says:", reply, "Sam says:", answer].join("\n\n") + "\n");
      expect(result.ruleOf("Leave a Reply")).toBe("boilerplate/fragment");
      expect(result.ruleOf("Archives")).toBe("boilerplate/outside-main");
    }
    // the switch holds only while the wrapped stage runs
    expect(clean(raw, web).text).toBe(`${a}\n\n${b}\n`);
  });
  it("keeps a thread without a heading after the article with keepComments, when it holds as many words as a second post", () => {
    const thread = ["Posted by Ann at 3:12 PM", reply, "Posted by Bo at 4:40 PM", reply, "Posted by Cy at 5:02 PM", reply, "Posted by Di at 6:15 PM", reply];
    const raw = [a, b, ...thread, "Contact", "Imprint"].join("\n");
    const kept = clean(raw, [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { keepComments: true } }]);
    expect(kept.text).toBe([a, b, ...thread].join("\n\n") + "\n");
    expect(kept.ruleOf("Imprint")).toBe("boilerplate/outside-main");
    expect(clean(raw, web).text).toBe(`${a}\n\n${b}\n`);
  });
  it("keeps a thread whose comments each carry several controls with keepComments: controls that recur in shape cost nothing", () => {
    const [, , c, d] = PAGES.en.paragraphs;
    const says = [
      "I walked across the old bridge every day for twenty years and I am glad that the city finally decided to replace it.",
      "The council should have asked the people who live on the east bank before it spent so much of our money on this.",
      "My grandfather helped to build the first bridge in 1951 and he would have loved to see the new one open next year.",
      "Does anyone know whether the ferry will keep running while the work on the new bridge is going on next spring?",
    ];
    const thread = says.flatMap((comment, i) => [`by reader${i} on`, `Aug ${i + 2}, 2012 10:4${i} AM EDT`, "reply", "actions", comment]);
    const raw = [a, b, c, d, ...thread, "About us", "Imprint"].join("\n");
    const kept = clean(raw, [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { keepComments: true } }]);
    for (const comment of says) expect(kept.text).toContain(comment);
    // the first comment's controls come before the thread's first prose line, the others' inside it
    expect(kept.removals.filter((r) => r.text === "reply").map((r) => r.rule)).toEqual(["boilerplate/outside-main", ...Array(3).fill("boilerplate/menu-run")]);
    expect(kept.ruleOf("Imprint")).toBe("boilerplate/outside-main");
    expect(clean(raw, web).text).toBe([a, b, c, d].join("\n\n") + "\n");
  });
  it("with keepComments, looks for the article before the comment heading even when the thread is denser than the story", () => {
    const says = [
      "I walked across the old bridge every day for twenty years and I am glad that the city finally decided to replace it with a new one.",
      "The council should have asked the people who live on the east bank before it spent so much of our money on this bridge.",
      "My grandfather helped to build the first bridge in 1951 and he would have loved to see the new one open next year, I am sure of it.",
      "Does anyone know whether the ferry will keep running while the work on the new bridge is going on next spring and summer?",
      "I hope they keep the old lamps from the first bridge, they are the most beautiful thing about it and they should not be thrown away.",
    ];
    const raw = ["Home", "News", "Sport", a, b, "Print", "104 Comments", "Add a Comment", ...says.flatMap((say, i) => [`by reader${i} on`, say]), "About us", "Imprint"].join("\n");
    const kept = clean(raw, [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { keepComments: true } }]);
    for (const text of [a, b, ...says]) expect(kept.text).toContain(text);
    expect(kept.ruleOf("Imprint")).toBe("boilerplate/outside-main");
    expect(clean(raw, web).text).toBe(`${a}\n\n${b}\n`);
  });
  it("two signatures open the section even without a heading", () => {
    const result = clean([a, b, "Alex says:", reply, "Sam says:", reply].join("\n"), web);
    expect(result.text).toBe(`${a}\n\n${b}\n`);
    const dated = clean([a, b, "Alex on May 3, 2019 at 6:34 am said:", reply, "the sam on May 4, 2019 at 7:02 am said:", reply].join("\n"), web);
    expect(dated.text).toBe(`${a}\n\n${b}\n`);
  });
  it("does not take lines that introduce a quote for signatures: they open with a function word, not a name", () => {
    const quote = "The bridge will be finished on time and within the budget that the council approved, and nobody should doubt it.";
    const [, , c, d] = PAGES.en.paragraphs;
    const raw = [a, "In a statement on Monday, the mayor said:", quote, b, "At the hearing, the council's lawyer wrote:", quote.replace("nobody", "no one"), c, d].join("\n");
    const result = clean(raw, web);
    expect(result.removals.filter((r) => r.rule === "boilerplate/comments")).toEqual([]);
    expect(result.text).toContain(d);
  });
});

describe("pages with more than one stretch of prose", () => {
  const [a, b, c, d] = PAGES.en.paragraphs;
  const sidebar = ["Archives", "March 2024", "February 2024", "January 2024", "Categories"];
  it("keeps a second post as dense as the first; the sidebar between them goes, region between", () => {
    const result = clean(["Home", "Blog", "About", a, b, c, d, ...sidebar, "A second post", d, a, b].join("\n"), web);
    expect(result.text).toBe([a, b, c, d, "A second post", d, a, b].join("\n\n") + "\n");
    expect(result.removed.map((r) => r.rule)).toEqual(Array(8).fill("boilerplate/outside-main"));
    expect(result.removals.find((r) => r.text === "Archives")?.features).toMatchObject({ region: "between", otherRuns: 1 });
  });
  it("keeps a gap between two kept stretches when most of its lines (here 4 of 5, gapTextShare 0.7) are sentences or list items", () => {
    const steps = ["Cut the paper into four equal strips", "Fold each strip in half along its length", "Now glue the ends of the strips together", "Let it dry for an hour"];
    const raw = ["Home", a, b, c, d, ...steps, "Archives", "Tags", a, b, c].join("\n");
    const result = clean(raw, web);
    expect(result.text).toBe([a, b, c, d, ...steps, "Tags", a, b, c].join("\n\n") + "\n");
    expect(result.ruleOf("Archives")).toBe("boilerplate/fragment"); // inside the text now, judged as a label
    const strict = clean(raw, [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { gapTextShare: 1 } }]);
    expect(strict.ruleOf("Let it dry for an hour")).toBe("boilerplate/outside-main");
    expect(strict.ruleOf("Archives")).toBe("boilerplate/outside-main");
  });
  it("keeps a code listing or a table of data between two kept stretches: its lines count as text (codeOrData), a menu's do not", () => {
    const listing = ["SELECT avg(n)", "FROM unnest(array[2, 3, 5, 12]) AS n;", "avg", "────────", "5.5000", "n │ is_anomaly", "12 │ t"];
    const raw = ["Home", a, b, c, d, ...listing, "Archives", a, b, c].join("\n");
    const result = clean(raw, web);
    expect(result.text).toBe([a, b, c, d, ...listing.filter((line) => line !== "avg"), "Archives", a, b, c].join("\n\n") + "\n");
    expect(result.ruleOf("avg")).toBe("boilerplate/menu-run"); // inside the text now, judged as a line of a run
    // the same gap made of menu words goes
    const menu = clean(["Home", a, b, c, d, "Select", "From", "Average", "Archives", "Sport", "Weather", "Tags", a, b, c].join("\n"), web);
    expect(menu.ruleOf("Average")).toBe("boilerplate/outside-main");
  });
  it("keeps a long paragraph cut off from the article by a box of labels and an ad (gapProseWords), not the labels, nor a list of teasers", () => {
    const cutOff = "The council will publish the full list of the streets affected on its website next week, and residents can comment until the end of May.";
    const raw = ["Home", a, b, c, d, "Most read", "Photos", "Video", "Advertisement", cutOff, "Opinion", "Weather", "Sport", "The vote", a, b, c].join("\n");
    const result = clean(raw, web);
    // "The vote" heads the second stretch of prose
    expect(result.text).toBe([a, b, c, d, cutOff, "The vote", a, b, c].join("\n\n") + "\n");
    expect(result.removals.find((r) => r.text === "Photos")?.features).toMatchObject({ region: "between" });
    const strict = clean(raw, [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { gapProseWords: 1000 } }]);
    expect(strict.ruleOf(cutOff)).toBe("boilerplate/outside-main");
    // headline, one paragraph, headline, one paragraph...: teasers of other stories stay out
    const teasers = ["Bridge opens", cutOff, "Park plan delayed", cutOff.replace("council", "mayor"), "Library to close", cutOff.replace("council", "board")];
    const menu = ["Most read", "Photos", "Video", "Weather", "Traffic"];
    const withTeasers = clean(["Home", a, b, c, d, ...menu, ...teasers, ...menu, "The vote", a, b, c].join("\n"), web);
    expect(withTeasers.text).toBe([a, b, c, d, "The vote", a, b, c].join("\n\n") + "\n");
    expect(withTeasers.ruleOf("Park plan delayed")).toBe("boilerplate/outside-main");
  });
  it("removes a lone blurb after the footer: too few words to be a second article", () => {
    const blurb = "We are a small team of writers who care about the city and the people who live in it.";
    const result = clean(["Home", a, b, c, d, "About us", "Contact", "Careers", blurb].join("\n"), web);
    expect(result.text).toBe([a, b, c, d].join("\n\n") + "\n");
    expect(result.ruleOf(blurb)).toBe("boilerplate/outside-main");
  });
  it("removes a second stretch made only of headline-and-paragraph pairs (teasers), however long", () => {
    const lede = (topic: string) => `The mayor said on Monday that the plan for the ${topic} would be ready before the end of the year, and that residents would be heard.`;
    const teasers = ["Park plan delayed", lede("park"), "School to reopen", lede("school"), "New tram line", lede("tram line")];
    const result = clean([a, b, c, d, "Most read", "Newsletter", "Contact", ...teasers, "About us", "Imprint"].join("\n"), web);
    expect(result.text).toBe([a, b, c, d].join("\n\n") + "\n");
    expect(result.ruleOf(lede("school"))).toBe("boilerplate/outside-main");
  });
  it("keeps every prose line and the heading before it on a page with no article (blurbs under headings), and drops the menus", () => {
    const blurbs = [
      "Fast", "Pages open in the blink of an eye, even on a slow connection.",
      "Private", "We never sell your data, and nobody can follow you from site to site.",
      "Yours", "Pick a theme and move every button to where you want it to be.",
    ];
    const raw = ["Home", "Download", "Support", "Why choose us", ...blurbs, "Blog", "Careers", "Press", "Sitemap"].join("\n");
    const result = clean(raw, web);
    expect(result.text).toBe(blurbs.join("\n\n") + "\n");
    expect(result.ruleOf("Why choose us")).toBe("boilerplate/outside-main");
    // a stretch scoring at least articleMinScore is an article: the blurbs outside it go
    const strict = clean(raw, [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { articleMinScore: 0 } }]);
    expect(strict.ruleOf("Fast")).toBe("boilerplate/outside-main");
  });
  it("proseRuns takes the runs beside the densest one in order, above the share and the floor", () => {
    const scores = [-15, 50, 50, -15, -15, -15, 40, -30, 20, -15];
    const main = densestRun(scores);
    expect(main).toEqual({ from: 1, to: 3, sum: 100 });
    expect(proseRuns(scores, main, 0.3, 30)).toEqual([main, { from: 6, to: 7, sum: 40 }]);
    expect(proseRuns(scores, main, 0.5, 30)).toEqual([main]);
    expect(proseRuns(scores, main, 0.1, 10)).toEqual([main, { from: 6, to: 7, sum: 40 }, { from: 8, to: 9, sum: 20 }]);
  });
});

describe("lines removed by earlier stages", () => {
  const [a, b, c, d] = PAGES.en.paragraphs;
  it("are not reported again, and count as junk (at a share of the penalty) when finding the article", () => {
    const raw = ["Sign In", "Home", a, b, "Log In", "Subscribe", "Sign Out", "Register", c, d].join("\n");
    const result = clean(raw, web);
    expect(result.removed.filter((r) => r.text === "Sign In")).toEqual([{ rule: "boilerplate/login", text: "Sign In" }]);
    expect(result.text).toBe([a, b, c, d].join("\n\n") + "\n");
    // at the full penalty, four junk lines outweigh the first two paragraphs
    const strict = clean(raw, [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { removedLineShare: 1, linePenalty: 16 } }]);
    expect(strict.ruleOf(a)).toBe("boilerplate/outside-main");
  });
});

describe("densestRun", () => {
  it("finds the run with the largest sum", () => {
    expect(densestRun([-1, -1, 5, -2, 6, -20, 3])).toEqual({ from: 2, to: 5, sum: 9 });
  });
  it("is empty when nothing is positive, and then the stage removes no line as outside-main", () => {
    expect(densestRun([-1, -2])).toEqual({ from: 0, to: 0, sum: 0 });
    const result = clean("Home\nNews\nSport\nWeather", web);
    expect(result.removed.map((r) => r.rule)).toEqual(Array(4).fill("boilerplate/menu-run"));
    expect(result.removals[0].features).toMatchObject({ region: "page" });
  });
});

describe("options", () => {
  it("switches rules off by id and takes thresholds from the pipeline file", () => {
    const [a, b] = PAGES.en.paragraphs;
    const off = clean(["Home", a, b, "Contact"].join("\n"), [{ use: "boilerplate-lines", options: { disable: ["boilerplate/outside-main"] } }]);
    expect(off.removed).toEqual([]);
    const strict = clean(["Home", a, b].join("\n"), [{ use: "boilerplate-lines", options: { proseWords: 100, sentenceWords: 100, listItemWords: 100 } }]);
    expect(strict.removed.map((r) => r.rule)).toEqual(["boilerplate/menu-run", "boilerplate/menu-run", "boilerplate/menu-run"]);
  });
  it("keeps the title before the article with keepTitle", () => {
    const p = PAGES.en;
    const result = clean(page(p), [{ use: "boilerplate-phrases" }, { use: "boilerplate-lines", options: { keepTitle: true } }]);
    expect(result.text.startsWith(`${p.title}\n\n${p.paragraphs[0]}`)).toBe(true);
    expect(result.removals.filter((r) => r.features?.region === "header").map((r) => r.text)).toEqual(p.menu);
  });
  it("rejects a bad threshold with the field named", () => {
    expect(() => clean("x", [{ use: "boilerplate-lines", options: { linePenalty: -1 } }])).toThrow(/stages\[0\]\.options\.linePenalty/);
  });
});

describe("chaff clean --pipeline web-text --keep-comments", () => {
  const CLI = join(import.meta.dirname, "../../dist/cli.js");
  const [a, b] = PAGES.en.paragraphs;
  const reply = "I could not agree more with the council, the bridge is long overdue and the east bank has waited far too long for it.";
  const answer = "The bridge will also bring more traffic to the old town, and nobody on the council has said a word about where the cars will park.";
  const raw = ["Home", "News", a, b, "Leave a Reply", "Alex says:", reply, "Sam says:", answer, "Our team", "Events", "Archives"].join("\n") + "\n";
  const run = (flags: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), "chaff-web-comments-"));
    try {
      writeFileSync(join(dir, "page.txt"), raw);
      const result = spawnSync(process.execPath, [CLI, "clean", "page.txt", "--out", "out", "--pipeline", "web-text", "-q", ...flags], { cwd: dir, encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      return readFileSync(join(dir, "out", "page.txt"), "utf8");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  it("removes the comment section by default and keeps the thread with the flag, in the main thread and in pool workers", () => {
    expect(run(["--jobs", "1"])).toBe(`${a}\n\n${b}\n`);
    const kept = [a, b, "Alex says:", reply, "Sam says:", answer].join("\n\n") + "\n";
    expect(run(["--jobs", "1", "--keep-comments"])).toBe(kept);
    expect(run(["--jobs", "2", "--keep-comments"])).toBe(kept);
  }, 120_000);
});
