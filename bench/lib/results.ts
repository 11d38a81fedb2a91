// Benchmark results: figures (each a median over runs, optionally against a baseline from the same
// run), goals, the machine they came from; written to bench/results/<date>.json, printed as Markdown,
// and compared with the previous results file (regression view).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

export interface Figure {
  /** Stable key used to compare runs: "<part>.<name>@<size>". */
  key: string;
  part: string;
  name: string;
  size?: number;
  value: number;
  unit: string;
  better: 'higher' | 'lower';
  runs: number;
  /** Key of the figure this one is compared with (same run). */
  baseline?: string;
}

export interface Goal {
  part: string;
  goal: string;
  measured: string;
  baseline: string;
  ratio: string;
  met: boolean | undefined;
  /** What limits it when missed. */
  note?: string;
}

export interface Machine {
  nproc: number;
  memoryGiB: number;
  cpu: string;
  node: string;
  loadAverage: number[];
}

export interface Results {
  date: string;
  mode: 'quick' | 'full';
  options: Record<string, unknown>;
  machine: Machine;
  figures: Figure[];
  goals: Goal[];
  notes: string[];
  /** A failed check (such as a label scan in an API query) makes the whole bench fail. */
  failures: string[];
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    nproc: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpu,
    node: process.version,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function figureKey(part: string, name: string, size?: number): string {
  return `${part}.${name}${size === undefined ? '' : `@${size}`}`;
}

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${unit}`.trim();
}

/** The latest results file other than `exclude`, by name (names sort by date and time). */
export function previousResults(exclude?: string): Results | undefined {
  if (!existsSync(resultsDir)) return undefined;
  const files = readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json') && join(resultsDir, f) !== exclude)
    .sort();
  const last = files[files.length - 1];
  if (!last) return undefined;
  try {
    return JSON.parse(readFileSync(join(resultsDir, last), 'utf8')) as Results;
  } catch {
    return undefined;
  }
}

export function resultsPath(date: Date, mode: 'quick' | 'full'): string {
  const stamp = date.toISOString().slice(0, 16).replace(':', '');
  return join(resultsDir, `${stamp}${mode === 'quick' ? '-quick' : ''}.json`);
}

export function writeResults(results: Results, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

function change(current: Figure, previous: Figure | undefined): string {
  if (!previous || !Number.isFinite(previous.value) || !Number.isFinite(current.value) || previous.value === 0) return '';
  const pct = ((current.value - previous.value) / Math.abs(previous.value)) * 100;
  const good = current.better === 'higher' ? pct >= 0 : pct <= 0;
  const sign = pct >= 0 ? '+' : '';
  return `${sign}${pct.toFixed(0)}%${Math.abs(pct) >= 10 ? (good ? ' (better)' : ' (worse)') : ''}`;
}

/** Markdown: the figures with their baseline and ratio (and change against `previous`), then the goals. */
export function toMarkdown(results: Results, previous?: Results, only: (f: Figure) => boolean = () => true): string {
  const byKey = new Map(results.figures.map((f) => [f.key, f]));
  const before = new Map((previous?.figures ?? []).map((f) => [f.key, f]));
  const lines: string[] = [];
  const sizeText = (f: Figure) => (f.size === undefined ? '' : f.size.toLocaleString('en-US'));
  lines.push(`| part | figure | size | median | baseline | ratio | runs |${previous ? ' vs previous |' : ''}`);
  lines.push(`| --- | --- | ---: | ---: | ---: | ---: | ---: |${previous ? ' ---: |' : ''}`);
  for (const f of results.figures.filter(only)) {
    const base = f.baseline ? byKey.get(f.baseline) : undefined;
    const ratio =
      base && Number.isFinite(base.value) && base.value !== 0 && Number.isFinite(f.value) ? `${(f.value / base.value).toFixed(2)}×` : '';
    const baseText = base ? `${formatValue(base.value, base.unit)} (${base.name})` : '';
    lines.push(
      `| ${f.part} | ${f.name} | ${sizeText(f)} | ${formatValue(f.value, f.unit)} | ${baseText} | ${ratio} | ${f.runs} |${previous ? ` ${change(f, before.get(f.key))} |` : ''}`,
    );
  }
  if (results.goals.length) {
    lines.push('', '| part | goal | measured (median) | baseline | ratio | met |', '| --- | --- | ---: | ---: | ---: | :---: |');
    for (const g of results.goals) {
      lines.push(
        `| ${g.part} | ${g.goal} | ${g.measured} | ${g.baseline} | ${g.ratio} | ${g.met === undefined ? 'n/a' : g.met ? 'yes' : 'no'} |`,
      );
    }
  }
  return lines.join('\n');
}
