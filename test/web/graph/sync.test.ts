import { describe, expect, it } from 'vitest';
import { shortLabel } from '../../../src/web/graph/sync.js';
import type { WireNode } from '../../../src/shared/graph.js';

const wire = (label: WireNode['label'], name: string, properties: WireNode['properties'] = {}): WireNode => ({
  id: `${label.toLowerCase()}:${name}`,
  label,
  name,
  properties,
});

describe('shortLabel', () => {
  it('tells a paper from the method of the same name by its year', () => {
    const paper = shortLabel(wire('Paper', 'Titans: Learning to Memorize at Test Time', { year: 2024 }));
    const method = shortLabel(wire('Architecture', 'Titans'));
    expect(paper).toBe('Titans (2024)');
    expect(method).toBe('Titans');
  });

  it('keeps a long paper head within the label length, year included', () => {
    const label = shortLabel(wire('Paper', 'Sparse Modular Activation for Efficient Sequence Modeling', { year: 2023 }));
    expect(label).toBe('Sparse Modular Activation… (2023)');
    expect(label.length).toBeLessThanOrEqual(35);
  });

  it('leaves an undated paper and a repository without a year', () => {
    expect(shortLabel(wire('Paper', 'Attention Is All You Need'))).toBe('Attention Is All You Need');
    expect(shortLabel(wire('Repository', 'https://github.com/google/flax'))).toBe('google/flax');
  });
});
