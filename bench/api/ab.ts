// Before/after of the API under the same load: the app of another checkout (`--base`, e.g. main
// exported with `git archive <commit> | tar -x -C /tmp/base`) and this one's, over one database,
// measured in alternating slices per endpoint (base, head, base, head …) with the bench's samples
// and 20 connections, so both see the same machine. The shared machine's load moves by the minute;
// alternating keeps that drift out of the comparison.
// Run: NEO4J_URI=bolt://127.0.0.1:7711 npx tsx bench/api/ab.ts --base /tmp/base [--seconds 5] [--rounds 2]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dbConfig } from '../../src/neo4j/config.js';
import { openDatabase } from '../../src/neo4j/driver.js';
import { buildApp } from '../../src/server/app.js';
import { freePort } from '../../test/helpers/ports.js';
import { runAutocannon } from '../lib/autocannon.js';
import { loadAverageText, percentile } from '../lib/stats.js';
import { endpointPaths } from './index.js';
import { pickSamples } from './samples.js';

const { values } = parseArgs({
  options: { base: { type: 'string' }, seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '2' } },
});
const uri = process.env.NEO4J_URI;
const baseApp = values.base ? join(values.base, 'src', 'server', 'app.ts') : '';
if (!uri || !existsSync(baseApp)) {
  console.error('bench/api/ab: set NEO4J_URI and give --base <a checkout with src/server/app.ts> (the "before" code)');
  process.exit(2);
}
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

const db = await openDatabase({ ...dbConfig(), uri });
const { buildApp: buildBase } = (await import(baseApp)) as { buildApp: typeof buildApp };
const apps = { base: await buildBase({ db }), head: await buildApp({ db }) };
const urls: Record<string, string> = {};
for (const [name, app] of Object.entries(apps)) {
  const port = await freePort();
  await app.listen({ host: '127.0.0.1', port });
  urls[name] = `http://127.0.0.1:${port}`;
}
try {
  const samples = await pickSamples(db);
  console.log(
    `bench/api/ab: ${rounds} × ${seconds} s per endpoint and version, 20 connections; load average at start ${loadAverageText()}`,
  );
  console.log('\n| endpoint | base p50 | base p95 | head p50 | head p95 | base requests | head requests | base errors | head errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [endpoint, paths] of endpointPaths(samples)) {
    const lat: Record<string, number[]> = { base: [], head: [] };
    const errors: Record<string, number> = { base: 0, head: 0 };
    for (const name of ['base', 'head']) await runAutocannon(urls[name]!, paths, 1, 20);
    for (let r = 0; r < rounds; r++) {
      for (const name of ['base', 'head']) {
        const { latencies, result } = await runAutocannon(urls[name]!, paths, seconds, 20);
        lat[name]!.push(...latencies);
        errors[name]! += result.errors + result.timeouts + result.non2xx;
      }
    }
    const f = (xs: number[], p: number) => percentile(xs, p).toFixed(0);
    console.log(
      `| ${endpoint} | ${f(lat.base!, 50)} | ${f(lat.base!, 95)} | ${f(lat.head!, 50)} | ${f(lat.head!, 95)} | ${lat.base!.length} | ${lat.head!.length} | ${errors.base} | ${errors.head} |`,
    );
  }
  console.log(`\nload average at the end ${loadAverageText()}`);
} finally {
  for (const app of Object.values(apps)) await app.close();
  await db.close();
}
