// How far labels (and nodes) run past the part of the stage they should stay in (inside its padding,
// below the bars over its top): *Fit* frames the visible nodes, then widens the frame by these
// margins (converted to graph units) until every label it draws is inside.
import type { Box } from './labels.js';

export interface Overflow {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Pixels by which the boxes reach past `area` (the part of the stage they must stay in) on each side; 0 where they do not. */
export function labelOverflow(boxes: readonly Box[], area: Box): Overflow {
  const out: Overflow = { left: 0, right: 0, top: 0, bottom: 0 };
  for (const b of boxes) {
    out.left = Math.max(out.left, area.x - b.x);
    out.right = Math.max(out.right, b.x + b.w - (area.x + area.w));
    out.top = Math.max(out.top, area.y - b.y);
    out.bottom = Math.max(out.bottom, b.y + b.h - (area.y + area.h));
  }
  return out;
}

/** Whether any side overflows by more than `tolerance` pixels. */
export function overflows(o: Overflow, tolerance = 0.5): boolean {
  return o.left > tolerance || o.right > tolerance || o.top > tolerance || o.bottom > tolerance;
}

/**
 * Where a node's label lies when placed as the label drawer places it first (right of the node,
 * centred on it vertically; a cluster's centred under its disc), in the stage's pixels.
 */
export function nodeLabelBox(at: { x: number; y: number }, radius: number, textWidth: number, labelSize: number, cluster: boolean): Box {
  const w = textWidth + 4;
  const h = labelSize + 2;
  return cluster ? { x: at.x - w / 2, y: at.y + radius + 2, w, h } : { x: at.x + radius + 3, y: at.y - h / 2, w, h };
}

/** The box around an edge's label, drawn along the edge at its middle, in the stage's pixels. */
export function edgeLabelBox(from: { x: number; y: number }, to: { x: number; y: number }, textWidth: number, labelSize: number): Box {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const halfW = (Math.abs(Math.cos(angle)) * textWidth + Math.abs(Math.sin(angle)) * labelSize) / 2;
  const halfH = (Math.abs(Math.sin(angle)) * textWidth + Math.abs(Math.cos(angle)) * labelSize) / 2;
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  return { x: mid.x - halfW, y: mid.y - halfH, w: 2 * halfW, h: 2 * halfH };
}
