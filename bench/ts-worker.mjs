// Entry of benchmark worker threads: registers tsx in the worker, then runs the TypeScript module
// named in workerData.module (worker threads do not inherit `--import tsx`).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
