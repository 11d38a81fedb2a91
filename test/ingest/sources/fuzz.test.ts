// Fuzzes every reader with random, truncated and mutated input from a seeded PRNG: whatever the
// bytes, readFile yields items and issues and never throws; invalid UTF-8 never reaches a record;
// a truncated file keeps the records before the cut; nested @string macros never blow up.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFile } from '../../../ingest/sources/index.js';
import type { FormatName } from '../../../ingest/sources/types.js';
import type { PaperRecord } from '../../../ingest/types.js';
import { seededRandom } from '../../../src/shared/random.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest');
const dir = mkdtempSync(join(tmpdir(), 'methodgraph-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEEDS: Record<Exclude<FormatName, 'listing'>, { seed: string; alphabet: string }> = {
  json: { seed: 'papers.json', alphabet: '[]{}":,\\ntruefalsenull0123456789.-eE title abstract' },
  jsonl: { seed: 'papers.jsonl', alphabet: '{}[]":,\n\\ title abstract arxivId 2403.19888' },
  'arxiv-atom': { seed: 'arxiv.xml', alphabet: '<>/="?!-[]&;# feed entry title summary id author name link &amp; CDATA' },
  bibtex: { seed: 'refs.bib', alphabet: '@{}(),="\\%# article title author and year string eprint \\"o' },
  'pwc-papers': { seed: 'pwc/papers-with-abstracts.json', alphabet: '[]{}":,\\ paper_url arxiv_id methods main_collection' },
  'pwc-links': { seed: 'pwc/links-between-papers-and-code.json', alphabet: '[]{}":,\\ repo_url paper_url true false' },
  'pwc-methods': { seed: 'pwc/methods.json', alphabet: '[]{}":,\\ name full_name collections null' },
  'semantic-scholar': { seed: 'semantic-scholar.json', alphabet: '[]{}":,\\ paperId externalIds ArXiv references null' },
};

function randomBytes(rand: () => number, n: number): Buffer {
  const buf = Buffer.alloc(n);
  for (let i = 0; i < n; i++) buf[i] = Math.floor(rand() * 256);
  return buf;
}

function randomText(rand: () => number, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

function mutate(rand: () => number, seed: Buffer, alphabet: string): Buffer {
  const bytes = [...seed];
  const edits = 1 + Math.floor(rand() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (bytes.length + 1));
    const op = rand();
    if (op < 0.35) bytes.splice(at, 1 + Math.floor(rand() * 20));
    else if (op < 0.7) bytes.splice(at, 0, ...Buffer.from(randomText(rand, alphabet, 1 + Math.floor(rand() * 10))));
    else bytes[at] = Math.floor(rand() * 256);
  }
  return Buffer.from(bytes.filter((b) => b !== undefined));
}

/** The cases for one format: random bytes, random format-ish text, truncations and mutations. */
function cases(format: string, seedFile: string, alphabet: string, count: number): Buffer[] {
  const rand = seededRandom([...format].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
  const seed = readFileSync(join(fixtures, seedFile));
  const out: Buffer[] = [Buffer.alloc(0), Buffer.from('   \n'), Buffer.from('\uFEFF'), Buffer.from([0xff, 0xfe, 0x00])];
  while (out.length < count) {
    const kind = out.length % 4;
    if (kind === 0) out.push(randomBytes(rand, Math.floor(rand() * 400)));
    else if (kind === 1) out.push(Buffer.from(randomText(rand, alphabet, Math.floor(rand() * 400))));
    else if (kind === 2) out.push(seed.subarray(0, Math.floor(rand() * seed.length)));
    else out.push(mutate(rand, seed, alphabet));
  }
  return out;
}

/**
 * Inputs per format: the four fixed edge cases, then the four kinds in turn (about 50 of each). The
 * PRNG is seeded, so these are the same inputs on every run; more of them mostly repeat the shapes
 * a reader already met.
 */
const CASES_PER_FORMAT = 200;

describe('ingest/sources (fuzz)', () => {
  describe('#readFile', () => {
    for (const [format, { seed, alphabet }] of Object.entries(SEEDS)) {
      it(`should never throw on random, truncated or mutated ${format} input`, async () => {
        const all = cases(format, seed, alphabet, CASES_PER_FORMAT);
        let records = 0;
        let issues = 0;
        for (const [i, bytes] of all.entries()) {
          const path = join(dir, `${format}-${i}.in`);
          writeFileSync(path, bytes);
          for (const forced of [true, false]) {
            for await (const item of readFile(path, forced ? { format: format as FormatName } : {})) {
              if (item.kind === 'issue') {
                issues += 1;
                expect(item.issue.file).toBe(path);
                expect(item.issue.position).not.toBe('');
                expect(item.issue.reason).toMatch(/^ingest\/sources\/[a-z-]+: \S/);
                // A reader bug is caught by readFile as "unexpected error": that must never happen.
                expect(item.issue.reason).not.toContain('unexpected error');
              } else if (item.kind === 'record') {
                records += 1;
                expect(item.record.title.length).toBeGreaterThan(0);
                expect(typeof item.record.abstract).toBe('string');
              }
            }
          }
        }
        expect(issues).toBeGreaterThan(0);
        expect(records + issues).toBeGreaterThan(all.length);
      });
    }
  });
});

/** Every kind of item a reader yields, as names: record titles, link titles, method names. */
async function readAll(path: string, format?: FormatName): Promise<{ names: string[]; records: PaperRecord[]; issues: number }> {
  const names: string[] = [];
  const records: PaperRecord[] = [];
  let issues = 0;
  for await (const item of readFile(path, format ? { format } : {})) {
    if (item.kind === 'issue') {
      issues += 1;
      expect(item.issue.reason).toMatch(/^ingest\/sources\/[a-z-]+: \S/);
      expect(item.issue.reason).not.toContain('unexpected error');
    } else if (item.kind === 'record') {
      records.push(item.record);
      names.push(item.record.title);
    } else if (item.kind === 'code-link') {
      names.push(item.link.repoUrl);
    } else {
      names.push(item.method.name);
    }
  }
  return { names, records, issues };
}

const ALL_SEEDS: [FormatName, string][] = [
  ...Object.entries(SEEDS).map(([format, { seed }]) => [format as FormatName, seed] as [FormatName, string]),
  ['listing', '../../../data/papers-listing.txt'],
];

/** Every string anywhere in a record (title, abstract, authors, nested references...). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('ingest/sources (fuzz: invalid bytes, truncation, macros)', () => {
  describe('#readFile', () => {
    for (const [format, seedFile] of ALL_SEEDS) {
      it(`should never let invalid bytes inserted into ${format} input reach a record`, async () => {
        const rand = seededRandom([...format].reduce((h, c) => (h * 33 + c.charCodeAt(0)) >>> 0, 11));
        const seed = readFileSync(join(fixtures, seedFile));
        const clean = await readAll(join(fixtures, seedFile), format);
        for (let n = 0; n < 40; n++) {
          const bytes = [...seed];
          const inserts = 1 + Math.floor(rand() * 3);
          for (let k = 0; k < inserts; k++) {
            // A lone continuation byte, a Latin-1 letter, a cut-off lead byte or an overlong form.
            const bad = [[0x80], [0xe9], [0xe2, 0x82], [0xc0, 0xaf], [0xff]][Math.floor(rand() * 5)]!;
            bytes.splice(Math.floor(rand() * (bytes.length + 1)), 0, ...bad);
          }
          const path = join(dir, `bad-bytes-${format}-${n}.in`);
          writeFileSync(path, Buffer.from(bytes));
          const { records, names, issues } = await readAll(path, format);
          for (const record of records) for (const text of strings(record)) expect(text).not.toContain('\uFFFD');
          // Each insertion costs at most the record it lands in (and, for the listing, its pair).
          expect(names.length).toBeGreaterThanOrEqual(Math.max(0, clean.names.length - inserts * 2));
          // Anything lost is reported; bytes that land in a comment or between records cost nothing.
          if (issues === 0) expect(names).toEqual(clean.names);
        }
      });

      it(`should keep the ${format} records before any truncation point`, async () => {
        const seed = readFileSync(join(fixtures, seedFile));
        const full = await readAll(join(fixtures, seedFile), format);
        const step = Math.max(1, Math.floor(seed.length / 60));
        for (let cut = 0; cut <= seed.length; cut += step) {
          const path = join(dir, `cut-${format}-${cut}.in`);
          writeFileSync(path, seed.subarray(0, cut));
          const { names } = await readAll(path, format);
          // What is read from a prefix of the file is a prefix of what the whole file gives.
          expect(full.names.slice(0, names.length)).toEqual(names);
          if (cut === seed.length) expect(names).toEqual(full.names);
        }
      });
    }

    it('should refuse random nests of @string macros without blowing up and keep the entries that use none', async () => {
      const rand = seededRandom(20260);
      for (let n = 0; n < 25; n++) {
        const levels = 5 + Math.floor(rand() * 60);
        let text = '@string{s0 = "ab"}\n';
        for (let i = 1; i <= levels; i++) {
          const uses = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => `s${Math.floor(rand() * i)}`);
          text += `@string{s${i} = ${uses.join(' # ')}${rand() < 0.3 ? ' # "x"' : ''}}\n`;
        }
        const refs = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => `s${Math.floor(rand() * (levels + 1))}`);
        text += `@article{uses, title = {Uses}, note = ${refs.join(' # ')}}\n@article{plain, title = {Plain Entry}, year = 2020}\n`;
        const path = join(dir, `macros-${n}.bib`);
        writeFileSync(path, text);
        const { names } = await readAll(path, 'bibtex');
        expect(names.at(-1)).toBe('Plain Entry');
      }
    });
  });
});
