// Bytes -> text for HTML pages. The order follows the HTML standard's encoding sniffing,
// with the bytes allowed to overrule a declaration: a byte order mark wins; then bytes that
// are valid UTF-8 and not plain ASCII are UTF-8 whatever the server or the page claims (pages
// declaring iso-8859-1 while saved as UTF-8 are common; the reverse, Latin-1 text that happens
// to validate as UTF-8, needs byte pairs that real text almost never has); then what the
// server declared, then what the page declares in its first bytes, each only if the bytes
// decode in it without error; then statistical detection (chardet). Decoding uses the WHATWG
// TextDecoder (Node ships full ICU, so windows-1251, shift_jis, euc-kr, gb18030 all work).
import { isAscii, isUtf8 } from "node:buffer";
import { createRequire } from "node:module";

/** chardet loads on the first page that needs detection (most pages are UTF-8 or say what they are): ~20 ms less at start. */
const require = createRequire(import.meta.url);
let chardet: typeof import("chardet") | undefined;

/**
 * Which source decided the charset: a byte order mark, the bytes being valid UTF-8, the HTTP
 * content type, the page's <meta>, detection (nothing declared, or the declaration failed on
 * the bytes), or the windows-1252 default when detection has no answer.
 */
export type CharsetSource = "bom" | "utf8-valid" | "content-type" | "meta" | "detected" | "default";

export interface Decoded {
  text: string;
  /** The WHATWG encoding label actually used, e.g. "utf-8", "windows-1251". */
  charset: string;
  /** Where the charset came from, for the document's metadata. */
  charsetSource: CharsetSource;
  /** A declared charset the bytes overruled (not valid in it, or valid UTF-8 instead), for the metadata. */
  charsetDeclared?: string;
}

/** How far into the page a `<meta charset>` is looked for (the standard says 1024 bytes; real pages put it later). */
const META_SCAN_BYTES = 8192;
/** How much of the page chardet sees: enough for a confident guess, bounded so big pages stay cheap. */
const DETECT_SAMPLE_BYTES = 65536;

/** Byte order marks, longest first (UTF-32LE's starts like UTF-16LE's). TextDecoder has no UTF-32: `decodeUtf32` does it. */
const BOMS: ReadonlyArray<{ bytes: number[]; charset: string }> = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], charset: "utf-32be" },
  { bytes: [0xff, 0xfe, 0x00, 0x00], charset: "utf-32le" },
  { bytes: [0xef, 0xbb, 0xbf], charset: "utf-8" },
  { bytes: [0xfe, 0xff], charset: "utf-16be" },
  { bytes: [0xff, 0xfe], charset: "utf-16le" },
];

