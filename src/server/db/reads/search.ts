// GET /api/search: full-text search over names and aliases.
import { type Node } from 'neo4j-driver';
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { toWireNode } from '../../convert.js';
import { NODE_LABELS, type NodeLabel } from '../../../shared/graph.js';
import type { SearchHit } from '../../../shared/api/search.js';
import { int } from './locate.js';

/** Cypher for "lower-cased, without spaces and punctuation", so "Self-Distillation" matches "self distillation". */
const squash = (expr: string) =>
  [' ', '-', '_', '.', ',', ':', ';', '/', '(', ')', "\\'", '"', '+', '&'].reduce(
    (e, c) => `replace(${e}, '${c}', '')`,
    `toLower(${expr})`,
  );

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

export async function search(
  db: Database,
  lucene: string,
  text: string,
  labels: readonly NodeLabel[],
  limit: number,
  timeoutMs?: number,
): Promise<SearchHit[]> {
  return readTx(
    db,
    async (tx) => {
      const result = await tx.run(SEARCH, {
        lucene,
        text,
        labels,
        limit: int(limit),
        fetch: int(labels.length === NODE_LABELS.length ? Math.max(limit * 3, 30) : Math.min(limit * 10, 500)),
      });
      return result.records.map((r) => {
        const node = toWireNode(r.get('node') as Node);
        delete node.properties.abstract;
        return { node, score: Math.round((r.get('score') as number) * 1000) / 1000, matched: (r.get('matched') as string | null) ?? null };
      });
    },
    timeoutMs,
  );
}
