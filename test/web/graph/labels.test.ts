import { describe, expect, it } from 'vitest';
import { boxHitsDisc, createLabelDrawer, discIndex, fitLabel, type Disc, type LabelDrawer } from '../../../src/web/graph/labels.js';

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

describe('boxHitsDisc', () => {
  it('tells a box that reaches into a disc from one that only comes near its corner', () => {
    const disc = { node: 'n', x: 0, y: 0, r: 10 };
    expect(boxHitsDisc({ x: 5, y: -2, w: 20, h: 4 }, disc)).toBe(true);
    expect(boxHitsDisc({ x: 8, y: 8, w: 20, h: 4 }, disc)).toBe(false);
    expect(boxHitsDisc({ x: -50, y: -50, w: 100, h: 100 }, disc)).toBe(true);
  });
});

describe('discIndex', () => {
  it('finds the discs a box reaches, across cells, except the one named', () => {
    const hits = discIndex([
      { node: 'a', x: 100, y: 100, r: 20 },
      { node: 'b', x: 300, y: 100, r: 5 },
    ]);
    expect(hits({ x: 115, y: 95, w: 10, h: 10 }, 'b')).toBe(true);
    expect(hits({ x: 115, y: 95, w: 10, h: 10 }, 'a')).toBe(false);
    expect(hits({ x: 130, y: 95, w: 200, h: 10 }, 'a')).toBe(true);
    expect(hits({ x: 200, y: 200, w: 50, h: 10 }, 'x')).toBe(false);
  });
});

describe('createLabelDrawer › groups', () => {
  const group = (label: string, x: number, y: number, extra: Record<string, unknown> = {}) => ({
    ...node(label, x, y),
    key: `cluster:${label}`,
    kind: 'Cluster',
    size: 10,
    ...extra,
  });
  /** Draws one frame as sigma does: beginFrame, every label sigma hands over, then endFrame. */
  function frame(drawer: LabelDrawer, nodes: ReturnType<typeof node>[]): void {
    drawer.beginFrame();
    for (const n of nodes) drawer.draw(fakeContext(), n, settings);
    drawer.endFrame();
  }

  it('places a group’s label after every other label of the frame, so it yields to the ideas’ labels', () => {
    const alone = createLabelDrawer({ mustDraw: () => false });
    frame(alone, [node('Attention', 75, 65)]);
    const drawer = createLabelDrawer({ mustDraw: () => false });
    // The group comes first, as sigma's label grid may hand it over, and both want the spot under the ring.
    frame(drawer, [group('Transformer +12', 100, 50), node('Attention', 75, 65)]);
    expect(drawer.drawn()).toEqual(['Attention', 'Transformer +12']);
    const [idea, ring] = drawer.placed();
    expect(idea).toEqual(alone.placed()[0]);
    // The group's label went over its ring instead.
    expect(ring!.y + ring!.h).toBeLessThanOrEqual(50 - 10);
  });

  it('keeps a group’s label off the discs of other nodes, trying under, over, then along and beside its ring', () => {
    const others: Disc[] = [{ node: 'method:m', x: 100, y: 70, r: 6 }];
    const drawer = createLabelDrawer({ mustDraw: () => false, discs: () => others });
    frame(drawer, [group('KD +3', 100, 50)]);
    const [placed] = drawer.placed();
    // Under the ring is taken by the method's disc: the label goes over it, clear of the disc.
    expect(placed!.y + placed!.h).toBeLessThanOrEqual(50 - 10);
    expect(boxHitsDisc(placed!, others[0]!)).toBe(false);
  });

  it('leaves out a group’s label that no place keeps clear of other nodes, but draws it while hovered', () => {
    const crowd: Disc[] = [];
    for (let x = 0; x <= 300; x += 8) for (let y = 0; y <= 100; y += 8) crowd.push({ node: `n${x},${y}`, x, y, r: 5 });
    const drawer = createLabelDrawer({ mustDraw: () => false, discs: () => crowd });
    frame(drawer, [group('Mamba +40', 150, 50)]);
    expect(drawer.drawn()).toEqual([]);
    frame(drawer, [group('Mamba, S4 +40', 150, 50, { highlighted: true })]);
    expect(drawer.drawn()).toEqual(['Mamba, S4 +40']);
  });

  it('puts a hovered or selected group’s label right of its ring, where sigma’s hover box draws it, not under it as well', () => {
    const drawer = createLabelDrawer({ mustDraw: () => false });
    frame(drawer, [group('Mamba, S4 +40', 150, 50, { highlighted: true })]);
    const [placed] = drawer.placed();
    expect(placed!.x).toBe(150 + 10 + 3);
    expect(placed!.y + placed!.h / 2).toBe(50);
  });

  it('does not keep an idea’s label off other nodes (only groups yield to them)', () => {
    const drawer = createLabelDrawer({ mustDraw: () => false, discs: () => [{ node: 'x', x: 120, y: 60, r: 8 }] });
    frame(drawer, [node('Transformer', 100, 60)]);
    expect(drawer.drawn()).toEqual(['Transformer']);
  });
});
