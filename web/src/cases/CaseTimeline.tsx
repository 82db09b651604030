/**
 * @module CaseTimeline
 * One case file as a timeline: incident → application → consultations → decision → mission or
 * assistance → closed, each event dated, with days since the incident and its sources as links.
 */
import type { CaseEvent, CaseFile } from '../api/types.js';
import { askHref } from '../app/url-state.js';

const EVENT_WORDS: Record<string, string> = {
  'incident-recorded': 'Incident',
  'application-lodged': 'Application lodged',
  'consultations-convened': 'Consultations convened',
  'decision-taken': 'Decision taken',
  'mission-dispatched': 'Mission dispatched',
  'assistance-provided': 'Assistance provided',
  'assistance-withdrawn': 'Assistance withdrawn',
  'application-withdrawn': 'Application withdrawn',
  closed: 'Closed',
  correction: 'Correction',
};

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

function details(e: CaseEvent): string[] {
  const out: string[] = [];
  const text = (k: string, label: string) => {
    const v = e[k];
    if (typeof v === 'string' && v) out.push(`${label}: ${v}`);
    else if (Array.isArray(v) && v.length > 0) out.push(`${label}: ${v.join(', ')}`);
  };
  text('by', 'by');
  text('provision', 'provision');
  text('request', 'request');
  text('body', 'body');
  text('outcome', 'outcome');
  text('summary', 'summary');
  text('what', 'what');
  text('kind', 'kind');
  text('forces', 'forces');
  text('reason', 'reason');
  const positions = e.positions as Record<string, string> | undefined;
  if (positions) out.push(`positions: ${Object.entries(positions).map(([p, v]) => `${p} ${v}`).join(', ')}`);
  return out;
}

/** The timeline of one case file. */
export function CaseTimeline({ file }: { file: CaseFile }) {
  const start = file.incident.date;
  return (
    <section className="case-file" aria-labelledby="case-title">
      <h2 id="case-title">{file.title}</h2>
      <p>
        <strong>{file.treaty.toUpperCase()}</strong> · {file.origin === 'record' ? 'from the record' : 'user case file'} · state: <strong>{file.stateLabel}</strong> · version {file.version}
      </p>
      <p className="verdict">{file.verdict}</p>
      <p>
        {file.incident.kind} by {file.incident.attacker} against {file.incident.target} at {file.incident.at[0]}, {file.incident.at[1]}
        {file.incident.place ? ` (${file.incident.place})` : ''} on {file.incident.date} ·{' '}
        <a href={askHref(file.incident, file.treaty)}>
          assess it on the map
        </a>
      </p>
      <ol className="timeline" aria-label="Timeline">
        {file.events.map((e, i) => (
          <li key={i} className={`event event-${e.type}`}>
            <div className="event-head">
              <time dateTime={e.date}>{e.date}</time> <span className="event-days">{i === 0 ? 'day 0' : `+${days(start, e.date)} d`}</span>{' '}
              <strong>{EVENT_WORDS[e.type] ?? e.type}</strong>
            </div>
            {details(e).map((d) => (
              <p key={d} className="event-detail">
                {d}
              </p>
            ))}
            {e.note && <p className="note">{e.note}</p>}
            {e.sources && e.sources.length > 0 && (
              <ul className="sources" aria-label="Sources">
                {e.sources.map((s) => (
                  <li key={s.url}>
                    <a href={s.url} rel="noreferrer noopener" target="_blank">
                      {s.title}
                    </a>
                    {s.publisher ? ` — ${s.publisher}` : ''}
                    {s.date ? `, ${s.date}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export { EVENT_WORDS };
