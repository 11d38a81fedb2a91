// Filters by label, relationship type and paper year, the colouring mode, and the visibility
// rules every view of the graph (sigma reducers, exports, the test handle) derives from them.
import type { RelationshipType, WireLabel } from '../../../shared/graph.js';
import { emptyFilters, type ColorBy, type Filters, type Step, type ViewState } from '../state.js';
import { withValidSelection } from '../graph/index.js';
import { isNodeVisible, isEdgeVisible } from '../visibility.js';

export { isNodeVisible, isEdgeVisible, nodeYearOf } from '../visibility.js';

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export const toggleLabel =
  (label: WireLabel): Step =>
  (state) =>
    withValidSelection({
      ...state,
      view: { ...state.view, filters: { ...state.view.filters, hiddenLabels: toggle(state.view.filters.hiddenLabels, label) } },
    });

export const toggleType =
  (type: RelationshipType): Step =>
  (state) =>
    withValidSelection({
      ...state,
      view: { ...state.view, filters: { ...state.view.filters, hiddenTypes: toggle(state.view.filters.hiddenTypes, type) } },
    });

export const setYearRange =
  (years: [number, number] | null): Step =>
  (state) => {
    const cur = state.view.filters.years;
    if (cur === years || (cur && years && cur[0] === years[0] && cur[1] === years[1])) return state;
    return withValidSelection({ ...state, view: { ...state.view, filters: { ...state.view.filters, years } } });
  };

/** Shows everything again, keeping the confidence threshold the user chose. */
export const resetFilters = (): Step => (state) => ({
  ...state,
  view: { ...state.view, filters: { ...emptyFilters, minConfidence: state.view.filters.minConfidence } },
});

/** Replaces every filter at once (the first view, a reload from the URL). */
export const setFilters =
  (filters: Filters): Step =>
  (state) =>
    withValidSelection({ ...state, view: { ...state.view, filters } });

/** Hides BUILDS_ON links below `min` (0–1) everywhere, the lineage view included. */
export const setMinConfidence =
  (min: number): Step =>
  (state) => {
    const value = Math.min(1, Math.max(0, Math.round(min * 100) / 100));
    if (!Number.isFinite(value) || state.view.filters.minConfidence === value) return state;
    return withValidSelection({ ...state, view: { ...state.view, filters: { ...state.view.filters, minConfidence: value } } });
  };

/** Draws every paper, or only those proposing something drawn. */
export const setProposersOnly =
  (on: boolean): Step =>
  (state) =>
    state.view.filters.proposersOnly === on
      ? state
      : withValidSelection({ ...state, view: { ...state.view, filters: { ...state.view.filters, proposersOnly: on } } });

export const setColorEdgesByKind =
  (on: boolean): Step =>
  (state) =>
    state.view.colorEdgesByKind === on ? state : { ...state, view: { ...state.view, colorEdgesByKind: on } };

export const setColorBy =
  (colorBy: ColorBy): Step =>
  (state) =>
    state.view.colorBy === colorBy ? state : { ...state, view: { ...state.view, colorBy } };

export function visibleIds(view: ViewState): { nodes: string[]; edges: string[] } {
  return {
    nodes: Object.keys(view.nodes).filter((id) => isNodeVisible(view, id)),
    edges: Object.keys(view.edges).filter((id) => isEdgeVisible(view, id)),
  };
}

/** Smallest and largest paper year in the view, or null when no paper has one. */
export function yearBounds(view: ViewState): [number, number] | null {
  let lo = Infinity,
    hi = -Infinity;
  for (const n of Object.values(view.nodes)) {
    const y = n.properties.year;
    if (n.label === 'Paper' && typeof y === 'number') {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
  }
  return lo === Infinity ? null : [lo, hi];
}
