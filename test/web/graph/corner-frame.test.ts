// Unit tests of framing the drawing clear of the minimap in the stage's corner.
import { describe, expect, it } from 'vitest';
import { clearOfCorner } from '../../../src/web/graph/corner-frame.js';

const stage = { width: 1000, height: 700 };
const minimap = { width: 220, height: 160 };

describe('web/graph/corner-frame', () => {
  describe('#clearOfCorner', () => {
    it('should leave a drawing alone when it does not reach the panel', () => {
      // A tall drawing centred in the stage ends left of the panel.
      expect(clearOfCorner({ left: 400, top: 30, right: 600, bottom: 670 }, stage, minimap, 30)).toBeNull();
      // A wide one ends above it.
      expect(clearOfCorner({ left: 30, top: 200, right: 970, bottom: 500 }, stage, minimap, 30)).toBeNull();
    });

    it('should shrink a wide drawing into the band above the panel', () => {
      const frame = clearOfCorner({ left: 30, top: 100, right: 970, bottom: 600 }, stage, minimap, 30)!;
      expect(frame.centre).toEqual({ x: 500, y: 270 });
      // 540 px band less the padding, for a drawing 500 px high.
      expect(frame.zoom).toBeCloseTo(480 / 500);
      const bottom = frame.centre.y + (frame.zoom * 500) / 2;
      expect(bottom).toBeLessThanOrEqual(stage.height - minimap.height - 30 + 1e-9);
    });

    it('should shrink a tall drawing into the band beside the panel', () => {
      const frame = clearOfCorner({ left: 300, top: 30, right: 900, bottom: 670 }, stage, minimap, 30)!;
      expect(frame.centre).toEqual({ x: 390, y: 350 });
      expect(frame.zoom).toBeCloseTo(Math.min(720 / 600, 640 / 640, 1));
      const right = frame.centre.x + (frame.zoom * 600) / 2;
      expect(right).toBeLessThanOrEqual(stage.width - minimap.width - 30 + 1e-9);
    });
  });
});
