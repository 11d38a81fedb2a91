// Measures the API on the default corpus with autocannon: search, node details and depth-1
// neighbourhood, 20 connections for 10 s each after a 10 s warm-up (Neo4j's JIT), p50/p95 and errors.
// Run: npx tsx bench/api-quick.ts [--connections 20] [--duration 10] [--warmup 10]; with NEO4J_URI it
// measures that database as it is (loading the default corpus only into an empty one).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runAutocannon } from './lib/autocannon.js';
import { percentile } from './lib/stats.js';
import { buildApp } from '../src/server/app.js';
import { dbConfig } from '../src/neo4j/config.js';
import { startBundledDb, type RunningDb } from '../src/neo4j/bundled.js';
import { openDatabase } from '../src/neo4j/driver.js';
import { paperCount } from '../src/server/db/reads/index.js';
import { applySchema } from '../src/neo4j/schema.js';
import { freePort } from '../test/helpers/ports.js';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '20' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '10' },
  },
});
const connections = Number(args.connections);
const duration = Number(args.duration);
const warmup = Number(args.warmup);

interface Measured {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon over a rotating list of paths; latencies are collected per response. */
async function measure(name: string, baseUrl: string, paths: string[], seconds: number): Promise<Measured> {
  const { latencies, result } = await runAutocannon(baseUrl, paths, seconds, connections);
  return {
    name,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : NaN,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function main() {
  let bundled: RunningDb | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-bench-api-'));
    bundled = await startBundledDb({ ...dbConfig().bundled, port: await freePort(), dataDir });
    uri = bundled.uri;
  }
  const db = await openDatabase({ ...dbConfig(), uri });
  const app = await buildApp({ db });
  try {
    await applySchema(db);
    if (bundled || (await paperCount(db)) === 0) {
      const { ingest } = await import('../ingest/run.js');
      const started = Date.now();
      await ingest(db, {});
      console.log(`bench/api-quick: default corpus loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      console.log(`bench/api-quick: using the graph already in ${uri} as it is`);
    }
    const port = await freePort();
    await app.listen({ host: '127.0.0.1', port });
    const base = `http://127.0.0.1:${port}`;

    const overview = (await (await fetch(`${base}/api/overview?limit=60&labels=Method,Architecture,Dataset,Paper`)).json()) as {
      graph: { nodes: { id: string }[] };
    };
    const ids = overview.graph.nodes.map((n) => encodeURIComponent(n.id));
    const health = (await (await fetch(`${base}/api/health`)).json()) as {
      counts: { nodes: Record<string, number>; relationships: Record<string, number> };
    };
    const nodes = Object.values(health.counts.nodes).reduce((a, b) => a + b, 0);
    const rels = Object.values(health.counts.relationships).reduce((a, b) => a + b, 0);
    console.log(
      `bench/api-quick: ${nodes} nodes, ${rels} relationships; ${connections} connections, ${duration} s per endpoint after ${warmup} s warm-up`,
    );

    const searches = [
      'mamb',
      'kd',
      'knowledge distillation',
      'transformer',
      'mixture of experts',
      'imagenet',
      'attention',
      'modular',
      'spiking',
      'state space',
    ];
    const endpoints: [string, string[]][] = [
      ['search', searches.map((q) => `/api/search?q=${encodeURIComponent(q)}`)],
      ['node', ids.map((id) => `/api/nodes/${id}`)],
      ['neighbourhood d1', ids.map((id) => `/api/neighbourhood/${id}?depth=1`)],
    ];
    const results: Measured[] = [];
    for (const [name, paths] of endpoints) {
      if (warmup > 0) await measure(name, base, paths, warmup);
      results.push(await measure(name, base, paths, duration));
    }
    console.log('\nendpoint            requests   req/s   p50 ms   p95 ms   p99 ms   max ms   errors   non-2xx');
    for (const r of results) {
      console.log(
        `${r.name.padEnd(18)} ${String(r.requests).padStart(9)} ${String(r.rps).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.non2xx).padStart(9)}`,
      );
    }
    const ok = results.every((r) => r.p95 < 20 && r.errors === 0 && r.non2xx === 0);
    console.log(`\ngoal (p95 < 20 ms, 0 errors): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    await app.close();
    await db.close();
    await bundled?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench/api-quick: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
