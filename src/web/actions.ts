// What the user's gestures do when they need the API: load the first view, expand, lineage, path,
// queries. Each fetches, then applies one pure step to the mounted explorer's runtime; failures
// become a banner with a retry.
import { communityOfClusterId, type WireEdge, type WireGraph, type WireNode } from '../shared/graph.js';
import type { RelationshipType } from '../shared/graph.js';
import { api, ApiError, type CypherResponse, type NodeResponse } from './api/client.js';
import { fetchDiff } from './api/diff.js';
import { showCompare } from './core/compare/index.js';
import { setColorBy, setColorEdgesByKind, setFilters } from './core/filters/index.js';
import { addGraph, hideNodes, isolateNode, openCluster as openClusterStep, replaceGraph, showLineage } from './core/graph/index.js';
import { applyQueryResult, type ResultMode } from './core/query/index.js';
import { select, setPathEnd, setPathResult, setPathTypes } from './core/selection/index.js';
import type { QuerySpec, Step, TableResult } from './core/state.js';
import { beginLoading, endLoading, setError, setNotice } from './core/ui.js';
import { fromSearch, overviewTop, type UrlState } from './core/url/index.js';
import { focusNode } from './graph/camera.js';
import type { GraphRuntime } from './runtime/graph-runtime.js';

/** Largest graph drawn whole; bigger databases start from the API's overview (index.html preloads it). */
export const OVERVIEW_LIMIT = 2000;
/**
 * Ideas, papers and concepts drawn one by one in the overview of a larger database; clusters stand
 * for the rest. Few enough that labels read and links show at 1400×900 (index.html preloads it).
 */
export const OVERVIEW_TOP = 250;
/** Ideas a cluster opens into (the community's most important). */
export const CLUSTER_OPEN_LIMIT = 30;

/** First layout after loading: long enough to untangle the default corpus. */
export const FIRST_LAYOUT_MS = 2500;
/** The longest first layout, for the largest overview: it runs in a worker, so the page answers meanwhile. */
const LONGEST_FIRST_LAYOUT_MS = 8000;

/** How long the first layout of a view runs: ForceAtlas2 needs more steps to untangle more nodes. */
export function firstLayoutMs(nodeCount: number): number {
  return Math.min(LONGEST_FIRST_LAYOUT_MS, Math.max(FIRST_LAYOUT_MS, nodeCount * 4));
}

function isOutage(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || err.status >= 500);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs `task`; an outage or unexpected failure becomes the banner, with `retry` behind its button. */
async function guarded<T>(rt: GraphRuntime, what: string, task: () => Promise<T>, retry: () => void): Promise<T | undefined> {
  rt.dispatch(beginLoading());
  try {
    const result = await task();
    if (rt.getState().error) rt.dispatch(setError(null));
    return result;
  } catch (err) {
    const outage = isOutage(err);
    rt.dispatch(
      setError({
        message: outage
          ? `Cannot ${what}: the API or the database is not answering (${describe(err)}).`
          : `Cannot ${what}: ${describe(err)}`,
        retry,
      }),
    );
    return undefined;
  } finally {
    rt.dispatch(endLoading());
  }
}

