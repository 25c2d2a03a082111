// Words that make up timestamps, datelines and bylines, in several languages.
// A line made only of these words, numbers and time marks is a timestamp.

export const MONTHS: readonly string[] = [
  // en
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  // de
  "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "okt", "dez", "mär",
  // fr
  "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
  "janv", "févr", "avr", "juil", "déc",
  // es
  "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre",
  "noviembre", "diciembre", "ene", "abr", "ago", "dic",
  // pt ("abril", "agosto" are listed under es). The abbreviations "set" and "out" are left out: they are English words ("Set 1").
  "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
  "fev", "mai", "dez",
  // it ("novembre" is listed under fr, "agosto" under es)
  "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
  "gen", "mag", "giu", "lug", "ott",
  // ru (nominative and genitive)
  "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
  "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
  "янв", "фев", "апр", "авг", "сен", "окт", "ноя", "дек",
];

export const WEEKDAYS: readonly string[] = [
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
  // pt: "segunda-feira" splits into "segunda" and "feira"
  "segunda", "terça", "quarta", "quinta", "sexta", "feira", "sáb",
  "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi",
  "понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу", "суббота", "субботу", "воскресенье",
];

/** Labels and joiners that surround dates: "Published on", "mis à jour le", "a las", "в". */
export const DATE_WORDS: readonly string[] = [
  "published", "updated", "posted", "last", "modified", "on", "at", "am", "pm", "a.m", "p.m", "first", "created", "date", "time", "edt", "est", "et", "cet", "cest", "gmt", "utc", "bst", "pst", "pdt", "msk", "ist", "jst", "eet", "eest", "wib",
  "veröffentlicht", "aktualisiert", "zuletzt", "stand", "am", "um", "uhr", "erstellt",
  "publié", "publiée", "mis", "à", "jour", "le", "modifié", "h",
  "publicado", "actualizado", "el", "a", "las", "la", "de", "del", "hrs", "hs",
  "publicada", "atualizado", "atualizada", "actualizada", "postado", "modificado", "em", "às", "do", "da", "brt", "brst", "wet",
  "pubblicato", "pubblicata", "aggiornato", "aggiornata", "ultimo", "aggiornamento", "alle", "ore", "dell",
  "опубликовано", "обновлено", "в", "г", "года", "мск", "дата", "публикации",
  "today", "yesterday", "heute", "gestern", "aujourd'hui", "hier", "hoy", "ayer", "сегодня", "вчера", "hoje", "ontem", "oggi", "ieri",
  "ago", "min", "mins", "minutes", "hour", "hours", "vor", "minuten", "stunden", "il", "y", "hace", "minutos", "horas", "назад", "минут", "часов", "часа",
  "há", "atrás", "dias", "fa", "minuti", "giorni",
];

/**
 * Relative times: a number, a unit and a marker make a timestamp ("2 hours ago", "vor 3 Tagen",
 * "il y a 5 minutes", "hace 2 días", "há 2 horas", "2 ore fa", "5 часов назад").
 */
export const RELATIVE_TIME = {
  units: [
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years",
    "sekunde", "sekunden", "minute", "minuten", "stunde", "stunden", "tag", "tagen", "woche", "wochen", "monat", "monaten", "jahr", "jahren",
    "seconde", "secondes", "heure", "heures", "jour", "jours", "semaine", "semaines", "mois", "an", "ans",
    "segundo", "segundos", "minuto", "minutos", "hora", "horas", "día", "días", "semana", "semanas", "mes", "meses", "año", "años",
    "dia", "dias", "mês", "ano", "anos",
    "secondi", "minuti", "ora", "ore", "giorno", "giorni", "settimana", "settimane", "mese", "mesi", "anno", "anni",
    "секунд", "секунды", "минуту", "минуты", "минут", "час", "часа", "часов", "день", "дня", "дней", "неделю", "недели", "недель", "месяц", "месяца", "месяцев", "год", "года", "лет",
  ],
  markers: ["ago", "vor", "il", "y", "a", "hace", "há", "atrás", "fa", "назад"],
  example: "vor 3 Stunden",
} as const;

/** Signals that the line really holds a date or time, not just joiners. */
export const TIME_MARK = /^(?:\d{1,2}[:.h]\d{2}(?::\d{2})?(?:am|pm)?|\d{1,4}[-./]\d{1,2}[-./]\d{1,4}(?:t\d{2}:\d{2}(?::\d{2})?z?)?|\d{4}|\d+(?:st|nd|rd|th)?)$/;

/** Byline prefixes: "By Jane Doe", "Von Max Muster", "Par Jean Dupont", "Por Juan Pérez", "Publicado por: Ana Souza", "A cura di Mario Rossi", "Автор: Иван Петров". */
export const BYLINE_PREFIX = /^(?:by|written by|reporting by|von|par|por|(?:escrito|publicado|postado) por:?|scritto da|pubblicato da|a cura di|autore:|автор(?:ы)?:?|текст:)\s+/iu;
/** Words that may join names in a byline. */
export const BYLINE_JOINERS: readonly string[] = ["and", "und", "et", "y", "и", "&", "de", "van", "von", "der", "da", "del", "la", "le", "di", "bin", "al", "el", "in", "from", "aus", "à", "en", "e", "do", "dos", "das", "della", "dei", "degli"];
/** First words after "By" that start a phrase, not a name: "By Any Means Necessary", "By The Numbers". */
export const BYLINE_NON_NAMES: readonly string[] = [
  "any", "all", "the", "a", "an", "this", "that", "these", "those", "some", "no", "far", "then", "now", "way", "means",
  "contrast", "comparison", "design", "default", "law", "night", "day", "hand", "car", "train", "air", "sea", "land",
  "phone", "email", "mail", "request", "popular", "order", "chance", "accident", "invitation", "appointment",
  "der", "die", "das", "le", "la", "les", "el", "los", "las",
  // "Por Que", "Por Fim", "Por Exemplo" open phrases in pt and es
  "que", "qué", "quê", "isso", "fim", "exemplo", "favor", "causa", "enquanto", "último", "sorte",
];
