// The API's data access: every Cypher statement the fixed endpoints run, parameterized, with labels
// and relationship types only from the whitelists in src/shared/graph.ts. All reads are read transactions.
import neo4j, { type ManagedTransaction, type Node, type Path, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import type { Database } from '../../neo4j/driver.js';
import { readTx } from '../../neo4j/session.js';
import { GraphCollector, nodeId, toPlain, toWireEdge, toWireNode } from '../convert.js';
import {
  labelOfId,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
  type WireGraph,
  type WireNode,
} from '../../shared/graph.js';

const int = (n: number) => neo4j.int(n);


const LOCATE_BY_LABEL = Object.fromEntries(
  NODE_LABELS.map((label) => [label, `MATCH (n:${label} {id: $id}) RETURN elementId(n) AS eid, n LIMIT 1`]),
) as Record<NodeLabel, string>;

const LOCATE_ANY = `CALL () {
  ${NODE_LABELS.map((label) => `MATCH (n:${label} {id: $id}) RETURN n`).join('\n  UNION\n  ')}
}
RETURN elementId(n) AS eid, n LIMIT 1`;

export interface Located {
  eid: string;
  node: Node;
}

/** Finds a node by its `id` with an index seek on the label its prefix names, else on every label. */
export async function locate(tx: ManagedTransaction, id: string): Promise<Located | undefined> {
  const label = labelOfId(id);
  for (const query of label ? [LOCATE_BY_LABEL[label], LOCATE_ANY] : [LOCATE_ANY]) {
    const result = await tx.run(query, { id });
    const record = result.records[0];
    if (record) return { eid: record.get('eid') as string, node: record.get('n') as Node };
  }
  return undefined;
}

/** One statement per label, each starting with `MATCH (n:<Label> {id: $id})` (labels from the whitelist). */
function perLabel(make: (label: NodeLabel) => string): Record<NodeLabel, string> {
  return Object.fromEntries(NODE_LABELS.map((label) => [label, make(label)])) as Record<NodeLabel, string>;
}

/**
 * Runs a per-label statement on the node with this id in one round trip: the label comes from the
 * id's prefix; only when that finds nothing is the node looked up on every label. Statements must
 * return at least one row when the node exists; undefined means there is no such node.
 */
async function runOnNode(
  tx: ManagedTransaction,
  id: string,
  statements: Record<NodeLabel, string>,
  params: Record<string, unknown>,
): Promise<Neo4jRecord[] | undefined> {
  const guess = labelOfId(id);
  if (guess) {
    const result = await tx.run(statements[guess], { ...params, id });
    if (result.records.length > 0) return result.records;
  }
  const found = (await tx.run(LOCATE_ANY, { id })).records[0];
  if (!found) return undefined;
  const label = toWireNode(found.get('n') as Node).label;
  if (label === guess) return [];
  return (await tx.run(statements[label], { ...params, id })).records;
}

// ---------------------------------------------------------------- health

const HEALTH = `CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition,
  {${NODE_LABELS.map((l) => `${l}: COUNT { (:${l}) }`).join(', ')}} AS nodes,
  {${RELATIONSHIP_TYPES.map((t) => `${t}: COUNT { ()-[:${t}]->() }`).join(', ')}} AS relationships`;

export interface Health {
  neo4j: { name: string; version: string; edition: string };
  database: string;
  counts: { nodes: Record<NodeLabel, number>; relationships: Record<RelationshipType, number> };
}

/**
 * Asks Neo4j for its version and the counts per label. An auto-commit READ transaction, not
 * executeRead: when Neo4j is down this must fail at once, not after the driver's retries.
 */
export async function health(db: Database, timeoutMs: number): Promise<Health> {
  const session = db.session('READ');
  try {
    const result = await session.run(HEALTH, {}, { timeout: timeoutMs });
    const record = result.records[0]!;
    return {
      neo4j: { name: String(record.get('name')), version: String(record.get('version')), edition: String(record.get('edition')) },
      database: db.database,
      counts: {
        nodes: toPlain(record.get('nodes')) as Record<NodeLabel, number>,
        relationships: toPlain(record.get('relationships')) as Record<RelationshipType, number>,
      },
    };
  } finally {
    await session.close();
  }
}

const PAPER_COUNT = 'MATCH (p:Paper) RETURN count(p) AS papers';

/** How many papers the database holds (0 means: load the default corpus on first start). */
export async function paperCount(db: Database, timeoutMs?: number): Promise<number> {
  return readTx(db, async (tx) => toPlain((await tx.run(PAPER_COUNT)).records[0]?.get('papers')) as number, timeoutMs);
}

// ---------------------------------------------------------------- search

/** Cypher for "lower-cased, without spaces and punctuation", so "Self-Distillation" matches "self distillation". */
const squash = (expr: string) =>
  [' ', '-', '_', '.', ',', ':', ';', '/', '(', ')', "\\'", '"', '+', '&'].reduce((e, c) => `replace(${e}, '${c}', '')`, `toLower(${expr})`);

const SEARCH = `CALL db.index.fulltext.queryNodes('node_text', $lucene, {limit: $fetch}) YIELD node, score
WHERE any(l IN labels(node) WHERE l IN $labels)
WITH node, score, ${squash("coalesce(node.name, node.title, node.url, '')")} AS name,
     [a IN coalesce(node.aliases, []) | ${squash('toString(a)')}] AS aliases
WITH node, score, name, aliases, CASE
    WHEN name = $text OR $text IN aliases THEN 2
    WHEN name STARTS WITH $text OR any(a IN aliases WHERE a STARTS WITH $text) THEN 1
    ELSE 0 END AS rank
RETURN node, score, rank, CASE WHEN rank > 0 AND NOT (name STARTS WITH $text)
    THEN [i IN range(0, size(aliases) - 1) WHERE aliases[i] STARTS WITH $text | node.aliases[i]][0] END AS matched
ORDER BY rank DESC, CASE WHEN rank = 1 THEN size(name) ELSE 0 END ASC, score DESC, node.id
LIMIT $limit`;

export interface SearchHit {
  /** The node; its properties leave out the abstract (GET /api/nodes/:id has it). */
  node: WireNode;
  score: number;
  /** The alias that matched when the name itself did not. */
  matched: string | null;
}

export async function search(db: Database, lucene: string, text: string, labels: readonly NodeLabel[], limit: number, timeoutMs?: number): Promise<SearchHit[]> {
  return readTx(db, async (tx) => {
    const result = await tx.run(SEARCH, { lucene, text, labels, limit: int(limit), fetch: int(labels.length === NODE_LABELS.length ? Math.max(limit * 3, 30) : Math.min(limit * 10, 500)) });
    return result.records.map((r) => {
      const node = toWireNode(r.get('node') as Node);
      delete node.properties.abstract;
      return { node, score: Math.round((r.get('score') as number) * 1000) / 1000, matched: (r.get('matched') as string | null) ?? null };
    });
  }, timeoutMs);
}

// ---------------------------------------------------------------- node details

const NODE_DETAILS = perLabel((label) => `MATCH (n:${label} {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r]->()
  WITH type(r) AS type, count(r) AS count WHERE type IS NOT NULL
  RETURN collect({type: type, direction: 'out', count: count}) AS outgoing
}
CALL (n) {
  OPTIONAL MATCH (n)<-[r]-()
  WITH type(r) AS type, count(r) AS count WHERE type IS NOT NULL
  RETURN collect({type: type, direction: 'in', count: count}) AS incoming
}
CALL (n) {
  OPTIONAL MATCH (n)-[r]-(m)
  WITH r, m ORDER BY type(r), coalesce(m.name, m.title, m.id)
  LIMIT $limit
  RETURN collect(r) AS rels, collect(m) AS others
}
RETURN n, outgoing + incoming AS counts, rels, others, COUNT { (n)--() } AS degree`);

export interface RelationshipCount {
  type: string;
  direction: 'in' | 'out';
  count: number;
}

export interface NodeDetails {
  node: WireNode;
  counts: RelationshipCount[];
  degree: number;
  /** The node, its neighbours and the edges between it and them (each with its evidence). */
  graph: WireGraph;
  truncated: boolean;
  omitted: number;
}

export async function nodeDetails(db: Database, id: string, limit: number, timeoutMs?: number): Promise<NodeDetails | undefined> {
  return readTx(db, async (tx) => {
    const record = (await runOnNode(tx, id, NODE_DETAILS, { limit: int(limit) }))?.[0];
    if (!record) return undefined;
    const collector = new GraphCollector();
    collector.add(record.get('n'));
    collector.add(record.get('others'));
    collector.add(record.get('rels'));
    const degree = toPlain(record.get('degree')) as number;
    const shown = (record.get('rels') as Relationship[]).length;
    const counts = (toPlain(record.get('counts')) as unknown as RelationshipCount[]).sort(
      (a, b) => a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction),
    );
    return { node: toWireNode(record.get('n') as Node), counts, degree, graph: collector.graph(), truncated: shown < degree, omitted: degree - shown };
  }, timeoutMs);
}

