// What the graph holds now, as the count store and the stored summary say it (no scan): the node
// counts per label, the relationship counts per type, the ingest runs, and the signature and time of
// the stored ranking. The overview and the search's name index are kept per state and rebuilt when it
// changes. Requests that ask at the same moment share one read: under load, twenty concurrent
// requests cost Neo4j one statement instead of twenty, and a request that arrives when no read is
// under way always starts its own, so a finished load or curation is seen by the next request.
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { toPlain } from '../../convert.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel } from '../../../shared/graph.js';

/** Labels and types are spliced from the whitelists only. */
const STATE = `OPTIONAL MATCH (s:GraphSummary {id: 'overview'})
RETURN s.signature + ' ' + s.computedAt AS stored, COUNT { (:IngestRun) } AS runs,
  [${NODE_LABELS.map((label) => `COUNT { (:${label}) }`).join(', ')}] AS nodes,
  [${RELATIONSHIP_TYPES.map((type) => `COUNT { ()-[:${type}]->() }`).join(', ')}] AS relationships`;

export interface GraphState {
  /** Nodes per label, in the order of NODE_LABELS. */
  nodeCounts: number[];
  /** The stored ranking's signature and when it was computed; null before the first ranking. */
  stored: string | null;
  /** Changes with any count, run or stored ranking: what per-state caches are keyed on. */
  key: string;
}

export class GraphStateReader {
  private reading: Promise<GraphState> | undefined;

  constructor(private readonly db: Database) {}

  /** The state now: the read under way if there is one, else a new one. */
  read(timeoutMs?: number): Promise<GraphState> {
    if (this.reading) return this.reading;
    const reading = readTx(this.db, (tx) => tx.run(STATE), timeoutMs)
      .then(({ records }) => {
        const row = records[0]!;
        const nodeCounts = (toPlain(row.get('nodes')) as number[]).map(Number);
        const relationships = (toPlain(row.get('relationships')) as number[]).map(Number);
        const stored = row.get('stored') as string | null;
        const runs = Number(toPlain(row.get('runs')));
        return { nodeCounts, stored, key: `${nodeCounts.join(',')}|${relationships.join(',')}|${runs}|${stored ?? ''}` };
      })
      .finally(() => {
        if (this.reading === reading) this.reading = undefined;
      });
    this.reading = reading;
    return reading;
  }
}

/** Nodes of these labels, of a state's `nodeCounts`. */
export function countOf(nodeCounts: readonly number[], labels: readonly NodeLabel[]): number {
  return labels.reduce((sum, label) => sum + nodeCounts[NODE_LABELS.indexOf(label)]!, 0);
}
