/**
 * @module territory-map
 * The dated map: base territory features (land plus territorial sea, with their sovereigns), a land
 * mask, status overlays that override them for their periods, regions, and border delimitation.
 * `locate` answers every reading at once.
 */
import { covers, type IsoDate } from '../dates/index.js';
import {
  bucketEdges,
  edgesNear,
  buildPointGrid,
  gridLookup,
  gridLookupAll,
  normalizeRings,
  ringsContain,
  ringSetArea,
  type EdgeBuckets,
  type PointGrid,
  sharedEdges,
  type Ring,
} from '../geo/index.js';
import { isState } from '../polity/index.js';
import type { Location, Surface } from './location.js';
import type { Reading } from './reading.js';
import { specRings, type GeometrySpec } from './geometry-schema.js';
import type { BorderFile, OverlayFile, RegionFile, SovereigntyFile } from './territory-schemas.js';

/** A base-layer feature as the map needs it. */
export interface BaseFeature {
  readonly code: string | undefined;
  readonly name: string;
  readonly rings: readonly Ring[];
}

/** A border's geometry: the edges its two polities' outlines share, and those edges bucketed within its buffer. */
export interface BorderGeometry {
  readonly edges: Float64Array;
  readonly near: EdgeBuckets;
}

/** Everything the map is built from (already parsed and validated). */
export interface TerritoryInput {
  /** Territory features: land plus territorial sea (rings may be empty when `baseGrid` is given). */
  readonly base: readonly BaseFeature[];
  /** The base features' grid, if already built (e.g. read from a cache). */
  readonly baseGrid?: PointGrid;
  /** Grid of one feature, the seas beyond the coastline; without it every territory point is land. */
  readonly sea?: PointGrid;
  /** Named features for `naturalEarth:` references and border lines (default: `base`). */
  readonly naturalEarth?: readonly BaseFeature[];
  /**
   * Computes (or fetches from a cache) every border's geometry, in the order of `borders`; default:
   * compute it (about 70 ms for the bundled borders).
   */
  readonly borderGeometry?: (borders: readonly Pick<BorderFile, 'between' | 'bufferKm'>[], compute: () => BorderGeometry[]) => BorderGeometry[];
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
  /** Applies only where the base layer has territory (lets curators draw coastlines loosely). */
  readonly landOnly: boolean;
  readonly rings: readonly Ring[];
  /** A sovereignty-table entry by Natural Earth name, not a status overlay: never listed in `overlays`. */
  readonly implicit?: boolean;
}

/** An overlay area that also covers the sea within `km` of its geometry (an island's waters). */
interface OverlayWaters {
  readonly index: number;
  readonly km: number;
  readonly near: EdgeBuckets;
  readonly bbox: readonly [number, number, number, number];
}

interface BorderLine {
  readonly border: BorderFile;
  /** The line's edges, bucketed within bufferKm. */
  readonly near: EdgeBuckets;
  readonly bbox: readonly [number, number, number, number];
  readonly sections: readonly { from: IsoDate; to?: IsoDate | undefined; rings: readonly Ring[] }[];
}

/** The built map; build once, locate millions of times. */
export interface TerritoryMap {
  readonly base: readonly BaseFeature[];
  readonly baseGrid: PointGrid;
  readonly sea: PointGrid | undefined;
  readonly baseSovereigns: readonly (readonly SovereignEntry[] | undefined)[];
  readonly overlayAreas: readonly OverlayArea[];
  readonly overlayGrid: PointGrid;
  readonly overlayWaters: readonly OverlayWaters[];
  readonly regions: readonly RegionFile[];
  readonly regionGrid: PointGrid;
  readonly borders: readonly BorderLine[];
}

