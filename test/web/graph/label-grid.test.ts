import { describe, expect, it } from 'vitest';
import { CLUSTERED_LABEL_GRID_CELL, LABEL_GRID_CELL, labelGridCell } from '../../../src/web/graph/label-grid.js';
import type { WireNode } from '../../../src/shared/graph.js';

const nodes = (...labels: WireNode['label'][]) =>
  Object.fromEntries(labels.map((label, i) => [`n${i}`, { id: `n${i}`, label, name: `n${i}`, properties: {} } as WireNode]));

describe('label-grid', () => {
  describe('#labelGridCell', () => {
    it('should offer labels from smaller cells in a view with cluster nodes', () => {
      expect(labelGridCell({ nodes: nodes('Method', 'Cluster', 'Paper') })).toBe(CLUSTERED_LABEL_GRID_CELL);
      expect(CLUSTERED_LABEL_GRID_CELL).toBeLessThan(LABEL_GRID_CELL);
    });

    it('should keep the usual cells in any other view, the default first view included', () => {
      expect(labelGridCell({ nodes: nodes('Method', 'Architecture', 'Paper') })).toBe(LABEL_GRID_CELL);
      expect(labelGridCell({ nodes: {} })).toBe(LABEL_GRID_CELL);
    });
  });
});