// ---------------------------------------------------------------- breadth-first expansion

export type Direction = 'out' | 'in' | 'both';

const EXPAND: Record<Direction, string> = {
  out: '(n)-[r]->(m)',
  in: '(n)<-[r]-(m)',
  both: '(n)-[r]-(m)',
};
const EXPAND_QUERY = Object.fromEntries(
  Object.entries(EXPAND).map(([direction, pattern]) => [
    direction,
    `UNWIND $frontier AS eid
MATCH (n) WHERE elementId(n) = eid
MATCH ${pattern}
WHERE type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels)
RETURN DISTINCT elementId(m) AS eid, COUNT { (m)--() } AS degree
LIMIT $max`,
  ]),
) as Record<Direction, string>;

/** The first level of a neighbourhood, fused with finding the start node: one row per neighbour. */
const FIRST_LEVEL = perLabel((label) => `MATCH (n:${label} {id: $id})
OPTIONAL MATCH (n)-[r]-(m)
WHERE type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels)
WITH DISTINCT n, m
RETURN elementId(n) AS start, elementId(m) AS eid, CASE WHEN m IS NULL THEN 0 ELSE COUNT { (m)--() } END AS degree`);

/** Stops exploring once this many nodes were reached (the answer then says "at least"). */
const EXPLORE_CEILING = 20_000;

