// PROFILEs the statements behind the API bench's requests through neo4j-driver (no cypher-shell):
// each endpoint's sampled requests are recorded once, then every statement runs again under PROFILE
// and its database hits, rows and the operators with the most hits are printed, the costliest first.
// Run: NEO4J_URI=bolt://127.0.0.1:7711 npx tsx bench/api/profile.ts [--endpoint "neighbourhood depth 2"] [--top 5]
import { parseArgs } from 'node:util';
import { dbConfig } from '../../src/neo4j/config.js';
import { openDatabase, type Database } from '../../src/neo4j/driver.js';
import { buildApp } from '../../src/server/app.js';
import { endpointPaths } from './index.js';
import { recordingDatabase, type Statement } from './record.js';
import { pickSamples } from './samples.js';

interface ProfiledPlan {
  operatorType: string;
  dbHits: number;
  rows: number;
  children: ProfiledPlan[];
}

export interface Profiled {
  endpoint: string;
  path: string;
  query: string;
  dbHits: number;
  rows: number;
  ms: number;
  /** The operators with the most database hits, "Operator: hits". */
  hot: string[];
}

function walk(plan: ProfiledPlan, out: ProfiledPlan[] = []): ProfiledPlan[] {
  out.push(plan);
  for (const child of plan.children ?? []) walk(child, out);
  return out;
}

async function profileStatement(db: Database, statement: Statement): Promise<Omit<Profiled, 'endpoint' | 'path'>> {
  const session = db.session('READ');
  try {
    const t0 = performance.now();
    const result = await session.executeRead((tx) => tx.run(`PROFILE ${statement.query}`, statement.params));
    const ms = performance.now() - t0;
    const plan = result.summary.profile as unknown as ProfiledPlan | false;
    const operators = plan ? walk(plan) : [];
    const dbHits = operators.reduce((s, o) => s + o.dbHits, 0);
    const hot = [...operators]
      .sort((a, b) => b.dbHits - a.dbHits)
      .slice(0, 3)
      .map((o) => `${o.operatorType.replace(/@.*$/, '')}: ${o.dbHits}`);
    return { query: statement.query, dbHits, rows: result.records.length, ms, hot };
  } finally {
    await session.close();
  }
}

/** Records each sampled request's statements through the app, then PROFILEs every one of them. */
export async function profileEndpoints(db: Database, only?: string): Promise<Profiled[]> {
  const samples = await pickSamples(db);
  const recorder = recordingDatabase(db);
  const app = await buildApp({ db: recorder.db });
  const out: Profiled[] = [];
  try {
    for (const [endpoint, paths] of endpointPaths(samples)) {
      if (only && endpoint !== only) continue;
      for (const path of paths) {
        await app.inject({ method: 'GET', url: path });
        for (const statement of recorder.take()) out.push({ endpoint, path, ...(await profileStatement(db, statement)) });
      }
    }
  } finally {
    await app.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { endpoint: { type: 'string' }, top: { type: 'string', default: '5' } } });
  const uri = process.env.NEO4J_URI;
  if (!uri) {
    console.error('bench/api/profile: set NEO4J_URI to the database to profile (e.g. one started with npm run db:start)');
    process.exit(2);
  }
  const db = await openDatabase({ ...dbConfig(), uri });
  try {
    const profiled = await profileEndpoints(db, values.endpoint);
    const top = Number(values.top);
    for (const endpoint of [...new Set(profiled.map((p) => p.endpoint))]) {
      const mine = profiled.filter((p) => p.endpoint === endpoint).sort((a, b) => b.dbHits - a.dbHits);
      const hits = mine.map((p) => p.dbHits).sort((a, b) => a - b);
      console.log(`\n## ${endpoint}: ${mine.length} statements, db hits median ${hits[Math.floor(hits.length / 2)]}, max ${hits.at(-1)}`);
      for (const p of mine.slice(0, top)) {
        console.log(
          `- ${p.dbHits} db hits, ${p.rows} rows, ${p.ms.toFixed(0)} ms: ${p.path}\n  ${p.hot.join(', ')}\n  ${p.query.split('\n')[0]}…`,
        );
      }
    }
  } finally {
    await db.close();
  }
}
