// Reads every format's fixtures and the broken ones: fields mapped, positions and reasons named.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, fixtures } from './helpers.js';

const f = (name: string) => join(fixtures, name);
const tmp = mkdtempSync(join(tmpdir(), 'methodgraph-readers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ingest/sources/json', () => {
  describe('#readJson', () => {
    it('should map id, arxivId, doi, year, authors, url and code', async () => {
      const { records, issues } = await collect(f('papers.json'));
      expect(issues).toEqual([]);
      expect(records).toHaveLength(3);
      expect(records[0]).toMatchObject({
        title: 'Matryoshka Representation Learning',
        sourceId: 'json-1',
        arxivId: '2205.13147',
        year: 2022,
        authors: ['Aditya Kusupati', 'Gantavya Bhatt'],
        url: 'https://arxiv.org/abs/2205.13147',
        code: ['https://github.com/RAIVNLab/MRL'],
      });
      expect(records[1]).toMatchObject({
        doi: '10.48550/arxiv.2306.13575',
        year: 2023,
        authors: ['Gregor Bachmann', 'Sotiris Anagnostidis'],
      });
      expect(records[2]).toMatchObject({ title: 'A Paper With Only A Title', abstract: '' });
      expect(records[0]!.source).toBe(`${f('papers.json')}:record 1`);
    });

    it('should reject a record with no title, a duplicate id and a non-object, and keep the rest', async () => {
      const { records, issues } = await collect(f('broken/bad-records.json'));
      expect(records.map((r) => r.sourceId)).toEqual(['ok-1', 'ok-2']);
      expect(issues.map((i) => [i.position, i.reason])).toEqual([
        ['record 2', 'ingest/sources/json: missing title; every paper needs a title'],
        ['record 3', 'ingest/sources/json: duplicate id "ok-1" (first seen at record 1); remove one of the two'],
        ['record 4', 'ingest/sources/json: expected a paper object, got a string'],
      ]);
      expect(issues.every((i) => i.file === f('broken/bad-records.json'))).toBe(true);
    });

    it('should reject an absurdly long field', async () => {
      const { records, issues } = await collect(f('broken/long-field.json'));
      expect(records).toHaveLength(1);
      expect(issues).toEqual([
        {
          file: f('broken/long-field.json'),
          position: 'record 2',
          reason: 'ingest/sources/json: abstract is 60000 characters long (at most 50000)',
        },
      ]);
    });

    it('should keep the records before a truncation and name the broken record', async () => {
      const { records, issues } = await collect(f('broken/truncated.json'));
      expect(records.map((r) => r.title)).toEqual(['Matryoshka Representation Learning']);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ position: 'record 2' });
      expect(issues[0]!.reason).toMatch(/^ingest\/sources\/json: broken JSON/);
    });

    it('should report binary, empty and non-UTF-8 files', async () => {
      const binary = await collect(f('broken/binary.json'));
      expect(binary.issues[0]!.reason).toMatch(/binary content/);
      const forcedBinary = await collect(f('broken/binary.json'), 'json');
      expect(forcedBinary.issues[0]!.reason).toMatch(/binary content \(a NUL byte at byte \d+\)/);
      const empty = await collect(f('broken/empty.json'));
      expect(empty.issues[0]!.reason).toMatch(/empty file/);
      const latin1 = await collect(f('broken/latin1.json'));
      expect(latin1.records).toEqual([]);
      expect(latin1.issues[0]!.reason).toMatch(/not UTF-8 text \(invalid byte sequence near byte \d+\)/);
    });

    it('should report a missing file', async () => {
      const { issues } = await collect(f('no-such-file.json'));
      expect(issues).toEqual([
        { file: f('no-such-file.json'), position: 'file', reason: 'ingest/sources/detect: file not found; check the path' },
      ]);
    });
  });

  describe('#readJsonLines', () => {
    it('should read one paper per line and skip blank lines', async () => {
      const { records, issues } = await collect(f('papers.jsonl'));
      expect(issues).toEqual([]);
      expect(records.map((r) => [r.sourceId, r.source.split(':').pop()])).toEqual([
        ['l1', 'line 1'],
        ['l2', 'line 2'],
        ['l3', 'line 4'],
      ]);
    });

    it('should report a broken line by number and read the lines after it', async () => {
      const { records, issues } = await collect(f('broken/lines.jsonl'));
      expect(records.map((r) => r.title)).toEqual(['Good line', 'Second good line']);
      expect(issues.map((i) => i.position)).toEqual(['line 2', 'line 3']);
      expect(issues[0]!.reason).toMatch(/^ingest\/sources\/jsonl: broken JSON/);
      expect(issues[1]!.reason).toMatch(/missing title/);
    });
  });
});

