/**
 * A seeded, ACLED-shaped export for the import benchmark: the 31 columns of ACLED's export, rows at
 * points spread over real conflict areas — the Ukrainian front and Crimea, the Armenia–Azerbaijan
 * border and Nagorno-Karabakh, the Line of Control in Kashmir, Gaza and the West Bank, the Israel–Lebanon
 * border, northern Syria, the Sahel, Somalia, Myanmar, eastern DR Congo, South Ossetia, Transnistria,
 * the Narva river, the Senkaku Islands — so many fall near borders and inside disputed overlays. The
 * events are synthetic (actors, types and dates drawn at random per area); only the places are real.
 */
import { createWriteStream } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { prng } from './incidents.js';

/** ACLED's export columns, in its order. */
export const ACLED_COLUMNS = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'.split(',');

interface Area {
  readonly name: string;
  readonly weight: number;
  readonly lat: number;
  readonly lon: number;
  readonly spread: number;
  readonly country: string;
  readonly iso: string;
  readonly actors: readonly (readonly [string, string])[];
}

const RU = 'Military Forces of Russia (2000-)';
const UA = 'Military Forces of Ukraine (2019-)';
const AREAS: readonly Area[] = [
  { name: 'Donbas front', weight: 30, lat: 48.2, lon: 37.9, spread: 0.9, country: 'Ukraine', iso: '804', actors: [[RU, UA], [UA, RU], [RU, 'Civilians (Ukraine)']] },
  { name: 'Kharkiv–Belgorod border', weight: 8, lat: 50.3, lon: 36.7, spread: 0.5, country: 'Ukraine', iso: '804', actors: [[RU, UA], [UA, 'Civilians (Russia)']] },
  { name: 'Zaporizhzhia and Kherson', weight: 10, lat: 47.1, lon: 34.6, spread: 0.9, country: 'Ukraine', iso: '804', actors: [[RU, UA], [RU, 'Civilians (Ukraine)']] },
  { name: 'Crimea', weight: 4, lat: 45.1, lon: 34.1, spread: 0.6, country: 'Ukraine', iso: '804', actors: [[UA, RU]] },
  { name: 'Armenia–Azerbaijan border (Syunik, Vayots Dzor)', weight: 4, lat: 39.6, lon: 45.9, spread: 0.35, country: 'Armenia', iso: '51', actors: [['Military Forces of Azerbaijan (2003-)', 'Military Forces of Armenia (2018-)']] },
  { name: 'Tavush', weight: 2, lat: 41.0, lon: 45.3, spread: 0.2, country: 'Armenia', iso: '51', actors: [['Military Forces of Azerbaijan (2003-)', 'Military Forces of Armenia (2018-)']] },
  { name: 'Nagorno-Karabakh', weight: 3, lat: 39.8, lon: 46.7, spread: 0.35, country: 'Azerbaijan', iso: '31', actors: [['Military Forces of Azerbaijan (2003-)', 'Military Forces of Artsakh']] },
  { name: 'Line of Control', weight: 3, lat: 34.2, lon: 74.1, spread: 0.6, country: 'India', iso: '356', actors: [['Military Forces of Pakistan (2018-)', 'Military Forces of India (2014-)']] },
  { name: 'Gaza', weight: 5, lat: 31.43, lon: 34.39, spread: 0.12, country: 'Palestine', iso: '275', actors: [['Military Forces of Israel (2022-)', 'Civilians (Palestine)'], ['Hamas Movement', 'Military Forces of Israel (2022-)']] },
  { name: 'West Bank', weight: 3, lat: 32.0, lon: 35.25, spread: 0.3, country: 'Palestine', iso: '275', actors: [['Military Forces of Israel (2022-)', 'Protesters (Palestine)']] },
  { name: 'Israel–Lebanon border', weight: 3, lat: 33.15, lon: 35.5, spread: 0.2, country: 'Lebanon', iso: '422', actors: [['Military Forces of Israel (2022-)', 'Hezbollah'], ['Hezbollah', 'Military Forces of Israel (2022-)']] },
  { name: 'Northern Syria', weight: 6, lat: 36.5, lon: 38.5, spread: 1.2, country: 'Syria', iso: '760', actors: [['Military Forces of Turkey (2016-)', 'Civilians (Syria)'], ['Islamic State (Syria)', 'Civilians (Syria)']] },
  { name: 'Central Sahel', weight: 4, lat: 14.8, lon: -1.5, spread: 1.8, country: 'Mali', iso: '466', actors: [['Unidentified Armed Group (Mali)', 'Civilians (Mali)'], ['Military Forces of Mali (2021-)', 'Civilians (Mali)']] },
  { name: 'Somalia', weight: 4, lat: 2.5, lon: 45.0, spread: 1.5, country: 'Somalia', iso: '706', actors: [['Al Shabaab', 'Military Forces of Somalia (2022-)']] },
  { name: 'Myanmar', weight: 4, lat: 21.0, lon: 95.5, spread: 2.0, country: 'Myanmar', iso: '104', actors: [['Military Forces of Myanmar (2021-)', 'Civilians (Myanmar)']] },
  { name: 'Eastern DR Congo', weight: 3, lat: -1.4, lon: 29.1, spread: 0.8, country: 'Democratic Republic of Congo', iso: '180', actors: [['Unidentified Armed Group (Democratic Republic of Congo)', 'Civilians (Democratic Republic of Congo)']] },
  { name: 'South Ossetia line', weight: 1, lat: 42.2, lon: 44.0, spread: 0.25, country: 'Georgia', iso: '268', actors: [[RU, 'Civilians (Georgia)']] },
  { name: 'Transnistria', weight: 1, lat: 47.0, lon: 29.5, spread: 0.25, country: 'Moldova', iso: '498', actors: [['Protesters (Moldova)', '']] },
  { name: 'Narva river', weight: 1, lat: 59.3, lon: 28.0, spread: 0.15, country: 'Estonia', iso: '233', actors: [[RU, 'Civilians (Estonia)']] },
  { name: 'Senkaku Islands', weight: 1, lat: 25.75, lon: 123.5, spread: 0.15, country: 'Japan', iso: '392', actors: [['Military Forces of China (1949-)', 'Military Forces of Japan (1945-)']] },
];