interface Reached {
  depth: number;
  degree: number;
}

/** Nodes reachable from `start` within `depth` hops over the given types and labels, by distance. */
async function expand(
  tx: ManagedTransaction,
  start: string,
  options: { depth: number; direction: Direction; types: readonly string[]; labels: readonly string[] },
  firstLevel?: Neo4jRecord[],
): Promise<{ reached: Map<string, Reached>; partial: boolean }> {
  const reached = new Map<string, Reached>([[start, { depth: 0, degree: Number.MAX_SAFE_INTEGER }]]);
  let frontier = [start];
  if (firstLevel) {
    frontier = [];
    for (const record of firstLevel) {
      const eid = record.get('eid') as string | null;
      if (eid === null || reached.has(eid)) continue;
      reached.set(eid, { depth: 1, degree: toPlain(record.get('degree')) as number });
      frontier.push(eid);
    }
  }
  let partial = reached.size >= EXPLORE_CEILING;
  for (let depth = firstLevel ? 2 : 1; depth <= options.depth && frontier.length > 0 && !partial; depth++) {
    // LIMIT stops Neo4j expanding a hub's whole neighbourhood once the ceiling is in sight.
    const max = EXPLORE_CEILING - reached.size;
    const result = await tx.run(EXPAND_QUERY[options.direction], { frontier, types: options.types, labels: options.labels, max: int(max) });
    partial = result.records.length >= max;
    const next: string[] = [];
    for (const record of result.records) {
      const eid = record.get('eid') as string;
      if (reached.has(eid)) continue;
      reached.set(eid, { depth, degree: toPlain(record.get('degree')) as number });
      next.push(eid);
    }
    frontier = next;
  }
  return { reached, partial };
}

