// Bytes -> text for HTML pages. The order follows the HTML standard's encoding sniffing:
// a byte order mark wins, then what the server declared, then what the page declares in
// its first bytes, then statistical detection. Decoding uses the WHATWG TextDecoder
// (Node ships full ICU, so windows-1251, shift_jis, euc-kr, gb18030 all work).
import chardet from "chardet";

export type CharsetSource = "bom" | "content-type" | "meta" | "detected" | "default";

export interface Decoded {
  text: string;
  /** The WHATWG encoding label actually used, e.g. "utf-8", "windows-1251". */
  charset: string;
  /** Where the charset came from, for the document's metadata. */
  charsetSource: CharsetSource;
}

/** How far into the page a `<meta charset>` is looked for (the standard says 1024 bytes; real pages put it later). */
const META_SCAN_BYTES = 8192;
/** How much of the page chardet sees: enough for a confident guess, bounded so big pages stay cheap. */
const DETECT_SAMPLE_BYTES = 65536;

const BOMS: ReadonlyArray<{ bytes: number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: "utf-8" },
  { bytes: [0xfe, 0xff], charset: "utf-16be" },
  { bytes: [0xff, 0xfe], charset: "utf-16le" },
];

/** `charset=` in a Content-Type value or a `<meta http-equiv content>` value. */
const CHARSET_PARAM = /charset\s*=\s*["']?\s*([\w.:-]+)/i;
/** `<meta charset=...>` or `<meta http-equiv="content-type" content="...; charset=...">`. */
const META_TAG = /<meta\b[^>]*>/gi;
const META_CHARSET_ATTR = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** Names chardet reports that TextDecoder spells differently or must be widened. */
const DETECTED_ALIASES: Record<string, string> = {
  // Latin-1 pages nearly always use the windows-1252 superset (curly quotes in 0x80-0x9f).
  "iso-8859-1": "windows-1252",
  ascii: "utf-8",
};

/** Returns the WHATWG name of a label, or undefined when TextDecoder does not know it. */
export function normaliseCharset(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  const lowered = label.trim().toLowerCase();
  const candidate = DETECTED_ALIASES[lowered] ?? lowered;
  try {
    return new TextDecoder(candidate).encoding;
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  return normaliseCharset(CHARSET_PARAM.exec(contentType)?.[1]);
}

/** Looks for a charset declared in the page's first bytes (read as ASCII, which every candidate extends). */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_SCAN_BYTES)).toString("latin1");
  for (const tag of head.matchAll(META_TAG)) {
    const declared = normaliseCharset(META_CHARSET_ATTR.exec(tag[0])?.[1]);
    // A page that says utf-16 in ASCII bytes is not utf-16 (the standard maps it to utf-8).
    if (declared) return declared.startsWith("utf-16") ? "utf-8" : declared;
  }
  return undefined;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | undefined {
  for (const { bytes: bom, charset } of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { charset, length: bom.length };
  }
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decodes an HTML page's bytes. `contentType` is the HTTP Content-Type header, when known. */
export function decodeHtml(input: Uint8Array | string, contentType?: string): Decoded {
  if (typeof input === "string") return { text: stripBom(input), charset: "utf-8", charsetSource: "default" };
  const bom = bomCharset(input);
  if (bom) return { text: new TextDecoder(bom.charset).decode(input.subarray(bom.length)), charset: bom.charset, charsetSource: "bom" };
  const declared = charsetFromContentType(contentType);
  if (declared) return decodeWith(input, declared, "content-type");
  const meta = charsetFromMeta(input);
  if (meta) return decodeWith(input, meta, "meta");
  // Valid UTF-8 with non-ASCII bytes is UTF-8 (other encodings almost never validate);
  // this is exact where chardet only guesses.
  if (isValidUtf8(input)) return decodeWith(input, "utf-8", "detected");
  const sample = input.subarray(0, DETECT_SAMPLE_BYTES);
  const detected = normaliseCharset(chardet.detect(sample));
  if (detected) return decodeWith(input, detected, "detected");
  return decodeWith(input, "windows-1252", "default");
}

function decodeWith(bytes: Uint8Array, charset: string, charsetSource: CharsetSource): Decoded {
  return { text: new TextDecoder(charset).decode(bytes), charset, charsetSource };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
