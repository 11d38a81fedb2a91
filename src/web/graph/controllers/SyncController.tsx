// Keeps the graph and the renderer in step with the store: syncs the view into the graph and
// refreshes sigma when the view, selection or path change; marks the first graph paint.
import { useEffect } from 'react';
import { dispatch, store } from '../../core/store.js';
import { setReady } from '../../core/ui.js';
import { getRenderer, graph } from '../graph-and-renderer.js';
import { syncGraph } from '../sync.js';
import { fitView } from '../camera.js';
import { cancelLayoutRun } from './LayoutController.js';

export function SyncController() {
  useEffect(() => {
    const sigma = getRenderer();
    if (!sigma) return;
    const onRender = () => {
      if (graph.order > 0 && !store.getState().ready) {
        performance.mark('methodgraph:first-graph-paint');
        dispatch(setReady());
      }
    };
    sigma.on('afterRender', onRender);
    syncGraph(store.getState().view);
    sigma.refresh();
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.view !== prev.view) {
        // The lineage view places its own nodes: a running ForceAtlas2 must not move them.
        if (state.view.mode === 'lineage') cancelLayoutRun();
        syncGraph(state.view);
        sigma.refresh();
        if (state.view.mode !== prev.view.mode) sigma.setSetting('stagePadding', state.view.mode === 'lineage' ? 150 : 30);
        if (state.view.mode !== prev.view.mode || state.view.lineage?.root !== prev.view.lineage?.root) fitView();
      } else if (state.selection !== prev.selection || state.view.path !== prev.view.path) {
        sigma.refresh({ skipIndexation: true });
      }
    });
    return () => {
      unsubscribe();
      sigma.off('afterRender', onRender);
    };
  }, []);
  return null;
}
