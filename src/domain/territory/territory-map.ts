/**
 * @module territory-map
 * The dated map: Natural Earth base features (with their sovereigns), status overlays that override
 * them for their periods, regions, and border delimitation. `locate` answers every reading at once.
 */
import { covers, type IsoDate } from '../dates/index.js';
import {
  buildPointGrid,
  gridLookup,
  gridLookupAll,
  normalizeRings,
  ringsContain,
  ringSetArea,
  type PointGrid,
  type Ring,
} from '../geo/index.js';
import { isState } from '../polity/index.js';
import type { Location } from './location.js';
import type { Reading } from './reading.js';
import { specRings, type GeometrySpec } from './geometry-schema.js';
import type { BorderFile, OverlayFile, RegionFile, SovereigntyFile } from './territory-schemas.js';

/** A base-layer feature as the map needs it. */
export interface BaseFeature {
  readonly code: string | undefined;
  readonly name: string;
  readonly rings: readonly Ring[];
}

/** Everything the map is built from (already parsed and validated). */
export interface TerritoryInput {
  readonly base: readonly BaseFeature[];
  /** The base features' grid, if already built (e.g. read from a cache). */
  readonly baseGrid?: PointGrid;
  /** Builds (or fetches from a cache) the grid of a feature list; default buildPointGrid. */
  readonly gridBuilder?: (features: readonly { rings: readonly Ring[] }[], cellSize: number) => PointGrid;
  readonly sovereignty: SovereigntyFile;
  readonly overlays: readonly OverlayFile[];
  readonly regions: readonly RegionFile[];
  readonly borders: readonly BorderFile[];
}

interface SovereignEntry {
  readonly from: IsoDate;
  readonly to?: IsoDate | undefined;
  readonly sovereign: string | null;
}

interface OverlayArea {
  readonly overlay: OverlayFile;
  readonly periods: readonly OverlayFile['periods'][number][];
  readonly area: number;
  /** Applies only where the base layer has land (lets curators draw coastlines loosely). */
  readonly landOnly: boolean;
  readonly rings: readonly Ring[];
}

interface BorderLine {
  readonly border: BorderFile;
  readonly edges: Float64Array;
  readonly bbox: readonly [number, number, number, number];
  readonly sections: readonly { from: IsoDate; to?: IsoDate | undefined; rings: readonly Ring[] }[];
}

/** The built map; build once, locate millions of times. */
export interface TerritoryMap {
  readonly base: readonly BaseFeature[];
  readonly baseGrid: PointGrid;
  readonly baseSovereigns: readonly (readonly SovereignEntry[] | undefined)[];
  readonly overlayAreas: readonly OverlayArea[];
  readonly overlayGrid: PointGrid;
  readonly regions: readonly RegionFile[];
  readonly regionGrid: PointGrid;
  readonly borders: readonly BorderLine[];
}

