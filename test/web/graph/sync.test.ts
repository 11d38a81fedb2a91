import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { clusterLabel, dropMissing, shortLabel } from '../../../src/web/graph/sync.js';
import type { WireEdge, WireNode } from '../../../src/shared/graph.js';
import type { EdgeAttrs, NodeAttrs } from '../../../src/web/types.js';

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

describe('clusterLabel', () => {
  it('names a cluster by the leading names that fit whole, then how many ideas it stands for', () => {
    expect(clusterLabel('Transformer, Attention, Layer Normalization', 1240)).toBe('Transformer, Attention, Layer Normalization +1,240');
    expect(clusterLabel('Neural Radiance Field, Feed-Forward Network, Personalized PageRank', 4751)).toBe(
      'Neural Radiance Field, Feed-Forward Network +4,751',
    );
    expect(shortLabel({ id: 'cluster:3', label: 'Cluster', name: 'A, B', properties: { omitted: 7 } })).toBe('A, B +7');
  });

  it('clips one very long name and leaves out "+0"', () => {
    const label = clusterLabel('A very long method name that goes on and on past any label width, B', 0);
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThanOrEqual(44);
  });
});

describe('dropMissing', () => {
  const nodeAttrs = (i: number): NodeAttrs => ({
    x: i,
    y: -i,
    size: 3,
    color: '#999',
    label: `n${i}`,
    kind: 'Method',
    year: null,
    properties: {},
  });
  const edgeAttrs = (): EdgeAttrs => ({ size: 1, color: '#ccc', type: 'arrow', relType: 'BUILDS_ON', properties: {} });
  /** A chain of `n` nodes n0 → n1 → … and the counts of the graph events it emits from then on. */
  function chain(n: number) {
    const graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
    for (let i = 0; i < n; i++) graph.addNode(`n${i}`, nodeAttrs(i));
    for (let i = 1; i < n; i++) graph.addDirectedEdgeWithKey(`e${i}`, `n${i - 1}`, `n${i}`, edgeAttrs());
    const events = { nodeDropped: 0, edgeDropped: 0, cleared: 0 };
    for (const name of Object.keys(events) as (keyof typeof events)[]) graph.on(name, () => events[name]++);
    return { graph, events };
  }
  const view = (ids: string[], edges: string[]) => ({
    nodes: Object.fromEntries(ids.map((id) => [id, { id, label: 'Method', name: id, properties: {} } as WireNode])),
    edges: Object.fromEntries(edges.map((id) => [id, { id } as WireEdge])),
  });

  it('should keep what the view holds with its attributes and positions, and clear once instead of dropping one by one', () => {
    const { graph, events } = chain(500);
    graph.setNodeAttribute('n3', 'x', 42);
    expect(dropMissing(graph, view(['n2', 'n3', 'n4'], ['e3', 'e4']))).toBe(true);
    expect(graph.nodes().sort()).toEqual(['n2', 'n3', 'n4']);
    expect(graph.edges().sort()).toEqual(['e3', 'e4']);
    expect(graph.extremities('e4')).toEqual(['n3', 'n4']);
    expect(graph.getNodeAttributes('n3')).toMatchObject({ x: 42, y: -3, label: 'n3' });
    expect(graph.getEdgeAttribute('e3', 'relType')).toBe('BUILDS_ON');
    expect(events).toEqual({ nodeDropped: 0, edgeDropped: 0, cleared: 1 });
  });

  it('should drop a single link in place and change nothing when the view holds everything', () => {
    const { graph, events } = chain(4);
    const ids = ['n0', 'n1', 'n2', 'n3'];
    expect(dropMissing(graph, view(ids, ['e1', 'e2', 'e3']))).toBe(false);
    expect(dropMissing(graph, view(ids, ['e1', 'e3']))).toBe(true);
    expect(graph.edges().sort()).toEqual(['e1', 'e3']);
    expect(graph.order).toBe(4);
    expect(events).toEqual({ nodeDropped: 0, edgeDropped: 1, cleared: 0 });
  });
});
