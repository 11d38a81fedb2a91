// Seed positions for an overview with clusters: each community gets a patch of its own on a
// sunflower of patches (the most important first, in the middle), its cluster node at the patch's
// centre and its shown ideas around it, each proposing paper beside its idea; nodes of no community
// follow as patches of one. The layout then starts from groups that do not overlap.
import type { WireEdge, WireNode } from '../../../shared/graph.js';
import type { Point } from '../state.js';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Space between patches, as a share of a patch's own radius. */
const PATCH_GAP = 1.35;

/** The community a node belongs to for seeding: its own, or for a paper that of an idea it proposes. */
export function seedCommunities(nodes: readonly WireNode[], edges: readonly WireEdge[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of nodes) {
    const c = n.properties.community;
    if (typeof c === 'number' && c >= 0) out.set(n.id, c);
  }
  for (const e of edges) {
    if (e.type !== 'PROPOSES' || out.has(e.source)) continue;
    const c = out.get(e.target);
    if (c !== undefined) out.set(e.source, c);
  }
  return out;
}

/**
 * Positions for `nodes` (in their order, most important first): one patch per community, its
 * members on a small sunflower around the patch's centre (the cluster node first, so at the centre),
 * patches on a large sunflower whose radius grows with the members placed so far, so patches do not
 * overlap. `unit` is the distance between neighbouring members. Linear in the number of nodes.
 */
export function communitySeedPositions(nodes: readonly WireNode[], edges: readonly WireEdge[], unit = 1): Record<string, Point> {
  const community = seedCommunities(nodes, edges);
  const groups = new Map<string, string[]>();
  const order: string[] = [];
  const add = (key: string, id: string) => {
    let g = groups.get(key);
    if (!g) {
      groups.set(key, (g = []));
      order.push(key);
    }
    g.push(id);
  };
  // Cluster nodes lead their patch; the rest keep their order.
  for (const n of nodes) if (n.label === 'Cluster' && community.has(n.id)) add(`c${community.get(n.id)}`, n.id);
  for (const n of nodes) {
    if (n.label === 'Cluster' && community.has(n.id)) continue;
    const c = community.get(n.id);
    add(c === undefined ? `n${n.id}` : `c${c}`, n.id);
  }
  const out: Record<string, Point> = {};
  let area = 0;
  order.forEach((key, k) => {
    const members = groups.get(key)!;
    const radius = unit * Math.sqrt(members.length + 0.5);
    // The patch's centre lies beyond the area the patches before it take.
    const distance = k === 0 ? 0 : PATCH_GAP * unit * Math.sqrt(area) + radius;
    area += members.length;
    const centre = { x: distance * Math.cos(k * GOLDEN_ANGLE), y: distance * Math.sin(k * GOLDEN_ANGLE) };
    members.forEach((id, i) => {
      const r = i === 0 ? 0 : unit * Math.sqrt(i + 0.5);
      out[id] = { x: centre.x + r * Math.cos(i * GOLDEN_ANGLE), y: centre.y + r * Math.sin(i * GOLDEN_ANGLE) };
    });
  });
  return out;
}
