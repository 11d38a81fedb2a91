// The Cypher of the topic step (ingest/load/topics.ts): papers' keyphrase vectors read in id order,
// entity names looked up, and each batch's Concepts, MENTIONS and SIMILAR_TO brought to what the graph's
// papers give. Kept apart from cypher.ts (the writer's statements); all data is $params.

/**
 * Papers after $after, in id order ($limit of them, found through the id index so that no sort holds
 * every paper's terms in the transaction). $after, $limit. Returns id, terms, counts (null without a vector).
 */
export const PAPER_VECTORS = `
MATCH (p:Paper) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
RETURN p.id AS id, p.terms AS terms, p.termCounts AS counts`;

/**
 * Which of $keys (name keys: letters and digits only) name a method, architecture or dataset, by name
 * or alias. Quoting a key makes an exact term for the keyword analyzer. Returns key.
 */
export const ENTITY_KEYS = `
UNWIND $keys AS k
CALL (k) {
  MATCH (e:Entity {nameKey: k}) WHERE e:Method OR e:Architecture OR e:Dataset RETURN e LIMIT 1
  UNION
  CALL db.index.fulltext.queryNodes('entity_alias_keys', '"' + k + '"') YIELD node
  WITH node AS e WHERE (e:Method OR e:Architecture OR e:Dataset) AND k IN e.aliasKeys RETURN e LIMIT 1
}
RETURN DISTINCT k AS key`;

/** Removes the MENTIONS of each paper that its topics no longer give. Rows: {paper, keep: [concept id]}. */
export const DROP_STALE_MENTIONS = `
UNWIND $rows AS row
MATCH (:Paper {id: row.paper})-[m:MENTIONS]->(c:Concept) WHERE NOT c.id IN row.keep
DELETE m
RETURN count(m) AS deleted`;

/**
 * Each paper's Concepts (the smallest name among terms sharing a slug) and MENTIONS, written only where
 * they differ; a MENTIONS records the runs of its paper. Rows: {paper, concepts: [{id, name, nameKey, edgeId, props}]}.
 */
export const MERGE_MENTIONS = `
UNWIND $rows AS row
MATCH (p:Paper {id: row.paper})
UNWIND row.concepts AS x
MERGE (c:Concept {id: x.id})
  ON CREATE SET c:Entity, c.name = x.name, c.nameKey = x.nameKey
WITH p, x, c
FOREACH (_ IN CASE WHEN x.name < c.name THEN [1] ELSE [] END | SET c.name = x.name, c.nameKey = x.nameKey)
MERGE (p)-[m:MENTIONS {id: x.edgeId}]->(c)
WITH p, x, m WHERE m.weight IS NULL OR m.weight <> x.props.weight OR m.evidence <> x.props.evidence OR m.runs IS NULL OR m.runs <> p.runs
SET m += x.props, m.runs = p.runs
RETURN count(m) AS written`;

/** Removes the SIMILAR_TO each paper found that it no longer finds. Rows: {paper, keep: [paper id]}. */
export const DROP_STALE_SIMILAR = `
UNWIND $rows AS row
MATCH (:Paper {id: row.paper})-[s:SIMILAR_TO]->(q:Paper) WHERE NOT q.id IN row.keep
DELETE s
RETURN count(s) AS deleted`;

/**
 * SIMILAR_TO from the paper that found the pair, written only where it differs; it records the runs of
 * both papers (the finder's first). Rows: {paper, similar: [{target, edgeId, props}]}.
 */
export const MERGE_SIMILAR = `
UNWIND $rows AS row
MATCH (p:Paper {id: row.paper})
UNWIND row.similar AS x
MATCH (q:Paper {id: x.target})
MERGE (p)-[s:SIMILAR_TO {id: x.edgeId}]->(q)
WITH p, q, x, s, p.runs + [r IN q.runs WHERE NOT r IN p.runs] AS runs
WITH x, s, runs WHERE s.score IS NULL OR s.score <> x.props.score OR s.evidence <> x.props.evidence OR s.runs IS NULL OR s.runs <> runs
SET s += x.props, s.runs = runs
RETURN count(s) AS written`;

/** Concepts no paper mentions any more. Auto-commit (batched). */
export const DROP_ORPHAN_CONCEPTS =
  'MATCH (c:Concept) WHERE NOT (c)<-[:MENTIONS]-() CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 10000 ROWS';

/** Each Concept records the runs of the papers that mention it, in order. Auto-commit (batched). */
export const CONCEPT_RUNS = `
MATCH (c:Concept)
CALL (c) {
  MATCH (c)<-[:MENTIONS]-(p:Paper) UNWIND p.runs AS run
  WITH DISTINCT run ORDER BY run
  RETURN collect(run) AS runs
}
WITH c, runs WHERE c.runs IS NULL OR c.runs <> runs
CALL (c, runs) { SET c.runs = runs } IN TRANSACTIONS OF 10000 ROWS`;
