/**
 * @module ReliabilityCharts
 * Per alliance, from GET /v1/reliability: how many cases triggered an obligation, how many brought
 * an application and how many ended with assistance; and per case, the days from the incident to the
 * application, the first decision and the first delivery. Every mark links to its case file.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { AllianceReliability, CaseReport } from '../api/types.js';

const caseHref = (id: string) => `?view=cases&case=${encodeURIComponent(id)}`;

function useChart(make: () => SVGSVGElement | HTMLElement, deps: readonly unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = make();
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
    // The chart is rebuilt when its data changes, nothing else.
  }, deps);
  return ref;
}

type Step = 'obligation triggered' | 'application made' | 'decision taken' | 'mission or assistance' | 'assistance delivered';
const STEPS: readonly Step[] = ['obligation triggered', 'application made', 'decision taken', 'mission or assistance', 'assistance delivered'];

/** Which steps a case reached, from its report. */
function reached(c: CaseReport): Record<Step, boolean> {
  const delivered = c.compliance.delivered;
  return {
    'obligation triggered': Boolean(c.triggered?.readings?.some((r) => r.status === 'triggered')),
    'application made': c.compliance.applied,
    'decision taken': typeof c.latencies.afterIncident.decision === 'number',
    'mission or assistance': delivered === 'mission' || delivered === 'assistance',
    'assistance delivered': delivered === 'assistance',
  };
}

/** Obligations triggered vs. applications vs. decisions vs. assistance: one column per case, a filled cell where the case reached the step. */
export function CountsChart({ alliance }: { alliance: AllianceReliability }) {
  const cells = alliance.caseReports.flatMap((c) => {
    const r = reached(c);
    return STEPS.map((step) => ({ id: c.id, column: `${c.incidentDate} ${c.id}`, step, yes: r[step] }));
  });
  const totals = new Map(STEPS.map((s) => [s, cells.filter((c) => c.step === s && c.yes).length]));
  const rowLabel = (s: Step) => `${s} (${totals.get(s)}/${alliance.caseReports.length})`;
  const ref = useChart(
    () =>
      Plot.plot({
        width: Math.max(420, 200 + 34 * alliance.caseReports.length),
        height: 240,
        marginLeft: 200,
        marginBottom: 90,
        x: { label: null, tickRotate: -50, domain: alliance.caseReports.map((c) => `${c.incidentDate} ${c.id}`), tickFormat: (d: string) => d.slice(0, 10) },
        y: { label: null, domain: STEPS.map(rowLabel) },
        marks: [
          Plot.cell(cells, {
            x: 'column',
            y: (d: { step: Step }) => rowLabel(d.step),
            fill: (d: { yes: boolean }) => (d.yes ? '#1f3a93' : '#e6e9ef'),
            inset: 2,
            href: (d: { id: string }) => caseHref(d.id),
            title: (d: { id: string; step: Step; yes: boolean }) => `${d.id}: ${d.step}: ${d.yes ? 'yes' : 'no'}`,
          }),
        ],
      }),
    [alliance],
  );
  return (
    <div
      ref={ref}
      className="chart"
      role="img"
      aria-label={`${alliance.treaty}: of ${alliance.caseReports.length} cases, ${STEPS.map((s) => `${s} in ${totals.get(s)}`).join(', ')}`}
    />
  );
}

/** Days from the incident to each step, one row per case. */
export function LatencyChart({ alliance }: { alliance: AllianceReliability }) {
  const steps = ['application', 'decision', 'delivery'] as const;
  const points = alliance.caseReports.flatMap((c) =>
    steps.flatMap((s) => {
      const d = c.latencies.afterIncident[s];
      return typeof d === 'number' ? [{ id: c.id, label: `${c.incidentDate} ${c.id}`, step: s, days: d }] : [];
    }),
  );
  const ref = useChart(
    () =>
      Plot.plot({
        width: 560,
        height: 40 + 28 * Math.max(1, alliance.caseReports.length),
        marginLeft: 260,
        x: { label: 'days after the incident', grid: true },
        y: { label: null, domain: alliance.caseReports.map((c) => `${c.incidentDate} ${c.id}`) },
        color: { legend: true, domain: [...steps], range: ['#1f3a93', '#b9770e', '#1e8449'] },
        marks: [
          Plot.dot(points, { x: 'days', y: 'label', fill: 'step', r: 5, href: (p: { id: string }) => caseHref(p.id), title: (p: { id: string; step: string; days: number }) => `${p.id}: ${p.step} after ${p.days} days` }),
          Plot.ruleX([0]),
        ],
      }),
    [alliance],
  );
  return <div ref={ref} className="chart" role="img" aria-label={`${alliance.treaty}: days from incident to application, decision and delivery, per case`} />;
}
