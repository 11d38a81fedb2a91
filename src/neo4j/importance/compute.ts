// Lineage importance and communities of the idea nodes (methods, architectures, datasets), computed
// in memory from three streamed projections: BUILDS_ON links, paper co-use and paper counts.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { seededRandom } from '../../shared/random.js';

export interface IdeaNode {
  id: string;
  label: 'Method' | 'Architecture' | 'Dataset';
  name: string;
  /** Papers that propose, use or evaluate on it. */
  papers: number;
}

export interface IdeaScores {
  /** Nodes that build on it, directly or through others (transitive BUILDS_ON in-reach). */
  descendants: number;
  /** descendants + papers / 10: lineage first, use by papers breaks ties and ranks datasets. */
  importance: number;
  /** Community number, 0 for the community of highest total importance; -1 for a node linked to nothing. */
  community: number;
}

export interface Community {
  id: number;
  /** The names of its three most important members. */
  name: string;
  size: number;
  counts: Record<IdeaNode['label'], number>;
  importance: number;
  /** Ids of its most important members, best first. */
  top: string[];
}

/** Stops one node's descendant walk after this many nodes (the count is then a lower bound). */
const REACH_CAP = 200_000;

/** Transitive in-reach over `builds` ([child, parent] pairs): how many nodes build on each node. */
export function descendantCounts(ids: string[], builds: [string, string][]): Map<string, number> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const children: number[][] = ids.map(() => []);
  for (const [child, parent] of builds) {
    const c = index.get(child);
    const p = index.get(parent);
    if (c !== undefined && p !== undefined && c !== p) children[p]!.push(c);
  }
  const seen = new Int32Array(ids.length).fill(-1);
  const out = new Map<string, number>();
  const queue: number[] = [];
  for (let start = 0; start < ids.length; start++) {
    if (children[start]!.length === 0) {
      out.set(ids[start]!, 0);
      continue;
    }
    queue.length = 0;
    queue.push(start);
    seen[start] = start;
    let count = 0;
    for (let head = 0; head < queue.length && count < REACH_CAP; head++) {
      for (const c of children[queue[head]!]!) {
        if (seen[c] === start) continue;
        seen[c] = start;
        queue.push(c);
        count++;
      }
    }
    out.set(ids[start]!, count);
  }
  return out;
}

/**
 * Scores every idea node and groups them by Louvain over an undirected graph of BUILDS_ON links
 * (weight 3 each) and co-use (a paper proposing one and using the other, weight = such papers).
 */
export function scoreIdeas(
  nodes: IdeaNode[],
  builds: [string, string][],
  coUse: { a: string; b: string; weight: number }[],
): { scores: Map<string, IdeaScores>; communities: Community[] } {
  // Louvain visits nodes and links in insertion order: sorted input gives the same communities
  // however Neo4j happens to return the rows (after an undo, the same graph comes back in another order).
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const ids = nodes.map((n) => n.id).sort(byId);
  builds = [...builds].sort((x, y) => byId(x[0], y[0]) || byId(x[1], y[1]));
  coUse = [...coUse].sort((x, y) => byId(x.a, y.a) || byId(x.b, y.b));
  const descendants = descendantCounts(ids, builds);
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const id of ids) graph.addNode(id);
  const link = (a: string, b: string, weight: number) => {
    if (a === b || !graph.hasNode(a) || !graph.hasNode(b)) return;
    if (graph.hasEdge(a, b)) graph.updateEdgeAttribute(a, b, 'weight', (w) => (w ?? 0) + weight);
    else graph.addEdge(a, b, { weight });
  };
  for (const [child, parent] of builds) link(child, parent, 3);
  for (const { a, b, weight } of coUse) link(a, b, weight);
  const raw = graph.size > 0 ? louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(1) }) : {};

  const importance = new Map(nodes.map((n) => [n.id, (descendants.get(n.id) ?? 0) + n.papers / 10]));
  const groups = new Map<number, IdeaNode[]>();
  for (const n of nodes) {
    if (graph.degree(n.id) === 0) continue;
    const c = raw[n.id]!;
    let group = groups.get(c);
    if (!group) groups.set(c, (group = []));
    group.push(n);
  }
  const byImportance = (a: IdeaNode, b: IdeaNode) => importance.get(b.id)! - importance.get(a.id)! || a.id.localeCompare(b.id);
  const ranked = [...groups.values()]
    .map((members) => ({ members: members.sort(byImportance), total: members.reduce((s, m) => s + importance.get(m.id)!, 0) }))
    .sort((x, y) => y.total - x.total || x.members[0]!.id.localeCompare(y.members[0]!.id));

  const scores = new Map<string, IdeaScores>();
  for (const n of nodes)
    scores.set(n.id, { descendants: descendants.get(n.id) ?? 0, importance: round(importance.get(n.id)!), community: -1 });
  const communities: Community[] = ranked.map(({ members, total }, id) => {
    for (const m of members) scores.get(m.id)!.community = id;
    const counts = { Method: 0, Architecture: 0, Dataset: 0 };
    for (const m of members) counts[m.label]++;
    return {
      id,
      name: members
        .slice(0, 3)
        .map((m) => m.name)
        .join(', '),
      size: members.length,
      counts,
      importance: round(total),
      top: members.slice(0, 5).map((m) => m.id),
    };
  });
  return { scores, communities };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Lineage links as the overview's clusters need them, aggregated: `[child, childCommunity, parent,
 * parentCommunity, count]`, where an end ranked in the overview is its rank (and the overview decides
 * whether it is shown) and any other end is -1 (it can only be shown through its community's cluster).
 * Links with an end that is neither ranked nor in a kept community are left out, as are a ranked
 * pair's duplicates; rows are sorted, so the same graph always gives the same JSON.
 */
export type ClusterLink = [child: number, childCommunity: number, parent: number, parentCommunity: number, count: number];

export function clusterLinks(
  builds: readonly [string, string][],
  community: (id: string) => number | undefined,
  rank: ReadonlyMap<string, number>,
  kept: number,
): ClusterLink[] {
  const counts = new Map<string, ClusterLink>();
  const seen = new Set<string>();
  for (const [child, parent] of builds) {
    if (child === parent) continue;
    const pair = `${child}\u0000${parent}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const cc = community(child) ?? -1;
    const pc = community(parent) ?? -1;
    const cr = rank.get(child) ?? -1;
    const pr = rank.get(parent) ?? -1;
    // An unranked end is drawn only as its community's cluster: it needs one the overview keeps.
    if ((cr < 0 && (cc < 0 || cc >= kept)) || (pr < 0 && (pc < 0 || pc >= kept))) continue;
    // Two unranked ends of one community would join a cluster to itself.
    if (cr < 0 && pr < 0 && cc === pc) continue;
    const key = `${cr},${cc},${pr},${pc}`;
    const row = counts.get(key);
    if (row) row[4]++;
    else counts.set(key, [cr, cc, pr, pc, 1]);
  }
  return [...counts.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
}
