// Runs read-summary.child.ts in a separate Node process with a capped heap, so a test can bound
// what reading one file costs in memory (the child's peak resident set, and a crash if exceeded).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = join(import.meta.dirname, 'read-summary.child.ts');

export interface ChildSummary {
  recordCount: number;
  issueCount: number;
  /** The first 100 records ("sourceId|title") and issues. */
  records: string[];
  issues: { position: string; reason: string }[];
  maxRssMiB: number;
}

export async function readInChild(path: string, heapMiB: number): Promise<ChildSummary> {
  const { stdout } = await run(process.execPath, [`--max-old-space-size=${heapMiB}`, '--import', 'tsx', script, path], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ChildSummary;
}
