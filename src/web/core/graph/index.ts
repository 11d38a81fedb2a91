// Steps that change what the view contains: replace it with a graph, add a graph next to the node
// it came from, hide, isolate, show a lineage. New nodes get positions; existing ones keep theirs.
import type { WireEdge, WireGraph, WireNode } from '../../../shared/graph.js';
import { capPerGeneration } from '../positions/layered.js';
import { lineagePositions } from '../positions/year-axis.js';
import { neighbourRadius, ringAround, spiralPositions } from '../positions/spiral-and-rings.js';
import { communitySeedPositions } from '../positions/community-seed.js';
import { isEdgeVisible, isNodeVisible } from '../visibility.js';
import { emptyPath, type AppState, type Point, type Step, type ViewState } from '../state.js';

function mergeNode(old: WireNode | undefined, incoming: WireNode): WireNode {
  if (!old) return incoming;
  const extra = nonEmpty(incoming.properties);
  const adds = Object.entries(extra).some(([k, v]) => JSON.stringify(old.properties[k]) !== JSON.stringify(v));
  if (!adds && (old.name || !incoming.name)) return old;
  return {
    ...old,
    name: old.name || incoming.name,
    properties: { ...incoming.properties, ...old.properties, ...nonEmpty(incoming.properties) },
  };
}

function nonEmpty(props: WireNode['properties']): WireNode['properties'] {
  const out: WireNode['properties'] = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

/** Edges whose both ends are in `nodes`. */
function edgesWithin(edges: readonly WireEdge[], nodes: Record<string, WireNode>): WireEdge[] {
  return edges.filter((e) => nodes[e.source] && nodes[e.target]);
}

function seedPositions(ids: string[], existing: Record<string, Point>): Record<string, Point> {
  const count = Object.keys(existing).length;
  const step = count ? neighbourRadius(existing) * 0.6 : 1;
  return spiralPositions(ids, { x: 0, y: 0 }, step, count);
}

/** The nodes of `graph` and the edges between them, by id. */
function contentOf(graph: WireGraph): Pick<ViewState, 'nodes' | 'edges'> {
  const nodes: Record<string, WireNode> = {};
  for (const n of graph.nodes) nodes[n.id] = mergeNode(nodes[n.id], n);
  const edges: Record<string, WireEdge> = {};
  for (const e of edgesWithin(graph.edges, nodes)) edges[e.id] = e;
  return { nodes, edges };
}

/** A view that starts afresh on new content: nothing hidden, isolated, expanded, compared or on a path. */
function freshView(previous: ViewState, content: Pick<ViewState, 'nodes' | 'edges' | 'positions' | 'mode' | 'lineage'>): ViewState {
  return { ...previous, ...content, hiddenNodes: [], more: {}, isolated: null, expanded: [], path: emptyPath, compare: null };
}

/** The view now shows exactly `graph` (a fresh start: hidden nodes and "+N more" are forgotten). */
export const replaceGraph =
  (graph: WireGraph): Step =>
  (state) => {
    const { nodes, edges } = contentOf(graph);
    const positions: Record<string, Point> = {};
    const fresh: string[] = [];
    for (const id of Object.keys(nodes)) {
      const old = state.view.mode === 'graph' ? state.view.positions[id] : undefined;
      if (old) positions[id] = old;
      else fresh.push(id);
    }
    // An overview with clusters starts from one patch per community, so groups do not start as one blob.
    if (fresh.length === Object.keys(nodes).length && graph.nodes.some((n) => n.label === 'Cluster')) {
      Object.assign(positions, communitySeedPositions(Object.values(nodes), Object.values(edges)));
    } else Object.assign(positions, seedPositions(fresh, positions));
    return withValidSelection({ ...state, view: freshView(state.view, { nodes, edges, positions, mode: 'graph', lineage: null }) });
  };

export interface AddOptions {
  /** The node the graph came from: new nodes are placed around it. */
  origin?: string;
  /** How many neighbours of `origin` were left out (0 clears "+N more"); set by an expansion, which is remembered. */
  more?: number;
}

/** Adds `graph` to the view; new nodes go next to `origin` or to a neighbour already drawn. */
export const addGraph =
  (graph: WireGraph, options: AddOptions = {}): Step =>
  (state) => {
    const view = state.view;
    const nodes = { ...view.nodes };
    const fresh: WireNode[] = [];
    for (const n of graph.nodes) {
      if (!nodes[n.id]) fresh.push(n);
      nodes[n.id] = mergeNode(nodes[n.id], n);
    }
    const edges = { ...view.edges };
    let edgesChanged = false;
    for (const e of edgesWithin(graph.edges, nodes)) {
      if (!edges[e.id]) {
        edges[e.id] = e;
        edgesChanged = true;
      }
    }
    const positions = { ...view.positions };
    const radius = neighbourRadius(view.positions);
    const origin = options.origin;
    const originPos = origin ? positions[origin] : undefined;
    const byAnchor = new Map<string, string[]>();
    const loose: string[] = [];
    for (const n of fresh) {
      let anchor: string | undefined = originPos ? origin : undefined;
      if (!anchor) {
        for (const e of graph.edges) {
          const other = e.source === n.id ? e.target : e.target === n.id ? e.source : undefined;
          if (other && view.positions[other]) {
            anchor = other;
            break;
          }
        }
      }
      if (anchor) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), n.id]);
      else loose.push(n.id);
    }
    for (const [anchor, ids] of byAnchor) Object.assign(positions, ringAround(positions[anchor]!, ids, radius));
    // Nodes with no drawn neighbour: a spiral around the first loose node's anchor, or the origin of the drawing.
    if (loose.length) Object.assign(positions, seedPositions(loose, positions));
    const more = { ...view.more };
    if (origin && options.more !== undefined) {
      if (options.more > 0) more[origin] = options.more;
      else delete more[origin];
    }
    const incoming = new Set(graph.nodes.map((n) => n.id));
    const hiddenNodes = view.hiddenNodes.filter((id) => !incoming.has(id));
    const expanded = origin && options.more !== undefined && !view.expanded.includes(origin) ? [...view.expanded, origin] : view.expanded;
    const changed =
      fresh.length > 0 ||
      edgesChanged ||
      expanded !== view.expanded ||
      hiddenNodes.length !== view.hiddenNodes.length ||
      more[origin ?? ''] !== view.more[origin ?? ''] ||
      graph.nodes.some((n) => nodes[n.id] !== view.nodes[n.id]);
    if (!changed) return state;
    return { ...state, view: { ...view, nodes, edges, positions, more, hiddenNodes, expanded } };
  };

