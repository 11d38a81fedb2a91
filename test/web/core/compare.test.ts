// Unit tests of src/web/core/compare: a diff drawn in the lineage view, its sides and colours, and
// that leaving the comparison (another lineage, the graph, undo) drops it.
import { describe, expect, it } from 'vitest';
import type { DiffResponse } from '../../../src/shared/api/diff.js';
import { compareColor, nodeSide, showCompare, SIDE_COLORS } from '../../../src/web/core/compare/index.js';
import { replaceGraph, showLineage } from '../../../src/web/core/graph/index.js';
import { commit, undo } from '../../../src/web/core/history/index.js';
import { setLineageByYear } from '../../../src/web/core/positions/index.js';
import { initialState } from '../../../src/web/core/state.js';
import { toSearch, toUrlState } from '../../../src/web/core/url/index.js';
import { edge, lineageGraph, node, smallGraph } from './fixtures.js';

/** SeqBoat and Mega compared: both build on the GAU; only SeqBoat on SMA. */
function diff(): DiffResponse {
  const g = lineageGraph();
  const mega = node('architecture:mega', 'Architecture', { proposedYear: 2022 });
  const megaGau = edge('BUILDS_ON', 'architecture:mega', 'architecture:gau');
  const graph = { nodes: [...g.nodes, mega], edges: [...g.edges, megaGau] };
  const a = new Set(['architecture:seqboat', 'method:sma', 'architecture:ssm']);
  const nodes = Object.fromEntries(
    graph.nodes.map((n) => [n.id, a.has(n.id) ? 'a' : n.id === 'architecture:mega' ? 'b' : 'shared'] as const),
  );
  const edges = Object.fromEntries(
    graph.edges.map((e) => [e.id, nodes[e.source] === 'b' ? 'b' : nodes[e.source] === 'a' ? 'a' : 'shared'] as const),
  );
  return {
    a: 'architecture:seqboat',
    b: 'architecture:mega',
    depth: 3,
    graph,
    sides: { nodes, edges },
    counts: { nodes: { shared: 2, a: 3, b: 1 }, edges: { shared: 1, a: 3, b: 1 } },
    ancestors: {
      shared: [{ id: 'architecture:gau', name: 'gau', depthA: 1, depthB: 1 }],
      onlyA: [{ id: 'method:sma', name: 'sma', depthA: 1, depthB: null }],
      onlyB: [],
    },
    truncated: false,
    omitted: 0,
  };
}

describe('web/core/compare', () => {
  describe('#showCompare', () => {
    it('should draw both lineages in the lineage view rooted at A, coloured by side, undoably', () => {
      const start = replaceGraph(smallGraph())(initialState);
      const next = commit(showCompare(diff(), false))(start);
      expect(next.view.mode).toBe('lineage');
      expect(next.view.lineage?.root).toBe('architecture:seqboat');
      expect(Object.keys(next.view.nodes)).toHaveLength(6);
      expect(nodeSide(next.view, 'architecture:gau')).toBe('shared');
      expect(compareColor(next.view, 'node', 'architecture:mega')).toBe(SIDE_COLORS.b);
      expect(compareColor(next.view, 'edge', 'BUILDS_ON:architecture:seqboat->method:sma')).toBe(SIDE_COLORS.a);
      expect(toSearch(toUrlState(next))).toBe('?compare=architecture%3Aseqboat%2Carchitecture%3Amega');
      expect(undo()(next).view.compare).toBeNull();
    });

    it('should keep the comparison when switching to the year axis, and drop it for a plain lineage or the graph', () => {
      const compared = showCompare(diff(), false)(initialState);
      const byYear = setLineageByYear(true)(compared);
      expect(byYear.view.compare?.b).toBe('architecture:mega');
      expect(byYear.view.positions['architecture:transformer']!.x).toBeLessThan(byYear.view.positions['architecture:mega']!.x);
      expect(showLineage(lineageGraph(), 'architecture:seqboat', false)(compared).view.compare).toBeNull();
      expect(replaceGraph(smallGraph())(compared).view.compare).toBeNull();
      expect(compareColor(replaceGraph(smallGraph())(compared).view, 'node', 'method:sma')).toBeNull();
    });
  });
});