export async function loadInitial(rt: GraphRuntime): Promise<void> {
  const url = fromSearch(window.location.search);
  const overview = await guarded(
    rt,
    'load the graph',
    () => api.overview(OVERVIEW_LIMIT, overviewTop(window.location.search, OVERVIEW_TOP, OVERVIEW_LIMIT)),
    () => void loadInitial(rt),
  );
  if (!overview) return;
  const graph = overview.graph;
  performance.mark('methodgraph:overview-loaded');
  rt.dispatch(setFilters(url.filters));
  rt.dispatch(replaceGraph(graph));
  rt.dispatch((s) => ({ ...s, overviewOmitted: overview.truncated ? overview.omitted : 0 }));
  rt.dispatch(
    setNotice(
      graph.nodes.length === 0 ? 'The database is empty. Run `npm run ingest` (or restart `npm start`) to load the default corpus.' : null,
    ),
  );
  if (url.compare) await openCompare(rt, url.compare[0], url.compare[1], url.byYear, { record: false });
  else if (url.view === 'lineage' && url.root) await openLineage(rt, url.root, url.byYear, { record: false });
  if (url.query) await runQuery(rt, url.query, 'replace', { record: false });
  await restoreView(rt, url);
  if (url.view !== 'lineage' && graph.nodes.length > 0) {
    rt.layout.start({ durationMs: rt.layoutMs ?? firstLayoutMs(graph.nodes.length), quiet: true });
  }
  if (url.node) await selectNode(rt, url.node, { focus: true });
}

/** Replays what the URL remembers on top of the first view: "only this", expansions, hidden nodes, colouring, the path. */
async function restoreView(rt: GraphRuntime, url: UrlState): Promise<void> {
  if (url.isolated) {
    if (!rt.getState().view.nodes[url.isolated]) await selectNode(rt, url.isolated);
    rt.dispatch(isolateNode(url.isolated));
  }
  for (const id of url.expanded) await expandNode(rt, id, false, { record: false });
  if (url.hidden.length) rt.dispatch(hideNodes(url.hidden));
  rt.dispatch(setColorBy(url.colorBy));
  rt.dispatch(setColorEdgesByKind(url.edgeKinds));
  if (url.path) {
    rt.dispatch(setPathTypes(url.path.via));
    if (url.path.from) rt.dispatch(setPathEnd('from', url.path.from));
    if (url.path.to) rt.dispatch(setPathEnd('to', url.path.to));
    if (url.path.from && url.path.to) await findPath(rt, url.path.from, url.path.to, { record: false });
  }
}

function apply(rt: GraphRuntime, step: Step, record: boolean): void {
  if (record) rt.commitStep(step);
  else rt.dispatch(step);
}

/**
 * Opens a cluster (`cluster:<community>`): its community's most important ideas, the links among
 * them and their links to the ideas already drawn take its place (one undoable step, remembered in the URL like an expansion).
 */
export async function openCluster(rt: GraphRuntime, clusterId: string, options: { record?: boolean } = {}): Promise<void> {
  const community = communityOfClusterId(clusterId);
  if (community === null) return;
  const name = rt.getState().view.nodes[clusterId]?.name;
  const result = await guarded(
    rt,
    `open the group ${name ? `“${name}”` : community}`,
    () => api.community(community, CLUSTER_OPEN_LIMIT),
    () => void openCluster(rt, clusterId, options),
  );
  if (!result) return;
  // Like an expansion, no layout run follows: one undo takes the opening back. Links to ideas
  // outside the group are kept where their other end is drawn (addGraph keeps edges between drawn nodes).
  const graph = { nodes: result.graph.nodes, edges: [...result.graph.edges, ...result.links] };
  apply(rt, openClusterStep(clusterId, graph), options.record !== false);
}

/** Selects a node, fetching it into the view first when it is not drawn; optionally centres on it. */
export async function selectNode(rt: GraphRuntime, id: string, options: { focus?: boolean } = {}): Promise<void> {
  if (!rt.getState().view.nodes[id]) {
    const details = await guarded(
      rt,
      `open ${id}`,
      () => api.node(id),
      () => void selectNode(rt, id, options),
    );
    if (!details) return;
    const drawn = details.graph.nodes.filter((n) => n.id !== id && rt.getState().view.nodes[n.id]);
    rt.commitStep(addGraph({ nodes: [details.node, ...drawn], edges: details.graph.edges }));
  }
  if (rt.getState().view.hiddenNodes.includes(id))
    rt.commitStep((s) => ({ ...s, view: { ...s.view, hiddenNodes: s.view.hiddenNodes.filter((h) => h !== id) } }));
  rt.dispatch(select({ kind: 'node', id }));
  if (options.focus) setTimeout(() => focusNode(rt, id), 50);
}

