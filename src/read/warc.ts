// Web archives (`.warc`, `.warc.gz`) with warcio. Each 2xx response (or resource)
// record holding HTML becomes a document on the HTML route, plain-text ones go down
// the text route; its target URI is its id and url, `FILE#<record>` its source (as for JSONL, so
// the report can read it again). Other records are skipped.
// A record is handed on only once the framing check has seen it whole, so a cut file
// or a lying Content-Length never yields a broken record as a document: the records
// before it are kept, and the file fails naming the broken one.
// warcio loads on the first WARC read: a run of other files does not pay for it.
import { PartialInputError, registerFormat, tooLarge, type InputFormat, type ReadItem } from "./formats.js";
import { fileStreams } from "./source.js";
import { WarcFramingCheck } from "./warc-framing.js";

const WARC = /\.warc(?:\.gz)?$/i;

/** warcio's own notice of a record not followed by a blank line: the framing check reports that record instead. */
const WARCIO_FRAMING_WARNING = "Content-Length Too Small";

/** Drops warcio's framing warnings while a WARC is read (they would reach the user's terminal raw). */
function muteFramingWarnings(): () => void {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith(WARCIO_FRAMING_WARNING)) return;
    warn(...args);
  };
  return () => {
    console.warn = warn;
  };
}

export const warcFormat: InputFormat = {
  name: "warc",
  output: "lines",
  accepts: (relative) => WARC.test(relative),
  /** Records out are JSON lines: `crawl.warc.gz` -> `crawl.jsonl.gz`. */
  outputName: (relative) => relative.replace(/\.warc(\.gz)?$/i, (_, gz: string | undefined) => `.jsonl${gz ?? ""}`),
  async *read(file, options) {
    // Loaded before the file's streams open: a stream counted for progress flows at once and would not wait.
    const [{ default: chain }, { WARCParser }] = await Promise.all([import("stream-chain"), import("warcio")]);
    // Node's gunzip reads every member of a multi-member .warc.gz and, unlike warcio's
    // own inflater, fails on a cut one.
    const framing = new WarcFramingCheck();
    const stream = chain([...fileStreams(file, options.onBytes), framing]);
    /** Items of records the framing check has not yet seen whole, with their record number. */
    let held: Array<{ record: number; item: ReadItem }> = [];
    function* release(): Generator<ReadItem> {
      const whole = held.filter((h) => h.record <= framing.complete);
      held = held.filter((h) => h.record > framing.complete);
      for (const h of whole) yield h.item;
    }
    const brokenBy = (number: number) => framing.broken !== undefined && framing.broken.record <= number;
    let number = 0;
    let streamError: Error | undefined;
    const unmute = muteFramingWarnings();
    try {
      for await (const record of new WARCParser(stream)) {
        number++;
        if (brokenBy(number)) break;
        yield* release();
        const hold = (item: ReadItem) => held.push({ record: number, item });
        const type = record.warcType;
        if (type !== "response" && type !== "resource") {
          hold({ skip: `WARC ${type ?? "untyped"} record` });
          continue;
        }
        const status = Number(record.httpHeaders?.statusCode ?? 200);
        if (type === "response" && !(status >= 200 && status < 300)) {
          hold({ skip: `WARC response with HTTP status ${status}` });
          continue;
        }
        const contentType = (type === "response" ? record.httpHeaders?.headers.get("content-type") : record.warcContentType) ?? "";
        const html = /html/i.test(contentType);
        if (!html && !/^text\/plain/i.test(contentType)) {
          hold({ skip: `WARC ${type} of type ${contentType.split(";")[0] || "unknown"}` });
          continue;
        }
        if (record.warcContentLength > options.maxDocumentBytes) {
          hold({ reject: { record: number, reason: tooLarge(record.warcContentLength, options.maxDocumentBytes) } });
          continue;
        }
        const uri = record.warcTargetURI ?? `${file.relative}#${number}`;
        const body = await record.readFully(true);
        if (brokenBy(number)) break;
        const fields: Record<string, unknown> = {
          warc_record_id: record.warcHeader("WARC-Record-ID") ?? null,
          warc_date: record.warcDate ?? null,
          content_type: contentType,
        };
        if (type === "response") fields.http_status = status;
        if (html) {
          hold({ task: { id: uri, source: `${file.display}#${number}`, route: "html", content: body, url: uri, contentType, fields, at: { record: number } } });
          continue;
        }
        const text = new TextDecoder("utf-8").decode(body);
        if (text.trim() === "") hold({ reject: { record: number, reason: "empty text/plain record" } });
        else hold({ task: { id: uri, source: `${file.display}#${number}`, route: "text", content: text, url: uri, fields, at: { record: number } } });
      }
    } catch (error) {
      streamError = error as Error;
    } finally {
      unmute();
      stream.destroy();
    }
    if (framing.broken) {
      held = held.filter((h) => h.record < framing.broken!.record);
      framing.complete = framing.broken.record - 1;
      yield* release();
      throw new PartialInputError(`record ${framing.broken.record}: ${framing.broken.reason}`);
    }
    if (streamError) {
      yield* release();
      const gzip = /unexpected end of file|incorrect header check|invalid/i.test(streamError.message) ? "the gzip stream is cut or corrupt: " : "";
      throw new PartialInputError(`record ${framing.complete + 1}: ${gzip}${streamError.message}`);
    }
    yield* release();
  },
};

registerFormat(warcFormat);
