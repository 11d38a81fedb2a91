// The part of the state that lives in the URL (selected node, view mode, lineage root, query and
// parameters, filters, confidence threshold, hidden and expanded nodes, colouring and the path):
// written on every change and read on load, so a link or a reload reopens the same view.
import { isRelationshipType, isWireLabel, type RelationshipType } from '../../../shared/graph.js';
import {
  DEFAULT_MIN_CONFIDENCE,
  firstViewFilters,
  LINEAGE_PATH_TYPES,
  type AppState,
  type ColorBy,
  type Filters,
  type QuerySpec,
  type ViewMode,
} from '../state.js';

export interface UrlPath {
  from: string | null;
  to: string | null;
  via: RelationshipType[];
}

export interface UrlState {
  node: string | null;
  view: ViewMode;
  root: string | null;
  byYear: boolean;
  query: QuerySpec | null;
  /** Every filter; the first-view filters when the URL names none. */
  filters: Filters;
  hidden: string[];
  isolated: string | null;
  expanded: string[];
  colorBy: ColorBy;
  edgeKinds: boolean;
  path: UrlPath | null;
  /** Links curation rejected drawn struck through. */
  showRejected: boolean;
  /** The two methods compared (`?compare=a,b`), drawn in the lineage view. */
  compare: [string, string] | null;
}

