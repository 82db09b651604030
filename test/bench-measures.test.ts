// The bench's own measuring tools: what they report must be right, or its figures mean nothing.
import { describe, expect, it } from 'vitest';
import { percentiles } from '../bench/open-loop.js';
import { cpuSpent, threadCpu } from '../bench/thread-cpu.js';

describe('percentiles', () => {
  it('pools several runs before taking the percentiles', () => {
    const a = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    const b = Float64Array.from({ length: 100 }, () => 1000);
    expect(percentiles([a]).p99).toBe(100);
    expect(percentiles([a]).p50).toBe(51);
    // Pooled, the slow run's requests are half of all: the p50 falls on its first.
    const pooled = percentiles([a, b]);
    expect(pooled.p50).toBe(1000);
    expect(pooled.max).toBe(1000);
    expect(percentiles([a, a]).p99).toBe(100);
  });
});

describe.runIf(process.platform === 'linux')('threadCpu and cpuSpent', () => {
  it('see the CPU this process spends, on its main thread', () => {
    const before = threadCpu(process.pid)!;
    // Spin until this process has used 60 ms of CPU (not of wall time: on a busy machine the thread
    // may run for only part of any wall-clock interval), with a 10 s cap.
    const start = process.cpuUsage();
    const cap = performance.now() + 10_000;
    let x = 0;
    const used = () => {
      const u = process.cpuUsage(start);
      return (u.user + u.system) / 1000;
    };
    while (used() < 60 && performance.now() < cap) for (let i = 0; i < 10_000; i++) x += Math.sqrt(x + 1);
    const after = threadCpu(process.pid)!;
    const spent = cpuSpent(process.pid, before, after);
    expect(x).toBeGreaterThan(0);
    expect(spent.main.runMs).toBeGreaterThan(40);
    expect(spent.main.runMs).toBeLessThan(2000);
    expect(spent.others.runMs).toBeGreaterThanOrEqual(0);
  });

  it('answers undefined for a process that does not exist', () => {
    expect(threadCpu(2 ** 30)).toBeUndefined();
  });
});
