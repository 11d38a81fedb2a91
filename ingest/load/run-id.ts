// Ingest run ids: the UTC start time to the second and a random suffix, e.g. "20261201T204512Z-3fa9";
// no spaces (run keys on nodes are "<run> <key>").
import { randomBytes } from 'node:crypto';

export function newRunId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

export const RUN_ID = /^\d{8}T\d{6}Z-[0-9a-f]{4}$/;
