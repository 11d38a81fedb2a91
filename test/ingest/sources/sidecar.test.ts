import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readFile } from '../../../ingest/sources/index.js';
import { sidecarPath } from '../../../ingest/sources/sidecar.js';
import type { PaperRecord, SourceIssue } from '../../../ingest/types.js';

async function readAll(path: string): Promise<{ records: PaperRecord[]; issues: SourceIssue[] }> {
  const records: PaperRecord[] = [];
  const issues: SourceIssue[] = [];
  for await (const item of readFile(path)) {
    if (item.kind === 'record') records.push(item.record);
    else if (item.kind === 'issue') issues.push(item.issue);
  }
  return { records, issues };
}

describe('ingest/sources/sidecar', () => {
  it('should name the sidecar after the input file without its extension', () => {
    expect(sidecarPath('data/papers-listing.txt')).toBe('data/papers-listing.meta.jsonl');
    expect(sidecarPath('/x/papers.json.gz')).toBe('/x/papers.meta.jsonl');
  });

  it('should give the default corpus the arXiv ids and years of its sidecar', async () => {
    const { records, issues } = await readAll('data/papers-listing.txt');
    expect(issues).toEqual([]);
    expect(records.length).toBeGreaterThanOrEqual(70);
    expect(records.every((r) => r.year !== undefined && r.arxivId !== undefined)).toBe(true);
    const m2mkd = records.find((r) => r.title.startsWith('m2mKD'));
    expect(m2mkd).toMatchObject({ arxivId: '2402.16918', year: 2024 });
  });

  it('should keep a record its own values, match titles loosely and report a bad line by file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'methodgraph-sidecar-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const papers = join(dir, 'papers.jsonl');
    writeFileSync(
      papers,
      [
        JSON.stringify({
          title: 'EchoNet: Echo Pooling',
          abstract: 'We propose EchoNet, a network built from echo pooling layers for sequence modelling tasks.',
        }),
        JSON.stringify({
          title: 'RingFormer',
          abstract: 'We propose RingFormer, a vision transformer with ring mixer blocks for image recognition.',
          year: 2021,
        }),
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'papers.meta.jsonl'),
      [
        JSON.stringify({ title: 'echonet -- echo pooling', arxivId: '2501.00001', year: 2025 }),
        JSON.stringify({ title: 'RingFormer', arxivId: '2102.00002', year: 2019 }),
        '{"title": "Broken", "year": "soon"}',
      ].join('\n'),
    );
    const { records, issues } = await readAll(papers);
    expect(records.map((r) => [r.title, r.arxivId, r.year])).toEqual([
      ['EchoNet: Echo Pooling', '2501.00001', 2025],
      ['RingFormer', '2102.00002', 2021],
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: join(dir, 'papers.meta.jsonl'), position: 'line 3' });
    expect(issues[0]!.reason).toMatch(/year/);
  });
});
