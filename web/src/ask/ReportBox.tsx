/**
 * @module ReportBox
 * "Paste a report": the text goes to POST /v1/extract; each draft is listed with the words every
 * field came from, and "Use this draft" fills the Ask form (the address) for review.
 */
import { useState } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Draft, DraftField, Extraction } from '../api/types.js';
import type { AppState } from '../app/url-state.js';

interface Props {
  readonly onUse: (patch: Partial<AppState>) => void;
}

function Field<T>({ label, field, show }: { label: string; field: DraftField<T>; show: (v: T) => string }) {
  if (field.status === 'unknown')
    return (
      <li>
        <strong>{label}</strong>: <em>unknown</em> <small>({field.reason})</small>
      </li>
    );
  return (
    <li>
      <strong>{label}</strong>: {show(field.value)}{' '}
      <small>
        — {field.evidence.map((e) => `“${e.text}”`).join(', ')} ({Math.round(field.confidence * 100)}%, {field.how})
      </small>
    </li>
  );
}

function patchOf(d: Draft): Partial<AppState> {
  return {
    ...(d.date.status === 'found' ? { date: d.date.value.value } : {}),
    ...(d.place.status === 'found' ? { at: [d.place.value.at[0], d.place.value.at[1]] as const } : {}),
    attacker: d.attacker.status === 'found' ? d.attacker.value : '',
    target: d.target.status === 'found' ? d.target.value : '',
    ...(d.kind.status === 'found' ? { kind: d.kind.value } : {}),
    ...(d.against.status === 'found' ? { against: d.against.value } : {}),
  };
}

/** The paste-a-report box. */
export function ReportBox({ onUse }: Props) {
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [result, setResult] = useState<Extraction>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const read = () => {
    setError('');
    setBusy(true);
    api
      .extract(text, date || undefined)
      .then(setResult, (e: unknown) => {
        setResult(undefined);
        setError(e instanceof ApiError ? e.message : String(e));
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="report-box" aria-labelledby="report-heading">
      <h2 id="report-heading">Paste a report</h2>
      <label>
        Report text
        <textarea value={text} rows={4} onChange={(e) => setText(e.target.value)} placeholder="Azerbaijani forces shelled Jermuk overnight; Yerevan asked the CSTO for help." />
      </label>
      <label>
        Report date (for “on Tuesday”, “overnight”)
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <button type="button" onClick={read} disabled={busy || text.trim() === ''}>
        Read the report
      </button>
      {busy && <p role="status">Reading…</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && result.drafts.length === 0 && <p role="status">No incident found in this report.</p>}
      {result?.drafts.map((d) => (
        <article key={d.id} className="draft" aria-label={`Draft ${d.id}`}>
          <ul>
            <Field label="Date" field={d.date} show={(v) => (v.precision === 'day' ? v.value : `${v.from} to ${v.to} (${v.precision})`)} />
            <Field label="Place" field={d.place} show={(v) => `${v.name} (${v.at[0].toFixed(3)}, ${v.at[1].toFixed(3)})${v.ambiguous ? ` — ambiguous: also ${v.candidates.slice(1).map((c) => `${c.name}, ${c.country ?? '?'}`).join('; ')}` : ''}`} />
            <Field label="Attacker" field={d.attacker} show={(v) => v} />
            <Field label="Target" field={d.target} show={(v) => v} />
            <Field label="Kind" field={d.kind} show={(v) => v} />
            <Field label="Against" field={d.against} show={(v) => v} />
          </ul>
          <button type="button" onClick={() => onUse(patchOf(d))}>
            Use this draft
          </button>
        </article>
      ))}
    </section>
  );
}