/** Shows a link's details; a link the view does not draw (listed in a node's details) is drawn first, with its far end. */
export function showEdge(rt: GraphRuntime, edge: WireEdge, farEnd: WireNode): void {
  if (!rt.getState().view.edges[edge.id]) rt.commitStep(addGraph({ nodes: [farEnd], edges: [edge] }));
  rt.dispatch(select({ kind: 'edge', id: edge.id }));
}

/** Adds a node's neighbourhood next to it, capped; `all` fetches what "+N more" left out. */
export async function expandNode(rt: GraphRuntime, id: string, all = false, options: { record?: boolean } = {}): Promise<void> {
  if (communityOfClusterId(id) !== null) return openCluster(rt, id, options);
  const current = rt.getState().view.more[id] ?? 0;
  const cap = rt.getState().expandLimit;
  // The API's limit counts the centre and the neighbours already drawn, then `cap` new ones.
  const limit = Math.min(2000, cap + countDrawnNeighbours(rt, id) + 1 + (all ? current : 0));
  const result = await guarded(
    rt,
    `expand ${id}`,
    () => api.neighbourhood(id, { depth: 1, limit }),
    () => void expandNode(rt, id, all, options),
  );
  if (!result) return;
  apply(rt, addGraph(result.graph, { origin: id, more: result.truncated ? result.omitted : 0 }), options.record !== false);
}

function countDrawnNeighbours(rt: GraphRuntime, id: string): number {
  const view = rt.getState().view;
  const seen = new Set<string>();
  for (const e of Object.values(view.edges)) {
    if (e.source === id) seen.add(e.target);
    else if (e.target === id) seen.add(e.source);
  }
  return seen.size;
}

export function hideNode(rt: GraphRuntime, id: string): void {
  rt.commitStep(hideNodes([id]));
}

export function isolate(rt: GraphRuntime, id: string): void {
  rt.commitStep(isolateNode(id));
}

export async function openLineage(
  rt: GraphRuntime,
  id: string,
  byYear = false,
  options: { record?: boolean; all?: boolean } = {},
): Promise<void> {
  const lineage = await guarded(
    rt,
    `load the lineage of ${id}`,
    () => api.lineage(id, 'both'),
    () => void openLineage(rt, id, byYear, options),
  );
  if (!lineage) return;
  const step = showLineage(withRoot(rt, lineage.graph, id), id, byYear, options.all === true);
  if (options.record === false) rt.dispatch(step);
  else rt.commitStep(step);
  rt.dispatch(select({ kind: 'node', id }));
}

/** Draws the lineages of `a` and `b` merged, coloured shared / only A / only B: one undoable step. */
export async function openCompare(
  rt: GraphRuntime,
  a: string,
  b: string,
  byYear = false,
  options: { record?: boolean } = {},
): Promise<void> {
  const diff = await guarded(
    rt,
    `compare ${nameOf(rt, a)} with ${nameOf(rt, b)}`,
    () => fetchDiff(a, b),
    () => void openCompare(rt, a, b, byYear, options),
  );
  if (!diff) return;
  apply(rt, showCompare(diff, byYear), options.record !== false);
  rt.dispatch(select({ kind: 'node', id: a }));
}

function withRoot(rt: GraphRuntime, graph: WireGraph, id: string): WireGraph {
  if (graph.nodes.some((n) => n.id === id)) return graph;
  const node = rt.getState().view.nodes[id];
  return node ? { nodes: [node, ...graph.nodes], edges: graph.edges } : graph;
}

export async function backToGraph(rt: GraphRuntime): Promise<void> {
  const overview = await guarded(
    rt,
    'load the graph',
    () => api.overview(OVERVIEW_LIMIT),
    () => void backToGraph(rt),
  );
  if (!overview) return;
  rt.commitStep(replaceGraph(overview.graph));
  rt.layout.start({ durationMs: rt.layoutMs ?? firstLayoutMs(overview.graph.nodes.length), quiet: true });
}

