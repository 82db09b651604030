/**
 * @module render-assessment
 * The readable form of an assessment: the answer first, then each finding's conditions as a tree
 * with ✓ ✗ ?, the words of the article each comes from, and where readings disagree.
 */
import type { Assessment, Finding } from '../domain/assessment/index.js';
import type { Treaty } from '../domain/treaty/index.js';

const MARK = { true: '✓', false: '✗', unknown: '?' } as const;
const STATUS = { triggered: 'TRIGGERED', 'not-triggered': 'not triggered', undetermined: 'UNDETERMINED' } as const;

/** Renders `a` for a terminal. */
export function renderAssessment(a: Assessment, treaties: readonly Treaty[]): string {
  const out: string[] = [];
  const i = a.incident;
  const where = i.at ? `at ${i.at[0]},${i.at[1]}` : 'at an unknown location';
  out.push(`${i.kind} by ${i.attacker ?? 'an unknown attacker'} against ${i.target ?? 'an unknown target'} (${i.against}) ${where} on ${i.date}`);
  // The answer first (issue 3), then where the place is, then each finding's reasons.
  out.push('');
  out.push('Answer:');
  for (const s of a.summary) {
    const t = treaties.find((x) => x.id === s.treaty);
    const name = `${t?.short ?? s.treaty} ${s.provision}`;
    const byReading = Object.entries(s.statuses).map(([r, st]) => `${r}: ${STATUS[st]}`).join(' · ');
    out.push(`  ${name.padEnd(14)} ${byReading}`);
    if (s.readingsDisagree) out.push(`  ${''.padEnd(14)} ↳ the readings disagree; the treaty's default reading is ${s.defaultReading}`);
  }
  if (a.location) {
    const l = a.location;
    const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : '—');
    out.push('');
    out.push(
      `Location: recognized ${list(l.recognized)} · administered ${list(l.administered)} · claimed ${list(l.claimed)} · delimited ${l.undetermined.includes('delimited') ? 'unknown' : list(l.delimited)}${l.surface === 'land' ? '' : ` · ${l.surface}`} · regions ${list(l.regions)}`,
    );
    for (const note of l.notes) out.push(`  note: ${note}`);
  }
  for (const s of a.summary) {
    const t = treaties.find((x) => x.id === s.treaty);
    const findings = a.findings.filter((f) => f.treaty === s.treaty && f.provision === s.provision);
    out.push('');
    const provision = t?.provisions.find((p) => p.id === s.provision);
    out.push(`${t?.short ?? s.treaty} Article ${provision?.article ?? s.provision} — ${provision?.title ?? ''}`.trimEnd());
    // Readings that reach the same result for the same reasons are shown once.
    const groups = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = JSON.stringify([f.status, f.version.label, f.conditions.map((c) => [c.result, c.reason.replaceAll(f.reading, '')]), f.obliged, f.prerequisites]);
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const group of groups.values()) {
      const f = group[0]!;
      const obligation = provision?.versions.find((v) => v.from === f.version.from)?.obligation;
      out.push(...renderFinding(f, group, obligation));
    }
  }
  return out.join('\n') + '\n';
}

function renderFinding(f: Finding, same: readonly Finding[], obligation: string | undefined): string[] {
  const readings = same.map((x) => `${x.reading}${x.defaultReading ? ' (default)' : ''}`).join(', ');
  const lines = [`  [${readings}] ${STATUS[f.status]} — ${f.version.label}`];
  f.conditions.forEach((c, k) => {
    const last = k === f.conditions.length - 1;
    const reason = same.length > 1 ? c.reason.replaceAll(`the ${f.reading} reading`, 'each of these readings') : c.reason;
    lines.push(`    ${last ? '└─' : '├─'} ${MARK[c.result]} ${c.id}: ${reason}`);
    if (c.words) lines.push(`    ${last ? '  ' : '│ '}     “${c.words}” (${c.cites.file}:${c.cites.line})`);
  });
  if (f.status !== 'not-triggered') {
    if (f.beneficiary) lines.push(`    beneficiary ${f.beneficiary}; obliged ${f.obliged.length ? f.obliged.join(', ') : 'none'}`);
    if (f.beneficiary && obligation) lines.push(`    obligation: ${obligation}`);
    if (f.prerequisites.length) lines.push(`    still open: ${f.prerequisites.join('; ')}`);
  }
  for (const n of f.notes) lines.push(`    note: ${n}`);
  return lines;
}
