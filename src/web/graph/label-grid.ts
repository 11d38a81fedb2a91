// How densely sigma offers node labels to the label drawer: its label grid hands over the largest
// node of each cell. In the large overview, thirty ringed groups and hundreds of ideas share the
// middle of the map, and cells of 100 pixels offered only a handful of ideas there; smaller cells
// offer more, and the drawer still keeps every label clear of the others. Other views keep 100.
import type { ViewState } from '../core/state.js';

/** Label grid cells, in pixels, of a view without cluster nodes. */
export const LABEL_GRID_CELL = 100;
/** Label grid cells, in pixels, of a view with cluster nodes (the large overview and what opens from it). */
export const CLUSTERED_LABEL_GRID_CELL = 60;

const cache = new WeakMap<ViewState['nodes'], number>();

/** The label grid's cell size for `view` (looked at once per node set). */
export function labelGridCell(view: Pick<ViewState, 'nodes'>): number {
  let cell = cache.get(view.nodes);
  if (cell === undefined) {
    const clustered = Object.values(view.nodes).some((n) => n.label === 'Cluster');
    cell = clustered ? CLUSTERED_LABEL_GRID_CELL : LABEL_GRID_CELL;
    cache.set(view.nodes, cell);
  }
  return cell;
}
