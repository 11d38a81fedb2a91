// What the user's gestures do when they need the API: load the first view, expand, lineage, path,
// queries. Each fetches, then applies one pure step; failures become a banner with a retry.
import type { WireGraph } from '../shared/graph.js';
import type { RelationshipType } from '../shared/graph.js';
import { api, ApiError, pathVia, type NodeDetails, type QueryResult } from './api/client.js';
import { fetchDiff } from './api/diff.js';
import { showCompare } from './core/compare/index.js';
import { setColorBy, setColorEdgesByKind, setFilters } from './core/filters/index.js';
import { addGraph, hideNodes, isolateNode, replaceGraph, showLineage } from './core/graph/index.js';
import { applyQueryResult, type ResultMode } from './core/query/index.js';
import { select, setPathEnd, setPathResult, setPathTypes } from './core/selection/index.js';
import type { QuerySpec, Step, TableResult } from './core/state.js';
import { commitStep, dispatch, getState } from './core/store.js';
import { beginLoading, endLoading, setError, setNotice } from './core/ui.js';
import { fromSearch, type UrlState } from './core/url/index.js';
import { focusNode } from './graph/camera.js';
import { nextLayoutRunIsQuiet } from './graph/controllers/LayoutController.js';
import { startLayout } from './graph/forceatlas2-supervisor.js';

/** Largest graph drawn whole; bigger databases start from the API's overview of this many nodes (index.html preloads it). */
export const OVERVIEW_LIMIT = 2000;
/** First layout after loading: long enough to untangle the default corpus. */
export const FIRST_LAYOUT_MS = 2500;

function isOutage(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || err.status >= 500);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs `task`; an outage or unexpected failure becomes the banner, with `retry` behind its button. */
async function guarded<T>(what: string, task: () => Promise<T>, retry: () => void): Promise<T | undefined> {
  dispatch(beginLoading());
  try {
    const result = await task();
    if (getState().error) dispatch(setError(null));
    return result;
  } catch (err) {
    const outage = isOutage(err);
    dispatch(
      setError({
        message: outage ? `Cannot ${what}: the API or the database is not answering (${describe(err)}).` : `Cannot ${what}: ${describe(err)}`,
        retry,
      }),
    );
    return undefined;
  } finally {
    dispatch(endLoading());
  }
}

export async function loadInitial(): Promise<void> {
  const url = fromSearch(window.location.search);
  const graph = await guarded('load the graph', () => api.overview(OVERVIEW_LIMIT), () => void loadInitial());
  if (!graph) return;
  performance.mark('methodgraph:overview-loaded');
  dispatch(setFilters(url.filters));
  dispatch(replaceGraph(graph));
  dispatch((s) => ({ ...s, overviewOmitted: graph.truncated ? graph.omitted : 0 }));
  dispatch(setNotice(graph.nodes.length === 0 ? 'The database is empty. Run `npm run ingest` (or restart `npm start`) to load the default corpus.' : null));
  if (url.compare) await openCompare(url.compare[0], url.compare[1], url.byYear, { record: false });
  else if (url.view === 'lineage' && url.root) await openLineage(url.root, url.byYear, { record: false });
  if (url.query) await runQuery(url.query, 'replace', { record: false });
  await restoreView(url);
  if (url.view !== 'lineage' && graph.nodes.length > 0) {
    nextLayoutRunIsQuiet();
    startLayout(FIRST_LAYOUT_MS);
  }
  if (url.node) await selectNode(url.node, { focus: true });
}

/** Replays what the URL remembers on top of the first view: "only this", expansions, hidden nodes, colouring, the path. */
async function restoreView(url: UrlState): Promise<void> {
  if (url.isolated) {
    if (!getState().view.nodes[url.isolated]) await selectNode(url.isolated);
    dispatch(isolateNode(url.isolated));
  }
  for (const id of url.expanded) await expandNode(id, false, { record: false });
  if (url.hidden.length) dispatch(hideNodes(url.hidden));
  dispatch(setColorBy(url.colorBy));
  dispatch(setColorEdgesByKind(url.edgeKinds));
  if (url.path) {
    dispatch(setPathTypes(url.path.via));
    if (url.path.from) dispatch(setPathEnd('from', url.path.from));
    if (url.path.to) dispatch(setPathEnd('to', url.path.to));
    if (url.path.from && url.path.to) await findPath(url.path.from, url.path.to, { record: false });
  }
}

function apply(step: Step, record: boolean): void {
  if (record) commitStep(step);
  else dispatch(step);
}

/** Selects a node, fetching it into the view first when it is not drawn; optionally centres on it. */
export async function selectNode(id: string, options: { focus?: boolean } = {}): Promise<void> {
  if (!getState().view.nodes[id]) {
    const details = await guarded(`open ${id}`, () => api.node(id), () => void selectNode(id, options));
    if (!details) return;
    commitStep(addGraph({ nodes: [details.node, ...details.neighbours.filter((n) => getState().view.nodes[n.id])], edges: details.edges }));
  }
  if (getState().view.hiddenNodes.includes(id)) commitStep((s) => ({ ...s, view: { ...s.view, hiddenNodes: s.view.hiddenNodes.filter((h) => h !== id) } }));
  dispatch(select({ kind: 'node', id }));
  if (options.focus) setTimeout(() => focusNode(id), 50);
}

