// Unit tests of the selection and path steps and of drawing query results.
import { describe, expect, it } from 'vitest';
import { replaceGraph } from '../../../src/web/core/graph/index.js';
import { commit, undo } from '../../../src/web/core/history/index.js';
import { applyQueryResult } from '../../../src/web/core/query/index.js';
import { clearPath, clearSelection, select, setPathEnd, setPathResult } from '../../../src/web/core/selection/index.js';
import { firstViewFilters, initialState } from '../../../src/web/core/state.js';
import { setPanel } from '../../../src/web/core/ui.js';
import { node, smallGraph } from './fixtures.js';

const loaded = () => replaceGraph(smallGraph())({ ...initialState, view: { ...initialState.view, filters: firstViewFilters } });

describe('web/core/selection', () => {
  describe('#select', () => {
    it('should select a node, open the details panel and keep identity for the same selection', () => {
      const state = select({ kind: 'node', id: 'method:sma' })(setPanel('queries')(loaded()));
      expect(state.selection).toEqual({ kind: 'node', id: 'method:sma' });
      expect(state.panel).toBe('details');
      expect(select({ kind: 'node', id: 'method:sma' })(state)).toBe(state);
      expect(clearSelection()(state).selection).toBeNull();
    });
  });

  describe('#setPathEnd and #setPathResult', () => {
    it('should remember both ends and the path found, and forget it when an end changes', () => {
      let state = setPathEnd('from', 'method:sma')(loaded());
      state = setPathEnd('to', 'dataset:lra')(state);
      state = setPathResult(['method:sma', 'paper:seqboat', 'dataset:lra'], ['e1', 'e2'], 'ok')(state);
      expect(state.view.path).toMatchObject({
        from: 'method:sma',
        to: 'dataset:lra',
        nodes: ['method:sma', 'paper:seqboat', 'dataset:lra'],
      });
      expect(setPathEnd('to', 'paper:mamba')(state).view.path.nodes).toEqual([]);
      expect(clearPath()(state).view.path.from).toBeNull();
    });
  });
});

describe('web/core/query', () => {
  describe('#applyQueryResult', () => {
    const table = { title: 't', columns: ['n'], rows: [['x']], capped: false };
    it('should replace the view, or add to it, and keep the table', () => {
      const spec = { kind: 'saved' as const, name: 'q', params: {} };
      const replaced = applyQueryResult(spec, { nodes: [node('method:x', 'Method')], edges: [] }, table, 'replace')(loaded());
      expect(Object.keys(replaced.view.nodes)).toEqual(['method:x']);
      const added = applyQueryResult(spec, { nodes: [node('method:x', 'Method')], edges: [] }, table, 'add')(loaded());
      expect(Object.keys(added.view.nodes)).toHaveLength(6);
      expect(added.table).toBe(table);
      expect(added.query).toBe(spec);
    });

    it('should leave the view alone for an empty result and be undoable', () => {
      const state = loaded();
      const empty = applyQueryResult(
        { kind: 'cypher', query: 'RETURN 1', params: {} },
        { nodes: [], edges: [] },
        { ...table, rows: [] },
        'replace',
      )(state);
      expect(empty.view).toBe(state.view);
      const replaced = commit(
        applyQueryResult({ kind: 'cypher', query: 'q', params: {} }, { nodes: [node('method:x', 'Method')], edges: [] }, table, 'replace'),
      )(state);
      expect(undo()(replaced).view).toBe(state.view);
    });
  });
});
