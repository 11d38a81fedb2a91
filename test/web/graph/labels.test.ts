import { describe, expect, it } from 'vitest';
import { fitLabel } from '../../../src/web/graph/labels.js';

// A monospace stand-in for canvas measureText: 7 pixels a character.
const measure = (text: string) => text.length * 7;

describe('fitLabel', () => {
  it('keeps a label that fits as it is', () => {
    expect(fitLabel('Transformer', 100, measure)).toBe('Transformer');
  });

  it('shortens a label to the widest prefix that fits with an ellipsis', () => {
    const fitted = fitLabel('Kolmogorov-Arnold Transformer', 100, measure);
    expect(fitted).toBe('Kolmogorov-Ar…');
    expect(measure(fitted)).toBeLessThanOrEqual(100);
  });

  it('does not end on a space before the ellipsis, and keeps at least one letter', () => {
    expect(fitLabel('Vision Transformer', 56, measure)).toBe('Vision…');
    expect(fitLabel('Transformer', 3, measure)).toBe('T…');
  });
});