/** Builds the map. Throws if an overlay names a Natural Earth feature that does not exist. */
export function buildTerritoryMap(input: TerritoryInput): TerritoryMap {
  const byName = new Map(input.base.map((f) => [f.name, f]));
  const ringsOf = (g: GeometrySpec, where: string): readonly Ring[] => {
    if (g.naturalEarth !== undefined) {
      const f = byName.get(g.naturalEarth);
      if (!f) throw new Error(`${where}: no Natural Earth feature is named "${g.naturalEarth}"`);
      return f.rings;
    }
    return normalizeRings(specRings(g));
  };

  const byCode = new Map<string, SovereignEntry[]>();
  const byNeName = new Map<string, SovereignEntry[]>();
  for (const d of input.sovereignty.dependencies) {
    const entries: SovereignEntry[] = d.periods
      ? d.periods.map((p) => ({ from: p.from, to: p.to, sovereign: p.sovereign }))
      : [{ from: d.from ?? '1945-01-01', sovereign: d.sovereign ?? null }];
    if (d.code) byCode.set(d.code, entries);
    if (d.naturalEarth) byNeName.set(d.naturalEarth, entries);
  }
  const baseSovereigns = input.base.map((f) => {
    const listed = byNeName.get(f.name) ?? (f.code ? byCode.get(f.code) : undefined);
    if (listed) return listed;
    if (f.code && isState(f.code)) return [{ from: '1945-01-01', sovereign: f.code }];
    return undefined;
  });

  const overlayAreas: OverlayArea[] = [];
  const overlayFeatures: { rings: readonly Ring[] }[] = [];
  for (const overlay of input.overlays) {
    // Periods sharing one geometry share one indexed area.
    const groups = new Map<GeometrySpec | undefined, OverlayFile['periods'][number][]>();
    for (const p of overlay.periods) {
      const g = p.geometry ?? overlay.geometry;
      groups.set(g, [...(groups.get(g) ?? []), p]);
    }
    for (const [g, periods] of groups) {
      if (!g) throw new Error(`overlay ${overlay.id}: a period has no geometry and the overlay has none`);
      const rings = ringsOf(g, `overlay ${overlay.id}`);
      overlayAreas.push({ overlay, periods, area: ringSetArea(rings), landOnly: g.landOnly ?? true, rings });
      overlayFeatures.push({ rings });
    }
  }

  const regionFeatures = input.regions.map((r) => ({ rings: ringsOf(r.geometry, `region ${r.id}`) }));
  const borders = input.borders.map((b) => borderLine(b, input.base, (g) => ringsOf(g, `border ${b.id}`)));

  const grid = input.gridBuilder ?? buildPointGrid;
  return {
    base: input.base,
    baseGrid: input.baseGrid ?? buildPointGrid(input.base),
    baseSovereigns,
    overlayAreas,
    overlayGrid: grid(overlayFeatures, 0.5),
    regions: input.regions,
    regionGrid: grid(regionFeatures, 0.5),
    borders,
  };
}

/** The shared boundary of the two polities' base features, as flat edges. */
function borderLine(b: BorderFile, base: readonly BaseFeature[], ringsOf: (g: GeometrySpec) => readonly Ring[]): BorderLine {
  const [a, c] = b.between;
  const key = (x1: number, y1: number, x2: number, y2: number) => `${x1},${y1},${x2},${y2}`;
  // Only edges near the other feature can be shared: skip the rest of large rings (Russia's) early.
  let [cx0, cy0, cx1, cy1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of base.filter((f) => f.code === c))
    for (const r of f.rings)
      for (let i = 0; i + 1 < r.length; i += 2) {
        cx0 = Math.min(cx0, r[i]!);
        cx1 = Math.max(cx1, r[i]!);
        cy0 = Math.min(cy0, r[i + 1]!);
        cy1 = Math.max(cy1, r[i + 1]!);
      }
  const near = (x: number, y: number) => x >= cx0 && x <= cx1 && y >= cy0 && y <= cy1;
  const seen = new Set<string>();
  for (const f of base.filter((f) => f.code === a))
    for (const r of f.rings)
      for (let i = 0; i + 3 < r.length; i += 2)
        if (near(r[i]!, r[i + 1]!)) seen.add(key(r[i]!, r[i + 1]!, r[i + 2]!, r[i + 3]!));
  const edges: number[] = [];
  for (const f of base.filter((f) => f.code === c))
    for (const r of f.rings)
      for (let i = 0; i + 3 < r.length; i += 2) {
        const [x1, y1, x2, y2] = [r[i]!, r[i + 1]!, r[i + 2]!, r[i + 3]!];
        if (seen.has(key(x2, y2, x1, y1)) || seen.has(key(x1, y1, x2, y2))) edges.push(x1, y1, x2, y2);
      }
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < edges.length; i += 2) {
    minX = Math.min(minX, edges[i]!);
    maxX = Math.max(maxX, edges[i]!);
    minY = Math.min(minY, edges[i + 1]!);
    maxY = Math.max(maxY, edges[i + 1]!);
  }
  const pad = b.bufferKm / 60; // degrees; generous (1° of longitude is >= 60 km below 57° latitude)
  return {
    border: b,
    edges: Float64Array.from(edges),
    bbox: [minX - pad * 2, minY - pad, maxX + pad * 2, maxY + pad],
    sections: (b.sections ?? []).map((s) => ({ from: s.from, to: s.to, rings: ringsOf(s.area) })),
  };
}

