// Every Cypher statement the ingest runs, in one module. Labels and relationship types are spliced
// in only after checking them against the whitelists in src/shared/graph.ts; all data is $params.
import {
  isNodeLabel,
  isRelationshipType,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
} from '../../src/shared/graph.js';

const ALIASED: readonly NodeLabel[] = ['Method', 'Architecture', 'Dataset'];

function checkedLabel(label: string): NodeLabel {
  if (!isNodeLabel(label))
    throw new Error(`ingest/load/cypher: "${label}" is not a node label (expected one of ${NODE_LABELS.join(', ')})`);
  return label;
}

function checkedType(type: string): RelationshipType {
  if (!isRelationshipType(type)) {
    throw new Error(`ingest/load/cypher: "${type}" is not a relationship type (expected one of ${RELATIONSHIP_TYPES.join(', ')})`);
  }
  return type;
}

const nodeCache = new Map<string, string>();

/** List properties unioned on merge, per label. */
function unionKeys(label: NodeLabel): string[] {
  if (ALIASED.includes(label)) return ['aliases', 'aliasKeys'];
  return label === 'Paper' ? ['sources'] : [];
}

/**
 * MERGE nodes of one label on their constraint-backed id, with the common `Entity` label and the
 * name key. Existing values win and new ones fill the gaps; aliases and sources are unioned.
 * Every node records the runs that wrote it (`runs`), and what a run added to a node another run
 * created (`runKeys`: "<run> <key>" for a filled property, "<run> <list> <value>" for a list
 * item), so that undoing the run can take exactly that back. Property keys are data (`n[k]`).
 * Rows: {id, props, nameKey, aliases, aliasKeys, sources}; $run: the run id.
 */
export function mergeNodes(label: string): string {
  const l = checkedLabel(label);
  let statement = nodeCache.get(l);
  if (statement) return statement;
  const lines = [
    'UNWIND $rows AS row',
    `MERGE (n:${l} {id: row.id})`,
    'ON CREATE SET n += row.props, n.runs = [$run]',
    'WITH n, row, NOT $run IN n.runs AS other',
    'SET n:Entity, n.nameKey = coalesce(n.nameKey, row.nameKey)',
    'FOREACH (_ IN CASE WHEN other THEN [1] ELSE [] END | SET n.runs = n.runs + $run)',
    'WITH n, row, other, [k IN keys(row.props) WHERE n[k] IS NULL] AS missing',
    'FOREACH (k IN missing | SET n[k] = row.props[k])',
    "FOREACH (_ IN CASE WHEN other AND size(missing) > 0 THEN [1] ELSE [] END | SET n.runKeys = coalesce(n.runKeys, []) + [k IN missing | $run + ' ' + k])",
  ];
  for (const key of unionKeys(l)) {
    lines.push(
      `WITH n, row, other, reduce(acc = [], x IN row.${key} | CASE WHEN x IN acc OR x IN coalesce(n.${key}, []) THEN acc ELSE acc + x END) AS added`,
      `FOREACH (_ IN CASE WHEN size(added) > 0 THEN [1] ELSE [] END | SET n.${key} = coalesce(n.${key}, []) + added)`,
      `FOREACH (_ IN CASE WHEN other AND size(added) > 0 THEN [1] ELSE [] END | SET n.runKeys = coalesce(n.runKeys, []) + [x IN added | $run + ' ${key} ' + x])`,
    );
  }
  if (l === 'Paper') lines.push("FOREACH (_ IN CASE WHEN n.abstract IS NULL THEN [1] ELSE [] END | SET n.abstract = '')");
  lines.push('RETURN count(n) AS written');
  statement = lines.join('\n');
  nodeCache.set(l, statement);
  return statement;
}

const relCache = new Map<string, string>();

/** Adds $run to a relationship's or node's `runs` when it is not there yet (used after MERGE ... ON MATCH). */
const ADD_RUN = (v: string) =>
  `${v}.runs = CASE WHEN $run IN coalesce(${v}.runs, []) THEN ${v}.runs ELSE coalesce(${v}.runs, []) + $run END`;

/**
 * MERGE relationships of one type between nodes matched by label and id (index seeks), keyed on
 * the relationship id (unique per type); `runs` records the runs that wrote it.
 * Rows: {id, source, target, props}; $run: the run id.
 */