describe('ingest/sources/arxiv-atom', () => {
  describe('#readArxivAtom', () => {
    it('should read id, wrapped title and summary, year, authors, comment code URL, doi, category and pdf link', async () => {
      const { records, issues } = await collect(f('arxiv.xml'));
      expect(issues).toEqual([]);
      expect(records).toHaveLength(2);
      expect(records[0]).toMatchObject({
        title:
          'SortedNet, a Place for Every Network and Every Network in its Place: Towards a Generalized Solution for Training Many-in-One Neural Networks',
        arxivId: '2309.00255',
        doi: '10.1000/sortednet.2023',
        year: 2023,
        authors: ['Mojtaba Valipour', 'Mehdi Rezagholizadeh'],
        code: ['https://github.com/huawei-noah/Efficient-NLP'],
        url: 'http://arxiv.org/pdf/2309.00255v2',
        categories: ['cs.LG', 'cs.CL'],
      });
      expect(records[0]!.abstract).toBe(
        'We propose SortedNet, a generalized and scalable solution to harness the inherent modularity of deep neural networks. SortedNet enables the training of numerous sub-models simultaneously & efficiently.',
      );
      expect(records[1]).toMatchObject({ arxivId: '2309.08968', authors: ['Parsa Kavehzadeh'], categories: ['cs.CL'] });
      expect(records[1]!.source).toBe(`${f('arxiv.xml')}:entry 2 (line 32)`);
    });

    it('should treat a feed whose single entry is titled Error as an error', async () => {
      const { records, issues } = await collect(f('arxiv-error.xml'));
      expect(records).toEqual([]);
      expect(issues).toEqual([
        {
          file: f('arxiv-error.xml'),
          position: 'entry 1 (line 6)',
          reason: 'ingest/sources/arxiv-atom: the arXiv API returned an error instead of papers: incorrect id format for not-an-id',
        },
      ]);
    });

    it('should report broken XML with its line', async () => {
      const { records, issues } = await collect(f('broken/broken.xml'));
      expect(records).toEqual([]);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.position).toBe('line 5');
      expect(issues[0]!.reason).toMatch(/^ingest\/sources\/arxiv-atom: broken XML/);
    });
  });
});

describe('ingest/sources/bibtex', () => {
  describe('#readBibtex', () => {
    it('should resolve @string, braces and accents and map eprint, doi and a code url', async () => {
      const { records, issues } = await collect(f('refs.bib'));
      expect(issues).toEqual([]);
      expect(records.map((r) => r.sourceId)).toEqual(['ren2023sparse', 'm2mkd2024', 'goedel2020']);
      expect(records[0]).toMatchObject({
        title: 'Sparse Modular Activation for Efficient Sequence Modeling',
        arxivId: '2306.11197',
        year: 2023,
        code: ['https://github.com/renll/SeqBoat'],
      });
      expect(records[0]!.url).toBeUndefined();
      expect(records[0]!.authors?.[0]).toBe('Liliang Ren');
      expect(records[1]).toMatchObject({
        title: 'm2mKD: Module-to-Module Knowledge Distillation for Modular Transformers',
        arxivId: '2402.16918',
      });
      expect(records[2]).toMatchObject({ title: 'Café Networks with Über-Attention', authors: ['Kurt Gödel'], doi: '10.5555/cafe.2020' });
      expect(records[2]!.source).toBe(`${f('refs.bib')}:entry 3 (line 23)`);
    });

    it('should report an unterminated entry with its line and keep the good one', async () => {
      const { records, issues } = await collect(f('broken/broken.bib'));
      expect(records.map((r) => r.title)).toEqual(['A Good Entry']);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.position).toMatch(/^line \d+$/);
      expect(issues[0]!.reason).toMatch(/^ingest\/sources\/bibtex: broken BibTeX: Unterminated/);
    });
  });
});

