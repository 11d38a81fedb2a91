// Picks the ids and search terms the API bench requests: random nodes of each kind plus the best
// connected ones (users click hubs), methods with BUILDS_ON lineage, pairs for paths. Setup only.
import neo4j from 'neo4j-driver';
import type { Database } from '../../src/neo4j/driver.js';

export interface Samples {
  searches: string[];
  nodes: string[];
  lineage: string[];
  pairs: [string, string][];
}

// Labels come from the whitelist only (checked below); everything else is a parameter.
type Label = 'Paper' | 'Method' | 'Architecture' | 'Dataset' | 'Concept';
const RANDOM_IDS = (l: Label) => `MATCH (n:${l}) WITH n, rand() AS r ORDER BY r LIMIT $limit RETURN n.id AS id`;
const HUBS = (l: Label) => `MATCH (n:${l}) WITH n ORDER BY COUNT { (n)--() } DESC LIMIT $limit RETURN n.id AS id`;
const WITH_LINEAGE = (l: Label) => `MATCH (m:${l})-[:BUILDS_ON]->()
WITH DISTINCT m, rand() AS r ORDER BY r LIMIT $limit RETURN m.id AS id`;
const NAMES = (l: Label) => `MATCH (m:${l}) WITH m, rand() AS r ORDER BY r LIMIT $limit RETURN m.name AS name`;

async function column(db: Database, query: string, params: Record<string, unknown>, key: string): Promise<string[]> {
  const session = db.session('READ');
  try {
    const result = await session.run(query, params);
    return result.records.map((r) => r.get(key) as string).filter((v) => typeof v === 'string' && v !== '');
  } finally {
    await session.close();
  }
}

export async function pickSamples(db: Database): Promise<Samples> {
  const limit = (n: number) => ({ limit: neo4j.int(n) });
  const ids = (label: Label, n: number) => column(db, RANDOM_IDS(label), limit(n), 'id');
  const nodes = [
    ...(await ids('Paper', 12)),
    ...(await ids('Method', 8)),
    ...(await ids('Architecture', 8)),
    ...(await ids('Dataset', 4)),
    ...(await ids('Concept', 4)),
    ...(await column(db, HUBS('Method'), limit(2), 'id')),
    ...(await column(db, HUBS('Dataset'), limit(2), 'id')),
  ];
  const lineage = [
    ...(await column(db, WITH_LINEAGE('Method'), limit(12), 'id')),
    ...(await column(db, WITH_LINEAGE('Architecture'), limit(12), 'id')),
  ];
  const names = [...(await column(db, NAMES('Method'), limit(5), 'name')), ...(await column(db, NAMES('Architecture'), limit(5), 'name'))];
  const searches = [
    'mamb',
    'kd',
    'knowledge distillation',
    'transformer',
    'mixture of experts',
    'imagenet',
    'attention',
    'state space',
    ...names.map((n) => n.slice(0, Math.max(4, Math.ceil(n.length / 2))).toLowerCase()),
  ];
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < lineage.length; i += 2) pairs.push([lineage[i]!, lineage[i + 1]!]);
  if (!nodes.length || !lineage.length) {
    throw new Error(
      'bench/api/samples: the graph has no nodes or no BUILDS_ON lineage; ingest a corpus first (npm run bench -- --parts ingest,api)',
    );
  }
  return { searches, nodes, lineage, pairs };
}