const TYPES: readonly (readonly [string, string, string])[] = [
  ['Political violence', 'Battles', 'Armed clash'],
  ['Political violence', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Political violence', 'Explosions/Remote violence', 'Air/drone strike'],
  ['Political violence', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Political violence', 'Violence against civilians', 'Attack'],
  ['Demonstrations', 'Protests', 'Peaceful protest'],
  ['Strategic developments', 'Strategic developments', 'Looting/property destruction'],
];

/** Writes `n` rows to `path`; also, if `pointsPath` is given, the same points as lat,lon,date for casus locate. */
export async function writeAcledFile(path: string, n: number, pointsPath?: string, seed = 7): Promise<void> {
  const r = prng(seed);
  const total = AREAS.reduce((s, a) => s + a.weight, 0);
  const pick = () => {
    let x = r() * total;
    for (const a of AREAS) if ((x -= a.weight) < 0) return a;
    return AREAS[0]!;
  };
  const out = createWriteStream(path);
  const pts = pointsPath ? createWriteStream(pointsPath) : undefined;
  const write = (s: NodeJS.WritableStream, text: string) => (s.write(text) ? Promise.resolve() : new Promise<void>((res) => s.once('drain', () => res())));
  await write(out, stringify([ACLED_COLUMNS]));
  if (pts) await write(pts, 'lat,lon,date\n');
  const start = Date.UTC(2018, 0, 1);
  const span = Date.UTC(2025, 5, 30) - start;
  for (let i = 0; i < n; ) {
    const rows: string[][] = [];
    let points = '';
    for (const end = Math.min(n, i + 10_000); i < end; i++) {
      const a = pick();
      const [disorder, type, sub] = TYPES[Math.floor(r() * TYPES.length)]!;
      const [a1, a2] = a.actors[Math.floor(r() * a.actors.length)]!;
      const lat = (a.lat + (r() * 2 - 1) * a.spread).toFixed(4);
      const lon = (a.lon + (r() * 2 - 1) * a.spread).toFixed(4);
      const date = new Date(start + Math.floor(r() * span / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
      const fatalities = String(Math.floor(r() * r() * 12));
      const notes = `On ${date}, ${a1} and ${a2 || 'unknown actors'} were involved in an event (${sub.toLowerCase()}) near ${a.name}. ${fatalities} fatalities reported.`;
      rows.push([`B${i}`, date, date.slice(0, 4), '1', disorder, type, sub, a1, '', '1', a2, '', a2 ? '7' : '', '17', '', a.iso, 'Bench', a.country, '', '', '', a.name, lat, lon, '1', 'Bench generator', 'National', notes, fatalities, '', '1700000000']);
      points += `${lat},${lon},${date}\n`;
    }
    await write(out, stringify(rows));
    if (pts) await write(pts, points);
  }
  await Promise.all([new Promise((res) => out.end(res)), pts ? new Promise((res) => pts.end(res)) : undefined]);
}
