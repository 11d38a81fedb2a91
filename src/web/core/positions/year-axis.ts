// The lineage on a publication-year axis: one column per year that occurs (oldest left), nodes of
// unknown year in an "undated" lane left of the earliest year, and the ticks the axis layer draws.
import type { WireGraph } from '../../../shared/graph.js';
import type { Point, ViewState } from '../state.js';
import { generations, nodeYear, placeInColumns, ROW_GAP } from './layered.js';

/** Column of the undated lane (years are ranked from 0). */
const UNDATED_COLUMN = -1;
/** The undated lane sits this many column gaps further left than a year column would. */
const UNDATED_EXTRA_GAP = 0.6;

/** A node's year: its proposing paper's (earliest), else the taxonomy's year of introduction, else its own. */
export function axisYear(properties: Record<string, unknown>): number | null {
  const proposed = properties.proposedYear;
  if (typeof proposed === 'number' && Number.isFinite(proposed)) return proposed;
  const introduced = properties.introducedYear;
  if (typeof introduced === 'number' && Number.isFinite(introduced)) return introduced;
  return nodeYear(properties);
}

/** Column of every node: the rank of its year among the years present, or the undated lane. */
export function yearAxisColumns(graph: WireGraph): Record<string, number> {
  const years = new Map(graph.nodes.map((n) => [n.id, axisYear(n.properties)]));
  const known = [...new Set([...years.values()].filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const rank = new Map(known.map((y, i) => [y, i]));
  const col: Record<string, number> = {};
  for (const [id, y] of years) col[id] = y === null ? UNDATED_COLUMN : rank.get(y)!;
  return col;
}

/** Positions on the year axis; rows in a column follow what the nodes build on, as in the generation layout. */
export function yearAxisPositions(graph: WireGraph): Record<string, Point> {
  const col = yearAxisColumns(graph);
  const positions = placeInColumns(graph, col);
  // Every other year column is set half a row lower, so a label never runs into the next column's node.
  for (const n of graph.nodes) {
    const c = col[n.id]!;
    if (c !== UNDATED_COLUMN && c % 2 === 1) positions[n.id] = { x: positions[n.id]!.x, y: positions[n.id]!.y - ROW_GAP / 2 };
  }
  const undated = graph.nodes.filter((n) => col[n.id] === UNDATED_COLUMN).map((n) => n.id);
  const dated = graph.nodes.filter((n) => col[n.id] !== UNDATED_COLUMN);
  if (undated.length > 0 && dated.length > 0) {
    const xs = [...new Set(Object.values(positions).map((p) => p.x))].sort((a, b) => a - b);
    const gap = xs.length > 1 ? xs[1]! - xs[0]! : 10;
    for (const id of undated) positions[id] = { x: positions[id]!.x - gap * UNDATED_EXTRA_GAP, y: positions[id]!.y };
  }
  return positions;
}

/** The lineage view's positions: by generation, or on the year axis. */
export function lineagePositions(graph: WireGraph, byYear: boolean): Record<string, Point> {
  return byYear ? yearAxisPositions(graph) : placeInColumns(graph, generations(graph));
}

export interface AxisTick {
  /** Graph x of the column. */
  x: number;
  /** The year, or null for the undated lane. */
  year: number | null;
  label: string;
}

/** The ticks of the year axis of a view: one per year column and one for the undated lane; none outside the year view. */
export function yearAxisTicks(view: ViewState): AxisTick[] {
  if (view.mode !== 'lineage' || !view.lineage?.byYear) return [];
  const xsByYear = new Map<number | null, number[]>();
  for (const node of Object.values(view.nodes)) {
    const p = view.positions[node.id];
    if (!p) continue;
    const y = axisYear(node.properties);
    xsByYear.set(y, [...(xsByYear.get(y) ?? []), p.x]);
  }
  const ticks: AxisTick[] = [];
  for (const [year, xs] of xsByYear) {
    const sorted = [...xs].sort((a, b) => a - b);
    ticks.push({ x: sorted[Math.floor(sorted.length / 2)]!, year, label: year === null ? 'undated' : String(year) });
  }
  return ticks.sort((a, b) => a.x - b.x);
}
