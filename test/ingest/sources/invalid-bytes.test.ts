// One invalid byte sequence in a file of many records, in every format: the record it falls in is
// rejected with its position and the byte offset, every other record is kept — also when the file
// spans several read chunks and the bad record sits in a later one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FormatName } from '../../../ingest/sources/types.js';
import { collect } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'methodgraph-invalid-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COUNT = 2000;
/** Enough records of this length make the files span two 256 KB read chunks. */
const ABSTRACT =
  'We study modular networks. Each module is trained on its own. Then the modules are composed with the others, which keeps them small and reusable.';
/** Records (1-based) whose title holds a Latin-1 "é" (0xE9), which is not UTF-8. */
const BAD = [2, 1700, COUNT - 1];
const PLACEHOLDER = '\uE000';
const title = (i: number) => `Paper ${i} on Caf${BAD.includes(i) ? PLACEHOLDER : 'e'} Networks`;
const arxiv = (i: number) => `2401.${String(10000 + i)}`;

interface FormatCase {
  name: string;
  format?: FormatName;
  build: (i: number) => string;
  join: (records: string[]) => string;
  /** The position the reader gives record i (1-based) in the built text. */
  position: (i: number, text: string) => string;
  /** How the reader names a kept item, to compare against the expected ones. */
  kept: 'records' | 'links' | 'methods';
}

/** 1-based line of the n-th occurrence (1-based) of `marker` in the text. */
function lineOf(text: string, marker: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) at = text.indexOf(marker, at + 1);
  return text.slice(0, at).split('\n').length;
}

const json = (records: string[]) => `[\n${records.join(',\n')}\n]\n`;
const CASES: FormatCase[] = [
  {
    name: 'papers.json',
    build: (i) => JSON.stringify({ id: `p${i}`, title: title(i), abstract: ABSTRACT }),
    join: json,
    position: (i) => `record ${i}`,
    kept: 'records',
  },
  {
    name: 'papers.jsonl',
    build: (i) => JSON.stringify({ id: `p${i}`, title: title(i), abstract: ABSTRACT }),
    join: (r) => `${r.join('\n')}\n`,
    position: (i) => `line ${i}`,
    kept: 'records',
  },
  {
    name: 'refs.bib',
    build: (i) => `@article{p${i},\n  title = {${title(i)}},\n  abstract = {${ABSTRACT}},\n  year = {2024}\n}`,
    join: (r) => `% export\n@string{venue = "NeurIPS"}\n\n${r.join('\n\n')}\n`,
    position: (i, text) => `entry ${i} (line ${lineOf(text, '@article{', i)})`,
    kept: 'records',
  },
  {
    name: 'feed.xml',
    build: (i) =>
      `  <entry>\n    <id>http://arxiv.org/abs/${arxiv(i)}v1</id>\n    <title>${title(i)}</title>\n    <summary>${ABSTRACT}</summary>\n  </entry>`,
    join: (r) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <title>query</title>\n${r.join('\n')}\n</feed>\n`,
    position: (i, text) => `entry ${i} (line ${lineOf(text, '<entry>', i)})`,
    kept: 'records',
  },
  {
    name: 'listing.txt',
    build: (i) => `${title(i)}\n${ABSTRACT}`,
    join: (r) => `Trending papers\nSubscribe\n\n${r.join('\n\n')}\n`,
    position: (i, text) => `line ${lineOf(text, `Paper ${i} on `, 1)}`,
    kept: 'records',
  },
  {
    name: 's2.json',
    format: 'semantic-scholar',
    build: (i) => JSON.stringify({ paperId: `s${i}`, externalIds: { ArXiv: arxiv(i) }, title: title(i), abstract: ABSTRACT }),
    join: json,
    position: (i) => `record ${i}`,
    kept: 'records',
  },
  {
    name: 's2-page.json',
    format: 'semantic-scholar',
    build: (i) => JSON.stringify({ paperId: `s${i}`, externalIds: { ArXiv: arxiv(i) }, title: title(i), abstract: ABSTRACT }),
    join: (r) => `{"total": ${COUNT}, "offset": 0, "data": [\n${r.join(',\n')}\n], "next": ${COUNT}}`,
    position: (i) => `record ${i}`,
    kept: 'records',
  },
  {
    name: 'papers-with-abstracts.json',
    build: (i) =>
      JSON.stringify({
        paper_url: `https://paperswithcode.com/paper/p${i}`,
        arxiv_id: arxiv(i),
        title: title(i),
        abstract: ABSTRACT,
        date: '2024-01-02',
      }),
    join: json,
    position: (i) => `record ${i}`,
    kept: 'records',
  },
  {
    name: 'links-between-papers-and-code.json',
    build: (i) =>
      JSON.stringify({
        paper_title: title(i),
        paper_arxiv_id: arxiv(i),
        repo_url: `https://github.com/lab/p${i}`,
        is_official: true,
        note: ABSTRACT,
      }),
    join: json,
    position: (i) => `record ${i}`,
    kept: 'links',
  },
  {
    name: 'methods.json',
    build: (i) =>
      JSON.stringify({ name: title(i), full_name: `Method ${i}`, description: ABSTRACT, collections: [{ collection: 'Modules' }] }),
    join: json,
    position: (i) => `record ${i}`,
    kept: 'methods',
  },
];

