/**
 * @module provision-zones
 * Where an armed attack on a party's territory would trigger a provision on a date: the map sampled
 * on a regular grid (every cell answered by `locate`, so zones can never disagree with `assess`),
 * cells merged into row runs and grouped by status and beneficiary, as GeoJSON.
 */
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { evaluateProvision, incidentContext, type FindingStatus, type Incident } from '../assessment/index.js';
import { CasusError, invalidInput } from '../errors.js';
import { locate, territoryFor, type Reading, type TerritoryMap } from '../territory/index.js';
import { partiesOn, type Treaty } from '../treaty/index.js';
import type { IsoDate } from '../dates/index.js';

/** What to draw. */
export interface ZonesQuery {
  readonly treaty: string;
  readonly provision: string;
  readonly date: IsoDate;
  /** Default: the provision's default reading. */
  readonly reading?: Reading | undefined;
  /** Cell size in degrees (default 0.25, about 28 km at the equator). */
  readonly cellDeg?: number | undefined;
  /** Optional attacker; without one, conditions on the attacker are unknown and zones `undetermined`. */
  readonly attacker?: string | undefined;
}

/** Properties of every zone feature. */
export interface ZoneProperties {
  readonly treaty: string;
  readonly provision: string;
  readonly reading: Reading;
  readonly date: IsoDate;
  readonly status: Exclude<FindingStatus, 'not-triggered'>;
  readonly beneficiary: string;
  readonly cells: number;
  /** Reasons of the conditions that were not true, for undetermined zones. */
  readonly open: readonly string[];
}

/** The knowledge the zones need (the loaded knowledge base satisfies it). */
export interface ZonesKnowledge {
  readonly map: TerritoryMap;
  readonly treaties: readonly Treaty[];
}

const MIN_CELL = 0.05;
const MAX_CELL = 2;

/**
 * GeoJSON of where the provision would be triggered (or undetermined) by an armed attack on a party's
 * territory on `date`.
 * @example provisionZones(knowledge, { treaty: 'nato', provision: 'art-5', date: '2024-06-01' }).features.length > 0
 */
