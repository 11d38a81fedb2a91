// Mounts the one sigma renderer on the one graph (created once, killed on unmount) and renders
// the controllers that drive it.
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import { getState } from '../core/store.js';
import type { EdgeAttrs, NodeAttrs } from '../types.js';
import { makeEdgeReducer, makeNodeReducer } from './appearance.js';
import { graph, setRenderer } from './instance.js';
import { edgeArrowProgram, edgeLineProgram, edgeThinLineProgram, nodeCircleProgram } from './programs.js';
import { resetSync } from './sync.js';
import { SyncController } from './controllers/SyncController.js';
import { EventsController } from './controllers/EventsController.js';
import { LayoutController } from './controllers/LayoutController.js';
import { CommunityController } from './controllers/CommunityController.js';
import { TestHandleController } from './controllers/TestHandleController.js';

export function GraphCanvas() {
  const container = useRef<HTMLDivElement>(null);
  const [mounted, setMounted] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, container.current, {
      defaultEdgeType: 'arrow',
      // Not instanced: software WebGL draws instances one by one, which made each frame 100+ ms.
      nodeProgramClasses: { circle: nodeCircleProgram<NodeAttrs, EdgeAttrs>() },
      edgeProgramClasses: { arrow: edgeArrowProgram<NodeAttrs, EdgeAttrs>(), line: edgeLineProgram<NodeAttrs, EdgeAttrs>(), thin: edgeThinLineProgram<NodeAttrs, EdgeAttrs>() },
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      labelDensity: 0.6,
      labelGridCellSize: 130,
      labelRenderedSizeThreshold: 9,
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
    setRenderer(sigma);
    setMounted(true);
    return () => {
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
        </>
      )}
    </div>
  );
}