/** `charset=` in a Content-Type value or a `<meta http-equiv content>` value. */
// `\s*(?:["']\s*)?`, not `\s*["']?\s*`: the same white space and quote, but a run of spaces is not split between two `\s*` every way.
export const CHARSET_PARAM = /charset\s*=\s*(?:["']\s*)?([\w.:-]+)/i;
/** `<meta charset=...>` or `<meta http-equiv="content-type" content="...; charset=...">`. */
const META_TAG = /<meta\b[^>]*>/gi;
export const META_CHARSET_ATTR = /\bcharset\s*=\s*(?:["']\s*)?([\w.:-]+)/i;

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

/** UTF-32 (after its BOM): four bytes a code point; anything out of range becomes U+FFFD, as TextDecoder does for bad bytes. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.byteLength; i += 4) {
    const code = view.getUint32(i, littleEndian);
    chunk.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    if (chunk.length === 8192) parts.push(String.fromCodePoint(...chunk.splice(0)));
  }
  if (bytes.byteLength % 4) chunk.push(0xfffd);
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}

/** Decodes with a declared charset, or undefined when the bytes are not valid in it. */
function decodeDeclared(bytes: Uint8Array, charset: string): string | undefined {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes an HTML page's bytes. `contentType` is the HTTP Content-Type header, when known. */
export function decodeHtml(input: Uint8Array | string, contentType?: string): Decoded {
  const choice = chooseCharset(input, contentType);
  return isDecoded(choice) ? choice : { text: textOf(choice), ...charsetOf(choice) };
}

/** The text of a page whose charset was chosen. */
export function textOf(choice: CharsetChoice): string {
  return isDecoded(choice) ? choice.text : new TextDecoder("utf-8").decode(choice.bytes);
}

/**
 * The page's charset, with its text when choosing decoded it (a declaration checked, a BOM), or else
 * the page's bytes: valid UTF-8, with no BOM, that decode as a whole as UTF-8 (prestrip.ts reads
 * such a page before decoding it, to decode only what it keeps).
 */
export type CharsetChoice = Decoded | (Charset & { bytes: Uint8Array });
export type Charset = Omit<Decoded, "text">;

export function isDecoded(choice: CharsetChoice): choice is Decoded {
  return "text" in choice;
}

/** A choice's charset fields, in the order `decodeHtml` writes them. */
export function charsetOf(choice: CharsetChoice): Charset {
  const charset: Charset = { charset: choice.charset, charsetSource: choice.charsetSource };
  if (choice.charsetDeclared !== undefined) charset.charsetDeclared = choice.charsetDeclared;
  return charset;
}

export function chooseCharset(input: Uint8Array | string, contentType?: string): CharsetChoice {
  if (typeof input === "string") return { text: stripBom(input), charset: "utf-8", charsetSource: "default" };
  const bom = bomCharset(input);
  if (bom) {
    const body = input.subarray(bom.length);
    const text = bom.charset.startsWith("utf-32") ? decodeUtf32(body, bom.charset === "utf-32le") : new TextDecoder(bom.charset).decode(body);
    return { text, charset: bom.charset, charsetSource: "bom" };
  }
  const declaredBy: Array<[string | undefined, CharsetSource]> = [
    [charsetFromContentType(contentType), "content-type"],
    [charsetFromMeta(input), "meta"],
  ];
  const [firstDeclared, firstSource] = declaredBy.find(([charset]) => charset) ?? [];
  const ascii = isAscii(input);
  if (!ascii && isUtf8(input)) {
    if (firstDeclared === "utf-8") return { bytes: input, charset: "utf-8", charsetSource: firstSource! };
    const choice: CharsetChoice = { bytes: input, charset: "utf-8", charsetSource: "utf8-valid" };
    if (firstDeclared) choice.charsetDeclared = firstDeclared;
    return choice;
  }
  for (const [charset, source] of declaredBy) {
    if (!charset) continue;
    // Plain ASCII reads the same in every charset a page can declare in ASCII.
    if (ascii) return charset === "utf-8" ? { bytes: input, charset, charsetSource: source } : decodeWith(input, charset, source);
    const text = decodeDeclared(input, charset);
    if (text !== undefined) return { text, charset, charsetSource: source };
  }
  if (ascii) return { bytes: input, charset: "utf-8", charsetSource: "utf8-valid" };
  const sample = input.subarray(0, DETECT_SAMPLE_BYTES);
  chardet ??= require("chardet") as typeof import("chardet");
  const detected = normaliseCharset(chardet.detect(sample));
  const overruled = firstDeclared ? { charsetDeclared: firstDeclared } : {};
  // chardet saying UTF-8 of bytes that are not: the declaration failed too, so windows-1252 (every byte means something).
  if (detected && detected !== "utf-8") return { ...decodeWith(input, detected, "detected"), ...overruled };
  return { ...decodeWith(input, "windows-1252", "default"), ...overruled };
}

function decodeWith(bytes: Uint8Array, charset: string, charsetSource: CharsetSource): Decoded {
  return { text: new TextDecoder(charset).decode(bytes), charset, charsetSource };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
