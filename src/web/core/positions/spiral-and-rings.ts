// Pure position helpers: seed positions for fresh nodes (a spiral) and placement of new nodes
// around the node they came from, so existing nodes keep their places.
import type { Point } from '../state.js';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Positions on a sunflower spiral, centred on `center`, spaced by `step`. */
export function spiralPositions(ids: readonly string[], center: Point = { x: 0, y: 0 }, step = 1, offset = 0): Record<string, Point> {
  const out: Record<string, Point> = {};
  ids.forEach((id, i) => {
    const k = i + offset;
    const r = step * Math.sqrt(k + 0.5);
    out[id] = { x: center.x + r * Math.cos(k * GOLDEN_ANGLE), y: center.y + r * Math.sin(k * GOLDEN_ANGLE) };
  });
  return out;
}

/** A distance that looks like "next to" at the scale of the current drawing. */
export function neighbourRadius(positions: Record<string, Point>): number {
  const points = Object.values(positions);
  if (points.length < 2) return 1;
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const extent = Math.max(maxX - minX, maxY - minY, 1e-6);
  return (extent / Math.sqrt(points.length)) * 0.9;
}

/** Places `ids` on rings around `origin` at roughly `radius`. */
export function ringAround(origin: Point, ids: readonly string[], radius: number, phase = 0): Record<string, Point> {
  const out: Record<string, Point> = {};
  const perRing = 12;
  ids.forEach((id, i) => {
    const ring = Math.floor(i / perRing);
    const inRing = Math.min(perRing, ids.length - ring * perRing);
    const angle = phase + (2 * Math.PI * (i % perRing)) / inRing + ring * 0.4;
    const r = radius * (1 + ring * 0.6);
    out[id] = { x: origin.x + r * Math.cos(angle), y: origin.y + r * Math.sin(angle) };
  });
  return out;
}
