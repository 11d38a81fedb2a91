// Files that break part-way: a truncated Atom feed, a broken entry amid good ones, JSON that
// stops or goes wrong after many records, and read errors from the operating system. What came
// before the break is kept; the break is reported with its line or record.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ioErrorReason } from '../../../ingest/sources/file-text.js';
import { readInChild } from './child.js';
import { collect, fixtures } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'methodgraph-breaks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const entry = (i: number) =>
  `  <entry>\n    <id>http://arxiv.org/abs/2401.${10000 + i}v1</id>\n    <title>Paper ${i}</title>\n    <summary>About ${i}.</summary>\n  </entry>\n`;
const feed = (entries: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <title>q</title>\n${entries}</feed>\n`;
const lineCount = (text: string) => text.split('\n').length;

describe('ingest/sources/arxiv-atom (breaks)', () => {
  describe('#readArxivAtom', () => {
    it('should keep the entries before a truncation inside an entry and report the break with its line', async () => {
      const whole = feed([1, 2, 3, 4].map(entry).join(''));
      const cut = whole.slice(0, whole.indexOf('<title>Paper 4') + 12);
      const { records, issues } = await collect(write('cut-entry.xml', cut));
      expect(records.map((r) => r.title)).toEqual(['Paper 1', 'Paper 2', 'Paper 3']);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.position).toBe(`line ${lineCount(cut)}`);
      expect(issues[0]!.reason).toBe(
        `ingest/sources/arxiv-atom: the file ends inside entry 4 (which starts at line ${4 + 3 * 5}): truncated feed? the entries before it were read`,
      );
    });

    it('should keep every entry of a feed cut after an entry and report the missing </feed>', async () => {
      const whole = readFileSync(join(fixtures, 'arxiv.xml'), 'utf8');
      const cut = whole.slice(0, whole.lastIndexOf('</entry>') + '</entry>'.length);
      const { records, issues } = await collect(write('cut-feed.xml', cut));
      expect(records.map((r) => r.arxivId)).toEqual(['2309.00255', '2309.08968']);
      expect(issues).toEqual([
        {
          file: join(dir, 'cut-feed.xml'),
          position: `line ${lineCount(cut)}`,
          reason: 'ingest/sources/arxiv-atom: the feed ends without </feed> (truncated file?); the entries before the break were read',
        },
      ]);
    });

    it('should report a broken entry at the line of the fault and keep the entries around it', async () => {
      const broken = '  <entry>\n    <id>http://arxiv.org/abs/2401.99999v1</id>\n    <title>Unclosed\n  </entry>\n';
      const text = feed(entry(1) + broken + entry(3));
      const { records, issues } = await collect(write('broken-entry.xml', text));
      expect(records.map((r) => r.title)).toEqual(['Paper 1', 'Paper 3']);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.position).toBe('line 12');
      expect(issues[0]!.reason).toMatch(
        /^ingest\/sources\/arxiv-atom: broken XML \(InvalidTag\) in entry 2 \(line 9\): Expected closing tag 'title'/,
      );
    });

    it('should report an entry left open before the next one and read the next one', async () => {
      const text = feed(entry(1).replace('  </entry>\n', '') + entry(2));
      const { records, issues } = await collect(write('open-entry.xml', text));
      expect(records.map((r) => r.title)).toEqual(['Paper 2']);
      expect(issues).toEqual([
        {
          file: join(dir, 'open-entry.xml'),
          position: 'entry 1 (line 4)',
          reason: 'ingest/sources/arxiv-atom: entry 1 has no </entry> before the next <entry> (line 8); close it',
        },
      ]);
    });

    it('should number the lines of entries after comments and CDATA sections that mention <entry>', async () => {
      const text = feed(`  <!-- an <entry> in a comment -->\n${entry(1)}${entry(2).replace('About 2.', '<![CDATA[About <entry> 2.]]>')}`);
      const { records, issues } = await collect(write('comments.xml', text));
      expect(issues).toEqual([]);
      expect(records.map((r) => [r.title, r.abstract, r.source.split(':').pop()])).toEqual([
        ['Paper 1', 'About 1.', 'entry 1 (line 5)'],
        ['Paper 2', 'About <entry> 2.', 'entry 2 (line 10)'],
      ]);
    });
  });
});

describe('ingest/sources/json (breaks)', () => {
  describe('#readJson', () => {
    const records = (n: number) =>
      Array.from({ length: n }, (_, i) => JSON.stringify({ id: `r${i + 1}`, title: `Paper ${i + 1}`, abstract: 'A.' }));

    it('should keep every record before a syntax error and name the broken record', async () => {
      const items = records(300);
      items[200] = '{"id": "r201", "title": "Broken" "abstract": "no comma"}';
      const { records: kept, issues } = await collect(write('syntax.json', `[\n${items.join(',\n')}\n]`));
      expect(kept).toHaveLength(200);
      expect(kept.at(-1)!.title).toBe('Paper 200');
      expect(issues).toHaveLength(1);
      expect(issues[0]!.position).toBe('record 201');
      expect(issues[0]!.reason).toMatch(/^ingest\/sources\/json: broken JSON: /);
    });

    it('should stream a large array in bounded memory and name the record a late break is in', async () => {
      const one = (i: number) => JSON.stringify({ id: `r${i}`, title: `Paper ${i}`, abstract: 'Modular networks, composed. '.repeat(20) });
      const count = 100_000;
      const body = Array.from({ length: count }, (_, i) => one(i + 1)).join(',\n');
      const path = write('large.json', `[\n${body},\n{"id": "broken" "title": "x"}\n]`);
      const summary = await readInChild(path, 96);
      expect(summary.recordCount).toBe(count);
      expect(summary.issues).toEqual([
        { position: `record ${count + 1}`, reason: expect.stringMatching(/^ingest\/sources\/json: broken JSON: /) },
      ]);
      // The file is about 60 MB; the reader holds one element at a time.
      expect(summary.maxRssMiB).toBeLessThan(200);
    });

    it('should keep every record before a truncation of a minified file', async () => {
      const text = `[${records(300).join(',')}]`;
      const cut = text.slice(0, text.indexOf('"r251"') + 3);
      const { records: kept, issues } = await collect(write('cut.json', cut));
      expect(kept).toHaveLength(250);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.position).toBe('record 251');
      expect(issues[0]!.reason).toMatch(/^ingest\/sources\/json: broken JSON/);
    });
  });
});

describe('ingest/sources/file-text (I/O errors)', () => {
  describe('#textChunks', () => {
    it('should name the file and say what happened when the operating system fails a read', async () => {
      // Reading /proc/self/mem from offset 0 fails with EIO: a real input/output error.
      const { records, issues } = await collect('/proc/self/mem', 'jsonl');
      expect(records).toEqual([]);
      expect(issues).toEqual([
        {
          file: '/proc/self/mem',
          position: 'file',
          reason: expect.stringMatching(
            /^ingest\/sources\/jsonl: input\/output error \(EIO\) (at byte 0|after reading 0 bytes): the disk, network share or device failed/,
          ),
        },
      ]);
    });
  });

  describe('#ioErrorReason', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
    it('should explain disk-full, permission and open-file errors and where reading stopped', () => {
      expect(ioErrorReason(err('ENOSPC'), 'after reading 1024 bytes')).toBe(
        'no space left on the device (ENOSPC) after reading 1024 bytes; free some disk space and retry',
      );
      expect(ioErrorReason(err('EACCES'), 'when opening it')).toBe('permission denied (EACCES); check that you may read the file');
      expect(ioErrorReason(err('EMFILE'), 'when opening it')).toMatch(
        /^too many open files \(EMFILE\) when opening it; raise the open-file limit/,
      );
      expect(ioErrorReason(err('EWHATEVER'), 'after reading 7 bytes')).toBe(
        'cannot read the file after reading 7 bytes (EWHATEVER); check the disk and retry',
      );
    });
  });
});
