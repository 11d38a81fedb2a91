// The readers part of `npm run bench`: reads generated BibTeX and Atom files of growing size
// (median of a few runs) to show reader time linear in entries — entries/s per size — and reads a
// BibTeX macro bomb in a child process for its time and peak memory.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readFile } from '../../ingest/sources/index.js';
import type { FormatName } from '../../ingest/sources/types.js';
import { figureKey, formatValue, type Figure, type Goal } from '../lib/results.js';
import { median } from '../lib/stats.js';
import { atomText, bibtexText, ensureFile, macroBombText } from './corpus.js';

const PART = 'readers';
const run = promisify(execFile);

export interface ReadersBenchOptions {
  sizes: number[];
  runs: number;
  log: (line: string) => void;
}

export interface ReadersBenchResult {
  figures: Figure[];
  goals: Goal[];
  notes: string[];
}

/**
 * Reads a file once: wall-clock and CPU milliseconds, and the records and issues it gave. CPU
 * time is what shows linearity on a shared machine, where wall-clock time follows the load.
 */
export async function timeRead(path: string, format: FormatName): Promise<{ ms: number; cpuMs: number; records: number; issues: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let records = 0;
  let issues = 0;
  for await (const item of readFile(path, { format })) {
    if (item.kind === 'record') records += 1;
    else if (item.kind === 'issue') issues += 1;
  }
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, records, issues };
}

function fig(name: string, size: number | undefined, values: number[], unit: string, better: Figure['better']): Figure {
  return {
    key: figureKey(PART, name, size),
    part: PART,
    name,
    ...(size === undefined ? {} : { size }),
    value: median(values),
    unit,
    better,
    runs: values.length,
  };
}

const FORMATS: { format: FormatName; ext: string; make: (n: number) => string }[] = [
  { format: 'bibtex', ext: 'bib', make: bibtexText },
  { format: 'arxiv-atom', ext: 'xml', make: atomText },
];

/** Rate at the largest size against the smallest: 1 means perfectly linear time. */
export const LINEAR_ENOUGH = 0.75;

export async function runReadersBench(options: ReadersBenchOptions): Promise<ReadersBenchResult> {
  const figures: Figure[] = [];
  const goals: Goal[] = [];
  const notes: string[] = [];
  for (const { format, ext, make } of FORMATS) {
    const rates = new Map<number, number>();
    for (const size of options.sizes) {
      const path = ensureFile(`${format}-${size}.${ext}`, () => make(size));
      const ms: number[] = [];
      const cpuMs: number[] = [];
      for (let r = 0; r < options.runs; r++) {
        const once = await timeRead(path, format);
        if (once.records !== size || once.issues !== 0)
          notes.push(`readers: ${format} ${size}: ${once.records} records and ${once.issues} issues (expected ${size} and 0)`);
        ms.push(once.ms);
        cpuMs.push(once.cpuMs);
        options.log(
          `readers ${format} ${size.toLocaleString('en-US')}: ${(once.ms / 1000).toFixed(2)} s (${((size * 1000) / once.ms).toFixed(0)} entries/s), ` +
            `CPU ${(once.cpuMs / 1000).toFixed(2)} s (${((size * 1000) / once.cpuMs).toFixed(0)} entries per CPU-second)`,
        );
      }
      rates.set(size, (size * 1000) / median(cpuMs));
      figures.push(
        fig(
          `${format} read time`,
          size,
          ms.map((m) => m / 1000),
          's',
          'lower',
        ),
      );
      figures.push(
        fig(
          `${format} entries/s`,
          size,
          ms.map((m) => (size * 1000) / m),
          'entries/s',
          'higher',
        ),
      );
      figures.push(
        fig(
          `${format} entries per CPU-second`,
          size,
          cpuMs.map((m) => (size * 1000) / m),
          'entries/s',
          'higher',
        ),
      );
    }
    const small = Math.min(...options.sizes);
    const large = Math.max(...options.sizes);
    if (large > small) {
      const ratio = rates.get(large)! / rates.get(small)!;
      goals.push({
        part: PART,
        goal: `${format}: time linear in entries (entries per CPU-second at ${large.toLocaleString('en-US')} ≥ ${LINEAR_ENOUGH}× at ${small.toLocaleString('en-US')})`,
        measured: formatValue(rates.get(large)!, 'entries/CPU-s'),
        baseline: formatValue(rates.get(small)!, `entries/CPU-s at ${small.toLocaleString('en-US')}`),
        ratio: `${ratio.toFixed(2)}×`,
        met: ratio >= LINEAR_ENOUGH,
      });
    }
  }
  const bomb = await measureBomb(40, options.log);
  figures.push(fig('bibtex macro bomb (40 doubling levels) read time', undefined, [bomb.ms / 1000], 's', 'lower'));
  figures.push(fig('bibtex macro bomb (40 doubling levels) peak RSS', undefined, [bomb.maxRssMiB], 'MiB', 'lower'));
  goals.push({
    part: PART,
    goal: 'bibtex macro bomb: refused in seconds under 200 MB, the good entry kept',
    measured: `${formatValue(bomb.ms / 1000, 's')}, ${formatValue(bomb.maxRssMiB, 'MiB')}, kept ${JSON.stringify(bomb.titles)}`,
    baseline: '',
    ratio: '',
    met: bomb.maxRssMiB < 200 && bomb.titles.includes('A Good Entry'),
  });
  return { figures, goals, notes };
}

async function measureBomb(levels: number, log: (line: string) => void): Promise<{ ms: number; maxRssMiB: number; titles: string[] }> {
  const path = ensureFile(`macro-bomb-${levels}.bib`, () => macroBombText(levels));
  const script = join(import.meta.dirname, 'child.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, path], { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as { ms: number; maxRssMiB: number; titles: string[] };
  log(
    `readers macro bomb (${levels} levels): ${(result.ms / 1000).toFixed(2)} s, peak RSS ${result.maxRssMiB.toFixed(0)} MiB, kept ${JSON.stringify(result.titles)}`,
  );
  return result;
}
