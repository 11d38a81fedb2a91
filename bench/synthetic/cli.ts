// CLI: writes a synthetic corpus as JSONL, streamed line by line.
// tsx bench/synthetic/cli.ts --papers N --seed S --out file.jsonl [--truth truth.jsonl] [--built-in]
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { DEFAULTS, generateCorpus } from './generate.js';
import { loadVocabulary } from './vocabulary.js';

export interface WriteCorpusOptions {
  papers: number;
  seed: number | string;
  out: string;
  truth?: string;
  /** Use the built-in vocabulary even when the taxonomy exists (for reproducibility across taxonomy changes). */
  builtIn?: boolean;
}

async function write(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** Writes the corpus (and optionally the ground truth) to files; returns the number of papers. */
export async function writeCorpus(options: WriteCorpusOptions): Promise<{ papers: number; vocabulary: string }> {
  const vocabulary = loadVocabulary({ useTaxonomy: !options.builtIn });
  const out = createWriteStream(options.out);
  const truth = options.truth ? createWriteStream(options.truth) : undefined;
  let count = 0;
  for (const generated of generateCorpus({ papers: options.papers, seed: options.seed, vocabulary })) {
    await write(out, `${JSON.stringify(generated.paper)}\n`);
    if (truth) await write(truth, `${JSON.stringify({ arxivId: generated.paper.arxivId, ...generated.truth })}\n`);
    count++;
  }
  await close(out);
  if (truth) await close(truth);
  return { papers: count, vocabulary: vocabulary.origin };
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`bench/synthetic/cli: ${flag} must be a positive integer, got "${value}"`);
  }
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({
      options: {
        papers: { type: 'string', default: String(DEFAULTS.papers) },
        seed: { type: 'string', default: String(DEFAULTS.seed) },
        out: { type: 'string' },
        truth: { type: 'string' },
        'built-in': { type: 'boolean', default: false },
      },
    });
    if (!values.out) throw new Error('bench/synthetic/cli: --out <file.jsonl> is required (where to write the corpus)');
    const started = performance.now();
    const result = await writeCorpus({
      papers: positiveInt(values.papers, '--papers'),
      seed: values.seed,
      out: values.out,
      ...(values.truth ? { truth: values.truth } : {}),
      builtIn: values['built-in'],
    });
    const seconds = (performance.now() - started) / 1000;
    console.error(
      `bench/synthetic: wrote ${result.papers} papers to ${values.out} in ${seconds.toFixed(1)} s (vocabulary: ${result.vocabulary})`,
    );
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
