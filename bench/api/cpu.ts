// CPU cost per request of each API endpoint: the bench's sampled requests sent one at a time
// (`app.inject`, no socket) to the app of this checkout (and of `--base`, alternating), with this
// process's CPU time and the bundled Neo4j's (utime + stime of `/proc/<pid>/stat`) taken around
// them. On two cores shared with the load generator, 20 concurrent requests cannot answer faster
// than about 20 × (CPU per request) / 2 at p95, whatever the code around them does: the bound this prints.
// Run: NEO4J_URI=bolt://127.0.0.1:7900 npx tsx bench/api/cpu.ts --java-pid <pid> [--base /tmp/base] [--requests 40] [--rounds 2]
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dbConfig } from '../../src/neo4j/config.js';
import { openDatabase } from '../../src/neo4j/driver.js';
import { buildApp } from '../../src/server/app.js';
import { endpointPaths } from './index.js';
import { loadAverageText } from '../lib/stats.js';
import { pickSamples } from './samples.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    'java-pid': { type: 'string' },
    requests: { type: 'string', default: '40' },
    rounds: { type: 'string', default: '2' },
    endpoint: { type: 'string' },
  },
});
const uri = process.env.NEO4J_URI;
const javaPid = Number(values['java-pid']);
if (!uri || !Number.isInteger(javaPid) || !existsSync(`/proc/${javaPid}/stat`)) {
  console.error('bench/api/cpu: set NEO4J_URI and give --java-pid <the Neo4j process> (npm run db:start prints it)');
  process.exit(2);
}
const baseApp = values.base ? join(values.base, 'src', 'server', 'app.ts') : null;
if (baseApp && !existsSync(baseApp)) {
  console.error(`bench/api/cpu: --base ${values.base} holds no src/server/app.ts`);
  process.exit(2);
}
const perRound = Number(values.requests);
const WARM_UP_MS = 3000;
const rounds = Number(values.rounds);

/** Seconds of CPU the process has used (user + system), from /proc (clock ticks of 10 ms). */
function javaCpuS(): number {
  const stat = readFileSync(`/proc/${javaPid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5), counted after the command name's closing parenthesis.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const nodeCpuS = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const db = await openDatabase({ ...dbConfig(), uri });
const apps: Record<string, Awaited<ReturnType<typeof buildApp>>> = { head: await buildApp({ db }) };
if (baseApp) {
  const { buildApp: buildBase } = (await import(baseApp)) as { buildApp: typeof buildApp };
  apps.base = await buildBase({ db });
}
const names = baseApp ? ['base', 'head'] : ['head'];
try {
  const samples = await pickSamples(db);
  console.log(
    `bench/api/cpu: ${rounds} × ${perRound} sequential requests per endpoint and version; ${cpus().length} cores; load average at start ${loadAverageText()}`,
  );
  console.log(
    '\n| endpoint | version | Node ms CPU / request | Neo4j ms CPU / request | wall ms / request | bytes / response | p95 bound at 20 connections (ms) |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [endpoint, paths] of endpointPaths(samples)) {
    if (values.endpoint && values.endpoint !== endpoint) continue;
    const sum: Record<string, { node: number; java: number; wall: number; bytes: number; n: number }> = {};
    for (const name of names) {
      sum[name] = { node: 0, java: 0, wall: 0, bytes: 0, n: 0 };
      // Warm-up, passes over every path for at least WARM_UP_MS (the load generator replays the same
      // few dozen paths): plans compiled, the nodes' pages cached, the JIT at work on both versions
      // alike, and what a server builds once per graph (the overview, search's name index) built.
      const until = performance.now() + WARM_UP_MS;
      do for (const path of paths) await apps[name]!.inject({ method: 'GET', url: path });
      while (performance.now() < until);
    }
    for (let r = 0; r < rounds; r++) {
      for (const name of names) {
        const s = sum[name]!;
        const n0 = nodeCpuS();
        const j0 = javaCpuS();
        const t0 = performance.now();
        for (let i = 0; i < perRound; i++) {
          const res = await apps[name]!.inject({ method: 'GET', url: paths[(r * perRound + i) % paths.length]! });
          if (res.statusCode !== 200)
            throw new Error(`bench/api/cpu: ${name} ${paths[i % paths.length]} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
          s.bytes += res.rawPayload.length;
        }
        s.wall += performance.now() - t0;
        s.node += nodeCpuS() - n0;
        s.java += javaCpuS() - j0;
        s.n += perRound;
      }
    }
    for (const name of names) {
      const s = sum[name]!;
      const node = (s.node * 1000) / s.n;
      const java = (s.java * 1000) / s.n;
      const bound = (20 * (node + java)) / cpus().length;
      console.log(
        `| ${endpoint} | ${name} | ${node.toFixed(1)} | ${java.toFixed(1)} | ${(s.wall / s.n).toFixed(1)} | ${Math.round(s.bytes / s.n).toLocaleString('en-US')} | ${bound.toFixed(0)} |`,
      );
    }
  }
  console.log(`\nload average at the end ${loadAverageText()}`);
} finally {
  for (const app of Object.values(apps)) await app.close();
  await db.close();
}