/**
 * Opens a cluster: the ideas it stands for take its place (around where it was drawn), and it goes
 * with its aggregated links; the view remembers it among its expansions, so the URL replays it.
 * Without the cluster in the view, the ideas are added and remembered all the same.
 */
export const openCluster =
  (clusterId: string, members: WireGraph): Step =>
  (state) => {
    const added = addGraph(members, state.view.positions[clusterId] ? { origin: clusterId, more: 0 } : {})(state);
    const view = added.view;
    const nodes = { ...view.nodes };
    delete nodes[clusterId];
    const edges: Record<string, WireEdge> = {};
    for (const [id, e] of Object.entries(view.edges)) if (e.source !== clusterId && e.target !== clusterId) edges[id] = e;
    const positions = { ...view.positions };
    delete positions[clusterId];
    const more = { ...view.more };
    delete more[clusterId];
    const expanded = view.expanded.includes(clusterId) ? view.expanded : [...view.expanded, clusterId];
    const hiddenNodes = view.hiddenNodes.filter((id) => id !== clusterId);
    return withValidSelection({ ...added, view: { ...view, nodes, edges, positions, more, expanded, hiddenNodes } });
  };

/** Hides nodes (and so their edges) until "show hidden" or undo. */
export const hideNodes =
  (ids: readonly string[]): Step =>
  (state) => {
    const add = ids.filter((id) => state.view.nodes[id] && !state.view.hiddenNodes.includes(id));
    if (add.length === 0) return state;
    const next = { ...state, view: { ...state.view, hiddenNodes: [...state.view.hiddenNodes, ...add] } };
    return withValidSelection(next);
  };

export const showHiddenNodes = (): Step => (state) =>
  state.view.hiddenNodes.length === 0 ? state : { ...state, view: { ...state.view, hiddenNodes: [] } };

/** Keeps only `id` in the view: a clean start to expand from. */
export const isolateNode =
  (id: string): Step =>
  (state) => {
    const node = state.view.nodes[id];
    if (!node) return state;
    const pos = state.view.positions[id] ?? { x: 0, y: 0 };
    return {
      ...state,
      view: {
        ...state.view,
        nodes: { [id]: node },
        edges: {},
        positions: { [id]: pos },
        hiddenNodes: [],
        more: {},
        isolated: id,
        expanded: [],
        path: emptyPath,
        compare: null,
      },
    };
  };

/** Shows the BUILDS_ON lineage of `root` as a layered DAG, capped per generation unless `all`. */
export const showLineage =
  (whole: WireGraph, root: string, byYear: boolean, all = false): Step =>
  (state) => {
    const { graph, omitted } = all ? { graph: whole, omitted: 0 } : capPerGeneration(whole, root);
    const { nodes, edges } = contentOf(graph);
    const positions = lineagePositions({ nodes: Object.values(nodes), edges: Object.values(edges) }, byYear);
    const lineage = { root, byYear, omitted, all };
    return withValidSelection({ ...state, view: freshView(state.view, { nodes, edges, positions, mode: 'lineage', lineage }) });
  };

/** Drops a selection that no longer points at something visible in the view. */
export function withValidSelection(state: AppState): AppState {
  const sel = state.selection;
  if (!sel) return state;
  const ok = sel.kind === 'node' ? isNodeVisible(state.view, sel.id) : isEdgeVisible(state.view, sel.id);
  return ok ? state : { ...state, selection: null };
}
