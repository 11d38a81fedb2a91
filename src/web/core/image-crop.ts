// Where an exported image's content lies. The view keeps areas of the stage free (under the bars that
// float over it, beside the open side panel, room for labels at its edges), and an image of the whole
// stage shows them as empty bands: the PNG export is cut to the pixels that differ from the
// background, with a margin.

export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far a channel may differ from the background's and still count as background (canvas rounding). */
const TOLERANCE = 2;

/**
 * The smallest box holding every pixel (RGBA rows, as `getImageData` gives them) whose colour differs
 * from `background` (RGB, 0-255), widened by `margin` pixels but kept within the image; null when every
 * pixel is background.
 */
export function contentBox(
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
  background: readonly [number, number, number],
  margin: number,
): PixelBox | null {
  const [r, g, b] = background;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y += 1) {
    let row = y * width * 4;
    for (let x = 0; x < width; x += 1, row += 4) {
      const differs =
        Math.abs(pixels[row]! - r) > TOLERANCE || Math.abs(pixels[row + 1]! - g) > TOLERANCE || Math.abs(pixels[row + 2]! - b) > TOLERANCE;
      if (!differs) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return null;
  const x = Math.max(0, minX - margin);
  const y = Math.max(0, minY - margin);
  return { x, y, width: Math.min(width, maxX + 1 + margin) - x, height: Math.min(height, maxY + 1 + margin) - y };
}
