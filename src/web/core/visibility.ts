// What is visible in a view: hidden nodes, label and type filters, the paper year range, the
// lineage confidence threshold, the "proposing papers only" rule and rejected links. Used by the reducers, the
// exports, the test handle and the steps that drop a selection gone invisible.
import type { WireEdge } from '../../shared/graph.js';
import type { ViewState } from './state.js';
import { isRejected } from './curation/index.js';

export function nodeYearOf(view: ViewState, id: string): number | null {
  const y = view.nodes[id]?.properties.year;
  return typeof y === 'number' ? y : null;
}

/** Confidence of a link, or null when it carries none. */
export function confidenceOf(edge: WireEdge): number | null {
  const c = edge.properties.confidence;
  return typeof c === 'number' && Number.isFinite(c) ? c : null;
}

/** Whether a link passes the confidence threshold: only BUILDS_ON lineage is thresholded. */
export function passesConfidence(view: ViewState, edge: WireEdge): boolean {
  if (edge.type !== 'BUILDS_ON') return true;
  const c = confidenceOf(edge);
  return c === null || c >= view.filters.minConfidence;
}

const proposersCache = new WeakMap<ViewState['edges'], Set<string>>();

/** Papers with a PROPOSES link in the view (computed once per edge set). */
function proposers(view: ViewState): Set<string> {
  let set = proposersCache.get(view.edges);
  if (!set) {
    set = new Set();
    for (const e of Object.values(view.edges)) if (e.type === 'PROPOSES') set.add(e.source);
    proposersCache.set(view.edges, set);
  }
  return set;
}

function hiddenSet(view: ViewState): Set<string> {
  let set = hiddenCache.get(view.hiddenNodes);
  if (!set) {
    set = new Set(view.hiddenNodes);
    hiddenCache.set(view.hiddenNodes, set);
  }
  return set;
}
const hiddenCache = new WeakMap<string[], Set<string>>();

export function isNodeVisible(view: ViewState, id: string): boolean {
  const node = view.nodes[id];
  if (!node) return false;
  if (view.hiddenNodes.length > 0 && hiddenSet(view).has(id)) return false;
  if (view.filters.hiddenLabels.includes(node.label)) return false;
  if (node.label === 'Paper') {
    if (view.filters.proposersOnly && view.mode === 'graph' && !proposers(view).has(id)) return false;
    const years = view.filters.years;
    if (years) {
      const y = nodeYearOf(view, id);
      if (y !== null && (y < years[0] || y > years[1])) return false;
    }
  }
  return true;
}

export function isEdgeVisible(view: ViewState, id: string): boolean {
  const edge = view.edges[id];
  if (!edge) return false;
  if (view.filters.hiddenTypes.includes(edge.type)) return false;
  if (!passesConfidence(view, edge)) return false;
  if (!view.filters.showRejected && isRejected(edge)) return false;
  return isNodeVisible(view, edge.source) && isNodeVisible(view, edge.target);
}

const countCache = new WeakMap<ViewState, number>();

/** How many nodes of the view are visible (computed once per view). */
export function visibleNodeCount(view: ViewState): number {
  let n = countCache.get(view);
  if (n === undefined) {
    n = 0;
    for (const id of Object.keys(view.nodes)) if (isNodeVisible(view, id)) n++;
    countCache.set(view, n);
  }
  return n;
}

/** Views with at most this many visible nodes label every node. */
export const LABEL_ALL_LIMIT = 200;