/** Builds the map. Throws if an overlay names a Natural Earth feature that does not exist. */
export function buildTerritoryMap(input: TerritoryInput): TerritoryMap {
  const named = input.naturalEarth ?? input.base;
  const byName = new Map(named.map((f) => [f.name, f]));
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
  const overlayWaters: OverlayWaters[] = [];
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
      if (g.watersNm !== undefined) overlayWaters.push(watersOf(overlayAreas.length, rings, g.watersNm * NM_KM));
      overlayAreas.push({ overlay, periods, area: ringSetArea(rings), landOnly: g.landOnly ?? true, rings });
      overlayFeatures.push({ rings });
    }
  }

  // With a territory layer other than Natural Earth, the table's entries by Natural Earth name still
  // answer inside those features (sovereign base areas, small dependencies the layer lacks), below
  // every status overlay: they share the overlay grid (one memory access less per point).
  if (input.naturalEarth)
    for (const d of input.sovereignty.dependencies) {
      const f = d.naturalEarth === undefined ? undefined : byName.get(d.naturalEarth);
      if (!f) continue;
      const periods = (d.periods ?? [{ from: d.from ?? '1945-01-01', to: undefined, sovereign: d.sovereign ?? null, source: d.source! }])
        .filter((p) => p.sovereign)
        .map((p) => ({ from: p.from, to: p.to, recognized: [p.sovereign!], administered: [p.sovereign!], claimed: [p.sovereign!], note: `${d.name} is a territory of ${p.sovereign} (Natural Earth feature "${f.name}")`, sources: [p.source] }));
      if (periods.length === 0) continue;
      const overlay: OverlayFile = { id: 'natural-earth', name: d.name, periods };
      overlayAreas.push({ overlay, periods, area: IMPLICIT_AREA + ringSetArea(f.rings), landOnly: false, rings: f.rings, implicit: true });
      overlayFeatures.push({ rings: f.rings });
    }

  const regionFeatures = input.regions.map((r) => ({ rings: ringsOf(r.geometry, `region ${r.id}`) }));
  const ringsOfCode = (code: string) => named.filter((f) => f.code === code).map((f) => f.rings);
  const computeGeometry = () =>
    input.borders.map((b) => {
      const edges = sharedEdges(ringsOfCode(b.between[0]), ringsOfCode(b.between[1]));
      return { edges, near: bucketEdges(edges, b.bufferKm) };
    });
  const geometry = input.borderGeometry ? input.borderGeometry(input.borders, computeGeometry) : computeGeometry();
  const borders = input.borders.map((b, i) => borderLine(b, geometry[i]!, (g) => ringsOf(g, `border ${b.id}`)));

  const grid = input.gridBuilder ?? buildPointGrid;
  return {
    base: input.base,
    baseGrid: input.baseGrid ?? buildPointGrid(input.base),
    sea: input.sea,
    baseSovereigns,
    overlayAreas,
    overlayGrid: grid(overlayFeatures, 0.5),
    overlayWaters,
    regions: input.regions,
    regionGrid: grid(regionFeatures, 0.5),
    borders,
  };
}

/** A nautical mile in kilometres. */
const NM_KM = 1.852;

/** Every edge of an area's rings, and its bounding box grown by `km`. */
function watersOf(index: number, rings: readonly Ring[], km: number): OverlayWaters {
  const edges: number[] = [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings)
    for (let i = 0; i + 3 < r.length; i += 2) {
      edges.push(r[i]!, r[i + 1]!, r[i + 2]!, r[i + 3]!);
      minX = Math.min(minX, r[i]!);
      maxX = Math.max(maxX, r[i]!);
      minY = Math.min(minY, r[i + 1]!);
      maxY = Math.max(maxY, r[i + 1]!);
    }
  const dy = km / 110.57;
  const dx = km / (111.32 * Math.max(0.05, Math.cos((Math.max(Math.abs(minY), Math.abs(maxY)) * Math.PI) / 180)));
  return { index, km, near: bucketEdges(Float64Array.from(edges), km), bbox: [minX - dx, minY - dy, maxX + dx, maxY + dy] };
}

