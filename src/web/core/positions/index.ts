// Layout steps: store positions after a layout run, track the worker's life cycle, and lay out
// the lineage view as a layered DAG.
import type { AppState, LayoutStatus, Point, Step } from '../state.js';
import { lineagePositions } from './year-axis.js';

export {
  layeredPositions,
  generations,
  columns,
  nodeYear,
  capPerGeneration,
  smallestColumnGap,
  LINEAGE_PER_GENERATION,
} from './layered.js';
export { axisYear, lineagePositions, yearAxisPositions, yearAxisTicks, type AxisTick } from './year-axis.js';
export { spiralPositions, ringAround, neighbourRadius } from './spiral-and-rings.js';

/** Replaces node positions (the result of a layout run); unknown ids are ignored. */
export const setPositions =
  (positions: Record<string, Point>): Step =>
  (state) => {
    const next: Record<string, Point> = {};
    for (const id of Object.keys(state.view.nodes)) {
      const p = positions[id] ?? state.view.positions[id];
      if (p) next[id] = { x: p.x, y: p.y };
    }
    return { ...state, view: { ...state.view, positions: next } };
  };

export const setLayoutStatus =
  (status: LayoutStatus): Step =>
  (state) =>
    state.layout === status ? state : { ...state, layout: status };

/** Switches the lineage view between generation columns and publication-year columns. */
export const setLineageByYear =
  (byYear: boolean): Step =>
  (state: AppState) => {
    const lineage = state.view.lineage;
    if (state.view.mode !== 'lineage' || !lineage || lineage.byYear === byYear) return state;
    const graph = { nodes: Object.values(state.view.nodes), edges: Object.values(state.view.edges) };
    return {
      ...state,
      view: { ...state.view, lineage: { ...lineage, byYear }, positions: lineagePositions(graph, byYear) },
    };
  };
export { communitySeedPositions, seedCommunities } from './community-seed.js';
