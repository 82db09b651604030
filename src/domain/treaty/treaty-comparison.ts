/**
 * @module treaty-comparison
 * The trigger clauses of the encoded treaties side by side, rendered as Markdown from the treaty
 * files themselves (docs/treaty-comparison.md is this function's output, checked by a test), so the
 * page cannot say something the data does not.
 */
import type { Condition, Provision, ProvisionVersion, Treaty } from './treaty.js';

/** The column a condition belongs to, by what its expression reads. */
type Column = 'protected' | 'where' | 'against' | 'decides';

// A condition goes to the first column whose names its expression reads: a request decides; place
// facts say where; the kind of incident or the attacker say against what; the party lists say who.
const COLUMN_RULES: readonly [Column, RegExp][] = [
  ['decides', /\brequestedBy\b/],
  ['where', /\bterritory\b|\bregions\b|incident\.against|incident\.flag/],
  ['against', /incident\.kind|incident\.attacker/],
  ['protected', /\bparties\b/],
];

/** The column of one condition (conditions reading none of the names are shown as "other"). */
export function conditionColumn(expr: string): Column | 'other' {
  for (const [column, rule] of COLUMN_RULES) if (rule.test(expr)) return column;
  return 'other';
}

/**
 * The comparison page for `treaties`, deterministic in its input (no date of generation: the page
 * changes only when the treaty files do).
 * @example renderTreatyComparison(knowledge.treaties).startsWith('# The trigger clauses compared') // true
 */
export function renderTreatyComparison(treaties: readonly Treaty[]): string {
  const sorted = [...treaties].sort((a, b) => a.id.localeCompare(b.id));
  const lines: string[] = [
    '# The trigger clauses compared',
    '',
    '<!-- Generated from data/treaties/*.yaml by `npm run docs:treaties`; do not edit by hand (a test fails when this page differs from the generated one). -->',
    '',
    'One row per encoded provision, from the text in force last (its date is given). Each cell quotes',
    'the words of the article that the conditions encode — who is protected, where, against what —',
    "and, from the file's own fields, who decides and what follows. The encoding choices behind the",
    'conditions are explained in [treaties.md](treaties.md); the format in [treaty-format.md](treaty-format.md).',
    '',
    '| treaty | article | who is protected | where | against what | who decides | what follows |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const treaty of sorted)
    for (const provision of treaty.provisions) {
      if (provision.kind === 'scope') continue;
      lines.push(row(treaty, provision, latest(provision)));
    }
  lines.push('', '## The treaties', '');
  lines.push('| treaty | signed | in force | parties (open periods) | default readings | provisions |', '|---|---|---|---|---|---|');
  for (const treaty of sorted) {
    const open = treaty.parties.filter((p) => p.periods.some((x) => x.to === undefined)).map((p) => {
      const last = p.periods.find((x) => x.to === undefined)!;
      const notes = [...(last.status === 'member' ? [] : [last.status]), ...(last.suspendedWith?.length ? [`obligations with ${last.suspendedWith.join(', ')} suspended`] : [])];
      return notes.length === 0 ? p.polity : `${p.polity} (${notes.join('; ')})`;
    });
    const readings = [...new Set(treaty.provisions.map((p) => p.defaultReading))].join(', ');
    const provisions = treaty.provisions.map((p) => `\`${p.id}\` (${p.kind})`).join(', ');
    lines.push(`| \`${treaty.id}\` ${cell(treaty.short)} | ${treaty.signed} | ${treaty.inForce} | ${open.length}: ${open.join(', ')} | ${readings} | ${provisions} |`);
  }
  lines.push('');
  return lines.join('\n');
}

function latest(provision: Provision): ProvisionVersion {
  return provision.versions.reduce((a, v) => (v.from > a.from ? v : a));
}

function row(treaty: Treaty, provision: Provision, version: ProvisionVersion): string {
  const by: Record<Column | 'other', Condition[]> = { protected: [], where: [], against: [], decides: [], other: [] };
  for (const c of version.conditions) by[conditionColumn(c.expr)].push(c);
  const quote = (cs: readonly Condition[], none: string) => (cs.length === 0 ? none : cs.map((c) => `“${c.words}”`).join('; '));
  const decides = [
    ...by.decides.map((c) => `a party's request: “${c.words}”`),
    ...version.prerequisites.map((p) => p.replace(/\{(\w+)\}/g, 'the $1')),
  ];
  const follows = `${version.obligation ?? '—'} (obliges: ${version.obliges})`;
  const label = version.label === undefined ? '' : ` (${version.label})`;
  const translation = version.translation === 'original' ? '' : `, ${version.translation} translation`;
  const article = `${provision.article} — ${provision.title}; text from ${version.from}${label}${translation}`;
  return [
    `\`${treaty.id}\``,
    `\`${provision.id}\` ${article}`,
    quote(by.protected, 'any party'),
    quote(by.where, 'no territorial condition'),
    quote([...by.against, ...by.other], 'no condition on the kind of incident'),
    decides.length === 0 ? '—' : decides.join('; '),
    follows,
  ]
    .map(cell)
    .join(' | ')
    .replace(/^/, '| ')
    .concat(' |');
}

/** A table cell: one line, pipes escaped. */
function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}
