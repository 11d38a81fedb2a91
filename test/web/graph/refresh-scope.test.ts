// Unit tests of src/web/graph/refresh-scope: which nodes sigma's reducers must see again after a
// store change, or all of them.
import { describe, expect, it } from 'vitest';
import { setColorBy, setProposersOnly, toggleLabel } from '../../../src/web/core/filters/index.js';
import { addGraph, hideNodes, replaceGraph } from '../../../src/web/core/graph/index.js';
import { commit, undo } from '../../../src/web/core/history/index.js';
import { select } from '../../../src/web/core/selection/index.js';
import { initialState, type AppState } from '../../../src/web/core/state.js';
import { refreshScope } from '../../../src/web/graph/refresh-scope.js';
import { edge, node, smallGraph } from '../core/fixtures.js';

const loaded = (): AppState => replaceGraph(smallGraph())(initialState);

describe('web/graph/refresh-scope', () => {
  describe('#refreshScope', () => {
    it('should re-reduce no drawn node when an expansion only adds nodes and links', () => {
      const before = setProposersOnly(false)(loaded());
      const after = commit(
        addGraph(
          { nodes: [node('method:ssm', 'Method')], edges: [edge('BUILDS_ON', 'method:sma', 'method:ssm')] },
          { origin: 'method:sma', more: 0 },
        ),
      )(before);
      expect(after.view.nodes).not.toBe(before.view.nodes);
      expect(refreshScope(before, after)).toEqual({ nodes: [] });
      // Its undo is a change of content too.
      expect(refreshScope(after, undo()(after))).toEqual({ nodes: [] });
    });

    it('should name the drawn nodes an expansion shows or hides', () => {
      // Proposers only: a paper is drawn once a link says it proposes something drawn.
      const before = setProposersOnly(true)(loaded());
      const after = addGraph({
        nodes: [node('dataset:imagenet', 'Dataset')],
        edges: [edge('PROPOSES', 'paper:mamba', 'dataset:imagenet')],
      })(before);
      expect(refreshScope(before, after)).toEqual({ nodes: ['paper:mamba'] });
      const hidden = hideNodes(['dataset:lra'])(before);
      expect(refreshScope(before, hidden)).toEqual({ nodes: ['dataset:lra'] });
    });

    it('should re-reduce everything when the selection or anything else the reducers read changes', () => {
      const before = loaded();
      expect(refreshScope(before, select({ kind: 'node', id: 'method:sma' })(before))).toBe('all');
      expect(refreshScope(before, toggleLabel('Dataset')(before))).toBe('all');
      expect(refreshScope(before, setColorBy('community')(before))).toBe('all');
      expect(refreshScope(before, { ...before, view: { ...before.view, mode: 'lineage' } })).toBe('all');
    });

    it('should re-reduce everything when a view crosses the size that labels every node', () => {
      const before = setProposersOnly(false)(loaded());
      const many = Array.from({ length: 200 }, (_, i) => node(`method:m${i}`, 'Method'));
      expect(refreshScope(before, addGraph({ nodes: many, edges: [] })(before))).toBe('all');
    });
  });
});
