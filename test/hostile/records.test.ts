// Records: ids kept as written, every field kept, null ids rejected, a run that rejects
// every record fails, lone-CR line ends, and the summary naming each route's pipeline.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { runCases } from "./table.js";

const records = (dir: string, file: string) =>
  readFileSync(join(dir, file), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

function input(dir: string, name: string, text: string): void {
  mkdirSync(join(dir, "in"), { recursive: true });
  writeFileSync(join(dir, "in", name), text);
}

describe("records", () => {
  runCases([
    {
      name: "a big integer id keeps its digits (JSONL and JSON array); a null id is rejected; a __proto__ field survives",
      setup: (dir) => {
        input(dir, "a.jsonl", ['{"id":12345678901234567890,"text":"The talks went on."}', '{"id":null,"text":"No id."}', '{"id":"p","text":"Kept.","__proto__":{"polluted":true}}'].join("\n") + "\n");
        input(dir, "b.json", '[{"id":98765432109876543210,"text":"The talks went on."},{"id":7,"text":"Seven."}]');
        return ["clean", "in", "--out", "out", "--quiet"];
      },
      status: 0,
      stderr: ["chaff: 1 records rejected, 0 documents failed: see {dir}/out.rejects.jsonl"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/a.jsonl", "out/b.json"],
      check: (dir) => {
        const a = records(dir, "out/a.jsonl");
        expect(a.map((r) => r.id)).toEqual(["12345678901234567890", "p"]);
        // The record's own fields sit at the top of metadata, a field named __proto__ too (an own field of the record).
        expect(readFileSync(join(dir, "out/a.jsonl"), "utf8")).toContain('"metadata":{"__proto__":{"polluted":true},"chaff":');
        expect(JSON.parse(readFileSync(join(dir, "out/b.json"), "utf8")).map((r: { id: string }) => r.id)).toEqual(["98765432109876543210", "7"]);
        expect(records(dir, "out.rejects.jsonl")).toEqual([{ kind: "reject", input: "in/a.jsonl", line: 2, reason: '"id" field is null, not a string or number' }]);
      },
    },
    {
      name: "a run where every record is rejected (the wrong --text-field) exits 1 and says so",
      setup: (dir) => (input(dir, "a.jsonl", '{"id":"a","html":"<p>Text.</p>"}\n{"id":"b","html":"<p>More.</p>"}\n'), ["clean", "in/a.jsonl", "--out", "out", "--quiet"]),
      status: 1,
      stderr: ["chaff: 2 records rejected, 0 documents failed: see {dir}/out.rejects.jsonl", "chaff: every record was rejected: nothing was cleaned (is --text-field right?)"],
      written: ["out.audit.jsonl", "out.rejects.jsonl", "out/a.jsonl"],
    },
    {
      name: "lone-CR line ends are line ends: the widget line goes, the text stays",
      setup: (dir) => (input(dir, "a.txt", "Email Print\rThe talks went on, its head said.\r"), ["clean", "in/a.txt", "--out", "out", "--quiet"]),
      status: 0,
      stderr: [],
      written: ["out.audit.jsonl", "out/a.txt"],
      check: (dir) => {
        expect(readFileSync(join(dir, "out/a.txt"), "utf8")).not.toContain("Email Print");
        expect(readFileSync(join(dir, "out/a.txt"), "utf8")).toContain("The talks went on, its head said.");
      },
    },
    {
      name: "the summary names the pipeline of each route",
      setup: (dir) => {
        input(dir, "a.txt", "The talks went on.\n");
        input(dir, "b.html", "<html><body><article><p>NATO will hold talks with Russia on Wednesday, its head said in Brussels.</p></article></body></html>");
        return ["clean", "in", "--out", "out"];
      },
      status: 0,
      stderr: (stderr) => expect(stderr).toMatch(/^chaff: 2 documents \(pipeline news for text, html for HTML\), /m),
      written: ["out.audit.jsonl", "out/a.txt", "out/b.txt"],
    },
  ]);
});
