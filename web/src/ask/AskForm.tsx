/**
 * @module AskForm
 * The question: where (a click on the map, coordinates, or a place's name), when, who attacked whom,
 * what kind of attack and against what. Every control is labelled and reachable by keyboard.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { KINDS, OBJECTS, type Treaty } from '../api/types.js';
import type { AppState } from '../app/url-state.js';
import { parseLatLon } from '../app/url-state.js';
import { searchPlaces, type Place } from './places.js';

export interface Polity {
  readonly id: string;
  readonly name: string;
}

interface Props {
  readonly state: AppState;
  readonly treaties: readonly Treaty[];
  readonly polities: readonly Polity[];
  readonly places: readonly Place[];
  readonly busy: boolean;
  readonly onChange: (patch: Partial<AppState>) => void;
  readonly onAssess: (at?: readonly [number, number]) => void;
}

/** The Ask form. */
export function AskForm({ state, treaties, polities, places, busy, onChange, onAssess }: Props) {
  const id = useId();
  const [where, setWhere] = useState('');
  const [whereError, setWhereError] = useState('');
  const hits = useMemo(() => (parseLatLon(where) ? [] : searchPlaces(places, where)), [places, where]);

  const choose = (p: Place): [number, number] => {
    const at: [number, number] = [p.at[0], p.at[1]];
    onChange({ at });
    setWhere('');
    setWhereError('');
    return at;
  };
  const go = (e: FormEvent) => {
    e.preventDefault();
    let at: [number, number] | undefined;
    if (where.trim()) {
      at = parseLatLon(where);
      if (at) {
        onChange({ at });
        setWhere('');
      } else if (hits[0]) at = choose(hits[0]);
      else {
        setWhereError(`“${where}” is neither coordinates (LAT,LON in decimal degrees, latitude −90 to 90, longitude −180 to 180, e.g. 40.93,45.42) nor a place Casus knows.`);
        return;
      }
    }
    // The state update above lands after this render: hand the point over directly.
    onAssess(at);
  };

  return (
    <form className="ask" onSubmit={go} noValidate aria-label="Ask about an attack">
      <h2>Ask: what if an attack happened here?</h2>
      <div className="field">
        <label htmlFor={`${id}-where`}>Place or coordinates</label>
        <input
          id={`${id}-where`}
          value={where}
          placeholder={state.at ? `${state.at[0]}, ${state.at[1]} (click the map to change)` : 'click the map, or type Tavush, Crimea, 40.93,45.42…'}
          onChange={(e) => {
            setWhere(e.target.value);
            setWhereError('');
          }}
          aria-describedby={`${id}-where-hint`}
          aria-invalid={whereError ? true : undefined}
          autoComplete="off"
        />
        <p id={`${id}-where-hint`} className={whereError ? 'error' : 'hint'} role={whereError ? 'alert' : undefined}>
          {whereError || (state.at ? `Point: ${state.at[0]}, ${state.at[1]}` : 'No point yet: click the map.')}
        </p>
        {hits.length > 0 && (
          <ul className="suggestions" aria-label="Places">
            {hits.map((p) => (
              <li key={`${p.name}|${p.at.join(',')}`}>
                <button type="button" className="link" onClick={() => choose(p)}>
                  {p.name} <small>({p.what})</small>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <datalist id={`${id}-polities`}>
        {polities.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </datalist>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-attacker`}>Attacker</label>
          <input id={`${id}-attacker`} list={`${id}-polities`} value={state.attacker} placeholder="AZE" onChange={(e) => onChange({ attacker: e.target.value.trim() })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-target`}>Target state</label>
          <input id={`${id}-target`} list={`${id}-polities`} value={state.target} placeholder="ARM" onChange={(e) => onChange({ target: e.target.value.trim() })} />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={state.kind} onChange={(e) => onChange({ kind: e.target.value })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k.replace(/-/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-against`}>Against</label>
          <select id={`${id}-against`} value={state.against} onChange={(e) => onChange({ against: e.target.value })}>
            {OBJECTS.map((k) => (
              <option key={k} value={k}>
                {k === 'forces' ? 'armed forces' : k}
              </option>
            ))}
          </select>
        </div>
        {(state.against === 'vessel' || state.against === 'aircraft') && (
          <div className="field">
            <label htmlFor={`${id}-flag`}>Flag state</label>
            <input id={`${id}-flag`} list={`${id}-polities`} value={state.flag} placeholder="USA" onChange={(e) => onChange({ flag: e.target.value.trim() })} />
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-requested`}>Requested by (consultation clauses, optional)</label>
        <input
          id={`${id}-requested`}
          list={`${id}-polities`}
          value={state.requested}
          placeholder="POL, EST"
          aria-describedby={`${id}-requested-hint`}
          onChange={(e) => onChange({ requested: e.target.value })}
        />
        <p id={`${id}-requested-hint`} className="hint">
          The parties that asked for consultations: NATO Art. 4 and similar clauses are triggered by a party’s request.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-treaties`}>Treaties</label>
        <select id={`${id}-treaties`} value={state.treaty} onChange={(e) => onChange({ treaty: e.target.value, provision: '' })}>
          <option value="all">all encoded treaties</option>
          {treaties.map((t) => (
            <option key={t.id} value={t.id}>
              {t.short} — {t.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Assessing…' : 'Assess'}
      </button>
    </form>
  );
}
