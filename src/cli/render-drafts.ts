/**
 * @module render-drafts
 * The readable form of an extraction: each draft's fields with the quoted words they came from,
 * their offsets and confidence; unknown fields say why; with an assessment, its answer follows.
 */
import type { Field } from '../domain/extraction/index.js';
import type { LocatedDraft, ReportExtraction } from '../knowledge/index.js';
import type { Treaty } from '../domain/treaty/index.js';
import { renderAssessment } from './render-assessment.js';

function line(name: string, f: Field<unknown>, show: (v: never) => string): string {
  if (f.status === 'unknown') return `  ${name.padEnd(10)} unknown — ${f.reason}`;
  const quotes = f.evidence.map((e) => `"${e.text.length > 80 ? e.text.slice(0, 77) + '…' : e.text}" [${e.start}–${e.end}]`).join(', ');
  return `  ${name.padEnd(10)} ${show(f.value as never)}   (${f.confidence.toFixed(2)}, ${f.how}${quotes ? `: ${quotes}` : ''})`;
}

function renderDraft(d: LocatedDraft, treaties: readonly Treaty[]): string[] {
  const out = [`Draft ${d.id}`];
  out.push(line('date', d.date, (v: { value: string; precision: string; from: string; to: string }) => (v.precision === 'day' ? v.value : `${v.value} (${v.precision} ${v.from}…${v.to})`)));
  out.push(
    line('place', d.place, (v: { name: string; at: readonly [number, number]; ambiguous: boolean; candidates: readonly { name: string; country?: string }[] }) =>
      `${v.name} at ${v.at[0].toFixed(4)},${v.at[1].toFixed(4)}${v.ambiguous ? ` — ambiguous, also: ${v.candidates.slice(1).map((c) => `${c.name} (${c.country ?? '?'})`).join(', ')}` : ''}`,
    ),
  );
  for (const p of d.places.slice(1)) out.push(line('  also', p, (v: { name: string }) => v.name));
  if (d.location) out.push(`  territory  recognized ${d.location.recognized.join(', ') || '—'} · administered ${d.location.administered.join(', ') || '—'} · claimed ${d.location.claimed.join(', ') || '—'}`);
  out.push(line('attacker', d.attacker, (v: string) => v));
  out.push(line('target', d.target, (v: string) => v));
  out.push(line('kind', d.kind, (v: string) => v));
  out.push(line('against', d.against, (v: string) => v));
  if (d.application.status === 'found') out.push(line('request', d.application, (v: { by: string; date?: string }) => `by ${v.by}${v.date ? ` on ${v.date}` : ''}`));
  if (d.incident) {
    const i = d.incident;
    const flags = [`--date ${i.date}`, i.at ? `--at ${i.at[0]},${i.at[1]}` : '', i.attacker ? `--attacker ${i.attacker}` : '', i.target ? `--target ${i.target}` : '', `--kind ${i.kind}`, `--against ${i.against}`];
    out.push(`  assess:    casus assess ${flags.filter(Boolean).join(' ')}`);
  } else out.push('  assess:    not possible until a date is given');
  if (d.assessment) out.push('', ...renderAssessment(d.assessment, treaties).trimEnd().split('\n').map((l) => `    ${l}`));
  return out;
}

/** Renders an extraction for a terminal. */
export function renderDrafts(x: ReportExtraction, treaties: readonly Treaty[]): string {
  const out: string[] = [];
  out.push(x.reportDate.status === 'found' ? `Report of ${x.reportDate.value} (${x.reportDate.how})` : `Report date unknown: ${x.reportDate.reason}`);
  if (x.truncated) out.push(`Note: only the first part of the ${x.characters} characters was read.`);
  if (x.drafts.length === 0) out.push('', 'No incident found: no sentence reports an attack, incursion, strike or the like.');
  for (const d of x.drafts) out.push('', ...renderDraft(d, treaties));
  return out.join('\n') + '\n';
}
