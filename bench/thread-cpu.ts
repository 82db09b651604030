/**
 * CPU time per thread of another process, from Linux's /proc/<pid>/task/<tid>/{stat,schedstat}: a
 * figure that queueing noise does not move, unlike a latency percentile on a shared two-core machine.
 * Elsewhere (no /proc) it returns undefined and the bench prints no CPU line.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** One thread's CPU so far: on-CPU time from the scheduler, user and kernel time from stat. */
export interface ThreadCpu {
  readonly runMs: number;
  readonly userMs: number;
  readonly kernelMs: number;
}

// utime and stime are in clock ticks; Linux reports them at 100 per second (USER_HZ) on every
// architecture Node supports.
const TICK_MS = 10;

/** Every thread of `pid` with its CPU so far, by thread id (the main thread's id is `pid`). */
export function threadCpu(pid: number): Map<number, ThreadCpu> | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  const out = new Map<number, ThreadCpu>();
  for (const tid of tids) {
    try {
      const run = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
      // Fields after the command name, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), { runMs: run, userMs: Number(fields[11]) * TICK_MS, kernelMs: Number(fields[12]) * TICK_MS });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

/** CPU spent between two readings of the same process: the main thread, and all other threads summed. */
export interface CpuSpent {
  readonly main: ThreadCpu;
  readonly others: ThreadCpu;
  /** The busiest thread other than the main one (the assessment worker, under assessment load). */
  readonly busiestOther: ThreadCpu;
}

/** The CPU spent by `pid`'s threads from `before` to `after`. */
export function cpuSpent(pid: number, before: Map<number, ThreadCpu>, after: Map<number, ThreadCpu>): CpuSpent {
  const zero: ThreadCpu = { runMs: 0, userMs: 0, kernelMs: 0 };
  const diff = (tid: number): ThreadCpu => {
    const a = after.get(tid) ?? zero;
    const b = before.get(tid) ?? zero;
    return { runMs: a.runMs - b.runMs, userMs: a.userMs - b.userMs, kernelMs: a.kernelMs - b.kernelMs };
  };
  let others = zero;
  let busiestOther = zero;
  for (const tid of after.keys()) {
    if (tid === pid) continue;
    const d = diff(tid);
    others = { runMs: others.runMs + d.runMs, userMs: others.userMs + d.userMs, kernelMs: others.kernelMs + d.kernelMs };
    if (d.runMs > busiestOther.runMs) busiestOther = d;
  }
  return { main: diff(pid), others, busiestOther };
}