/** Sets an end of the path search; once both are set, fetches and highlights the shortest path. */
export async function pickPathEnd(rt: GraphRuntime, end: 'from' | 'to', id: string): Promise<void> {
  rt.dispatch(setPathEnd(end, id));
  const { from, to } = rt.getState().view.path;
  if (from && to) await findPath(rt, from, to);
}

/** Changes the relationship types the path may follow and looks again when both ends are set. */
export async function choosePathTypes(rt: GraphRuntime, via: RelationshipType[]): Promise<void> {
  rt.dispatch(setPathTypes(via));
  const { from, to } = rt.getState().view.path;
  if (from && to) await findPath(rt, from, to);
}

/** Fetches the shortest path along the chosen types; drawing it and marking it is one undoable step. */
export async function findPath(rt: GraphRuntime, from: string, to: string, options: { record?: boolean } = {}): Promise<void> {
  const via = rt.getState().view.path.via;
  const result = await guarded(
    rt,
    'find a path',
    () => api.path(from, to, via),
    () => void findPath(rt, from, to, options),
  );
  if (!result) return;
  const along = via.length ? ` along ${via.join(', ')}` : '';
  const first = result.paths[0];
  if (!first) {
    apply(rt, setPathResult([], [], `No path between ${nameOf(rt, from)} and ${nameOf(rt, to)}${along}.`), options.record !== false);
    return;
  }
  const message = `Shortest path: ${Math.max(0, first.nodes.length - 1)} step(s)${along}.`;
  apply(rt, (s) => setPathResult(first.nodes, first.edges, message)(addGraph(result.graph)(s)), options.record !== false);
}

function nameOf(rt: GraphRuntime, id: string): string {
  return rt.getState().view.nodes[id]?.name ?? id;
}

export interface QueryOutcome {
  ok: boolean;
  /** Inline error for the form or editor (bad parameters, syntax, refused writes). */
  error?: string;
}

/** Runs a saved query or ad-hoc Cypher and draws the result; user errors come back inline. */
export async function runQuery(
  rt: GraphRuntime,
  spec: QuerySpec,
  mode: ResultMode,
  options: { record?: boolean } = {},
): Promise<QueryOutcome> {
  rt.dispatch(beginLoading());
  let result: CypherResponse;
  try {
    result = spec.kind === 'saved' ? await api.runQuery(spec.name, spec.params) : await api.cypher(spec.query, spec.params);
  } catch (err) {
    if (isOutage(err)) {
      rt.dispatch(
        setError({
          message: `Cannot run the query: the API or the database is not answering (${describe(err)}).`,
          retry: () => void runQuery(rt, spec, mode, options),
        }),
      );
      return { ok: false };
    }
    return { ok: false, error: describe(err) };
  } finally {
    rt.dispatch(endLoading());
  }
  if (rt.getState().error) rt.dispatch(setError(null));
  const table: TableResult = {
    title: spec.kind === 'saved' ? spec.name : 'Cypher',
    columns: result.table.columns,
    rows: result.table.rows,
    capped: result.capped,
  };
  const step = applyQueryResult(spec, result.graph, table, mode);
  if (options.record === false) rt.dispatch(step);
  else rt.commitStep(step);
  rt.dispatch(setNotice(result.table.rows.length === 0 && result.graph.nodes.length === 0 ? 'The query returned no results.' : null));
  return { ok: true };
}

/** The details panel's data for a node; a failure comes back as a sentence for the panel. */
export async function loadNodeDetails(id: string): Promise<{ details: NodeResponse } | { error: string }> {
  try {
    return { details: await api.node(id) };
  } catch (err) {
    return { error: `Cannot load details of ${id}: ${describe(err)}` };
  }
}
