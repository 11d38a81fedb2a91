// Keeps the graph and the renderer in step with the store: syncs the view into the graph and
// refreshes sigma when the view, selection or path change (only the nodes a change of content
// touched when nothing else the reducers read changed); marks the first graph paint.
import { useEffect } from 'react';
import { setReady } from '../../core/ui.js';
import { useRuntime } from '../../runtime/context.js';
import { fitView } from '../camera.js';
import { refreshScope } from '../refresh-scope.js';
import { labelGridCell } from '../label-grid.js';
import type { ExplorerGraph } from '../../types.js';

/** The nodes to re-reduce, with the links of those whose visibility changed (a link is drawn with its ends). */
function partialOf(graph: ExplorerGraph, nodes: string[], shownOrHidden: string[]): { nodes: string[]; edges: string[] } {
  const edges = new Set<string>();
  for (const id of shownOrHidden) graph.forEachEdge(id, (edge) => edges.add(edge));
  return { nodes: nodes.filter((id) => graph.hasNode(id)), edges: [...edges] };
}

export function SyncController() {
  const rt = useRuntime();
  useEffect(() => {
    const sigma = rt.sigma();
    if (!sigma) return;
    const onRender = () => {
      if (rt.graph.order > 0 && !rt.getState().ready) {
        performance.mark('methodgraph:first-graph-paint');
        rt.dispatch(setReady());
      }
    };
    sigma.on('afterRender', onRender);
    // The label grid's cells follow the view (smaller in a view with clusters); a change is applied
    // just before the view's own refresh, which processes the graph anyway.
    const gridFor = (view: ReturnType<typeof rt.getState>['view']) => {
      const cell = labelGridCell(view);
      if (sigma.getSetting('labelGridCellSize') !== cell) sigma.setSetting('labelGridCellSize', cell);
    };
    gridFor(rt.getState().view);
    rt.sync.sync(rt.getState().view);
    sigma.refresh();
    const unsubscribe = rt.store.subscribe((state, prev) => {
      if (state.view !== prev.view) {
        // The lineage view places its own nodes: a running ForceAtlas2 must not move them.
        if (state.view.mode === 'lineage') rt.layout.cancel();
        gridFor(state.view);
        const { linked } = rt.sync.sync(state.view);
        const scope = refreshScope(prev, state);
        if (scope === 'all') sigma.refresh();
        // What changed is re-reduced now; sigma draws it at the next frame, in a task of its own
        // (on a large view, processing every node and link for the programs is most of the drawing).
        else sigma.refresh({ partialGraph: partialOf(rt.graph, [...scope.nodes, ...linked], scope.nodes), schedule: true });
        if (state.view.mode !== prev.view.mode || state.view.lineage?.root !== prev.view.lineage?.root) fitView(rt);
      } else if (state.selection !== prev.selection || state.view.path !== prev.view.path) {
        sigma.refresh({ skipIndexation: true });
      }
    });
    return () => {
      unsubscribe();
      sigma.off('afterRender', onRender);
    };
  }, [rt]);
  return null;
}