export function toUrlState(state: AppState): UrlState {
  const path = state.view.path;
  return {
    node: state.selection?.kind === 'node' ? state.selection.id : null,
    view: state.view.mode,
    root: state.view.lineage?.root ?? null,
    byYear: state.view.lineage?.byYear ?? false,
    query: state.query,
    filters: state.view.filters,
    hidden: state.view.hiddenNodes,
    isolated: state.view.isolated,
    expanded: state.view.expanded,
    colorBy: state.view.colorBy,
    edgeKinds: state.view.colorEdgesByKind,
    path: path.from || path.to ? { from: path.from, to: path.to, via: path.via } : null,
    showRejected: Boolean(state.view.filters.showRejected),
    compare: state.view.compare ? [state.view.compare.a, state.view.compare.b] : null,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function filtersAreFirstView(f: Filters): boolean {
  return (
    f.years === null &&
    f.proposersOnly === firstViewFilters.proposersOnly &&
    sameList(f.hiddenLabels, firstViewFilters.hiddenLabels) &&
    sameList(f.hiddenTypes, firstViewFilters.hiddenTypes)
  );
}

export function toSearch(url: UrlState): string {
  const p = new URLSearchParams();
  if (url.view === 'lineage' && url.compare) {
    p.set('compare', url.compare.join(','));
    if (url.byYear) p.set('by', 'year');
  } else if (url.view === 'lineage' && url.root) {
    p.set('view', 'lineage');
    p.set('root', url.root);
    if (url.byYear) p.set('by', 'year');
  }
  if (url.query?.kind === 'saved') {
    p.set('query', url.query.name);
    if (Object.keys(url.query.params).length) p.set('params', JSON.stringify(url.query.params));
  } else if (url.query?.kind === 'cypher') {
    p.set('cypher', url.query.query);
    if (Object.keys(url.query.params).length) p.set('params', JSON.stringify(url.query.params));
  }
  const f = url.filters;
  if (!filtersAreFirstView(f)) {
    p.set('f', '1');
    if (f.hiddenLabels.length) p.set('hl', f.hiddenLabels.join(','));
    if (f.hiddenTypes.length) p.set('ht', f.hiddenTypes.join(','));
    if (f.years) p.set('years', `${f.years[0]}-${f.years[1]}`);
    if (f.proposersOnly) p.set('papers', 'proposing');
  }
  if (f.minConfidence !== DEFAULT_MIN_CONFIDENCE) p.set('conf', String(f.minConfidence));
  if (url.showRejected) p.set('rejected', 'show');
  if (url.isolated) p.set('only', url.isolated);
  for (const id of url.expanded) p.append('exp', id);
  for (const id of url.hidden) p.append('hide', id);
  if (url.colorBy === 'community') p.set('color', 'community');
  if (url.edgeKinds) p.set('kinds', '1');
  if (url.path) {
    if (url.path.from) p.set('from', url.path.from);
    if (url.path.to) p.set('to', url.path.to);
    if (!sameList(url.path.via, LINEAGE_PATH_TYPES)) p.set('via', url.path.via.join(','));
  }
  if (url.node) p.set('node', url.node);
  const s = p.toString();
  return s ? `?${s}` : '';
}

function parseParams(raw: string | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const csv = (raw: string | null) =>
  raw
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

function parseFilters(p: URLSearchParams): Filters {
  const conf = Number(p.get('conf'));
  const minConfidence = p.has('conf') && Number.isFinite(conf) && conf >= 0 && conf <= 1 ? conf : DEFAULT_MIN_CONFIDENCE;
  const showRejected = p.get('rejected') === 'show' ? { showRejected: true } : {};
  if (p.get('f') !== '1') return { ...firstViewFilters, minConfidence, ...showRejected };
  const years = /^(\d{3,4})-(\d{3,4})$/.exec(p.get('years') ?? '');
  return {
    hiddenLabels: csv(p.get('hl')).filter(isWireLabel),
    hiddenTypes: csv(p.get('ht')).filter(isRelationshipType) as RelationshipType[],
    years: years ? [Number(years[1]), Number(years[2])] : null,
    minConfidence,
    proposersOnly: p.get('papers') === 'proposing',
    ...showRejected,
  };
}

export function fromSearch(search: string): UrlState {
  const p = new URLSearchParams(search);
  const root = p.get('root');
  const pair = csv(p.get('compare'));
  const compare: [string, string] | null = pair.length === 2 && pair[0] !== pair[1] ? [pair[0]!, pair[1]!] : null;
  const view: ViewMode = (p.get('view') === 'lineage' && root) || compare ? 'lineage' : 'graph';
  const name = p.get('query');
  const cypher = p.get('cypher');
  const params = parseParams(p.get('params'));
  const query: QuerySpec | null = name ? { kind: 'saved', name, params } : cypher ? { kind: 'cypher', query: cypher, params } : null;
  const via = csv(p.get('via')).filter(isRelationshipType) as RelationshipType[];
  const from = p.get('from');
  const to = p.get('to');
  return {
    node: p.get('node'),
    view,
    root: view === 'lineage' ? (compare?.[0] ?? root) : null,
    byYear: p.get('by') === 'year',
    query,
    filters: parseFilters(p),
    hidden: p.getAll('hide'),
    isolated: p.get('only'),
    expanded: p.getAll('exp'),
    colorBy: p.get('color') === 'community' ? 'community' : 'label',
    edgeKinds: p.get('kinds') === '1',
    path: from || to ? { from, to, via: via.length ? via : LINEAGE_PATH_TYPES } : null,
    showRejected: p.get('rejected') === 'show',
    compare,
  };
}

/** The overview's size: `fallback`, or `?overview=N` when N is from 1 to `max` (the benchmarks open 2,000 nodes so). */
export function overviewTop(search: string, fallback: number, max: number): number {
  const asked = Number(new URLSearchParams(search).get('overview'));
  return Number.isInteger(asked) && asked >= 1 && asked <= max ? asked : fallback;
}

/**
 * The `layout` URL parameter the page was opened with: how many milliseconds every layout the
 * explorer starts by itself runs (first view, opened group, back to the graph) instead of its own
 * durations; null when absent or not a whole number of at most six digits (the explorer then runs
 * its own durations and says so in the console). End-to-end tests that do not judge the layout ask
 * for a short one, so that software WebGL draws fewer frames of it.
 */
export function layoutMsFromSearch(search: string): number | null {
  const asked = new URLSearchParams(search).get('layout');
  if (asked === null) return null;
  if (/^\d{1,6}$/.test(asked)) return Number(asked);
  console.warn(`methodgraph: ?layout=${asked} is not a number of milliseconds (0-999999); the layouts run their own durations`);
  return null;
}
