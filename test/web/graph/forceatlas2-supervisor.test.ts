import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  ACROSS_COMMUNITIES,
  LABEL_ROOM_PX,
  communityWeights,
  placeBesideNeighbours,
  visibleCopy,
} from '../../../src/web/graph/forceatlas2-supervisor.js';
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

describe('communityWeights', () => {
  /** Ideas of communities 0 and 1, a paper proposing one of community 0, and a cluster of community 1. */
  function clustered(): ExplorerGraph {
    const g = new Graph({ type: 'directed', multi: true }) as unknown as ExplorerGraph;
    const node = (id: string, kind: NodeAttrs['kind'], community?: number) =>
      g.addNode(id, { x: 0, y: 0, size: 5, kind, properties: community === undefined ? {} : { community } } as NodeAttrs);
    node('method:a', 'Method', 0);
    node('method:b', 'Method', 0);
    node('method:c', 'Method', 1);
    node('paper:p', 'Paper');
    node('cluster:1', 'Cluster', 1);
    g.addEdgeWithKey('a-b', 'method:a', 'method:b', { relType: 'BUILDS_ON' } as EdgeAttrs);
    g.addEdgeWithKey('a-c', 'method:a', 'method:c', { relType: 'BUILDS_ON' } as EdgeAttrs);
    g.addEdgeWithKey('p-a', 'paper:p', 'method:a', { relType: 'PROPOSES' } as EdgeAttrs);
    g.addEdgeWithKey('k-c', 'cluster:1', 'method:c', { relType: 'BUILDS_ON' } as EdgeAttrs);
    return g;
  }

  it('pulls within a community (a paper in that of its idea) and barely across, in a view with clusters', () => {
    const weight = communityWeights(clustered())!;
    expect(weight('method:a', 'method:b')).toBe(1);
    expect(weight('paper:p', 'method:a')).toBe(1);
    expect(weight('cluster:1', 'method:c')).toBe(1);
    expect(weight('method:a', 'method:c')).toBe(ACROSS_COMMUNITIES);
    const copy = visibleCopy(clustered(), { node: () => true, edge: () => true });
    expect(copy.getAttribute('weighted')).toBe(true);
    expect(copy.getEdgeAttribute('a-c', 'weight')).toBe(ACROSS_COMMUNITIES);
    // A cluster asks the separation for room around its disc, for its label; ideas do not.
    expect(copy.getNodeAttribute('cluster:1', 'room')).toBe(LABEL_ROOM_PX);
    expect(copy.getNodeAttribute('method:a', 'room')).toBeUndefined();
  });

  it('leaves a view without clusters unweighted', () => {
    const g = clustered();
    g.dropNode('cluster:1');
    expect(communityWeights(g)).toBeNull();
    expect(visibleCopy(g, { node: () => true, edge: () => true }).getAttribute('weighted')).toBeUndefined();
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
