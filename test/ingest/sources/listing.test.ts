// Tests for the default-corpus listing reader: header skipping, title/abstract pairing, positions
// and the quirks of the real listing (URLs before a full stop, LaTeX, punctuation in titles).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAbstractLike, readListing } from '../../../ingest/sources/listing.js';
import type { PaperRecord, ReadItem, SourceIssue } from '../../../ingest/types.js';

async function readAll(path: string): Promise<{ records: PaperRecord[]; issues: SourceIssue[] }> {
  const records: PaperRecord[] = [];
  const issues: SourceIssue[] = [];
  for await (const item of readListing(path) as AsyncIterable<ReadItem>) {
    if (item.kind === 'record') records.push(item.record);
    else issues.push(item.issue);
  }
  return { records, issues };
}

const ABSTRACT =
  'We study a thing in depth. We propose a method that works well on many tasks and datasets. Results show strong gains across the board on every benchmark we tried, which is good.';

describe('ingest/sources/listing', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'methodgraph-listing-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('#readListing', () => {
    it('should read the 70 papers of the default corpus and skip its header', async () => {
      const { records, issues } = await readAll('data/papers-listing.txt');
      expect(issues).toEqual([]);
      expect(records).toHaveLength(70);
      expect(records[0]!.title).toBe('m2mKD: Module-to-Module Knowledge Distillation for Modular Transformers');
      expect(records[0]!.source).toBe('data/papers-listing.txt:11');
      expect(records.some((r) => /Subscribe|trending papers|research community|^Mar 13$|^new$/.test(r.title))).toBe(false);
      expect(records[records.length - 1]!.title).toBe('The Evolution of Multimodal Model Architectures');
    });

    it('should keep titles with colons, commas and question marks and abstracts with LaTeX and URLs intact', async () => {
      const { records } = await readAll('data/papers-listing.txt');
      const titles = records.map((r) => r.title);
      expect(titles).toContain(
        'SortedNet, a Place for Every Network and Every Network in its Place: Towards a Generalized Solution for Training Many-in-One Neural Networks',
      );
      expect(titles).toContain('What Matters in Transformers? Not All Attention is Needed');
      const mgno = records.find((r) => r.title.startsWith('MgNO'))!;
      expect(mgno.abstract).toContain('mathcal O_i(u)');
      const drop = records.find((r) => r.title.startsWith('What Matters'))!;
      expect(drop.abstract).toContain('48.4\\%');
      expect(records[0]!.abstract.endsWith('Code is available at https://github.com/kamanphoebe/m2mKD.')).toBe(true);
    });

    it('should report a title without an abstract with its line and still read the others', async () => {
      const file = join(dir, 'listing.txt');
      writeFileSync(
        file,
        [
          'new',
          '',
          'Subscribe',
          '',
          'Mar 13',
          '',
          'First: A Title',
          '',
          ABSTRACT,
          '',
          'Orphan Title, Alone?',
          '',
          'Third Title',
          '',
          ABSTRACT,
          '',
        ].join('\n'),
      );
      const { records, issues } = await readAll(file);
      expect(records.map((r) => r.title)).toEqual(['First: A Title', 'Third Title']);
      expect(records[1]!.source).toBe(`${file}:13`);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ file, position: 'line 11' });
      expect(issues[0]!.reason).toMatch(/Orphan Title, Alone\?.*no abstract/);
    });

    it('should report an abstract without a title and a trailing title', async () => {
      const file = join(dir, 'listing.txt');
      writeFileSync(file, ['A Title', ABSTRACT, ABSTRACT, 'Last Title'].join('\n'));
      const { records, issues } = await readAll(file);
      expect(records).toHaveLength(1);
      expect(issues.map((i) => i.position)).toEqual(['line 3', 'line 4']);
    });

    it('should report a file with no papers, an empty file and a missing file without throwing', async () => {
      const none = join(dir, 'none.txt');
      writeFileSync(none, 'just\n\nshort lines\n');
      const empty = join(dir, 'empty.txt');
      writeFileSync(empty, '');
      for (const path of [none, empty, join(dir, 'missing.txt')]) {
        const { records, issues } = await readAll(path);
        expect(records).toEqual([]);
        expect(issues.length).toBeGreaterThan(0);
        expect(issues[0]!.file).toBe(path);
        expect(issues[0]!.reason).toMatch(/^ingest\/sources\/listing: /);
      }
    });
  });

  describe('#isAbstractLike', () => {
    it('should tell abstracts from long titles', () => {
      expect(isAbstractLike(ABSTRACT)).toBe(true);
      expect(
        isAbstractLike(
          'Attention is All You Need? Good Embeddings with Statistics are enough:Large Scale Audio Understanding without Transformers/ Convolutions/ BERTs/ Mixers/ Attention/ RNNs or ....',
        ),
      ).toBe(false);
    });
  });
});
