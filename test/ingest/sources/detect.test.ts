// Detects every fixture's format by name and by content, and refuses binary or empty files.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../../ingest/sources/index.js';
import { fixtures } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'methodgraph-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of a fixture under a name that says nothing about its format. */
function anonymous(name: string): string {
  const path = join(dir, name.replace(/\W/g, '_') + '.data');
  copyFileSync(join(fixtures, name), path);
  return path;
}

describe('ingest/sources/detect', () => {
  describe('#detectFormat', () => {
    const cases: [string, string][] = [
      ['papers.json', 'json'],
      ['papers.jsonl', 'jsonl'],
      ['arxiv.xml', 'arxiv-atom'],
      ['refs.bib', 'bibtex'],
      ['semantic-scholar.json', 'semantic-scholar'],
      ['pwc/papers-with-abstracts.json', 'pwc-papers'],
      ['pwc/links-between-papers-and-code.json', 'pwc-links'],
      ['pwc/methods.json', 'pwc-methods'],
    ];
    for (const [name, format] of cases) {
      it(`should detect ${name} as ${format} by name and by content`, async () => {
        expect(await detectFormat(join(fixtures, name))).toBe(format);
        expect(await detectFormat(anonymous(name))).toBe(format);
      });
    }

    it('should detect the default-corpus listing', async () => {
      expect(await detectFormat(join(import.meta.dirname, '..', '..', '..', 'data', 'papers-listing.txt'))).toBe('listing');
    });

    it('should refuse a binary or empty file it cannot place by name', async () => {
      await expect(detectFormat(anonymous('broken/binary.json'))).rejects.toThrow(/binary content/);
      await expect(detectFormat(anonymous('broken/empty.json'))).rejects.toThrow(/empty file/);
    });
  });
});
