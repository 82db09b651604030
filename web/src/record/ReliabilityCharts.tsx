/**
 * @module ReliabilityCharts
 * Per alliance, from GET /v1/reliability: how many cases triggered an obligation, how many brought
 * an application and how many ended with assistance; and per case, the days from the incident to the
 * application, the first decision and the first delivery. Every mark links to its case file.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { AllianceReliability } from '../api/types.js';

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

/** Counts per alliance: cases, triggered, applied, decided, missions, assistance. */
export function CountsChart({ alliance }: { alliance: AllianceReliability }) {
  const rows = [
    { step: 'cases', n: alliance.cases },
    { step: 'obligation triggered', n: alliance.triggered },
    { step: 'application made', n: alliance.applied },
    { step: 'decision taken', n: alliance.decided },
    { step: 'mission sent', n: alliance.missions },
    { step: 'assistance delivered', n: alliance.assistance },
  ];
  const ref = useChart(
    () =>
      Plot.plot({
        width: 560,
        height: 200,
        marginLeft: 150,
        x: { label: 'cases', grid: true, ticks: Math.max(1, alliance.cases) },
        y: { label: null, domain: rows.map((r) => r.step) },
        marks: [
          Plot.barX(rows, { x: 'n', y: 'step', fill: '#1f3a93', href: () => `?view=cases&treaty=${alliance.treaty}`, title: (r: { step: string; n: number }) => `${r.n} ${r.step}` }),
          Plot.text(rows, { x: 'n', y: 'step', text: 'n', dx: 8, textAnchor: 'start' }),
          Plot.ruleX([0]),
        ],
      }),
    [alliance],
  );
  return <div ref={ref} className="chart" role="img" aria-label={`${alliance.treaty}: ${rows.map((r) => `${r.n} ${r.step}`).join(', ')}`} />;
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
