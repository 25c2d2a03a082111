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
  return { html: stripped, removedChars: html.length - stripped.length };
}

export const NEVER_TEXT_TAGS = NEVER_TEXT;
