// How nodes and edges look: colour by label or community, size by degree, and the reducers that
// apply filters, hover and selection highlighting and the path without touching the graph data.
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { isEdgeVisible, isNodeVisible } from '../core/filters/index.js';
import { LABEL_ALL_LIMIT, visibleNodeCount } from '../core/visibility.js';
import type { AppState } from '../core/state.js';
import { compareColor } from '../core/compare/index.js';
import { BUILDS_ON_KINDS, type BuildsOnKind } from '../../shared/graph.js';
import { COMMUNITY_COLORS, KIND_COLORS, LABEL_COLORS, TYPE_COLORS, UNKNOWN_KIND_COLOR, type EdgeAttrs, type NodeAttrs } from '../types.js';
import type { GraphRuntime } from '../runtime/graph-runtime.js';

const DIM_NODE = '#e4e6ea';
const DIM_EDGE = '#eef0f2';
const PATH_COLOR = '#111827';

export function nodeSize(degree: number): number {
  return Math.min(22, 3 + 2.1 * Math.sqrt(degree));
}

/**
 * A cluster's disc: growing slowly with the ideas it stands for, and smaller than the largest ideas'
 * (a map of thirty groups is read by the ideas between them, not by thirty large grey discs).
 */
export function clusterSize(omitted: unknown): number {
  const n = typeof omitted === 'number' && omitted > 0 ? omitted : 1;
  return Math.min(15, 6 + Math.log2(n));
}

/** Summed-up lineage of a group: pale, so the many links between groups do not bury the ideas' own. */
const AGGREGATE_EDGE = '#f3d6d1';

export function nodeColor(attrs: NodeAttrs, state: AppState): string {
  if (state.view.colorBy === 'community' && attrs.community !== undefined) {
    return COMMUNITY_COLORS[attrs.community % COMMUNITY_COLORS.length]!;
  }
  return LABEL_COLORS[attrs.kind];
}

/** The BUILDS_ON kind of a link, or null when it has none (or one outside the contract). */
export function kindOf(properties: Record<string, unknown>): BuildsOnKind | null {
  const k = properties.kind;
  return typeof k === 'string' && (BUILDS_ON_KINDS as readonly string[]).includes(k) ? (k as BuildsOnKind) : null;
}

const REJECTED_EDGE = '#b0b4ba';

export function edgeColor(attrs: EdgeAttrs, state?: AppState): string {
  const curation = attrs.properties.curation;
  if (curation === 'rejected' || curation === 'retargeted') return REJECTED_EDGE;
  if (attrs.properties.aggregate === true) return AGGREGATE_EDGE;
  if (state?.view.colorEdgesByKind && attrs.relType === 'BUILDS_ON') {
    const kind = kindOf(attrs.properties);
    return kind ? KIND_COLORS[kind] : UNKNOWN_KIND_COLOR;
  }
  return TYPE_COLORS[attrs.relType];
}

/** What the reducers read from the mounted explorer: its state, its graph, the hovered node and the layout. */
export type ReducerSource = Pick<GraphRuntime, 'getState' | 'graph' | 'hover' | 'layout'>;

export function makeNodeReducer({ getState, graph, hover }: ReducerSource) {
  return (node: string, data: NodeAttrs): Partial<NodeDisplayData> => {
    const state = getState();
    const view = state.view;
    // Small views label every node; larger ones let the label drawer pick what fits (labels.ts).
    const labelAll = visibleNodeCount(view) <= LABEL_ALL_LIMIT;
    const res: Partial<NodeDisplayData> & { label: string | null } = {
      ...data,
      color: compareColor(view, 'node', node) ?? nodeColor(data, state),
      // A cluster is read by its label: always drawn (the drawer still keeps labels apart).
      forceLabel: labelAll || data.kind === 'Cluster',
    };
    if (!isNodeVisible(view, node)) return { ...res, hidden: true };
    const selected = state.selection?.kind === 'node' ? state.selection.id : null;
    // In the lineage view the whole DAG stays readable: only hovering dims.
    const focus = hover.node ?? (view.mode === 'lineage' ? null : selected);
    if (view.mode === 'lineage') {
      res.size = Math.max(data.size, 9);
      if (node === selected) return { ...res, highlighted: true, forceLabel: true, zIndex: 2 };
    }
    const onPath = state.view.path.nodes.length > 0;
    if (onPath) {
      if (state.view.path.nodes.includes(node)) return { ...res, highlighted: true, forceLabel: true, zIndex: 2 };
      return { ...res, color: DIM_NODE, label: null, zIndex: 0 };
    }
    if (focus && graph.hasNode(focus)) {
      // A hovered or selected cluster says more of its names than its short drawn label.
      if (node === focus) return { ...res, label: data.focusLabel ?? res.label, highlighted: true, forceLabel: true, zIndex: 2 };
      if (graph.areNeighbors(node, focus)) return { ...res, forceLabel: true, zIndex: 1 };
      return { ...res, color: DIM_NODE, label: null, zIndex: 0 };
    }
    if (view.mode === 'lineage') return { ...res, forceLabel: true, highlighted: node === view.lineage?.root };
    if (node === state.view.path.from || node === state.view.path.to) return { ...res, highlighted: true, forceLabel: true };
    return res;
  };
}

export function makeEdgeReducer({ getState, graph, hover, layout }: ReducerSource) {
  return (edge: string, data: EdgeAttrs): Partial<EdgeDisplayData> => {
    const state = getState();
    const view = state.view;
    const res: Partial<EdgeDisplayData> = { ...data, color: compareColor(view, 'edge', edge) ?? edgeColor(data, state) };
    // While the layout moves every node, thin lines keep each frame cheap in software WebGL.
    if (layout.status === 'running') res.type = 'thin';
    if (!isEdgeVisible(view, edge)) return { ...res, hidden: true };
    if (state.selection?.kind === 'edge' && state.selection.id === edge)
      return { ...res, color: PATH_COLOR, size: data.size + 2, zIndex: 2 };
    if (state.view.path.edges.length > 0) {
      if (state.view.path.edges.includes(edge)) return { ...res, color: PATH_COLOR, size: data.size + 2.5, zIndex: 2 };
      return { ...res, color: DIM_EDGE, label: '' };
    }
    const selected = state.selection?.kind === 'node' ? state.selection.id : null;
    const focus = hover.node ?? (view.mode === 'lineage' ? null : selected);
    if (focus && graph.hasNode(focus)) {
      if (graph.hasExtremity(edge, focus)) return { ...res, size: data.size + 0.8, zIndex: 1 };
      return { ...res, color: DIM_EDGE, label: '' };
    }
    return res;
  };
}