/** Kilometres from (lon, lat) to the nearest edge, on a local equirectangular projection. */
function distanceKm(edges: Float64Array, lon: number, lat: number): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  let best = Infinity;
  let best2 = Infinity;
  for (let i = 0; i < edges.length; i += 4) {
    const ax = (edges[i]! - lon) * kx;
    const bx = (edges[i + 2]! - lon) * kx;
    // An edge wholly beyond the best distance on one axis cannot be nearer: most edges stop here.
    if ((ax > best && bx > best) || (ax < -best && bx < -best)) continue;
    const ay = (edges[i + 1]! - lat) * ky;
    const by = (edges[i + 3]! - lat) * ky;
    if ((ay > best && by > best) || (ay < -best && by < -best)) continue;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const px = ax + t * dx;
    const py = ay + t * dy;
    const d2 = px * px + py * py;
    if (d2 < best2) {
      best2 = d2;
      best = Math.sqrt(d2);
    }
  }
  return best;
}

const EMPTY: readonly string[] = Object.freeze([]);

/**
 * Where (lat, lon) lies at `date`, under every reading.
 * @example locate(map, 40.18, 44.51, '2020-07-12').recognized // ['ARM']
 */
export function locate(map: TerritoryMap, lat: number, lon: number, date: IsoDate): Location {
  const notes: string[] = [];
  const overlays: string[] = [];
  let recognized: readonly string[] = EMPTY;
  let administered: readonly string[] = EMPTY;
  let claimed: readonly string[] = EMPTY;
  let overlayDelimited: OverlayFile['periods'][number]['delimited'];

  const base = gridLookup(map.baseGrid, lon, lat);
  let winner: { area: number; period: OverlayFile['periods'][number] } | undefined;
  for (const k of gridLookupAll(map.overlayGrid, lon, lat)) {
    const a = map.overlayAreas[k]!;
    if (a.landOnly && base < 0) continue;
    const period = a.periods.find((p) => covers(p, date));
    if (!period) continue;
    overlays.push(a.overlay.id);
    if (!winner || a.area < winner.area) {
      winner = { area: a.area, period };
      overlays.unshift(overlays.pop()!);
    }
  }
  if (winner) {
    recognized = sorted(winner.period.recognized);
    administered = sorted(winner.period.administered);
    claimed = sorted(winner.period.claimed);
    overlayDelimited = winner.period.delimited;
    if (winner.period.note) notes.push(`${overlays[0]}: ${winner.period.note}`);
  } else {
    const f = base;
    if (f >= 0) {
      const entry = map.baseSovereigns[f]?.find((e) => covers(e, date));
      const feature = map.base[f]!;
      if (entry?.sovereign) {
        recognized = administered = claimed = [entry.sovereign];
        if (entry.sovereign !== feature.code) notes.push(`${feature.name} is a territory of ${entry.sovereign}`);
      } else {
        notes.push(`${feature.name}: no sovereign is recorded for this Natural Earth feature on ${date}`);
      }
    }
  }

  const undetermined: Reading[] = [];
  let delimited = recognized;
  if (overlayDelimited === 'undetermined') {
    delimited = EMPTY;
    undetermined.push('delimited');
    notes.push(`${overlays[0]}: no boundary settled by agreement or award decides the sovereign here on ${date}`);
  } else if (overlayDelimited) delimited = sorted(overlayDelimited);
  for (const line of overlayDelimited === 'undetermined' ? [] : map.borders) {
    const [a, b] = line.border.between;
    if (!recognized.includes(a) && !recognized.includes(b)) continue;
    const [x0, y0, x1, y1] = line.bbox;
    if (lon < x0 || lon > x1 || lat < y0 || lat > y1) continue;
    const status = line.border.periods.find((p) => covers(p, date));
    if (!status || status.status === 'delimited') continue;
    if (line.sections.some((s) => covers(s, date) && ringsContain(s.rings, lon, lat))) continue;
    const km = distanceKm(line.edges, lon, lat);
    if (km <= line.border.bufferKm) {
      delimited = EMPTY;
      undetermined.push('delimited');
      notes.push(
        `${km.toFixed(1)} km from the ${a}–${b} border, which is not delimited by agreement on ${date} (data/borders/${line.border.id}.yaml)`,
      );
      break;
    }
  }

  const regions = gridLookupAll(map.regionGrid, lon, lat).map((k) => map.regions[k]!.id).sort();
  return { recognized, administered, claimed, delimited, regions, overlays, undetermined, notes };
}

function sorted(list: readonly string[]): readonly string[] {
  return [...list].sort();
}
