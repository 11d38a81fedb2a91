// Mounts a sigma renderer on the runtime's graph (created when the canvas mounts, killed when it
// unmounts) and renders the controllers that drive it.
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs } from '../types.js';
import { useRuntime } from '../runtime/context.js';
import type { MountedRenderer } from '../runtime/graph-runtime.js';
import { makeEdgeReducer, makeNodeReducer } from './appearance.js';
import { createLabelDrawer, type Disc, type LabelDrawer } from './labels.js';
import { LABEL_GRID_CELL } from './label-grid.js';
import { floatingPanels, outsideStage } from './stage-panels.js';
import { chooseProgramSet, programsFor } from './program-choice.js';
import { LABEL_ALL_LIMIT, visibleNodeCount } from '../core/visibility.js';
import { smallestColumnGap } from '../core/positions/index.js';
import type { ViewState } from '../core/state.js';
import { SyncController } from './controllers/SyncController.js';
import { EventsController } from './controllers/EventsController.js';
import { LayoutController } from './controllers/LayoutController.js';
import { CommunityController } from './controllers/CommunityController.js';
import { TestHandleController } from './controllers/TestHandleController.js';
import { YearAxisController } from './controllers/YearAxisController.js';
import { MinimapController } from './controllers/MinimapController.js';

/**
 * In the lineage view, the on-screen distance between two neighbouring columns: a label wider than
 * that would run into the next column's nodes. Null in other views.
 */
function columnWidth(view: ViewState, sigma: Sigma<NodeAttrs, EdgeAttrs> | undefined): number | null {
  if (!sigma || view.mode !== 'lineage') return null;
  const gap = smallestColumnGap(Object.values(view.positions).map((p) => p.x));
  if (gap === null) return null;
  return Math.abs(sigma.graphToViewport({ x: gap, y: 0 }).x - sigma.graphToViewport({ x: 0, y: 0 }).x);
}

/** The discs of the nodes sigma draws (not hidden), in viewport pixels. */
function drawnDiscs(sigma: Sigma<NodeAttrs, EdgeAttrs> | undefined): Disc[] {
  if (!sigma) return [];
  const out: Disc[] = [];
  sigma.getGraph().forEachNode((node) => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const p = sigma.framedGraphToViewport(data);
    out.push({ node, x: p.x, y: p.y, r: sigma.scaleSize(data.size) });
  });
  return out;
}

export function GraphCanvas() {
  const rt = useRuntime();
  const container = useRef<HTMLDivElement>(null);
  const [mounted, setMounted] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const programSet = chooseProgramSet(window.location.search);
    const labels = createLabelDrawer({
      mustDraw: () => visibleNodeCount(rt.getState().view) <= LABEL_ALL_LIMIT,
      maxWidth: () => columnWidth(rt.getState().view, rt.renderer()?.sigma),
      keepOut: () => [...floatingPanels(container.current), ...outsideStage(container.current)],
      discs: () => drawnDiscs(rt.renderer()?.sigma),
    });
    const sigma = new Sigma<NodeAttrs, EdgeAttrs>(rt.graph, container.current, {
      defaultEdgeType: 'arrow',
      ...programsFor(programSet),
      defaultDrawNodeLabel: (context, data, settings) =>
        labels.draw(context, data, settings as unknown as Parameters<LabelDrawer['draw']>[2]),
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      labelDensity: 1,
      labelGridCellSize: LABEL_GRID_CELL,
      labelRenderedSizeThreshold: 5,
      labelFont: 'system-ui, sans-serif',
      labelSize: 12,
      labelWeight: '500',
      edgeLabelSize: 11,
      edgeLabelColor: { color: '#6b7280' },
      zIndex: true,
      minCameraRatio: 0.03,
      maxCameraRatio: 4,
      nodeReducer: makeNodeReducer(rt),
      edgeReducer: makeEdgeReducer(rt),
    });
    sigma.on('beforeRender', labels.beginFrame);
    // The groups' labels are placed last, after every label sigma hands over in the frame.
    sigma.on('afterRender', labels.endFrame);
    const renderer: MountedRenderer = { sigma, labels, programSet };
    rt.attachRenderer(renderer);
    // The stage shrinks when the result table opens or is resized: redraw at the new size (a render
    // resizes the canvases; nothing needs indexing again).
    const resize = new ResizeObserver(() => sigma.scheduleRender());
    resize.observe(container.current);
    setMounted(true);
    return () => {
      resize.disconnect();
      setMounted(false);
      rt.detachRenderer(renderer);
    };
  }, [rt]);

  return (
    <div
      className="graph-canvas"
      ref={container}
      role="img"
      aria-label="Graph view. Use search to find nodes; the side panel lists details."
    >
      {mounted && (
        <>
          <SyncController />
          <EventsController />
          <LayoutController />
          <CommunityController />
          <TestHandleController />
          <YearAxisController />
          <MinimapController />
        </>
      )}
    </div>
  );
}
