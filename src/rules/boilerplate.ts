// Boilerplate of whole-page text dumps: thresholds of the context classifier and
// phrase tables of site furniture (newsletter, copyright, login, paywall blocks, counters;
// cookie notices come from ./cookies.ts, the comment section's headings are in ./comments.ts).
// Every entry carries an example; the tests check each against its rule.
import { COOKIE_PHRASE_RULES } from "./cookies.js";
import { AUTHOR_BIO } from "./promos.js";
import type { PhraseRule } from "./types.js";
import { Pattern, re } from "../core/pattern.js";

// Note: `\b` in JavaScript is ASCII-only even with the `u` flag; next to Cyrillic, use (?<!\p{L}) instead.

/** Thresholds of the context classifier (`boilerplate-lines`), each with what it decides. */
export const LINE_THRESHOLDS = {
  /** A line with at least this many words, enough stopwords or a closing punctuation mark is prose. */
  proseWords: 15,
  /** ...a shorter line is prose only if it ends a sentence and has at least this many words. */
  sentenceWords: 5,
  /** Share of stopwords (in the document's language) below which a long line is a list of names, not prose. */
  minStopwordRatio: 0.12,
  /** What a non-prose line costs the main-region score, in words: the article is the densest stretch of prose. */
  linePenalty: 15,
  /**
   * A stretch of prose apart from the densest one is kept too when its score is at least this share of
   * the densest one's (the second post of a blog page, an answer below a question: a run of 200 words
   * beside one of 500), and at least `extraRunWords`.
   */
  extraRunShare: 0.3,
  /** ...and at least this score in words (a lone 40-word blurb in a footer is no second article). */
  extraRunWords: 60,
  /**
   * Score below which the densest stretch is no article (a product page of short blurbs, a list of links
   * with one-line descriptions): then every prose line stays, with the short line before it.
   */
  articleMinScore: 50,
  /**
   * Share of the lines between two kept stretches that must be prose or list items for the gap to be kept
   * with them (a code listing or a list of steps splitting an article; a sidebar of labels is not).
   */
  gapTextShare: 0.7,
  /**
   * A prose line of at least this many words between two kept stretches stays even when the rest of the
   * gap is furniture: a paragraph cut off from the article by a gallery, a box or a share bar.
   */
  gapProseWords: 15,
  /** Headline-and-one-paragraph pairs in a row, at the end of the article, from which they are teasers of other stories. */
  teaserPairs: 3,
  /** Words of one prose line counted at most (one huge line must not drag the region over a footer). */
  maxLineWords: 120,
  /** Share of the line penalty paid by a line an earlier stage removed (a timestamp, a caption): junk, but often inside the article. */
  removedLineShare: 0.5,
  /** Consecutive short non-prose lines from which a run is a menu, a link list or a footer. */
  menuRunLength: 3,
  /** Words of a list item, at least: a run of short lines most of which have this many ordinary words is a list of steps, not a menu. */
  listItemWords: 4,
  /** ...the share of the run's lines that must be such items ("Preheat the oven to 200 degrees" among "Home", "News": no). */
  listItemShare: 0.6,
  /** A short line followed by prose is a heading when it has at most this many words. */
  headingMaxWords: 20,
  /** Lines of all capitals with at least this many letters are labels ("LATEST NEWS"), unless followed by prose. */
  allCapsMinLetters: 4,
  /** All-caps lines of at least this many words are shouted teasers ("STAR SAYS SHOW HELPED HER LOSE 25 POUNDS"), even before prose. */
  allCapsTeaserWords: 7,
  /** Lines shorter than this many words that are not headings are fragments inside the main region. */
  fragmentMaxWords: 4,
  /** Items of a `|`/`•` separated link list, at least. */
  linkListItems: 3,
  /** Words of one link-list item, at most. */
  linkListItemWords: 4,
} as const;

export type LineThresholds = { -readonly [K in keyof typeof LINE_THRESHOLDS]: number };

/** Characters that close a sentence: stops, marks, ellipsis, and closing quotes or brackets after them count too. */
export const TERMINAL_PUNCTUATION = /[.!?。！？…:;]["'”’»)\]]*$|["”’»]$/u;

