// Moves apart the nodes a layout left on top of each other, as they are drawn: ForceAtlas2 pulls a paper
// and the one method it proposes onto the same spot, where the larger disc hides the smaller. Noverlap
// (graphology's anti-collision layout) runs on the laid-out nodes at the end of a layout, in the pixels
// of the fitted view (the view *Fit* shows), so that the margin between two discs is the same on screen
// whatever the graph's units.
import type Graph from 'graphology';
import noverlap from 'graphology-layout-noverlap';
import type { Point } from '../core/state.js';

/**
 * Views up to this size are separated on the main thread when a layout ends (tens of ms at this size,
 * more when a tight group needs further passes).
 */
export const SEPARATE_UP_TO_NODES = 500;

/** Pixels kept free around every disc. */
const MARGIN_PX = 4;

/**
 * Separation spreads the drawing a little, so the fitted view zooms out a little: a second pass in the
 * new fitted view's pixels takes that back up. Further passes run only while a disc's centre still
 * lies inside another disc (a tight group left by a short layout, as on a busy machine), up to the last.
 */
const MIN_PASSES = 2;
const MAX_PASSES = 6;

/** The extra pixels a node of the laid-out copy keeps free around its disc (0 unless it asks for some). */
const roomOf = (a: object): number => {
  const room = (a as { room?: unknown }).room;
  return typeof room === 'number' && room > 0 ? room : 0;
};

/** How a graph position maps to the fitted view's pixels and back (a scale: where the view sits does not matter). */
export interface ScreenMapping {
  toScreen(p: Point): Point;
  toGraph(p: Point): Point;
}

export interface Stage {
  width: number;
  height: number;
  /** Pixels sigma leaves free at the stage's edges (its `stagePadding`). */
  padding: number;
}

/** The scale of the view that fits the nodes' bounding box into the stage, as sigma fits a graph into its stage. */
export function fittedScale(graph: Graph, stage: Stage): ScreenMapping {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_id, a) => {
    minX = Math.min(minX, a.x as number);
    maxX = Math.max(maxX, a.x as number);
    minY = Math.min(minY, a.y as number);
    maxY = Math.max(maxY, a.y as number);
  });
  const width = Math.max(stage.width - 2 * stage.padding, 1);
  const height = Math.max(stage.height - 2 * stage.padding, 1);
  const fit = Math.min(width / Math.max(maxX - minX, 1e-9), height / Math.max(maxY - minY, 1e-9));
  const s = Number.isFinite(fit) && fit > 0 ? fit : 1;
  return { toScreen: (p) => ({ x: p.x * s, y: p.y * s }), toGraph: (p) => ({ x: p.x / s, y: p.y / s }) };
}

/** Whether, in the fitted view, some disc's centre lies inside another disc (the smaller one is hidden). */
export function anyUnder(graph: Graph, stage: Stage): boolean {
  const { toScreen } = fittedScale(graph, stage);
  const discs = graph.mapNodes((_id, a) => ({
    ...toScreen({ x: a.x as number, y: a.y as number }),
    r: (a.size as number | undefined) ?? 1,
  }));
  for (let i = 0; i < discs.length; i += 1) {
    const a = discs[i]!;
    for (let j = i + 1; j < discs.length; j += 1) {
      const b = discs[j]!;
      const reach = Math.max(a.r, b.r);
      if (Math.abs(a.x - b.x) < reach && Math.abs(a.y - b.y) < reach && Math.hypot(a.x - b.x, a.y - b.y) < reach) return true;
    }
  }
  return false;
}

/**
 * New positions (graph units) of the laid-out nodes, apart by their drawn radii (plus any `room` a
 * node asks for) and a margin in the fitted view; empty when the view is larger than the main-thread budget. `laidOut` is left as it is.
 */
export function separatedPositions(laidOut: Graph, stage: Stage): Record<string, Point> {
  if (laidOut.order < 2 || laidOut.order > SEPARATE_UP_TO_NODES) return {};
  const work = laidOut.copy();
  for (let pass = 0; pass < MAX_PASSES && (pass < MIN_PASSES || anyUnder(work, stage)); pass += 1) {
    const mapping = fittedScale(work, stage);
    noverlap.assign(work, {
      maxIterations: 100,
      // A node's `room` (a cluster's, for its label) widens its disc here only.
      inputReducer: (_key, a) => ({ ...mapping.toScreen({ x: a.x, y: a.y }), size: (a.size ?? 1) + roomOf(a) }),
      outputReducer: (_key, p) => mapping.toGraph({ x: p.x, y: p.y }),
      // Noverlap pushes one disc of each colliding pair a step at a time; at speed 3 a tight group of
      // a corpus's first view was still colliding after 100 steps (a few discs stayed under another).
      settings: { margin: MARGIN_PX, ratio: 1, expansion: 1.1, speed: 6 },
    });
  }
  const out: Record<string, Point> = {};
  work.forEachNode((id, a) => {
    out[id] = { x: a.x as number, y: a.y as number };
  });
  return out;
}
