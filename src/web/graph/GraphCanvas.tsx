// Mounts the one sigma renderer on the one graph (created once, killed on unmount) and renders
// the controllers that drive it.
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import { getState } from '../core/store.js';
import type { EdgeAttrs, NodeAttrs } from '../types.js';
import { makeEdgeReducer, makeNodeReducer } from './appearance.js';
import { graph, setRenderer } from './graph-and-renderer.js';
import { createLabelDrawer, type LabelDrawer } from './labels.js';
import { chooseProgramSet, programsFor } from './program-choice.js';
import { LABEL_ALL_LIMIT, visibleNodeCount } from '../core/visibility.js';
import { resetSync } from './sync.js';
import { SyncController } from './controllers/SyncController.js';
import { EventsController } from './controllers/EventsController.js';
import { LayoutController } from './controllers/LayoutController.js';
import { CommunityController } from './controllers/CommunityController.js';
import { TestHandleController } from './controllers/TestHandleController.js';
import { YearAxisController } from './controllers/YearAxisController.js';
import { MinimapController } from './controllers/MinimapController.js';

export function GraphCanvas() {
  const container = useRef<HTMLDivElement>(null);
  const [mounted, setMounted] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const programSet = chooseProgramSet(window.location.search);
    const labels = createLabelDrawer(() => visibleNodeCount(getState().view) <= LABEL_ALL_LIMIT);
    const sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, container.current, {
      defaultEdgeType: 'arrow',
      ...programsFor(programSet),
      defaultDrawNodeLabel: (context, data, settings) => labels.draw(context, data, settings as unknown as Parameters<LabelDrawer['draw']>[2]),
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      labelDensity: 1,
      labelGridCellSize: 100,
      labelRenderedSizeThreshold: 5,
      labelFont: 'system-ui, sans-serif',
      labelSize: 12,
      labelWeight: '500',
      edgeLabelSize: 11,
      edgeLabelColor: { color: '#6b7280' },
      zIndex: true,
      minCameraRatio: 0.03,
      maxCameraRatio: 4,
      nodeReducer: makeNodeReducer(getState),
      edgeReducer: makeEdgeReducer(getState),
    });
    sigma.on('beforeRender', labels.beginFrame);
    setRenderer(sigma, { labels, programSet });
    // The stage shrinks when the result table opens or is resized: redraw at the new size.
    const resize = new ResizeObserver(() => sigma.refresh({ skipIndexation: true }));
    resize.observe(container.current);
    setMounted(true);
    return () => {
      resize.disconnect();
      setMounted(false);
      setRenderer(null);
      sigma.kill();
      graph.clear();
      resetSync();
    };
  }, []);

  return (
    <div className="graph-canvas" ref={container} role="img" aria-label="Graph view. Use search to find nodes; the side panel lists details.">
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