describe('ingest/sources/pwc', () => {
  describe('#readPwcPapers', () => {
    it('should map paper_url, arxiv_id, date, tasks and methods', async () => {
      const { records, issues } = await collect(f('pwc/papers-with-abstracts.json'));
      expect(issues).toEqual([]);
      expect(records).toHaveLength(2);
      expect(records[0]).toMatchObject({
        sourceId: 'https://paperswithcode.com/paper/sortednet-a-place-for-every-network-and-every',
        arxivId: '2309.00255',
        year: 2023,
        tasks: ['Image Classification', 'Language Modelling'],
        methods: [
          {
            name: 'Knowledge Distillation',
            fullName: 'Knowledge Distillation',
            description: 'A teacher model trains a student model.',
            year: 2015,
            collection: 'Knowledge Distillation',
            area: 'General',
          },
        ],
      });
    });
  });

  describe('#readPwcLinks', () => {
    it('should yield code links with the paper they belong to', async () => {
      const { links, records, issues } = await collect(f('pwc/links-between-papers-and-code.json'));
      expect(issues).toEqual([]);
      expect(records).toEqual([]);
      expect(links.map((l) => [l.arxivId, l.repoUrl, l.official])).toEqual([
        ['2309.00255', 'https://github.com/huawei-noah/Efficient-NLP', true],
        ['2103.12424', 'https://github.com/changlin31/BossNAS', true],
        ['2306.11197', 'https://github.com/renll/SeqBoat', true],
      ]);
    });
  });

  describe('#readPwcMethods', () => {
    it('should yield taxonomy method entries with their collections', async () => {
      const { methods } = await collect(f('pwc/methods.json'));
      expect(methods.map((m) => [m.name, m.fullName, m.year, m.collections.map((c) => c.collection)])).toEqual([
        ['SortedNet', 'Sorted Network Training', 2023, ['Model Compression']],
        ['GAU', 'Gated Attention Unit', 2022, ['Attention Modules']],
      ]);
      expect(methods[0]!.paper).toBe('SortedNet, a Place for Every Network and Every Network in its Place');
    });
  });
});

describe('ingest/sources/semantic-scholar', () => {
  describe('#readSemanticScholar', () => {
    it('should map paperId, external ids, authors and references', async () => {
      const { records, issues } = await collect(f('semantic-scholar.json'));
      expect(issues).toEqual([]);
      expect(records[0]).toMatchObject({
        sourceId: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2',
        arxivId: '2306.11197',
        doi: '10.48550/arxiv.2306.11197',
        year: 2023,
        authors: ['Liliang Ren', 'Yang Liu'],
        references: [
          {
            sourceId: 'ffff000011112222333344445555666677778888',
            title: 'Mega: Moving Average Equipped Gated Attention',
            arxivId: '2209.10655',
          },
          {
            sourceId: '0000111122223333444455556666777788889999',
            title: 'Efficiently Modeling Long Sequences with Structured State Spaces',
            arxivId: '2111.00396',
          },
        ],
      });
      expect(records[1]).toMatchObject({ title: 'Mega: Moving Average Equipped Gated Attention', abstract: '', references: [] });
    });

    it('should read a single paper, a {data: [...]} page and JSON lines of Graph API papers', async () => {
      const papers = JSON.parse(readFileSync(f('semantic-scholar.json'), 'utf8')) as object[];
      const single = join(tmp, 'one.json');
      writeFileSync(single, JSON.stringify(papers[0]));
      const page = join(tmp, 'page.json');
      writeFileSync(page, JSON.stringify({ total: 2, offset: 0, data: papers }));
      const lines = join(tmp, 'papers.jsonl');
      writeFileSync(lines, papers.map((p) => JSON.stringify(p)).join('\n'));
      expect((await collect(single)).records.map((r) => r.arxivId)).toEqual(['2306.11197']);
      expect((await collect(page)).records.map((r) => r.arxivId)).toEqual(['2306.11197', '2209.10655']);
      const fromLines = await collect(lines);
      expect(fromLines.records.map((r) => r.sourceId)).toEqual([
        'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2',
        'ffff000011112222333344445555666677778888',
      ]);
      expect(fromLines.records[0]!.references).toHaveLength(2);
    });
  });
});

describe('ingest/sources/file-text', () => {
  describe('#textChunks', () => {
    it('should read gzipped dumps transparently', async () => {
      const gz = join(tmp, 'papers-with-abstracts.json.gz');
      writeFileSync(gz, gzipSync(readFileSync(f('pwc/papers-with-abstracts.json'))));
      const { records, issues } = await collect(gz);
      expect(issues).toEqual([]);
      expect(records.map((r) => r.arxivId)).toEqual(['2309.00255', '2103.12424']);
      const broken = join(tmp, 'broken.json.gz');
      writeFileSync(broken, gzipSync(readFileSync(f('papers.json'))).subarray(0, 60));
      const result = await collect(broken);
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]!.reason).toMatch(/^ingest\/sources\/detect: broken gzip data/);
      const named = join(tmp, 'links-between-papers-and-code.json.gz');
      writeFileSync(named, gzipSync(readFileSync(f('pwc/links-between-papers-and-code.json'))).subarray(0, 60));
      const fromNamed = await collect(named);
      expect(fromNamed.issues).toHaveLength(1);
      expect(fromNamed.issues[0]!.reason).toMatch(/^ingest\/sources\/pwc-links: (broken gzip data|broken JSON)/);
    });
  });
});
