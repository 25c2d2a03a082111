// Bytes of a plain-text file -> text. Scrapes are UTF-8; anything else is an
// error that names the reason, rather than silently written mojibake.

export class InputError extends Error {}

/** Share of control bytes above which a file is treated as binary. */
const MAX_CONTROL_SHARE = 0.01;

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError("empty file");
  let control = 0;
  const sample = bytes.subarray(0, 64 * 1024);
  for (const byte of sample) {
    if (byte === 0) throw new InputError("binary file (contains NUL bytes)");
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  if (control / sample.length > MAX_CONTROL_SHARE) throw new InputError("binary file (too many control bytes)");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`);
  }
  if (text.trim() === "") throw new InputError("empty file (only white space)");
  return text;
}

/** Where the first byte that breaks UTF-8 is, for the error message: "byte 1234 (line 7)". */
function firstInvalidUtf8(bytes: Uint8Array): string {
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const prefix = lenient.slice(0, Math.max(0, lenient.indexOf("\ufffd")));
  return `${Buffer.byteLength(prefix, "utf8")} (line ${prefix.split("\n").length})`;
}
