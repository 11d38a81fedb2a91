// The ingest's own loader alone (ingest/load GraphWriter + Neo4jStore: paper resolution and MERGE
// batches), fed the already-extracted graph, so its rate compares with the plain UNWIND baseline.
import type { Database } from '../../src/neo4j/driver.js';
import type { WireEdge, WireNode } from '../../src/shared/graph.js';
import { GraphWriter, Neo4jStore, prepareDatabase, totals } from '../../ingest/load/index.js';
import type { LoadRun } from './baseline-unwind.js';
import { readWireGraph } from './wire.js';

export async function loaderOnly(db: Database, graphPath: string, batchSize: number): Promise<LoadRun> {
  await prepareDatabase(db);
  const writer = new GraphWriter([new Neo4jStore(db)], db, { batchSize });
  let nodes: WireNode[] = [];
  let edges: WireEdge[] = [];
  const started = performance.now();
  let nodesDone = 0;
  for await (const item of readWireGraph(graphPath)) {
    if (item.kind === 'node') nodes.push(item.node);
    else {
      if (!nodesDone) {
        await writer.add({ nodes, edges: [] });
        nodes = [];
        await writer.flush();
        nodesDone = performance.now();
      }
      edges.push(item.edge);
      if (edges.length >= batchSize) {
        await writer.add({ nodes: [], edges });
        edges = [];
      }
    }
    if (nodes.length >= batchSize) {
      await writer.add({ nodes, edges: [] });
      nodes = [];
    }
  }
  await writer.add({ nodes, edges });
  const counts = await writer.close();
  const ended = performance.now();
  nodesDone ||= ended;
  const t = totals(counts);
  return {
    nodes: t.nodes.created + t.nodes.present,
    relationships: t.relationships.created + t.relationships.present,
    ms: ended - started,
    nodesMs: nodesDone - started,
    relationshipsMs: ended - nodesDone,
    skipped: t.relationships.skipped,
  };
}
