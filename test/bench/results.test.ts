// Unit tests of the benchmark results module: figure keys, the Markdown table with baselines and
// ratios, and the regression view against a previous results file.
import { describe, expect, it } from 'vitest';
import { figureKey, formatValue, toMarkdown, type Figure, type Results } from '../../bench/lib/results.js';
import { percentile } from '../../bench/lib/stats.js';

const figure = (name: string, value: number, extra: Partial<Figure> = {}): Figure => ({
  key: figureKey('ingest', name, 1000),
  part: 'ingest',
  name,
  size: 1000,
  value,
  unit: 'rels/s',
  better: 'higher',
  runs: 3,
  ...extra,
});

const results = (figures: Figure[]): Results => ({
  date: '2026-01-01T00:00:00.000Z',
  mode: 'quick',
  options: {},
  machine: { nproc: 2, memoryGiB: 24, cpu: 'test', node: 'v20', loadAverage: [0, 0, 0] },
  figures,
  goals: [
    { part: 'ingest', goal: 'loader ≥ 50% of UNWIND', measured: '40,000 rels/s', baseline: '60,000 rels/s', ratio: '67%', met: true },
  ],
  notes: [],
  failures: [],
});

describe('bench/lib/results', () => {
  describe('#figureKey', () => {
    it('should key a figure by part, name and size', () => {
      expect(figureKey('api', 'search p95', 100_000)).toBe('api.search p95@100000');
      expect(figureKey('db', 'cold start')).toBe('db.cold start');
    });
  });

  describe('#formatValue', () => {
    it('should round by magnitude and say n/a for missing values', () => {
      expect(formatValue(123456.7, 'rels/s')).toBe('123,457 rels/s');
      expect(formatValue(12.345, 'ms')).toBe('12.3 ms');
      expect(formatValue(1.2345, 's')).toBe('1.23 s');
      expect(formatValue(NaN, 'ms')).toBe('n/a');
    });
  });

  describe('#toMarkdown', () => {
    it('should print each figure with its baseline and the ratio to it, then the goals', () => {
      const md = toMarkdown(
        results([
          figure('loader relationships/s', 40_000, { baseline: figureKey('ingest', 'UNWIND CREATE relationships/s', 1000) }),
          figure('UNWIND CREATE relationships/s', 60_000),
        ]),
      );
      expect(md).toContain(
        '| ingest | loader relationships/s | 1,000 | 40,000 rels/s | 60,000 rels/s (UNWIND CREATE relationships/s) | 0.67× | 3 |',
      );
      expect(md).toContain('| ingest | loader ≥ 50% of UNWIND | 40,000 rels/s | 60,000 rels/s | 67% | yes |');
      expect(md).not.toContain('vs previous');
    });

    it('should show the change against the previous results and say whether it is better or worse', () => {
      const before = results([figure('loader relationships/s', 50_000), figure('p95', 10, { unit: 'ms', better: 'lower' })]);
      const now = results([
        figure('loader relationships/s', 40_000),
        figure('p95', 8, { unit: 'ms', better: 'lower' }),
        figure('new figure', 1),
      ]);
      const md = toMarkdown(now, before);
      expect(md).toContain('vs previous');
      expect(md).toMatch(/loader relationships\/s .*\| -20% \(worse\) \|/);
      expect(md).toMatch(/\| p95 .*\| -20% \(better\) \|/);
      expect(md).toMatch(/\| new figure .*\| {2}\|$/m);
    });
  });
});

describe('bench/lib/stats', () => {
  describe('#percentile', () => {
    it('should give nearest-rank percentiles', () => {
      const values = Array.from({ length: 100 }, (_, i) => i + 1);
      expect(percentile(values, 50)).toBe(50);
      expect(percentile(values, 95)).toBe(95);
      expect(percentile(values, 99)).toBe(99);
      expect(percentile([], 50)).toBeNaN();
    });
  });
});
