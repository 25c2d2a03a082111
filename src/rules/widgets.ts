// Share, print and email widgets, and navigation labels: whole lines of UI text.
import type { LineRule } from "./types.js";
import { Pattern, re } from "../core/pattern.js";

/** Words that only a widget uses; a line of these (and WIDGET_FILLER) is a widget. */
export const WIDGET_WORDS: readonly string[] = [
  // en
  "share", "shares", "print", "email", "e-mail", "mail", "tweet", "pin", "save", "bookmark", "sms",
  "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "reddit", "pinterest", "flipboard",
  "messenger", "tumblr", "xing", "vk", "vkontakte", "odnoklassniki", "threads", "bluesky", "mastodon",
  "permalink", "copy link", "copied",
  // de
  "teilen", "drucken", "versenden", "mailen", "merken", "link kopieren", "twittern", "tweeten",
  // fr
  "partager", "imprimer", "envoyer", "courriel", "copier le lien", "tweeter",
  // es
  "compartir", "imprimir", "enviar", "correo", "tuitear", "guardar", "copiar enlace",
  // ru
  "поделиться", "печать", "распечатать", "отправить", "твитнуть", "сохранить", "копировать ссылку", "вконтакте", "одноклассники", "телеграм",
  // pt (Brazilian and European): imprimir, enviar, guardar are listed under es
  "compartilhar", "compartilhe", "compartilhado", "partilhar", "partilhe", "salvar", "baixar", "descarregar",
  "tuitar", "tweetar", "copiar link", "copiar o link",
  // it
  "condividi", "condividere", "stampa", "stampare", "invia", "inviare", "salva", "twitta", "copia link", "copia il link",
];

/** Words allowed beside widget words but not enough alone ("Share this article"). */
export const WIDGET_FILLER: readonly string[] = [
  "this", "the", "article", "story", "page", "post", "link", "on", "via", "to", "a", "friend", "it", "now", "and",
  "diesen", "artikel", "den", "auf", "per", "und", "seite",
  "cet", "cette", "article", "sur", "par", "le", "la", "et", "page",
  "este", "esta", "artículo", "en", "por", "y", "página", "noticia",
  "эту", "статью", "в", "по", "и", "новость", "страницу",
  "este", "esta", "artigo", "matéria", "notícia", "página", "no", "na", "nas", "pelo", "por", "com", "e", "o",
  "questo", "questa", "articolo", "notizia", "pagina", "su", "per", "con", "e", "il", "l'articolo",
];

/** How far a line of widget words may stray from the lists above. */
export const WIDGET_LINE = {
  /** One unknown word of up to this many letters may sit among the buttons: "Whatsapp Facebook Pint Baixar", "Facebook Twitter Flip Email". */
  unknownLabelMaxLetters: 6,
  /** ...when the line has at least this many widget words, and the unknown word is not the last ("Twitter, Facebook, WhatsApp banned" is a headline). */
  unknownLabelMinWidgetWords: 3,
} as const;

/** Where a "share on ..." widget sends the reader (pt and it rules): naming them keeps "Compartilhar na escola" a subheading. */
const SHARE_TARGETS = String.raw`(?:facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|messenger|flipboard|threads|bluesky|instagram|e-?mail|redes sociais|social(?: network)?)`;

