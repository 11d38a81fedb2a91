// Unit tests of src/web/core/positions/year-axis: a node's year, one column per year present with an
// undated lane on the left, and the ticks the axis layer draws.
import { describe, expect, it } from 'vitest';
import { showLineage } from '../../../src/web/core/graph/index.js';
import { commit, undo } from '../../../src/web/core/history/index.js';
import { axisYear, setLineageByYear, yearAxisPositions, yearAxisTicks } from '../../../src/web/core/positions/index.js';
import { initialState } from '../../../src/web/core/state.js';
import { edge, lineageGraph, node } from './fixtures.js';

function withUndated() {
  const g = lineageGraph();
  return {
    nodes: [...g.nodes, node('method:gating', 'Method', {})],
    edges: [...g.edges, edge('BUILDS_ON', 'architecture:gau', 'method:gating')],
  };
}

describe('web/core/positions/year-axis', () => {
  describe('#axisYear', () => {
    it("should take the proposing paper's year, else the taxonomy's year of introduction", () => {
      expect(axisYear({ proposedYear: 2023, introducedYear: 2019 })).toBe(2023);
      // The lineage endpoint sets proposedYear to the earliest proposing paper's year, null when none has one.
      expect(axisYear({ proposedYear: null, proposedBy: [{ year: null }], introducedYear: 2015 })).toBe(2015);
      expect(axisYear({ proposedYear: null, proposedBy: [], introducedYear: 2015 })).toBe(2015);
      expect(axisYear({ proposedBy: [] })).toBeNull();
    });
  });

  describe('#yearAxisPositions', () => {
    it('should put each year in its own column, oldest left, and same-year nodes in one column', () => {
      const pos = yearAxisPositions(lineageGraph());
      const x = (id: string) => pos[id]!.x;
      expect(x('architecture:transformer')).toBeLessThan(x('architecture:ssm'));
      expect(x('architecture:ssm')).toBeLessThan(x('architecture:gau'));
      expect(x('architecture:gau')).toBeLessThan(x('architecture:seqboat'));
      expect(x('method:sma')).toBe(x('architecture:seqboat'));
      expect(pos['method:sma']!.y).not.toBe(pos['architecture:seqboat']!.y);
    });

    it('should keep nodes of unknown year in a lane left of the earliest year, set further apart', () => {
      const pos = yearAxisPositions(withUndated());
      const x = (id: string) => pos[id]!.x;
      const gap = x('architecture:ssm') - x('architecture:transformer');
      expect(x('method:gating')).toBeLessThan(x('architecture:transformer'));
      expect(x('architecture:transformer') - x('method:gating')).toBeGreaterThan(gap);
    });
  });

  describe('#yearAxisTicks', () => {
    it('should give one labelled tick per year and one for the undated lane, only in the year view, and follow undo', () => {
      const generations = showLineage(withUndated(), 'architecture:seqboat', false)(initialState);
      expect(yearAxisTicks(generations.view)).toEqual([]);
      const byYear = commit(setLineageByYear(true))(generations);
      const ticks = yearAxisTicks(byYear.view);
      expect(ticks.map((t) => t.label)).toEqual(['undated', '2017', '2021', '2022', '2023']);
      expect(ticks[4]!.x).toBe(byYear.view.positions['architecture:seqboat']!.x);
      expect(yearAxisTicks(undo()(byYear).view)).toEqual([]);
    });
  });
});
