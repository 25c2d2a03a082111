// Progress on stderr: a bar on a terminal, a plain line every few seconds otherwise
// (logs, CI), nothing with --quiet.
import cliProgress from "cli-progress";

export interface ProgressCounters {
  documents: number;
  /** Input bytes read so far, as stored on disk. */
  bytes: number;
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

export function startProgress(counters: ProgressCounters, totalBytes: number, options: { quiet: boolean; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { stop() {} };
  const started = Date.now();
  const rate = () => counters.bytes / MB / Math.max((Date.now() - started) / 1000, 1e-3);
  const eta = () => (counters.bytes > 0 ? ((totalBytes - counters.bytes) / MB) / rate() : Infinity);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: "{bar} {percentage}% | {documents} docs | {done}/{total_mb} MB | {rate} MB/s | ETA {eta_text}",
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    const payload = () => ({ documents: counters.documents, done: (counters.bytes / MB).toFixed(1), total_mb: (totalBytes / MB).toFixed(1), rate: rate().toFixed(1), eta_text: formatSeconds(eta()) });
    bar.start(Math.max(totalBytes, 1), 0, payload());
    const timer = setInterval(() => bar.update(Math.min(counters.bytes, totalBytes), payload()), 200);
    timer.unref();
    return {
      stop() {
        clearInterval(timer);
        bar.update(Math.min(counters.bytes, totalBytes), payload());
        bar.stop();
      },
    };
  }
  const timer = setInterval(() => {
    const percent = totalBytes > 0 ? Math.min(100, (100 * counters.bytes) / totalBytes).toFixed(0) : "?";
    stream.write(
      `chaff: ${counters.documents} documents, ${(counters.bytes / MB).toFixed(1)} of ${(totalBytes / MB).toFixed(1)} MB (${percent}%), ${rate().toFixed(1)} MB/s, ETA ${formatSeconds(eta())}\n`,
    );
  }, PLAIN_INTERVAL_SECONDS * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
