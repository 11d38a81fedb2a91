// Fuzzes every reader (except the listing's) with random, truncated and mutated input from a
// seeded PRNG: whatever the bytes, readFile yields items and issues, and never throws.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFile } from '../../../ingest/sources/index.js';
import type { FormatName } from '../../../ingest/sources/types.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest');
const dir = mkdtempSync(join(tmpdir(), 'methodgraph-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** mulberry32: a small deterministic PRNG so every run fuzzes the same cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  const rand = prng([...format].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
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

describe('ingest/sources (fuzz)', () => {
  describe('#readFile', () => {
    for (const [format, { seed, alphabet }] of Object.entries(SEEDS)) {
      it(`should never throw on random, truncated or mutated ${format} input`, async () => {
        const all = cases(format, seed, alphabet, 300);
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