/** Adds a node's neighbourhood next to it, capped; `all` fetches what "+N more" left out. */
export async function expandNode(id: string, all = false, options: { record?: boolean } = {}): Promise<void> {
  const current = getState().view.more[id] ?? 0;
  const cap = getState().expandLimit;
  // The API's limit counts the centre and the neighbours already drawn, then `cap` new ones.
  const limit = Math.min(2000, cap + countDrawnNeighbours(id) + 1 + (all ? current : 0));
  const result = await guarded(`expand ${id}`, () => api.neighbourhood(id, { depth: 1, limit }), () => void expandNode(id, all, options));
  if (!result) return;
  apply(addGraph(result, { origin: id, more: result.truncated ? result.omitted : 0 }), options.record !== false);
}

function countDrawnNeighbours(id: string): number {
  const view = getState().view;
  const seen = new Set<string>();
  for (const e of Object.values(view.edges)) {
    if (e.source === id) seen.add(e.target);
    else if (e.target === id) seen.add(e.source);
  }
  return seen.size;
}

export function hideNode(id: string): void {
  commitStep(hideNodes([id]));
}

export function isolate(id: string): void {
  commitStep(isolateNode(id));
}

export async function openLineage(id: string, byYear = false, options: { record?: boolean; all?: boolean } = {}): Promise<void> {
  const graph = await guarded(`load the lineage of ${id}`, () => api.lineage(id, 'both'), () => void openLineage(id, byYear, options));
  if (!graph) return;
  const step = showLineage(withRoot(graph, id), id, byYear, options.all === true);
  if (options.record === false) dispatch(step);
  else commitStep(step);
  dispatch(select({ kind: 'node', id }));
}

/** Draws the lineages of `a` and `b` merged, coloured shared / only A / only B: one undoable step. */
export async function openCompare(a: string, b: string, byYear = false, options: { record?: boolean } = {}): Promise<void> {
  const diff = await guarded(`compare ${nameOf(a)} with ${nameOf(b)}`, () => fetchDiff(a, b), () => void openCompare(a, b, byYear, options));
  if (!diff) return;
  apply(showCompare(diff, byYear), options.record !== false);
  dispatch(select({ kind: 'node', id: a }));
}

function withRoot(graph: WireGraph, id: string): WireGraph {
  if (graph.nodes.some((n) => n.id === id)) return graph;
  const node = getState().view.nodes[id];
  return node ? { nodes: [node, ...graph.nodes], edges: graph.edges } : graph;
}

export async function backToGraph(): Promise<void> {
  const graph = await guarded('load the graph', () => api.overview(OVERVIEW_LIMIT), () => void backToGraph());
  if (!graph) return;
  commitStep(replaceGraph(graph));
  nextLayoutRunIsQuiet();
  startLayout(FIRST_LAYOUT_MS);
}

/** Sets an end of the path search; once both are set, fetches and highlights the shortest path. */
export async function pickPathEnd(end: 'from' | 'to', id: string): Promise<void> {
  dispatch(setPathEnd(end, id));
  const { from, to } = getState().view.path;
  if (from && to) await findPath(from, to);
}

/** Changes the relationship types the path may follow and looks again when both ends are set. */
export async function choosePathTypes(via: RelationshipType[]): Promise<void> {
  dispatch(setPathTypes(via));
  const { from, to } = getState().view.path;
  if (from && to) await findPath(from, to);
}

/** Fetches the shortest path along the chosen types; drawing it and marking it is one undoable step. */
export async function findPath(from: string, to: string, options: { record?: boolean } = {}): Promise<void> {
  const via = getState().view.path.via;
  const result = await guarded('find a path', () => pathVia(from, to, via), () => void findPath(from, to, options));
  if (!result) return;
  const along = via.length ? ` along ${via.join(', ')}` : '';
  if (!result.found) {
    apply(setPathResult([], [], `No path between ${nameOf(from)} and ${nameOf(to)}${along}.`), options.record !== false);
    return;
  }
  const message = `Shortest path: ${Math.max(0, result.nodes.length - 1)} step(s)${along}.`;
  apply((s) => setPathResult(result.nodes, result.edges, message)(addGraph(result.graph)(s)), options.record !== false);
}

function nameOf(id: string): string {
  return getState().view.nodes[id]?.name ?? id;
}

export interface QueryOutcome {
  ok: boolean;
  /** Inline error for the form or editor (bad parameters, syntax, refused writes). */
  error?: string;
}

/** Runs a saved query or ad-hoc Cypher and draws the result; user errors come back inline. */
export async function runQuery(spec: QuerySpec, mode: ResultMode, options: { record?: boolean } = {}): Promise<QueryOutcome> {
  dispatch(beginLoading());
  let result: QueryResult;
  try {
    result = spec.kind === 'saved' ? await api.runQuery(spec.name, spec.params) : await api.cypher(spec.query, spec.params);
  } catch (err) {
    if (isOutage(err)) {
      dispatch(setError({ message: `Cannot run the query: the API or the database is not answering (${describe(err)}).`, retry: () => void runQuery(spec, mode, options) }));
      return { ok: false };
    }
    return { ok: false, error: describe(err) };
  } finally {
    dispatch(endLoading());
  }
  if (getState().error) dispatch(setError(null));
  const table: TableResult = {
    title: spec.kind === 'saved' ? spec.name : 'Cypher',
    columns: result.table.columns,
    rows: result.table.rows,
    capped: result.capped,
  };
  const step = applyQueryResult(spec, result.graph, table, mode);
  if (options.record === false) dispatch(step);
  else commitStep(step);
  dispatch(setNotice(result.table.rows.length === 0 && result.graph.nodes.length === 0 ? 'The query returned no results.' : null));
  return { ok: true };
}

/** The details panel's data for a node; a failure comes back as a sentence for the panel. */
export async function loadNodeDetails(id: string): Promise<{ details: NodeDetails } | { error: string }> {
  try {
    return { details: await api.node(id) };
  } catch (err) {
    return { error: `Cannot load details of ${id}: ${describe(err)}` };
  }
}
