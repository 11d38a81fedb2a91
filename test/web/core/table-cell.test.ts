// Unit tests of how query result values read in the result table.
import { describe, expect, it } from 'vitest';
import { cellText } from '../../../src/web/core/table-cell.js';

const kd = { id: 'method:knowledge-distillation', label: 'Method', name: 'Knowledge Distillation' };
const pvd = { id: 'method:progressive-volume-distillation', label: 'Method', name: 'Progressive Volume Distillation' };
const paper = { id: 'paper:pvd', label: 'Paper', name: 'PVD (2022)' };

describe('web/core/table-cell', () => {
  describe('#cellText', () => {
    it('should show a node by its name, a relationship by its type and plain values as they are', () => {
      expect(cellText(kd)).toBe('Knowledge Distillation');
      expect(cellText({ id: 'BUILDS_ON:a->b', type: 'BUILDS_ON' })).toBe('BUILDS_ON');
      expect(cellText(3)).toBe('3');
      expect(cellText(null)).toBe('');
      expect(cellText([kd, pvd])).toBe('Knowledge Distillation, Progressive Volume Distillation');
    });

    it('should show a path as its nodes joined by their relationships, arrows along each direction', () => {
      const path = {
        start: paper.id,
        end: kd.id,
        length: 2,
        nodes: [paper, pvd, kd],
        steps: [
          { type: 'PROPOSES', forward: true },
          { type: 'BUILDS_ON', forward: true },
        ],
      };
      expect(cellText(path)).toBe('PVD (2022) —PROPOSES→ Progressive Volume Distillation —BUILDS_ON→ Knowledge Distillation');
      const backwards = { ...path, nodes: [kd, pvd], steps: [{ type: 'BUILDS_ON', forward: false }], length: 1 };
      expect(cellText(backwards)).toBe('Knowledge Distillation ←BUILDS_ON— Progressive Volume Distillation');
    });

    it('should fall back to JSON for other objects', () => {
      expect(cellText({ srid: 7203, x: 1, y: 2 })).toBe('{"srid":7203,"x":1,"y":2}');
    });
  });
});
