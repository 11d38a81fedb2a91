import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { SEPARATE_UP_TO_NODES, anyUnder, fittedScale, separatedPositions } from '../../../src/web/graph/separate-nodes.js';

/** A 1000 × 1000 px stage: a graph 100 units wide is drawn at about 10 px per unit. */
const stage = { width: 1000, height: 1000, padding: 0 };

function discs(points: [string, number, number, number][]): Graph {
  const g = new Graph();
  for (const [id, x, y, size] of points) g.addNode(id, { x, y, size });
  return g;
}

describe('fittedScale', () => {
  it('fits the bounding box into the stage by its tighter side', () => {
    const wide = discs([
      ['a', 0, 0, 1],
      ['b', 200, 50, 1],
    ]);
    expect(fittedScale(wide, { width: 1000, height: 500, padding: 0 }).toScreen({ x: 1, y: 1 })).toEqual({ x: 5, y: 5 });
    expect(fittedScale(wide, { width: 1000, height: 100, padding: 0 }).toScreen({ x: 1, y: 1 })).toEqual({ x: 2, y: 2 });
  });
});

describe('separatedPositions', () => {
  it('moves discs drawn on top of each other apart by their radii in pixels, and leaves distant ones alone', () => {
    const g = discs([
      ['paper:p', 0, 0, 12],
      ['method:m', 0.2, 0.1, 5],
      ['dataset:far', 100, 100, 5],
    ]);
    const after = separatedPositions(g, stage);
    const px = fittedScale(discs(Object.entries(after).map(([id, p]) => [id, p.x, p.y, 1])), stage).toScreen;
    const p = px(after['paper:p']!);
    const m = px(after['method:m']!);
    expect(Math.hypot(p.x - m.x, p.y - m.y)).toBeGreaterThanOrEqual(12 + 5);
    expect(g.getNodeAttributes('paper:p')).toMatchObject({ x: 0, y: 0 });
  });

  it('keeps the room a node asks for free around its disc, beyond its radius', () => {
    const g = discs([
      ['cluster:1', 0, 0, 10],
      ['method:m', 0.5, 0, 5],
      ['dataset:far', 100, 100, 5],
    ]);
    g.setNodeAttribute('cluster:1', 'room', 30);
    const after = separatedPositions(g, stage);
    const px = fittedScale(discs(Object.entries(after).map(([id, p]) => [id, p.x, p.y, 1])), stage).toScreen;
    const c = px(after['cluster:1']!);
    const m = px(after['method:m']!);
    expect(Math.hypot(c.x - m.x, c.y - m.y)).toBeGreaterThanOrEqual(10 + 30 + 5);
  });

  /**
   * Discs hidden under another once the crowd is separated: tight groups (a paper on the ideas it
   * proposes) scattered over the stage, discs of the explorer's sizes, positions from a fixed seed.
   */
  function hiddenAfterSeparation(groups: number, perGroup: number, spread: number): string[] {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const points: [string, number, number, number][] = [];
    for (let group = 0; group < groups; group += 1) {
      const cx = random() * 100;
      const cy = random() * 80;
      for (let i = 0; i < perGroup; i += 1)
        points.push([`n${group}-${i}`, cx + random() * spread, cy + random() * spread, 5 + random() * 8]);
    }
    const stage = { width: 1000, height: 800, padding: 30 };
    const after = separatedPositions(discs(points), stage);
    const moved = discs(points.map(([id, , , size]) => [id, after[id]!.x, after[id]!.y, size]));
    expect(anyUnder(moved, stage)).toBe(false);
    const px = fittedScale(moved, stage).toScreen;
    const drawn = moved.mapNodes((id, a) => ({ id, ...px({ x: a.x as number, y: a.y as number }), r: a.size as number }));
    const under: string[] = [];
    for (const [i, a] of drawn.entries())
      for (const b of drawn.slice(i + 1)) if (Math.hypot(a.x - b.x, a.y - b.y) < Math.max(a.r, b.r)) under.push(`${a.id} / ${b.id}`);
    return under;
  }

  it('leaves no disc under another in a crowded drawing of a few hundred nodes', () => {
    // As ForceAtlas2 leaves a corpus's first view.
    expect(hiddenAfterSeparation(40, 6, 1.5)).toEqual([]);
  });

  it('leaves no disc under another in the tighter crowd a short layout leaves (a busy machine)', () => {
    expect(hiddenAfterSeparation(45, 6, 0.6)).toEqual([]);
  });

  it('leaves views larger than the main-thread budget as they are', () => {
    const g = discs(Array.from({ length: SEPARATE_UP_TO_NODES + 1 }, (_, i) => [`n${i}`, i % 3, 0, 5] as [string, number, number, number]));
    expect(separatedPositions(g, stage)).toEqual({});
  });
});
