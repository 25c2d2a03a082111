// Furniture lines told by their phrases, per language: cookie, newsletter, copyright,
// login, paywall, counters, comment sections; and link lists.
import { describe, expect, it } from "vitest";
import { COUNTER_RULES, FURNITURE_RULES, LINK_LIST_EXAMPLE } from "../../src/rules/boilerplate.js";
import { COMMENT_SECTION_RULES, COMMENT_SIGNATURE_RULES } from "../../src/rules/comments.js";
import { linkListItems } from "../../src/stages/boilerplate-phrases.js";
import { clean } from "./boilerplate-helpers.js";

const phrases = [{ use: "boilerplate-phrases" }];

describe("every table example is caught by its own rule", () => {
  for (const rule of [...COUNTER_RULES, ...FURNITURE_RULES]) {
    it(`${rule.rule} (${rule.lang}): ${rule.example}`, () => {
      expect(clean(rule.example, phrases).ruleOf(rule.example)).toBe(rule.rule);
    });
  }
  for (const rule of [...COMMENT_SECTION_RULES, ...COMMENT_SIGNATURE_RULES]) {
    it(`${rule.rule} (${rule.lang}) pattern matches its example: ${rule.example}`, () => {
      expect(rule.pattern.test(rule.example)).toBe(true);
    });
  }
  it(`boilerplate/link-list: ${LINK_LIST_EXAMPLE}`, () => {
    expect(clean(LINK_LIST_EXAMPLE, phrases).ruleOf(LINK_LIST_EXAMPLE)).toBe("boilerplate/link-list");
  });
});

