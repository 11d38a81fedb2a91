import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { placeBesideNeighbours, visibleCopy } from '../../../src/web/graph/forceatlas2-supervisor.js';
import type { EdgeAttrs, ExplorerGraph, NodeAttrs } from '../../../src/web/types.js';

function explorerGraph(): ExplorerGraph {
  const g = new Graph({ type: 'directed', multi: true }) as unknown as ExplorerGraph;
  const node = (id: string, x: number, y: number) => g.addNode(id, { x, y, size: 5 } as NodeAttrs);
  node('method:a', 0, 0);
  node('method:b', 10, 0);
  node('paper:p', 0, 10);
  node('concept:c', 100, 100);
  g.addEdgeWithKey('a-b', 'method:a', 'method:b', {} as EdgeAttrs);
  g.addEdgeWithKey('p-a', 'paper:p', 'method:a', {} as EdgeAttrs);
  g.addEdgeWithKey('p-c', 'paper:p', 'concept:c', {} as EdgeAttrs);
  g.addEdgeWithKey('a-c', 'method:a', 'concept:c', {} as EdgeAttrs);
  return g;
}

describe('visibleCopy', () => {
  it('keeps only visible nodes and the visible links between them, with positions and sizes', () => {
    const g = explorerGraph();
    const copy = visibleCopy(g, { node: (id) => !id.startsWith('concept:'), edge: (id) => id !== 'p-a' });
    expect(copy.nodes().sort()).toEqual(['method:a', 'method:b', 'paper:p']);
    expect(copy.edges()).toEqual(['a-b']);
    expect(copy.getNodeAttributes('method:b')).toEqual({ x: 10, y: 0, size: 5 });
  });
});

describe('placeBesideNeighbours', () => {
  it('moves a node the layout did not see next to the laid-out nodes it links to', () => {
    const g = explorerGraph();
    const laidOut = visibleCopy(g, { node: (id) => !id.startsWith('concept:'), edge: () => true });
    placeBesideNeighbours(g, laidOut);
    const c = g.getNodeAttributes('concept:c');
    // Its neighbours are paper:p (0, 10) and method:a (0, 0): it lands within a few units of (0, 5).
    expect(Math.hypot(c.x - 0, c.y - 5)).toBeLessThanOrEqual(3.0001);
    expect(g.getNodeAttributes('method:b')).toMatchObject({ x: 10, y: 0 });
  });

  it('leaves a hidden node without laid-out neighbours where it is', () => {
    const g = explorerGraph();
    g.addNode('concept:alone', { x: 50, y: 50, size: 1 } as NodeAttrs);
    placeBesideNeighbours(g, visibleCopy(g, { node: (id) => !id.startsWith('concept:'), edge: () => true }));
    expect(g.getNodeAttributes('concept:alone')).toMatchObject({ x: 50, y: 50 });
  });
});
