// BibTeX inputs built to exhaust the reader: @string macros doubling at every level (the "macro
// bomb"), macros nested too deep, entries pulling in huge expansions, invalid bytes in a macro.
// Each must be refused where it happens, with its line and macro, and the good entries kept.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MACRO_LIMITS } from '../../../ingest/sources/bibtex-strings.js';
import { readInChild } from './child.js';
import { collect } from './helpers.js';

/** `levels` macros, each the previous one twice: level n expands to 2^(n+1) characters. */
function bomb(levels: number): string {
  let s = '% nested macros, doubling at each level\n@string{m0 = "ab"}\n';
  for (let i = 1; i <= levels; i++) s += `@string{m${i} = m${i - 1} # m${i - 1}}\n`;
  return s;
}

const GOOD = '@article{good,\n  title = {A Good Entry},\n  year = {2021}\n}\n';

describe('ingest/sources/bibtex (limits)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'methodgraph-bibtex-limits-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  describe('#readBibtex', () => {
    it('should refuse a doubling macro bomb at the macro that crosses the limit, within 200 MB, and keep the good entry', async () => {
      const levels = 40; // 2^41 characters if expanded: far beyond any memory
      const path = write('bomb.bib', `${bomb(levels)}@article{bomb, title = m${levels}, year = 2020}\n${GOOD}`);
      const summary = await readInChild(path, 160);
      expect(summary.records).toEqual(['good|A Good Entry']);
      expect(summary.maxRssMiB).toBeLessThan(200);
      // m13 is the first macro past the size limit (2^14 characters); its @string is on line 15.
      const first = Math.floor(Math.log2(MACRO_LIMITS.chars));
      expect(summary.issues[0]).toEqual({
        position: `line ${first + 2}`,
        reason: `ingest/sources/bibtex: @string macro "m${first}" expands to more than ${MACRO_LIMITS.chars} characters (nested @string macros?); shorten it`,
      });
      const entry = summary.issues.find((i) => i.position.startsWith('entry'));
      expect(entry?.position).toBe(`entry 1 (line ${levels + 3})`);
      expect(entry?.reason).toContain(
        `field "title" uses @string macro "m${levels}" (line ${levels + 2}), which was refused: @string macro "m${first}"`,
      );
    });

    it('should refuse macros nested deeper than the limit even when they stay small', async () => {
      let s = '@string{d0 = "x"}\n';
      for (let i = 1; i <= MACRO_LIMITS.depth + 2; i++) s += `@string{d${i} = d${i - 1}}\n`;
      const path = write('deep.bib', `${s}@article{deep, title = {Deep} # d${MACRO_LIMITS.depth + 2}}\n${GOOD}`);
      const { records, issues } = await collect(path);
      expect(records.map((r) => r.title)).toEqual(['A Good Entry']);
      expect(issues[0]).toMatchObject({ position: `line ${MACRO_LIMITS.depth + 1}` });
      expect(issues[0]!.reason).toMatch(`@string macro "d${MACRO_LIMITS.depth}" nests @string macros ${MACRO_LIMITS.depth + 1} deep`);
      expect(issues.at(-1)!.position).toBe(`entry 1 (line ${MACRO_LIMITS.depth + 4})`);
    });

    it('should refuse an entry whose field concatenates a large macro past the field limit', async () => {
      // m12 is 8,192 characters: thirteen of them are past the 100,000-character field limit.
      const path = write('wide.bib', `${bomb(12)}@article{wide, title = {Wide}, abstract = ${Array(13).fill('m12').join(' # ')}}\n${GOOD}`);
      const { records, issues } = await collect(path);
      expect(records.map((r) => r.title)).toEqual(['A Good Entry']);
      expect(issues).toEqual([
        {
          file: path,
          position: 'entry 1 (line 15)',
          reason: `ingest/sources/bibtex: field "abstract" expands to ${13 * 8192} characters (at most ${MACRO_LIMITS.fieldChars}); shorten it`,
        },
      ]);
    });

    it('should stop entries from pulling in more macro text than the file-wide budget', async () => {
      // A small file whose many entries each use a large macro: refused once the budget is spent.
      const entries = Array.from({ length: 200 }, (_, i) => `@misc{e${i}, title = {Entry ${i}}, note = m8}`).join('\n');
      const path = write('fan.bib', `${bomb(8)}${entries}\n${GOOD}`);
      const { records, issues } = await collect(path);
      const refused = issues.filter((i) => i.reason.includes('characters of @string macro text together'));
      expect(refused.length).toBeGreaterThan(10);
      expect(records.length + refused.length).toBe(201);
      expect(records.at(-1)!.title).toBe('A Good Entry');
      expect(records[0]!.title).toBe('Entry 0');
    });

    it('should refuse a macro whose @string holds invalid UTF-8 and the entries using it, naming their lines', async () => {
      const text = Buffer.concat([
        Buffer.from('@string{venue = "Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' Conference"}\n@inproceedings{uses, title = {Uses It}, booktitle = venue}\n'),
        Buffer.from(GOOD),
      ]);
      const path = write('latin1-macro.bib', text);
      const { records, issues } = await collect(path);
      expect(records.map((r) => r.title)).toEqual(['A Good Entry']);
      expect(issues.map((i) => i.position)).toEqual(['line 1', 'entry 1 (line 2)']);
      expect(issues[0]!.reason).toBe(
        'ingest/sources/bibtex: @string macro "venue" is refused: not UTF-8 text (invalid byte sequence near byte 20); re-save the file as UTF-8',
      );
      expect(issues[1]!.reason).toMatch(/field "booktitle" uses @string macro "venue" \(line 1\), which was refused/);
    });

    it('should still resolve ordinary macros, months and macros redefined between entries', async () => {
      const path = write(
        'macros.bib',
        [
          '@string{conf = "NeurIPS"}',
          '@inproceedings{a, title = {First}, booktitle = conf # " 2020", month = jan, year = 2020}',
          '@string{conf = "ICML"}',
          '@inproceedings{b, title = {Second}, booktitle = conf, year = 2021}',
          '@inproceedings(c, title = "Third (in parens)", booktitle = {Some} # " " # conf, year = 2022)',
        ].join('\n'),
      );
      const { records, issues } = await collect(path);
      expect(issues).toEqual([]);
      expect(records.map((r) => [r.sourceId, r.title, r.year, r.source.split(':').pop()])).toEqual([
        ['a', 'First', 2020, 'entry 1 (line 2)'],
        ['b', 'Second', 2021, 'entry 2 (line 4)'],
        ['c', 'Third (in parens)', 2022, 'entry 3 (line 5)'],
      ]);
    });
  });
});

