/**
 * @module postgres-server
 * Starts a throwaway PostgreSQL server for tests: `initdb` into a temporary directory, `postgres` on a
 * free loopback port with its socket in that directory, and removes everything on `stop()`. As root,
 * both run as the `postgres` user (PostgreSQL refuses to run as root).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A running server: a URL for its `postgres` database and the way to stop it. */
export interface PostgresServer {
  readonly url: string;
  /** URL of a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** The directory holding `initdb` and `postgres`, or why there is none. */
export function findPostgresBinaries(): { readonly bindir: string } | { readonly missing: string } {
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // pg_config absent: fall back to Debian's versioned directories.
  }
  if (existsSync('/usr/lib/postgresql'))
    for (const v of readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)))
      candidates.push(`/usr/lib/postgresql/${v}/bin`);
  for (const dir of candidates)
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return { bindir: dir };
  return {
    missing: `PostgreSQL server binaries (initdb, postgres) not found in ${candidates.join(', ') || 'pg_config --bindir or /usr/lib/postgresql/*/bin'}; install postgresql or set PG_BINDIR`,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('running as root, but there is no "postgres" user to run PostgreSQL as');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function command(bindir: string, program: string, args: readonly string[]): [string, string[]] {
  const path = join(bindir, program);
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', path, ...args]];
  return [path, [...args]];
}

/**
 * Starts a server. Throws when the binaries are missing (check {@link findPostgresBinaries} first).
 * @example const server = await startPostgres(); ...; await server.stop()
 */
export async function startPostgres(): Promise<PostgresServer> {
  const found = findPostgresBinaries();
  if ('missing' in found) throw new Error(found.missing);
  const dir = mkdtempSync(join(tmpdir(), 'casus-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const [initdb, initArgs] = command(found.bindir, 'initdb', ['-D', data, '-U', 'casus', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  execFileSync(initdb, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const [postgres, args] = command(found.bindir, 'postgres', [
    '-D', data, '-k', dir, '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200',
  ]);
  const child: ChildProcess = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const urlFor = (database: string) => `postgres://casus@127.0.0.1:${port}/${database}`;
  const url = urlFor('postgres');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const stop = async () => {
    // The postmaster's pid (runuser in between when root): SIGINT is PostgreSQL's "fast shutdown".
    const pidFile = join(data, 'postmaster.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : child.pid;
    if (pid) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
      for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    }
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, urlFor, stop };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
