import { describe, expect, it } from "vitest";
import { charsetFromMeta, decodeHtml } from "../../src/read/decode.js";

const ascii = (s: string) => Buffer.from(s, "latin1");

describe("decodeHtml", () => {
  it("a byte order mark wins over everything", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1251">é', "utf8")]);
    expect(decodeHtml(bytes, "text/html; charset=iso-8859-2")).toMatchObject({ charset: "utf-8", charsetSource: "bom" });
    expect(decodeHtml(bytes).text.endsWith("é")).toBe(true);
  });
  it("then the HTTP content type", () => {
    expect(decodeHtml(ascii("<p>\xe9</p>"), "text/html; charset=ISO-8859-1")).toMatchObject({ text: "<p>é</p>", charset: "windows-1252", charsetSource: "content-type" });
  });
  it("then <meta charset> or <meta http-equiv>", () => {
    expect(charsetFromMeta(ascii('<meta charset="koi8-r">'))).toBe("koi8-r");
    expect(charsetFromMeta(ascii('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'))).toBe("shift_jis");
    expect(charsetFromMeta(ascii('<meta charset="utf-16">'))).toBe("utf-8");
    expect(charsetFromMeta(ascii('<meta charset="no-such-charset">'))).toBeUndefined();
  });
  it("then detection: valid UTF-8 is UTF-8", () => {
    expect(decodeHtml(Buffer.from("<p>Grüße, Привет</p>", "utf8"))).toMatchObject({ text: "<p>Grüße, Привет</p>", charsetSource: "detected" });
  });
  it("a string is taken as already decoded", () => {
    expect(decodeHtml("\ufeff<p>x</p>")).toMatchObject({ text: "<p>x</p>", charsetSource: "default" });
  });
});
