// Camera moves on a mounted explorer: centre on a node (after a search or a shared link) and fit
// what is visible.
import { isEdgeVisible, isNodeVisible, LABEL_ALL_LIMIT, visibleNodeCount } from '../core/visibility.js';
import type { GraphRuntime } from '../runtime/graph-runtime.js';
import { smallestColumnGap } from '../core/positions/index.js';
import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import type { EdgeAttrs, NodeAttrs } from '../types.js';
import { clearOfCorner } from './corner-frame.js';
import { MINIMAP_HEIGHT, MINIMAP_WIDTH } from './controllers/MinimapController.js';
import { edgeLabelBox, labelOverflow, nodeLabelBox, overflows } from './label-overflow.js';
import { CLUSTER_LABEL_WEIGHT, type Box } from './labels.js';
import { topBarsHeight } from './stage-panels.js';

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
  // Processed now (the camera below reads the new frame), without indexing the graph again.
  sigma.refresh({ partialGraph: { nodes: [], edges: [] } });
  const home: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  if (minX !== Infinity) ({ minX, maxX, minY, maxY } = widenForLabels(rt, sigma, home, { minX, maxX, minY, maxY }));
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

type Bounds = { minX: number; maxX: number; minY: number; maxY: number };

/** Rounds of reframing at most: a zoom out or two, then a shift; more only when labels alone nearly fill the stage. */
const LABEL_ROUNDS = 6;

/**
 * The visible nodes' box widened until, at the home position, the nodes and the labels it draws lie
 * inside the stage, below the bars over its top (the labels only in a view small enough to label every
 * node: the nodes' labels and the edges' labels). Label sizes are in pixels
 * while the box is in graph units: when the drawing is larger than the area the box grows about its
 * centre (the drawing shrinks), when it only sticks out on one side the box moves, and each round
 * looks again at the new scale. The custom box is left set to the answer.
 */
function widenForLabels(rt: GraphRuntime, sigma: Sigma<NodeAttrs, EdgeAttrs>, home: CameraState, b: Bounds): Bounds {
  const view = rt.getState().view;
  // A larger view labels only some nodes, placed anew as the camera moves: framing it for the labels of
  // one frame zoomed the whole map out (the ringed groups' labels alone reach past any frame) and
  // crowded its middle. Its nodes alone are kept inside the area, below the bars.
  const labelled = visibleNodeCount(view) <= LABEL_ALL_LIMIT;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return b;
  const size = sigma.getSetting('labelSize');
  const edgeSize = sigma.getSetting('edgeLabelSize');
  const font = (weight: string, px: number) => `${weight} ${px}px ${sigma.getSetting('labelFont')}`;
  const widths = new Map<string, number>();
  const measure = (text: string, f: string) => {
    const key = `${f}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      context.font = f;
      w = context.measureText(text).width;
      widths.set(key, w);
    }
    return w;
  };
  const stage = sigma.getDimensions();
  const padding = sigma.getSetting('stagePadding');
  const top = Math.min(stage.height / 2, topBarsHeight(sigma.getContainer())) + padding;
  const area = { x: padding, y: top, w: stage.width - 2 * padding, h: stage.height - top - padding };
  let bounds = b;
  for (let round = 0; round < LABEL_ROUNDS; round++) {
    const boxes: Box[] = [];
    rt.graph.forEachNode((id, a) => {
      if (!isNodeVisible(view, id)) return;
      const at = sigma.graphToViewport(a, { cameraState: home });
      const radius = sigma.getNodeDisplayData(id)?.size ?? a.size;
      boxes.push({ x: at.x - radius, y: at.y - radius, w: 2 * radius, h: 2 * radius });
      if (!labelled || !a.label) return;
      const cluster = a.kind === 'Cluster';
      boxes.push(
        nodeLabelBox(
          at,
          radius,
          measure(a.label, font(cluster ? CLUSTER_LABEL_WEIGHT : sigma.getSetting('labelWeight'), size)),
          size,
          cluster,
        ),
      );
    });
    if (labelled)
      rt.graph.forEachEdge((id, a, source, target, sa, ta) => {
        const label = sigma.getEdgeDisplayData(id)?.label;
        if (!label || !isEdgeVisible(view, id)) return;
        const from = sigma.graphToViewport(sa, { cameraState: home });
        const to = sigma.graphToViewport(ta, { cameraState: home });
        boxes.push(edgeLabelBox(from, to, measure(label, font(sigma.getSetting('edgeLabelWeight'), edgeSize)), edgeSize));
      });
    const over = labelOverflow(boxes, area);
    if (!overflows(over)) break;
    // Graph units per pixel at the home position, along each axis.
    const origin = sigma.viewportToGraph({ x: 0, y: 0 }, { cameraState: home });
    const unit = sigma.viewportToGraph({ x: 1, y: 1 }, { cameraState: home });
    const ux = Math.abs(unit.x - origin.x);
    const uy = Math.abs(unit.y - origin.y);
    // Where graph y runs up as viewport y runs down (sigma's way), moving the drawing down moves the box up.
    const yUp = unit.y < origin.y;
    const span = {
      w: Math.max(...boxes.map((x) => x.x + x.w)) - Math.min(...boxes.map((x) => x.x)),
      h: Math.max(...boxes.map((x) => x.y + x.h)) - Math.min(...boxes.map((x) => x.y)),
    };
    const zoom = Math.max(span.w / area.w, span.h / area.h);
    if (zoom > 1.005) {
      // Too big for the area: a box larger by the zoom draws everything that much smaller (the
      // labels keep their size, so the next round looks again).
      const k = zoom * 1.02;
      const cx = (bounds.minX + bounds.maxX) / 2;
      const cy = (bounds.minY + bounds.maxY) / 2;
      const hw = ((bounds.maxX - bounds.minX) / 2) * k;
      const hh = ((bounds.maxY - bounds.minY) / 2) * k;
      bounds = { minX: cx - hw, maxX: cx + hw, minY: cy - hh, maxY: cy + hh };
    } else {
      // It fits but sticks out on one side: move the box so the drawing moves the other way.
      const dx = (over.left > 0 ? over.left : -over.right) * ux;
      const dy = (over.top > 0 ? over.top : -over.bottom) * uy * (yUp ? 1 : -1);
      bounds = { minX: bounds.minX - dx, maxX: bounds.maxX - dx, minY: bounds.minY + dy, maxY: bounds.maxY + dy };
    }
    sigma.setCustomBBox({ x: [bounds.minX, bounds.maxX], y: [bounds.minY, bounds.maxY] });
    // Re-frames without re-indexing the graph (a partial refresh of nothing, processed now).
    sigma.refresh({ partialGraph: { nodes: [], edges: [] } });
  }
  return bounds;
}