export function provisionZones(knowledge: ZonesKnowledge, query: ZonesQuery): FeatureCollection<MultiPolygon, ZoneProperties> {
  const treaty = knowledge.treaties.find((t) => t.id === query.treaty);
  if (!treaty) throw new CasusError('not-found', `treaty: no treaty "${query.treaty}" (known: ${knowledge.treaties.map((t) => t.id).join(', ')})`);
  const provision = treaty.provisions.find((p) => p.id === query.provision);
  if (!provision)
    throw new CasusError('not-found', `provision: ${treaty.id} has no provision "${query.provision}" (encoded: ${treaty.provisions.map((p) => p.id).join(', ')})`);
  const cell = query.cellDeg ?? 0.25;
  if (!(cell >= MIN_CELL && cell <= MAX_CELL)) throw invalidInput('resolution', `a cell size in degrees from ${MIN_CELL} to ${MAX_CELL}`, cell);
  const reading = query.reading ?? provision.defaultReading;
  const parties = partiesOn(treaty, query.date);

  const verdicts = new Map<string, { status: FindingStatus; open: readonly string[] } | null>();
  const judge = (target: string, territory: readonly string[] | undefined, regions: readonly string[]) => {
    const key = `${target}|${territory?.join(',') ?? '?'}|${regions.join(',')}`;
    let v = verdicts.get(key);
    if (v === undefined) {
      const incident: Incident = {
        date: query.date,
        target,
        kind: 'armed-attack',
        against: 'territory',
        ...(query.attacker !== undefined ? { attacker: query.attacker } : {}),
      };
      const finding = evaluateProvision(treaty, provision, incident, incidentContext(incident), { reading, territory, regions, territoryUnknownBecause: 'the border is not delimited by agreement here' }, parties);
      v = finding.status === 'not-triggered' ? null : { status: finding.status, open: finding.conditions.filter((c) => c.result !== 'true').map((c) => c.reason) };
      verdicts.set(key, v);
    }
    return v;
  };

  // key "status|beneficiary" → polygons (each a rectangle run) and cell count.
  const groups = new Map<string, { polygons: Position[][][]; cells: number; open: Set<string> }>();
  const add = (status: FindingStatus, beneficiary: string, open: readonly string[], polygon: Position[][], cells: number) => {
    const key = `${status}|${beneficiary}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { polygons: [], cells: 0, open: new Set() }));
    g.polygons.push(polygon);
    g.cells += cells;
    for (const o of open) g.open.add(o);
  };
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const rect = (x0: number, y0: number, x1: number, y1: number): Position[][] => [
    [[round(x0), round(y0)], [round(x1), round(y0)], [round(x1), round(y1)], [round(x0), round(y1)], [round(x0), round(y0)]],
  ];

  const rows = Math.round(180 / cell);
  const cols = Math.round(360 / cell);
  for (let r = 0; r < rows; r++) {
    const lat = -90 + (r + 0.5) * cell;
    let run: { key: string; status: FindingStatus; beneficiary: string; open: readonly string[]; start: number } | undefined;
    const flush = (end: number) => {
      if (!run) return;
      add(run.status, run.beneficiary, run.open, rect(-180 + run.start * cell, -90 + r * cell, -180 + end * cell, -90 + (r + 1) * cell), end - run.start);
      run = undefined;
    };
    for (let c = 0; c < cols; c++) {
      const lon = -180 + (c + 0.5) * cell;
      const loc = locate(knowledge.map, lat, lon, query.date);
      const territory = territoryFor(loc, reading);
      const candidates = (territory ?? loc.recognized).filter((p) => parties.parties.includes(p));
      let hit: { status: FindingStatus; beneficiary: string; open: readonly string[] } | undefined;
      for (const target of candidates) {
        const v = judge(target, territory, loc.regions);
        if (v && (!hit || (v.status === 'triggered' && hit.status !== 'triggered'))) hit = { ...v, beneficiary: target };
      }
      const key = hit ? `${hit.status}|${hit.beneficiary}` : '';
      if (run && run.key !== key) flush(c);
      if (hit && !run) run = { key, status: hit.status, beneficiary: hit.beneficiary, open: hit.open, start: c };
    }
    flush(cols);
  }

  // Territory the base layer lacks (islands drawn with landOnly: false) is smaller than a cell: test it
  // on its own and draw its own polygon.
  for (const area of knowledge.map.overlayAreas) {
    if (area.landOnly || !area.periods.some((p) => p.from <= query.date && (p.to === undefined || query.date <= p.to))) continue;
    for (const ring of area.rings) {
      let [x, y, n] = [0, 0, 0];
      for (let i = 0; i + 1 < ring.length; i += 2) [x, y, n] = [x + ring[i]!, y + ring[i + 1]!, n + 1];
      const loc = locate(knowledge.map, y / n, x / n, query.date);
      const territory = territoryFor(loc, reading);
      for (const target of (territory ?? loc.recognized).filter((p) => parties.parties.includes(p))) {
        const v = judge(target, territory, loc.regions);
        if (!v) continue;
        const polygon: Position[] = [];
        for (let i = 0; i + 1 < ring.length; i += 2) polygon.push([round(ring[i]!), round(ring[i + 1]!)]);
        add(v.status, target, v.open, [polygon], 0);
        break;
      }
    }
  }

  const features: Feature<MultiPolygon, ZoneProperties>[] = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => {
      const [status, beneficiary] = key.split('|') as [ZoneProperties['status'], string];
      return {
        type: 'Feature',
        properties: { treaty: treaty.id, provision: provision.id, reading, date: query.date, status, beneficiary, cells: g.cells, open: [...g.open] },
        geometry: { type: 'MultiPolygon', coordinates: g.polygons },
      };
    });
  return { type: 'FeatureCollection', features };
}
