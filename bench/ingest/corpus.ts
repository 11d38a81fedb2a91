// The synthetic corpora the benchmarks read: generated once per size and seed into bench/corpus/
// (git-ignored) and reused, with the ingest's --dry-run --json export of each next to it.
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from '../../ingest/synthetic/cli.js';
import { runIngestCli } from './child.js';

export const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');

export async function ensureCorpus(papers: number, seed: number): Promise<string> {
  mkdirSync(corpusDir, { recursive: true });
  const path = join(corpusDir, `papers-${papers}-seed${seed}.jsonl`);
  if (!existsSync(path)) {
    await writeCorpus({ papers, seed, out: `${path}.tmp` });
    renameSync(`${path}.tmp`, path);
  }
  return path;
}

/** The extracted graph of a corpus in the wire format (the ingest's own --dry-run --json), cached. */
export async function ensureWireGraph(corpus: string): Promise<{ path: string; ms?: number; peakRssMiB?: number }> {
  const path = corpus.replace(/\.jsonl$/, '.graph.json');
  if (existsSync(path)) return { path };
  mkdirSync(dirname(path), { recursive: true });
  const run = await runIngestCli([corpus, '--dry-run', '--json', `${path}.tmp`], {});
  if (run.exitCode !== 0) throw new Error(`bench/ingest/corpus: ingest --dry-run --json of ${corpus} exited with ${run.exitCode}:\n${run.output.slice(-2000)}`);
  renameSync(`${path}.tmp`, path);
  return { path, ms: run.ms, peakRssMiB: run.peakRssMiB };
}
