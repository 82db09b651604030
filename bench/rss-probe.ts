// Run as its own process by bench/locate.ts: the resident memory of a process that has loaded the
// territory index and the knowledge base and answered one question, and how long that took.
import { locate } from '../src/domain/territory/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';

const started = performance.now();
const { map } = loadKnowledge();
const answer = locate(map, 55.6761, 12.5683, '2024-06-01');
process.stdout.write(JSON.stringify({ rss: process.memoryUsage().rss, ms: performance.now() - started, recognized: answer.recognized }));
