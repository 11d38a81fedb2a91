// Brings a runtime's graphology graph in line with the store's view: adds and drops nodes and edges,
// moves nodes when the view's positions change (undo of a layout, lineage), sizes by degree.
import type { WireEdge, WireNode } from '../../shared/graph.js';
import type { ViewState } from '../core/state.js';
import type { EdgeAttrs, ExplorerGraph, NodeAttrs } from '../types.js';
import { clusterSize, nodeSize } from './appearance.js';
import { isRejected, strike } from '../core/curation/index.js';

const LABEL_CHARS = 34;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 2)}…` : text);

/**
 * Short labels keep the drawing readable: a paper goes by the part of its title before the colon and its
 * year, so "Titans (2025)", the paper, never reads the same as "Titans", the method it proposes.
 */
export function shortLabel(node: WireNode): string {
  if (node.label === 'Cluster') return clusterLabel(node.name, node.properties.omitted);
  let name = node.name || node.id;
  if (node.label === 'Repository') name = name.replace(/^https?:\/\/(www\.)?(github\.com\/)?/, '');
  if (node.label === 'Paper') {
    const head = name.split(/:\s/)[0] ?? name;
    if (head.length >= 3 && head.length <= 40) name = head;
    const year = node.properties.year;
    if (typeof year === 'number') return `${clip(name, LABEL_CHARS - 7)} (${year})`;
  }
  return clip(name, LABEL_CHARS);
}

/** Widest a cluster's names run before "+N" in its hover label. */
const CLUSTER_NAME_CHARS = 44;
/** Widest a cluster's leading name runs in its drawn label. */
const CLUSTER_LEAD_CHARS = 28;

const plusCount = (text: string, omitted: unknown) =>
  typeof omitted === 'number' && omitted > 0 ? `${text} +${omitted.toLocaleString('en')}` : text;

/**
 * A cluster's drawn label: its leading idea (the group's most important one, clipped if long) and how
 * many ideas it stands for, "Transformer +1,240". Thirty groups in the middle of a map crowd each
 * other with any more; the other names are in its hover label and its details.
 */
export function clusterLabel(names: string, omitted: unknown): string {
  const lead = names.split(', ').find(Boolean) ?? '';
  return plusCount(clip(lead, CLUSTER_LEAD_CHARS), omitted);
}

/**
 * A cluster's label while it is hovered or selected: as many of its leading idea names (given
 * "A, B, C") as fit, whole, then "+N": "Transformer, Attention +1,240".
 */
export function clusterHoverLabel(names: string, omitted: unknown): string {
  const parts = names.split(', ').filter(Boolean);
  let text = clip(parts[0] ?? '', CLUSTER_NAME_CHARS);
  for (const part of parts.slice(1)) {
    if (text.length + 2 + part.length > CLUSTER_NAME_CHARS) break;
    text += `, ${part}`;
  }
  return plusCount(text, omitted);
}

/** The label a node is drawn with, and a cluster's longer one for hover and selection. */
function labelsOf(node: WireNode): Pick<NodeAttrs, 'label' | 'focusLabel'> {
  const label = shortLabel(node);
  return node.label === 'Cluster' ? { label, focusLabel: clusterHoverLabel(node.name, node.properties.omitted) } : { label };
}

function nodeAttrs(node: WireNode, pos: { x: number; y: number } | undefined): NodeAttrs {
  const year = node.properties.year;
  return {
    x: pos?.x ?? 0,
    y: pos?.y ?? 0,
    size: 4,
    color: '#999',
    ...labelsOf(node),
    kind: node.label,
    year: typeof year === 'number' ? year : null,
    properties: node.properties,
  };
}

/** In the lineage view a link is labelled with its kind; its evidence is one click away. */
function edgeLabel(edge: WireEdge, mode: ViewState['mode']): string | undefined {
  if (isRejected(edge)) return strike(typeof edge.properties.kind === 'string' && mode === 'lineage' ? edge.properties.kind : 'rejected');
  if (mode !== 'lineage') return undefined;
  const kind = edge.properties.kind;
  return typeof kind === 'string' && kind ? kind : undefined;
}

function edgeAttrs(edge: WireEdge, mode: ViewState['mode']): EdgeAttrs {
  const count = edge.properties.count;
  if (edge.properties.aggregate === true && typeof count === 'number') {
    // Lineage between groups: wider for more links, at most about twice a strong lineage link.
    return {
      size: Math.min(4.5, 0.8 + 0.8 * Math.log2(1 + count)),
      color: '#ccc',
      type: 'arrow',
      relType: edge.type,
      properties: edge.properties,
    };
  }
  const confidence = typeof edge.properties.confidence === 'number' ? edge.properties.confidence : 0.6;
  return {
    size: edge.type === 'BUILDS_ON' ? 1.2 + confidence * 1.5 : 0.5,
    color: '#ccc',
    type: 'arrow',
    label: edgeLabel(edge, mode),
    relType: edge.type,
    properties: edge.properties,
  };
}

/** Current positions of every node in the graph (what a running layout has produced). */
export function readPositions(graph: ExplorerGraph): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  graph.forEachNode((id, a) => {
    out[id] = { x: a.x, y: a.y };
  });
  return out;
}

export interface SyncResult {
  /** Whether nodes or links were added or dropped. */
  structural: boolean;
  /**
   * Nodes already drawn that gained a link: a reducer that reads their neighbours (the selected
   * node's are highlighted) must see them again. Added nodes and changed attributes reach sigma
   * through the graph's events.
   */
  linked: string[];
}

export interface GraphSync {
  /** Applies `view` to the graph. */
  sync(view: ViewState): SyncResult;
  /** Forgets what was applied last, so the next sync re-applies everything (after the graph was cleared). */
  reset(): void;
}

/**
 * Removes what the view no longer holds. Sigma re-indexes the whole graph on every node or edge
 * dropped (its drop handlers ask for a full refresh), so leaving a 2,000-node view one drop at a
 * time costs millions of reducer calls; more than one removal instead clears the graph and adds back
 * what stays, attributes and positions unchanged (one 'cleared' event, then cheap additions).
 */
export function dropMissing(graph: ExplorerGraph, view: Pick<ViewState, 'nodes' | 'edges'>): boolean {
  let nodesGone = 0;
  graph.forEachNode((id) => {
    if (!view.nodes[id]) nodesGone++;
  });
  let edgesGone = 0;
  graph.forEachEdge((id, _attrs, source, target) => {
    if (!view.edges[id] || !view.nodes[source] || !view.nodes[target]) edgesGone++;
  });
  if (nodesGone + edgesGone === 0) return false;
  if (nodesGone + edgesGone === 1) {
    graph.forEachNode((id) => {
      if (!view.nodes[id]) graph.dropNode(id);
    });
    graph.forEachEdge((id) => {
      if (!view.edges[id]) graph.dropEdge(id);
    });
    return true;
  }
  const nodes: [string, NodeAttrs][] = [];
  graph.forEachNode((id, attrs) => {
    if (view.nodes[id]) nodes.push([id, attrs]);
  });
  const edges: [string, string, string, EdgeAttrs][] = [];
  graph.forEachEdge((id, attrs, source, target) => {
    if (view.edges[id] && view.nodes[source] && view.nodes[target]) edges.push([id, source, target, attrs]);
  });
  graph.clear();
  for (const [id, attrs] of nodes) graph.addNode(id, attrs);
  for (const [id, source, target, attrs] of edges) graph.addDirectedEdgeWithKey(id, source, target, attrs);
  return true;
}

/** A node's size: a cluster's by the ideas it stands for, any other's by its degree. */
function sizeOf(graph: ExplorerGraph, id: string, attrs: NodeAttrs): number {
  return attrs.kind === 'Cluster' ? clusterSize(attrs.properties.omitted) : nodeSize(graph.degree(id));
}

/**
 * What was applied last is remembered per graph, so unchanged positions are not re-applied. Every
 * change reaches the graph node by node, only where a value differs: sigma's handler for one node's
 * update re-reduces that node alone, while its handler for `updateEachNodeAttributes` re-reduces
 * every node, twice.
 */
export function createGraphSync(graph: ExplorerGraph): GraphSync {
  let lastPositions: ViewState['positions'] | null = null;
  let lastMode: ViewState['mode'] | null = null;

  function sync(view: ViewState): SyncResult {
    let structural = dropMissing(graph, view);
    for (const node of Object.values(view.nodes)) {
      if (!graph.hasNode(node.id)) {
        graph.addNode(node.id, nodeAttrs(node, view.positions[node.id]));
        structural = true;
      } else if (graph.getNodeAttribute(node.id, 'properties') !== node.properties) {
        graph.mergeNodeAttributes(node.id, { properties: node.properties, ...labelsOf(node) });
      }
    }
    const modeChanged = lastMode !== view.mode;
    const linked = new Set<string>();
    for (const edge of Object.values(view.edges)) {
      if (!graph.hasEdge(edge.id)) {
        if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
        graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, edgeAttrs(edge, view.mode));
        linked.add(edge.source).add(edge.target);
        structural = true;
      } else if (modeChanged || graph.getEdgeAttribute(edge.id, 'properties') !== edge.properties) {
        // A curation changes a link in place (its kind, rejected or not): same id, new properties.
        graph.mergeEdgeAttributes(edge.id, { label: edgeLabel(edge, view.mode), properties: edge.properties });
      }
    }
    if (view.positions !== lastPositions) {
      graph.forEachNode((id, attrs) => {
        const p = view.positions[id];
        if (p && (p.x !== attrs.x || p.y !== attrs.y)) graph.mergeNodeAttributes(id, { x: p.x, y: p.y });
      });
      lastPositions = view.positions;
    }
    if (structural) {
      graph.forEachNode((id, attrs) => {
        const size = sizeOf(graph, id, attrs);
        if (size !== attrs.size) graph.setNodeAttribute(id, 'size', size);
      });
    }
    lastMode = view.mode;
    return { structural, linked: [...linked] };
  }

  function reset(): void {
    lastPositions = null;
    lastMode = null;
  }

  return { sync, reset };
}
