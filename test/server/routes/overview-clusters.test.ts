// The large overview's clusters against the real Neo4j loaded with the default corpus (asked for an
// overview smaller than the corpus): cluster nodes for the communities it leaves out, lineage summed
// up between clusters and shown ideas, and how those sums are picked.
import { describe, expect, it } from 'vitest';
import { clusterEdges, clusterNames } from '../../../src/server/db/reads/overview.js';
import type { WireGraph, WireNode } from '../../../src/shared/graph.js';
import { expectWireGraph, getFrom, useCorpusApp } from './corpus-app.js';

const ctx = useCorpusApp();
const get = (url: string) => getFrom(ctx.app, url);
/** The database's nodes of an overview, without the cluster nodes standing for what it left out. */
const stored = (graph: WireGraph) => graph.nodes.filter((n) => n.label !== 'Cluster');

describe('server/routes/graph', () => {
  describe('GET /api/overview', () => {
    it('should draw the communities it leaves out as cluster nodes, with lineage summed up between clusters and shown ideas', async () => {
      // The whole default corpus would fit in 2,000 nodes: `top` asks for an overview of 30 anyway.
      const { status, body } = await get('/api/overview?limit=20&top=30');
      expect(status).toBe(200);
      const graph = body.graph as WireGraph;
      expectWireGraph(graph);
      expect(stored(graph)).toHaveLength(30);
      const clusters = body.clusters as { id: number; name: string; omitted: number; size: number }[];
      const drawn = graph.nodes.filter((n) => n.label === 'Cluster');
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.map((n) => n.id).sort()).toEqual(
        clusters
          .filter((c) => c.omitted >= 3)
          .slice(0, 30)
          .map((c) => `cluster:${c.id}`)
          .sort(),
      );
      // A cluster stands for the ideas left out: it is named by those, never by an idea drawn beside it.
      const shownNames = new Set(stored(graph).map((n) => n.name));
      for (const n of drawn) {
        const c = clusters.find((x) => `cluster:${x.id}` === n.id)!;
        expect(n.name).toBe(c.name);
        expect(n.properties).toMatchObject({ community: c.id, size: c.size, omitted: c.omitted });
        expect(
          n.name.split(', ').filter((name) => shownNames.has(name)),
          n.name,
        ).toEqual([]);
      }
      const aggregated = graph.edges.filter((e) => e.properties.aggregate === true);
      expect(aggregated.length).toBeGreaterThan(0);
      const ideas = new Set(stored(graph).map((n) => n.id));
      for (const e of aggregated) {
        expect(e.type).toBe('BUILDS_ON');
        expect(e.properties.count).toBeGreaterThan(0);
        // Two shown ideas are joined by their own links, never by a summed-up one.
        expect(ideas.has(e.source) && ideas.has(e.target)).toBe(false);
        expect(e.source).not.toBe(e.target);
      }
      // Every summed-up link has a cluster at one end at least.
      for (const e of aggregated) expect(e.source.startsWith('cluster:') || e.target.startsWith('cluster:')).toBe(true);
      // Without BUILDS_ON asked for, clusters come without links.
      const noLineage = (await get('/api/overview?limit=20&top=30&types=PROPOSES')).body.graph as WireGraph;
      expect(noLineage.nodes.some((n) => n.label === 'Cluster')).toBe(true);
      expect(noLineage.edges.some((e) => e.properties.aggregate === true)).toBe(false);
    });
  });

  describe('#clusterEdges', () => {
    // Ranked: a (shown), b (shown), c (ranked but not shown, community 2); clusters 1 and 2 drawn, 3 not.
    const ranked = ['method:a', 'method:b', 'method:c'];
    const shown = new Set(['method:a', 'method:b']);
    const edges = (links: [number, number, number, number, number][]) =>
      Object.fromEntries(clusterEdges(links, ranked, shown, new Set([1, 2])).map((e) => [`${e.source}>${e.target}`, e.properties.count]));

    it('should join shown ideas and clusters, an end not shown standing for its community', () => {
      expect(
        edges([
          [0, 0, -1, 1, 4],
          [-1, 1, 1, 0, 2],
          [2, 2, -1, 1, 1],
          [-1, 2, -1, 1, 3],
          [0, 0, 2, 2, 5],
        ]),
      ).toEqual({ 'method:a>cluster:1': 4, 'cluster:1>method:b': 2, 'cluster:2>cluster:1': 4, 'method:a>cluster:2': 5 });
    });

    it('should keep only the strongest sums of each end', () => {
      // method:a links to clusters 1 and 2 and to four more clusters, with counts 1 to 6: each of those
      // clusters has no other link, so every sum is the strongest of its cluster and all stay.
      const clustered = new Set([1, 2, 3, 4, 5, 6]);
      const many = clusterEdges(
        [1, 2, 3, 4, 5, 6].map((c) => [0, 0, -1, c, c] as [number, number, number, number, number]),
        ranked,
        shown,
        clustered,
      );
      expect(many).toHaveLength(6);
      // Cluster 1 summed up with four shown-or-clustered ends of which it is the weakest for all but its own three.
      const crowded = clusterEdges(
        [
          [-1, 1, -1, 2, 9],
          [-1, 1, -1, 3, 8],
          [-1, 1, -1, 4, 7],
          [-1, 2, -1, 3, 6],
          [-1, 2, -1, 4, 5],
          [-1, 3, -1, 4, 4],
          [-1, 1, -1, 5, 1],
          [-1, 2, -1, 5, 1],
          [-1, 3, -1, 5, 1],
          [-1, 4, -1, 5, 1],
          [-1, 6, -1, 1, 1],
        ],
        ranked,
        shown,
        clustered,
      );
      const ids = crowded.map((e) => `${e.source}>${e.target}`);
      // 1, 2, 3 and 4 have three stronger links each: their links to 5 and 6 stay only as 5's and 6's strongest.
      expect(ids).toContain('cluster:1>cluster:2');
      expect(ids).toContain('cluster:6>cluster:1');
      expect(ids.filter((id) => id.endsWith('>cluster:5'))).toHaveLength(3);
    });

    it('should skip links between shown ideas, within one cluster, and to a cluster not drawn', () => {
      expect(
        edges([
          [0, 0, 1, 0, 1],
          [2, 2, -1, 2, 1],
          [0, 0, -1, 3, 1],
        ]),
      ).toEqual({});
    });
  });

  describe('#clusterNames', () => {
    const idea = (id: string, community: number, label: WireNode['label'] = 'Method'): WireNode => ({
      id,
      label,
      name: id.toUpperCase(),
      properties: { community },
    });
    // In rank order: community 1's ideas a, c, d, e; community 2's b; a paper of community 1.
    const ranked = [idea('a', 1), idea('b', 2), idea('p', 1, 'Paper'), idea('c', 1), idea('d', 1), idea('e', 1)];

    it('should name each community by its best-ranked ideas the overview does not draw, at most three', () => {
      expect(clusterNames(ranked, new Set(['a']))).toEqual(
        new Map([
          [1, 'C, D, E'],
          [2, 'B'],
        ]),
      );
      expect(clusterNames(ranked, new Set(['a', 'd', 'b']))).toEqual(new Map([[1, 'C, E']]));
    });

    it('should leave out papers and give no name to a community whose ranked ideas are all drawn', () => {
      expect(clusterNames(ranked, new Set(['a', 'b', 'c', 'd', 'e'])).size).toBe(0);
    });
  });
});
