// The fetched-papers JSONL: both line shapes read back through the ingest readers unchanged, the
// file is replaced whole, and a paper with more references than the readers allow is kept.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeJsonl } from '../../../ingest/fetch/jsonl.js';
import type { FetchedPaper } from '../../../ingest/fetch/types.js';
import { LIMITS } from '../../../ingest/sources/normalize.js';
import { readBack, tempFetchDir, withoutSource } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = tempFetchDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const paper: FetchedPaper = {
  title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces',
  abstract: 'We propose Mamba. Code is at https://github.com/state-spaces/mamba.',
  sourceId: 'W4389517045',
  arxivId: '2312.00752',
  doi: '10.48550/arxiv.2312.00752',
  year: 2023,
  authors: ['Albert Gu', 'Tri Dao'],
  url: 'https://arxiv.org/abs/2312.00752',
};

describe('ingest/fetch/jsonl', () => {
  describe('#writeJsonl', () => {
    it('should write papers the JSON lines reader gives back as they were', async () => {
      const path = join(dir, 'arxiv', 'a.jsonl');
      await writeJsonl(path, [{ ...paper, code: ['https://github.com/state-spaces/mamba'] }], 'paper');
      const { records, issues } = await readBack(path);
      expect(issues).toEqual([]);
      expect(records.map(withoutSource)).toEqual([{ ...paper, code: ['https://github.com/state-spaces/mamba'] }]);
    });

    it('should write Graph API papers whose references the reader keeps', async () => {
      const path = join(dir, 'openalex', 'b.jsonl');
      const references = [
        { sourceId: 'W1', title: 'Efficiently Modeling Long Sequences with Structured State Spaces', arxivId: '2111.00396' },
      ];
      await writeJsonl(path, [{ ...paper, references }], 'graph-api');
      const { records } = await readBack(path);
      expect(records.map(withoutSource)).toEqual([{ ...paper, references }]);
    });

    it('should replace the file whole and leave no temporary file', async () => {
      const path = join(dir, 'c.jsonl');
      await writeJsonl(path, [paper, { ...paper, title: 'Another', sourceId: 'W2', arxivId: '2401.00001', doi: '10.1/x' }], 'paper');
      await writeJsonl(path, [paper], 'paper');
      expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
      expect(readdirSync(dir)).toEqual(['c.jsonl']);
    });

    it('should keep a paper with more references than the readers accept, with the first of them', async () => {
      const path = join(dir, 'd.jsonl');
      const references = Array.from({ length: LIMITS.listItems + 10 }, (_, i) => ({ title: `Reference ${i}` }));
      await writeJsonl(path, [{ ...paper, references }], 'graph-api');
      const { records, issues } = await readBack(path);
      expect(issues).toEqual([]);
      expect(records[0]!.references).toHaveLength(LIMITS.listItems);
      expect(records[0]!.references![0]).toEqual({ title: 'Reference 0' });
    });
  });
});
