// Unit tests of the synthetic corpus generator: deterministic from a seed, the shapes the ingest
// reads, and the distributions the benchmarks rely on (Zipf reuse, BUILDS_ON depth, code share, years).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/synthetic/cli.js';
import { generateCorpus, type GeneratedPaper } from '../../bench/synthetic/generate.js';
import { Random, Zipf } from '../../bench/synthetic/random.js';
import { loadVocabulary, readTaxonomyTerms } from '../../bench/synthetic/vocabulary.js';

const vocabulary = loadVocabulary({ useTaxonomy: false });
const corpus = (papers: number, seed: number | string = 7): GeneratedPaper[] => [...generateCorpus({ papers, seed, vocabulary })];

describe('bench/synthetic/random', () => {
  describe('#Random', () => {
    it('should give the same sequence for the same seed and another for another seed', () => {
      const seq = (seed: number) => {
        const r = new Random(seed);
        return Array.from({ length: 5 }, () => r.next());
      };
      expect(seq(1)).toEqual(seq(1));
      expect(seq(1)).not.toEqual(seq(2));
      for (const x of seq(3)) expect(x >= 0 && x < 1).toBe(true);
    });
  });

  describe('#Zipf', () => {
    it('should sample rank 1 about twice as often as rank 2 when s = 1', () => {
      const zipf = new Zipf(100, 1);
      const random = new Random('zipf');
      const counts = new Array<number>(100).fill(0);
      for (let i = 0; i < 50_000; i++) counts[zipf.sample(random)]!++;
      const ratio = counts[0]! / counts[1]!;
      expect(ratio).toBeGreaterThan(1.8);
      expect(ratio).toBeLessThan(2.2);
      expect(counts[0]!).toBeGreaterThan(counts[9]! * 8);
    });
  });
});

describe('bench/synthetic/generate', () => {
  describe('#generateCorpus', () => {
    it('should be deterministic from the seed', () => {
      expect(corpus(300, 42)).toEqual(corpus(300, 42));
      expect(corpus(300, 42).map((p) => p.paper.title)).not.toEqual(corpus(300, 43).map((p) => p.paper.title));
    });

    it('should produce N papers in the JSONL shape the ingest reads', () => {
      const papers = corpus(500);
      expect(papers).toHaveLength(500);
      for (const { paper } of papers) {
        expect(Object.keys(paper).sort()).toEqual(expect.arrayContaining(['abstract', 'arxivId', 'authors', 'title', 'year']));
        expect(paper.title.length).toBeGreaterThan(10);
        expect(paper.abstract.split(/(?<=\.)\s/).length).toBeGreaterThanOrEqual(5);
        expect(paper.arxivId).toMatch(/^\d{4}\.\d{5}$/);
        expect(paper.authors.length).toBeGreaterThanOrEqual(1);
        for (const url of paper.code ?? [])
          expect(url).toMatch(/^https:\/\/(github\.com|gitlab\.com|huggingface\.co)\/[a-z0-9-]+\/[a-z0-9-]+$/);
      }
      expect(new Set(papers.map((p) => p.paper.arxivId)).size).toBe(500);
      expect(new Set(papers.map((p) => p.paper.title.toLowerCase())).size).toBe(500);
    });

    it('should spread papers over a decade, more of them in later years, in time order', () => {
      const years = corpus(2000).map((p) => p.paper.year);
      expect(Math.min(...years)).toBe(2015);
      expect(Math.max(...years)).toBe(2024);
      expect(new Set(years).size).toBe(10);
      expect(years.filter((y) => y === 2024).length).toBeGreaterThan(years.filter((y) => y === 2015).length * 3);
      expect([...years].sort()).toEqual(years);
    });

    it('should give code URLs to about 35% of papers', () => {
      const papers = corpus(4000);
      const share = papers.filter((p) => p.paper.code).length / papers.length;
      expect(share).toBeGreaterThan(0.3);
      expect(share).toBeLessThan(0.4);
      const inAbstract = papers.find((p) => p.truth.codeInAbstract)!;
      expect(inAbstract.paper.abstract).toContain(`Code is available at ${inAbstract.paper.code![0]}.`);
    });

    it('should reuse datasets and methods with a heavy (Zipf) tail', () => {
      const counts = new Map<string, number>();
      for (const { truth } of corpus(5000)) for (const d of truth.datasets) counts.set(d, (counts.get(d) ?? 0) + 1);
      const sorted = [...counts.values()].sort((a, b) => b - a);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      expect(sorted[0]!).toBeGreaterThan(median * 10);
      // log-log slope between rank 1 and rank 10 close to -s (1.1)
      const slope = Math.log(sorted[9]! / sorted[0]!) / Math.log(10);
      expect(slope).toBeLessThan(-0.7);
      expect(slope).toBeGreaterThan(-1.5);
    });

    it('should write proposals with builds-on cue phrases naming earlier contributions, chains several generations deep', () => {
      const papers = corpus(5000);
      const proposedAt = new Map<string, number>();
      let maxGeneration = 0;
      papers.forEach(({ paper, truth }, i) => {
        if (!truth.proposes) return;
        const p = truth.proposes;
        expect(paper.abstract).toContain(p.longForm ? `${p.longForm} (${p.name})` : p.name);
        expect(paper.title.startsWith(`${p.name}:`)).toBe(true);
        if (p.kind !== 'Dataset') {
          expect(truth.buildsOn.length).toBeGreaterThanOrEqual(1);
          expect(paper.abstract).toMatch(/builds on|based on|extends|inspired by/);
          for (const parent of truth.buildsOn) {
            expect(paper.abstract).toContain(parent);
            const earlier = proposedAt.get(parent);
            if (earlier !== undefined) expect(earlier).toBeLessThan(i);
          }
        }
        expect(proposedAt.has(p.name)).toBe(false);
        proposedAt.set(p.name, i);
        maxGeneration = Math.max(maxGeneration, p.generation);
      });
      const share = proposedAt.size / papers.length;
      expect(share).toBeGreaterThan(0.6);
      expect(share).toBeLessThan(0.7);
      expect(maxGeneration).toBeGreaterThanOrEqual(5);
      const vocabularyNames = new Set([...vocabulary.methods, ...vocabulary.architectures].map((t) => t.name));
      const chained = papers.filter((p) => p.truth.buildsOn.some((b) => proposedAt.has(b) && !vocabularyNames.has(b)));
      expect(chained.length).toBeGreaterThan(papers.length * 0.2);
    });
  });
});

