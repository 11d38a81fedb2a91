// A small read-only handle on window.__methodgraph for end-to-end tests and benchmarks: graph
// order and size, what is visible and selected, node positions on the graph and on the screen.
import { useEffect } from 'react';
import { isEdgeVisible, isNodeVisible } from '../../core/filters/index.js';
import { useRuntime } from '../../runtime/context.js';
import { exportedLabels } from '../../export.js';

export interface TestHandle {
  readonly ready: boolean;
  order(): number;
  size(): number;
  visibleOrder(): number;
  visibleSize(): number;
  visibleNodes(): string[];
  selected(): string | null;
  hasNode(id: string): boolean;
  isVisible(id: string): boolean;
  /** Whether a link (by its wire id) is drawn. */
  isEdgeVisible(id: string): boolean;
  nodePosition(id: string): { x: number; y: number } | null;
  /** Where the node is drawn, in CSS pixels relative to the page. */
  nodeOnScreen(id: string): { x: number; y: number } | null;
  /** Where a node's disc is drawn, in the graph container's pixels (centre and radius). */
  nodeDisc(id: string): { x: number; y: number; r: number } | null;
  nodeColor(id: string): string | null;
  /** The node under the pointer, as the hover highlight sees it. */
  hoveredNode(): string | null;
  /** Visible nodes linked to this one in the drawn graph. */
  visibleNeighbours(id: string): string[];
  nodeSize(id: string): number | null;
  degree(id: string): number;
  /** Labels drawn in the last frame (their text). */
  displayedLabels(): string[];
  /** Where the last frame's labels were drawn, in CSS pixels relative to the page. */
  displayedLabelBoxes(): { label: string; node: string; x: number; y: number; w: number; h: number }[];
  /** The labels the PNG export draws for the current view. */
  exportedLabels(): Promise<string[]>;
  /** Whether a camera animation is under way. */
  cameraMoving(): boolean;
  /** The WebGL programs in use. */
  programSet(): string | null;
  mode(): string;
  layout(): string;
  /** The last layout run that stopped: its node count and how many nodes it moved. */
  lastLayoutRun(): { nodes: number; moved: number } | null;
  pathNodes(): string[];
  canUndo(): boolean;
  canRedo(): boolean;
}

declare global {
  interface Window {
    __methodgraph?: TestHandle;
  }
}

export function TestHandleController() {
  const rt = useRuntime();
  useEffect(() => {
    const { graph, getState } = rt;
    const handle: TestHandle = {
      get ready() {
        return getState().ready;
      },
      order: () => graph.order,
      size: () => graph.size,
      visibleOrder: () => graph.filterNodes((id) => isNodeVisible(getState().view, id)).length,
      visibleSize: () => graph.filterEdges((id) => isEdgeVisible(getState().view, id)).length,
      visibleNodes: () => graph.filterNodes((id) => isNodeVisible(getState().view, id)),
      selected: () => {
        const s = getState().selection;
        return s ? s.id : null;
      },
      hasNode: (id) => graph.hasNode(id),
      isVisible: (id) => isNodeVisible(getState().view, id),
      isEdgeVisible: (id) => graph.hasEdge(id) && isEdgeVisible(getState().view, id),
      nodePosition: (id) => (graph.hasNode(id) ? { x: graph.getNodeAttribute(id, 'x'), y: graph.getNodeAttribute(id, 'y') } : null),
      nodeOnScreen: (id) => {
        const sigma = rt.sigma();
        if (!sigma || !graph.hasNode(id)) return null;
        const p = sigma.graphToViewport({ x: graph.getNodeAttribute(id, 'x'), y: graph.getNodeAttribute(id, 'y') });
        const rect = sigma.getContainer().getBoundingClientRect();
        return { x: rect.left + p.x, y: rect.top + p.y };
      },
      nodeDisc: (id) => {
        const sigma = rt.sigma();
        const data = sigma?.getNodeDisplayData(id);
        if (!sigma || !data) return null;
        const p = sigma.framedGraphToViewport(data);
        return { x: p.x, y: p.y, r: sigma.scaleSize(data.size) };
      },
      nodeColor: (id) => {
        const sigma = rt.sigma();
        return sigma && graph.hasNode(id) ? (sigma.getNodeDisplayData(id)?.color ?? null) : null;
      },
      hoveredNode: () => rt.hover.node,
      visibleNeighbours: (id) => (graph.hasNode(id) ? graph.neighbors(id).filter((n) => isNodeVisible(getState().view, n)) : []),
      nodeSize: (id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'size') : null),
      degree: (id) => (graph.hasNode(id) ? graph.degree(id) : 0),
      displayedLabels: () => [...(rt.renderer()?.labels.drawn() ?? [])],
      displayedLabelBoxes: () => {
        const r = rt.renderer();
        if (!r) return [];
        const stage = r.sigma.getContainer().getBoundingClientRect();
        return r.labels.placed().map((b) => ({ ...b, x: b.x + stage.left, y: b.y + stage.top }));
      },
      exportedLabels: () => exportedLabels(rt),
      cameraMoving: () => rt.sigma()?.getCamera().isAnimated() ?? false,
      programSet: () => rt.renderer()?.programSet ?? null,
      mode: () => getState().view.mode,
      layout: () => rt.layout.status,
      lastLayoutRun: () => rt.layout.lastRun,
      pathNodes: () => getState().view.path.nodes,
      canUndo: () => getState().past.length > 0,
      canRedo: () => getState().future.length > 0,
    };
    window.__methodgraph = handle;
    return () => {
      if (window.__methodgraph === handle) delete window.__methodgraph;
    };
  }, [rt]);
  return null;
}
