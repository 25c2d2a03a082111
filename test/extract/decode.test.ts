import { describe, expect, it } from "vitest";
import { charsetFromMeta, decodeHtml } from "../../src/extract/decode.js";

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
  it("valid UTF-8 is UTF-8 when nothing is declared", () => {
    expect(decodeHtml(Buffer.from("<p>Grüße, Привет</p>", "utf8"))).toMatchObject({ text: "<p>Grüße, Привет</p>", charsetSource: "utf8-valid" });
  });
  it("valid multi-byte UTF-8 is UTF-8 whatever <meta> or the server claims, and the metadata names the overruled claim", () => {
    const page = Buffer.from('<meta charset="iso-8859-1"><p>Grüße aus Köln</p>', "utf8");
    expect(decodeHtml(page)).toEqual({ text: '<meta charset="iso-8859-1"><p>Grüße aus Köln</p>', charset: "utf-8", charsetSource: "utf8-valid", charsetDeclared: "windows-1252" });
    expect(decodeHtml(page, "text/html; charset=windows-1251")).toMatchObject({ charset: "utf-8", charsetSource: "utf8-valid", charsetDeclared: "windows-1251" });
  });
  it("a declared UTF-8 that the bytes contradict (really Latin-1) falls back to detection: no replacement characters", () => {
    const latin1 = Buffer.from('<html><head><meta charset="utf-8"></head><body><p>Les élèves de l\'école française ont visité le musée près de la forêt. Après la visite, ils ont mangé des crêpes à côté du château et ils étaient très contents de leur journée.</p></body></html>', "latin1");
    const decoded = decodeHtml(latin1);
    expect(decoded).toMatchObject({ charsetSource: "detected", charsetDeclared: "utf-8" });
    expect(decoded.charset).toMatch(/^(?:windows-1252|iso-8859-\d+)$/);
    expect(decoded.text).toContain("Les élèves de l'école française");
    expect(decoded.text).not.toContain("\ufffd");
  });
  it("a declared multi-byte charset the bytes are not valid in falls back too", () => {
    // 0x82 0xa0 ... is not Shift_JIS here: the bytes are windows-1252 French.
    const bytes = Buffer.from('<meta charset="shift_jis"><p>Un café très apprécié à Paris, où les élèves déjeunent près de la forêt chaque été.</p>', "latin1");
    const decoded = decodeHtml(bytes);
    expect(decoded.charsetSource).not.toBe("meta");
    expect(decoded.text).toContain("Un café très apprécié");
  });
  it("UTF-16 and UTF-32 with a byte order mark are decoded, not taken for binary", () => {
    const text = "<p>Grüße, Привет, 防波堤 😀</p>";
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeHtml(utf16le)).toEqual({ text, charset: "utf-16le", charsetSource: "bom" });
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16();
    expect(decodeHtml(utf16be)).toEqual({ text, charset: "utf-16be", charsetSource: "bom" });
    const points = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)];
    const utf32le = Buffer.alloc(points.length * 4);
    points.forEach((p, i) => utf32le.writeUInt32LE(p, i * 4));
    expect(decodeHtml(utf32le)).toEqual({ text, charset: "utf-32le", charsetSource: "bom" });
    const utf32be = Buffer.alloc(points.length * 4);
    points.forEach((p, i) => utf32be.writeUInt32BE(p, i * 4));
    expect(decodeHtml(utf32be)).toEqual({ text, charset: "utf-32be", charsetSource: "bom" });
  });
  it("a string is taken as already decoded", () => {
    expect(decodeHtml("\ufeff<p>x</p>")).toMatchObject({ text: "<p>x</p>", charsetSource: "default" });
  });
});
