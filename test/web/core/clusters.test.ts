// Unit tests of the overview's clusters in the explorer's store: positions seeded by community and
// opening a cluster into its ideas (undo brings it back, the URL's expansions remember it).
import { describe, expect, it } from 'vitest';
import { openCluster, replaceGraph } from '../../../src/web/core/graph/index.js';
import { commit, undo } from '../../../src/web/core/history/index.js';
import { communitySeedPositions, seedCommunities } from '../../../src/web/core/positions/index.js';
import { initialState, type Point } from '../../../src/web/core/state.js';
import { toUrlState } from '../../../src/web/core/url/index.js';
import type { WireGraph } from '../../../src/shared/graph.js';
import { edge, node } from './fixtures.js';

/** Two communities of three ideas each, a paper proposing one of community 1, a concept of none, a cluster per community. */
function overview(): WireGraph {
  return {
    nodes: [
      node('method:a0', 'Method', { community: 0 }),
      node('method:b0', 'Method', { community: 0 }),
      node('method:c0', 'Method', { community: 0 }),
      node('method:a1', 'Method', { community: 1 }),
      node('method:b1', 'Method', { community: 1 }),
      node('method:c1', 'Method', { community: 1 }),
      node('paper:p', 'Paper'),
      node('concept:x', 'Concept'),
      { id: 'cluster:0', label: 'Cluster', name: 'A0, B0', properties: { community: 0, size: 9, shown: 3, omitted: 6 } },
      { id: 'cluster:1', label: 'Cluster', name: 'A1, B1', properties: { community: 1, size: 9, shown: 3, omitted: 6 } },
    ],
    edges: [
      edge('PROPOSES', 'paper:p', 'method:a1'),
      edge('BUILDS_ON', 'method:b0', 'method:a0'),
      edge('BUILDS_ON', 'method:a1', 'method:a0'),
      {
        id: 'cluster-link:cluster:1>method:a0',
        type: 'BUILDS_ON',
        source: 'cluster:1',
        target: 'method:a0',
        properties: { count: 3, aggregate: true },
      },
      {
        id: 'cluster-link:cluster:0>cluster:1',
        type: 'BUILDS_ON',
        source: 'cluster:0',
        target: 'cluster:1',
        properties: { count: 2, aggregate: true },
      },
    ],
  };
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

function centre(points: Point[]): Point {
  return { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
}

describe('web/core/positions/community-seed', () => {
  describe('#seedCommunities', () => {
    it('should give ideas and clusters their community and a paper that of the idea it proposes', () => {
      const c = seedCommunities(overview().nodes, overview().edges);
      expect(c.get('method:b0')).toBe(0);
      expect(c.get('cluster:1')).toBe(1);
      expect(c.get('paper:p')).toBe(1);
      expect(c.has('concept:x')).toBe(false);
    });
  });

  describe('#communitySeedPositions', () => {
    it('should put each cluster amid its community, and communities apart from each other', () => {
      const g = overview();
      const p = communitySeedPositions(g.nodes, g.edges);
      expect(Object.keys(p).sort()).toEqual(g.nodes.map((n) => n.id).sort());
      const zero = ['method:a0', 'method:b0', 'method:c0'].map((id) => p[id]!);
      const one = ['method:a1', 'method:b1', 'method:c1', 'paper:p'].map((id) => p[id]!);
      // A cluster is nearer its own members than the other community's.
      const near = (cluster: Point, own: Point[], other: Point[]) =>
        Math.max(...own.map((q) => distance(cluster, q))) < Math.min(...other.map((q) => distance(cluster, q)));
      expect(near(p['cluster:0']!, zero, one)).toBe(true);
      expect(near(p['cluster:1']!, one, zero)).toBe(true);
      expect(distance(centre(zero), centre(one))).toBeGreaterThan(1.5);
      // No two nodes share a spot.
      const spots = new Set(Object.values(p).map((q) => `${q.x.toFixed(6)},${q.y.toFixed(6)}`));
      expect(spots.size).toBe(g.nodes.length);
    });
  });
});

describe('web/core/graph', () => {
  describe('#replaceGraph', () => {
    it('should seed an overview with clusters by community', () => {
      const g = overview();
      const state = replaceGraph(g)(initialState);
      expect(state.view.positions).toEqual(communitySeedPositions(Object.values(state.view.nodes), Object.values(state.view.edges)));
    });
  });

  describe('#openCluster', () => {
    const members: WireGraph = {
      nodes: [node('method:d0', 'Method', { community: 0 }), node('method:e0', 'Method', { community: 0 })],
      edges: [edge('BUILDS_ON', 'method:e0', 'method:d0')],
    };

    it('should put the ideas in place of the cluster, drop it and its summed-up links, and remember it as an expansion', () => {
      const loaded = replaceGraph(overview())(initialState);
      const at = loaded.view.positions['cluster:0']!;
      const opened = openCluster('cluster:0', members)(loaded);
      expect(opened.view.nodes['cluster:0']).toBeUndefined();
      expect(opened.view.positions['cluster:0']).toBeUndefined();
      expect(opened.view.edges['cluster-link:cluster:0>cluster:1']).toBeUndefined();
      expect(opened.view.edges['cluster-link:cluster:1>method:a0']).toBeDefined();
      expect(opened.view.nodes['method:d0']).toBeDefined();
      expect(opened.view.edges['BUILDS_ON:method:e0->method:d0']).toBeDefined();
      const radius = Math.max(distance(opened.view.positions['method:d0']!, at), distance(opened.view.positions['method:e0']!, at));
      const spread = distance(loaded.view.positions['cluster:1']!, at);
      expect(radius).toBeLessThan(spread);
      expect(opened.view.expanded).toEqual(['cluster:0']);
      expect(toUrlState(opened).expanded).toEqual(['cluster:0']);
    });

    it('should be undone in one step', () => {
      const loaded = replaceGraph(overview())(initialState);
      const opened = commit(openCluster('cluster:0', members))(loaded);
      const back = undo()(opened);
      expect(back.view.nodes['cluster:0']).toBeDefined();
      expect(back.view.nodes['method:d0']).toBeUndefined();
      expect(back.view.expanded).toEqual([]);
    });

    it('should add the ideas and remember the cluster when the view does not draw it', () => {
      const opened = openCluster('cluster:7', members)(initialState);
      expect(Object.keys(opened.view.nodes).sort()).toEqual(['method:d0', 'method:e0']);
      expect(opened.view.expanded).toEqual(['cluster:7']);
    });
  });
});