export function mergeRelationships(type: string, sourceLabel: string, targetLabel: string): string {
  const t = checkedType(type);
  const s = checkedLabel(sourceLabel);
  const d = checkedLabel(targetLabel);
  const key = `${t}|${s}|${d}`;
  let statement = relCache.get(key);
  if (statement) return statement;
  statement = [
    'UNWIND $rows AS row',
    `MATCH (a:${s} {id: row.source})`,
    `MATCH (b:${d} {id: row.target})`,
    `MERGE (a)-[r:${t} {id: row.id}]->(b)`,
    'ON CREATE SET r += row.props, r.runs = [$run]',
    `ON MATCH SET ${ADD_RUN('r')}`,
    'RETURN count(r) AS written',
  ].join('\n');
  relCache.set(key, statement);
  return statement;
}

/**
 * Finds, for each incoming paper, the stored paper it is: the same id, else the same arXiv id,
 * else the same DOI, else the same normalized title — never across conflicting arXiv ids or DOIs.
 * Rows: {id, arxivId, doi, titleKey}. Returns id, existing.
 */
export const RESOLVE_PAPERS = `
UNWIND $rows AS row
OPTIONAL MATCH (s:Paper {id: row.id})
WITH row, s.id AS byId
OPTIONAL MATCH (a:Paper {arxivId: row.arxivId})
WITH row, byId, head(collect(a.id)) AS byArxiv
OPTIONAL MATCH (d:Paper {doi: row.doi})
  WHERE row.arxivId IS NULL OR d.arxivId IS NULL OR d.arxivId = row.arxivId
WITH row, byId, byArxiv, head(collect(d.id)) AS byDoi
OPTIONAL MATCH (t:Paper {titleKey: row.titleKey})
  WHERE (row.arxivId IS NULL OR t.arxivId IS NULL OR t.arxivId = row.arxivId)
    AND (row.doi IS NULL OR t.doi IS NULL OR t.doi = row.doi)
WITH row, byId, byArxiv, byDoi, head(collect(t.id)) AS byTitle
RETURN row.id AS id, coalesce(byId, byArxiv, byDoi, byTitle) AS existing`;

/**
 * Attaches Papers-with-Code repositories to stored papers found by arXiv id or normalized title.
 * Rows: {arxivId, titleKey, repoId, repo: {url, host, owner, name}, nameKey, props}; $run. Returns written.
 */
export const ATTACH_CODE_LINKS = `
UNWIND $rows AS row
OPTIONAL MATCH (byArxiv:Paper {arxivId: row.arxivId})
WITH row, head(collect(byArxiv)) AS p1
OPTIONAL MATCH (byTitle:Paper {titleKey: row.titleKey})
  WHERE p1 IS NULL
WITH row, p1, head(collect(byTitle)) AS p2
WITH row, coalesce(p1, p2) AS p
WHERE p IS NOT NULL
MERGE (r:Repository {id: row.repoId})
  ON CREATE SET r += row.repo, r.nameKey = row.nameKey, r.runs = [$run]
  ON MATCH SET ${ADD_RUN('r')}
SET r:Entity
MERGE (p)-[e:HAS_CODE {id: 'HAS_CODE:' + p.id + '->' + row.repoId}]->(r)
  ON CREATE SET e += row.props, e.paperId = p.id, e.runs = [$run]
  ON MATCH SET ${ADD_RUN('e')}
RETURN count(e) AS written`;

/**
 * Deletes the whole graph in batches (the schema stays): relationships first, so no batch holds a
 * dense node's every relationship (that exceeds the transaction memory limit). Auto-commit transactions.
 * Curation records stay: they are a person's work, applied again over whatever is loaded next.
 */
export const DELETE_GRAPH = [
  'MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS',
  'MATCH (n) WHERE NOT n:Curation CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
];

export const COUNT_NODES = 'MATCH (n) RETURN count(n) AS nodes';

/** Stores references the runs could not resolve; `runs` records the runs that made each. Rows: {id, props}; $run. */
export const STORE_PENDING = `
UNWIND $rows AS row
MERGE (r:PendingRef {id: row.id})
  ON CREATE SET r += row.props, r.runs = [$run]
  ON MATCH SET ${ADD_RUN('r')}
RETURN count(r) AS written`;

/** Unions the runs of the pending reference into a relationship it resolved to. */
const ADD_REF_RUNS = (v: string) => `${v}.runs = coalesce(${v}.runs, []) + [x IN r.runs WHERE NOT x IN coalesce(${v}.runs, [])]`;

/**
 * The entity a pending name reference points at: an entity whose name key (else one of whose
 * alias keys) is the reference's, proposed by another paper (its owner) and not by the citing
 * paper — as the extractor resolves a name within one run. $ids: PendingRef ids. Keys are letters
 * and digits only (checked before they are stored), so quoting one makes an exact Lucene term.
 */
