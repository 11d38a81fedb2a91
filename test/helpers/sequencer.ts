// Orders the test files so that the default corpus is loaded as few times as possible. The e2e and
// integration files run one at a time against one Neo4j and share the loaded corpus until a file
// writes (test/helpers/corpus.ts): files that only read it run first, then those that read it and
// write, then the rest, which empty the database or start their own Neo4j. The order only saves
// loads; a file that finds the corpus changed loads it again whatever the order. Unit files keep
// Vitest's order (slowest first, which balances the two workers).
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const READS_CORPUS = /\b(useCorpusApp|corpusDatabase|startExplorer)\(/;
const STARTS_EMPTY = /load: false/;
const WRITES = /\b(emptyDatabase|freshTestDatabase|loadDefaultCorpus|ingest|importCurations)\(|writeAccess|session\('WRITE'\)/;

/** 0: only reads the shared corpus; 1: reads it, then writes; 2: does not use it. */
export function corpusRank(source: string): number {
  if (!READS_CORPUS.test(source) || STARTS_EMPTY.test(source)) return 2;
  return WRITES.test(source) ? 1 : 0;
}

export class CorpusSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const unit = sorted.filter((spec) => spec.project.name === 'unit');
    const keyed = sorted
      .filter((spec) => spec.project.name !== 'unit')
      .map((spec) => ({ spec, rank: corpusRank(readFileSync(spec.moduleId, 'utf8')) }))
      .sort((a, b) => a.rank - b.rank || a.spec.moduleId.localeCompare(b.spec.moduleId));
    return [...unit, ...keyed.map((k) => k.spec)];
  }
}
