// GET /api/overview: a graph that fits whole is returned whole; a larger one as the first nodes of
// the ranking stored after each load (src/neo4j/importance: ideas by lineage importance, each with its
// proposing paper), the edges among them, and the communities the selection leaves partly out, each
// drawn as a cluster node with the lineage links between clusters and shown ideas aggregated.
import type { Database } from '../../../neo4j/driver.js';
import { OVERVIEW_MAX, type ClusterLink, type Community } from '../../../neo4j/importance/index.js';
import { readTx } from '../../../neo4j/session.js';
import { GraphCollector, leanGraph, nodeId } from '../../convert.js';
import {
  clusterNodeId,
  NODE_LABELS,
  type NodeLabel,
  type RelationshipType,
  type WireEdge,
  type WireGraph,
  type WireNode,
} from '../../../shared/graph.js';
import type { OverviewCluster, OverviewResponse } from '../../../shared/api/graph.js';
import { countOf, type GraphStateReader } from './graph-state.js';
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

/** The ranked ideas, papers and concepts (index seeks on overviewRank) and their outgoing links to other ranked nodes. */
const RANKED = `CALL () {
  MATCH (n:Entity) WHERE n.overviewRank < $max RETURN n
  UNION
  MATCH (n:Paper) WHERE n.overviewRank < $max RETURN n
}
WITH n ORDER BY n.overviewRank
OPTIONAL MATCH (n)-[r]->(m) WHERE m.overviewRank < $max
RETURN n, collect(r) AS rels`;

/** The stored summary's communities and cluster links, read with the ranking (too large to read per request). */
const SUMMARY = `OPTIONAL MATCH (s:GraphSummary {id: 'overview'}) RETURN s.communities AS communities, s.clusterLinks AS links`;

export interface Ranked {
  signature: string;
  graph: WireGraph;
  rank: Map<string, number>;
  communities: Community[];
  /** Lineage links between ranked ideas and communities, aggregated (see clusterLinks). */
  links: ClusterLink[];
}

export interface OverviewOptions {
  labels: readonly NodeLabel[];
  types: readonly RelationshipType[];
  /** The largest graph returned whole. */
  limit: number;
  /** Ranked nodes in an overview (0: `limit`). */
  top: number;
}

/** Distinct overview answers (labels, types, limit) kept as JSON per stored ranking. */
const ANSWERS_KEPT = 32;

/**
 * Holds the ranked overview (at most OVERVIEW_MAX nodes) read once per stored ranking, and the JSON
 * of each distinct answer cut from it, so serving the overview is one count-store read (shared by
 * concurrent requests, see graph-state.ts) and a copy; a new load is seen by the next request.
 */
export class OverviewReader {
  private cached: Promise<Ranked> | undefined;
  private cachedSignature: string | undefined;
  private readonly answers = new Map<string, Buffer>();

  constructor(
    private readonly db: Database,
    private readonly state: GraphStateReader,
  ) {}

  /**
   * The answer of GET /api/overview, serialised (an OverviewResponse) as UTF-8: kept as bytes, so a
   * kept answer (half a megabyte at 100k papers) is neither measured nor encoded again per request.
   */
  async overviewJson(options: OverviewOptions, timeoutMs?: number): Promise<Buffer> {
    const { nodeCounts, stored } = await this.state.read(timeoutMs);
    const total = countOf(nodeCounts, options.labels);
    const allNodes = nodeCounts.reduce((a, b) => a + b, 0);
    // The stored signature's node part (relationship counts follow it in the stored string); the
    // stored string also holds when it was computed, so a recomputation the counts do not show, such
    // as a retargeted link, is a new ranking too.
    const fresh = stored !== null && stored.startsWith(`${nodeCounts.join(',')},`);
    if (allNodes <= options.limit || !fresh) {
      return Buffer.from(JSON.stringify(await this.live(options, total, allNodes <= options.limit ? 'all' : 'degree', timeoutMs)));
    }
    if (!this.cached || this.cachedSignature !== stored) {
      this.cachedSignature = stored;
      this.answers.clear();
      this.cached = this.readRanked(stored, timeoutMs);
      this.cached.catch(() => (this.cached = undefined));
    }
    const ranked = await this.cached;
    const key = `${ranked.signature}|${options.labels.join(',')}|${options.types.join(',')}|${options.limit}|${options.top}|${total}`;
    let json = this.answers.get(key);
    if (json === undefined) {
      json = Buffer.from(JSON.stringify(slice(ranked, options, total)));
      if (this.answers.size >= ANSWERS_KEPT) this.answers.clear();
      this.answers.set(key, json);
    }
    return json;
  }

