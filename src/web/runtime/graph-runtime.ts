// One mounted explorer's runtime: its store, its graphology graph, the sigma renderer drawn on it
// (attached by GraphCanvas), the ForceAtlas2 supervisor, the hovered node and the graph/store sync.
// Created when the explorer mounts and disposed when it unmounts; none of it lives at module level.
import { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import { createAppStore, type AppStore } from '../core/store.js';
import { ForceAtlas2Supervisor } from '../graph/forceatlas2-supervisor.js';
import { isEdgeVisible, isNodeVisible } from '../core/visibility.js';
import type { LabelDrawer } from '../graph/labels.js';
import type { ProgramSet } from '../graph/program-choice.js';
import { separatedPositions } from '../graph/separate-nodes.js';
import { createGraphSync, readPositions, type GraphSync } from '../graph/sync.js';
import type { EdgeAttrs, ExplorerGraph, NodeAttrs } from '../types.js';

/** The sigma renderer on the runtime's graph, with what it was built with. */
export interface MountedRenderer {
  sigma: Sigma<NodeAttrs, EdgeAttrs>;
  labels: LabelDrawer;
  programSet: ProgramSet;
}

/** Pointer state kept out of the store: it changes on every mouse move and is never undone. */
export interface HoverState {
  node: string | null;
}

export interface GraphRuntime extends AppStore {
  readonly graph: ExplorerGraph;
  readonly layout: ForceAtlas2Supervisor;
  readonly sync: GraphSync;
  readonly hover: HoverState;
  /** How long the layouts the explorer starts by itself run, when the page asked (`?layout=MS`); else null. */
  readonly layoutMs: number | null;
  /** The mounted renderer, or null before GraphCanvas attaches one and after it is gone. */
  renderer(): MountedRenderer | null;
  sigma(): Sigma<NodeAttrs, EdgeAttrs> | null;
  attachRenderer(mounted: MountedRenderer): void;
  /** Kills `mounted` if it is the attached renderer, and empties the graph it drew. */
  detachRenderer(mounted: MountedRenderer): void;
  isDisposed(): boolean;
  /** Kills the layout worker and the renderer and empties the graph. Safe to call twice. */
  dispose(): void;
}

export interface RuntimeOptions {
  /** See GraphRuntime.layoutMs. */
  layoutMs?: number | null;
}

export function createGraphRuntime(options: RuntimeOptions = {}): GraphRuntime {
  const graph: ExplorerGraph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
  // The layout reads what the view draws now (the store is created just below; read at each start).
  const layout = new ForceAtlas2Supervisor(
    graph,
    () => {
      const view = appStore.getState().view;
      return { node: (id) => isNodeVisible(view, id), edge: (id) => isEdgeVisible(view, id) };
    },
    (laidOut) => {
      const sigma = mounted?.sigma;
      if (!sigma) return {};
      const started = performance.now();
      const apart = separatedPositions(laidOut, { ...sigma.getDimensions(), padding: sigma.getSetting('stagePadding') });
      // Main-thread time of the separation, for the render bench and the profiler.
      performance.measure('methodgraph:separate-nodes', { start: started });
      return apart;
    },
  );
  const sync = createGraphSync(graph);
  const hover: HoverState = { node: null };
  const appStore = createAppStore(() => (layout.status === 'running' ? readPositions(graph) : null));
  let mounted: MountedRenderer | null = null;
  let disposed = false;

  function detachRenderer(which: MountedRenderer): void {
    if (mounted !== which) return;
    mounted = null;
    hover.node = null;
    which.sigma.kill();
    graph.clear();
    sync.reset();
  }

  return {
    ...appStore,
    graph,
    layout,
    sync,
    hover,
    layoutMs: options.layoutMs ?? null,
    renderer: () => mounted,
    sigma: () => mounted?.sigma ?? null,
    attachRenderer(next) {
      if (disposed) throw new Error('web/runtime: a renderer was attached to an explorer that has been unmounted');
      if (mounted) detachRenderer(mounted);
      mounted = next;
    },
    detachRenderer,
    isDisposed: () => disposed,
    dispose() {
      if (disposed) return;
      disposed = true;
      layout.dispose();
      if (mounted) detachRenderer(mounted);
      graph.clear();
    },
  };
}
