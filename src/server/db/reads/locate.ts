// Finding a node by its id: every node the API serves carries `Entity` or `Paper`, each with a
// uniqueness constraint on `id`, so one statement with two index seeks finds any of them.
import neo4j, { type ManagedTransaction, type Node } from 'neo4j-driver';

export const int = (n: number) => neo4j.int(n);

/**
 * The opening of every statement about one node: binds `n` to the node whose `id` is `$id`, or
 * yields no row when there is none. A Paper that also carries Entity is found once (UNION).
 */
export const MATCH_NODE_BY_ID = `CALL () {
  MATCH (n:Entity {id: $id}) RETURN n
  UNION
  MATCH (n:Paper {id: $id}) RETURN n
}
WITH n LIMIT 1`;

const LOCATE = `${MATCH_NODE_BY_ID}
RETURN elementId(n) AS eid, n`;

export interface Located {
  eid: string;
  node: Node;
}

/** The node with this `id` and its element id, or undefined when there is none. */
export async function locate(tx: ManagedTransaction, id: string): Promise<Located | undefined> {
  const record = (await tx.run(LOCATE, { id })).records[0];
  return record ? { eid: record.get('eid') as string, node: record.get('n') as Node } : undefined;
}