/** Lines that must go, with the exact rule, and lines that must stay, per language. */
const CASES: Record<string, { remove: Array<[string, string]>; keep: string[] }> = {
  en: {
    remove: [
      ["By continuing to use this site, you agree to our use of cookies.", "boilerplate/cookie"],
      ["Accept all cookies", "boilerplate/cookie"],
      ["Anna Schmidt ist Redakteurin im Lokalressort und berichtet seit 2015 über Stadtpolitik.", "boilerplate/author-bio"],
      ["Get the Morning Briefing newsletter delivered to your inbox", "boilerplate/newsletter"],
      ["Enter your email address", "boilerplate/newsletter"],
      ["Copyright 2019 The Daily Example. All rights reserved.", "boilerplate/copyright"],
      ["Terms of Service | Privacy Policy | Contact", "boilerplate/copyright"],
      ["Log In", "boilerplate/login"],
      ["Already a subscriber? Sign in here", "boilerplate/login"],
      ["You have reached your limit of free articles this month.", "boilerplate/paywall"],
      ["I agree that Example Sports can send me the \"Morning\" newsletter.", "boilerplate/newsletter"],
      ["You have successfully subscribed. Thank you!", "boilerplate/newsletter"],
      ["The material on this site may not be reproduced, distributed or transmitted.", "boilerplate/copyright"],
      ["Example Tech may earn an Affiliate Commission if you purchase something through links.", "boilerplate/affiliate"],
      ["Join our newsletter", "boilerplate/newsletter"],
      ["Apple and iPhone are registered trademarks of Apple Inc.", "boilerplate/copyright"],
      ["12 comments", "boilerplate/counter"],
      ["1,204 shares", "boilerplate/counter"],
      ["Politics • Business • Tech • Science", "boilerplate/link-list"],
    ],
    keep: [
      "The bakery sold cookies to the children who came to the fair on Saturday.",
      "Maria Ressa is a journalist and Nobel laureate who founded Rappler in 2012.",
      "She signed the letter and sent it to the newspaper's editor the next morning.",
      "The report found that 12 comments on the draft law came from industry groups.",
      "Rain | then sun",
      "He said the copyright reform would pass before the summer recess.",
      "The firm said it would earn more from its commission on each sale than last year.",
    ],
  },
  de: {
    remove: [
      ["Diese Website verwendet Cookies. Mit der Nutzung dieser Seite stimmen Sie zu.", "boilerplate/cookie"],
      ["Newsletter abonnieren", "boilerplate/newsletter"],
      ["© 2019 Beispiel Verlag GmbH. Alle Rechte vorbehalten.", "boilerplate/copyright"],
      ["Impressum | Datenschutz | Kontakt", "boilerplate/copyright"],
      ["Anmelden", "boilerplate/login"],
      ["Dieser Artikel ist Abonnenten vorbehalten.", "boilerplate/paywall"],
      ["34 Kommentare", "boilerplate/counter"],
      ["Alle genannten Namen sind eingetragene Marken ihrer Inhaber.", "boilerplate/copyright"],
    ],
    keep: [
      "Die Regierung will das Gesetz noch vor der Sommerpause im Bundestag beschließen.",
      "Der Bäcker verkaufte Kekse an die Kinder, die am Samstag auf den Markt kamen.",
    ],
  },
  fr: {
    remove: [
      ["Nous utilisons des cookies pour améliorer votre expérience.", "boilerplate/cookie"],
      ["Abonnez-vous à notre lettre d'information", "boilerplate/newsletter"],
      ["© 2019 Exemple Presse. Tous droits réservés.", "boilerplate/copyright"],
      ["Mentions légales | Plan du site", "boilerplate/copyright"],
      ["Se connecter", "boilerplate/login"],
      ["La suite de cet article est réservée aux abonnés.", "boilerplate/paywall"],
      ["8 commentaires", "boilerplate/counter"],
      ["Les noms cités sont des marques déposées de leurs propriétaires.", "boilerplate/copyright"],
    ],
    keep: [
      "Le gouvernement veut faire adopter la loi avant la pause estivale du Parlement.",
      "Les enfants ont partagé leurs gâteaux avec les voisins pendant la fête du quartier.",
    ],
  },
  es: {
    remove: [
      ["Este sitio web utiliza cookies para mejorar su experiencia.", "boilerplate/cookie"],
      ["Suscríbete a nuestro boletín diario", "boilerplate/newsletter"],
      ["© 2019 Ejemplo Medios. Todos los derechos reservados.", "boilerplate/copyright"],
      ["Aviso legal | Política de privacidad", "boilerplate/copyright"],
      ["Iniciar sesión", "boilerplate/login"],
      ["Este contenido es exclusivo para suscriptores.", "boilerplate/paywall"],
      ["15 comentarios", "boilerplate/counter"],
      ["Los nombres citados son marcas registradas de sus propietarios.", "boilerplate/copyright"],
    ],
    keep: [
      "El Gobierno quiere aprobar la ley antes de las vacaciones de verano del Congreso.",
      "Los niños compartieron sus galletas con los vecinos durante la fiesta del barrio.",
    ],
  },
  pt: {
    remove: [
      ["Este site utiliza cookies para melhorar a sua experiência de navegação.", "boilerplate/cookie"],
      ["Ao continuar a navegar, está a concordar com a utilização de cookies.", "boilerplate/cookie"],
      ["Aceitar todos os cookies", "boilerplate/cookie"],
      ["Assine a nossa newsletter diária", "boilerplate/newsletter"],
      ["Cadastre-se na nossa newsletter", "boilerplate/newsletter"],
      ["Digite seu e-mail", "boilerplate/newsletter"],
      ["© 2019 Exemplo Comunicação. Todos os direitos reservados.", "boilerplate/copyright"],
      ["Política de Privacidade | Termos de Uso | Fale Conosco", "boilerplate/copyright"],
      ["Estatuto editorial", "boilerplate/copyright"],
      ["Entrar", "boilerplate/login"],
      ["Esqueceu a sua senha?", "boilerplate/login"],
      ["Já é assinante? Faça login", "boilerplate/login"],
      ["Este conteúdo é exclusivo para assinantes.", "boilerplate/paywall"],
      ["Você atingiu o limite de 5 reportagens por mês.", "boilerplate/paywall"],
      ["Artigo exclusivo para assinantes", "boilerplate/paywall"],
      ["Subscrever", "boilerplate/login"],
      ["Publicidade", "boilerplate/ad"],
      ["Podemos receber uma comissão pelas compras feitas nos links.", "boilerplate/affiliate"],
      ["1.204 compartilhamentos", "boilerplate/counter"],
      ["35 visualizações", "boilerplate/counter"],
      ["Os nomes citados são marcas registradas dos seus proprietários.", "boilerplate/copyright"],
    ],
    keep: [
      "O governo quer aprovar a lei antes do recesso parlamentar de julho, disse o ministro.",
      "As crianças compartilharam os biscoitos com os vizinhos durante a festa do bairro.",
      "O comentário do presidente sobre os cookies do navegador irritou os técnicos.",
      "A empresa disse que a comissão sobre cada venda seria maior do que no ano passado.",
      "Os assinantes do jornal receberam a edição impressa com atraso na segunda-feira.",
      "Ele entrou na sala e pediu para ver o seu e-mail antes da reunião com os advogados.",
    ],
  },
  it: {
    remove: [
      ["Questo sito utilizza cookie tecnici e di profilazione.", "boilerplate/cookie"],
      ["Proseguendo nella navigazione acconsenti all'uso dei cookie.", "boilerplate/cookie"],
      ["Iscriviti alla nostra newsletter settimanale", "boilerplate/newsletter"],
      ["Inserisci il tuo indirizzo email", "boilerplate/newsletter"],
      ["© 2019 Esempio Editore S.p.A. Tutti i diritti riservati.", "boilerplate/copyright"],
      ["© RIPRODUZIONE RISERVATA", "boilerplate/copyright"],
      ["Esempio Editore S.r.l. - P.IVA 01234567890", "boilerplate/copyright"],
      ["Chi siamo | Contatti | Privacy", "boilerplate/copyright"],
      ["Accedi", "boilerplate/login"],
      ["Hai già un account? Accedi", "boilerplate/login"],
      ["Questo articolo è riservato agli abbonati.", "boilerplate/paywall"],
      ["Pubblicità", "boilerplate/ad"],
      ["Questo articolo contiene link di affiliazione.", "boilerplate/affiliate"],
      ["34 commenti", "boilerplate/counter"],
      ["1.204 visualizzazioni", "boilerplate/counter"],
      ["I nomi citati sono marchi registrati dei rispettivi proprietari.", "boilerplate/copyright"],
    ],
    keep: [
      "Il governo vuole approvare la legge prima della pausa estiva del Parlamento.",
      "I bambini hanno condiviso i biscotti con i vicini durante la festa del quartiere.",
      "Il commento del ministro sui cookie dei siti di notizie ha fatto discutere i garanti.",
      "Gli abbonati al servizio sono cresciuti del dieci per cento nell'ultimo anno.",
      "La commissione ha chiesto chiarimenti sui diritti riservati agli azionisti di minoranza.",
    ],
  },
  ru: {
    remove: [
      ["Сайт использует файлы cookie для улучшения работы.", "boilerplate/cookie"],
      ["Подпишитесь на нашу рассылку", "boilerplate/newsletter"],
      ["© 2019 Пример Медиа. Все права защищены.", "boilerplate/copyright"],
      ["Политика конфиденциальности", "boilerplate/copyright"],
      ["ООО «Пример». Все права защищены.", "boilerplate/copyright"],
      ["Мы используем куки. Продолжая, вы соглашаетесь на использование куки.", "boilerplate/cookie"],
      ["Войти", "boilerplate/login"],
      ["Этот материал доступен только по подписке.", "boilerplate/paywall"],
      ["120 просмотров", "boilerplate/counter"],
      ["Подписывайтесь на наш канал в Telegram", "boilerplate/newsletter"],
      ["Названия являются зарегистрированными товарными знаками их владельцев.", "boilerplate/copyright"],
    ],
    keep: [
      "Правительство хочет принять закон до начала летних каникул в парламенте.",
      "Дети поделились печеньем с соседями во время праздника во дворе.",
      "Комментарии экспертов к закону появились в среду.",
    ],
  },
};

