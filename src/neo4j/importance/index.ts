// After each load (and at server start when missing or stale): stores every idea node's lineage
// importance, descendant count and community, ranks the overview's nodes (`n.overviewRank`) and keeps
// the communities in one (:GraphSummary {id: 'overview'}) node, so the API's overview reads an index.
import neo4j, { type Integer } from 'neo4j-driver';
import type { Database } from '../driver.js';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../shared/graph.js';
import { clusterLinks, scoreIdeas, type ClusterLink, type Community, type IdeaNode, type IdeaScores } from './compute.js';

export type { ClusterLink, Community, IdeaNode } from './compute.js';
export { clusterLinks, scoreIdeas } from './compute.js';

/** The most nodes the overview can return; the API slices smaller overviews from the front of this ranking. */
export const OVERVIEW_MAX = 2000;
/** How many communities the summary keeps (the largest by total importance). */
export const COMMUNITIES_KEPT = 80;
/** One Concept in this many ranks, so the legend's Concepts toggle has something to show. */
const CONCEPT_EVERY = 20;

/** Node counts per label and relationship counts per type, from the count store (no scan). */
export const GRAPH_SIGNATURE = `RETURN [${[
  ...NODE_LABELS.map((l) => `COUNT { (:${l}) }`),
  ...RELATIONSHIP_TYPES.map((t) => `COUNT { ()-[:${t}]->() }`),
].join(', ')}] AS counts`;

const IDEAS = `MATCH (n:Method|Architecture|Dataset)
RETURN n.id AS id, [l IN labels(n) WHERE l IN ['Method', 'Architecture', 'Dataset']][0] AS label, coalesce(n.name, n.id) AS name,
       COUNT { (n)<-[:PROPOSES|USES|EVALUATED_ON]-(:Paper) } AS papers`;
const BUILDS = `MATCH (a:Method|Architecture)-[:BUILDS_ON]->(b:Method|Architecture) RETURN DISTINCT a.id AS child, b.id AS parent`;
const CO_USE = `MATCH (p:Paper)-[:PROPOSES]->(a:Method|Architecture|Dataset)
MATCH (p)-[:USES|EVALUATED_ON]->(b:Method|Architecture|Dataset) WHERE b <> a
RETURN a.id AS a, b.id AS b, count(*) AS weight`;
const PROPOSERS = `MATCH (p:Paper)-[:PROPOSES]->(n:Method|Architecture|Dataset)
WITH n, p ORDER BY p.year, p.id
RETURN n.id AS id, collect(p.id)[0] AS paper`;
const TOP_CONCEPTS = `MATCH (c:Concept) WHERE c.degree >= 0 RETURN c.id AS id ORDER BY c.degree DESC, c.id LIMIT $limit`;

const WRITE_SCORES = `UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WHERE n.importance IS NULL OR n.importance <> row.importance OR n.descendants <> row.descendants OR n.community <> row.community
SET n.importance = row.importance, n.descendants = row.descendants, n.community = row.community`;
const CLEAR_RANKS = `CALL () {
  MATCH (n:Entity) WHERE n.overviewRank >= 0 RETURN n
  UNION
  MATCH (n:Paper) WHERE n.overviewRank >= 0 RETURN n
}
WITH n WHERE NOT n.id IN $ids
REMOVE n.overviewRank`;
/** Ranked ideas and concepts are entities, their proposing papers are papers. */
const WRITE_RANKS = `UNWIND $rows AS row
CALL (row) {
  MATCH (n:Entity {id: row.id}) RETURN n
  UNION
  MATCH (n:Paper {id: row.id}) RETURN n
}
WITH n, row WHERE n.overviewRank IS NULL OR n.overviewRank <> row.rank
SET n.overviewRank = row.rank`;
const WRITE_SUMMARY = `MERGE (s:GraphSummary {id: 'overview'})
SET s.signature = $signature, s.computedAt = $computedAt, s.communities = $communities, s.clusterLinks = $clusterLinks,
    s.ranked = $ranked, s.ideas = $ideas`;
/** A summary written before cluster links were kept reads as stale, so it is computed once more. */
const READ_SUMMARY = `OPTIONAL MATCH (s:GraphSummary {id: 'overview'})
RETURN CASE WHEN s.clusterLinks IS NULL THEN null ELSE s.signature END AS signature`;

