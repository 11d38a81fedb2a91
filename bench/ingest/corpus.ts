// The synthetic corpora the benchmarks read: generated once per size and seed into bench/corpus/
// (git-ignored) and reused, with the ingest's --dry-run --json export of each next to it.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from '../synthetic/cli.js';
import { runIngestCli } from './child.js';

export const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');
const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Newest modification time of the files under these folders of the repository (what a cached file depends on). */
function newestSource(folders: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const f of folders) walk(join(rootDir, f));
  return newest;
}

/** A cached file is fresh when it exists and is newer than the code and data it was made from. */
function fresh(path: string, folders: string[]): boolean {
  return existsSync(path) && statSync(path).mtimeMs > newestSource(folders);
}

export async function ensureCorpus(papers: number, seed: number): Promise<string> {
  mkdirSync(corpusDir, { recursive: true });
  const path = join(corpusDir, `papers-${papers}-seed${seed}.jsonl`);
  if (!fresh(path, ['bench/synthetic', 'ingest/taxonomy'])) {
    await writeCorpus({ papers, seed, out: `${path}.tmp` });
    renameSync(`${path}.tmp`, path);
  }
  return path;
}

/** The extracted graph of a corpus in the wire format (the ingest's own --dry-run --json), cached. */
export async function ensureWireGraph(corpus: string): Promise<{ path: string; ms?: number; peakRssMiB?: number }> {
  const path = corpus.replace(/\.jsonl$/, '.graph.json');
  if (
    fresh(path, ['bench/synthetic', 'ingest/taxonomy', 'ingest/extract', 'ingest/sources', 'ingest/load']) &&
    statSync(path).mtimeMs > statSync(corpus).mtimeMs
  )
    return { path };
  mkdirSync(dirname(path), { recursive: true });
  const run = await runIngestCli([corpus, '--dry-run', '--json', `${path}.tmp`], {});
  if (run.exitCode !== 0)
    throw new Error(`bench/ingest/corpus: ingest --dry-run --json of ${corpus} exited with ${run.exitCode}:\n${run.output.slice(-2000)}`);
  renameSync(`${path}.tmp`, path);
  return { path, ms: run.ms, peakRssMiB: run.peakRssMiB };
}
