// GET /api/overview: a graph that fits whole is returned whole; a larger one as the first nodes of
// the ranking stored after each load (src/neo4j/importance: ideas by lineage importance, each with its
// proposing paper), the edges among them, and the communities the selection leaves partly out.
import type { Database } from '../../../neo4j/driver.js';
import { OVERVIEW_MAX, type Community } from '../../../neo4j/importance/index.js';
import { readTx } from '../../../neo4j/session.js';
import { GraphCollector, leanGraph, nodeId, toPlain } from '../../convert.js';
import { NODE_LABELS, type NodeLabel, type RelationshipType, type WireGraph } from '../../../shared/graph.js';
import type { OverviewCluster, OverviewResponse } from '../../../shared/api/graph.js';
import { int } from './locate.js';
import { subgraph } from './expansion.js';

/**
 * The best-connected nodes: per label, the top of the `degree` index (kept by ingest), then the
 * overall top. Labels are spliced from the whitelist only; each branch is skipped unless asked for.
 * Used when no fresh ranking is stored (a graph another tool changed since the last load).
 */
const BY_DEGREE = `CALL () {
${NODE_LABELS.map(
  (label) => `  MATCH (n:${label}) WHERE n.degree >= 0 AND '${label}' IN $labels
  RETURN n ORDER BY n.degree DESC LIMIT $limit`,
).join('\n  UNION ALL\n')}
}
WITH n ORDER BY n.degree DESC, n.id LIMIT $limit
RETURN elementId(n) AS eid`;

/** Node counts per label from the count store (no scan) and the stored summary's signature. */
const STATE = `OPTIONAL MATCH (s:GraphSummary {id: 'overview'})
RETURN s.signature + ' ' + s.computedAt AS stored, s.communities AS communities, ${NODE_LABELS.map((label) => `COUNT { (:${label}) } AS ${label}`).join(', ')}`;

/** The ranked ideas, papers and concepts (index seeks on overviewRank) and their outgoing links to other ranked nodes. */
const RANKED = `CALL () {
  MATCH (n:Entity) WHERE n.overviewRank < $max RETURN n
  UNION
  MATCH (n:Paper) WHERE n.overviewRank < $max RETURN n
}
WITH n ORDER BY n.overviewRank
OPTIONAL MATCH (n)-[r]->(m) WHERE m.overviewRank < $max
RETURN n, collect(r) AS rels`;

export interface Ranked {
  signature: string;
  graph: WireGraph;
  rank: Map<string, number>;
  communities: Community[];
}

/** Distinct overview answers (labels, types, limit) kept as JSON per stored ranking. */
const ANSWERS_KEPT = 32;

/**
 * Holds the ranked overview (at most OVERVIEW_MAX nodes) read once per stored ranking, and the JSON
 * of each distinct answer cut from it, so serving the overview is one count-store read and a copy;
 * every request checks the count-store signature, so a new load is seen at once.
 */
export class OverviewReader {
  private cached: Promise<Ranked> | undefined;
  private cachedSignature: string | undefined;
  private readonly answers = new Map<string, string>();

  constructor(private readonly db: Database) {}

