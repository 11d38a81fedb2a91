// Unit tests of src/web/core/filters: label, type and year filters, colouring and the visibility
// rules derived from them.
import { describe, expect, it } from 'vitest';
import {
  isEdgeVisible,
  isNodeVisible,
  setMinConfidence,
  setProposersOnly,
  setColorBy,
  setYearRange,
  toggleLabel,
  toggleType,
  visibleIds,
  yearBounds,
  resetFilters,
} from '../../../src/web/core/filters/index.js';
import { replaceGraph } from '../../../src/web/core/graph/index.js';
import { commit, undo } from '../../../src/web/core/history/index.js';
import { select } from '../../../src/web/core/selection/index.js';
import { emptyFilters, firstViewFilters, initialState } from '../../../src/web/core/state.js';
import { edge, smallGraph } from './fixtures.js';

const loaded = () => replaceGraph(smallGraph())(initialState);

describe('web/core/filters', () => {
  describe('#toggleLabel', () => {
    it('should hide every node of a label and the edges touching them, and show them again', () => {
      const hidden = toggleLabel('Paper')(loaded());
      expect(isNodeVisible(hidden.view, 'paper:seqboat')).toBe(false);
      expect(isEdgeVisible(hidden.view, 'PROPOSES:paper:seqboat->method:sma')).toBe(false);
      expect(isNodeVisible(hidden.view, 'method:sma')).toBe(true);
      expect(isNodeVisible(toggleLabel('Paper')(hidden).view, 'paper:seqboat')).toBe(true);
    });

    it('should drop the selection of a node it hides', () => {
      const state = select({ kind: 'node', id: 'paper:seqboat' })(loaded());
      expect(toggleLabel('Paper')(state).selection).toBeNull();
    });

    it('should be undoable', () => {
      const state = loaded();
      expect(undo()(commit(toggleLabel('Dataset'))(state)).view).toBe(state.view);
    });
  });

  describe('#toggleType', () => {
    it('should hide edges of a relationship type but keep their nodes', () => {
      const state = toggleType('BUILDS_ON')(loaded());
      expect(isEdgeVisible(state.view, 'BUILDS_ON:architecture:seqboat->method:sma')).toBe(false);
      expect(isNodeVisible(state.view, 'architecture:seqboat')).toBe(true);
    });
  });

  describe('#setYearRange', () => {
    it('should hide papers outside the range and keep nodes without a year', () => {
      const state = setYearRange([2022, 2024])(loaded());
      expect(isNodeVisible(state.view, 'paper:seqboat')).toBe(true);
      expect(isNodeVisible(state.view, 'paper:mamba')).toBe(false);
      expect(isNodeVisible(state.view, 'method:sma')).toBe(true);
      expect(visibleIds(state.view).nodes).toHaveLength(4);
    });

    it('should return the same state for the same range', () => {
      const state = setYearRange([2022, 2024])(loaded());
      expect(setYearRange([2022, 2024])(state)).toBe(state);
    });
  });

  describe('#yearBounds', () => {
    it('should give the earliest and latest paper year', () => {
      expect(yearBounds(loaded().view)).toEqual([2021, 2023]);
      expect(yearBounds(initialState.view)).toBeNull();
    });
  });

  describe('#setColorBy and #resetFilters', () => {
    it('should switch colouring and clear every filter', () => {
      const state = resetFilters()(setColorBy('community')(toggleLabel('Paper')(loaded())));
      expect(state.view.colorBy).toBe('community');
      expect(state.view.filters.hiddenLabels).toEqual([]);
    });
  });

  describe('#setMinConfidence', () => {
    it('should hide BUILDS_ON links below the threshold, keep links without a confidence, and be undoable', () => {
      const graph = smallGraph();
      graph.edges.push(
        edge('BUILDS_ON', 'method:sma', 'architecture:seqboat', { confidence: 0.3 }),
        edge('BUILDS_ON', 'dataset:lra', 'method:sma', {}),
      );
      const state = replaceGraph(graph)({ ...initialState, view: { ...initialState.view, filters: emptyFilters } });
      const weak = 'BUILDS_ON:method:sma->architecture:seqboat';
      expect(state.view.filters.minConfidence).toBe(0.5);
      expect(isEdgeVisible(state.view, weak)).toBe(false);
      expect(isEdgeVisible(state.view, 'BUILDS_ON:dataset:lra->method:sma')).toBe(true);
      const lowered = commit(setMinConfidence(0.25))(state);
      expect(isEdgeVisible(lowered.view, weak)).toBe(true);
      expect(isEdgeVisible(commit(setMinConfidence(0.95))(state).view, 'BUILDS_ON:architecture:seqboat->method:sma')).toBe(false);
      expect(isEdgeVisible(undo()(lowered).view, weak)).toBe(false);
      expect(setMinConfidence(7)(state).view.filters.minConfidence).toBe(1);
    });
  });

  describe('#setProposersOnly', () => {
    it('should draw only papers that propose something in the first view, and every paper when turned off', () => {
      const state = replaceGraph(smallGraph())({ ...initialState, view: { ...initialState.view, filters: firstViewFilters } });
      expect(isNodeVisible(state.view, 'paper:seqboat')).toBe(true);
      expect(isNodeVisible(state.view, 'paper:mamba')).toBe(false);
      expect(isNodeVisible(setProposersOnly(false)(state).view, 'paper:mamba')).toBe(true);
    });
  });
});