async function rows<T>(db: Database, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = db.session('READ');
  try {
    const result = await session.run(query, params);
    return result.records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

/**
 * Streams a read's rows into `each` as they arrive, so a 100k-paper graph's projections are held
 * once, in the caller's compact form, never also as a buffered list of driver records.
 */
async function eachRow(db: Database, query: string, each: (row: Record<string, unknown>) => void): Promise<void> {
  const session = db.session('READ');
  try {
    for await (const record of session.run(query)) each(record.toObject() as Record<string, unknown>);
  } finally {
    await session.close();
  }
}

const num = (x: unknown) => (neo4j.isInt(x) ? (x as Integer).toNumber() : Number(x));

/** The count-store signature of the graph, as one string ("12,40,…"). */
export async function graphSignature(db: Database): Promise<string> {
  const [row] = await rows<{ counts: unknown[] }>(db, GRAPH_SIGNATURE);
  return (row?.counts ?? []).map(num).join(',');
}

/**
 * The overview's ranking: ideas by importance, each followed by the paper that first proposed it,
 * with a top Concept every CONCEPT_EVERY places; at most OVERVIEW_MAX ids.
 */
export function rankOverview(ideasByImportance: string[], proposer: Map<string, string>, concepts: string[]): string[] {
  const ranked: string[] = [];
  const taken = new Set<string>();
  let c = 0;
  const add = (id: string) => {
    taken.add(id);
    ranked.push(id);
  };
  const push = (id: string | undefined) => {
    if (id === undefined || taken.has(id)) return;
    while (ranked.length < OVERVIEW_MAX && ranked.length % CONCEPT_EVERY === CONCEPT_EVERY - 1 && c < concepts.length) {
      const concept = concepts[c++]!;
      if (!taken.has(concept)) add(concept);
    }
    if (ranked.length < OVERVIEW_MAX) add(id);
  };
  for (const id of ideasByImportance) {
    if (ranked.length >= OVERVIEW_MAX) break;
    push(id);
    push(proposer.get(id));
  }
  while (ranked.length < OVERVIEW_MAX && c < concepts.length) push(concepts[c++]);
  return ranked;
}

/** The overview's ranking of scored ideas (best first, ties by id), their proposers and the top Concepts. */
export function overviewRanking(scores: Map<string, IdeaScores>, proposer: Map<string, string>, concepts: string[]): string[] {
  const byImportance = [...scores.entries()].sort(([a, x], [b, y]) => y.importance - x.importance || a.localeCompare(b)).map(([id]) => id);
  return rankOverview(byImportance, proposer, concepts);
}

/** The lineage links the overview's clusters draw (clusterLinks over the kept communities and the ranking). */
export function overviewClusterLinks(
  builds: readonly [string, string][],
  scores: Map<string, IdeaScores>,
  ranked: string[],
): ClusterLink[] {
  const rank = new Map(ranked.map((id, i) => [id, i]));
  return clusterLinks(builds, (id) => scores.get(id)?.community, rank, COMMUNITIES_KEPT);
}

/** How many top Concepts (by degree, then id) the overview's ranking takes. */
export const TOP_CONCEPTS_TAKEN = Math.ceil(OVERVIEW_MAX / CONCEPT_EVERY);

async function writeInBatches(db: Database, query: string, all: Record<string, unknown>[], size = 5000): Promise<void> {
  const session = db.session('WRITE');
  try {
    for (let i = 0; i < all.length; i += size) {
      const batch = all.slice(i, i + size);
      await session.executeWrite((tx) => tx.run(query, { rows: batch }));
    }
  } finally {
    await session.close();
  }
}

export interface ImportanceSummary {
  ideas: number;
  communities: number;
  ranked: number;
  /** False when the stored summary already matched the graph and nothing was written. */
  computed: boolean;
}

/**
 * Computes and stores importance, communities and the overview ranking unless the stored summary's
 * signature matches the graph's (so re-ingesting the same input writes nothing); `force` recomputes.
 */
export async function updateImportance(db: Database, options: { force?: boolean } = {}): Promise<ImportanceSummary> {
  const signature = await graphSignature(db);
  const [stored] = await rows<{ signature: string | null }>(db, READ_SUMMARY);
  if (!options.force && stored?.signature === signature) return { ideas: 0, communities: 0, ranked: 0, computed: false };

  const ideas: IdeaNode[] = [];
  await eachRow(db, IDEAS, (r) =>
    ideas.push({ id: r.id as string, label: r.label as IdeaNode['label'], name: r.name as string, papers: num(r.papers) }),
  );
  const builds: [string, string][] = [];
  await eachRow(db, BUILDS, (r) => builds.push([r.child as string, r.parent as string]));
  const coUse: { a: string; b: string; weight: number }[] = [];
  await eachRow(db, CO_USE, (r) => coUse.push({ a: r.a as string, b: r.b as string, weight: num(r.weight) }));
  const { scores, communities } = scoreIdeas(ideas, builds, coUse);
  coUse.length = 0;

  const proposer = new Map<string, string>();
  await eachRow(db, PROPOSERS, (r) => proposer.set(r.id as string, r.paper as string));
  const concepts = (await rows<{ id: string }>(db, TOP_CONCEPTS, { limit: neo4j.int(TOP_CONCEPTS_TAKEN) })).map((r) => r.id);
  const ranked = overviewRanking(scores, proposer, concepts);
  const links = overviewClusterLinks(builds, scores, ranked);
  builds.length = 0;

  await writeInBatches(
    db,
    WRITE_SCORES,
    [...scores.entries()].map(([id, s]) => ({
      id,
      importance: s.importance,
      descendants: neo4j.int(s.descendants),
      community: neo4j.int(s.community),
    })),
  );
  const session = db.session('WRITE');
  try {
    await session.executeWrite((tx) => tx.run(CLEAR_RANKS, { ids: ranked }));
  } finally {
    await session.close();
  }
  await writeInBatches(
    db,
    WRITE_RANKS,
    ranked.map((id, rank) => ({ id, rank: neo4j.int(rank) })),
  );
  const kept: Community[] = communities.slice(0, COMMUNITIES_KEPT);
  const write = db.session('WRITE');
  try {
    await write.executeWrite((tx) =>
      tx.run(WRITE_SUMMARY, {
        signature,
        computedAt: new Date().toISOString(),
        communities: JSON.stringify(kept),
        clusterLinks: JSON.stringify(links),
        ranked: neo4j.int(ranked.length),
        ideas: neo4j.int(ideas.length),
      }),
    );
  } finally {
    await write.close();
  }
  return { ideas: ideas.length, communities: communities.length, ranked: ranked.length, computed: true };
}
