import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBody } from './body-limit.js';

const app = new Hono();
app.use('*', limitBody(10, (c) => c.text('too large', 413)));
app.post('/', async (c) => c.text(await c.req.text()));

const post = (body: string | ReadableStream, headers: Record<string, string> = {}) =>
  app.request('/', { method: 'POST', body, headers, ...(typeof body === 'string' ? {} : { duplex: 'half' }) });

describe('limitBody', () => {
  it('decides from a declared Content-Length without reading the body', async () => {
    expect((await post('0123456789', { 'content-length': '10' })).status).toBe(200);
    expect((await post('0123456789', { 'content-length': '11' })).status).toBe(413);
    expect((await post('0123456789', { 'content-length': 'ten' })).status).toBe(413);
  });

  it('counts the bytes of a body without a Content-Length (chunked)', async () => {
    const stream = (text: string) => new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(text)), c.close()) });
    const small = await post(stream('short'));
    expect(small.status).toBe(200);
    expect(await small.text()).toBe('short');
    expect((await post(stream('much too long'))).status).toBe(413);
  });
});
