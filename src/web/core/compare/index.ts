// Comparing two lineages: the step that draws a diff from GET /api/diff in the lineage view, and
// which side (shared / only A / only B) a drawn node or link belongs to, with the side colours.
import type { DiffResponse, DiffSide } from '../../../shared/api/diff.js';
import { showLineage } from '../graph/index.js';
import type { Step, ViewState } from '../state.js';

/** Shared in violet, only A in blue, only B in orange: told apart with the common colour-vision deficiencies too. */
export const SIDE_COLORS: Record<DiffSide, string> = {
  shared: '#7c3aed',
  a: '#2563eb',
  b: '#ea580c',
};

/** Shows the two lineages merged as one layered DAG (by generation or year), coloured by side. */
export const showCompare =
  (diff: DiffResponse, byYear: boolean): Step =>
  (state) => {
    const next = showLineage(diff.graph, diff.a, byYear, true)(state);
    const { a, b, depth, sides, counts, ancestors, omitted } = diff;
    return { ...next, view: { ...next.view, compare: { a, b, depth, sides, counts, ancestors, omitted } } };
  };

export function nodeSide(view: ViewState, id: string): DiffSide | null {
  return view.compare?.sides.nodes[id] ?? null;
}

export function edgeSide(view: ViewState, id: string): DiffSide | null {
  return view.compare?.sides.edges[id] ?? null;
}

/** The side colour of a node or link while comparing, else null (the usual colours apply). */
export function compareColor(view: ViewState, kind: 'node' | 'edge', id: string): string | null {
  const side = kind === 'node' ? nodeSide(view, id) : edgeSide(view, id);
  return side ? SIDE_COLORS[side] : null;
}