/** The closest nodes first, the best connected first among equals; `limit` includes the start. */
function pick(reached: Map<string, Reached>, limit: number): string[] {
  return [...reached.entries()]
    .sort(([, a], [, b]) => a.depth - b.depth || b.degree - a.degree)
    .slice(0, limit)
    .map(([eid]) => eid);
}

const SUBGRAPH = `UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
OPTIONAL MATCH (n)-[r]->(m) WHERE type(r) IN $types AND elementId(m) IN $eids
RETURN n, collect(r) AS rels`;

/** The nodes with the given element ids (in that order) and the edges of the given types among them. */
async function subgraph(tx: ManagedTransaction, eids: string[], types: readonly string[]): Promise<WireGraph> {
  const result = await tx.run(SUBGRAPH, { eids, types });
  return collectNodesAndRels(result.records, eids);
}

/** The graph of rows holding a node `n` and its relationships `rels`, nodes in the order of `eids`. */
function collectNodesAndRels(records: Neo4jRecord[], eids: string[]): WireGraph {
  const collector = new GraphCollector();
  const idByEid = new Map<string, string>();
  for (const record of records) {
    const node = record.get('n') as Node;
    idByEid.set(node.elementId, nodeId(node));
    collector.add(node);
    collector.add(record.get('rels'));
  }
  return ordered(collector.graph(), eids, idByEid);
}

function ordered(graph: WireGraph, eidsInOrder: string[], idByEid: Map<string, string>): WireGraph {
  const rank = new Map(eidsInOrder.map((eid, i) => [idByEid.get(eid) ?? eid, i]));
  graph.nodes.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  graph.edges.sort((a, b) => a.id.localeCompare(b.id));
  return graph;
}

// ---------------------------------------------------------------- neighbourhood

export interface Neighbourhood {
  center: string;
  depth: number;
  graph: WireGraph;
  /** Nodes reached (the centre included) before the cap. */
  reached: number;
  truncated: boolean;
  omitted: number;
  /** The exploration stopped early at EXPLORE_CEILING nodes: `reached` is a lower bound. */
  exploredPartially: boolean;
}

/**
 * Depth 1 in one round trip: the neighbours, best connected first, capped, and the edges among
 * them and the centre. One row per chosen node (the centre first).
 */
const DEPTH_ONE = perLabel((label) => `MATCH (c:${label} {id: $id})
CALL (c) {
  OPTIONAL MATCH (c)-[r]-(m)
  WHERE type(r) IN $types AND any(l IN labels(m) WHERE l IN $labels) AND m <> c
  WITH DISTINCT m WHERE m IS NOT NULL
  WITH m, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, m.id
  RETURN collect(m) AS found
}
WITH [c] + found[0..$limit - 1] AS chosen, size(found) + 1 AS reached
UNWIND chosen AS n
OPTIONAL MATCH (n)-[r]->(o) WHERE type(r) IN $types AND o IN chosen
RETURN n, collect(r) AS rels, reached`);

async function neighbourhoodDepthOne(
  tx: ManagedTransaction,
  id: string,
  options: { labels: readonly NodeLabel[]; types: readonly RelationshipType[]; limit: number },
): Promise<Neighbourhood | undefined> {
  const records = await runOnNode(tx, id, DEPTH_ONE, { types: options.types, labels: options.labels, limit: int(options.limit) });
  if (!records || records.length === 0) return undefined;
  const collector = new GraphCollector();
  const order: string[] = [];
  const idByEid = new Map<string, string>();
  for (const record of records) {
    const node = record.get('n') as Node;
    order.push(node.elementId);
    idByEid.set(node.elementId, nodeId(node));
    collector.add(node);
    collector.add(record.get('rels'));
  }
  const reached = toPlain(records[0]!.get('reached')) as number;
  return {
    center: id,
    depth: 1,
    graph: ordered(collector.graph(), order, idByEid),
    reached,
    truncated: records.length < reached,
    omitted: reached - records.length,
    exploredPartially: false,
  };
}

