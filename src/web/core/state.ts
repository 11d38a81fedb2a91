// The explorer's state: the undoable view (what is drawn and how) and the rest of the UI state,
// plus the initial state. Changed only by the pure steps in core/*/index.ts.
import type { RelationshipType, WireEdge, WireLabel, WireNode } from '../../shared/graph.js';
import type { DiffAncestor, DiffSide, SideCounts } from '../../shared/api/diff.js';

export interface Point {
  x: number;
  y: number;
}

export interface Filters {
  hiddenLabels: WireLabel[];
  hiddenTypes: RelationshipType[];
  /** Papers outside [min, max] are hidden; null = no year filter. */
  years: [number, number] | null;
  /** BUILDS_ON links with a confidence below this are hidden (links without one stay). */
  minConfidence: number;
  /** Papers are drawn only when they propose something drawn: the "map of ideas" first view. */
  proposersOnly: boolean;
  /** Links curation rejected are drawn struck through instead of hidden. */
  showRejected?: boolean;
}

export type ViewMode = 'graph' | 'lineage';
export type ColorBy = 'label' | 'community';

export interface LineageSpec {
  root: string;
  /** Columns by publication year when known instead of by generation. */
  byYear: boolean;
  /** Nodes of the lineage left out by the per-generation cap (0 when it is drawn whole). */
  omitted: number;
  /** True when the user asked for the whole lineage, uncapped. */
  all: boolean;
}

/** Two lineages compared (drawn in the lineage view): which one each node and link belongs to. */
export interface CompareSpec {
  a: string;
  b: string;
  depth: number;
  sides: { nodes: Record<string, DiffSide>; edges: Record<string, DiffSide> };
  counts: { nodes: SideCounts; edges: SideCounts };
  ancestors: { shared: DiffAncestor[]; onlyA: DiffAncestor[]; onlyB: DiffAncestor[] };
  /** Nodes the API's cap left out of either lineage. */
  omitted: number;
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
  /** The node "Only this" started from, until the next fresh start (the URL replays it). */
  isolated: string | null;
  /** Nodes expanded since the last fresh start, in order (the URL replays them on reload). */
  expanded: string[];
  /** The shortest path being looked at: part of the view so undo and the URL keep it. */
  path: PathState;
  /** Lineage links coloured by their kind instead of one colour. */
  colorEdgesByKind: boolean;
  /** Set while the lineage view compares two methods (mode 'lineage', lineage.root = a). */
  compare: CompareSpec | null;
}

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string };

/** Relationship types a path may follow by default: lineage and who proposes or uses what. */
export const LINEAGE_PATH_TYPES: RelationshipType[] = ['BUILDS_ON', 'PROPOSES', 'USES'];

export interface PathState {
  from: string | null;
  to: string | null;
  /** Relationship types the path may follow. */
  via: RelationshipType[];
  nodes: string[];
  edges: string[];
  message: string | null;
}

export type QuerySpec =
  { kind: 'saved'; name: string; params: Record<string, unknown> } | { kind: 'cypher'; query: string; params: Record<string, unknown> };

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

/** A view undo or redo goes back to, with what was selected in it. */
export interface HistoryEntry {
  view: ViewState;
  selection: Selection | null;
}

export interface AppState {
  view: ViewState;
  past: HistoryEntry[];
  future: HistoryEntry[];
  selection: Selection | null;
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
  /** Louvain communities of the drawn graph (largest first) while colouring by community. */
  communities: CommunitySummary[];
  /** How many nodes the overview left out of the first view (0 when it drew everything). */
  overviewOmitted: number;
  /** Whether the minimap (overview with the viewport rectangle) is shown. */
  minimap: boolean;
}

export interface CommunitySummary {
  id: number;
  size: number;
  /** The names of its best-connected members, to say what the community is about. */
  examples: string[];
}

/** Links below this confidence are hidden until the user moves the slider. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

export const emptyFilters: Filters = {
  hiddenLabels: [],
  hiddenTypes: [],
  years: null,
  minConfidence: DEFAULT_MIN_CONFIDENCE,
  proposersOnly: false,
};

/**
 * The first view: methods, architectures and datasets with their lineage and the papers that propose
 * them; concepts, authors, repositories and the noisier link types are one click away.
 */
export const firstViewFilters: Filters = {
  hiddenLabels: ['Concept', 'Repository', 'Author'],
  hiddenTypes: ['MENTIONS', 'SIMILAR_TO', 'CITES', 'AUTHORED_BY', 'HAS_CODE', 'USES'],
  years: null,
  minConfidence: DEFAULT_MIN_CONFIDENCE,
  proposersOnly: true,
};

export const emptyPath: PathState = { from: null, to: null, via: LINEAGE_PATH_TYPES, nodes: [], edges: [], message: null };

export const emptyView: ViewState = {
  nodes: {},
  edges: {},
  positions: {},
  hiddenNodes: [],
  filters: firstViewFilters,
  more: {},
  mode: 'graph',
  lineage: null,
  colorBy: 'label',
  isolated: null,
  expanded: [],
  path: emptyPath,
  colorEdgesByKind: false,
  compare: null,
};

export const initialState: AppState = {
  view: emptyView,
  past: [],
  future: [],
  selection: null,
  query: null,
  table: null,
  error: null,
  notice: null,
  loading: 0,
  panel: 'details',
  layout: 'idle',
  ready: false,
  expandLimit: 25,
  communities: [],
  overviewOmitted: 0,
  minimap: false,
};

export type Step = (state: AppState) => AppState;
