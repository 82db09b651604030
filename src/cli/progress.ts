/**
 * @module progress
 * A progress bar on stderr for long work, shown only when stderr is a terminal (quiet in CI and pipes).
 */
import cliProgress from 'cli-progress';

/** A minimal bar: update(done) and stop(). */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** Starts a bar for `total` items labelled `label`. */
export function progressBar(label: string, total: number): Progress {
  if (!process.stderr.isTTY || total < 10_000) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (n) => bar.update(n), stop: () => bar.stop() };
}

/** A bar over bytes of input that also shows rows done and rows per second. */
export interface RowProgress {
  update(bytes: number, rows: number): void;
  stop(): void;
}

/**
 * Starts a bar over `totalBytes` of input, on stderr when it is a terminal and `quiet` is false:
 * `importing [████░░] 41% | 412,000 rows | 61,250 rows/s | ETA 9s`.
 */
export function rowProgress(label: string, totalBytes: number, quiet: boolean): RowProgress {
  if (quiet || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, etaBuffer: 50, fps: 5 },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let first = -1;
  bar.start(Math.max(1, totalBytes), 0, { rows: '0', rate: '—' });
  return {
    update: (bytes, rows) => {
      if (first < 0) first = rows;
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0.5 ? Math.round((rows - first) / seconds).toLocaleString('en') : '—';
      bar.update(Math.min(bytes, totalBytes), { rows: rows.toLocaleString('en'), rate });
    },
    stop: () => bar.stop(),
  };
}