/** The file as bytes, with the placeholder in each bad title turned into a lone 0xE9. */
function bytesOf(text: string): Buffer {
  const parts = text.split(PLACEHOLDER).map((p) => Buffer.from(p, 'utf8'));
  const out: Buffer[] = [];
  parts.forEach((p, i) => out.push(...(i ? [Buffer.from([0xe9]), p] : [p])));
  return Buffer.concat(out);
}

describe('ingest/sources (invalid bytes)', () => {
  describe('#readFile', () => {
    for (const c of CASES) {
      it(`should reject only the ${c.name} records holding a bad byte and keep the ${COUNT - BAD.length} others`, async () => {
        const text = c.join(Array.from({ length: COUNT }, (_, k) => c.build(k + 1)));
        const bytes = bytesOf(text);
        // The file spans two read chunks, and the middle bad record is in the second one.
        expect(bytes.indexOf(Buffer.from(`Paper ${BAD[1]} on`))).toBeGreaterThan(256 * 1024);
        const path = join(dir, c.name);
        writeFileSync(path, bytes);
        const out = await collect(path, c.format);
        const names =
          c.kept === 'records'
            ? out.records.map((r) => r.title)
            : c.kept === 'links'
              ? out.links.map((l) => l.title)
              : out.methods.map((m) => m.name);
        const expected = Array.from({ length: COUNT }, (_, k) => k + 1)
          .filter((i) => !BAD.includes(i))
          .map(title);
        expect(names).toEqual(expected);
        expect(out.issues.map((i) => i.position)).toEqual(BAD.map((i) => c.position(i, text)));
        for (const [n, issue] of out.issues.entries()) {
          // The byte offset named is the bad byte's own (the bytes before it are all ASCII or valid).
          const offset = bytes.indexOf(Buffer.from(`Paper ${BAD[n]} on Caf`)) + `Paper ${BAD[n]} on Caf`.length;
          expect(issue.file).toBe(path);
          expect(issue.reason).toMatch(
            new RegExp(`: not UTF-8 text \\(invalid byte sequence near byte ${offset}\\); re-save the file as UTF-8$`),
          );
        }
      });
    }

    it('should still refuse a binary file as a whole', async () => {
      const path = join(dir, 'image.json');
      writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
      const out = await collect(path, 'json');
      expect(out.records).toEqual([]);
      expect(out.issues).toHaveLength(1);
      expect(out.issues[0]!.reason).toMatch(/binary content \(a NUL byte at byte 8\)/);
    });
  });
});
