import neo4j from 'neo4j-driver';
import { openDatabase } from './src/neo4j/driver.js';
import { dbConfig } from './src/neo4j/config.js';
import { ingest } from './ingest/run.js';
const db = await openDatabase({ ...dbConfig(), uri: 'bolt://127.0.0.1:17688' });
const times: [number, string][] = [];
for (const proto of [Object.getPrototypeOf(db.session('READ'))]) {
  const orig = proto.run;
  proto.run = function (q: string, p: unknown, c: unknown) { const t = performance.now(); const r = orig.call(this, q, p, c); r.then?.(() => times.push([performance.now() - t, 'S ' + q.slice(0, 70).replace(/\s+/g, ' ')])); return r; };
}
const s = db.session('WRITE'); await s.run('MATCH (n) DETACH DELETE n'); await s.close();
const t0 = performance.now();
await ingest(db, { files: process.argv.slice(2) });
console.log('total', Math.round(performance.now() - t0));
times.sort((a, b) => b[0] - a[0]); for (const [t, q] of times.slice(0, 12)) console.log(Math.round(t), q);
await db.close();
