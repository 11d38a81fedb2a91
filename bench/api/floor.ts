// The floor under the API's latencies on this machine: the app of this checkout with three routes
// added that do (almost) nothing, measured as bench/api/ab.ts measures the endpoints (autocannon in
// this process, 20 connections): a route that answers at once, one that runs `RETURN 1` in a read
// transaction as every endpoint reads (src/neo4j/session.ts), and one that runs it twice. No endpoint
// that reads Neo4j can answer faster than the second at the same concurrency on the same machine.
// Run: NEO4J_URI=bolt://127.0.0.1:7910 npx tsx bench/api/floor.ts [--seconds 5] [--rounds 2]
import { parseArgs } from 'node:util';
import { dbConfig } from '../../src/neo4j/config.js';
import { openDatabase } from '../../src/neo4j/driver.js';
import { readTx } from '../../src/neo4j/session.js';
import { buildApp } from '../../src/server/app.js';
import { freePort } from '../../test/helpers/ports.js';
import { runAutocannon } from '../lib/autocannon.js';
import { loadAverageText, percentile } from '../lib/stats.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '2' } } });
const uri = process.env.NEO4J_URI;
if (!uri) {
  console.error('bench/api/floor: set NEO4J_URI (a database started with npm run db:start)');
  process.exit(2);
}
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

const db = await openDatabase({ ...dbConfig(), uri });
const app = await buildApp({ db });
const TIMEOUT_MS = 30_000;
const routes: [string, string][] = [
  ['answers at once, no Neo4j', '/bench-floor/none'],
  ['one read transaction (RETURN 1)', '/bench-floor/one'],
  ['two read transactions', '/bench-floor/two'],
  ['GET /api/queries (no Neo4j, a real route)', '/api/queries'],
];
app.get('/bench-floor/none', async () => ({ ok: true }));
app.get('/bench-floor/one', async () => {
  await readTx(db, (tx) => tx.run('RETURN 1'), TIMEOUT_MS);
  return { ok: true };
});
app.get('/bench-floor/two', async () => {
  await readTx(db, (tx) => tx.run('RETURN 1'), TIMEOUT_MS);
  await readTx(db, (tx) => tx.run('RETURN 1'), TIMEOUT_MS);
  return { ok: true };
});
const port = await freePort();
await app.listen({ host: '127.0.0.1', port });
const url = `http://127.0.0.1:${port}`;
try {
  console.log(`bench/api/floor: ${rounds} × ${seconds} s per route, 20 connections; load average at start ${loadAverageText()}`);
  console.log('\n| route | p50 ms | p95 ms | requests/s | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, path] of routes) {
    await runAutocannon(url, [path], 1, 20);
    const latencies: number[] = [];
    let errors = 0;
    for (let r = 0; r < rounds; r++) {
      const run = await runAutocannon(url, [path], seconds, 20);
      latencies.push(...run.latencies);
      errors += run.result.errors + run.result.timeouts + run.result.non2xx;
    }
    const rate = latencies.length / (rounds * seconds);
    console.log(
      `| ${name} | ${percentile(latencies, 50).toFixed(0)} | ${percentile(latencies, 95).toFixed(0)} | ${rate.toFixed(0)} | ${errors} |`,
    );
  }
  console.log(`\nload average at the end ${loadAverageText()}`);
} finally {
  await app.close();
  await db.close();
}
