/**
 * @module CaseForms
 * Writing to case files through the API: open a case, append an event. Both need a token
 * (`casus token create`); the API's refusals (401, 403, 409 conflicts, invalid fields) are shown in
 * its own words, and a conflict says how to carry on.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api/client.js';
import type { CaseFile, Treaty } from '../api/types.js';
import { parseLatLon, todayIso } from '../app/url-state.js';
import { EVENT_WORDS } from './CaseTimeline.js';

const TOKEN_KEY = 'casus.token';

/** The token field, kept for the browser session only. */
export function useToken(): [string, (t: string) => void] {
  const [token, set] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  return [
    token,
    (t: string) => {
      sessionStorage.setItem(TOKEN_KEY, t);
      set(t);
    },
  ];
}

function explain(e: unknown): string {
  if (!(e instanceof ApiError)) return String(e);
  if (e.status === 401) return `Not accepted: ${e.message}. Create a token with "npx casus token create --role editor" and paste it above.`;
  if (e.status === 403) return `Not allowed: ${e.message}.`;
  if (e.status === 409) return `Someone else wrote to this case file first: ${e.message}. Reload the case to see their events, then append yours again.`;
  return e.message;
}

function Field({ label, children, id }: { label: string; children: ReactNode; id: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** The token input both forms share. */
export function TokenField({ token, onToken }: { token: string; onToken: (t: string) => void }) {
  const id = useId();
  return (
    <Field label="API token (editor or admin)" id={id}>
      <input id={id} type="password" autoComplete="off" value={token} onChange={(e) => onToken(e.target.value.trim())} placeholder="casus_…" />
    </Field>
  );
}

/** Appends one event to a case file, at the version the page shows. */
export function AppendEventForm({ file, token, onAppended }: { file: CaseFile; token: string; onAppended: (f: CaseFile) => void }) {
  const id = useId();
  const types = file.allowed.filter((t) => t !== 'incident-recorded');
  const [type, setType] = useState(types[0] ?? 'closed');
  const [date, setDate] = useState(todayIso());
  const [fields, setFields] = useState<Record<string, string>>({});
  const [sourceTitle, setSourceTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string }>();
  const set = (k: string) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));
  const text = (k: string, label: string) => (
    <Field label={label} id={`${id}-${k}`}>
      <input id={`${id}-${k}`} value={fields[k] ?? ''} onChange={set(k)} />
    </Field>
  );
  const choice = (k: string, label: string, options: readonly string[]) => (
    <Field label={label} id={`${id}-${k}`}>
      <select id={`${id}-${k}`} value={fields[k] ?? options[0]} onChange={set(k)}>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </Field>
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(undefined);
    const event: Record<string, unknown> = { type, date };
    const put = (k: string, list = false) => {
      const v = fields[k]?.trim();
      if (v) event[k] = list ? v.split(/[\s,]+/).filter(Boolean) : v;
    };
    const fieldsOf: Record<string, readonly (readonly [string, boolean])[]> = {
      'application-lodged': [['by', true], ['request', false], ['provision', false]],
      'consultations-convened': [['body', false], ['provision', false]],
      'decision-taken': [['body', false], ['summary', false]],
      'mission-dispatched': [['what', false]],
      'assistance-provided': [['forces', false], ['by', true]],
      'application-withdrawn': [['by', true]],
      closed: [['reason', false]],
    };
    for (const [k, list] of fieldsOf[type] ?? []) put(k, list);
    if (type === 'decision-taken') event.outcome = fields.outcome ?? 'statement';
    if (type === 'assistance-provided') event.kind = fields.kind ?? 'military';
    if (note.trim()) event.note = note.trim();
    if (sourceUrl.trim()) event.sources = [{ title: sourceTitle.trim() || sourceUrl.trim(), url: sourceUrl.trim() }];
    if (!token) return setMessage({ kind: 'error', text: 'A token is needed to write: create one with "npx casus token create --role editor".' });
    api.appendEvent(file.id, file.version, event, token).then(
      (f) => {
        setMessage({ kind: 'ok', text: `Appended: ${EVENT_WORDS[type] ?? type} on ${date} (version ${f.version}).` });
        onAppended(f);
      },
      (err: unknown) => setMessage({ kind: 'error', text: explain(err) }),
    );
  };

  return (
    <form className="case-form" onSubmit={submit} aria-label="Append an event">
      <h3>Append an event</h3>
      <div className="field-row">
        <Field label="Event" id={`${id}-type`}>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
            {types.map((t) => (
              <option key={t} value={t}>
                {EVENT_WORDS[t] ?? t}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Date" id={`${id}-date`}>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
      </div>
      {type === 'application-lodged' && (
        <>
          {text('by', 'By (polity ids)')}
          {text('request', 'Request')}
          {text('provision', 'Provision (art-N)')}
        </>
      )}
      {type === 'consultations-convened' && (
        <>
          {text('body', 'Body')}
          {text('provision', 'Provision (art-N)')}
        </>
      )}
      {type === 'decision-taken' && (
        <>
          {text('body', 'Body')}
          {choice('outcome', 'Outcome', ['assistance', 'mission', 'statement', 'consultations', 'declined', 'deferred', 'other'])}
          {text('summary', 'Summary')}
        </>
      )}
      {type === 'mission-dispatched' && text('what', 'What was sent')}
      {type === 'assistance-provided' && (
        <>
          {choice('kind', 'Kind of assistance', ['military', 'peacekeeping', 'equipment', 'advisers', 'other'])}
          {text('forces', 'Forces')}
          {text('by', 'By (polity ids)')}
        </>
      )}
      {type === 'application-withdrawn' && text('by', 'By (polity ids)')}
      {type === 'closed' && text('reason', 'Reason')}
      <Field label="Source title" id={`${id}-stitle`}>
        <input id={`${id}-stitle`} value={sourceTitle} onChange={(e) => setSourceTitle(e.target.value)} />
      </Field>
      <Field label="Source URL" id={`${id}-surl`}>
        <input id={`${id}-surl`} type="url" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} placeholder="https://…" />
      </Field>
      <Field label="Note" id={`${id}-note`}>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <button type="submit" className="primary">
        Append event
      </button>
      {message && (
        <p className={message.kind === 'error' ? 'error' : 'ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

/** Opens a new case file. */
export function OpenCaseForm({ treaties, token, onOpened }: { treaties: readonly Treaty[]; token: string; onOpened: (f: CaseFile) => void }) {
  const id = useId();
  const [v, setV] = useState<Record<string, string>>({ treaty: 'csto', date: todayIso(), kind: 'armed-attack', against: 'territory' });
  const [message, setMessage] = useState('');
  const set = (k: string) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const input = (k: string, label: string, placeholder = '') => (
    <Field label={label} id={`${id}-${k}`}>
      <input id={`${id}-${k}`} value={v[k] ?? ''} placeholder={placeholder} onChange={set(k)} />
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    const at = parseLatLon(v.at ?? '');
    if (!at) return setMessage('Where: expected LAT,LON in decimal degrees, e.g. 40.93,45.42.');
    if (!token) return setMessage('A token is needed to write: create one with "npx casus token create --role editor".');
    const body = {
      treaty: v.treaty,
      title: v.title ?? '',
      incident: { date: v.date, at, attacker: v.attacker ?? '', target: v.target ?? '', kind: v.kind, against: v.against },
      ...(v.note ? { note: v.note } : {}),
      ...(v.sourceUrl ? { sources: [{ title: v.sourceTitle || v.sourceUrl, url: v.sourceUrl }] } : {}),
    };
    api.openCase(body, token).then(onOpened, (err: unknown) => setMessage(explain(err)));
  };
  return (
    <form className="case-form" onSubmit={submit} aria-label="Open a case file">
      <h3>Open a case file</h3>
      <Field label="Treaty" id={`${id}-treaty`}>
        <select id={`${id}-treaty`} value={v.treaty} onChange={set('treaty')}>
          {treaties.map((t) => (
            <option key={t.id} value={t.id}>
              {t.short}
            </option>
          ))}
        </select>
      </Field>
      {input('title', 'Title', 'What happened, in one line')}
      <div className="field-row">
        <Field label="Incident date" id={`${id}-date`}>
          <input id={`${id}-date`} type="date" value={v.date} onChange={set('date')} />
        </Field>
        {input('at', 'Where (LAT,LON)', '40.93,45.42')}
      </div>
      <div className="field-row">
        {input('attacker', 'Attacker', 'AZE')}
        {input('target', 'Target', 'ARM')}
      </div>
      {input('sourceTitle', 'Source title')}
      {input('sourceUrl', 'Source URL', 'https://…')}
      {input('note', 'Note (needed when no source is given)')}
      <button type="submit" className="primary">
        Open case file
      </button>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
