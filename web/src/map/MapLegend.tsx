/**
 * @module MapLegend
 * What the map shows on the date, in words: the treaty's parties and their standing, the trigger
 * zone's state, and the status overlays in force with their readings and dates.
 */
import type { OverlayProperties, Reading, Treaty } from '../api/types.js';
import type { Standing } from './membership.js';

interface Props {
  readonly date: string;
  readonly reading: Reading;
  readonly treaty: Treaty | undefined;
  readonly standings: readonly Standing[];
  readonly zoneStatus: string;
  readonly overlays: readonly OverlayProperties[];
}

/** The legend. */
export function MapLegend({ date, reading, treaty, standings, zoneStatus, overlays }: Props) {
  const bound = standings.filter((s) => s.status === 'member');
  const apart = standings.filter((s) => s.status !== 'member');
  return (
    <aside className="legend" aria-label="Legend">
      {treaty ? (
        <section>
          <h3>
            {treaty.short} on {date}
          </h3>
          <p>
            <span className="swatch swatch-member" aria-hidden="true" /> {bound.length} parties
            {apart.length > 0 && (
              <>
                {' '}
                · <span className="swatch swatch-frozen" aria-hidden="true" /> {apart.map((s) => `${s.name} (${s.status} since ${s.from})`).join(', ')}
              </>
            )}
          </p>
          <details>
            <summary>Parties</summary>
            <p className="parties">{bound.map((s) => s.name).join(', ') || 'none on this date'}</p>
          </details>
          <p>
            <span className="swatch swatch-zone" aria-hidden="true" /> {zoneStatus}
          </p>
        </section>
      ) : (
        <p>Pick a treaty to see its parties and where it would trigger.</p>
      )}
      {reading === 'delimited' && (
        <section>
          <p>
            <span className="swatch swatch-undelimited" aria-hidden="true" /> Borders not delimited by agreement on {date}: near them the delimited reading is undetermined.{' '}
            <span className="swatch swatch-section" aria-hidden="true" /> Sections already delimited.
          </p>
        </section>
      )}
      <section>
        <p className="hint">
          Disputed and occupied areas are coloured by the {reading} reading and labelled when zoomed in; hover one on the map for its details.
        </p>
        {/* Folded: 40-odd lines would push the question and its answer off a phone's screen. */}
        <details className="overlay-details">
          <summary>
            Disputed and occupied areas on {date} ({overlays.length})
          </summary>
          <ul className="overlay-list" aria-label="Status overlays in force">
            {overlays.map((o) => (
              <li key={o.id} data-overlay={o.id}>
                <strong>{o.name}</strong> <small>since {o.from}{o.to ? `, until ${o.to}` : ''}</small>: {reading} {o[reading] || '—'}
              </li>
            ))}
          </ul>
        </details>
      </section>
    </aside>
  );
}
