// Every Cypher statement curation runs, parameterized. Relationship types and the two end labels are
// spliced only from whitelists (RELATIONSHIP_TYPES; Paper or Entity), never from input.
import { labelOfId, RELATIONSHIP_TYPES } from '../../shared/graph.js';

/** The relationship type a rejected or retargeted link is moved to: no read of the API follows it. */
export const REJECTED_TYPE = 'REJECTED';

/** Papers are found by :Paper, everything else by the common :Entity label (both have an id constraint). */
export type EndLabel = 'Paper' | 'Entity';
export const endLabel = (id: string): EndLabel => (labelOfId(id) === 'Paper' ? 'Paper' : 'Entity');

function checkedType(type: string): string {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type))
    throw new Error(`src/neo4j/curation: "${type}" is not a relationship type`);
  return type;
}

const cache = new Map<string, string>();
function cached(key: string, make: () => string): string {
  let statement = cache.get(key);
  if (!statement) {
    statement = make();
    cache.set(key, statement);
  }
  return statement;
}

const ends = (a: EndLabel, b: EndLabel, rel: string) => `MATCH (a:${a} {id: row.from})-[${rel}]->(b:${b} {id: row.to})`;
const UNION_RUNS = (into: string, from: string) =>
  `${into}.runs = coalesce(${into}.runs, []) + [x IN coalesce(${from}.runs, []) WHERE NOT x IN coalesce(${into}.runs, [])]`;

/** Moves the links back from REJECTED to their own type (a rejection taken back). Rows: {from, to}; $type. */
export function unhide(type: string, a: EndLabel, b: EndLabel): string {
  const t = checkedType(type);
  return cached(`unhide|${t}|${a}|${b}`, () =>
    [
      'UNWIND $rows AS row',
      ends(a, b, `h:${REJECTED_TYPE} {curatedType: $type}`),
      `MERGE (a)-[r:${t} {id: h.id}]->(b)`,
      'ON CREATE SET r = properties(h)',
      `ON MATCH SET ${UNION_RUNS('r', 'h')}`,
      'REMOVE r.curatedType, r.retargetedTo',
      'DELETE h',
    ].join('\n'),
  );
}

/** Writes the link a person added (or a retarget created). Rows: {from, to, edgeId, kind, added: {...}}. */
export function writeAdded(a: EndLabel, b: EndLabel): string {
  return cached(`added|${a}|${b}`, () =>
    [
      'UNWIND $rows AS row',
      `MATCH (a:${a} {id: row.from}), (b:${b} {id: row.to})`,
      'MERGE (a)-[r:BUILDS_ON {id: row.edgeId}]->(b)',
      'ON CREATE SET r.runs = []',
      'SET r.evidence = row.added.evidence, r.note = row.added.note, r.paperId = row.added.paperId, r.confidence = row.added.confidence,',
      "  r.extractor = 'curation', r.source = 'curation', r.curatedBy = row.added.who, r.retargetedFrom = row.added.retargetedFrom,",
      '  r.kind = row.kind',
    ].join('\n'),
  );
}

/** Marks shown links with their curation and the kind a person chose. Rows: {from, to, status, last, kind}. */
export function mark(type: string, a: EndLabel, b: EndLabel): string {
  const t = checkedType(type);
  return cached(`mark|${t}|${a}|${b}`, () =>
    [
      'UNWIND $rows AS row',
      ends(a, b, `r:${t}`),
      'SET r.curation = row.status, r.curationId = row.last,',
      "  r.extractedKind = CASE WHEN row.kind IS NULL OR r.source = 'curation' THEN r.extractedKind ELSE coalesce(r.extractedKind, r.kind) END,",
      '  r.kind = coalesce(row.kind, r.kind)',
    ].join('\n'),
  );
}

/** Moves rejected or retargeted links to REJECTED, keeping their properties and runs. Rows: {from, to, status, last, retargetedTo}. */
export function hide(type: string, a: EndLabel, b: EndLabel): string {
  const t = checkedType(type);
  return cached(`hide|${t}|${a}|${b}`, () =>
    [
      'UNWIND $rows AS row',
      ends(a, b, `r:${t}`),
      'WHERE r.id IS NOT NULL',
      `MERGE (a)-[h:${REJECTED_TYPE} {id: r.id}]->(b)`,
      'ON CREATE SET h = properties(r), h.curatedType = $type',
      `ON MATCH SET ${UNION_RUNS('h', 'r')}`,
      'DELETE r',
    ].join('\n'),
  );
}

/** Records why hidden links are hidden. Rows: {from, to, status, last, retargetedTo}; $type. */
export function markHidden(a: EndLabel, b: EndLabel): string {
  return cached(`mark-hidden|${a}|${b}`, () =>
    [
      'UNWIND $rows AS row',
      ends(a, b, `h:${REJECTED_TYPE}`),
      'WHERE h.curatedType = $type',
      'SET h.curatedType = $type, h.curation = row.status, h.curationId = row.last, h.retargetedTo = row.retargetedTo',
    ].join('\n'),
  );
}

/** Stores one curation (never with the common :Entity label: it is not part of the graph). $record. */
export const CREATE_CURATION = 'CREATE (c:Curation) SET c = $record, c.runs = []';

/** Stores curations from an export, each once by its id. $records. */
export const MERGE_CURATIONS = `UNWIND $records AS record
MERGE (c:Curation {id: record.id})
ON CREATE SET c = record, c.runs = []`;

/** Curations, oldest first: of one link (a retarget that made it included), of a node, or all. */
export const LIST_CURATIONS = `MATCH (c:Curation)
WHERE ($from IS NULL OR c.from = $from)
  AND ($to IS NULL OR c.to = $to OR c.newTarget = $to)
  AND ($type IS NULL OR c.type = $type)
  AND ($node IS NULL OR $node IN [c.from, c.to, c.newTarget])
RETURN properties(c) AS c ORDER BY c.at, c.id`;

/** The link as it is stored now (shown or rejected), strongest evidence first: what a curation records. */
export function linkSnapshot(a: EndLabel, b: EndLabel): string {
  return cached(
    `snapshot|${a}|${b}`,
    () =>
      `MATCH (a:${a} {id: $from})-[r]->(b:${b} {id: $to})
WHERE type(r) = $type OR (type(r) = '${REJECTED_TYPE}' AND r.curatedType = $type)
RETURN r.evidence AS evidence, r.paperId AS paperId, r.confidence AS confidence, r.kind AS kind, type(r) = '${REJECTED_TYPE}' AS hidden
ORDER BY hidden, coalesce(r.confidence, 0) DESC, r.id LIMIT 1`,
  );
}