/** Scripts written without spaces between words: about two characters make a word. */
export const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

/**
 * Counters of engagement: "12 comments", "3.4K shares", "1,234 views". A number, then the
 * space before the word. Written so that each character has one place to go: the run of
 * digits, dots, commas and spaces, then (only from its first letter) a unit ("K", "тыс.")
 * with its dots and the spaces after it. (The older `\d[\d.,\s]*[kmкмтыс.]*\s*` matched the
 * same strings in many ways and, repeated, backtracked exponentially on a long line.)
 */
const COUNT = String.raw`\d[\d.,\s]*(?:[kmкмтыс][kmкмтыс.]*\s*)?`;
export const COUNTER_RULES: readonly PhraseRule[] = [
  { rule: "boilerplate/counter", lang: "en", pattern: new Pattern(String.raw`^(?:${COUNT}(?:comments?|shares?|views?|likes?|reads?|repl(?:y|ies)|reactions?|responses?|followers?|votes?|claps?)\s*)+$`, "iu"), reason: "an engagement counter", example: "3.4K shares", maxWords: 8 },
  { rule: "boilerplate/counter", lang: "en", pattern: re`/^(?:comments?|shares?|views?|likes?|replies)\s*(?:[:(]\s*)?\d[\d.,]*[km]?\)?$/iu`, reason: "an engagement counter", example: "Comments (12)", maxWords: 4 },
  { rule: "boilerplate/counter", lang: "de", pattern: new Pattern(String.raw`^(?:${COUNT}(?:kommentare?|mal geteilt|aufrufe|leser|gefällt mir|likes?)\s*)+$`, "iu"), reason: "an engagement counter", example: "12 Kommentare", maxWords: 8 },
  { rule: "boilerplate/counter", lang: "fr", pattern: new Pattern(String.raw`^(?:${COUNT}(?:commentaires?|partages?|vues?|lectures?|réactions?|j'aime)\s*)+$`, "iu"), reason: "an engagement counter", example: "12 commentaires", maxWords: 8 },
  { rule: "boilerplate/counter", lang: "es", pattern: new Pattern(String.raw`^(?:${COUNT}(?:comentarios?|compartidos?|veces compartido|visitas|vistas|lecturas|me gusta|reacciones)\s*)+$`, "iu"), reason: "an engagement counter", example: "12 comentarios", maxWords: 8 },
  { rule: "boilerplate/counter", lang: "pt", pattern: new Pattern(String.raw`^(?:${COUNT}(?:comentários?|compartilhamentos?|partilhas?|visualizaç(?:ão|ões)|leituras?|curtidas?|gostos?|reações|vezes compartilhado)\s*)+$`, "iu"), reason: "an engagement counter", example: "12 comentários", maxWords: 8 },
  { rule: "boilerplate/counter", lang: "it", pattern: new Pattern(String.raw`^(?:${COUNT}(?:commenti|commento|condivisioni|visualizzazioni|letture|mi piace|reazioni)\s*)+$`, "iu"), reason: "an engagement counter", example: "12 commenti", maxWords: 8 },
  { rule: "boilerplate/counter", lang: "ru", pattern: new Pattern(String.raw`^(?:${COUNT}(?:комментари(?:й|я|ев)|просмотр(?:ов|а)?|репост(?:ов|а)?|лайк(?:ов|а)?|прочтени(?:й|я))\s*)+$`, "iu"), reason: "an engagement counter", example: "12 комментариев", maxWords: 8 },
];

/** One item of a footer's link list ("Terms of Use"): letters, apostrophes, ampersands, single spaces inside. */
const FOOTER_ITEM = String.raw`[\p{L}'&]+(?: [\p{L}'&]+)*`;
/**
 * The rest of a footer link line after its first link: "| Datenschutz | Kontakt". Lines reach the
 * rules with inner white space collapsed to one space, so every space has exactly one place to go
 * (beside a separator, or between two words of an item) and the pattern runs in linear time (recheck's
 * automaton check). Items are not limited in length here: the rule's maxWords limits the line.
 */
