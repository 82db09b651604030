/**
 * The same points through PostGIS: the territory features (the same antimeridian-repaired rings
 * Casus indexes, areas rebuilt with even-odd semantics by ST_BuildArea over ST_Node'd rings, then ST_MakeValid) in a
 * GiST-indexed table, joined polygon by polygon with GiST-indexed points by ST_Contains, plainly and after
 * ST_Subdivide(geom, 256), on one backend
 * (max_parallel_workers_per_gather = 0). A throwaway server on loopback; PostGIS installed with apt when
 * missing and we are root, else the section is skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';
import type { BaseFeature } from '../src/domain/territory/index.js';
import { findPostgresBinaries, startPostgres } from '../test/support/postgres-server.js';

const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));

function postgisInstalled(): boolean {
  if (!existsSync('/usr/share/postgresql')) return false;
  return readdirSync('/usr/share/postgresql').some((v) => existsSync(`/usr/share/postgresql/${v}/extension/postgis.control`));
}

function ensurePostgis(): string | undefined {
  const bins = findPostgresBinaries();
  if ('missing' in bins) return bins.missing;
  if (postgisInstalled()) return undefined;
  if (process.getuid?.() !== 0) return 'PostGIS is not installed and the bench is not root (apt-get install postgresql-15-postgis-3)';
  if (process.env.CASUS_BENCH_INSTALL === '0') return 'PostGIS is not installed (CASUS_BENCH_INSTALL=0 forbids installing it)';
  const version = bins.bindir.split('/').at(-2);
  console.log(`postgis: installing postgresql-${version}-postgis-3 with apt-get …`);
  const apt = (...args: string[]) => execFileSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    apt('install', '-y', '-qq', `postgresql-${version}-postgis-3`);
  } catch {
    // A fresh machine's package lists may be stale or empty: refresh them once and retry.
    try {
      apt('update', '-qq');
      apt('install', '-y', '-qq', `postgresql-${version}-postgis-3`);
    } catch {
      return `apt-get install postgresql-${version}-postgis-3 failed (after apt-get update)`;
    }
  }
  return postgisInstalled() ? undefined : 'PostGIS still missing after apt-get install';
}

/** WKT MULTILINESTRING of a feature's rings (the even-odd area is rebuilt in SQL). */
function ringsWkt(f: BaseFeature): string {
  const lines = f.rings.map((r) => {
    const pts: string[] = [];
    for (let i = 0; i + 1 < r.length; i += 2) pts.push(`${r[i]} ${r[i + 1]}`);
    return `(${pts.join(',')})`;
  });
  return `MULTILINESTRING(${lines.join(',')})`;
}

/** Runs the PostGIS comparison and prints points/s, the ratio to Casus and the disagreements. */
export async function benchPostgis(points: Float64Array, ours: Int32Array, features: readonly BaseFeature[], casusOneCore: number): Promise<number | undefined> {
  const why = ensurePostgis();
  if (why) {
    console.log(`postgis: skipped — ${why}`);
    return undefined;
  }
  const server = await startPostgres();
  const client = new pg.Client({ connectionString: server.url });
  try {
    await client.connect();
    await client.query('CREATE EXTENSION postgis');
    await client.query('SET max_parallel_workers_per_gather = 0');
    await client.query('CREATE TABLE feature (id int PRIMARY KEY, geom geometry)');
    const t = performance.now();
    for (let i = 0; i < features.length; i++)
      if (features[i]!.rings.length > 0)
        // ST_Node first: the polygonizer behind ST_BuildArea drops every face of a ring that crosses
        // itself un-noded (53 features do after quantization), which lost a third of the land points.
        await client.query('INSERT INTO feature VALUES ($1, ST_MakeValid(ST_BuildArea(ST_Node(ST_GeomFromText($2)))))', [i, ringsWkt(features[i]!)]);
    await client.query('CREATE INDEX ON feature USING gist (geom)');
    await client.query('CREATE TABLE piece AS SELECT id, ST_Subdivide(geom, 256) AS geom FROM feature');
    await client.query('CREATE INDEX ON piece USING gist (geom)');
    const n = points.length / 2;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < n; i++) {
      xs.push(points[2 * i]!);
      ys.push(points[2 * i + 1]!);
    }
    await client.query('CREATE TABLE pt AS SELECT ordinality - 1 AS i, ST_SetSRID(ST_MakePoint(x, y), 0) AS geom FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(x, y)', [xs, ys]);
    await client.query('CREATE INDEX ON pt USING gist (geom)');
    await client.query('ANALYZE');
    console.log(`postgis: ${features.length} features loaded and indexed, ${fmt(n)} points loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const run = async (label: string, sql: string) => {
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`);
      const nodes = plan.rows.map((row) => row['QUERY PLAN'].trim()).filter((l) => /Scan|Loop|Join/.test(l)).map((l) => l.replace(/^->\s*/, '').replace(/\s+\(cost.*$/, ''));
      console.log(`postgis/${label.padEnd(9)} plan: ${nodes.join(' → ')}`);
      const s = performance.now();
      const r = await client.query<{ i: string; id: number }>(sql);
      const ms = performance.now() - s;
      const theirs = new Int32Array(n).fill(-1);
      for (const row of r.rows) theirs[Number(row.i)] = row.id;
      const diffs: string[] = [];
      let count = 0;
      for (let i = 0; i < n; i++)
        if (theirs[i] !== ours[i]) {
          count++;
          if (diffs.length < 10) diffs.push(`${points[2 * i + 1]!.toFixed(5)},${points[2 * i]!.toFixed(5)}: Casus ${ours[i]! >= 0 ? features[ours[i]!]!.name : 'none'}, PostGIS ${theirs[i]! >= 0 ? features[theirs[i]!]!.name : 'none'}`);
        }
      const rate = n / (ms / 1000);
      console.log(`postgis/${label.padEnd(9)} 1 core   ${fmt(rate)} points/s  (${(ms / 1000).toFixed(1)} s; Casus one core is ${(casusOneCore / rate).toFixed(1)}x; disagreements: ${count})`);
      for (const d of diffs) console.log(`  disagreement ${d}`);
      return rate;
    };
    // Polygon by polygon: consecutive ST_Contains calls share one polygon, so PostGIS reuses its prepared
    // geometry (point by point it re-prepares Russia for every point: minutes for 1 M points). OFFSET 0
    // fences the LATERAL subquery so the planner cannot flatten it and put the points outside again.
    const byPolygon = (table: string) =>
      `SELECT p.i, min(f.id) AS id FROM ${table} f CROSS JOIN LATERAL (SELECT pt.i FROM pt WHERE ST_Contains(f.geom, pt.geom) OFFSET 0) p GROUP BY p.i`;
    const plain = await run('plain', byPolygon('feature'));
    const sub = await run('subdivide', byPolygon('piece'));
    console.log(`postgis: best PostGIS ${fmt(Math.max(plain, sub))} points/s; Casus one core / best PostGIS = ${(casusOneCore / Math.max(plain, sub)).toFixed(1)}x`);
    return Math.max(plain, sub);
  } finally {
    await client.end().catch(() => undefined);
    await server.stop();
  }
}
