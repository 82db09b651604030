/**
 * @module App
 * The shell: a header that says what Casus is, three views (Map & ask, Case files, Record), and the
 * loading and error states of what every view needs (the treaties, the countries' names).
 */
import type { FeatureCollection } from 'geojson';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Treaty } from '../api/types.js';
import { AskPage } from '../ask/AskPage.js';
import type { Polity } from '../ask/AskForm.js';
import { CasesPage } from '../cases/CasesPage.js';
import { DatasetsPage } from '../datasets/DatasetsPage.js';
import { countriesFromTopology } from '../map/map-data.js';
import { todayIso, useUrlState, type View } from './url-state.js';

// The charts library is loaded only when the Record is opened: the first view does not wait for it.
const RecordPage = lazy(() => import('../record/RecordPage.js').then((m) => ({ default: m.RecordPage })));

const VIEWS: readonly { view: View; label: string }[] = [
  { view: 'map', label: 'Map & ask' },
  { view: 'cases', label: 'Case files' },
  { view: 'record', label: 'Record' },
  { view: 'datasets', label: 'Datasets' },
];

/** The app. */
export function App() {
  const [state, update] = useUrlState();
  const [treaties, setTreaties] = useState<readonly Treaty[]>();
  const [countries, setCountries] = useState<FeatureCollection>();
  const [error, setError] = useState('');

  useEffect(() => {
    api.treaties().then(
      (r) => setTreaties(r.treaties),
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
    api.countries(todayIso(), 'coarse').then((t) => setCountries(countriesFromTopology(t)), () => undefined);
  }, []);

  const polities = useMemo<Polity[]>(() => {
    const byId = new Map<string, string>();
    for (const t of treaties ?? []) for (const p of t.parties) byId.set(p.polity, p.name);
    for (const f of countries?.features ?? []) {
      const p = f.properties as { code?: string; name?: string } | null;
      if (p?.code && p.name && !byId.has(p.code)) byId.set(p.code, p.name);
    }
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [treaties, countries]);

  useEffect(() => {
    document.title = `Casus — ${VIEWS.find((v) => v.view === state.view)?.label ?? ''}`;
  }, [state.view]);

  return (
    <>
      <header className="top">
        <div className="brand">
          <h1>Casus</h1>
          <p>Does this attack oblige anyone’s allies to act — under which treaty article, under whose reading of the border, and what did allies do last time?</p>
        </div>
        <nav aria-label="Views">
          {VIEWS.map((v) => (
            <a
              key={v.view}
              href={`?view=${v.view}`}
              aria-current={state.view === v.view ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                update({ view: v.view }, 'push');
              }}
            >
              {v.label}
            </a>
          ))}
          <a href="/docs">API</a>
        </nav>
      </header>
      <main>
        {error && (
          <p className="error" role="alert">
            Casus could not load its treaties: {error}
          </p>
        )}
        {!treaties && !error && <p role="status">Loading treaties…</p>}
        {treaties && state.view === 'map' && <AskPage state={state} update={update} treaties={treaties} polities={polities} countries={countries} />}
        {treaties && state.view === 'cases' && <CasesPage selected={state.case} treaties={treaties} onSelect={(id) => update({ case: id }, 'push')} />}
        {state.view === 'datasets' && <DatasetsPage selected={state.dataset} onSelect={(id) => update({ dataset: id }, 'push')} />}
        {treaties && state.view === 'record' && (
          <Suspense fallback={<p role="status">Loading the record…</p>}>
            <RecordPage treaties={treaties} onCase={(id) => update({ view: 'cases', case: id }, 'push')} />
          </Suspense>
        )}
      </main>
      <footer>
        Territory answers contain information from OpenStreetMap, © OpenStreetMap contributors, ODbL. Outlines: Natural Earth. Treaty texts and events carry their sources.
      </footer>
    </>
  );
}