  /** The answer of GET /api/overview, serialised (an OverviewResponse). */
  async overviewJson(
    options: { labels: readonly NodeLabel[]; types: readonly RelationshipType[]; limit: number },
    timeoutMs?: number,
  ): Promise<string> {
    const state = await readTx(this.db, (tx) => tx.run(STATE), timeoutMs);
    const row = state.records[0]!;
    const counts = NODE_LABELS.map((label) => toPlain(row.get(label)) as number);
    const total = options.labels.reduce((sum, label) => sum + counts[NODE_LABELS.indexOf(label)]!, 0);
    const allNodes = counts.reduce((a, b) => a + b, 0);
    // The stored signature and when it was computed (a recomputation the counts do not show, such as a
    // retargeted link, is a new ranking too).
    const stored = row.get('stored') as string | null;
    // The signature's node part; relationship counts follow it in the stored string.
    const fresh = stored !== null && stored.startsWith(`${counts.join(',')},`);
    if (allNodes <= options.limit || !fresh) {
      return JSON.stringify(await this.live(options, total, allNodes <= options.limit ? 'all' : 'degree', timeoutMs));
    }
    if (!this.cached || this.cachedSignature !== stored) {
      this.cachedSignature = stored;
      this.answers.clear();
      this.cached = this.readRanked(stored, (row.get('communities') as string | null) ?? '[]', timeoutMs);
      this.cached.catch(() => (this.cached = undefined));
    }
    const ranked = await this.cached;
    const key = `${ranked.signature}|${options.labels.join(',')}|${options.types.join(',')}|${options.limit}|${total}`;
    let json = this.answers.get(key);
    if (json === undefined) {
      json = JSON.stringify(slice(ranked, options, total));
      if (this.answers.size >= ANSWERS_KEPT) this.answers.clear();
      this.answers.set(key, json);
    }
    return json;
  }

  private async readRanked(signature: string, communities: string, timeoutMs?: number): Promise<Ranked> {
    const graph = await readTx(
      this.db,
      async (tx) => {
        const result = await tx.run(RANKED, { max: int(OVERVIEW_MAX) });
        const collector = new GraphCollector();
        for (const record of result.records) {
          collector.add(record.get('n'));
          collector.add(record.get('rels'));
        }
        const g = leanGraph(collector.graph());
        const byId = new Map(g.nodes.map((n) => [n.id, n]));
        return { nodes: result.records.map((r) => byId.get(nodeId(r.get('n')))!), edges: g.edges };
      },
      timeoutMs,
    );
    return { signature, graph, rank: new Map(graph.nodes.map((n, i) => [n.id, i])), communities: JSON.parse(communities) as Community[] };
  }

  private async live(
    options: { labels: readonly NodeLabel[]; types: readonly RelationshipType[]; limit: number },
    total: number,
    selection: 'degree' | 'all',
    timeoutMs?: number,
  ): Promise<OverviewResponse> {
    return readTx(
      this.db,
      async (tx) => {
        const top = await tx.run(BY_DEGREE, { labels: options.labels, limit: int(options.limit) });
        const eids = top.records.map((r) => r.get('eid') as string);
        const graph = await subgraph(tx, eids, options.types);
        return { graph, total, truncated: eids.length < total, omitted: total - eids.length, selection, clusters: [] };
      },
      timeoutMs,
    );
  }
}

/** The first `limit` ranked nodes of the asked labels, the edges of the asked types among them, and the clusters they leave out. */
export function slice(
  ranked: Ranked,
  options: { labels: readonly NodeLabel[]; types: readonly RelationshipType[]; limit: number },
  total: number,
): OverviewResponse {
  const labels = new Set<string>(options.labels);
  const types = new Set<string>(options.types);
  const nodes = ranked.graph.nodes.filter((n) => labels.has(n.label)).slice(0, options.limit);
  const ids = new Set(nodes.map((n) => n.id));
  const edges = ranked.graph.edges.filter((e) => types.has(e.type) && ids.has(e.source) && ids.has(e.target));
  const shown = new Map<number, number>();
  for (const n of nodes) {
    const c = n.properties.community;
    if (typeof c === 'number' && n.label !== 'Paper') shown.set(c, (shown.get(c) ?? 0) + 1);
  }
  const clusters: OverviewCluster[] = ranked.communities
    .map((c) => ({
      id: c.id,
      name: c.name,
      size: c.size,
      counts: c.counts,
      shown: shown.get(c.id) ?? 0,
      omitted: c.size - (shown.get(c.id) ?? 0),
    }))
    .filter((c) => c.omitted > 0 && c.size > 1);
  return {
    graph: { nodes, edges },
    total,
    truncated: nodes.length < total,
    omitted: total - nodes.length,
    selection: 'importance',
    clusters,
  };
}
