// Unit tests of src/web/core/positions: positions after a layout run, the worker status, and the
// layered lineage layout by generation and by year.
import { describe, expect, it } from 'vitest';
import { replaceGraph, showLineage } from '../../../src/web/core/graph/index.js';
import { commit, undo } from '../../../src/web/core/history/index.js';
import {
  columns,
  generations,
  layeredPositions,
  nodeYear,
  setLayoutStatus,
  setLineageByYear,
  setPositions,
  smallestColumnGap,
} from '../../../src/web/core/positions/index.js';
import { COLUMN_GAP, ROW_GAP } from '../../../src/web/core/positions/layered.js';
import { ringAround, spiralPositions } from '../../../src/web/core/positions/spiral-and-rings.js';
import { initialState } from '../../../src/web/core/state.js';
import { edge, lineageGraph, node, smallGraph } from './fixtures.js';

describe('web/core/positions', () => {
  describe('#setPositions', () => {
    it('should store positions of known nodes only, undoably', () => {
      const state = replaceGraph(smallGraph())(initialState);
      const next = commit(setPositions({ 'method:sma': { x: 1, y: 2 }, 'paper:ghost': { x: 0, y: 0 } }))(state);
      expect(next.view.positions['method:sma']).toEqual({ x: 1, y: 2 });
      expect(next.view.positions['paper:ghost']).toBeUndefined();
      expect(undo()(next).view.positions['method:sma']).toEqual(state.view.positions['method:sma']);
    });
  });

  describe('#setLayoutStatus', () => {
    it('should track the worker life cycle without touching the view', () => {
      const running = setLayoutStatus('running')(initialState);
      expect(running.layout).toBe('running');
      expect(running.view).toBe(initialState.view);
      expect(setLayoutStatus('running')(running)).toBe(running);
    });
  });

  describe('#generations', () => {
    it('should count BUILDS_ON generations from the oldest and survive cycles', () => {
      const g = lineageGraph();
      expect(generations(g)).toMatchObject({
        'architecture:transformer': 0,
        'architecture:ssm': 0,
        'architecture:gau': 1,
        'method:sma': 1,
        'architecture:seqboat': 2,
      });
      const cyclic = {
        nodes: [node('method:a', 'Method'), node('method:b', 'Method')],
        edges: [edge('BUILDS_ON', 'method:a', 'method:b'), edge('BUILDS_ON', 'method:b', 'method:a')],
      };
      expect(Object.keys(generations(cyclic))).toHaveLength(2);
    });
  });

  describe('#columns', () => {
    it('should put nodes in year columns when asked', () => {
      const col = columns(lineageGraph(), true);
      expect(col['architecture:transformer']).toBe(0);
      expect(col['architecture:ssm']).toBe(1);
      expect(col['architecture:gau']).toBe(2);
      expect(col['architecture:seqboat']).toBe(3);
    });
  });

  describe('#nodeYear', () => {
    it('should read the own year, else proposedYear (the earliest proposing paper), else null', () => {
      expect(nodeYear({ year: 2020 })).toBe(2020);
      expect(nodeYear({ proposedYear: 2019, proposedBy: [{ year: 2022 }, { year: 2019 }] })).toBe(2019);
      expect(nodeYear({})).toBeNull();
    });
  });

  describe('#layeredPositions', () => {
    it('should give every node a position with older generations on the left', () => {
      const pos = layeredPositions(lineageGraph(), false);
      expect(Object.keys(pos)).toHaveLength(5);
      expect(pos['architecture:ssm']!.x).toBeLessThan(pos['architecture:seqboat']!.x);
    });
  });

  describe('#smallestColumnGap', () => {
    it('should give the distance between the two closest columns, ignoring rows of one column', () => {
      expect(smallestColumnGap([0, 0, 28, 28, 70, 98])).toBe(28);
      expect(smallestColumnGap([5, 5, 5])).toBeNull();
      expect(smallestColumnGap([])).toBeNull();
    });

    it('should find the column gap of a laid-out lineage, which keeps columns several rows apart', () => {
      const positions = layeredPositions(lineageGraph(), false);
      const gap = smallestColumnGap(Object.values(positions).map((p) => p.x));
      expect(gap).toBe(COLUMN_GAP);
      expect(gap! / ROW_GAP).toBeGreaterThanOrEqual(6);
    });
  });

  describe('#setLineageByYear', () => {
    it('should re-lay the lineage by year and do nothing outside the lineage view', () => {
      const lineage = showLineage(lineageGraph(), 'architecture:seqboat', false)(initialState);
      const byYear = setLineageByYear(true)(lineage);
      expect(byYear.view.lineage?.byYear).toBe(true);
      expect(byYear.view.positions['architecture:gau']!.x).toBeGreaterThan(byYear.view.positions['architecture:ssm']!.x);
      expect(setLineageByYear(true)(initialState)).toBe(initialState);
    });
  });

  describe('#spiralPositions and #ringAround', () => {
    it('should give distinct positions', () => {
      const s = spiralPositions(['a', 'b', 'c']);
      expect(new Set(Object.values(s).map((p) => `${p.x},${p.y}`)).size).toBe(3);
      const r = ringAround({ x: 10, y: 10 }, ['a', 'b'], 2);
      for (const p of Object.values(r)) expect(Math.hypot(p.x - 10, p.y - 10)).toBeCloseTo(2);
    });
  });
});
