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
  if (!isNodeLabel(label)) throw new Error(`ingest/load/cypher: "${label}" is not a node label (expected one of ${NODE_LABELS.join(', ')})`);
  return label;
}

function checkedType(type: string): RelationshipType {
  if (!isRelationshipType(type)) {
    throw new Error(`ingest/load/cypher: "${type}" is not a relationship type (expected one of ${RELATIONSHIP_TYPES.join(', ')})`);
  }
  return type;
}

const nodeCache = new Map<string, string>();

/**
 * MERGE nodes of one label on their constraint-backed id. Existing values win and new ones fill
 * the gaps (so re-ingesting changes nothing); aliases and sources are unioned. Property keys are
 * data (`n[k]`), never spliced into the statement.
 * Rows: {id, props, aliases, sources}.
 */
export function mergeNodes(label: string): string {
  const l = checkedLabel(label);
  let statement = nodeCache.get(l);
  if (statement) return statement;
  // New nodes get everything at once; stored nodes only get the properties they lack, so
  // re-ingesting writes nothing (and re-indexes nothing).
  const lines = [
    'UNWIND $rows AS row',
    `MERGE (n:${l} {id: row.id})`,
    'ON CREATE SET n += row.props',
    'WITH n, row',
    'FOREACH (k IN [k IN keys(row.props) WHERE n[k] IS NULL] | SET n[k] = row.props[k])',
  ];
  const union = (key: string) =>
    `FOREACH (_ IN CASE WHEN n.${key} IS NULL OR any(x IN row.${key} WHERE NOT x IN n.${key}) THEN [1] ELSE [] END | ` +
    `SET n.${key} = reduce(acc = coalesce(n.${key}, []), x IN row.${key} | CASE WHEN x IN acc THEN acc ELSE acc + x END))`;
  if (ALIASED.includes(l)) lines.push(union('aliases'));
  if (l === 'Paper') {
    lines.push(union('sources'));
    lines.push("FOREACH (_ IN CASE WHEN n.abstract IS NULL THEN [1] ELSE [] END | SET n.abstract = '')");
  }
  lines.push('RETURN count(n) AS written');
  statement = lines.join('\n');
  nodeCache.set(l, statement);
  return statement;
}

const relCache = new Map<string, string>();

/**
 * MERGE relationships of one type between nodes matched by label and id (index seeks), keyed on
 * the relationship id (unique per type). Rows: {id, source, target, props}.
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
    'ON CREATE SET r += row.props',
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
 * Rows: {arxivId, titleKey, repoId, repo: {url, host, owner, name}, props}. Returns written.
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
  ON CREATE SET r += row.repo
MERGE (p)-[e:HAS_CODE {id: 'HAS_CODE:' + p.id + '->' + row.repoId}]->(r)
  ON CREATE SET e += row.props, e.paperId = p.id
RETURN count(e) AS written`;

/** Deletes the whole graph in batches (the schema stays). Run in an auto-commit transaction. */
export const DELETE_GRAPH = 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS';

export const COUNT_NODES = 'MATCH (n) RETURN count(n) AS nodes';