export async function neighbourhood(
  db: Database,
  id: string,
  options: { depth: number; labels: readonly NodeLabel[]; types: readonly RelationshipType[]; limit: number },
  timeoutMs?: number,
): Promise<Neighbourhood | undefined> {
  return readTx(db, async (tx) => {
    if (options.depth === 1) return neighbourhoodDepthOne(tx, id, options);
    const params = { types: options.types, labels: options.labels };
    const first = await runOnNode(tx, id, FIRST_LEVEL, params);
    if (!first || first.length === 0) return undefined;
    const start = first[0]!.get('start') as string;
    const { reached, partial } = await expand(tx, start, { depth: options.depth, direction: 'both', ...params }, first);
    const eids = pick(reached, options.limit);
    const graph = await subgraph(tx, eids, options.types);
    return {
      center: id,
      depth: options.depth,
      graph,
      reached: reached.size,
      truncated: eids.length < reached.size,
      omitted: reached.size - eids.length,
      exploredPartially: partial,
    };
  }, timeoutMs);
}

// ---------------------------------------------------------------- lineage

export type LineageDirection = 'ancestors' | 'descendants' | 'both';

const LINEAGE_NODES = `UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
OPTIONAL MATCH (p:Paper)-[:PROPOSES]->(n)
WITH n, p ORDER BY p.year, p.id
WITH n, collect(CASE WHEN p IS NULL THEN null ELSE {id: p.id, title: p.title, year: p.year} END) AS proposedBy
OPTIONAL MATCH (n)-[r:BUILDS_ON]->(m) WHERE elementId(m) IN $eids
RETURN n, proposedBy, collect(r) AS rels`;

export interface ProposingPaper {
  id: string;
  title: string;
  year: number | null;
}

export interface Lineage {
  root: string;
  direction: LineageDirection;
  depth: number;
  /** Each node's properties gain `proposedBy` (papers, earliest first) and `year` of the earliest. */
  graph: WireGraph;
  truncated: boolean;
  omitted: number;
}

const LINEAGE_LABELS: readonly NodeLabel[] = ['Method', 'Architecture'];

export async function lineage(
  db: Database,
  id: string,
  options: { direction: LineageDirection; depth: number; limit: number },
  timeoutMs?: number,
): Promise<Lineage | 'not-found' | { wrongLabel: NodeLabel }> {
  return readTx(db, async (tx) => {
    const found = await locate(tx, id);
    if (!found) return 'not-found';
    const label = toWireNode(found.node).label;
    if (!LINEAGE_LABELS.includes(label)) return { wrongLabel: label };
    const reached = new Map<string, Reached>();
    const walks: Direction[] = options.direction === 'ancestors' ? ['out'] : options.direction === 'descendants' ? ['in'] : ['out', 'in'];
    for (const direction of walks) {
      const { reached: part } = await expand(tx, found.eid, { depth: options.depth, direction, types: ['BUILDS_ON'], labels: LINEAGE_LABELS });
      for (const [eid, r] of part) {
        const seen = reached.get(eid);
        if (!seen || r.depth < seen.depth) reached.set(eid, r);
      }
    }
    const eids = pick(reached, options.limit);
    const result = await tx.run(LINEAGE_NODES, { eids });
    const proposers = new Map<string, ProposingPaper[]>();
    for (const record of result.records) {
      proposers.set(nodeId(record.get('n') as Node), toPlain(record.get('proposedBy')) as unknown as ProposingPaper[]);
    }
    const graph = collectNodesAndRels(result.records, eids);
    for (const node of graph.nodes) {
      const papers = proposers.get(node.id) ?? [];
      node.properties.proposedBy = papers.map((p) => ({ id: p.id, title: p.title, year: p.year ?? null }));
      const years = papers.map((p) => p.year).filter((y): y is number => typeof y === 'number');
      node.properties.proposedYear = years.length > 0 ? Math.min(...years) : null;
    }
    return { root: id, direction: options.direction, depth: options.depth, graph, truncated: eids.length < reached.size, omitted: reached.size - eids.length };
  }, timeoutMs);
}

