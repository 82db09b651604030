/**
 * @module url-state
 * What a permalink must reproduce — the view, the date, the treaty and provision, the reading, the
 * point and the question — kept in the page's search params, so copying the address shares the
 * exact question.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Incident, Reading } from '../api/types.js';

export type View = 'map' | 'cases' | 'record' | 'datasets';

export interface AppState {
  readonly view: View;
  readonly date: string;
  readonly treaty: string;
  readonly provision: string;
  readonly reading: Reading;
  readonly at: readonly [number, number] | undefined;
  readonly attacker: string;
  readonly target: string;
  readonly kind: string;
  readonly against: string;
  readonly flag: string;
  /** Parties that asked for consultations (NATO Art. 4, ANZUS Art. III…), comma-separated. */
  readonly requested: string;
  readonly case: string;
  /** The dataset shown on the Datasets page. */
  readonly dataset: string;
}

const READING_SET = new Set(['recognized', 'administered', 'claimed', 'delimited']);

/** Today as YYYY-MM-DD (UTC). */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** Parses "LAT,LON" in decimal degrees; undefined when it is not two numbers in range. */
export function parseLatLon(text: string): [number, number] | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return undefined;
  return [lat, lon];
}

function read(params: URLSearchParams): AppState {
  const view = params.get('view');
  const reading = params.get('reading') ?? '';
  const at = params.get('at');
  return {
    view: view === 'cases' || view === 'record' || view === 'datasets' ? view : 'map',
    date: /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : todayIso(),
    treaty: params.get('treaty') ?? 'nato',
    provision: params.get('provision') ?? '',
    reading: (READING_SET.has(reading) ? reading : 'recognized') as Reading,
    at: at ? (parseLatLon(at) ?? undefined) : undefined,
    attacker: params.get('attacker') ?? '',
    target: params.get('target') ?? '',
    kind: params.get('kind') ?? 'armed-attack',
    against: params.get('against') ?? 'territory',
    flag: params.get('flag') ?? '',
    requested: params.get('requested') ?? '',
    case: params.get('case') ?? '',
    dataset: params.get('dataset') ?? '',
  };
}

function write(state: AppState): string {
  const p = new URLSearchParams();
  if (state.view !== 'map') p.set('view', state.view);
  p.set('date', state.date);
  p.set('treaty', state.treaty);
  if (state.provision) p.set('provision', state.provision);
  p.set('reading', state.reading);
  if (state.at) p.set('at', `${state.at[0]},${state.at[1]}`);
  if (state.attacker) p.set('attacker', state.attacker);
  if (state.target) p.set('target', state.target);
  if (state.kind !== 'armed-attack') p.set('kind', state.kind);
  if (state.against !== 'territory') p.set('against', state.against);
  if (state.flag) p.set('flag', state.flag);
  if (state.requested) p.set('requested', state.requested);
  if (state.case) p.set('case', state.case);
  if (state.dataset) p.set('dataset', state.dataset);
  // Commas and colons read better unescaped in a shared link, and are valid in a query.
  return `?${p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}

/** The permalink of the question an incident asks (the Ask page, answered on arrival). */
export function askHref(
  incident: Pick<Incident, 'date' | 'at' | 'attacker' | 'target' | 'kind' | 'against' | 'requestedBy'>,
  treaty: string,
): string {
  return write({
    ...read(new URLSearchParams()),
    date: incident.date,
    treaty,
    at: [incident.at[0], incident.at[1]],
    attacker: incident.attacker,
    target: incident.target,
    kind: incident.kind,
    against: incident.against,
    requested: incident.requestedBy?.join(',') ?? '',
  });
}

/** The app's state, read from and written to the address bar (back and forward work). */
export function useUrlState(): [AppState, (patch: Partial<AppState>, mode?: 'push' | 'replace') => void] {
  const [state, setState] = useState<AppState>(() => read(new URLSearchParams(location.search)));
  useEffect(() => {
    const onPop = () => setState(read(new URLSearchParams(location.search)));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((patch: Partial<AppState>, mode: 'push' | 'replace' = 'replace') => {
    setState((old) => {
      const next = { ...old, ...patch };
      // The map keeps its view in the hash (#zoom/lat/lon): keep it.
      const url = write(next) + location.hash;
      if (url !== location.search + location.hash) {
        if (mode === 'push') history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      }
      return next;
    });
  }, []);
  return [state, update];
}
