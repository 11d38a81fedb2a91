// GET /api/diff: the BUILDS_ON lineages of two methods or architectures (each read as GET /api/lineage
// reads it), merged, every node and link marked shared / only A / only B, and the ancestors each adds.
import type { Database } from '../../../neo4j/driver.js';
import type { NodeLabel, WireEdge, WireGraph, WireNode } from '../../../shared/graph.js';
import type { DiffAncestor, DiffResponse, DiffSide, SideCounts } from '../../../shared/api/diff.js';
import { lineage } from './lineage.js';

export type DiffParam = 'a' | 'b';
export type DiffFailure = { missing: DiffParam } | { wrongLabel: NodeLabel; param: DiffParam };

export async function lineageDiff(
  db: Database,
  a: string,
  b: string,
  options: { depth: number; limit: number },
  timeoutMs?: number,
): Promise<DiffResponse | DiffFailure> {
  const read = async (id: string, param: DiffParam) => {
    const result = await lineage(db, id, { direction: 'both', ...options }, timeoutMs);
    if (result === 'not-found') return { missing: param } as const;
    if ('wrongLabel' in result) return { wrongLabel: result.wrongLabel, param } as const;
    return result;
  };
  const la = await read(a, 'a');
  if ('missing' in la || 'wrongLabel' in la) return la;
  const lb = await read(b, 'b');
  if ('missing' in lb || 'wrongLabel' in lb) return lb;
  return {
    ...mergeLineages(a, b, la.graph, lb.graph),
    depth: options.depth,
    truncated: la.truncated || lb.truncated,
    omitted: la.omitted + lb.omitted,
  };
}

/** BUILDS_ON steps from `root` to each node it builds on, directly or not, within `graph`. */
export function ancestorDepths(graph: WireGraph, root: string): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.type !== 'BUILDS_ON') continue;
    out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  }
  const depth = new Map<string, number>();
  let frontier = [root];
  for (let d = 1; frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const t of out.get(id) ?? []) {
        if (t === root || depth.has(t)) continue;
        depth.set(t, d);
        next.push(t);
      }
    }
    frontier = next;
  }
  return depth;
}

function sideOf(inA: boolean, inB: boolean): DiffSide {
  return inA && inB ? 'shared' : inA ? 'a' : 'b';
}

function count(sides: Record<string, DiffSide>): SideCounts {
  const counts: SideCounts = { shared: 0, a: 0, b: 0 };
  for (const side of Object.values(sides)) counts[side]++;
  return counts;
}

/** The two lineages as one graph with sides, counts and ancestor lists (everything but depth and caps). */
export function mergeLineages(a: string, b: string, ga: WireGraph, gb: WireGraph): Omit<DiffResponse, 'depth' | 'truncated' | 'omitted'> {
  const nodes = new Map<string, WireNode>();
  const edges = new Map<string, WireEdge>();
  for (const g of [ga, gb]) {
    for (const n of g.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of g.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  }
  const inA = new Set(ga.nodes.map((n) => n.id));
  const inB = new Set(gb.nodes.map((n) => n.id));
  const edgesA = new Set(ga.edges.map((e) => e.id));
  const edgesB = new Set(gb.edges.map((e) => e.id));
  const nodeSides: Record<string, DiffSide> = {};
  for (const id of nodes.keys()) nodeSides[id] = sideOf(inA.has(id), inB.has(id));
  const edgeSides: Record<string, DiffSide> = {};
  for (const id of edges.keys()) edgeSides[id] = sideOf(edgesA.has(id), edgesB.has(id));

  const depthA = ancestorDepths(ga, a);
  const depthB = ancestorDepths(gb, b);
  const entry = (id: string): DiffAncestor => ({
    id,
    name: nodes.get(id)?.name ?? id,
    depthA: depthA.get(id) ?? null,
    depthB: depthB.get(id) ?? null,
  });
  const nearest = (x: DiffAncestor, y: DiffAncestor) =>
    Math.min(x.depthA ?? Infinity, x.depthB ?? Infinity) - Math.min(y.depthA ?? Infinity, y.depthB ?? Infinity) ||
    x.name.localeCompare(y.name);
  const shared = [...depthA.keys()]
    .filter((id) => depthB.has(id))
    .map(entry)
    .sort(nearest);
  const onlyA = [...depthA.keys()]
    .filter((id) => !depthB.has(id) && id !== b)
    .map(entry)
    .sort(nearest);
  const onlyB = [...depthB.keys()]
    .filter((id) => !depthA.has(id) && id !== a)
    .map(entry)
    .sort(nearest);

  return {
    a,
    b,
    graph: { nodes: [...nodes.values()], edges: [...edges.values()] },
    sides: { nodes: nodeSides, edges: edgeSides },
    counts: { nodes: count(nodeSides), edges: count(edgeSides) },
    ancestors: { shared, onlyA, onlyB },
  };
}