  private async readRanked(signature: string, timeoutMs?: number): Promise<Ranked> {
    const read = await readTx(
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
        const nodes = result.records.map((r) => byId.get(nodeId(r.get('n')))!);
        const summary = (await tx.run(SUMMARY)).records[0];
        const text = (key: string) => (summary?.get(key) as string | null | undefined) ?? '[]';
        return {
          graph: { nodes, edges: g.edges },
          communities: JSON.parse(text('communities')) as Community[],
          links: JSON.parse(text('links')) as ClusterLink[],
        };
      },
      timeoutMs,
    );
    return { signature, ...read, rank: new Map(read.graph.nodes.map((n, i) => [n.id, i])) };
  }

  private async live(options: OverviewOptions, total: number, selection: 'degree' | 'all', timeoutMs?: number): Promise<OverviewResponse> {
    return readTx(
      this.db,
      async (tx) => {
        const limit = selection === 'all' || options.top === 0 ? options.limit : options.top;
        const top = await tx.run(BY_DEGREE, { labels: options.labels, limit: int(limit) });
        const eids = top.records.map((r) => r.get('eid') as string);
        const graph = await subgraph(tx, eids, options.types);
        return { graph, total, truncated: eids.length < total, omitted: total - eids.length, selection, clusters: [] };
      },
      timeoutMs,
    );
  }
}

/** Fewest ideas left out for a community to be drawn as a cluster node (a group of one or two is clutter). */
export const MIN_DRAWN = 3;
/** The most cluster nodes an overview draws (the most important communities); `clusters` lists them all. */
export const MAX_CLUSTERS_DRAWN = 30;

/**
 * Summed-up links kept per end and kind (between two clusters, or between an idea and a cluster): an
 * edge stays when it is among the strongest of its kind at either of its ends.
 */
export const STRONGEST_PER_END = 3;
/** The most summed-up links of each kind an overview draws (the strongest): more would hide the map under its links. */
export const MAX_AGGREGATED = 200;

const AGGREGATE_ID = (source: string, target: string) => `cluster-link:${source}>${target}`;

/** Ideas of a cluster as its node says them: the community, its size and how many the overview shows. */
function clusterNode(c: OverviewCluster): WireNode {
  return {
    id: clusterNodeId(c.id),
    label: 'Cluster',
    name: c.name,
    properties: { community: c.id, size: c.size, shown: c.shown, omitted: c.omitted, counts: c.counts },
  };
}

/**
 * The aggregated BUILDS_ON edges of an overview: each stored link joins its shown ends, or for an end
 * not shown the cluster of its community; links between two shown ideas are the graph's own edges.
 * Of the sums, only the STRONGEST_PER_END of each end and kind (by count) are kept, at most
 * MAX_AGGREGATED of each kind, so links between clusters are not crowded out by those to hub ideas.
 */
export function clusterEdges(
  links: readonly ClusterLink[],
  rankedIds: readonly string[],
  shown: ReadonlySet<string>,
  clustered: ReadonlySet<number>,
): WireEdge[] {
  const end = (rank: number, community: number): string | undefined => {
    const id = rank >= 0 ? rankedIds[rank] : undefined;
    if (id !== undefined && shown.has(id)) return id;
    return clustered.has(community) ? clusterNodeId(community) : undefined;
  };
  const counts = new Map<string, { source: string; target: string; count: number }>();
  for (const [cr, cc, pr, pc, count] of links) {
    const source = end(cr, cc);
    const target = end(pr, pc);
    if (source === undefined || target === undefined || source === target) continue;
    if (shown.has(source) && shown.has(target)) continue;
    const id = AGGREGATE_ID(source, target);
    const row = counts.get(id);
    if (row) row.count += count;
    else counts.set(id, { source, target, count });
  }
  const byCount = [...counts.entries()].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0));
  const perEnd = new Map<string, number>();
  const perKind = new Map<boolean, number>();
  const kept = byCount.filter(([, { source, target }]) => {
    const between = !shown.has(source) && !shown.has(target);
    const s = `${source}|${between}`;
    const t = `${target}|${between}`;
    const strong = (perEnd.get(s) ?? 0) < STRONGEST_PER_END || (perEnd.get(t) ?? 0) < STRONGEST_PER_END;
    perEnd.set(s, (perEnd.get(s) ?? 0) + 1);
    perEnd.set(t, (perEnd.get(t) ?? 0) + 1);
    if (!strong || (perKind.get(between) ?? 0) >= MAX_AGGREGATED) return false;
    perKind.set(between, (perKind.get(between) ?? 0) + 1);
    return true;
  });
  return kept.map(([id, { source, target, count }]) => ({
    id,
    type: 'BUILDS_ON',
    source,
    target,
    properties: { count, aggregate: true },
  }));
}