/** A border: the shared boundary of the two polities' features, bucketed, with its sections. */
function borderLine(b: BorderFile, { edges, near }: BorderGeometry, ringsOf: (g: GeometrySpec) => readonly Ring[]): BorderLine {
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
    near,
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
  let surface: Surface = base < 0 ? 'sea' : map.sea && gridLookup(map.sea, lon, lat) >= 0 ? 'territorial-sea' : 'land';
  let winner: OverlayWinner | undefined;
  for (const k of gridLookupAll(map.overlayGrid, lon, lat)) if (!(map.overlayAreas[k]!.landOnly && base < 0)) winner = considerOverlay(map, k, date, overlays, winner);
  for (const w of map.overlayWaters) {
    const [x0, y0, x1, y1] = w.bbox;
    if (lon < x0 || lon > x1 || lat < y0 || lat > y1 || overlays.includes(map.overlayAreas[w.index]!.overlay.id)) continue;
    const near = edgesNear(w.near, lon, lat);
    if (!near || distanceKm(near, lon, lat) > w.km) continue;
    winner = considerOverlay(map, w.index, date, overlays, winner);
    if (surface === 'sea') surface = 'territorial-sea';
  }
  const baseSovereign = base >= 0 ? map.baseSovereigns[base]?.find((e) => covers(e, date))?.sovereign : undefined;
  if (winner) {
    recognized = sorted(winner.period.recognized);
    administered = sorted(winner.period.administered);
    claimed = sorted(winner.period.claimed);
    overlayDelimited = winner.period.delimited;
    if (winner.implicit) {
      if (winner.period.note) notes.push(winner.period.note);
      if (surface === 'sea') surface = 'land';
    } else {
      if (winner.period.note) notes.push(`${overlays[0]}: ${winner.period.note}`);
      if (baseSovereign && !recognized.includes(baseSovereign))
        notes.push(`the base map (OpenStreetMap) gives this place to ${baseSovereign}; the overlay ${overlays[0]} decides`);
    }
  } else if (base >= 0) {
    const feature = map.base[base]!;
    if (baseSovereign) {
      recognized = administered = claimed = [baseSovereign];
      if (baseSovereign !== feature.code) notes.push(`${feature.name} is a territory of ${baseSovereign}`);
    } else {
      notes.push(`${feature.name}: no sovereign is recorded for this base feature on ${date}`);
    }
  }
  if (surface === 'territorial-sea' && recognized.length + administered.length > 0)
    notes.push('territorial sea (or internal waters): within 12 nautical miles of the coast, as the base map draws it; baselines are not modelled, so the limit is approximate');

  const undetermined: Reading[] = [];
  let delimited = recognized;
  if (overlayDelimited === 'undetermined') {
    delimited = EMPTY;
    undetermined.push('delimited');
    notes.push(`${overlays[0]}: no boundary settled by agreement or award decides the sovereign here on ${date}`);
  } else if (overlayDelimited) delimited = sorted(overlayDelimited);
  for (const line of overlayDelimited === 'undetermined' ? [] : map.borders) {
    const box = line.bbox;
    if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) continue;
    const [a, b] = line.border.between;
    if (!recognized.includes(a) && !recognized.includes(b)) continue;
    const status = line.border.periods.find((p) => covers(p, date));
    if (!status || status.status === 'delimited') continue;
    if (line.sections.some((s) => covers(s, date) && ringsContain(s.rings, lon, lat))) continue;
    const near = edgesNear(line.near, lon, lat);
    if (!near) continue;
    const km = distanceKm(near, lon, lat);
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
  return { recognized, administered, claimed, delimited, surface, regions, overlays, undetermined, notes };
}

interface OverlayWinner {
  readonly area: number;
  readonly period: OverlayFile['periods'][number];
  readonly implicit: boolean;
}

/** Added to the area of implicit areas, so that every status overlay beats them. */
const IMPLICIT_AREA = 1e9;

/** Adds overlay area k to `overlays` if in force on `date`; returns the smaller of it and `winner` (listed first). */
function considerOverlay(map: TerritoryMap, k: number, date: IsoDate, overlays: string[], winner: OverlayWinner | undefined): OverlayWinner | undefined {
  const a = map.overlayAreas[k]!;
  const period = a.periods.find((p) => covers(p, date));
  if (!period) return winner;
  if (a.implicit) return winner && winner.area <= a.area ? winner : { area: a.area, period, implicit: true };
  if (overlays.includes(a.overlay.id)) return winner;
  if (winner && a.area >= winner.area) {
    overlays.push(a.overlay.id);
    return winner;
  }
  overlays.unshift(a.overlay.id);
  return { area: a.area, period, implicit: false };
}

function sorted(list: readonly string[]): readonly string[] {
  return [...list].sort();
}
