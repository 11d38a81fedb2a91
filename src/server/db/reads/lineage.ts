// GET /api/lineage/:id: the BUILDS_ON ancestors and/or descendants of a method, with proposing papers.
import { type Node } from 'neo4j-driver';
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { nodeId, toPlain, toWireNode } from '../../convert.js';
import { type NodeLabel } from '../../../shared/graph.js';
import type { LineageDirection, LineageResponse, ProposingPaper } from '../../../shared/api/graph.js';
import { locate } from './locate.js';
import { type Direction, type Reached, collectNodesAndRels, pick, walk } from './expansion.js';

const LINEAGE_NODES = `UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
OPTIONAL MATCH (p:Paper)-[:PROPOSES]->(n)
WITH n, p ORDER BY p.year, p.id
WITH n, collect(CASE WHEN p IS NULL THEN null ELSE {id: p.id, title: p.title, year: p.year} END) AS proposedBy
OPTIONAL MATCH (n)-[r:BUILDS_ON]->(m) WHERE elementId(m) IN $eids
RETURN n, proposedBy, collect(r) AS rels`;

const LINEAGE_LABELS: readonly NodeLabel[] = ['Method', 'Architecture'];

export async function lineage(
  db: Database,
  id: string,
  options: { direction: LineageDirection; depth: number; limit: number },
  timeoutMs?: number,
): Promise<LineageResponse | 'not-found' | { wrongLabel: NodeLabel }> {
  return readTx(
    db,
    async (tx) => {
      const found = await locate(tx, id);
      if (!found) return 'not-found';
      const label = toWireNode(found.node).label;
      if (!LINEAGE_LABELS.includes(label)) return { wrongLabel: label };
      const directions: Direction[] =
        options.direction === 'ancestors' ? ['out'] : options.direction === 'descendants' ? ['in'] : ['out', 'in'];
      const walks = await walk(tx, found.eid, { depth: options.depth, directions, types: ['BUILDS_ON'], labels: LINEAGE_LABELS });
      const reached = new Map<string, Reached>();
      for (const part of walks.values()) {
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
      return {
        root: id,
        direction: options.direction,
        depth: options.depth,
        graph,
        truncated: eids.length < reached.size,
        omitted: reached.size - eids.length,
      };
    },
    timeoutMs,
  );
}
