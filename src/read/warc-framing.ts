// Checks the framing of a WARC byte stream as it flows to the parser: each record is a
// header block starting `WARC/`, the number of bytes its Content-Length says, then a
// blank line. warcio trusts Content-Length, so a cut file would hand it a short last
// record and a lying length would run one record into the next; this check tells which
// records are whole, and which one is broken and why. It passes the bytes on unchanged.
import { Transform, type TransformCallback } from "node:stream";

/** A header block longer than this is not a WARC header. */
const MAX_HEADER_BYTES = 64 * 1024;
const CR = 13;
const LF = 10;
/** `WARC/`, the first bytes of every record. */
const WARC_MAGIC = [...Buffer.from("WARC/")];

export interface BrokenRecord {
  /** 1-based record number. */
  record: number;
  reason: string;
}

export class WarcFramingCheck extends Transform {
  /** Records known whole: header, all of their content, and the start of the next record (or a clean end). */
  complete = 0;
  /** The first broken record; nothing from it on can be trusted. */
  broken?: BrokenRecord;
  private state: "between" | "header" | "content" = "between";
  /** The record being read, 1-based. */
  private record = 0;
  private header: number[] = [];
  private remaining = 0;
  private contentLength = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.broken) this.scan(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (!this.broken) {
      if (this.state === "content") {
        this.fail(this.record, `truncated: the file ends ${this.remaining} bytes before the end of its content (Content-Length ${this.contentLength})`);
      } else if (this.state === "header") this.fail(this.record, "truncated: the file ends inside its header");
      else this.complete = this.record;
    }
    done();
  }

  private fail(record: number, reason: string): void {
    this.broken = { record, reason };
  }

  private scan(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && !this.broken) {
      if (this.state === "content") {
        const take = Math.min(this.remaining, chunk.length - i);
        this.remaining -= take;
        i += take;
        if (this.remaining === 0) this.state = "between";
        continue;
      }
      const byte = chunk[i++];
      if (this.state === "between") {
        if (byte === CR || byte === LF) continue;
        this.state = "header";
        this.record++;
        this.header = [];
      }
      this.header.push(byte);
      const n = this.header.length;
      const ended =
        (n >= 4 && this.header[n - 4] === CR && this.header[n - 3] === LF && this.header[n - 2] === CR && byte === LF) ||
        (n >= 2 && this.header[n - 2] === LF && byte === LF);
      if (n === WARC_MAGIC.length && !WARC_MAGIC.every((b, k) => this.header[k] === b)) this.badHeader("does not start with a WARC header");
      else if (ended) this.endHeader();
      else if (n > MAX_HEADER_BYTES) this.badHeader(`no end to its header within ${MAX_HEADER_BYTES} bytes`);
    }
  }

  private endHeader(): void {
    const text = Buffer.from(this.header).toString("latin1");
    if (!text.startsWith("WARC/")) return this.badHeader("does not start with a WARC header");
    const length = /^content-length:[ \t]*(\d+)[ \t]*\r?$/im.exec(text);
    if (!length) return this.fail(this.record, "its header has no valid Content-Length");
    // The header of this record is sound, so the record before it ended where its length said.
    this.complete = this.record - 1;
    this.contentLength = Number(length[1]);
    this.remaining = this.contentLength;
    this.state = this.remaining > 0 ? "content" : "between";
  }

  /** A bad header after a record means that record's Content-Length was wrong; on the first record, the file is not a WARC. */
  private badHeader(what: string): void {
    if (this.record === 1) this.fail(1, `not a WARC file: the first record ${what}`);
    else this.fail(this.record - 1, `its Content-Length (${this.contentLength}) does not end the record: what follows ${what}`);
  }
}
