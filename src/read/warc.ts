// Web archives (`.warc`, `.warc.gz`) with warcio. Each 2xx response (or resource)
// record holding HTML becomes a document on the HTML route, plain-text ones go down
// the text route; its target URI is its id and source. Other records are skipped.
import { createReadStream } from "node:fs";
import { WARCParser } from "warcio";
import { recordOutputWriter } from "../write/records.js";
import { registerFormat, type InputFormat } from "./formats.js";

const WARC = /\.warc(?:\.gz)?$/i;

export const warcFormat: InputFormat = {
  name: "warc",
  shape: "record",
  accepts: (relative) => WARC.test(relative),
  /** Records out are JSON lines: `crawl.warc.gz` -> `crawl.jsonl.gz`. */
  outputName: (relative) => relative.replace(/\.warc(\.gz)?$/i, (_, gz: string | undefined) => `.jsonl${gz ?? ""}`),
  async *read(file, options) {
    const raw = createReadStream(file.path, { highWaterMark: 1 << 18 });
    if (options.onBytes) raw.on("data", (chunk) => options.onBytes!(chunk.length));
    let number = 0;
    for await (const record of new WARCParser(raw)) {
      number++;
      const type = record.warcType;
      if (type !== "response" && type !== "resource") {
        yield { skip: `WARC ${type ?? "untyped"} record` };
        continue;
      }
      const status = Number(record.httpHeaders?.statusCode ?? 200);
      if (type === "response" && !(status >= 200 && status < 300)) {
        yield { skip: `WARC response with HTTP status ${status}` };
        continue;
      }
      const contentType = (type === "response" ? record.httpHeaders?.headers.get("content-type") : record.warcContentType) ?? "";
      const html = /html/i.test(contentType);
      if (!html && !/^text\/plain/i.test(contentType)) {
        yield { skip: `WARC ${type} of type ${contentType.split(";")[0] || "unknown"}` };
        continue;
      }
      const uri = record.warcTargetURI ?? `${file.relative}#${number}`;
      const body = await record.readFully(true);
      const fields: Record<string, unknown> = {
        warc_record_id: record.warcHeader("WARC-Record-ID") ?? null,
        warc_date: record.warcDate ?? null,
        content_type: contentType,
      };
      if (type === "response") fields.http_status = status;
      if (html) {
        yield { task: { id: uri, source: uri, route: "html", content: body, url: uri, contentType, fields, at: { record: number } } };
        continue;
      }
      const text = new TextDecoder("utf-8").decode(body);
      if (text.trim() === "") yield { reject: { record: number, reason: "empty text/plain record" } };
      else yield { task: { id: uri, source: uri, route: "text", content: text, url: uri, fields, at: { record: number } } };
    }
  },
  createWriter: (outPath) => recordOutputWriter(outPath, "lines"),
};

registerFormat(warcFormat);
