// Removes, before the DOM parser sees them, the parts of a page that can never be text:
// scripts, styles, SVG drawings, noscript fallbacks, templates, embeds and comments.
// Parsing them is most of jsdom's work on a modern page, so this is the main speed win;
// it also means no script body can ever reach a DOM. JSON-LD scripts are kept: they are
// data (publication date, author) that Readability reads for the metadata.

/** Elements dropped with their content; `keep` spares an element whose opening tag matches. */
const NEVER_TEXT: ReadonlyArray<{ tag: string; keep?: RegExp; example: string }> = [
  { tag: "script", keep: /type\s*=\s*["']?application\/ld\+json/i, example: "<script>track()</script>" },
  { tag: "style", example: "<style>p{color:red}</style>" },
  { tag: "svg", example: '<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>' },
  { tag: "noscript", example: "<noscript>Please enable JavaScript</noscript>" },
  { tag: "template", example: "<template><p>later</p></template>" },
  { tag: "iframe", example: '<iframe src="ad.html">fallback</iframe>' },
  { tag: "object", example: '<object data="x.swf">Flash</object>' },
  { tag: "canvas", example: "<canvas>chart</canvas>" },
];

const NEVER_TEXT_PATTERN = new RegExp(
  `<(${NEVER_TEXT.map((e) => e.tag).join("|")})\\b([^>]*)>[\\s\\S]*?</\\1\\s*>|<!--[\\s\\S]*?-->`,
  "gi",
);
const KEEP_BY_TAG = new Map(NEVER_TEXT.filter((e) => e.keep).map((e) => [e.tag, e.keep!]));

export interface PrestripResult {
  html: string;
  /** Characters dropped, for the metadata and the speed notes. */
  removedChars: number;
}

export function prestripHtml(html: string): PrestripResult {
  const stripped = html.replace(NEVER_TEXT_PATTERN, (match: string, tag: string | undefined, attrs: string | undefined) => {
    if (tag) {
      const keep = KEEP_BY_TAG.get(tag.toLowerCase());
      if (keep && attrs && keep.test(attrs)) return match;
    }
    return "";
  });
  const reduced = dropUnreadAttributes(reduceStyleAttributes(stripped));
  return { html: reduced, removedChars: html.length - reduced.length };
}

export const NEVER_TEXT_TAGS = NEVER_TEXT;

/** Declarations of a style attribute that decide visibility, the only ones Readability reads. */
const VISIBILITY_DECLARATION = /(?:^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/**
 * Reduces every style attribute to `display:none` / `visibility:hidden` or nothing. jsdom
 * parses a style attribute with a full CSS parser when Readability asks an element for its
 * visibility; that was a large share of Readability's time, and the parser throws on some
 * pre-processor syntax (`calc(($a - $b) / 2)`).
 */
export function reduceStyleAttributes(html: string): string {
  return html.replace(STYLE_ATTRIBUTE, (_match, double: string | undefined, single: string | undefined) => {
    const hidden = VISIBILITY_DECLARATION.exec(double ?? single ?? "");
    return hidden ? ` style="${hidden[1].replace(/\s+/g, "")}"` : "";
  });
}

/** Attributes that extraction reads; all others (data-*, srcset, event handlers...) are dropped. */
const KEPT_ATTRIBUTES = new Set([
  "class", "id", "role", "aria-label", "aria-hidden", "hidden", "style", "href", "lang", "dir", "rel", "name",
  "property", "content", "charset", "http-equiv", "itemprop", "itemtype", "itemscope", "type", "colspan", "rowspan",
  "src", "alt", "title", "datetime",
]);
const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)+)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** Drops attributes nothing downstream reads: fewer attribute nodes for jsdom to build. */
export function dropUnreadAttributes(html: string): string {
  return html.replace(START_TAG, (match, tag: string, attrs: string, selfClosing: string) => {
    let kept = "";
    let dropped = false;
    for (const [whole, name] of attrs.matchAll(ATTRIBUTE)) {
      if (KEPT_ATTRIBUTES.has(name.toLowerCase())) kept += " " + whole;
      else dropped = true;
    }
    return dropped ? `<${tag}${kept}${selfClosing ? " /" : ""}>` : match;
  });
}