describe('bench/synthetic/vocabulary', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'methodgraph-synthetic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('#readTaxonomyTerms', () => {
    it('should read {kind, entries} files and take an acronym alias as the short form', () => {
      writeFileSync(
        join(dir, 'architectures.json'),
        JSON.stringify({
          kind: 'Architecture',
          entries: [{ name: 'Vision Transformer', aliases: ['ViT', 'vision transformer model'] }, { name: 'Mamba' }],
        }),
      );
      writeFileSync(join(dir, 'other.json'), JSON.stringify({ something: 'else' }));
      const terms = readTaxonomyTerms(dir)!;
      expect(terms.architectures).toEqual([
        { name: 'Vision Transformer', kind: 'Architecture', short: 'ViT' },
        { name: 'Mamba', kind: 'Architecture' },
      ]);
      expect(terms.methods).toEqual([]);
    });

    it('should name the file when it is not valid JSON', () => {
      writeFileSync(join(dir, 'broken.json'), '{ nope');
      expect(() => readTaxonomyTerms(dir)).toThrow(/broken\.json is not valid JSON/);
    });
  });
});

describe('bench/synthetic/cli', () => {
  describe('#writeCorpus', () => {
    it('should stream N JSON lines and the matching truth lines to files', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'methodgraph-synthetic-'));
      try {
        const out = join(dir, 'corpus.jsonl');
        const truth = join(dir, 'truth.jsonl');
        const result = await writeCorpus({ papers: 250, seed: 3, out, truth, builtIn: true });
        expect(result).toEqual({ papers: 250, vocabulary: 'built-in' });
        const lines = readFileSync(out, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { arxivId: string });
        const truths = readFileSync(truth, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { arxivId: string });
        expect(lines).toHaveLength(250);
        expect(truths.map((t) => t.arxivId)).toEqual(lines.map((l) => l.arxivId));
        expect(lines).toEqual(corpus(250, 3).map((p) => p.paper));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
