// Unit tests of the view steps in src/web/core/graph: replace, add next to an origin, hide,
// isolate and lineage, and of the undo history they feed.
import { describe, expect, it } from 'vitest';
import { addGraph, hideNodes, isolateNode, replaceGraph, showHiddenNodes, showLineage } from '../../../src/web/core/graph/index.js';
import { commit, redo, undo } from '../../../src/web/core/history/index.js';
import { select, setPathResult } from '../../../src/web/core/selection/index.js';
import { capPerGeneration } from '../../../src/web/core/positions/index.js';
import { initialState, type AppState } from '../../../src/web/core/state.js';
import { edge, lineageGraph, node, smallGraph } from './fixtures.js';

const loaded = (): AppState => replaceGraph(smallGraph())(initialState);

describe('web/core/graph', () => {
  describe('#replaceGraph', () => {
    it('should put exactly the given nodes and edges in the view, each with a position', () => {
      const state = loaded();
      expect(Object.keys(state.view.nodes).sort()).toEqual(
        smallGraph()
          .nodes.map((n) => n.id)
          .sort(),
      );
      expect(Object.keys(state.view.edges)).toHaveLength(5);
      for (const id of Object.keys(state.view.nodes)) expect(state.view.positions[id]).toBeDefined();
    });

    it('should keep the positions of nodes that stay and drop edges with a missing end', () => {
      const state = loaded();
      const moved = { ...state, view: { ...state.view, positions: { ...state.view.positions, 'method:sma': { x: 42, y: -7 } } } };
      const next = replaceGraph({ nodes: [node('method:sma', 'Method')], edges: [edge('USES', 'paper:x', 'method:sma')] })(moved);
      expect(next.view.positions['method:sma']).toEqual({ x: 42, y: -7 });
      expect(next.view.edges).toEqual({});
    });

    it('should not change the state it is given', () => {
      const before = initialState;
      replaceGraph(smallGraph())(before);
      expect(before.view.nodes).toEqual({});
    });
  });

  describe('#addGraph', () => {
    it('should place new nodes next to the origin and keep every existing position', () => {
      const state = loaded();
      const origin = state.view.positions['dataset:lra']!;
      const added = addGraph(
        {
          nodes: [node('paper:a', 'Paper'), node('paper:b', 'Paper')],
          edges: [edge('EVALUATED_ON', 'paper:a', 'dataset:lra'), edge('EVALUATED_ON', 'paper:b', 'dataset:lra')],
        },
        { origin: 'dataset:lra', more: 3 },
      )(state);
      for (const [id, p] of Object.entries(state.view.positions)) expect(added.view.positions[id]).toEqual(p);
      const spread = Math.max(...Object.values(state.view.positions).map((p) => Math.hypot(p.x - origin.x, p.y - origin.y)));
      for (const id of ['paper:a', 'paper:b']) {
        const p = added.view.positions[id]!;
        expect(Math.hypot(p.x - origin.x, p.y - origin.y)).toBeLessThan(spread);
      }
      expect(added.view.more['dataset:lra']).toBe(3);
    });

    it('should return the same state when nothing is new', () => {
      const state = loaded();
      expect(addGraph(smallGraph())(state)).toBe(state);
    });

    it('should clear "+N more" once everything was fetched', () => {
      const state = addGraph({ nodes: [], edges: [] }, { origin: 'method:sma', more: 4 })(loaded());
      expect(state.view.more['method:sma']).toBe(4);
      expect(addGraph({ nodes: [], edges: [] }, { origin: 'method:sma', more: 0 })(state).view.more['method:sma']).toBeUndefined();
    });
  });

  describe('#hideNodes', () => {
    it('should hide a node and drop a selection that pointed at it', () => {
      const state = select({ kind: 'node', id: 'method:sma' })(loaded());
      const hidden = hideNodes(['method:sma'])(state);
      expect(hidden.view.hiddenNodes).toEqual(['method:sma']);
      expect(hidden.selection).toBeNull();
      expect(showHiddenNodes()(hidden).view.hiddenNodes).toEqual([]);
    });
  });

  describe('#isolateNode', () => {
    it('should keep only the node, at its position', () => {
      const state = loaded();
      const only = isolateNode('method:sma')(state);
      expect(Object.keys(only.view.nodes)).toEqual(['method:sma']);
      expect(only.view.edges).toEqual({});
      expect(only.view.positions['method:sma']).toEqual(state.view.positions['method:sma']);
    });
  });

  describe('#showLineage', () => {
    it('should switch to the lineage mode with generations from left to right', () => {
      const state = showLineage(lineageGraph(), 'architecture:seqboat', false)(loaded());
      expect(state.view.mode).toBe('lineage');
      expect(state.view.lineage).toEqual({ root: 'architecture:seqboat', byYear: false, omitted: 0, all: false });
      const x = (id: string) => state.view.positions[id]!.x;
      expect(x('architecture:ssm')).toBeLessThan(x('method:sma'));
      expect(x('method:sma')).toBeLessThan(x('architecture:seqboat'));
      expect(x('architecture:transformer')).toBeLessThan(x('architecture:gau'));
    });
  });

  describe('#commit with #undo and #redo', () => {
    it('should undo and redo an expansion', () => {
      const state = loaded();
      const expanded = commit(
        addGraph({ nodes: [node('paper:new', 'Paper')], edges: [edge('USES', 'paper:new', 'method:sma')] }, { origin: 'method:sma' }),
      )(state);
      expect(expanded.view.nodes['paper:new']).toBeDefined();
      const undone = undo()(expanded);
      expect(undone.view).toBe(state.view);
      expect(redo()(undone).view).toBe(expanded.view);
    });

    it('should not record a step that changed nothing', () => {
      const state = loaded();
      expect(commit(addGraph(smallGraph()))(state).past).toHaveLength(0);
    });

    it('should forget the redo future after a new step', () => {
      const a = commit(hideNodes(['method:sma']))(loaded());
      const b = undo()(a);
      const c = commit(hideNodes(['dataset:lra']))(b);
      expect(c.future).toHaveLength(0);
      expect(redo()(c)).toBe(c);
    });

    it('should select a hidden node again when its hiding is undone, and keep a selection the restored view still shows', () => {
      const selected = select({ kind: 'node', id: 'method:sma' })(loaded());
      const hidden = commit(hideNodes(['method:sma']))(selected);
      expect(hidden.selection).toBeNull();
      const undone = undo()(hidden);
      expect(undone.selection).toEqual({ kind: 'node', id: 'method:sma' });
      expect(redo()(undone).selection).toBeNull();
      // Another node picked after the step, still in the view undo restores: it stays selected.
      const other = select({ kind: 'node', id: 'dataset:lra' })(hidden);
      expect(undo()(other).selection).toEqual({ kind: 'node', id: 'dataset:lra' });
    });

    it('should do nothing on undo with an empty past', () => {
      const state = loaded();
      expect(undo()(state)).toBe(state);
    });
  });

  describe('#capPerGeneration', () => {
    it('should keep at most the limit per generation, the root and its direct links first, and count the rest', () => {
      const nodes = [node('architecture:transformer', 'Architecture')];
      const edges = [];
      for (let i = 0; i < 40; i++) {
        nodes.push(node(`method:m${i}`, 'Method'));
        edges.push(edge('BUILDS_ON', `method:m${i}`, i < 5 ? 'architecture:transformer' : 'method:m0'));
      }
      const { graph, omitted } = capPerGeneration({ nodes, edges }, 'architecture:transformer', 10);
      const ids = new Set(graph.nodes.map((n) => n.id));
      expect(ids.has('architecture:transformer')).toBe(true);
      for (let i = 0; i < 5; i++) expect(ids.has(`method:m${i}`)).toBe(true);
      // Generation 0: the root; 1: the five building on it; 2: the 35 building on m0, capped to 10.
      expect(graph.nodes.length).toBe(1 + 5 + 10);
      expect(omitted).toBe(35 - 10);
      expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
      const state = showLineage({ nodes, edges }, 'architecture:transformer', false)(initialState);
      expect(state.view.lineage?.omitted).toBeGreaterThan(0);
      expect(showLineage({ nodes, edges }, 'architecture:transformer', false, true)(initialState).view.lineage?.omitted).toBe(0);
    });
  });

  describe('#path in the view', () => {
    it('should keep the path and the expansions in the undo history', () => {
      const base = replaceGraph(smallGraph())(initialState);
      const withPath = commit(setPathResult(['method:sma', 'paper:seqboat'], ['PROPOSES:paper:seqboat->method:sma'], 'ok'))(base);
      expect(withPath.view.path.nodes).toHaveLength(2);
      expect(undo()(withPath).view.path.nodes).toHaveLength(0);
      const expanded = addGraph(
        { nodes: [node('paper:x', 'Paper')], edges: [edge('USES', 'paper:x', 'method:sma')] },
        { origin: 'method:sma', more: 0 },
      )(base);
      expect(expanded.view.expanded).toEqual(['method:sma']);
    });
  });
});