const NAME_TARGET = `
UNWIND $ids AS rid
MATCH (r:PendingRef {id: rid}) WHERE r.kind = 'name'
MATCH (from:Paper {id: r.from})
CALL (r) {
  MATCH (e:Entity {nameKey: r.targetKey}) RETURN e, 0 AS rank
  UNION
  CALL db.index.fulltext.queryNodes('entity_alias_keys', '"' + r.targetKey + '"') YIELD node RETURN node AS e, 1 AS rank
}
WITH r, from, e, rank WHERE (e:Method OR e:Architecture OR e:Dataset) AND NOT (from)-[:PROPOSES]->(e)
MATCH (owner:Paper)-[:PROPOSES]->(e) WHERE owner <> from
WITH r, from, e, owner ORDER BY rank, e.id, owner.id
WITH r, from, head(collect({e: e, owner: owner})) AS pick
WITH r, from, pick.e AS e, pick.owner AS owner`;

/** Resolved name references: the lineage link from the citing paper's contribution (not to datasets). */
export const RESOLVE_NAME_BUILDS_ON = `${NAME_TARGET}
WITH r, from, e WHERE r.source IS NOT NULL AND r.source <> e.id AND NOT e:Dataset
MATCH (s:Entity {id: r.source})
MERGE (s)-[b:BUILDS_ON {id: 'BUILDS_ON:' + s.id + '->' + e.id + '@' + from.id}]->(e)
  ON CREATE SET b.evidence = r.evidence, b.paperId = from.id, b.confidence = r.confidence, b.extractor = r.extractor,
    b.source = 'extraction', b.kind = r.buildsOnKind, b.runs = r.runs
  ON MATCH SET ${ADD_REF_RUNS('b')}
RETURN count(b) AS written`;

/** Resolved name references: the citing paper uses the entity (not datasets). */
export const RESOLVE_NAME_USES = `${NAME_TARGET}
WITH r, from, e WHERE NOT e:Dataset
MERGE (from)-[u:USES {id: 'USES:' + from.id + '->' + e.id}]->(e)
  ON CREATE SET u.evidence = r.evidence, u.paperId = from.id, u.confidence = r.confidence, u.extractor = 'cross-paper/mention', u.runs = r.runs
  ON MATCH SET ${ADD_REF_RUNS('u')}
RETURN count(u) AS written`;

/** Resolved name references: the citing paper cites the entity's owner (inferred). */
export const RESOLVE_NAME_CITES = `${NAME_TARGET}
MERGE (from)-[c:CITES {id: 'CITES:' + from.id + '->' + owner.id}]->(owner)
  ON CREATE SET c.evidence = r.evidence, c.paperId = from.id, c.confidence = r.confidence, c.extractor = 'cross-paper',
    c.inferred = true, c.runs = r.runs
  ON MATCH SET ${ADD_REF_RUNS('c')}
RETURN count(c) AS written`;

/** The paper a pending paper reference points at: by arXiv id, else DOI, else normalised title. $ids. */
const PAPER_TARGET = `
UNWIND $ids AS rid
MATCH (r:PendingRef {id: rid}) WHERE r.kind IN ['paper', 'introduced']
OPTIONAL MATCH (pa:Paper {arxivId: r.arxivId})
WITH r, head(collect(pa)) AS pa
OPTIONAL MATCH (pd:Paper {doi: r.doi}) WHERE pa IS NULL
WITH r, pa, head(collect(pd)) AS pd
OPTIONAL MATCH (pt:Paper {titleKey: r.titleKey}) WHERE pa IS NULL AND pd IS NULL
WITH r, pa, pd, head(collect(pt)) AS pt
WITH r, coalesce(pa, pd, pt) AS p,
  CASE WHEN pa IS NOT NULL THEN 'arXiv ' + r.arxivId WHEN pd IS NOT NULL THEN 'DOI ' + r.doi ELSE 'title' END AS how
WHERE p IS NOT NULL AND p.id <> r.from`;

/** Resolved record references: CITES from the citing paper. */
export const RESOLVE_PAPER_CITES = `${PAPER_TARGET}
WITH r, p, how WHERE r.kind = 'paper'
MATCH (from:Paper {id: r.from})
MERGE (from)-[c:CITES {id: 'CITES:' + from.id + '->' + p.id}]->(p)
  ON CREATE SET c.evidence = r.evidence + ' (matched by ' + how + ')', c.paperId = from.id, c.confidence = r.confidence,
    c.extractor = r.extractor, c.runs = r.runs
  ON MATCH SET ${ADD_REF_RUNS('c')}
RETURN count(c) AS written`;