/** How many names a cluster's name gives. */
const CLUSTER_NAMES = 3;

/**
 * Clusters' names: a community's most important ideas that the overview does not draw, best first
 * (`ranked` is in rank order), since its cluster stands for those ("MAP +1,465" beside MAP itself
 * would name the one idea it does not hold). A community none of whose ranked ideas is left out
 * keeps its stored name (its most important members).
 */
export function clusterNames(ranked: readonly WireNode[], shown: ReadonlySet<string>): Map<number, string> {
  const names = new Map<number, string[]>();
  for (const n of ranked) {
    const community = n.properties.community;
    if (n.label === 'Paper' || typeof community !== 'number' || shown.has(n.id)) continue;
    const list = names.get(community) ?? [];
    if (list.length < CLUSTER_NAMES) names.set(community, [...list, n.name]);
  }
  return new Map([...names].map(([community, list]) => [community, list.join(', ')]));
}

/**
 * The first `top` (else `limit`) ranked nodes of the asked labels, the edges of the asked types among
 * them, and the clusters they leave out, drawn as nodes with their aggregated lineage links.
 */
export function slice(ranked: Ranked, options: OverviewOptions, total: number): OverviewResponse {
  const labels = new Set<string>(options.labels);
  const types = new Set<string>(options.types);
  const count = options.top > 0 ? options.top : options.limit;
  const nodes: WireNode[] = ranked.graph.nodes.filter((n) => labels.has(n.label)).slice(0, count);
  const ids = new Set(nodes.map((n) => n.id));
  const edges = ranked.graph.edges.filter((e) => types.has(e.type) && ids.has(e.source) && ids.has(e.target));
  const shown = new Map<number, number>();
  for (const n of nodes) {
    const c = n.properties.community;
    if (typeof c === 'number' && n.label !== 'Paper') shown.set(c, (shown.get(c) ?? 0) + 1);
  }
  const names = clusterNames(ranked.graph.nodes, ids);
  const clusters: OverviewCluster[] = ranked.communities
    .map((c) => ({
      id: c.id,
      name: names.get(c.id) ?? c.name,
      size: c.size,
      counts: c.counts,
      shown: shown.get(c.id) ?? 0,
      omitted: c.size - (shown.get(c.id) ?? 0),
    }))
    .filter((c) => c.omitted > 0 && c.size > 1);
  // Clusters are communities of ideas of every kind: drawn when all kinds of ideas are asked for (a
  // request for Methods only gets Methods only; `clusters` still lists what it leaves out).
  const drawn = ['Method', 'Architecture', 'Dataset'].every((l) => labels.has(l))
    ? clusters.filter((c) => c.omitted >= MIN_DRAWN).slice(0, MAX_CLUSTERS_DRAWN)
    : [];
  const aggregated = types.has('BUILDS_ON')
    ? clusterEdges(
        ranked.links,
        ranked.graph.nodes.map((n) => n.id),
        ids,
        new Set(drawn.map((c) => c.id)),
      )
    : [];
  return {
    graph: { nodes: [...nodes, ...drawn.map(clusterNode)], edges: [...edges, ...aggregated] },
    total,
    truncated: nodes.length < total,
    omitted: total - nodes.length,
    selection: 'importance',
    clusters,
  };
}