describe('ingest/sources/bibtex (plain fields)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'methodgraph-bibtex-plain-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('#readBibtex', () => {
    it('should give plain abstracts exactly as TeX decoding would, and still decode those with TeX', async () => {
      const abstracts = [
        'We study modular networks. Each module is trained alone; then modules are composed (see Sec. 3).',
        "Über-attention for café-style models: it's fast, 2x cheaper, and 10/10 = 1 * 1 + 0!",
        'Multi-line\n  abstract with   spaces\n\tand a tab.',
        "Not plain: {Braced} words, an accent {\\\"o}, math $x^2$, a dash -- and ``quotes''.",
      ];
      const text = abstracts.map((a, i) => `@article{k${i},\n  title = {Paper ${i}},\n  abstract = {${a}},\n  year = 2020\n}`).join('\n\n');
      const path = join(dir, 'plain.bib');
      writeFileSync(path, text);
      const { records, issues } = await collect(path);
      expect(issues).toEqual([]);
      const library = parse(text, { english: false, sentenceCase: false, unsupported: 'ignore', caseProtection: false });
      expect(records.map((r) => r.abstract)).toEqual(
        library.entries.map((e) => (e.fields.abstract as string).normalize('NFC').replace(/\s+/g, ' ').trim()),
      );
      expect(records[3]!.abstract).toContain('ö');
    });
  });
});
