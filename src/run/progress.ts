// Progress on stderr: a bar on a terminal, a plain line every few seconds otherwise
// (logs, CI), nothing with --quiet.
import { createRequire } from "node:module";
import type cliProgressModule from "cli-progress";

export interface ProgressCounters {
  /** Documents cleaned and written. */
  documents: number;
  /** Input bytes read so far, as stored on disk. */
  bytes: number;
  /**
   * Documents read and handed to the cleaners (written or not). Reading runs ahead of cleaning
   * (a few documents per job, and all of a small run at once): the bytes done are taken as the
   * bytes read times documents / queued, so a run does not show 100% before its first document.
   */
  queued?: number;
}

export interface Progress {
  /** Stops the bar or timer; the summary line is printed by the caller. */
  stop(): void;
}

/** Seconds between plain lines when stderr is not a terminal. */
export const PLAIN_INTERVAL_SECONDS = 5;

const MB = 1024 * 1024;

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/**
 * Seconds of recent progress the rate is measured over. An average since the start would
 * count the burst of reading at the start (HTML files are read far faster than they are
 * cleaned), so the rate fell and the ETA grew through a run.
 */
export const RATE_WINDOW_SECONDS = 30;

export function startProgress(counters: ProgressCounters, totalBytes: number, options: { quiet: boolean; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { stop() {} };
  const doneBytes = () => (counters.queued === undefined ? counters.bytes : counters.queued === 0 ? 0 : counters.bytes * Math.min(1, counters.documents / counters.queued));
  const samples: Array<{ at: number; done: number }> = [{ at: Date.now(), done: 0 }];
  /** Records where the run is (once per tick), dropping samples older than the window, and returns MB/s over the window. */
  const sample = () => {
    const now = { at: Date.now(), done: doneBytes() };
    samples.push(now);
    while (samples.length > 2 && now.at - samples[1].at >= RATE_WINDOW_SECONDS * 1000) samples.shift();
    const first = samples[0];
    return (now.done - first.done) / MB / Math.max((now.at - first.at) / 1000, 1e-3);
  };
  let rateNow = 0;
  const rate = () => rateNow;
  const eta = () => (doneBytes() > 0 && rateNow > 0 ? ((totalBytes - doneBytes()) / MB) / rateNow : Infinity);
  if (stream.isTTY) {
    // The bar's module loads only for a terminal: logs, CI and --quiet never need it.
    const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof cliProgressModule;
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: "{bar} {percentage}% | {documents} docs | {done}/{total_mb} MB | {rate} MB/s | ETA {eta_text}",
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    const payload = () => ({ documents: counters.documents, done: (doneBytes() / MB).toFixed(1), total_mb: (totalBytes / MB).toFixed(1), rate: rate().toFixed(1), eta_text: formatSeconds(eta()) });
    bar.start(Math.max(totalBytes, 1), 0, payload());
    const timer = setInterval(() => {
      rateNow = sample();
      bar.update(Math.min(doneBytes(), totalBytes), payload());
    }, 200);
    timer.unref();
    return {
      stop() {
        clearInterval(timer);
        bar.update(Math.min(doneBytes(), totalBytes), payload());
        bar.stop();
      },
    };
  }
  const timer = setInterval(() => {
    rateNow = sample();
    const done = doneBytes();
    const percent = totalBytes > 0 ? Math.min(100, (100 * done) / totalBytes).toFixed(0) : "?";
    stream.write(
      `chaff: ${counters.documents} documents, ${(done / MB).toFixed(1)} of ${(totalBytes / MB).toFixed(1)} MB (${percent}%), ${rate().toFixed(1)} MB/s, ETA ${formatSeconds(eta())}\n`,
    );
  }, PLAIN_INTERVAL_SECONDS * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
