// Entry of every extraction worker: Node 20 loads a worker's first module before any --import hook
// applies, so this plain module registers tsx (TypeScript sources) and then imports the worker itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