// ---------------------------------------------------------------- shortest paths

const PATH_QUERIES = new Map<number, string>();

/** The hop limit of a variable-length pattern cannot be a parameter; it is a validated integer. */
function pathQuery(maxHops: number): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 15) throw new Error(`src/server/db/reads: max hops must be an integer 1-15, got ${maxHops}`);
  let query = PATH_QUERIES.get(maxHops);
  if (!query) {
    query = `MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = allShortestPaths((a)-[*..${maxHops}]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types)
RETURN p LIMIT $limit`;
    PATH_QUERIES.set(maxHops, query);
  }
  return query;
}

export interface PathResult {
  from: string;
  to: string;
  found: boolean;
  length: number | null;
  paths: { nodes: string[]; edges: string[] }[];
  graph: WireGraph;
}

export async function shortestPaths(
  db: Database,
  from: string,
  to: string,
  options: { types: readonly RelationshipType[]; maxHops: number; limit: number },
  timeoutMs?: number,
): Promise<PathResult | { missing: 'from' | 'to' }> {
  return readTx(db, async (tx) => {
    const a = await locate(tx, from);
    if (!a) return { missing: 'from' as const };
    const b = await locate(tx, to);
    if (!b) return { missing: 'to' as const };
    const result = await tx.run(pathQuery(options.maxHops), { from: a.eid, to: b.eid, types: options.types, limit: int(options.limit) });
    const collector = new GraphCollector();
    const paths: PathResult['paths'] = [];
    for (const record of result.records) {
      const path = record.get('p') as Path;
      collector.add(path);
      const idOf = new Map<string, string>([[path.start.elementId, nodeId(path.start)]]);
      for (const segment of path.segments) {
        idOf.set(segment.start.elementId, nodeId(segment.start));
        idOf.set(segment.end.elementId, nodeId(segment.end));
      }
      paths.push({
        nodes: [nodeId(path.start), ...path.segments.map((s) => nodeId(s.end))],
        edges: path.segments.map((s) => {
          const rel = s.relationship;
          return toWireEdge(rel, idOf.get(rel.startNodeElementId)!, idOf.get(rel.endNodeElementId)!).id;
        }),
      });
    }
    const graph = collector.graph();
    return { from, to, found: paths.length > 0, length: paths[0] ? paths[0].nodes.length - 1 : null, paths, graph };
  }, timeoutMs);
}

// ---------------------------------------------------------------- overview

/**
 * The best-connected nodes: per label, the top of the `degree` index (kept by ingest), then the
 * overall top. Labels are spliced from the whitelist only; each branch is skipped unless asked for.
 */
const OVERVIEW = `CALL () {
${NODE_LABELS.map(
  (label) => `  MATCH (n:${label}) WHERE n.degree >= 0 AND '${label}' IN $labels
  RETURN n ORDER BY n.degree DESC LIMIT $limit`,
).join('\n  UNION ALL\n')}
}
WITH n ORDER BY n.degree DESC, n.id LIMIT $limit
RETURN elementId(n) AS eid`;

/** Node counts per label from the count store (no scan). */
const LABEL_COUNTS = `RETURN ${NODE_LABELS.map((label) => `COUNT { (:${label}) } AS ${label}`).join(', ')}`;

export interface Overview {
  graph: WireGraph;
  total: number;
  truncated: boolean;
  omitted: number;
}

export async function overview(db: Database, options: { labels: readonly NodeLabel[]; types: readonly RelationshipType[]; limit: number }, timeoutMs?: number): Promise<Overview> {
  return readTx(db, async (tx) => {
    const top = await tx.run(OVERVIEW, { labels: options.labels, limit: int(options.limit) });
    const eids = top.records.map((r) => r.get('eid') as string);
    const counts = (await tx.run(LABEL_COUNTS)).records[0];
    const total = options.labels.reduce((sum, label) => sum + (toPlain(counts?.get(label)) as number), 0);
    const graph = await subgraph(tx, eids, options.types);
    return { graph, total, truncated: eids.length < total, omitted: total - eids.length };
  }, timeoutMs);
}
