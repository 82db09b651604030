/**
 * @module AssessmentPanel
 * The answer to one question: first one line per provision under the chosen reading, then the
 * readings side by side where they disagree, where the point lies, and each finding's condition
 * tree with the article's words.
 */
import { READINGS, type Assessment, type Reading, type Treaty } from '../api/types.js';
import { ConditionTree } from './ConditionTree.js';
import { provisionLabel, provisionTitle, STATUS_WORDS } from './treaty-names.js';

interface Props {
  readonly assessment: Assessment;
  readonly reading: Reading;
  readonly treaties: readonly Treaty[];
  readonly onReading: (reading: Reading) => void;
}

const list = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? xs.join(', ') : '—');

/** The assessment, answer first. */
export function AssessmentPanel({ assessment, reading, treaties, onReading }: Props) {
  const { incident, location, findings } = assessment;
  const summary = assessment.summary ?? [];
  const disagree = summary.filter((s) => s.readingsDisagree);
  const shown = findings.filter((f) => f.reading === reading);
  return (
    <section className="assessment" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Answer</h2>
      <p className="question">
        {incident.kind} by {incident.attacker} against {incident.target} ({incident.against}) at {incident.at[0]}, {incident.at[1]} on {incident.date}
      </p>
      {summary.length === 0 && <p className="empty">No encoded provision applies to this question (no treaty names {incident.target} among its parties, or none was chosen).</p>}
      <ul className="answer-lines" aria-label="Answer by provision">
        {summary.map((s) => {
          const status = s.statuses[reading];
          return (
            <li key={`${s.treaty}/${s.provision}`} className={`answer-line status-${status ?? 'none'}`}>
              <strong>{provisionLabel(treaties, s.treaty, s.provision)}</strong>: {status ? STATUS_WORDS[status] : 'not assessed'} under the {reading} reading
              {s.defaultReading === reading ? ' (the provision’s default)' : ` (its default, ${s.defaultReading}: ${STATUS_WORDS[s.statuses[s.defaultReading] ?? 'undetermined']})`}
            </li>
          );
        })}
      </ul>

      {disagree.length > 0 && (
        <div className="readings-disagree">
          <h3>The readings disagree</h3>
          <table>
            <caption className="visually-hidden">Status of each provision under each reading</caption>
            <thead>
              <tr>
                <th scope="col">Provision</th>
                {READINGS.map((r) => (
                  <th scope="col" key={r}>
                    <button type="button" className={r === reading ? 'link current' : 'link'} aria-pressed={r === reading} onClick={() => onReading(r)}>
                      {r}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {disagree.map((s) => (
                <tr key={`${s.treaty}/${s.provision}`}>
                  <th scope="row">{provisionLabel(treaties, s.treaty, s.provision)}</th>
                  {READINGS.map((r) => {
                    const st = s.statuses[r];
                    return (
                      <td key={r} className={`status-${st ?? 'none'}`}>
                        {st ? STATUS_WORDS[st] : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Where it is, on {incident.date}</h3>
      <dl className="location">
        {READINGS.map((r) => (
          <div key={r}>
            <dt>{r}</dt>
            <dd>{location.undetermined?.includes(r) ? 'undetermined' : list(location[r])}</dd>
          </div>
        ))}
        {location.surface && (
          <div>
            <dt>surface</dt>
            <dd>{location.surface === 'territorial-sea' ? 'territorial sea (approximate: no baselines)' : location.surface}</dd>
          </div>
        )}
        <div>
          <dt>regions</dt>
          <dd>{list(location.regions)}</dd>
        </div>
      </dl>
      {location.notes?.map((n) => (
        <p key={n} className="note">
          {n}
        </p>
      ))}

      <h3>Why, under the {reading} reading</h3>
      {shown.map((f) => (
        <article key={`${f.treaty}/${f.provision}`} className={`finding status-${f.status}`} aria-label={`${provisionLabel(treaties, f.treaty, f.provision)} finding`}>
          <h4>
            {provisionLabel(treaties, f.treaty, f.provision)}
            {provisionTitle(treaties, f.treaty, f.provision) ? ` — ${provisionTitle(treaties, f.treaty, f.provision)}` : ''}:{' '}
            <span className="status">{STATUS_WORDS[f.status]}</span>
          </h4>
          {f.version?.label && <p className="version">{f.version.label}</p>}
          <ConditionTree conditions={f.conditions} />
          <dl className="finding-facts">
            {f.beneficiary && (
              <div>
                <dt>beneficiary</dt>
                <dd>{f.beneficiary}</dd>
              </div>
            )}
            <div>
              <dt>obliged</dt>
              <dd>{list(f.obliged)}</dd>
            </div>
            {f.prerequisites.length > 0 && (
              <div>
                <dt>still open</dt>
                <dd>{f.prerequisites.join('; ')}</dd>
              </div>
            )}
          </dl>
          {f.notes?.map((n) => (
            <p key={n} className="note">
              {n}
            </p>
          ))}
        </article>
      ))}
    </section>
  );
}
