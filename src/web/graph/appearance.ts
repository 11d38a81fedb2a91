// How nodes and edges look: colour by label or community, size by degree, and the reducers that
// apply filters, hover and selection highlighting and the path without touching the graph data.
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { isEdgeVisible, isNodeVisible } from '../core/filters/index.js';
import type { AppState } from '../core/state.js';
import { COMMUNITY_COLORS, LABEL_COLORS, TYPE_COLORS, type EdgeAttrs, type NodeAttrs } from '../types.js';
import { graph, pointer } from './instance.js';

const DIM_NODE = '#e4e6ea';
const DIM_EDGE = '#eef0f2';
const PATH_COLOR = '#111827';

export function nodeSize(degree: number): number {
  return Math.min(22, 3 + 2.1 * Math.sqrt(degree));
}

export function nodeColor(attrs: NodeAttrs, state: AppState): string {
  if (state.view.colorBy === 'community' && attrs.community !== undefined) {
    return COMMUNITY_COLORS[attrs.community % COMMUNITY_COLORS.length]!;
  }
  return LABEL_COLORS[attrs.kind];
}

export function edgeColor(attrs: EdgeAttrs): string {
  return TYPE_COLORS[attrs.relType];
}

export function makeNodeReducer(getState: () => AppState) {
  return (node: string, data: NodeAttrs): Partial<NodeDisplayData> => {
    const state = getState();
    const view = state.view;
    const res: Partial<NodeDisplayData> & { label: string | null } = { ...data, color: nodeColor(data, state) };
    if (!isNodeVisible(view, node)) return { ...res, hidden: true };
    const selected = state.selection?.kind === 'node' ? state.selection.id : null;
    // In the lineage view the whole DAG stays readable: only hovering dims.
    const focus = pointer.hovered ?? (view.mode === 'lineage' ? null : selected);
    if (view.mode === 'lineage') {
      res.size = Math.max(data.size, 9);
      if (node === selected) return { ...res, highlighted: true, forceLabel: true, zIndex: 2 };
    }
    const onPath = state.path.nodes.length > 0;
    if (onPath) {
      if (state.path.nodes.includes(node)) return { ...res, highlighted: true, forceLabel: true, zIndex: 2 };
      return { ...res, color: DIM_NODE, label: null, zIndex: 0 };
    }
    if (focus && graph.hasNode(focus)) {
      if (node === focus) return { ...res, highlighted: true, forceLabel: true, zIndex: 2 };
      if (graph.areNeighbors(node, focus)) return { ...res, forceLabel: true, zIndex: 1 };
      return { ...res, color: DIM_NODE, label: null, zIndex: 0 };
    }
    if (view.mode === 'lineage') return { ...res, forceLabel: true, highlighted: node === view.lineage?.root };
    if (node === state.path.from || node === state.path.to) return { ...res, highlighted: true, forceLabel: true };
    return res;
  };
}

export function makeEdgeReducer(getState: () => AppState) {
  return (edge: string, data: EdgeAttrs): Partial<EdgeDisplayData> => {
    const state = getState();
    const view = state.view;
    const res: Partial<EdgeDisplayData> = { ...data, color: edgeColor(data) };
    // While the layout moves every node, thin lines keep each frame cheap in software WebGL.
    if (pointer.layoutRunning) res.type = 'thin';
    if (!isEdgeVisible(view, edge)) return { ...res, hidden: true };
    if (state.selection?.kind === 'edge' && state.selection.id === edge) return { ...res, color: PATH_COLOR, size: data.size + 2, zIndex: 2 };
    if (state.path.edges.length > 0) {
      if (state.path.edges.includes(edge)) return { ...res, color: PATH_COLOR, size: data.size + 2.5, zIndex: 2 };
      return { ...res, color: DIM_EDGE, label: '' };
    }
    const selected = state.selection?.kind === 'node' ? state.selection.id : null;
    const focus = pointer.hovered ?? (view.mode === 'lineage' ? null : selected);
    if (focus && graph.hasNode(focus)) {
      if (graph.hasExtremity(edge, focus)) return { ...res, size: data.size + 0.8, zIndex: 1 };
      return { ...res, color: DIM_EDGE, label: '' };
    }
    return res;
  };
}
