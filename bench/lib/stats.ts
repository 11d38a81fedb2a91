// Statistics for the benchmarks: median (shared with bench/db-start.ts) and percentiles.
import { loadavg } from 'node:os';
import { median } from '../db-start.js';

export { median };

/** The p-th percentile (0..100) of values, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median of each numeric field over several runs of the same measurement. */
export function medianOf<T>(runs: T[], pick: (run: T) => number | undefined): number {
  const values = runs.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return values.length ? median(values) : NaN;
}

/** The 1-, 5- and 15-minute load averages as the benchmarks print them: "4.2 / 5.1 / 6.0". */
export function loadAverageText(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
}
