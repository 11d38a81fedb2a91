// The explorer's state: the undoable view (what is drawn and how) and the rest of the UI state,
// plus the initial state. Changed only by the pure steps in core/*/index.ts.
import type { NodeLabel, RelationshipType, WireEdge, WireNode } from '../../shared/graph.js';

export interface Point {
  x: number;
  y: number;
}

export interface Filters {
  hiddenLabels: NodeLabel[];
  hiddenTypes: RelationshipType[];
  /** Papers outside [min, max] are hidden; null = no year filter. */
  years: [number, number] | null;
}

export type ViewMode = 'graph' | 'lineage';
export type ColorBy = 'label' | 'community';

export interface LineageSpec {
  root: string;
  /** Columns by publication year when known instead of by generation. */
  byYear: boolean;
}

/** Everything that undo/redo restores. */
export interface ViewState {
  nodes: Record<string, WireNode>;
  edges: Record<string, WireEdge>;
  positions: Record<string, Point>;
  hiddenNodes: string[];
  filters: Filters;
  /** Node id -> how many neighbours an expansion left out ("+N more"). */
  more: Record<string, number>;
  mode: ViewMode;
  lineage: LineageSpec | null;
  colorBy: ColorBy;
}

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string };

export interface PathState {
  from: string | null;
  to: string | null;
  nodes: string[];
  edges: string[];
  message: string | null;
}

export type QuerySpec =
  | { kind: 'saved'; name: string; params: Record<string, unknown> }
  | { kind: 'cypher'; query: string; params: Record<string, unknown> };

export interface TableResult {
  title: string;
  columns: string[];
  rows: unknown[][];
  capped: boolean;
}

export interface AppError {
  message: string;
  /** What the retry button does; absent when retrying makes no sense. */
  retry?: () => void;
}

export type Panel = 'details' | 'queries' | 'cypher' | 'filters';
export type LayoutStatus = 'idle' | 'running';

export interface AppState {
  view: ViewState;
  past: ViewState[];
  future: ViewState[];
  selection: Selection | null;
  path: PathState;
  query: QuerySpec | null;
  table: TableResult | null;
  error: AppError | null;
  notice: string | null;
  loading: number;
  panel: Panel;
  layout: LayoutStatus;
  /** True once the first graph has been drawn. */
  ready: boolean;
  /** Neighbours added by one expansion; the rest wait behind "+N more". */
  expandLimit: number;
}

export const emptyFilters: Filters = { hiddenLabels: [], hiddenTypes: [], years: null };

export const emptyView: ViewState = {
  nodes: {},
  edges: {},
  positions: {},
  hiddenNodes: [],
  filters: emptyFilters,
  more: {},
  mode: 'graph',
  lineage: null,
  colorBy: 'label',
};

export const emptyPath: PathState = { from: null, to: null, nodes: [], edges: [], message: null };

export const initialState: AppState = {
  view: emptyView,
  past: [],
  future: [],
  selection: null,
  path: emptyPath,
  query: null,
  table: null,
  error: null,
  notice: null,
  loading: 0,
  panel: 'details',
  layout: 'idle',
  ready: false,
  expandLimit: 25,
};

export type Step = (state: AppState) => AppState;
