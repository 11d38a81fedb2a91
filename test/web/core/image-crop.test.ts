import { describe, expect, it } from 'vitest';
import { contentBox } from '../../../src/web/core/image-crop.js';

const WHITE = [255, 255, 255] as const;

/** A white RGBA image with the given pixels painted. */
function image(width: number, height: number, painted: [number, number, [number, number, number]][]): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const [x, y, [r, g, b]] of painted) pixels.set([r, g, b, 255], (y * width + x) * 4);
  return pixels;
}

describe('contentBox', () => {
  it('holds every pixel that differs from the background, widened by the margin', () => {
    const pixels = image(100, 80, [
      [30, 40, [0, 0, 0]],
      [60, 50, [200, 10, 10]],
    ]);
    expect(contentBox(pixels, 100, 80, WHITE, 5)).toEqual({ x: 25, y: 35, width: 41, height: 21 });
  });

  it('keeps the margin within the image', () => {
    const pixels = image(50, 40, [
      [1, 0, [0, 0, 0]],
      [49, 39, [0, 0, 0]],
    ]);
    expect(contentBox(pixels, 50, 40, WHITE, 10)).toEqual({ x: 0, y: 0, width: 50, height: 40 });
  });

  it('takes pixels within the rounding tolerance for background, and answers null for a blank image', () => {
    const pixels = image(20, 20, [[5, 5, [254, 253, 255]]]);
    expect(contentBox(pixels, 20, 20, WHITE, 4)).toBeNull();
    pixels.set([250, 250, 250, 255], (10 * 20 + 12) * 4);
    expect(contentBox(pixels, 20, 20, WHITE, 0)).toEqual({ x: 12, y: 10, width: 1, height: 1 });
  });
});
