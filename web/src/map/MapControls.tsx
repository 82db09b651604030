/**
 * @module MapControls
 * The date (a picker and a slider from 1949 to today), the treaty and provision whose parties and
 * trigger zone the map shows, and the reading that colours the territories.
 */
import { useEffect, useId, useState } from 'react';
import { READINGS, type Reading, type Treaty } from '../api/types.js';
import { todayIso } from '../app/url-state.js';

interface Props {
  readonly date: string;
  readonly treaty: string;
  readonly provision: string;
  readonly reading: Reading;
  readonly treaties: readonly Treaty[];
  readonly onChange: (patch: { date?: string; treaty?: string; provision?: string; reading?: Reading }) => void;
}

const FIRST = Date.UTC(1949, 0, 1);
const DAY = 86_400_000;
const toDay = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - FIRST) / DAY);
const fromDay = (n: number) => new Date(FIRST + n * DAY).toISOString().slice(0, 10);

const READING_HINT: Record<Reading, string> = {
  recognized: 'the sovereign under prevailing international recognition',
  administered: 'who exercises control on the ground',
  claimed: 'every polity that claims it (hatched where several do)',
  delimited: 'the sovereign only where the border is settled by agreement (hatched where undetermined)',
};

/** The map's controls. */
export function MapControls({ date, treaty, provision, reading, treaties, onChange }: Props) {
  const id = useId();
  const last = toDay(todayIso());
  // The slider moves a local value; the date (and with it every request) follows when it settles.
  const [slide, setSlide] = useState(toDay(date));
  useEffect(() => setSlide(toDay(date)), [date]);
  useEffect(() => {
    if (slide === toDay(date)) return;
    const t = setTimeout(() => onChange({ date: fromDay(slide) }), 250);
    return () => clearTimeout(t);
  }, [slide, date, onChange]);
  const t = treaties.find((x) => x.id === treaty);

  return (
    <div className="map-controls" role="group" aria-label="Map settings">
      <div className="field date-field">
        <label htmlFor={`${id}-date`}>Date</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          min="1949-01-01"
          max={todayIso()}
          onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && onChange({ date: e.target.value })}
        />
        <input
          type="range"
          aria-label="Date slider"
          aria-valuetext={fromDay(slide)}
          min={0}
          max={last}
          step={1}
          value={slide}
          onChange={(e) => setSlide(Number(e.target.value))}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-treaty`}>Treaty on the map</label>
        <select id={`${id}-treaty`} value={treaty} onChange={(e) => onChange({ treaty: e.target.value, provision: '' })}>
          <option value="all">none (all treaties when asking)</option>
          {treaties.map((x) => (
            <option key={x.id} value={x.id}>
              {x.short}
            </option>
          ))}
        </select>
      </div>
      {t && (
        <div className="field">
          <label htmlFor={`${id}-provision`}>Trigger zone of</label>
          <select id={`${id}-provision`} value={provision || t.provisions[0]?.id} onChange={(e) => onChange({ provision: e.target.value })}>
            {t.provisions.map((p) => (
              <option key={p.id} value={p.id}>
                Art. {p.article ?? p.id} — {p.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="readings">
        <legend>Reading of territory</legend>
        {READINGS.map((r) => (
          <label key={r} title={READING_HINT[r]}>
            <input type="radio" name={`${id}-reading`} value={r} checked={reading === r} onChange={() => onChange({ reading: r })} /> {r}
          </label>
        ))}
        <p className="hint">{READING_HINT[reading]}</p>
      </fieldset>
    </div>
  );
}