export const WIDGET_RULES: readonly LineRule[] = [
  { rule: "widget/share", lang: "en", pattern: re`/send (?:this|it) to a friend/u`, reason: "share widget: send to a friend", example: "Send this to a friend" },
  { rule: "widget/share", lang: "en", pattern: re`/(?:share|email|print) (?:this|the) (?:article|story|page|post|video)(?: (?:on|via|with) [\p{L} ]{1,20})?/u`, reason: "share widget", example: "Share this article on Facebook" },
  { rule: "widget/share", lang: "en", pattern: re`/click (?:here )?to (?:share|print|email)[\p{L} ]{0,30}(?:\(opens in new window\))?/u`, reason: "share widget", example: "Click to share on Twitter (Opens in new window)" },
  { rule: "widget/share", lang: "en", pattern: re`/(?:follow|like) us(?: on [\p{L} ]{1,20})?/u`, reason: "social follow widget", example: "Follow us on Twitter" },
  // "a ?a ?a", not "a\s?a\s?a": a line's content holds no white space but single spaces (its runs are
  // collapsed), so both match the same labels, and the spaces give the line scan this branch's literals
  // ("aaa", "a a a"...), where \s left it only "a": the rule was tried on every short line.
  { rule: "widget/share", lang: "en", pattern: re`/(?:listen to (?:this )?(?:article|story)|(?:font|text) size|a ?a ?a|a\+ ?a-)/u`, reason: "reading widget", example: "Listen to this article" },
  { rule: "widget/share", lang: "de", pattern: re`/(?:artikel|beitrag|seite) (?:per e-?mail )?(?:versenden|teilen|drucken|empfehlen)|(?:dieser )?artikel per e-?mail|folgen sie uns(?: auf [\p{L} ]{1,20})?|artikel anhören|schriftgröße/u`, reason: "share widget", example: "Artikel per E-Mail versenden" },
  { rule: "widget/share", lang: "fr", pattern: re`/envoyer (?:cet article )?à un ami|partager (?:cet article|sur [\p{L} ]{1,20})|suivez[- ]nous(?: sur [\p{L} ]{1,20})?|écouter (?:cet )?article|taille du texte/u`, reason: "share widget", example: "Envoyer cet article à un ami" },
  { rule: "widget/share", lang: "es", pattern: re`/enviar (?:a un amigo|por correo(?: electrónico)?)|compartir (?:este artículo|en [\p{L} ]{1,20})|síguenos(?: en [\p{L} ]{1,20})?|escuchar (?:este )?artículo|tamaño de (?:letra|texto)/u`, reason: "share widget", example: "Compartir en Facebook" },
  { rule: "widget/share", lang: "pt", pattern: new Pattern(String.raw`enviar (?:para|a) um amigo|(?:compartilh|partilh)(?:ar|e) (?:est[ae] (?:artigo|notícia|matéria|página|post)(?: (?:n[oa]s?|via|pelo) ${SHARE_TARGETS})?|(?:n[oa]s?|via|pelo) ${SHARE_TARGETS})|(?:salvar|guardar) (?:para )?ler (?:depois|mais tarde)|(?:siga|segue)-nos(?: n[oa]s? [\p{L} ]{1,20})?|ouvir (?:est[ae] )?(?:artigo|notícia|matéria|texto)|tamanho d[ao] (?:letra|fonte|texto)|versão (?:para )?impress(?:ão|a)|enviar por e-?mail`, "u"), reason: "share widget", example: "Compartilhe no WhatsApp" },
  { rule: "widget/share", lang: "it", pattern: new Pattern(String.raw`invia (?:ad?|questo articolo a) un amico|condividi (?:questo articolo|questa (?:notizia|pagina)|su ${SHARE_TARGETS})|seguici(?: su [\p{L} ]{1,20})?|ascolta (?:questo |l')articolo|leggi dopo|salva (?:per dopo|articolo)|dimensione (?:del )?(?:testo|carattere)|versione stampabile|stampa (?:questo )?articolo|invia (?:per|via) e-?mail`, "u"), reason: "share widget", example: "Condividi su Facebook" },
  { rule: "widget/share", lang: "ru", pattern: re`/отправить другу|поделиться (?:в|с) [\p{L} ]{1,20}|подписывайтесь на нас(?: в [\p{L} ]{1,20})?|версия для печати|размер шрифта/u`, reason: "share widget", example: "Версия для печати" },

  { rule: "widget/share", lang: "en", pattern: re`/follow @[\w.]{1,30}(?: on [\p{L} ]{1,20})?|print friendly(?:, pdf (?:&|and) email)?|like this:?|like loading\.{0,3}/u`, reason: "social or blog widget", example: "Follow @AFP on Twitter" },
  { rule: "widget/ui", lang: "en", pattern: re`/got it!?|report an? (?:error|typo|mistake|correction)|suggest a correction|loading\.{0,3}|(?:play|watch) (?:the )?video|video|photo gallery|(?:view|open) (?:the )?(?:gallery|slideshow)|(?:show|load|see) more|close|expand|collapse|(?:previous|next) (?:image|slide|photo)|\d+ (?:of|\/) \d+|sponsored(?: content| stories| links)?|promoted(?: content| stories)?/u`, reason: "a lone user-interface label", example: "Loading..." },
  { rule: "widget/ui", lang: "de", pattern: re`/wird geladen\.{0,3}|lädt\.{0,3}|video abspielen|bildergalerie|(?:mehr|alle) anzeigen|schließen|(?:vorheriges|nächstes) bild|bild \d+ von \d+|gesponsert/u`, reason: "a lone user-interface label", example: "Bild 3 von 12" },
  { rule: "widget/ui", lang: "fr", pattern: re`/chargement(?: en cours)?\.{0,3}|(?:lire|voir) la vidéo|galerie photos?|voir plus|fermer|(?:photo|image) (?:suivante|précédente)|sponsorisé/u`, reason: "a lone user-interface label", example: "Voir la vidéo" },
  { rule: "widget/ui", lang: "es", pattern: re`/cargando\.{0,3}|(?:ver|reproducir) (?:el )?vídeo|galería de fotos|ver más|cerrar|(?:foto|imagen) (?:siguiente|anterior)|patrocinado/u`, reason: "a lone user-interface label", example: "Galería de fotos" },
  { rule: "widget/ui", lang: "pt", pattern: re`/carregando\.{0,3}|a carregar\.{0,3}|(?:ver|assistir(?: ao)?|reproduzir) (?:o )?vídeo|galeria de (?:fotos|imagens)|fotogaleria|ver (?:mais|todas?|todos)|(?:carregar|mostrar) mais|fechar|(?:foto|imagem) (?:seguinte|anterior)|próxima (?:foto|imagem)|(?:conteúdo )?patrocinado|(?:comunicar|reportar) (?:um )?erro/u`, reason: "a lone user-interface label", example: "Galeria de fotos" },
  { rule: "widget/ui", lang: "it", pattern: re`/caricamento(?: in corso)?\.{0,3}|(?:guarda|riproduci) (?:il )?video|galleria (?:fotografica|foto|immagini)|fotogallery|vedi (?:tutt[oie]|altro|di più)|mostra (?:altro|di più)|carica altr[io]|chiudi|(?:foto|immagine) (?:successiva|precedente)|(?:contenuto )?sponsorizzato|segnala (?:un )?errore/u`, reason: "a lone user-interface label", example: "Guarda il video" },
  { rule: "widget/ui", lang: "ru", pattern: re`/загрузка\.{0,3}|смотреть видео|фотогалерея|показать (?:ещё|еще|больше)|закрыть|(?:следующее|предыдущее) фото|реклама на сайте/u`, reason: "a lone user-interface label", example: "Смотреть видео" },
  { rule: "nav/section", lang: "en", pattern: re`/more (?:[\p{L}&'-]+ ){0,3}(?:news|stories|articles|videos|headlines|coverage)|more from [\p{L}&' -]{1,30}|(?:back|return) to (?:top|home(?:page)?)|skip to (?:main )?(?:content|navigation)|(?:next|previous|prev) (?:article|story|post|page)|(?:main )?menu|navigation|home(?:page)?|search|sections|all (?:news|stories|articles)/u`, reason: "navigation label", example: "More World News" },
  { rule: "nav/section", lang: "de", pattern: re`/(?:mehr|weitere) (?:[\p{L}-]+ ){0,2}(?:nachrichten|meldungen|artikel|videos)(?: (?:aus|zu|zum|zur|über) [\p{L} -]{1,30})?|mehr aus [\p{L}&' -]{1,30}|nach oben|zur(?:ück zur)? startseite|zum inhalt(?: springen)?|(?:nächster|vorheriger) artikel|startseite|hauptmenü|navigation|suche/u`, reason: "navigation label", example: "Weitere Nachrichten aus der Welt" },
  { rule: "nav/section", lang: "fr", pattern: re`/plus d'(?:actualités|infos|articles)(?: [\p{L}' -]{1,30})?|toute l'actualité(?: [\p{L}' -]{1,30})?|retour en haut(?: de (?:la )?page)?|aller au contenu(?: principal)?|article (?:suivant|précédent)|accueil|rechercher/u`, reason: "navigation label", example: "Plus d'actualités Monde" },
  { rule: "nav/section", lang: "es", pattern: re`/más (?:noticias|artículos|historias)(?: (?:de|sobre) [\p{L} ]{1,30})?|volver (?:arriba|al inicio)|ir al contenido(?: principal)?|(?:siguiente|anterior) (?:artículo|noticia)|portada|inicio|buscar/u`, reason: "navigation label", example: "Más noticias de Internacional" },
  { rule: "nav/section", lang: "pt", pattern: re`/mais (?:notícias|artigos|matérias|vídeos)(?: (?:de|sobre|d[aeo]s?|em) [\p{L} ]{1,30})?|(?:todas as|últimas) notícias(?: (?:de|sobre|d[aeo]s?) [\p{L} ]{1,30})?|voltar (?:ao topo|para o topo|ao início|à página inicial)|(?:ir|saltar|pular) para o conteúdo(?: principal)?|(?:próxima|anterior) (?:notícia|matéria)|(?:artigo|post) (?:seguinte|anterior)|página inicial|início|pesquisar|menu principal/u`, reason: "navigation label", example: "Mais notícias de Política" },
  { rule: "nav/section", lang: "it", pattern: re`/altre notizie(?: (?:su|di|da|dalla|dal) [\p{L}' ]{1,30})?|(?:tutte le|ultime) notizie(?: (?:su|di|da) [\p{L}' ]{1,30})?|torna (?:su|all'inizio|in alto|alla home(?:page)?)|vai al contenuto(?: principale)?|(?:articolo|post) (?:successivo|precedente)|notizia (?:successiva|precedente)|cerca|menu principale/u`, reason: "navigation label", example: "Altre notizie di Cronaca" },
  { rule: "nav/section", lang: "ru", pattern: re`/(?:другие|все|ещё|еще) новости(?: [\p{L} ]{1,30})?|наверх|на главную|главная|(?:следующая|предыдущая) (?:статья|новость)|перейти к содержанию|поиск/u`, reason: "navigation label", example: "Другие новости" },
  { rule: "nav/breadcrumb", lang: "*", pattern: re`/(?:home|startseite|accueil|inicio|portada|início|página inicial|pagina iniziale|главная)(?:\s*[>»›\/|]\s*[\p{L}\p{N}&' -]{1,30}){1,6}/u`, reason: "breadcrumb trail", example: "Home > World > Europe" },
];

