// Writes docs/treaty-comparison.md from data/treaties (npm run docs:treaties); a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderTreatyComparison } from '../src/domain/treaty/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';

const file = resolve(import.meta.dirname, '../docs/treaty-comparison.md');
writeFileSync(file, renderTreatyComparison(loadKnowledge().treaties));
process.stdout.write(`wrote ${file}\n`);
