// Camera moves on a mounted explorer: centre on a node (after a search or a shared link) and fit
// what is visible.
import { isNodeVisible } from '../core/visibility.js';
import type { GraphRuntime } from '../runtime/graph-runtime.js';
import { smallestColumnGap } from '../core/positions/index.js';

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
  void sigma.getCamera().animatedReset({ duration: 300 });
}
