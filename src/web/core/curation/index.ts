// Curation in the explorer's state: which links are rejected, the "show rejected" filter, and the
// pure steps that put a curation's answer (the link's relationships as they are now) into the view.
import type { WireEdge, WireNode } from '../../../shared/graph.js';
import type { Step } from '../state.js';
import { addGraph, withValidSelection } from '../graph/index.js';

/** Rejected, or retargeted away: hidden unless "show rejected" is on, then drawn struck through. */
export function isRejected(edge: WireEdge): boolean {
  const c = edge.properties.curation;
  return c === 'rejected' || c === 'retargeted';
}

export function isCurated(edge: WireEdge): boolean {
  return typeof edge.properties.curation === 'string';
}

/** Text drawn struck through (combining long stroke overlay), for canvas labels that have no CSS. */
export function strike(text: string): string {
  return [...text].map((c) => `${c}\u0336`).join('');
}

export const setShowRejected =
  (on: boolean): Step =>
  (state) =>
    Boolean(state.view.filters.showRejected) === on
      ? state
      : withValidSelection({ ...state, view: { ...state.view, filters: { ...state.view.filters, showRejected: on } } });

const sameLink = (e: WireEdge, l: { from: string; to: string; type: string }) =>
  e.source === l.from && e.target === l.to && e.type === l.type;

/**
 * Replaces the view's relationships of these links by `edges` (their state after a curation): a
 * rejected link stays in the view marked rejected, a new one appears when both its ends are drawn.
 */
export const applyCuratedEdges =
  (links: { from: string; to: string; type: string }[], edges: WireEdge[]): Step =>
  (state) => {
    const next: Record<string, WireEdge> = {};
    for (const [id, e] of Object.entries(state.view.edges)) if (!links.some((l) => sameLink(e, l))) next[id] = e;
    for (const e of edges) if (state.view.nodes[e.source] && state.view.nodes[e.target]) next[e.id] = e;
    return withValidSelection({ ...state, view: { ...state.view, edges: next } });
  };

/** Adds rejected links between drawn nodes (for "show rejected"); links already drawn stay as they are. */
export const addRejectedEdges =
  (edges: WireEdge[], ends: WireNode[] = []): Step =>
  (state) => {
    const view = state.view;
    const fresh = edges.filter((e) => !view.edges[e.id] && (view.nodes[e.source] || view.nodes[e.target]));
    if (fresh.length === 0) return state;
    // An end the view lacks (a lineage reloaded without the link) comes back beside the end that is drawn.
    const needed = new Set(fresh.flatMap((e) => [e.source, e.target]).filter((id) => !view.nodes[id]));
    return addGraph({ nodes: ends.filter((n) => needed.has(n.id)), edges: fresh })(state);
  };