const MORE_FOOTER_LINKS = String.raw`(?: ?[|•·] ?${FOOTER_ITEM})* ?$`;

/** Site furniture: consent, newsletter, copyright, account and paywall blocks. */
export const FURNITURE_RULES: readonly PhraseRule[] = [
  ...COOKIE_PHRASE_RULES,

  // newsletter sign-ups
  { rule: "boilerplate/newsletter", lang: "en", pattern: re`/\b(?:sign up|subscribe|register) (?:now |today |here )?(?:for|to) (?:our|the|a|my) (?:[\p{L}'-]+ ){0,3}(?:newsletters?|e-?mails?|briefing|digest|updates|alerts)\b|\b(?:get|join) (?:our|the) (?:[\p{L}'-]+ ){0,3}(?:newsletter|mailing list)\b|\b(?:enter|your) e-?mail address\b|^(?:newsletters?|e-?mail newsletters?|subscribe to (?:our )?newsletters?)$|\bdelivered (?:straight |directly )?to your inbox\b/iu`, reason: "a newsletter sign-up", example: "Sign up for our daily newsletter", maxWords: 40 },
  { rule: "boilerplate/newsletter", lang: "en", pattern: re`/\bthank you for (?:signing up|subscribing)\b|\byou can unsubscribe at any time\b|\byou(?:'ve| have)? (?:successfully|succesfully) subscribed\b|^stay up to date with\b.{0,60}$/iu`, reason: "a newsletter sign-up", example: "Thank you for subscribing!", maxWords: 40 },
  { rule: "boilerplate/newsletter", lang: "en", pattern: re`/\bi agree (?:that|to) .{0,80}(?:send me|newsletters?|e-?mails?)\b/iu`, reason: "a newsletter sign-up", example: "I agree to receive newsletters and e-mails from the publisher.", maxWords: 40 },
  { rule: "boilerplate/newsletter", lang: "de", pattern: re`/\bnewsletter (?:abonnieren|bestellen|anmelden)|\b(?:melden sie sich|jetzt) (?:für|zum) (?:unseren |den )?(?:[\p{L}-]+ ){0,2}newsletter|\bihre e-?mail-?adresse\b|^newsletter$|\babmeldung (?:ist )?jederzeit möglich/iu`, reason: "a newsletter sign-up", example: "Jetzt zum Newsletter anmelden", maxWords: 40 },
  { rule: "boilerplate/newsletter", lang: "fr", pattern: re`/\b(?:inscrivez-vous|abonnez-vous) à (?:notre|la) (?:[\p{L}'-]+ ){0,2}(?:newsletter|lettre d'information)|\bvotre (?:adresse )?e-?mail\b/iu`, reason: "a newsletter sign-up", example: "Inscrivez-vous à notre newsletter", maxWords: 40 },
  { rule: "boilerplate/newsletter", lang: "fr", pattern: re`/^(?:newsletters?|lettre d'information)$|\bvous pouvez vous désinscrire à tout moment/iu`, reason: "a newsletter sign-up", example: "Vous pouvez vous désinscrire à tout moment.", maxWords: 40 },
  { rule: "boilerplate/newsletter", lang: "es", pattern: re`/\b(?:suscríbete|suscríbase|regístrate) (?:a|en) (?:nuestro|nuestra|el|la) (?:[\p{L}'-]+ ){0,2}(?:newsletter|boletín)|\btu (?:dirección de )?correo electrónico\b|^(?:newsletters?|boletines?)$|\bpuedes darte de baja en cualquier momento/iu`, reason: "a newsletter sign-up", example: "Suscríbete a nuestro boletín", maxWords: 40 },
  { rule: "boilerplate/newsletter", lang: "pt", pattern: re`/\b(?:assine|inscreva-se|cadastre-se|subscreva|registe-se) (?:a|na|em|no|o) (?:(?:nossa|nosso) )?(?:[\p{L}'-]+ ){0,2}(?:newsletter|boletim|lista de e-?mails)|\b(?:digite|insira|informe|introduza) (?:o )?seu (?:endereço de )?e-?mail\b|^(?:newsletters?|boletim)$|\b(?:pode|poderá) (?:cancelar a (?:sua )?inscrição|descadastrar-se|anular a subscrição) a qualquer momento|\breceba (?:as |nossas )?(?:notícias|novidades) (?:no seu|por) e-?mail/iu`, reason: "a newsletter sign-up", example: "Assine a nossa newsletter", maxWords: 40 },
  { rule: "boilerplate/newsletter", lang: "it", pattern: re`/\biscriviti alla (?:nostra )?(?:[\p{L}'-]+ ){0,2}newsletter|\b(?:inserisci (?:il tuo |la tua )?|il tuo )(?:indirizzo )?e-?mail\b|^newsletter$|\bpuoi (?:cancellarti|disiscriverti) (?:in qualsiasi momento|quando vuoi)|\bricevi (?:la nostra newsletter|le (?:ultime )?notizie (?:via|per) e-?mail)/iu`, reason: "a newsletter sign-up", example: "Iscriviti alla nostra newsletter", maxWords: 40 },
  { rule: "boilerplate/newsletter", lang: "ru", pattern: re`/подпи(?:шитесь|сывайтесь|саться) на (?:нашу |наш |нас )?(?:рассылку|новости|канал|telegram|телеграм)|ваш (?:адрес )?e-?mail|^рассылка$|отписаться можно в любой момент/iu`, reason: "a newsletter sign-up", example: "Подпишитесь на нашу рассылку", maxWords: 40 },

  // copyright and legal footers
  { rule: "boilerplate/copyright", lang: "*", pattern: re`/(?:©|\(c\)|&copy;)\s*(?:\d{4}|[\p{L}])|^copyright\b|\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b|\btodos os direitos reservados\b|\btutti i diritti riservati\b|\briproduzione riservata\b/iu`, reason: "a copyright or rights notice", example: "© 2019 Example Media. All rights reserved.", maxWords: 40 },
  { rule: "boilerplate/copyright", lang: "*", pattern: re`/(?<!\p{L})все права защищены|\bare (?:registered )?trademarks of\b|\bsind (?:eingetragene )?(?:marken|warenzeichen)\b|\bsont des marques (?:déposées|commerciales)\b|\bson marcas (?:registradas|comerciales)\b|\bsão marcas (?:registadas|registradas|comerciais)\b|\bsono marchi (?:registrati|commerciali)\b|(?<!\p{L})являются (?:зарегистрированными )?товарными знаками/iu`, reason: "a copyright or rights notice", example: "Все права защищены.", maxWords: 40 },
  { rule: "boilerplate/copyright", lang: "en", pattern: new Pattern(String.raw`^(?:terms (?:of (?:use|service)|and conditions)|privacy (?:policy|notice)|cookie policy|accessibility|contact us|about us|advertise(?: with us)?|site ?map|careers|help)${MORE_FOOTER_LINKS}|\bmay not be (?:published|reproduced|republished|redistributed)(?:,| or| in whole)`, "iu"), reason: "a legal or site footer link", example: "Privacy Policy | Terms of Use", maxWords: 20 },
  { rule: "boilerplate/copyright", lang: "de", pattern: new Pattern(String.raw`^(?:impressum|datenschutz(?:erklärung)?|nutzungsbedingungen|agb|kontakt|mediadaten)${MORE_FOOTER_LINKS}`, "iu"), reason: "a legal or site footer link", example: "Impressum | Datenschutz", maxWords: 20 },
  { rule: "boilerplate/copyright", lang: "fr", pattern: new Pattern(String.raw`^(?:mentions légales|politique de confidentialité|conditions générales(?: d'utilisation)?|cgu|nous contacter|plan du site)${MORE_FOOTER_LINKS}`, "iu"), reason: "a legal or site footer link", example: "Mentions légales | Plan du site", maxWords: 20 },
  { rule: "boilerplate/copyright", lang: "es", pattern: new Pattern(String.raw`^(?:aviso legal|política de privacidad|condiciones de uso|términos y condiciones|contacto|mapa del sitio)${MORE_FOOTER_LINKS}`, "iu"), reason: "a legal or site footer link", example: "Aviso legal | Política de privacidad", maxWords: 20 },
  { rule: "boilerplate/copyright", lang: "pt", pattern: new Pattern(String.raw`^(?:política de privacidade|termos (?:de (?:uso|utilização|serviço)|e condições)|fale conosco|contacte-nos|contato|contacto|quem somos|sobre nós|anuncie(?: conosco| aqui)?|expediente|mapa do site|ficha técnica|estatuto editorial)${MORE_FOOTER_LINKS}`, "iu"), reason: "a legal or site footer link", example: "Política de Privacidade | Termos de Uso", maxWords: 20 },
  { rule: "boilerplate/copyright", lang: "it", pattern: new Pattern(String.raw`^(?:privacy(?: policy)?|informativa (?:sulla )?privacy|note legali|termini (?:e condizioni|di (?:uso|utilizzo|servizio))|contatti|chi siamo|mappa del sito|redazione|cookie policy)${MORE_FOOTER_LINKS}|\b(?:p\.? ?iva|partita iva)\s*(?::\s*)?(?:it)?\d{11}\b`, "iu"), reason: "a legal or site footer link", example: "Chi siamo | Contatti | Privacy", maxWords: 30 },
  { rule: "boilerplate/copyright", lang: "ru", pattern: new Pattern(String.raw`^(?:политика конфиденциальности|пользовательское соглашение|контакты|о (?:нас|проекте)|реклама на сайте|карта сайта)${MORE_FOOTER_LINKS}|(?:использование|перепечатка) материалов (?:сайта )?(?:разрешается|допускается|возможна) только`, "iu"), reason: "a legal or site footer link", example: "Политика конфиденциальности", maxWords: 30 },

  // advertising labels
  { rule: "boilerplate/ad", lang: "*", pattern: re`/^(?:advertisement|advertising|sponsored(?: content)?|ad|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|реклама)(?:\s*(?:[-–:]\s*)?(?:scroll|story) (?:to )?continues? below)?$|^(?:continue reading|story continues) (?:the main story|below (?:the )?(?:advertisement|ad))$/iu`, reason: "an advertising label", example: "Advertisement", maxWords: 8 },

  // affiliate-link disclosures
  { rule: "boilerplate/affiliate", lang: "en", pattern: re`/\b(?:we|may|might) (?:may )?(?:earn|receive|get) (?:an? )?(?:small )?(?:affiliate )?commission\b|\bcontains? affiliate links\b|\bwhen you buy through (?:our )?links\b/iu`, reason: "an affiliate-link disclosure", example: "We may earn a commission when you buy through links on our site.", maxWords: 60 },
  { rule: "boilerplate/affiliate", lang: "de", pattern: re`/\b(?:affiliate|partner)-?links\b|\berhalten wir (?:ggf\. |eventuell |gegebenenfalls )?eine provision/iu`, reason: "an affiliate-link disclosure", example: "Bei Käufen über diese Links erhalten wir eine Provision.", maxWords: 60 },
  { rule: "boilerplate/affiliate", lang: "fr", pattern: re`/\bliens? (?:d'affiliation|affiliés?)\b|\bnous (?:pouvons )?percev(?:ons|oir) une commission/iu`, reason: "an affiliate-link disclosure", example: "Cet article contient des liens affiliés.", maxWords: 60 },
  { rule: "boilerplate/affiliate", lang: "es", pattern: re`/\benlaces? de afiliados?\b|\bpodemos (?:recibir|obtener) una comisión/iu`, reason: "an affiliate-link disclosure", example: "Este artículo contiene enlaces de afiliados.", maxWords: 60 },
  { rule: "boilerplate/affiliate", lang: "pt", pattern: re`/\blinks? (?:de )?afiliad(?:o|os|as)\b|\bpodemos (?:receber|ganhar) (?:uma )?comissão/iu`, reason: "an affiliate-link disclosure", example: "Este artigo contém links de afiliados.", maxWords: 60 },
  { rule: "boilerplate/affiliate", lang: "it", pattern: re`/\blink (?:di affiliazione|affiliati)\b|\b(?:potremmo ricevere|riceviamo) una commissione/iu`, reason: "an affiliate-link disclosure", example: "Questo articolo contiene link di affiliazione.", maxWords: 60 },
  { rule: "boilerplate/affiliate", lang: "ru", pattern: re`/партн[её]рски[ех] ссылк|мы (?:можем )?получ(?:аем|ить) комиссию/iu`, reason: "an affiliate-link disclosure", example: "В статье есть партнёрские ссылки.", maxWords: 60 },

  // bare addresses
  { rule: "boilerplate/url", lang: "*", pattern: re`/^(?:https?:\/\/|www\.)\S+$/iu`, reason: "a bare web address", example: "https://www.example.com/assets/images/logo.png", maxWords: 40 },

  // author biographies at the end of a story (the pattern is shared with the promos table)
  { rule: "boilerplate/author-bio", lang: "*", pattern: AUTHOR_BIO, reason: "an author biography", example: "Jane Roe is a senior reporter covering city hall for the Example Times.", maxWords: 60 },

  // account and login
  { rule: "boilerplate/login", lang: "en", pattern: re`/^(?:log ?in|sign ?in|log ?out|sign ?out|register|create (?:an |your )?account|my account|forgot (?:your )?password\??|subscribe|sign ?in ?\/? ?register|log ?in ?\/? ?register|subscribe ?\/? ?log ?in|subscribesign in)$|\balready (?:a subscriber|have an account)\?/iu`, reason: "an account or login control", example: "Sign In", maxWords: 12 },
  { rule: "boilerplate/login", lang: "de", pattern: re`/^(?:anmelden|einloggen|abmelden|registrieren|mein konto|passwort vergessen\??|abonnieren)$|\bbereits (?:abonnent|registriert)\?/iu`, reason: "an account or login control", example: "Anmelden", maxWords: 12 },
  { rule: "boilerplate/login", lang: "fr", pattern: re`/^(?:se connecter|connexion|déconnexion|s'inscrire|créer un compte|mon compte|mot de passe oublié\s*\??|s'abonner)$|\bdéjà abonné\s*\?/iu`, reason: "an account or login control", example: "Se connecter", maxWords: 12 },
  { rule: "boilerplate/login", lang: "es", pattern: re`/^(?:iniciar sesión|acceder|cerrar sesión|regístrate|registrarse|crear (?:una )?cuenta|mi cuenta|¿?olvidaste tu contraseña\??|suscríbete)$|\b¿?ya (?:eres suscriptor|tienes (?:una )?cuenta)\?/iu`, reason: "an account or login control", example: "Iniciar sesión", maxWords: 12 },
  { rule: "boilerplate/login", lang: "pt", pattern: re`/^(?:entrar|iniciar sessão|fazer login|sair|terminar sessão|cadastre-se|cadastrar|registar|registrar|criar (?:uma )?conta|(?:a )?minha conta|esqueceu(?:-se)? (?:a (?:sua )?|sua |da )?(?:senha|palavra-passe)\??|assine(?: já)?|assinar|subscrever)$|\bjá (?:é assinante|tem (?:uma )?conta)\?/iu`, reason: "an account or login control", example: "Entrar", maxWords: 12 },
  { rule: "boilerplate/login", lang: "it", pattern: re`/^(?:accedi|esci|registrati|crea (?:un )?account|il mio account|area riservata|password dimenticata\??|hai dimenticato la password\??|abbonati(?: ora)?)$|\b(?:sei già abbonato|hai già un account)\?/iu`, reason: "an account or login control", example: "Accedi", maxWords: 12 },
  { rule: "boilerplate/login", lang: "ru", pattern: re`/^(?:войти|вход|выйти|выход|регистрация|зарегистрироваться|личный кабинет|забыли пароль\??|подписаться)$/iu`, reason: "an account or login control", example: "Войти", maxWords: 12 },

  // paywall and subscription promos
  { rule: "boilerplate/paywall", lang: "en", pattern: re`/\b(?:subscribe|subscription) (?:now |today )?(?:to (?:continue|keep) reading|for (?:full|unlimited) access)|\byou(?:'ve| have) (?:reached|read|used) (?:your|all|\d+) (?:monthly )?(?:limit of )?(?:free |of your free )?(?:articles?|stories)|\b(?:unlimited|full) (?:digital )?access (?:for|from) (?:just |only )?[$£€]|\bthis (?:article|content|story) is (?:for|available to|reserved for) (?:subscribers|members)|\bbecome a (?:subscriber|member)\b|\bsupport (?:our |independent )?journalism\b/iu`, reason: "a paywall or subscription promo", example: "Subscribe now to continue reading.", maxWords: 50 },
  { rule: "boilerplate/paywall", lang: "de", pattern: re`/\b(?:jetzt )?(?:weiterlesen mit|lesen sie weiter mit)\b|\bdieser (?:artikel|beitrag) ist (?:nur )?(?:für abonnenten|abonnenten vorbehalten)|\b(?:jetzt )?abo (?:abschließen|testen)\b|\bsie haben (?:ihr|alle) (?:kostenlosen )?artikel/iu`, reason: "a paywall or subscription promo", example: "Dieser Artikel ist Abonnenten vorbehalten.", maxWords: 50 },
  { rule: "boilerplate/paywall", lang: "fr", pattern: re`/\bla suite (?:de cet article )?est réservée aux abonnés|\bcet article est réservé aux abonnés|\babonnez-vous (?:pour|dès) (?:lire|maintenant)|\bdéjà abonné\b/iu`, reason: "a paywall or subscription promo", example: "Cet article est réservé aux abonnés.", maxWords: 50 },
  { rule: "boilerplate/paywall", lang: "es", pattern: re`/\b(?:este|el) (?:artículo|contenido) es exclusivo para (?:suscriptores|socios)|\bsuscríbete para (?:seguir leyendo|leer)|\bhas (?:alcanzado|agotado) (?:el límite|tus artículos)/iu`, reason: "a paywall or subscription promo", example: "Este artículo es exclusivo para suscriptores.", maxWords: 50 },
  { rule: "boilerplate/paywall", lang: "pt", pattern: re`/\b(?:este|esse) (?:conteúdo|artigo) é exclusivo para assinantes|\b(?:conteúdo|artigo|matéria|reportagem) exclusiv[oa] para assinantes|\bassine para (?:continuar (?:lendo|a ler)|ler)|\b(?:você )?(?:atingiu|chegou ao) (?:o )?limite de (?:\d+ )?(?:reportagens|matérias|artigos|notícias)/iu`, reason: "a paywall or subscription promo", example: "Este conteúdo é exclusivo para assinantes.", maxWords: 50 },
  { rule: "boilerplate/paywall", lang: "it", pattern: re`/\bquesto (?:articolo|contenuto) è riservato agli abbonati|^contenuto riservato agli abbonati\b|\babbonati per (?:continuare a leggere|leggere)|\bhai (?:raggiunto|esaurito) il (?:limite|numero) (?:di|degli) articoli/iu`, reason: "a paywall or subscription promo", example: "Questo articolo è riservato agli abbonati.", maxWords: 50 },
  { rule: "boilerplate/paywall", lang: "ru", pattern: re`/(?:этот )?материал доступен только (?:по подписке|подписчикам)|оформите подписку,? чтобы (?:продолжить|читать)|чтобы (?:продолжить чтение|читать дальше),? (?:оформите подписку|подпишитесь)/iu`, reason: "a paywall or subscription promo", example: "Материал доступен только по подписке.", maxWords: 50 },
];

/**
 * Separators of a link-list line: "News | Sport | Weather", "Home • About • Contact". White space before a
 * separator is taken only from the start of its run (`(?<!\s)`), so a split does not rescan a long run of
 * spaces from each of its positions (quadratic); a match's trailing `\s*` leaves none behind for the next.
 */
export const LINK_LIST_SEPARATOR = /(?<!\s)\s*[|•·]\s*|[|•·]\s*|(?<!\s)\s+[/–—-]\s+/u;
export const LINK_LIST_EXAMPLE = "News | Sport | Weather | Travel";
