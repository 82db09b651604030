/**
 * @module render-case
 * Readable text for one case file (`casus cases show`) and its JSON form (`--json`).
 */
import {
  allowedEvents,
  caseLatencies,
  caseReliability,
  caseVerdict,
  caseVersion,
  stateLabel,
  type AssessIncident,
  type CaseEvent,
  type CaseFile,
  type Source,
} from '../domain/casefile/index.js';
import { renderTable } from './text-table.js';

/** One line about an event's content. */
export function describeEvent(e: CaseEvent): string {
  switch (e.type) {
    case 'incident-recorded':
      return e.note ?? '';
    case 'application-lodged':
      return `${e.by.join(', ')}${e.provision ? ` invoke${e.by.length === 1 ? 's' : ''} ${e.provision}` : ' ask'}: ${e.request}`;
    case 'consultations-convened':
      return `${e.body}${e.provision ? ` (${e.provision})` : ''}`;
    case 'decision-taken': {
      const positions = e.positions
        ? ` [${Object.entries(e.positions)
            .map(([p, v]) => `${p} ${v}`)
            .join(', ')}]`
        : '';
      return `${e.body}: ${e.outcome}${e.summary ? ` — ${e.summary}` : ''}${positions}`;
    }
    case 'mission-dispatched':
      return e.what;
    case 'assistance-provided':
      return `${e.kind}${e.forces ? `: ${e.forces}` : ''}${e.by ? ` (${e.by.join(', ')})` : ''}`;
    case 'assistance-withdrawn':
      return e.note ?? '';
    case 'application-withdrawn':
      return e.by ? `by ${e.by.join(', ')}` : '';
    case 'closed':
      return e.reason;
    case 'correction':
      return `corrects #${e.corrects}: ${e.retract ? 'retracted' : `${e.replacement?.type ?? ''} ${e.replacement ? describeEvent(e.replacement) : ''}`.trim()} — ${e.reason}`;
  }
}

/** The text shown by `casus cases show`. */
export function renderCaseFile(file: CaseFile, assess?: AssessIncident): string {
  const triggered = assess ? caseReliability(file, assess).triggered : undefined;
  const i = file.incident;
  const l = caseLatencies(file);
  const allowed = allowedEvents(file.procedure, file.state);
  const where = `${i.at[0]},${i.at[1]}${i.place ? ` (${i.place}${i.approximateKm ? `, ±${i.approximateKm} km` : ''})` : ''}`;
  const sources: Source[] = [];
  const cite = (s: readonly Source[]) =>
    s
      .map((src) => {
        let n = sources.findIndex((x) => x.url === src.url && x.title === src.title);
        if (n === -1) n = sources.push(src) - 1;
        return `[${n + 1}]`;
      })
      .join('');
  // An event a later correction replaced or retracted is marked, so the table reads as the log does.
  const correctedBy = new Map<number, number>();
  file.events.forEach((e, n) => {
    if (e.type === 'correction') correctedBy.set(e.corrects, n + 1);
  });
  const rows = file.events.map((e, n) => {
    const by = correctedBy.get(n + 1);
    const details = [describeEvent(e), cite(e.sources), by ? `(corrected by #${by})` : ''].filter(Boolean).join(' ');
    return [String(n + 1), e.date, e.type, details];
  });
  const lines = [
    `${file.id}  ${file.title}`,
    `  treaty    ${file.treaty} (${file.recordId ? `from the record: data/record/${file.treaty}/${file.recordId}.yaml` : `${file.origin} case file`})`,
    `  incident  ${i.date} ${i.attacker} → ${i.target}, ${i.kind} against ${i.against} at ${where}`,
    `  state     ${file.state} — ${stateLabel(file.procedure, file.state)} (version ${caseVersion(file)})`,
    `  next      ${allowed.length > 0 ? allowed.join(', ') : 'nothing (final state)'}`,
    '',
    renderTable(['#', 'date', 'event', 'details'], rows)
      .split('\n')
      .map((s) => `  ${s}`)
      .join('\n'),
    '',
    `  latencies ${l.steps.length > 0 ? l.steps.map((s) => `${s.from}→${s.to} ${s.days}d`).join(' · ') : 'none yet'}`,
    `  assessed  ${triggered === undefined ? 'assessment unavailable' : triggered.available ? triggered.summary : triggered.reason}`,
    `  verdict   ${caseVerdict(file, triggered?.available ? triggered.summary : undefined)}`,
  ];
  for (const e of file.events) if (e.note && e.type !== 'incident-recorded' && e.type !== 'assistance-withdrawn') lines.push(`  note (${e.type}, ${e.date}): ${e.note}`);
  if (sources.length > 0) {
    lines.push('', '  sources');
    sources.forEach((s, n) =>
      lines.push(`  [${n + 1}] ${s.title}${s.publisher ? `, ${s.publisher}` : ''}${s.date ? `, ${s.date}` : ''} <${s.url}>`),
    );
  }
  return lines.join('\n');
}
