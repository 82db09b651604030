/**
 * @module map.routes
 * What the web app's map draws, from the bundled boundaries only (no tile server): Natural Earth
 * admin-0 (world-atlas, 1:110m or 1:10m) with each feature's sovereign on a date, and the status
 * overlays in force on a date with their readings and dates.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { z } from 'zod';
import { covers, today, valueAt } from '../../domain/dates/index.js';
import { ringsContain } from '../../domain/geo/index.js';
import { alpha3FromNumeric, isState } from '../../domain/polity/index.js';
import type { TerritoryMap } from '../../domain/territory/index.js';
import type { ApiDeps, ApiEnv } from '../api-context.js';
import { anyObject, apiDate, commonErrors, jsonResponse } from '../schemas.js';

const require = createRequire(import.meta.url);

const date = apiDate.describe('YYYY-MM-DD (default: today)');

/** GET /v1/map/countries */
export const mapCountriesQuery = z
  .object({
    detail: z.enum(['coarse', 'fine']).optional().describe('coarse: Natural Earth 1:110m (about 100 KB); fine: 1:10m (about 3.7 MB). Default coarse'),
    date: date.optional(),
  })
  .strict();

/** GET /v1/map/overlays, GET /v1/map/borders */
export const mapOverlaysQuery = z.object({ date: date.optional() }).strict();

type Countries = Topology<{ countries: GeometryCollection<{ name: string; code?: string; sovereign?: string | null }> }>;

const FILES = { coarse: 'world-atlas/countries-110m.json', fine: 'world-atlas/countries-10m.json' } as const;

interface SovereignEntry {
  readonly from: string;
  readonly to?: string | undefined;
  readonly sovereign: string | null;
}

/** Sovereign periods by base-layer code, as the territory map resolved them from data/base/sovereignty.yaml. */
function sovereignsByCode(map: TerritoryMap): Map<string, readonly SovereignEntry[]> {
  const out = new Map<string, readonly SovereignEntry[]>();
  map.base.forEach((f, i) => {
    const entries = map.baseSovereigns[i];
    if (f.code && entries && !out.has(f.code)) out.set(f.code, entries);
  });
  return out;
}

/** `[[x, y], ...]` from a flat ring, rounded to about 10 m. */
function positions(ring: Float64Array): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + 1 < ring.length; i += 2) out.push([Math.round(ring[i]! * 1e4) / 1e4, Math.round(ring[i + 1]! * 1e4) / 1e4]);
  return out;
}

/** Even-odd rings (outer rings and holes alike) as a GeoJSON MultiPolygon: a ring inside an odd number of others is a hole. */
function multiPolygon(rings: readonly Float64Array[]): { type: 'MultiPolygon'; coordinates: number[][][][] } {
  const depth = rings.map((r, i) => rings.filter((o, j) => j !== i && ringsContain([o], r[0]!, r[1]!)).length);
  const polygons: { outer: number; holes: number[] }[] = [];
  rings.forEach((_, i) => {
    if (depth[i]! % 2 === 0) polygons.push({ outer: i, holes: [] });
  });
  rings.forEach((r, i) => {
    if (depth[i]! % 2 === 0) return;
    const host = polygons.find((p) => depth[p.outer] === depth[i]! - 1 && ringsContain([rings[p.outer]!], r[0]!, r[1]!));
    host?.holes.push(i);
  });
  return { type: 'MultiPolygon', coordinates: polygons.map((p) => [p.outer, ...p.holes].map((i) => positions(rings[i]!))) };
}

const list = (xs: readonly string[]) => xs.join(', ');

