// `npm run eval`: extracts the dev set and the default corpus in-process (as a dry-run ingest would) and
// prints precision / recall / F1 per family and the measured precision of each extractor.
// Options: --dev DIR (a directory with papers.jsonl and gold.json), --json (machine-readable output),
// --verbose (list every disagreement), --only dev|default-corpus, --half even|odd (papers by gold idx).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractFile } from './extract-file.js';
import { readGold } from './gold.js';
import { FAMILIES, evaluate, type Evaluation } from './score.js';

export const DEFAULT_DEV_DIR = 'test/fixtures/extraction-dev';
export const DEFAULT_CORPUS_FILE = 'data/papers-listing.txt';
export const DEFAULT_CORPUS_GOLD = 'test/fixtures/annotations/default-corpus.json';

export interface EvalSet {
  name: string;
  papers: string;
  gold: string;
}

export function evalSets(devDir = DEFAULT_DEV_DIR): EvalSet[] {
  return [
    { name: 'dev', papers: join(devDir, 'papers.jsonl'), gold: join(devDir, 'gold.json') },
    { name: 'default-corpus', papers: DEFAULT_CORPUS_FILE, gold: DEFAULT_CORPUS_GOLD },
  ];
}

/** Half of a set, for checking that a change moves held-out papers the same way: even or odd gold idx. */
export type Half = 'even' | 'odd';

export async function evaluateSet(set: EvalSet, half?: Half): Promise<Evaluation> {
  const gold = readGold(set.gold);
  if (half) gold.papers = gold.papers.filter((p) => p.idx % 2 === (half === 'even' ? 0 : 1));
  return evaluate(await extractFile(set.papers), gold, set.gold);
}

const pct = (x: number) => x.toFixed(2);

function table(name: string, e: Evaluation, verbose: boolean): string {
  const lines = [`${name} (${e.papers} papers)`, `  family     precision  recall   F1     (matched/predicted, hit/expected)`];
  for (const f of FAMILIES) {
    const s = e.families[f];
    if (s.papers === 0) {
      lines.push(`  ${f.padEnd(10)} not annotated`);
      continue;
    }
    lines.push(
      `  ${f.padEnd(10)} ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1).padStart(5)}   (${s.matched}/${s.predicted}, ${s.hit}/${s.expected})`,
    );
  }
  lines.push(`  summary: ${FAMILIES.map((f) => `${f}=${e.families[f].papers ? pct(e.families[f].f1) : 'n/a'}`).join(' ')}`);
  lines.push(
    '  extractor precision (raw, and smoothed (matched+1)/(predicted+2) as used for confidence; papers it helped; matches only it made):',
  );
  for (const x of e.extractors) {
    const smoothed = (x.matched + 1) / (x.predicted + 2);
    lines.push(
      `    ${`${x.family}:${x.extractor}`.padEnd(40)} ${pct(x.precision)} (${x.matched}/${x.predicted})  smoothed ${pct(smoothed)}  papers ${x.papers}  sole ${x.sole}`,
    );
  }
  if (verbose) {
    for (const f of FAMILIES) {
      for (const x of e.families[f].extra) lines.push(`  ${f} extra:   ${x}`);
      for (const x of e.families[f].missing) lines.push(`  ${f} missing: ${x}`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dev: { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      only: { type: 'string' },
      half: { type: 'string' },
    },
    allowPositionals: false,
  });
  if (values.half !== undefined && values.half !== 'even' && values.half !== 'odd')
    throw new Error(`ingest/eval: --half ${values.half}: give even or odd`);
  const sets = evalSets(values.dev).filter((s) => !values.only || s.name === values.only);
  if (sets.length === 0) throw new Error(`ingest/eval: --only ${values.only}: no such set; give dev or default-corpus`);
  const results: Record<string, Evaluation> = {};
  for (const set of sets) results[set.name] = await evaluateSet(set, values.half as Half | undefined);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  for (const [name, e] of Object.entries(results)) console.log(`${table(name, e, values.verbose === true)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  });
}
