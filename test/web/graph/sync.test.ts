import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { clusterHoverLabel, clusterLabel, createGraphSync, dropMissing, shortLabel } from '../../../src/web/graph/sync.js';
import { nodeSize } from '../../../src/web/graph/appearance.js';
import { emptyView, type ViewState } from '../../../src/web/core/state.js';
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
  it('names a cluster by its leading idea and how many ideas it stands for', () => {
    expect(clusterLabel('Transformer, Attention, Layer Normalization', 1240)).toBe('Transformer +1,240');
    expect(clusterLabel('Neural Radiance Field, Feed-Forward Network, Personalized PageRank', 4751)).toBe('Neural Radiance Field +4,751');
    expect(shortLabel({ id: 'cluster:3', label: 'Cluster', name: 'A, B', properties: { omitted: 7 } })).toBe('A +7');
  });

  it('clips a long leading name and leaves out "+0"', () => {
    const label = clusterLabel('A very long method name that goes on and on past any label width, B', 0);
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThanOrEqual(28);
    expect(clusterLabel('Kolmogorov-Arnold Network', 3)).toBe('Kolmogorov-Arnold Network +3');
  });
});

describe('clusterHoverLabel', () => {
  it('names a hovered cluster by the leading names that fit whole, then how many ideas it stands for', () => {
    expect(clusterHoverLabel('Transformer, Attention, Layer Normalization', 1240)).toBe(
      'Transformer, Attention, Layer Normalization +1,240',
    );
    expect(clusterHoverLabel('Neural Radiance Field, Feed-Forward Network, Personalized PageRank', 4751)).toBe(
      'Neural Radiance Field, Feed-Forward Network +4,751',
    );
  });

  it('clips one very long name and leaves out "+0"', () => {
    const label = clusterHoverLabel('A very long method name that goes on and on past any label width, B', 0);
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

describe('createGraphSync', () => {
  // One wire node per id, as views share them: new properties would be a change of the node.
  const wired = new Map<string, WireNode>();
  const m = (id: string): WireNode => wired.get(id) ?? wired.set(id, { id, label: 'Method', name: id, properties: {} }).get(id)!;
  const link = (source: string, target: string): WireEdge => ({
    id: `${source}->${target}`,
    type: 'BUILDS_ON',
    source,
    target,
    properties: { confidence: 0.8 },
  });
  const viewOf = (nodes: WireNode[], edges: WireEdge[], positions: ViewState['positions']): ViewState => ({
    ...emptyView,
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    edges: Object.fromEntries(edges.map((e) => [e.id, e])),
    positions,
  });
  /** Counts, per node, the attribute updates the graph emits one node at a time, and the whole-graph ones. */
  function watch(graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs>) {
    const perNode = new Map<string, number>();
    const counts = { each: 0 };
    graph.on('nodeAttributesUpdated', ({ key }) => perNode.set(key, (perNode.get(key) ?? 0) + 1));
    graph.on('eachNodeAttributesUpdated', () => counts.each++);
    return { perNode, counts };
  }

  it('should size nodes by degree, and on an expansion update only the nodes whose size or place changed', () => {
    const graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
    const sync = createGraphSync(graph);
    const first = viewOf([m('a'), m('b'), m('c')], [link('a', 'b')], { a: { x: 0, y: 0 }, b: { x: 1, y: 0 }, c: { x: 2, y: 0 } });
    expect(sync.sync(first)).toEqual({ structural: true, linked: ['a', 'b'] });
    expect(graph.getNodeAttribute('a', 'size')).toBe(nodeSize(1));
    expect(graph.getNodeAttribute('c', 'size')).toBe(nodeSize(0));

    const { perNode, counts } = watch(graph);
    const expanded = viewOf([m('a'), m('b'), m('c'), m('d')], [link('a', 'b'), link('a', 'd')], {
      ...first.positions,
      d: { x: -1, y: 0 },
    });
    expect(sync.sync(expanded)).toEqual({ structural: true, linked: ['a', 'd'] });
    expect(graph.getNodeAttribute('a', 'size')).toBe(nodeSize(2));
    expect(graph.getNodeAttributes('d')).toMatchObject({ x: -1, y: 0, size: nodeSize(1) });
    // b and c keep their size and place: no event for them, and none for the whole graph.
    expect([...perNode.keys()].sort()).toEqual(['a', 'd']);
    expect(counts.each).toBe(0);
  });

  it('should give a cluster its short label and, for hover, its longer one; other nodes only their label', () => {
    const graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
    const group: WireNode = { id: 'cluster:4', label: 'Cluster', name: 'Transformer, Attention', properties: { omitted: 12 } };
    createGraphSync(graph).sync(viewOf([group, m('a')], [], {}));
    expect(graph.getNodeAttributes('cluster:4')).toMatchObject({ label: 'Transformer +12', focusLabel: 'Transformer, Attention +12' });
    expect(graph.getNodeAttribute('a', 'focusLabel')).toBeUndefined();
  });

  it('should move only the nodes whose position the view changed', () => {
    const graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
    const sync = createGraphSync(graph);
    const first = viewOf([m('a'), m('b')], [], { a: { x: 0, y: 0 }, b: { x: 1, y: 0 } });
    sync.sync(first);
    const { perNode } = watch(graph);
    expect(sync.sync({ ...first, positions: { a: { x: 0, y: 0 }, b: { x: 5, y: 6 } } })).toEqual({ structural: false, linked: [] });
    expect(graph.getNodeAttributes('b')).toMatchObject({ x: 5, y: 6 });
    expect([...perNode.keys()]).toEqual(['b']);
  });
});
