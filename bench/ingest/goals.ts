// The ingest bench's goals, judged on the figures of the largest corpus size measured.
import { formatValue, type Goal } from '../lib/results.js';

const PART = 'ingest';

/** The goals at `size` papers; `get` reads a figure of that size by name. */
export function ingestGoals(get: (name: string) => number, size: number): Goal[] {
  const goals: Goal[] = [];
  const e2e = get('ingest CLI end to end');
  const loaderRels = get('loader relationships/s');
  const unwindRels = get('UNWIND CREATE relationships/s');
  const re = get('re-ingest of the same corpus');
  const rss = get('ingest CLI peak RSS');
  const bulkE2e = get('bulk ingest end to end');
  const bulkRate = get('bulk import records/s');
  const at = `${size.toLocaleString('en-US')} papers`;
  const scaled = size === 100_000 ? e2e : (e2e * 100_000) / size;
  goals.push({
    part: PART,
    goal: `100k papers extracted and loaded ≤ 5 min (${at}${size === 100_000 ? '' : ', scaled linearly to 100k'})`,
    measured: formatValue(e2e, 's'),
    baseline: '300 s (goal)',
    ratio: `${(scaled / 300).toFixed(2)}× the budget`,
    met: scaled <= 300,
  });
  goals.push({
    part: PART,
    goal: `loader ≥ 50,000 relationships/s (${at})`,
    measured: formatValue(loaderRels, 'rels/s'),
    baseline: formatValue(unwindRels, 'rels/s (UNWIND CREATE)'),
    ratio: `${(loaderRels / 50_000).toFixed(2)}× the goal`,
    met: loaderRels >= 50_000,
  });
  goals.push({
    part: PART,
    goal: `loader ≥ 50% of plain UNWIND rate (relationships, ${at})`,
    measured: formatValue(loaderRels, 'rels/s'),
    baseline: formatValue(unwindRels, 'rels/s'),
    ratio: `${((loaderRels / unwindRels) * 100).toFixed(0)}%`,
    met: loaderRels / unwindRels >= 0.5,
  });
  goals.push({
    part: PART,
    goal: `re-ingest no slower than the first (${at})`,
    measured: formatValue(re, 's'),
    baseline: formatValue(e2e, 's (first)'),
    ratio: `${(re / e2e).toFixed(2)}×`,
    met: re <= e2e * 1.05,
  });
  goals.push({
    part: PART,
    goal: `peak RSS of the ingest ≤ 1 GiB (${at})`,
    measured: formatValue(rss, 'MiB'),
    baseline: '1024 MiB (goal)',
    ratio: `${(rss / 1024).toFixed(2)}×`,
    met: rss <= 1024,
  });
  const bulkScaled = size === 100_000 ? bulkE2e : (bulkE2e * 100_000) / size;
  goals.push({
    part: PART,
    goal: `bulk first load of 100k papers ≤ 120 s end to end (${at}${size === 100_000 ? '' : ', scaled linearly to 100k'})`,
    measured: formatValue(bulkE2e, 's'),
    baseline: formatValue(e2e, 's (transactional)'),
    ratio: `${(bulkScaled / 120).toFixed(2)}× the budget`,
    met: bulkScaled <= 120,
  });
  goals.push({
    part: PART,
    goal: `bulk importer ≥ 100,000 records/s (${at})`,
    measured: formatValue(bulkRate, 'records/s'),
    baseline: formatValue(loaderRels, 'rels/s (transactional loader)'),
    ratio: `${(bulkRate / 100_000).toFixed(2)}× the goal`,
    met: bulkRate >= 100_000,
  });
  return goals;
}
