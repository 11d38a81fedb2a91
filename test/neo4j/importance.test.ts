// Tests of the idea scoring behind the overview: descendant counts over BUILDS_ON, Louvain communities
// ranked by importance, the overview's ranking, and what the post-load step stores in a real Neo4j.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/neo4j/driver.js';
import { clusterLinks, descendantCounts, scoreIdeas, type IdeaNode } from '../../src/neo4j/importance/compute.js';
import { OVERVIEW_MAX, rankOverview, updateImportance } from '../../src/neo4j/importance/index.js';
import { ingest } from '../../ingest/run.js';
import { undoRun } from '../../ingest/load/index.js';
import { createCuration } from '../../src/neo4j/curation/store.js';
import { loadDefaultCorpus } from '../helpers/corpus.js';
import { openTestDatabase } from '../helpers/db.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'ingest', 'incremental', name);

const idea = (id: string, papers = 0, label: IdeaNode['label'] = 'Method'): IdeaNode => ({ id, label, name: id.toUpperCase(), papers });

describe('neo4j/importance', () => {
  describe('#descendantCounts', () => {
    it('should count everything that builds on a node, directly or through others, once', () => {
      // b and c build on a, d builds on b and c (a diamond), e on d; a cycle f <-> g.
      const builds: [string, string][] = [
        ['b', 'a'],
        ['c', 'a'],
        ['d', 'b'],
        ['d', 'c'],
        ['e', 'd'],
        ['f', 'g'],
        ['g', 'f'],
      ];
      const counts = descendantCounts(['a', 'b', 'c', 'd', 'e', 'f', 'g'], builds);
      expect(Object.fromEntries(counts)).toEqual({ a: 4, b: 2, c: 2, d: 1, e: 0, f: 1, g: 1 });
    });

    it('should ignore links to nodes it was not given and links of a node to itself', () => {
      const counts = descendantCounts(
        ['a'],
        [
          ['a', 'a'],
          ['x', 'a'],
        ],
      );
      expect(counts.get('a')).toBe(0);
    });
  });

  describe('#scoreIdeas', () => {
    it('should rank by descendants, then papers, and number communities by total importance', () => {
      const nodes = [idea('root', 5), idea('child1', 1), idea('child2', 1), idea('leaf', 50, 'Dataset'), idea('user', 2), idea('alone', 1)];
      const builds: [string, string][] = [
        ['child1', 'root'],
        ['child2', 'root'],
      ];
      const { scores, communities } = scoreIdeas(nodes, builds, [{ a: 'user', b: 'leaf', weight: 4 }]);
      expect(scores.get('root')).toEqual({ descendants: 2, importance: 2.5, community: 1 });
      expect(scores.get('leaf')!.importance).toBe(5);
      expect(scores.get('leaf')!.community).toBe(scores.get('user')!.community);
      expect(scores.get('alone')!.community).toBe(-1);
      // {leaf, user} weigh 5.2, {root, child1, child2} 2.7: the heavier community is number 0.
      expect(communities.map((c) => c.size)).toEqual([2, 3]);
      expect(communities[0]).toMatchObject({
        id: 0,
        name: 'LEAF, USER',
        counts: { Method: 1, Architecture: 0, Dataset: 1 },
        top: ['leaf', 'user'],
      });
    });

    it('should give the same communities for the same graph every time', () => {
      const nodes = Array.from({ length: 40 }, (_, i) => idea(`n${i}`, i % 3));
      const builds = nodes.slice(1).map((n, i) => [n.id, `n${Math.floor(i / 3)}`] as [string, string]);
      const once = scoreIdeas(nodes, builds, []);
      const again = scoreIdeas(nodes, builds, []);
      expect([...again.scores.entries()]).toEqual([...once.scores.entries()]);
    });
  });

  describe('#rankOverview', () => {
    it('should follow each idea with its proposing paper and put a concept every twentieth place', () => {
      const ideas = Array.from({ length: 30 }, (_, i) => `method:m${i}`);
      const proposer = new Map(ideas.map((id, i) => [id, `paper:p${i % 25}`]));
      const ranked = rankOverview(ideas, proposer, ['concept:c0', 'concept:c1', 'concept:c2']);
      expect(ranked.slice(0, 4)).toEqual(['method:m0', 'paper:p0', 'method:m1', 'paper:p1']);
      expect(ranked[19]).toBe('concept:c0');
      expect(new Set(ranked).size).toBe(ranked.length);
      // A paper proposing two ideas appears once, after the first.
      expect(ranked.filter((id) => id === 'paper:p0')).toHaveLength(1);
      expect(ranked).toContain('concept:c2');
    });

    it('should stop at the overview maximum', () => {
      const ideas = Array.from({ length: OVERVIEW_MAX * 2 }, (_, i) => `method:m${i}`);
      expect(rankOverview(ideas, new Map(), [])).toHaveLength(OVERVIEW_MAX);
    });
  });

  describe('#clusterLinks', () => {
    // Ranked: a (community 0) and b (community 1); x, y unranked in community 0, z in 1, w in 2, v in none.
    const community = (id: string) => ({ a: 0, x: 0, y: 0, b: 1, z: 1, w: 2 })[id];
    const rank = new Map([
      ['a', 0],
      ['b', 1],
    ]);

    it('should keep ranked ends by rank and sum the links of unranked ends per community pair', () => {
      const links = clusterLinks(
        [
          ['x', 'z'],
          ['y', 'z'],
          ['a', 'z'],
          ['z', 'b'],
          ['a', 'b'],
          ['x', 'a'],
        ],
        community,
        rank,
        80,
      );
      expect(links).toEqual([
        [-1, 0, -1, 1, 2],
        [-1, 0, 0, 0, 1],
        [-1, 1, 1, 1, 1],
        [0, 0, -1, 1, 1],
        [0, 0, 1, 1, 1],
      ]);
    });

    it('should leave out links a cluster cannot carry: an unranked end of no kept community, or one community to itself', () => {
      const links = clusterLinks(
        [
          ['x', 'y'],
          ['v', 'a'],
          ['w', 'a'],
          ['a', 'a'],
          ['x', 'z'],
          ['x', 'z'],
        ],
        community,
        rank,
        2,
      );
      // v has no community and w's (2) is not kept; x-y joins community 0 to itself; a duplicate counts once.
      expect(links).toEqual([[-1, 0, -1, 1, 1]]);
    });
  });

  describe('#updateImportance', () => {
    let db: Database;

    beforeAll(async () => {
      db = await openTestDatabase();
      await loadDefaultCorpus(db);
      // Loading the default corpus takes seconds on a quiet machine, minutes on a shared and busy one.
    }, 600_000);

    afterAll(async () => {
      await db?.close();
    });

    async function rows(query: string): Promise<Record<string, unknown>[]> {
      const session = db.session('READ');
      try {
        return (await session.run(query)).records.map((r) => r.toObject());
      } finally {
        await session.close();
      }
    }

    it('should have stored importance, descendants and community on every idea at ingest, with Transformer among the most built upon', async () => {
      const [missing] = await rows(
        'MATCH (n:Method|Architecture|Dataset) WHERE n.importance IS NULL OR n.community IS NULL RETURN count(n) AS c',
      );
      expect(Number(missing!.c)).toBe(0);
      // Taxonomy components (backpropagation, attention, MLP) sit above Transformer in the lineage: the
      // default corpus puts it tenth, with 18 descendants.
      const top = await rows('MATCH (n:Method|Architecture) RETURN n.name AS name ORDER BY n.descendants DESC, n.id LIMIT 10');
      expect(top.map((r) => r.name)).toContain('Transformer');
    });

    it('should rank the overview from 0 without gaps, ideas first, and keep the communities in the summary', async () => {
      const ranks = await rows(
        'CALL () { MATCH (n:Entity) WHERE n.overviewRank >= 0 RETURN n UNION MATCH (n:Paper) WHERE n.overviewRank >= 0 RETURN n } RETURN n.overviewRank AS rank, labels(n) AS labels ORDER BY rank',
      );
      expect(ranks.map((r) => Number(r.rank))).toEqual(ranks.map((_, i) => i));
      expect(ranks[0]!.labels as string[]).not.toContain('Paper');
      const [summary] = await rows("MATCH (s:GraphSummary {id: 'overview'}) RETURN s.communities AS communities, s.clusterLinks AS links");
      const communities = JSON.parse(summary!.communities as string) as { id: number; size: number }[];
      expect(communities.length).toBeGreaterThan(1);
      expect(communities[0]!.id).toBe(0);
      // The lineage the overview's clusters draw: rows of [child rank, community, parent rank, community, count].
      const links = JSON.parse(summary!.links as string) as number[][];
      expect(links.length).toBeGreaterThan(0);
      for (const [cr, cc, pr, pc, count] of links) {
        expect(cr! >= 0 || cc! >= 0).toBe(true);
        expect(pr! >= 0 || pc! >= 0).toBe(true);
        expect(count).toBeGreaterThan(0);
      }
    });

    it('should recompute a summary stored before cluster links were kept', async () => {
      const session = db.session('WRITE');
      try {
        await session.run("MATCH (s:GraphSummary {id: 'overview'}) REMOVE s.clusterLinks");
      } finally {
        await session.close();
      }
      expect((await updateImportance(db)).computed).toBe(true);
      const [summary] = await rows("MATCH (s:GraphSummary {id: 'overview'}) RETURN s.clusterLinks AS links");
      expect(typeof summary!.links).toBe('string');
    });

    it('should write nothing when the graph did not change, and recompute the same when forced', async () => {
      const before = await rows('MATCH (n:Entity) WHERE n.overviewRank >= 0 RETURN n.id AS id ORDER BY n.overviewRank');
      expect((await updateImportance(db)).computed).toBe(false);
      const forced = await updateImportance(db, { force: true });
      expect(forced.computed).toBe(true);
      expect(forced.ranked).toBe(before.length);
      const after = await rows('MATCH (n:Entity) WHERE n.overviewRank >= 0 RETURN n.id AS id ORDER BY n.overviewRank');
      expect(after).toEqual(before);
    });

    it('should compute again after an ingest, after its undo, and after a curation rejects or adds a link', async () => {
      const barnet = async () => {
        const [row] = await rows("MATCH (n:Architecture {name: 'BarNet'}) RETURN n.descendants AS d, n.overviewRank AS rank");
        return { descendants: Number(row!.d), ranked: row!.rank !== null };
      };
      const bazformer = "MATCH (n:Architecture {name: 'BazFormer'}) RETURN n.id AS id";
      await ingest(db, { files: [fixture('a.json')] });
      expect((await barnet()).descendants).toBe(0);
      const second = await ingest(db, { files: [fixture('b.json')] });
      expect((await barnet()).descendants).toBe(1);
      const [child] = await rows(bazformer);
      const [parent] = await rows("MATCH (n:Architecture {name: 'BarNet'}) RETURN n.id AS id");
      const link = { from: child!.id as string, to: parent!.id as string };

      await createCuration(db, { action: 'reject', ...link, type: 'BUILDS_ON', note: 'not a descendant' }, { who: 'test' });
      expect((await barnet()).descendants).toBe(0);
      await createCuration(db, { action: 'add', ...link, kind: 'extends', note: 'it is after all' }, { who: 'test' });
      expect((await barnet()).descendants).toBe(1);

      await undoRun(db, second.run!);
      expect(await rows(bazformer)).toEqual([]);
      expect((await barnet()).descendants).toBe(0);
      const ranks = await rows('MATCH (n:Entity) WHERE n.overviewRank >= 0 RETURN n.overviewRank AS rank ORDER BY rank');
      expect(ranks.map((r) => Number(r.rank))).toEqual(ranks.map((_, i) => i));
    }, 600_000);
  });
});
