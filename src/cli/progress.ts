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
