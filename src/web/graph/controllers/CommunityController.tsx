// Colour by community: runs Louvain (loaded on demand) on the drawn graph when that colouring is
// on and the graph changes, storing each node's community as an attribute and a summary of the
// communities (size, best-connected members) in the store for the legend.
import { useEffect } from 'react';
import type { CommunitySummary } from '../../core/state.js';
import { useRuntime } from '../../runtime/context.js';
import type { GraphRuntime } from '../../runtime/graph-runtime.js';
import type { ExplorerGraph } from '../../types.js';

async function detect(rt: GraphRuntime): Promise<void> {
  const { default: louvain } = await import('graphology-communities-louvain');
  if (rt.isDisposed() || rt.graph.order === 0) return;
  louvain.assign(rt.graph, { nodeCommunityAttribute: 'community', rng: mulberry(42) });
  const communities = summarize(rt.graph);
  rt.dispatch((s) => ({ ...s, communities }));
  rt.sigma()?.refresh({ skipIndexation: true });
}

/** Communities largest first, each with its three best-connected members. */
function summarize(graph: ExplorerGraph): CommunitySummary[] {
  const members = new Map<number, Array<{ label: string; degree: number }>>();
  graph.forEachNode((id, a) => {
    if (a.community === undefined) return;
    const list = members.get(a.community) ?? [];
    list.push({ label: a.label, degree: graph.degree(id) });
    members.set(a.community, list);
  });
  return [...members.entries()]
    .map(([id, list]) => ({
      id,
      size: list.length,
      examples: list
        .sort((x, y) => y.degree - x.degree)
        .slice(0, 3)
        .map((m) => m.label),
    }))
    .sort((a, b) => b.size - a.size);
}

/** Seeded random numbers, so the same graph gets the same colours. */
function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function CommunityController() {
  const rt = useRuntime();
  useEffect(() => {
    if (rt.getState().view.colorBy === 'community') void detect(rt);
    return rt.store.subscribe((state, prev) => {
      if (state.view.colorBy !== 'community') return;
      if (prev.view.colorBy !== 'community' || state.view.nodes !== prev.view.nodes || state.view.edges !== prev.view.edges)
        void detect(rt);
    });
  }, [rt]);
  return null;
}