for (const [lang, { remove, keep }] of Object.entries(CASES)) {
  describe(`boilerplate-phrases (${lang})`, () => {
    it.each(remove)("removes %s as %s", (line, rule) => {
      const result = clean(line, phrases);
      expect(result.removed).toEqual([{ rule, text: line }]);
    });
    it.each(keep)("keeps %s", (line) => {
      const result = clean(line, phrases);
      expect(result.removed).toEqual([]);
      expect(result.text.trim()).toBe(line);
    });
  });
}

describe("link lists", () => {
  it("needs three short capitalised items", () => {
    expect(linkListItems("Home | About | Contact", 3, 4)).toEqual(["Home", "About", "Contact"]);
    expect(linkListItems("Home | About", 3, 4)).toBeUndefined();
    expect(linkListItems("Home | about us | Contact", 3, 4)).toBeUndefined();
    expect(linkListItems("He left. | She stayed. | They wept.", 3, 4)).toBeUndefined();
    expect(linkListItems("World | A very long headline about the summit | Sport", 3, 4)).toBeUndefined();
  });
  it("records the items and their length as features", () => {
    const [removal] = clean("Новости • Спорт • Погода • Видео", phrases).removals;
    expect(removal.rule).toBe("boilerplate/link-list");
    expect(removal.features).toMatchObject({ items: 4, longestItemWords: 1 });
  });
});

describe("options from the pipeline file", () => {
  it("adds phrases and patterns under boilerplate/custom and disables rules by id", () => {
    const stages = [{ use: "boilerplate-phrases", options: { phrases: ["Advertisement feature"], patterns: ["^sponsored by "], disable: ["boilerplate/login"] } }];
    const result = clean("Advertisement feature\nSponsored by Acme\nSign In", stages);
    expect(result.removed).toEqual([
      { rule: "boilerplate/custom", text: "Advertisement feature" },
      { rule: "boilerplate/custom", text: "Sponsored by Acme" },
    ]);
  });
  it("rejects an unknown option with the field named", () => {
    expect(() => clean("x", [{ use: "boilerplate-phrases", options: { phrase: ["x"] } }])).toThrow(/stages\[0\]\.options.*phrase/);
  });
});
