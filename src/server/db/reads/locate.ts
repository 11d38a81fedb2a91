// Finding a node by its id: an index seek on the label its id prefix names, else on every label.
import neo4j, { type ManagedTransaction, type Node, type Record as Neo4jRecord } from 'neo4j-driver';
import { toWireNode } from '../../convert.js';
import { labelOfId, NODE_LABELS, type NodeLabel } from '../../../shared/graph.js';

export const int = (n: number) => neo4j.int(n);

export const LOCATE_BY_LABEL = Object.fromEntries(
  NODE_LABELS.map((label) => [label, `MATCH (n:${label} {id: $id}) RETURN elementId(n) AS eid, n LIMIT 1`]),
) as Record<NodeLabel, string>;

export const LOCATE_ANY = `CALL () {
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
export function perLabel(make: (label: NodeLabel) => string): Record<NodeLabel, string> {
  return Object.fromEntries(NODE_LABELS.map((label) => [label, make(label)])) as Record<NodeLabel, string>;
}

/**
 * Runs a per-label statement on the node with this id in one round trip: the label comes from the
 * id's prefix; only when that finds nothing is the node looked up on every label. Statements must
 * return at least one row when the node exists; undefined means there is no such node.
 */
export async function runOnNode(
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