/** Resolved introducing papers (Papers-with-Code methods): the paper PROPOSES the method. */
export const RESOLVE_PAPER_PROPOSES = `${PAPER_TARGET}
WITH r, p WHERE r.kind = 'introduced'
MATCH (m:Entity {id: r.from})
MERGE (p)-[x:PROPOSES {id: 'PROPOSES:' + p.id + '->' + m.id}]->(m)
  ON CREATE SET x.evidence = r.evidence, x.paperId = p.id, x.confidence = r.confidence, x.extractor = r.extractor, x.runs = r.runs
  ON MATCH SET ${ADD_REF_RUNS('x')}
RETURN count(x) AS written`;

/**
 * Stored pending references a run's nodes may complete: names of the entities it wrote, and the
 * arXiv ids, DOIs and title keys of the papers it wrote. $run. Returns id.
 */
export const PENDING_FOR_RUN = `
MATCH (e:Method|Architecture|Dataset) WHERE $run IN e.runs
UNWIND [e.nameKey] + coalesce(e.aliasKeys, []) AS k
MATCH (r:PendingRef {targetKey: k})
RETURN DISTINCT r.id AS id
UNION
MATCH (p:Paper) WHERE $run IN p.runs
CALL (p) {
  MATCH (r:PendingRef {arxivId: p.arxivId}) RETURN r
  UNION
  MATCH (r:PendingRef {doi: p.doi}) RETURN r
  UNION
  MATCH (r:PendingRef {titleKey: p.titleKey}) RETURN r
}
RETURN DISTINCT r.id AS id`;

/** Records a run as it starts. $run, $files, $extractorVersion, $startedAt. */
export const START_RUN = `
CREATE (r:IngestRun {id: $run, files: $files, extractorVersion: $extractorVersion, startedAt: $startedAt, status: 'running'})`;

/** Records how a run ended. $run, $props. */
export const FINISH_RUN = 'MATCH (r:IngestRun {id: $run}) SET r += $props';

/** The degree updateDegrees gives a run's record (it has no relationships), for a graph whose other degrees are stored. $run. */
export const SET_RUN_DEGREE = 'MATCH (r:IngestRun {id: $run}) SET r.degree = 0';

export const LIST_RUNS = 'MATCH (r:IngestRun) RETURN properties(r) AS run ORDER BY r.startedAt, r.id';

export const GET_RUN = 'MATCH (r:IngestRun {id: $run}) RETURN properties(r) AS run';

/**
 * Undoing a run, in order (auto-commit, batched): relationships only it wrote go, the others
 * forget it; nodes only it wrote go (with any relationship left on them), the others forget it
 * and lose what it added (filled properties, list items); then its record goes.
 */
export const UNDO_RUN = [
  'MATCH ()-[r]->() WHERE r.runs = [$run] CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS',
  'MATCH ()-[r]->() WHERE $run IN r.runs CALL (r) { SET r.runs = [x IN r.runs WHERE x <> $run] } IN TRANSACTIONS OF 10000 ROWS',
  'MATCH (n) WHERE n.runs = [$run] CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
  `MATCH (n) WHERE $run IN n.runs
CALL (n) {
  WITH n, [k IN coalesce(n.runKeys, []) WHERE k STARTS WITH $run + ' '] AS mine
  WITH n, mine, [k IN mine WHERE NOT substring(k, size($run) + 1) CONTAINS ' ' | substring(k, size($run) + 1)] AS props,
    [x IN coalesce(n.aliases, []) WHERE NOT ($run + ' aliases ' + x) IN mine] AS aliases,
    [x IN coalesce(n.aliasKeys, []) WHERE NOT ($run + ' aliasKeys ' + x) IN mine] AS aliasKeys,
    [x IN coalesce(n.sources, []) WHERE NOT ($run + ' sources ' + x) IN mine] AS sources
  SET n.runs = [x IN n.runs WHERE x <> $run],
    n.runKeys = CASE WHEN size(mine) = size(coalesce(n.runKeys, [])) THEN null ELSE [k IN n.runKeys WHERE NOT k IN mine] END,
    n.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END,
    n.aliasKeys = CASE WHEN size(aliasKeys) = 0 THEN null ELSE aliasKeys END,
    n.sources = CASE WHEN size(sources) = 0 THEN null ELSE sources END
  FOREACH (k IN props | SET n[k] = null)
} IN TRANSACTIONS OF 10000 ROWS`,
  'MATCH (r:IngestRun {id: $run}) DELETE r',
];
