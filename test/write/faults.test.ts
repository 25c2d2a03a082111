// File-system faults while writing: a full disk (ENOSPC, injected: no root needed), a path
// through a file. Each gives a WriteError naming the file asked for and the reason, and
// leaves no temporary file behind.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { tempDir } from "../helpers/corpus.js";

/** Any path with this in its name is on a full disk. */
const FULL = "full-disk";
const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  return {
    ...fs,
    createWriteStream: (path: string, options?: object) => {
      const stream = fs.createWriteStream(path, options);
      if (String(path).includes(FULL)) {
        stream._write = (_chunk, _encoding, callback) => callback(enospc());
        stream._writev = (_chunks, callback) => callback(enospc());
      }
      return stream;
    },
  };
});
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...fs,
    writeFile: async (path: string, data: string) => {
      if (String(path).includes(FULL)) {
        await fs.writeFile(path, "");
        throw enospc();
      }
      return fs.writeFile(path, data);
    },
  };
});

const { AtomicWriteStream, writeFileAtomic } = await import("../../src/write/atomic.js");
const { RecordWriter } = await import("../../src/write/records.js");
const { runClean } = await import("../../src/run/clean.js");
const { loadPipeline } = await import("../../src/run/pipeline-file.js");

const everything = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe("a full disk", () => {
  it("fails a streamed write with the target's name and the reason, and removes the temporary", async () => {
    const dir = tempDir();
    const stream = new AtomicWriteStream(join(dir, `${FULL}.jsonl`));
    await expect(stream.write("x".repeat(1 << 20))).rejects.toThrow(`cannot write ${join(dir, `${FULL}.jsonl`)}: no space left on device (ENOSPC)`);
    expect(everything(dir)).toEqual([]);
  });

  it("fails a whole-file write the same way", async () => {
    const dir = tempDir();
    await expect(writeFileAtomic(join(dir, `${FULL}.txt`), "text")).rejects.toThrow(`cannot write ${join(dir, `${FULL}.txt`)}: no space left on device (ENOSPC)`);
    expect(everything(dir)).toEqual([]);
  });

  for (const gzip of [false, true]) {
    it(`fails a record output${gzip ? " (gzipped)" : ""} at commit, removing the temporary`, async () => {
      const dir = tempDir();
      const writer = new RecordWriter(join(dir, `${FULL}.jsonl${gzip ? ".gz" : ""}`), "lines", gzip);
      await writer.write(JSON.stringify({ id: "a", text: "y".repeat(1000) }));
      await expect(writer.commit()).rejects.toThrow("no space left on device (ENOSPC)");
      expect(everything(dir)).toEqual([]);
    });
  }

  it("in a run: each output that cannot be written fails its input by name and the run goes on", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in/a.txt"), "The talks went on.\n");
    writeFileSync(join(dir, "in/b.txt"), "A sentence that stays.\n");
    const errors: string[] = [];
    const summary = await runClean({
      inputs: [join(dir, "in")],
      outDir: join(dir, FULL),
      auditPath: join(dir, "audit.jsonl"),
      rejectsPath: join(dir, "rejects.jsonl"),
      pipeline: loadPipeline("news"),
      quiet: true,
      onError: (source, reason) => errors.push(`${source}: ${reason}`),
    });
    expect(errors).toEqual([
      `${join(dir, "in/a.txt")}: cannot write ${join(dir, FULL, "a.txt")}: no space left on device (ENOSPC)`,
      `${join(dir, "in/b.txt")}: cannot write ${join(dir, FULL, "b.txt")}: no space left on device (ENOSPC)`,
    ]);
    expect(summary.files).toEqual({ ok: 0, failed: 2, skipped: 0 });
    expect(everything(dir)).toEqual(["audit.jsonl", FULL, "in", "in/a.txt", "in/b.txt"]);
  });

  it("in a run: an audit that cannot be written fails the run, and no temporary stays (outputs already whole stay)", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in/a.txt"), "The talks went on.\n");
    writeFileSync(join(dir, "in/b.jsonl"), JSON.stringify({ id: "r", text: "A record." }) + "\n");
    const run = runClean({
      inputs: [join(dir, "in")],
      outDir: join(dir, "out"),
      auditPath: join(dir, `${FULL}.audit.jsonl`),
      rejectsPath: join(dir, "rejects.jsonl"),
      pipeline: loadPipeline("news"),
      quiet: true,
    });
    await expect(run).rejects.toThrow(`cannot write ${join(dir, `${FULL}.audit.jsonl`)}: no space left on device (ENOSPC)`);
    expect(everything(dir).filter((f) => !f.startsWith("in"))).toEqual(["out", "out/a.txt", "out/b.jsonl"]);
  });
});
