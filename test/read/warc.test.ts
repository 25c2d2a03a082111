import { describe, expect, it } from "vitest";
import { DEFAULT_READ_OPTIONS, type ReadItem } from "../../src/read/formats.js";
import { warcFormat } from "../../src/read/warc.js";
import { WARC_PAGE, WARC_TEXT, inputFile, tempDir, warcBytes, writeInput } from "../helpers/corpus.js";

let lastPath = "";
async function readAll(gzip: boolean): Promise<ReadItem[]> {
  const name = gzip ? "tiny.warc.gz" : "tiny.warc";
  // warcio gzips each record itself (a multi-member .warc.gz), so write the bytes as they are.
  const path = writeInput(tempDir(), gzip ? "tiny.warc.gz.bin" : name, await warcBytes(gzip));
  lastPath = path;
  const items: ReadItem[] = [];
  for await (const item of warcFormat.read(inputFile(path, name), DEFAULT_READ_OPTIONS)) items.push(item);
  return items;
}

describe("WARC reader", () => {
  for (const gzip of [false, true]) {
    it(`${gzip ? ".warc.gz" : ".warc"}: HTML responses go to the HTML route with the target URI as id and url, FILE#record as source (the report reads it again); other records are skipped`, async () => {
      const items = await readAll(gzip);
      expect(items.map((i) => ("task" in i ? { ...i.task, content: typeof i.task.content === "string" ? i.task.content : new TextDecoder().decode(i.task.content) } : i))).toEqual([
        { skip: "WARC warcinfo record" },
        { skip: "WARC request record" },
        {
          id: "https://news.example/talks",
          source: `${lastPath}#3`,
          route: "html",
          content: WARC_PAGE,
          url: "https://news.example/talks",
          contentType: "text/html; charset=utf-8",
          fields: { warc_record_id: expect.stringMatching(/^<urn:uuid:/), warc_date: "2016-04-07T05:27:00Z", content_type: "text/html; charset=utf-8", http_status: 200 },
          at: { record: 3 },
        },
        { skip: "WARC response of type image/png" },
        { skip: "WARC response with HTTP status 404" },
        expect.objectContaining({ id: "https://news.example/talks.txt", source: `${lastPath}#6`, route: "text", content: WARC_TEXT, at: { record: 6 } }),
      ]);
    });
  }

  it("writes records out as JSON lines, gzip kept", () => {
    expect(warcFormat.outputName("crawl/a.warc.gz")).toBe("crawl/a.jsonl.gz");
    expect(warcFormat.outputName("a.warc")).toBe("a.jsonl");
  });
});
