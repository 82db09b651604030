/**
 * @module RecordPage
 * What allies actually did: per alliance, obligations triggered against applications against
 * assistance delivered, latencies, and each case's verdict, linked to its timeline.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Reliability, Treaty } from '../api/types.js';
import { CountsChart, LatencyChart } from './ReliabilityCharts.js';

/** The Record page. */
export function RecordPage({ treaties, onCase }: { treaties: readonly Treaty[]; onCase: (id: string) => void }) {
  const [report, setReport] = useState<Reliability>();
  const [error, setError] = useState('');
  useEffect(() => {
    api.reliability().then(setReport, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  if (error) return <p className="error" role="alert">The record could not be loaded: {error}</p>;
  if (!report) return <p role="status">Loading the record…</p>;
  return (
    <div className="record-page">
      <h2>The record: what allies actually did</h2>
      <p className="hint">Real cases, every event dated and sourced, replayed through each treaty’s procedure. Click a mark or a case to open its timeline.</p>
      {report.alliances.map((a) => {
        const name = treaties.find((t) => t.id === a.treaty)?.short ?? a.treaty;
        const median = (k: string) => (typeof a.medianDays[k] === 'number' ? `${a.medianDays[k]} days` : '—');
        return (
          <section key={a.treaty} className="alliance" aria-labelledby={`rel-${a.treaty}`}>
            <h3 id={`rel-${a.treaty}`}>{name}</h3>
            <p>
              {a.cases} cases: obligation triggered in {a.triggered}, application made in {a.applied}, assistance delivered in {a.assistance}. Median time from the incident: application {median('application')}, decision {median('decision')}, delivery {median('delivery')}.
            </p>
            <div className="charts">
              <CountsChart alliance={a} />
              <LatencyChart alliance={a} />
            </div>
            <table className="cases-table">
              <caption className="visually-hidden">{name} cases</caption>
              <thead>
                <tr>
                  <th scope="col">Incident</th>
                  <th scope="col">Case</th>
                  <th scope="col">Verdict</th>
                </tr>
              </thead>
              <tbody>
                {a.caseReports.map((c) => (
                  <tr key={c.id}>
                    <td>{c.incidentDate}</td>
                    <td>
                      <a
                        href={`?view=cases&case=${encodeURIComponent(c.id)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          onCase(c.id);
                        }}
                      >
                        {c.title}
                      </a>
                    </td>
                    <td>{c.verdict}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
