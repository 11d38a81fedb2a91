// Camera moves on a mounted explorer: centre on a node (after a search or a shared link) and fit
// what is visible.
import { isNodeVisible } from '../core/visibility.js';
import type { GraphRuntime } from '../runtime/graph-runtime.js';
import { smallestColumnGap } from '../core/positions/index.js';
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import type { EdgeAttrs, NodeAttrs } from '../types.js';
import { clearOfCorner } from './corner-frame.js';
import { MINIMAP_HEIGHT, MINIMAP_WIDTH } from './controllers/MinimapController.js';

/** How much of a column's width the frame of a lineage keeps right of its last column. */
const LABEL_ROOM = 0.9;

export function focusNode(rt: GraphRuntime, id: string, ratio = 0.35): void {
  const sigma = rt.sigma();
  if (!sigma || !rt.graph.hasNode(id)) return;
  // Display data is in the normalized frame the camera works in.
  const data = sigma.getNodeDisplayData(id);
  if (!data) return;
  void sigma.getCamera().animate({ x: data.x, y: data.y, ratio }, { duration: 400 });
}

/** Fits the visible nodes (not hidden or filtered ones) into the stage as it is now sized. */
export function fitView(rt: GraphRuntime): void {
  const sigma = rt.sigma();
  if (!sigma) return;
  const view = rt.getState().view;
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  rt.graph.forEachNode((id, a) => {
    if (!isNodeVisible(view, id)) return;
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  // A lineage's labels run right of their nodes: the frame keeps room for the last column's labels.
  if (view.mode === 'lineage' && minX !== Infinity)
    maxX += LABEL_ROOM * (smallestColumnGap(Object.values(view.positions).map((p) => p.x)) ?? 0);
  // The graph is framed on the visible nodes' box, so the camera's home position shows exactly them.
  sigma.setCustomBBox(minX === Infinity ? null : { x: [minX, maxX], y: [minY, maxY] });
  sigma.refresh();
  const home: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const clear = minX !== Infinity && rt.getState().minimap ? homeClearOfMinimap(sigma, home, { minX, maxX, minY, maxY }) : null;
  void sigma.getCamera().animate(clear ?? home, { duration: 300 });
}

/** The margin between the minimap and the stage's edges (styles.css `.minimap`), and around it. */
const MINIMAP_MARGIN = 10;

/**
 * The camera that shows the box as the home position does, but clear of the open minimap in the
 * stage's corner (so it hides no node or label); null when the home position is clear already.
 */
function homeClearOfMinimap(
  sigma: Sigma<NodeAttrs, EdgeAttrs>,
  home: CameraState,
  b: { minX: number; maxX: number; minY: number; maxY: number },
): CameraState | null {
  const stage = sigma.getDimensions();
  const a = sigma.graphToViewport({ x: b.minX, y: b.maxY }, { cameraState: home });
  const z = sigma.graphToViewport({ x: b.maxX, y: b.minY }, { cameraState: home });
  const box = { left: Math.min(a.x, z.x), right: Math.max(a.x, z.x), top: Math.min(a.y, z.y), bottom: Math.max(a.y, z.y) };
  const corner = { width: MINIMAP_WIDTH + 2 * MINIMAP_MARGIN, height: MINIMAP_HEIGHT + 2 * MINIMAP_MARGIN };
  const frame = clearOfCorner(box, stage, corner, sigma.getSetting('stagePadding'));
  if (!frame) return null;
  // Framed-graph units per viewport pixel at the home ratio, along each axis (signs included).
  const mid = { x: stage.width / 2, y: stage.height / 2 };
  const origin = sigma.viewportToFramedGraph(mid, { cameraState: home });
  const alongX = sigma.viewportToFramedGraph({ x: mid.x + 1, y: mid.y }, { cameraState: home });
  const alongY = sigma.viewportToFramedGraph({ x: mid.x, y: mid.y + 1 }, { cameraState: home });
  const centre = sigma.viewportToFramedGraph({ x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 }, { cameraState: home });
  const ratio = 1 / frame.zoom;
  const dx = (frame.centre.x - mid.x) * ratio;
  const dy = (frame.centre.y - mid.y) * ratio;
  return {
    ...home,
    ratio,
    x: centre.x - dx * (alongX.x - origin.x) - dy * (alongY.x - origin.x),
    y: centre.y - dx * (alongX.y - origin.y) - dy * (alongY.y - origin.y),
  };
}
