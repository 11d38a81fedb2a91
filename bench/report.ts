// Prints one Markdown report from one or more results files (e.g. the ingest+API run and the
// render+db run): machine, the figures table and the goals table. `tsx bench/report.ts <files...>`
// (default: the latest full results file); --summary leaves out the rows already shown as baselines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir, toMarkdown, type Figure, type Results } from './lib/results.js';

export function mergeResults(all: Results[]): Results {
  if (all.length === 0) throw new Error('bench/report: no results files given');
  const [first] = all as [Results, ...Results[]];
  return {
    ...first,
    date: all
      .map((r) => r.date)
      .sort()
      .at(-1)!,
    figures: all.flatMap((r) => r.figures),
    goals: all.flatMap((r) => r.goals),
    notes: all.flatMap((r) => r.notes),
    failures: all.flatMap((r) => r.failures),
  };
}

/** The figures worth a README: those that are no other figure's baseline (baselines show in their column). */
export function summaryFilter(results: Results): (f: Figure) => boolean {
  const baselines = new Set(results.figures.map((f) => f.baseline).filter(Boolean));
  const detail = /requests\/s|timer gap|navigation to paint|graph size|finish \(corpus-level\)/;
  const baselineName = /driver|vis-network|UNWIND/;
  return (f) => !(baselines.has(f.key) && baselineName.test(f.name)) && !detail.test(f.name);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const short = process.argv.includes('--summary');
  let files = process.argv.slice(2).filter((a) => a !== '--summary');
  if (files.length === 0) {
    const full = readdirSync(resultsDir)
      .filter((f) => f.endsWith('.json') && !f.includes('quick'))
      .sort();
    if (!full.length) {
      console.error(`bench/report: no full results in ${resultsDir}; run npm run bench first or name the files`);
      process.exit(2);
    }
    files = [join(resultsDir, full.at(-1)!)];
  }
  const all = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Results);
  const merged = mergeResults(all);
  const m = merged.machine;
  console.log(`Machine: ${m.nproc} cores, ${m.memoryGiB} GiB RAM, ${m.cpu}, Node ${m.node}.`);
  console.log(
    `Runs: ${all.map((r) => `${r.date.slice(0, 16).replace('T', ' ')} UTC (${r.mode}, parts ${String((r.options as { parts?: string[] }).parts?.join(', '))}, load average ${r.machine.loadAverage.join(' / ')})`).join('; ')}.\n`,
  );
  console.log(toMarkdown(merged, undefined, short ? summaryFilter(merged) : undefined));
  for (const note of merged.notes) console.log(`\nnote: ${note}`);
}
