// Layered DAG layout for the lineage view: columns are generations of BUILDS_ON (oldest left) or
// publication years when known; rows are ordered by the barycentre of the previous column.
import type { WireGraph } from '../../../shared/graph.js';
import type { Point } from '../state.js';

export const ROW_GAP = 4;
/**
 * Columns stand at least this far apart, about seven rows: sigma fits the whole drawing to the stage
 * keeping its proportions, so this ratio makes a column about as wide as a label when rows are about
 * a label's height apart, and a short lineage uses the stage's height instead of a thin strip.
 */
export const COLUMN_GAP = ROW_GAP * 7;
/** Width over height of the explorer's stage on a usual landscape screen. */
const STAGE_ASPECT = 1.35;

/**
 * Year a lineage node was first published: a paper's own `year`, or `proposedYear`, the earliest year
 * of its proposing papers, which GET /api/lineage/:id adds to every method and architecture.
 */
export function nodeYear(properties: Record<string, unknown>): number | null {
  for (const key of ['year', 'proposedYear']) {
    const own = properties[key];
    if (typeof own === 'number' && Number.isFinite(own)) return own;
  }
  return null;
}

/** Generation of each node: 0 for nodes that build on nothing here, else 1 + the deepest thing they build on. */
export function generations(graph: WireGraph): Record<string, number> {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.type !== 'BUILDS_ON' || !ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
    const list = out.get(e.source) ?? [];
    list.push(e.target);
    out.set(e.source, list);
  }
  const gen: Record<string, number> = {};
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = gen[id];
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle: cut it here
    visiting.add(id);
    let g = 0;
    for (const t of out.get(id) ?? []) g = Math.max(g, visit(t) + 1);
    visiting.delete(id);
    gen[id] = g;
    return g;
  };
  for (const n of graph.nodes) visit(n.id);
  return gen;
}

/** Column index of every node (generation, or year rank when `byYear`). */
export function columns(graph: WireGraph, byYear: boolean): Record<string, number> {
  const gen = generations(graph);
  if (!byYear) return gen;
  const years: Record<string, number | null> = {};
  for (const n of graph.nodes) years[n.id] = nodeYear({ ...n.properties });
  const known = [...new Set(Object.values(years).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  if (known.length === 0) return gen;
  const col: Record<string, number> = {};
  // Unknown years sit in the column of the latest known year among the things they build on, else first.
  const order = [...graph.nodes].sort((a, b) => (gen[a.id] ?? 0) - (gen[b.id] ?? 0));
  for (const n of order) {
    const y = years[n.id];
    if (y !== null && y !== undefined) {
      col[n.id] = known.indexOf(y);
      continue;
    }
    let c = 0;
    for (const e of graph.edges) {
      if (e.type === 'BUILDS_ON' && e.source === n.id && col[e.target] !== undefined) c = Math.max(c, col[e.target]!);
    }
    col[n.id] = c;
  }
  return col;
}

/** Most nodes drawn per generation of a lineage; the rest are counted behind "+N more". */
export const LINEAGE_PER_GENERATION = 25;

export interface CappedLineage {
  graph: WireGraph;
  /** How many nodes were left out, over all generations. */
  omitted: number;
}

/**
 * Keeps at most `limit` nodes per generation: the root, then what links to it directly, then the
 * best-connected by BUILDS_ON. Wide lineages (hundreds of descendants of a hub) stay readable.
 */
export function capPerGeneration(graph: WireGraph, root: string, limit = LINEAGE_PER_GENERATION): CappedLineage {
  const gen = generations(graph);
  const degree = new Map<string, number>();
  const nearRoot = new Set<string>([root]);
  for (const e of graph.edges) {
    if (e.type !== 'BUILDS_ON') continue;
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    if (e.source === root) nearRoot.add(e.target);
    if (e.target === root) nearRoot.add(e.source);
  }
  const byGen = new Map<number, WireGraph['nodes']>();
  for (const n of graph.nodes) {
    const g = gen[n.id] ?? 0;
    byGen.set(g, [...(byGen.get(g) ?? []), n]);
  }
  const keep = new Set<string>();
  let omitted = 0;
  const rank = (id: string) => (id === root ? 2 : nearRoot.has(id) ? 1 : 0);
  for (const nodes of byGen.values()) {
    const sorted = [...nodes].sort(
      (a, b) => rank(b.id) - rank(a.id) || (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || a.name.localeCompare(b.name),
    );
    sorted.slice(0, limit).forEach((n) => keep.add(n.id));
    omitted += Math.max(0, sorted.length - limit);
  }
  if (omitted === 0) return { graph, omitted };
  return {
    graph: { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) },
    omitted,
  };
}

export function layeredPositions(graph: WireGraph, byYear: boolean): Record<string, Point> {
  return placeInColumns(graph, columns(graph, byYear));
}

/** Positions with nodes in the given columns (ascending left to right), rows by barycentre of the column before. */
export function placeInColumns(graph: WireGraph, col: Record<string, number>): Record<string, Point> {
  const byCol = new Map<number, string[]>();
  for (const n of graph.nodes) {
    const c = col[n.id] ?? 0;
    const list = byCol.get(c) ?? [];
    list.push(n.id);
    byCol.set(c, list);
  }
  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.type !== 'BUILDS_ON') continue;
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  const positions: Record<string, Point> = {};
  const keys = [...byCol.keys()].sort((a, b) => a - b);
  // Tall columns are shrunk to fit the screen's height, so columns move apart as they grow: a
  // label (about 30 characters) stays narrower than the gap between two columns (the label drawer
  // shortens what is still wider).
  const tallest = Math.max(1, ...[...byCol.values()].map((ids) => ids.length));
  const columnGap = Math.max(COLUMN_GAP, tallest * ROW_GAP * 0.45);
  // Rows spread out (up to 2.5 row gaps) until the drawing is about as tall as a landscape stage,
  // so a short, wide lineage does not sit in a thin strip with its labels crowded together.
  const width = (byCol.size - 1) * columnGap;
  const rowGap = tallest > 1 ? Math.min(ROW_GAP * 2.5, Math.max(ROW_GAP, width / STAGE_ASPECT / (tallest - 1))) : ROW_GAP;
  keys.forEach((c, ci) => {
    const ids = byCol.get(c)!;
    const bary = (id: string) => {
      const ys = (neighbours.get(id) ?? []).map((m) => positions[m]?.y).filter((y): y is number => y !== undefined);
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
    };
    const sorted = [...ids].sort((a, b) => bary(b) - bary(a) || a.localeCompare(b));
    sorted.forEach((id, i) => {
      // Sigma's y axis points up: row 0 at the top.
      positions[id] = { x: ci * columnGap, y: -(i - (sorted.length - 1) / 2) * rowGap };
    });
  });
  return positions;
}

/** The smallest distance between two distinct column x positions, or null with fewer than two columns. */
export function smallestColumnGap(xs: number[]): number | null {
  const columns = [...new Set(xs.map((x) => Math.round(x * 1000) / 1000))].sort((a, b) => a - b);
  let gap: number | null = null;
  for (let i = 1; i < columns.length; i++) {
    const d = columns[i]! - columns[i - 1]!;
    if (d > 1e-6 && (gap === null || d < gap)) gap = d;
  }
  return gap;
}
