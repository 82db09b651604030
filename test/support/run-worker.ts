/**
 * @module run-worker
 * Spawns a TypeScript worker script in its own Node.js process (through tsx).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Path of a script in test/support. */
export function workerPath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** Starts `node --import tsx <script> ...args` with `env` added to this process's environment. */
export function startWorker(script: string, args: readonly string[], env: Readonly<Record<string, string>>): ChildProcess {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.CASUS_DB;
  return spawn(process.execPath, ['--import', 'tsx', workerPath(script), ...args], {
    env: { ...clean, ...env },
    // `--import tsx` resolves tsx from the working directory: run from the package root.
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a worker to completion; resolves with its stdout, rejects with its stderr on failure. */
export function runWorker(script: string, args: readonly string[], env: Readonly<Record<string, string>>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = startWorker(script, args, env);
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}: ${err}`))));
  });
}