/**
 * Short labels of widgets that Readability keeps in article text (galleries, ads, loading placeholders,
 * reading times): whole lines, read by the promos stage (the html pipeline). WIDGET_RULES' widget/ui rows
 * are the same kind of label in scraped text (the widgets stage: the news pipeline). A new label goes
 * into WIDGET_RULES when it is a control of the page (a button, a gallery pager), here when it is a
 * caption or counter that the HTML route lets through.
 */
export const UI_LABEL_RULES: readonly LineRule[] = [
  { rule: "ui/label", lang: "en", pattern: re`/(?:caption|close|open|expand|collapse|advert(?:isement)?|sponsored(?: content)?|loading(?: content)?\s?\.{0,3}|image \d+ of \/? ?\d*|\d+ of \d+|(?:previous|next)(?: image| slide)?|enlarge (?:this )?(?:image|photo)|view (?:gallery|slideshow)|play video|watch(?: video| now)?|latest(?: news)?|popular|highlights|hide caption|toggle caption|show more|see more|load more|continue reading)/u`, reason: "widget label", example: "Image 1 of / 23" },
  { rule: "ui/label", lang: "en", pattern: re`/(?:\d+ min(?:ute)?s? read|reading time:? \d+ min(?:ute)?s?|order reprints|this (?:slideshow|video|content) requires javascript\.?|want more stories like this\??|tell us what you think\.{0,3}|updated(?: at)? \d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?|opinion columnist|you may also like\.{0,3})/u`, reason: "widget label", example: "5 min read" },
  { rule: "ui/label", lang: "*", pattern: re`/(?:tempo de leitura|tiempo de lectura|temps de lecture|tempo di lettura|lesezeit|lesedauer|время (?:на )?чтени[яе])\s?:?\s?\d+\s?(?:min\.?|minutos?|minuti|minuto|minuten?|minutes?|мин\.?|минут[аы]?)|\d+\s?min(?:utos?|uti|uto)? (?:de leitura|di lettura)/u`, reason: "reading time", example: "Tempo de leitura: 2 minutos" },
  { rule: "ui/label", lang: "de", pattern: re`/(?:anzeige|werbung|bildunterschrift|schließen|mehr anzeigen|weiterlesen|bild \d+ von \d+)/u`, reason: "widget label", example: "Anzeige" },
  { rule: "ui/label", lang: "fr", pattern: re`/(?:publicité|légende|fermer|voir plus|lire la suite|image \d+ sur \d+)/u`, reason: "widget label", example: "Publicité" },
  { rule: "ui/label", lang: "es", pattern: re`/(?:publicidad|anuncio|cerrar|ver más|seguir leyendo|imagen \d+ de \d+)/u`, reason: "widget label", example: "Publicidad" },
  { rule: "ui/label", lang: "pt", pattern: re`/(?:publicidade|anúncio|fechar|ver mais|carregar mais|continu(?:e|ar) (?:lendo|a ler)|(?:imagem|foto) \d+ de \d+|legenda(?: da (?:foto|imagem))?|ampliar (?:foto|imagem))/u`, reason: "widget label", example: "Publicidade" },
  { rule: "ui/label", lang: "it", pattern: re`/(?:chiudi|leggi (?:di più|tutto)|continua a leggere|mostra (?:altro|di più)|(?:foto|immagine) \d+ di \d+|\d+ di \d+|letture|visualizzazioni|didascalia|ingrandisci (?:foto|immagine))/u`, reason: "widget label", example: "Foto 3 di 12" },
  { rule: "ui/label", lang: "ru", pattern: re`/(?:реклама|закрыть|показать (?:ещё|еще)|читать далее|фото \d+ из \d+|загрузка\.{0,3})/u`, reason: "widget label", example: "Реклама" },
  { rule: "ui/label", lang: "*", pattern: re`/(?:iklan|pubblicità|annuncio|advertentie|reklama|広告|광고|\d{1,4}|[\d.,]+[km]? (?:letture|views|reads|vues|aufrufe|просмотр(?:а|ов)?))/u`, reason: "widget label or counter", example: "Iklan" },
];