/** The unique edges of a border line, from its distance buckets (an edge sits in every bucket it is near). */
function borderSegments(buckets: ReadonlyMap<number, Float64Array>): number[][][] {
  const seen = new Set<string>();
  const out: number[][][] = [];
  const r = (v: number) => Math.round(v * 1e4) / 1e4;
  for (const edges of buckets.values())
    for (let i = 0; i + 3 < edges.length; i += 4) {
      const k = `${edges[i]},${edges[i + 1]},${edges[i + 2]},${edges[i + 3]}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push([
        [r(edges[i]!), r(edges[i + 1]!)],
        [r(edges[i + 2]!), r(edges[i + 3]!)],
      ]);
    }
  return out;
}

/** Registers GET /v1/map/countries, GET /v1/map/overlays and GET /v1/map/borders. */
export function mapRoutes(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  // Read at the first request, not at registration: the OpenAPI export builds the app without a
  // knowledge base.
  let sovereigns: Map<string, readonly SovereignEntry[]> | undefined;
  const topologies = new Map<keyof typeof FILES, Countries>();
  const topology = (detail: keyof typeof FILES): Countries => {
    let t = topologies.get(detail);
    if (!t) {
      t = JSON.parse(readFileSync(require.resolve(FILES[detail]), 'utf8')) as Countries;
      topologies.set(detail, t);
    }
    return t;
  };
  const segmentsOf = new Map<string, number[][][]>();
  // An overlay's outline is the same on every date: build its GeoJSON once.
  type Area = (typeof deps.knowledge.map.overlayAreas)[number];
  const outlineOf = new WeakMap<Area, ReturnType<typeof multiPolygon>>();
  const outline = (area: Area) => {
    let g = outlineOf.get(area);
    if (!g) outlineOf.set(area, (g = multiPolygon(area.rings)));
    return g;
  };
  // Answers per (detail, date): the few dates a user moves between are served from memory.
  const answers = new Map<string, string>();

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getMapCountries',
      path: '/v1/map/countries',
      summary: 'Natural Earth admin-0 as TopoJSON, each feature with its ISO code and its sovereign on the date',
      description:
        'A TopoJSON Topology (world-atlas) whose object `countries` holds one geometry per admin-0 feature, with properties `name`, `code` (ISO 3166-1 alpha-3, when Natural Earth gives a numeric code) and `sovereign` (the state it is a territory of on the date, per data/base/sovereignty.yaml; null where none). Disputed areas are drawn by GET /v1/map/overlays on top. For display only: locate answers from the OpenStreetMap territory layer, not from these outlines.',
      request: { query: mapCountriesQuery },
      responses: { 200: jsonResponse(anyObject, 'A TopoJSON Topology'), ...commonErrors },
    }),
    (c) => {
      const q = c.req.valid('query');
      const detail = q.detail ?? 'coarse';
      const on = q.date ?? today();
      const key = `${detail}|${on}`;
      let body = answers.get(key);
      if (body === undefined) {
        const t = topology(detail);
        const geometries = t.objects.countries.geometries.map((g) => {
          const code = typeof g.id === 'string' ? alpha3FromNumeric(g.id) : undefined;
          sovereigns ??= sovereignsByCode(deps.knowledge.map);
          const entries = code ? sovereigns.get(code) : undefined;
          const held = entries ? valueAt(entries, on) : undefined;
          const sovereign = held ? (held.kind === 'in-force' ? held.value.sovereign : null) : code && isState(code) ? code : null;
          return { ...g, properties: { name: (g.properties as { name?: string } | undefined)?.name ?? '', ...(code ? { code } : {}), sovereign } };
        });
        body = JSON.stringify({ ...t, objects: { countries: { ...t.objects.countries, geometries } } });
        if (answers.size > 16) answers.delete(answers.keys().next().value!);
        answers.set(key, body);
      }
      return c.body(body, 200, { 'content-type': 'application/json', 'cache-control': 'max-age=3600' }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getMapOverlays',
      path: '/v1/map/overlays',
      summary: 'The status overlays in force on a date, as GeoJSON, with their readings and dates',
      description:
        'A GeoJSON FeatureCollection, one feature per overlay in force (data/overlays/), with properties `id`, `name`, `from`, `to` (empty when open-ended), `recognized`, `administered`, `claimed`, `delimited` (comma-separated polity ids; `delimited` may be `undetermined`), `note`, `approximate` and `errorKm`. Overlays apply only where the base layer has territory unless drawn for islands, so a coastline may be drawn loosely into the sea.',
      request: { query: mapOverlaysQuery },
      responses: { 200: jsonResponse(anyObject, 'A GeoJSON FeatureCollection'), ...commonErrors },
    }),
    (c) => {
      const on = c.req.valid('query').date ?? today();
      const features = [];
      for (const area of deps.knowledge.map.overlayAreas) {
        if (area.implicit) continue;
        const period = area.periods.find((p) => covers(p, on));
        if (!period) continue;
        const g = period.geometry ?? area.overlay.geometry;
        features.push({
          type: 'Feature',
          id: features.length,
          geometry: outline(area),
          properties: {
            id: area.overlay.id,
            name: area.overlay.name,
            from: period.from,
            to: period.to ?? '',
            recognized: list(period.recognized),
            administered: list(period.administered),
            claimed: list(period.claimed),
            delimited: period.delimited === 'undetermined' ? 'undetermined' : list(period.delimited ?? period.recognized),
            note: period.note ?? area.overlay.note ?? '',
            approximate: g?.approximate ?? false,
            errorKm: g?.errorKm ?? 0,
          },
        });
      }
      return c.json({ type: 'FeatureCollection', date: on, features }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getMapBorders',
      path: '/v1/map/borders',
      summary: 'The land borders not delimited by agreement on a date, as GeoJSON (where the delimited reading is undetermined)',
      description:
        'A GeoJSON FeatureCollection from data/borders/: for each border not delimited on the date, a MultiLineString feature (`kind: "undelimited"`) with `id`, `name`, `between`, `bufferKm` (within this distance of the line the delimited reading is undetermined) and `note`; and each section already delimited on that date as a Polygon feature (`kind: "delimited-section"`). The lines are Natural Earth 1:10m, approximate by 1–2 km.',
      request: { query: mapOverlaysQuery },
      responses: { 200: jsonResponse(anyObject, 'A GeoJSON FeatureCollection'), ...commonErrors },
    }),
    (c) => {
      const on = c.req.valid('query').date ?? today();
      const features = [];
      const segments = (line: (typeof deps.knowledge.map.borders)[number]) => {
        let s = segmentsOf.get(line.border.id);
        if (!s) segmentsOf.set(line.border.id, (s = borderSegments(line.near.buckets)));
        return s;
      };
      for (const line of deps.knowledge.map.borders) {
        const period = line.border.periods.find((p) => covers(p, on));
        if (!period || period.status === 'delimited') continue;
        const base = { id: line.border.id, name: line.border.name, between: list(line.border.between), bufferKm: line.border.bufferKm, note: line.border.note ?? '' };
        features.push({ type: 'Feature', id: features.length, geometry: { type: 'MultiLineString', coordinates: segments(line) }, properties: { ...base, kind: 'undelimited' } });
        for (const section of line.sections)
          if (covers(section, on)) features.push({ type: 'Feature', id: features.length, geometry: multiPolygon(section.rings), properties: { ...base, kind: 'delimited-section', from: section.from } });
      }
      return c.json({ type: 'FeatureCollection', date: on, features }, 200);
    },
  );
}
