// Unit tests of how far labels reach past the area of the stage Fit keeps them in, and of where
// node and edge labels lie.
import { describe, expect, it } from 'vitest';
import { edgeLabelBox, labelOverflow, nodeLabelBox, overflows } from '../../../src/web/graph/label-overflow.js';

const area = { x: 30, y: 80, w: 940, h: 590 };

describe('web/graph/label-overflow', () => {
  describe('#labelOverflow', () => {
    it('should find nothing when every box is inside the area', () => {
      const o = labelOverflow(
        [
          { x: 30, y: 80, w: 940, h: 590 },
          { x: 500, y: 300, w: 40, h: 14 },
        ],
        area,
      );
      expect(o).toEqual({ left: 0, right: 0, top: 0, bottom: 0 });
      expect(overflows(o)).toBe(false);
    });

    it('should give each side the farthest reach past it', () => {
      const o = labelOverflow(
        [
          { x: 900, y: 300, w: 120, h: 14 }, // 50 px past the right edge (970)
          { x: 950, y: 400, w: 40, h: 14 }, // 20 px past it: the farther counts
          { x: 10, y: 60, w: 40, h: 14 }, // 20 px left, 20 px above (under the bars)
          { x: 400, y: 665, w: 40, h: 14 }, // 9 px below
        ],
        area,
      );
      expect(o).toEqual({ left: 20, right: 50, top: 20, bottom: 9 });
      expect(overflows(o)).toBe(true);
    });

    it('should not count a reach within the tolerance', () => {
      expect(overflows(labelOverflow([{ x: 930, y: 300, w: 40.3, h: 14 }], area))).toBe(false);
    });
  });

  describe('#nodeLabelBox', () => {
    it('should put a node label right of its disc and a group label under its ring', () => {
      expect(nodeLabelBox({ x: 100, y: 50 }, 6, 60, 12, false)).toEqual({ x: 109, y: 43, w: 64, h: 14 });
      expect(nodeLabelBox({ x: 100, y: 50 }, 6, 60, 12, true)).toEqual({ x: 68, y: 58, w: 64, h: 14 });
    });
  });

  describe('#edgeLabelBox', () => {
    it('should centre an edge label on the middle of the edge, along it', () => {
      expect(edgeLabelBox({ x: 0, y: 0 }, { x: 200, y: 0 }, 50, 11)).toEqual({ x: 75, y: -5.5, w: 50, h: 11 });
      const vertical = edgeLabelBox({ x: 0, y: 0 }, { x: 0, y: 200 }, 50, 11);
      expect(vertical.x).toBeCloseTo(-5.5);
      expect(vertical.w).toBeCloseTo(11);
      expect(vertical.h).toBeCloseTo(50);
    });
  });
});
