import { describe, expect, it } from "vitest";
import { asBytes, asReceived, asSent } from "../../src/run/messages.js";
import type { CleanOutcome, CleanTask } from "../../src/run/task.js";

const task = (id: string, content: string | Uint8Array): CleanTask => ({ id, source: `in.jsonl#${id}`, output: `out.jsonl#${id}`, route: typeof content === "string" ? "text" : "html", content, shape: "record" });

describe("what crosses to a pool worker and back", () => {
  it("sends well-formed texts as UTF-8 bytes of one moved buffer, and the worker gets the same texts back", () => {
    const texts = ["Über „Brücken“ 🦉 and ß", "", "plain ASCII", "\ufeffa BOM stays"];
    const { tasks, transferList } = asSent(texts.map((t, i) => task(`t${i}`, t)));
    expect(transferList).toHaveLength(1);
    expect(tasks.filter((t) => t.content !== "").every((t) => t.textAsBytes && (t.content as Uint8Array).buffer === transferList[0])).toBe(true);
    expect(tasks.map((t) => asReceived(structuredClone(t)).content)).toEqual(texts);
    expect(tasks.map((t) => asReceived(t))).toEqual(texts.map((t, i) => task(`t${i}`, t)));
  });

  it("leaves a text with a lone surrogate as text (its bytes would decode to U+FFFD), and an HTML page's bytes as they are", () => {
    const lone = "half a pair \ud83e here";
    const page = new Uint8Array(Buffer.from("<p>caf\xe9</p>", "latin1"));
    const { tasks, transferList } = asSent([task("lone", lone), task("page", page)]);
    expect(transferList).toEqual([]);
    expect(tasks[0]).toEqual(task("lone", lone));
    expect(tasks[1].content).toBe(page);
    expect(asReceived(tasks[0]).content).toBe(lone);
    expect(asReceived(tasks[1]).content).toBe(page);
  });

  it("answers with each outcome's body and audit as their UTF-8 bytes, in one buffer, counts unchanged", () => {
    const outcome = (body: string, audit: string): CleanOutcome => ({ body, audit, chars: { in: 9, out: 4, removed: 5 }, rules: { "x/y": 1 }, stages: { x: 1 } });
    const outcomes = [outcome('{"id":"a","text":"Tschüss 🦉"}', '{"type":"removal","text":"Share \\u00bb"}\n'), outcome("", "")];
    const { bytes, outcomes: sent } = asBytes(outcomes);
    expect(bytes.length).toBe(Buffer.byteLength(outcomes[0].body) + Buffer.byteLength(outcomes[0].audit));
    sent.forEach((s, i) => {
      expect(Buffer.from(s.body as Uint8Array).toString("utf8")).toBe(outcomes[i].body);
      expect(Buffer.from(s.audit as Uint8Array).toString("utf8")).toBe(outcomes[i].audit);
      expect((s.body as Uint8Array).buffer).toBe(bytes.buffer);
      expect({ ...s, body: undefined, audit: undefined }).toEqual({ ...outcomes[i], body: undefined, audit: undefined });
    });
  });
});
