// HTML pages as files (`.html`, `.htm`, `.xhtml`, gzipped too): one document per
// page on the HTML route, written as `<name>.txt`. Bytes go to the extractor
// undecoded, so it can honour the page's BOM, <meta> charset or detected encoding.
import { readFile, stat } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { registerFormat, tooLarge, withTxt } from "./formats.js";
import { InputError } from "./text.js";

const HTML_FILE = /\.(?:html?|xhtml)(?:\.gz)?$/i;

registerFormat({
  name: "html",
  output: "text",
  accepts: (relative) => HTML_FILE.test(relative),
  outputName: (relative) => withTxt(relative, HTML_FILE),
  async *read(file, options) {
    const max = options.maxDocumentBytes;
    // A gzipped page can only be smaller than what it expands to: one stored over the cap is over it.
    const size = (await stat(file.path)).size;
    if (size > max) throw new InputError(tooLarge(size, max));
    const stored = await readFile(file.path);
    options.onBytes?.(stored.length);
    let bytes: Uint8Array = stored;
    if (/\.gz$/i.test(file.relative)) {
      try {
        // zlib stops expanding at the cap, so a gzip bomb costs the cap and no more.
        bytes = gunzipSync(stored, { maxOutputLength: max });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new InputError(tooLarge(undefined, max));
        throw new InputError(`not valid gzip: ${(error as Error).message}`);
      }
    }
    if (bytes.length === 0) throw new InputError("empty file");
    yield { task: { id: file.relative.replace(HTML_FILE, ""), source: file.display, route: "html", content: bytes } };
  },
});
