import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PLAIN_INTERVAL_SECONDS, startProgress } from "../../src/run/progress.js";

/** A stand-in for process.stderr that records what is written. */
function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns: 120, write: (chunk: string) => written.push(chunk) > 0, on() {}, removeListener() {}, cursorTo() { return true; }, clearLine() { return true; }, moveCursor() { return true; } } as unknown as NodeJS.WriteStream };
}

describe("progress", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("prints a plain line every few seconds when stderr is not a terminal", () => {
    const { written, stream } = fakeStream(false);
    const counters = { documents: 0, bytes: 0 };
    const progress = startProgress(counters, 20 * 1024 * 1024, { quiet: false, stream });
    counters.documents = 120;
    counters.bytes = 5 * 1024 * 1024;
    vi.advanceTimersByTime(PLAIN_INTERVAL_SECONDS * 1000);
    progress.stop();
    vi.advanceTimersByTime(PLAIN_INTERVAL_SECONDS * 1000);
    expect(written).toEqual(["chaff: 120 documents, 5.0 of 20.0 MB (25%), 1.0 MB/s, ETA 15s\n"]);
  });

  it("is silent with --quiet", () => {
    const { written, stream } = fakeStream(false);
    const progress = startProgress({ documents: 1, bytes: 1 }, 10, { quiet: true, stream });
    vi.advanceTimersByTime(60_000);
    progress.stop();
    expect(written).toEqual([]);
  });

  it("draws a bar with documents, MB, rate and ETA on a terminal", () => {
    const { written, stream } = fakeStream(true);
    const counters = { documents: 0, bytes: 0 };
    const progress = startProgress(counters, 10 * 1024 * 1024, { quiet: false, stream });
    counters.documents = 42;
    counters.bytes = 5 * 1024 * 1024;
    vi.advanceTimersByTime(1000);
    progress.stop();
    expect(written.join("")).toMatch(/50% \| 42 docs \| 5\.0\/10\.0 MB \| \d+\.\d MB\/s \| ETA \d+s/);
  });

  it("does not say 100% at start when the files are read ahead of cleaning: bytes count as their documents are written", () => {
    const { written, stream } = fakeStream(false);
    // A small HTML run: all 16 files read and queued at once, none cleaned yet.
    const counters = { documents: 0, bytes: 16 * 1024 * 1024, queued: 16 };
    const progress = startProgress(counters, 16 * 1024 * 1024, { quiet: false, stream });
    vi.advanceTimersByTime(PLAIN_INTERVAL_SECONDS * 1000);
    counters.documents = 4;
    vi.advanceTimersByTime(PLAIN_INTERVAL_SECONDS * 1000);
    progress.stop();
    expect(written).toEqual([
      "chaff: 0 documents, 0.0 of 16.0 MB (0%), 0.0 MB/s, ETA ?\n",
      "chaff: 4 documents, 4.0 of 16.0 MB (25%), 0.4 MB/s, ETA 30s\n",
    ]);
  });

  it("gives an ETA that falls steadily on an HTML run whose reading ran ahead at the start", () => {
    const { written, stream } = fakeStream(false);
    // 40 files of 1 MB; reading races 16 files ahead at once, then keeps pace with cleaning (1 document a second).
    const counters = { documents: 0, bytes: 16 * 1024 * 1024, queued: 16 };
    const progress = startProgress(counters, 40 * 1024 * 1024, { quiet: false, stream });
    for (let tick = 1; tick <= 6; tick++) {
      counters.documents = tick * PLAIN_INTERVAL_SECONDS;
      counters.queued = Math.min(40, counters.documents + 16);
      counters.bytes = counters.queued * 1024 * 1024;
      vi.advanceTimersByTime(PLAIN_INTERVAL_SECONDS * 1000);
    }
    progress.stop();
    const etas = written.map((line) => Number(/ETA (\d+)s/.exec(line)![1]));
    expect(etas).toEqual([35, 30, 25, 20, 15, 10]);
  });
});
