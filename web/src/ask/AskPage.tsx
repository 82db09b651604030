/**
 * @module AskPage
 * The map and the question side by side: pick a date, a treaty and a reading; click a place; the
 * answer appears beside the map. The question lives in the address, so a permalink reproduces it.
 */
import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Assessment, CaseFile, Location, OverlayProperties, Treaty } from '../api/types.js';
import type { AppState } from '../app/url-state.js';
import { MapControls } from '../map/MapControls.js';
import { MapLegend } from '../map/MapLegend.js';
import { partiesOn } from '../map/membership.js';
import { WorldMap } from '../map/WorldMap.js';
import { AskForm, type Polity } from './AskForm.js';
import { AssessmentPanel } from './AssessmentPanel.js';
import { featurePlaces, recordPlaces } from './places.js';
import { ReportBox } from './ReportBox.js';

const POLITY = /^([A-Z]{3}|(entity|non-state):[a-z0-9-]+)$/;

interface Props {
  readonly state: AppState;
  readonly update: (patch: Partial<AppState>, mode?: 'push' | 'replace') => void;
  readonly treaties: readonly Treaty[];
  readonly polities: readonly Polity[];
  readonly countries: FeatureCollection | undefined;
}

/** The Ask page. */
export function AskPage({ state, update, treaties, polities, countries }: Props) {
  const treaty = treaties.find((t) => t.id === state.treaty);
  const provision = treaty ? state.provision || treaty.provisions[0]?.id || '' : '';
  const standings = useMemo(() => partiesOn(treaty, state.date), [treaty, state.date]);
  const [overlayShapes, setOverlayShapes] = useState<FeatureCollection>();
  const overlays = useMemo(() => overlayShapes?.features.map((f) => f.properties as OverlayProperties) ?? [], [overlayShapes]);
  const [mapStatus, setMapStatus] = useState<{ loading: boolean; error?: string }>({ loading: true });
  const [zones, setZones] = useState<FeatureCollection>();
  const [zoneStatus, setZoneStatus] = useState('');
  const [record, setRecord] = useState<readonly CaseFile[]>([]);
  const [where, setWhere] = useState<Location>();
  const [answer, setAnswer] = useState<Assessment>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.record().then((r) => setRecord(r.cases), () => setRecord([]));
  }, []);
  const places = useMemo(
    () => [...recordPlaces(record), ...featurePlaces(overlayShapes, 'disputed area'), ...featurePlaces(countries, 'country')],
    [record, overlayShapes, countries],
  );

  // The trigger zone of the chosen provision on the date, under the chosen reading.
  useEffect(() => {
    if (!treaty || !provision) {
      setZones(undefined);
      setZoneStatus('');
      return;
    }
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const label = `${treaty.short} Art. ${treaty.provisions.find((p) => p.id === provision)?.article ?? provision}`;
    const load = () => {
      setZoneStatus(`Computing where ${label} would trigger on ${state.date} (${state.reading})…`);
      api.zones(treaty.id, provision, state.date, state.reading).then(
        (fc) => {
          if (!live) return;
          setZones(fc);
          const cells = fc.features.reduce((n, f) => n + Number((f.properties as { cells?: number } | null)?.cells ?? 0), 0);
          setZoneStatus(cells > 0 ? `Shaded: where ${label} would be triggered by an armed attack on ${state.date} (${state.reading} reading, 0.25° cells)` : `${label} would be triggered nowhere on ${state.date} (${state.reading} reading)`);
        },
        (e: unknown) => {
          if (!live) return;
          if (e instanceof ApiError && e.status === 503) retry = setTimeout(load, 2000);
          else setZoneStatus(`Trigger zone unavailable: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    };
    const t = setTimeout(load, 150);
    return () => {
      live = false;
      clearTimeout(t);
      if (retry) clearTimeout(retry);
    };
  }, [treaty, provision, state.date, state.reading]);

  // Where the point lies, as soon as it is picked.
  useEffect(() => {
    if (!state.at) return;
    let live = true;
    api.locate(state.at, state.date).then(
      (l) => {
        if (!live) return;
        setWhere(l);
        if (!state.target && l.recognized[0]) update({ target: l.recognized[0] });
      },
      () => live && setWhere(undefined),
    );
    return () => {
      live = false;
    };
    // The target is filled once per point, not on each edit: no dependency on it.
  }, [state.at, state.date]);

  const assess = useCallback((atNow?: readonly [number, number]) => {
    setError('');
    const at = atNow ?? state.at;
    if (!at) return setError('Pick a point first: click the map, or type coordinates or a place.');
    if (!state.attacker) return setError('Say who attacked: a state code such as AZE, or non-state:<name>.');
    if (!state.target) return setError('Say which state was attacked: a state code such as ARM.');
    setBusy(true);
    api
      .assess({
        date: state.date,
        at: [at[0], at[1]],
        attacker: state.attacker,
        target: state.target,
        kind: state.kind,
        against: state.against,
        ...(state.flag && (state.against === 'vessel' || state.against === 'aircraft') ? { flag: state.flag } : {}),
        ...(state.requested.trim() ? { requestedBy: state.requested.split(/[\s,]+/).filter(Boolean) } : {}),
        ...(state.treaty !== 'all' ? { treaty: state.treaty } : {}),
      })
      .then(
        (a) => setAnswer(a),
        (e: unknown) => {
          setAnswer(undefined);
          setError(e instanceof ApiError ? `The question could not be answered: ${e.message}` : String(e));
        },
      )
      .finally(() => setBusy(false));
  }, [state]);

  // The question answers itself when it is complete: on arrival from a permalink, after a click, or
  // once attacker and target look like polity ids (debounced, so typing "AR" asks nothing).
  const complete = Boolean(state.at && POLITY.test(state.attacker) && POLITY.test(state.target));
  useEffect(() => {
    if (!complete) return;
    const t = setTimeout(() => assess(), 300);
    return () => clearTimeout(t);
    // Only these fields re-ask; `assess` changes with every keystroke of the form.
  }, [complete, state.at, state.date, state.attacker, state.target, state.kind, state.against, state.flag, state.requested, state.treaty]);

  return (
    <div className="ask-page">
      <div className="map-column">
        <MapControls date={state.date} treaty={state.treaty} provision={provision} reading={state.reading} treaties={treaties} onChange={update} />
        <div className="map-frame">
          <WorldMap
            date={state.date}
            reading={state.reading}
            standings={standings}
            zones={zones}
            point={state.at}
            onPick={(at) => update({ at }, 'push')}
            onStatus={setMapStatus}
            onOverlays={setOverlayShapes}
          />
          {mapStatus.loading && <p className="map-status" role="status">Loading the map for {state.date}…</p>}
          {mapStatus.error && (
            <p className="map-status error" role="alert">
              The map could not be loaded: {mapStatus.error}
            </p>
          )}
        </div>
        <MapLegend date={state.date} reading={state.reading} treaty={treaty} standings={standings} zoneStatus={zoneStatus} overlays={overlays} />
      </div>
      <div className="side-column">
        <AskForm state={state} treaties={treaties} polities={polities} places={places} busy={busy} onChange={update} onAssess={assess} />
        {where && state.at && !answer && (
          <p className="where" role="status">
            {state.at[0]}, {state.at[1]} on {state.date}: recognized {where.recognized.join(', ') || 'no state'}, administered {where.administered.join(', ') || 'no state'} ({where.surface ?? 'land'})
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {busy && <p role="status">Assessing…</p>}
        {answer && <AssessmentPanel assessment={answer} reading={state.reading} treaties={treaties} onReading={(reading) => update({ reading })} />}
        {!answer && !error && <Examples record={record} onPick={(c) => update({ at: [c.incident.at[0], c.incident.at[1]], date: c.incident.date, attacker: c.incident.attacker, target: c.incident.target, kind: c.incident.kind, against: c.incident.against, requested: c.incident.requestedBy?.join(',') ?? '', treaty: c.treaty, provision: '' }, 'push')} />}
        <ReportBox onUse={(patch) => update(patch, 'push')} />
      </div>
    </div>
  );
}

/** "New York (World Trade Center); also …" → "New York": the place as a short label. */
const shortPlace = (place: string) => place.split(/[(;,]/)[0]!.trim();

/** Real cases to start from, for someone who has never used Casus: a few first, the rest folded. */
function Examples({ record, onPick }: { record: readonly CaseFile[]; onPick: (c: CaseFile) => void }) {
  if (record.length === 0) return null;
  const item = (c: CaseFile) => (
    <li key={c.id}>
      <button type="button" className="link" onClick={() => onPick(c)} title={c.title}>
        {c.incident.date} · {c.incident.place ? shortPlace(c.incident.place) : c.title}
      </button>{' '}
      <small>{c.treaty.toUpperCase()}</small>
    </li>
  );
  // The seed cases first: the CSTO and Armenia, where the readings matter most.
  const first = [...record].sort((a, b) => Number(b.treaty === 'csto') - Number(a.treaty === 'csto') || b.incident.date.localeCompare(a.incident.date));
  return (
    <section className="examples" aria-labelledby="examples-heading">
      <h2 id="examples-heading">Or start from a real case</h2>
      <ul>{first.slice(0, 6).map(item)}</ul>
      <details>
        <summary>All {record.length} cases of the record</summary>
        <ul>{first.slice(6).map(item)}</ul>
      </details>
    </section>
  );
}
