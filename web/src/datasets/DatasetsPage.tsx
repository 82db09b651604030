/**
 * @module DatasetsPage
 * What `casus import` stored: the datasets, and for the chosen one its summary (rows, rejects by
 * reason, events that trigger or may trigger something, per provision and reading), a map of those
 * events and the first of them as a table, each linking to its question on the Ask page.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import { READINGS, type Dataset, type DatasetFinding, type DatasetListItem, type DatasetSummary } from '../api/types.js';
import { askHref } from '../app/url-state.js';
import { DatasetMap } from './DatasetMap.js';

// Enough points for a readable map; the API pages the rest (GET /v1/datasets/{id}/findings).
const MAP_LIMIT = 5000;

const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** The Datasets page. */
export function DatasetsPage({ selected, onSelect }: { selected: string; onSelect: (id: string) => void }) {
  const [list, setList] = useState<readonly DatasetListItem[]>();
  const [listError, setListError] = useState('');
  const [dataset, setDataset] = useState<Dataset>();
  const [findings, setFindings] = useState<readonly DatasetFinding[]>();
  const [more, setMore] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    api.datasets().then((r) => setList(r.datasets), (e: unknown) => setListError(message(e)));
  }, []);

  useEffect(() => {
    setDataset(undefined);
    setFindings(undefined);
    setError('');
    if (!selected) return;
    let live = true;
    (async () => {
      const d = await api.dataset(selected);
      if (!live) return;
      setDataset(d);
      const all: DatasetFinding[] = [];
      let offset: number | null = 0;
      while (offset !== null && all.length < MAP_LIMIT && live) {
        const page = await api.datasetFindings(selected, { offset, limit: 1000 });
        all.push(...page.findings);
        offset = page.next;
      }
      if (!live) return;
      setFindings(all);
      setMore(offset !== null);
    })().catch((e: unknown) => live && setError(message(e)));
    return () => {
      live = false;
    };
  }, [selected]);

  const s = dataset?.summary;
  // One row per provision that anything triggers or leaves undetermined, a column per reading.
  const shown = new Set((s?.findings ?? []).filter((f) => f.triggered + f.undetermined > 0).map((f) => `${f.treaty.toUpperCase()} ${f.provision}`));
  const byProvision = new Map<string, Map<string, DatasetSummary['findings'][number]>>();
  for (const f of s?.findings ?? []) {
    const key = `${f.treaty.toUpperCase()} ${f.provision}`;
    if (!shown.has(key)) continue;
    const m = byProvision.get(key) ?? new Map<string, DatasetSummary['findings'][number]>();
    m.set(f.reading, f);
    byProvision.set(key, m);
  }
  const provisions = [...byProvision];
  return (
    <div className="cases-page">
      <nav className="case-list" aria-label="Datasets">
        <h2>Datasets</h2>
        {!list && !listError && <p role="status">Loading datasets…</p>}
        {listError && <p className="error" role="alert">The datasets could not be loaded: {listError}</p>}
        {list?.length === 0 && (
          <p>
            No dataset yet. Import an ACLED or UCDP GED export with <code>npx casus import FILE --format acled</code>; it is stored here.
          </p>
        )}
        {list && list.length > 0 && (
          <ul>
            {list.map((d) => (
              <li key={d.id}>
                <a
                  href={`?view=datasets&dataset=${encodeURIComponent(d.id)}`}
                  aria-current={d.id === selected ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    onSelect(d.id);
                  }}
                >
                  {d.name}
                </a>{' '}
                <small>
                  {d.format} · {d.rows.toLocaleString('en')} rows · {d.status} · {d.createdAt.slice(0, 10)}
                </small>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <div className="case-detail">
        {!selected && <p>Choose a dataset to see which of its events would oblige allies to act, and where.</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {selected && !dataset && !error && <p role="status">Loading {selected}…</p>}
        {dataset && (
          <section className="case-file" aria-labelledby="dataset-title">
            <h2 id="dataset-title">{dataset.name}</h2>
            <p>
              {dataset.format} · {dataset.status}
              {s
                ? ` · ${s.rows.toLocaleString('en')} rows, ${s.assessed.toLocaleString('en')} assessed, ${s.rejected.total.toLocaleString('en')} rejected${Object.keys(s.rejected.byReason).length > 0 ? ` (${Object.entries(s.rejected.byReason).map(([r, n]) => `${r} ${n}`).join(', ')})` : ''}`
                : ''}
            </p>
            {s && (
              <p className="verdict">
                {s.events.triggering.toLocaleString('en')} events trigger a provision under some reading; {s.events.undetermined.toLocaleString('en')} more are undetermined; the readings disagree on {s.events.readingsDisagree.toLocaleString('en')}.
              </p>
            )}
            {provisions.length > 0 && (
              <table className="cases-table">
                <caption className="visually-hidden">Events per provision, under each reading: triggered / undetermined</caption>
                <thead>
                  <tr>
                    <th scope="col">Provision</th>
                    {READINGS.map((r) => (
                      <th scope="col" key={r}>
                        {r}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {provisions.map(([key, byReading]) => (
                    <tr key={key}>
                      <th scope="row">{key}</th>
                      {READINGS.map((r) => {
                        const f = byReading.get(r);
                        return (
                          <td key={r}>
                            {f ? (
                              <>
                                <span className="status-triggered">{f.triggered} triggered</span> · <span className="status-undetermined">{f.undetermined} undetermined</span>
                              </>
                            ) : (
                              '—'
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
        {findings && (
          <>
            <DatasetMap findings={findings} />
            <p className="hint">
              {findings.length.toLocaleString('en')} findings{more ? ` (the first ${MAP_LIMIT.toLocaleString('en')}; GET /v1/datasets/${selected}/findings pages the rest)` : ''}: red where a reading triggers the provision, amber where it is only undetermined. Click a point for its
              event.
            </p>
            <table className="cases-table">
              <caption className="visually-hidden">Findings</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Event</th>
                  <th scope="col">Provision</th>
                  <th scope="col">Statuses</th>
                </tr>
              </thead>
              <tbody>
                {findings.slice(0, 100).map((f) => (
                  <tr key={`${f.line}/${f.treaty}/${f.provision}`}>
                    <td>{f.line}</td>
                    <td>
                      <a href={askHref(f, f.treaty)}>
                        {f.eventId} · {f.date} · {f.attacker} → {f.target}
                      </a>
                    </td>
                    <td>
                      {f.treaty.toUpperCase()} {f.provision}
                    </td>
                    <td>{Object.entries(f.statuses).map(([r, st]) => `${r} ${st}`).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </div>
  );
}
