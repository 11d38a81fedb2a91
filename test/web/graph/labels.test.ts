import { describe, expect, it } from 'vitest';
import { createLabelDrawer, fitLabel, type LabelDrawer } from '../../../src/web/graph/labels.js';

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

// The few canvas calls the label drawer makes, with the same 7-pixel characters.
function fakeContext(): CanvasRenderingContext2D {
  const noop = () => undefined;
  return {
    measureText: (text: string) => ({ width: measure(text) }),
    beginPath: noop,
    arc: noop,
    stroke: noop,
    setLineDash: noop,
    strokeText: noop,
    fillText: noop,
  } as unknown as CanvasRenderingContext2D;
}

const settings = { labelSize: 12, labelWeight: '500', labelFont: 'sans-serif' } as unknown as Parameters<LabelDrawer['draw']>[2];
const node = (label: string, x: number, y: number) => ({ key: label, label, x, y, size: 5, color: '#000' });

describe('createLabelDrawer', () => {
  // A 200 × 100 stage: its right edge and a panel in its top-left corner are kept out of.
  const keepOut = () => [
    { x: 200, y: 0, w: 1000, h: 100 },
    { x: 0, y: 0, w: 60, h: 30 },
  ];

  it('moves a label that would cross a kept-out area to the node’s other side', () => {
    const drawer = createLabelDrawer({ mustDraw: () => false, keepOut });
    drawer.beginFrame();
    drawer.draw(fakeContext(), node('Transformer', 180, 60), settings);
    const [placed] = drawer.placed();
    expect(placed?.x).toBeLessThan(180);
    expect(placed!.x + placed!.w).toBeLessThanOrEqual(200);
  });

  it('gives an export drawer the same kept-out areas, so the image labels what the view labels', () => {
    const view = createLabelDrawer({ mustDraw: () => false, keepOut });
    const image = view.forExport();
    const nodes = [node('Transformer', 180, 60), node('ResNet', 20, 10), node('Mixture of Experts', 100, 50)];
    for (const drawer of [view, image]) {
      drawer.beginFrame();
      for (const n of nodes) drawer.draw(fakeContext(), n, settings);
    }
    expect(image.placed()).toEqual(view.placed());
    // ResNet sits under the corner panel with no free side: neither draws it.
    expect(view.drawn()).not.toContain('ResNet');
  });
});
