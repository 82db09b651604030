/**
 * An open-loop load generator (the method of wrk2): requests are due at a constant rate, one every
 * 1/rate seconds whatever the server does, and each latency is measured from the moment the request
 * was due, so a stalled server is charged for every request that waited behind it (no coordinated
 * omission). autocannon's `overallRate` is not that: each connection spends a per-second budget as
 * fast as it can and then idles, so its latencies are those of a closed loop at full speed.
 *
 * The client is kept light so that it disturbs the server it shares the machine with as little as
 * possible: plain keep-alive sockets, one request in flight per socket, the request bytes built once,
 * and every response read into one reused buffer (no allocation per read, so no garbage collection
 * pauses of its own charged to the server).
 */
import { connect, type Socket } from 'node:net';

/** What to send, how fast, for how long. */
export interface OpenLoopOptions {
  readonly host: string;
  readonly port: number;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** One body, or several sent in turn (request i carries body i mod n). */
  readonly body?: string | readonly string[];
  readonly contentType?: string;
  /** Requests per second. */
  readonly rate: number;
  readonly seconds: number;
  /** Sockets; a due request waits in a queue when all are busy (default 64). */
  readonly connections?: number;
}

/** Latencies from the moment each request was due, in milliseconds. */
export interface OpenLoopResult {
  /** Every request's latency, in the order they were due (to pool several runs). */
  readonly latencies: Float64Array;
  readonly sent: number;
  readonly achievedRate: number;
  readonly errors: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

interface Connection {
  readonly socket: Socket;
  dead: boolean;
  /** Index of the request in flight, -1 when idle. */
  request: number;
  /** Response header bytes seen so far (headers are small; the body is only counted). */
  head: string;
  bodyLeft: number;
}

/**
 * Sends `rate × seconds` requests at a constant rate and reports latency percentiles and errors.
 * @example const r = await openLoop({ host: '127.0.0.1', port: 7711, method: 'GET', path: '/v1/health', rate: 1000, seconds: 5 })
 */
export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const total = Math.round(options.rate * options.seconds);
  const bodies = options.body === undefined ? [undefined] : typeof options.body === 'string' ? [options.body] : options.body;
  const requests = bodies.map((text) => {
    const body = text === undefined ? undefined : Buffer.from(text);
    return Buffer.concat([
      Buffer.from(
        `${options.method} ${options.path} HTTP/1.1\r\nhost: ${options.host}:${options.port}\r\nconnection: keep-alive\r\n` +
          (body ? `content-type: ${options.contentType ?? 'application/json'}\r\ncontent-length: ${body.length}\r\n` : '') +
          '\r\n',
      ),
      ...(body ? [body] : []),
    ]);
  });
  const latency = new Float64Array(total);
  const interval = 1000 / options.rate;
  const idle: Connection[] = [];
  const backlog: number[] = [];
  let start = 0;
  let sent = 0;
  let done = 0;
  let errors = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const complete = (c: Connection, ok: boolean) => {
    latency[c.request] = performance.now() - (start + c.request * interval);
    if (!ok) errors++;
    c.request = -1;
    c.head = '';
    if (++done === total) finish();
    if (c.dead) return;
    const next = backlog.shift();
    if (next !== undefined) send(c, next);
    else idle.push(c);
  };
  const send = (c: Connection, index: number) => {
    c.request = index;
    c.socket.write(requests[index % requests.length]!);
  };
  const onBytes = (c: Connection, chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length && c.request >= 0) {
      if (c.bodyLeft > 0) {
        const take = Math.min(c.bodyLeft, chunk.length - at);
        c.bodyLeft -= take;
        at += take;
        if (c.bodyLeft === 0) complete(c, true);
        continue;
      }
      const end = chunk.indexOf(HEADER_END, at);
      if (end < 0) {
        c.head += chunk.toString('latin1', at);
        return;
      }
      const head = c.head + chunk.toString('latin1', at, end);
      at = end + HEADER_END.length;
      const status = Number(head.slice(9, 12));
      const length = /\r\ncontent-length: *(\d+)/i.exec(head);
      if (!length) throw new Error(`open-loop: a response without content-length (status ${status}); only fixed-length responses are supported`);
      c.bodyLeft = Number(length[1]);
      c.head = '';
      if (status !== 200) errors++;
      if (c.bodyLeft === 0) complete(c, true);
    }
  };

  const connections = await Promise.all(
    Array.from({ length: options.connections ?? 64 }, () => {
      const readBuffer = Buffer.allocUnsafe(256 * 1024);
      return new Promise<Connection>((resolve, reject) => {
        let c: Connection | undefined;
        const socket = connect({
          host: options.host,
          port: options.port,
          noDelay: true,
          onread: { buffer: readBuffer, callback: (n) => (c && onBytes(c, readBuffer.subarray(0, n)), true) },
        });
        socket.once('connect', () => resolve((c = { socket, dead: false, request: -1, head: '', bodyLeft: 0 })));
        socket.once('error', reject);
      });
    }),
  );
  for (const c of connections) {
    c.socket.on('error', () => undefined);
    c.socket.on('close', () => {
      c.dead = true;
      idle.splice(idle.indexOf(c) >>> 0, idle.includes(c) ? 1 : 0);
      if (c.request >= 0) complete(c, false);
      // With every socket closed by the server, what is left can only fail.
      if (connections.every((x) => x.dead)) {
        errors += total - done;
        done = total;
        sent = total;
        finish();
      }
    });
    idle.push(c);
  }

  start = performance.now();
  const tick = () => {
    const now = performance.now();
    while (sent < total && start + sent * interval <= now) {
      const c = idle.pop();
      if (c) send(c, sent);
      else backlog.push(sent);
      sent++;
    }
    if (sent < total) setTimeout(tick, 0);
  };
  tick();
  await finished;
  const elapsed = (performance.now() - start) / 1000;
  for (const c of connections) c.socket.destroy();

  return { latencies: latency, sent: total, achievedRate: total / elapsed, errors, ...percentiles([latency]) };
}

/** p50, p90, p99, p99.9 and max of the latencies of one or more runs, pooled. */
export function percentiles(runs: readonly Float64Array[]): Pick<OpenLoopResult, 'p50' | 'p90' | 'p99' | 'p999' | 'max'> {
  const total = runs.reduce((n, r) => n + r.length, 0);
  const sorted = new Float64Array(total);
  let offset = 0;
  for (const r of runs) {
    sorted.set(r, offset);
    offset += r.length;
  }
  sorted.sort();
  const at = (q: number) => Math.round(sorted[Math.min(total - 1, Math.floor(q * total))]! * 100) / 100;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999), max: at(1) };
}
