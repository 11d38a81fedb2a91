// The API part of `npm run bench`: autocannon against buildApp on the loaded graph (search, node,
// neighbourhood depth 1 and 2, lineage, path, overview), the same statements through neo4j-driver
// without HTTP as the baseline, and an EXPLAIN check that fails the bench on any whole-label scan.
import type { Database } from '../../src/neo4j/driver.js';
import { buildApp } from '../../src/server/app.js';
import { freePort } from '../../test/helpers/ports.js';
import { runAutocannon } from '../lib/autocannon.js';
import { figureKey, formatValue, type Figure, type Goal } from '../lib/results.js';
import { percentile } from '../lib/stats.js';
import { findScans } from './explain.js';
import { recordingDatabase, type Statement } from './record.js';
import { pickSamples, type Samples } from './samples.js';

export interface ApiBenchOptions {
  db: Database;
  /** Papers in the loaded graph (for the figures' size). */
  size: number;
  durationS: number;
  warmupS: number;
  connections: number;
  log: (line: string) => void;
}

interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
}

const PART = 'api';

export function endpointPaths(s: Samples): [string, string[]][] {
  const enc = encodeURIComponent;
  return [
    ['search', s.searches.map((q) => `/api/search?q=${enc(q)}`)],
    ['node', s.nodes.map((id) => `/api/nodes/${enc(id)}`)],
    ['neighbourhood depth 1', s.nodes.map((id) => `/api/neighbourhood/${enc(id)}?depth=1`)],
    ['neighbourhood depth 2', s.nodes.map((id) => `/api/neighbourhood/${enc(id)}?depth=2`)],
    ['lineage', s.lineage.map((id) => `/api/lineage/${enc(id)}`)],
    ['path', s.pairs.map(([a, b]) => `/api/path?from=${enc(a)}&to=${enc(b)}`)],
    ['overview', ['/api/overview']],
  ];
}

async function autocannonRun(baseUrl: string, paths: string[], seconds: number, connections: number): Promise<Latencies> {
  const { latencies, result } = await runAutocannon(baseUrl, paths, seconds, connections);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** `connections` concurrent loops replaying each request's recorded statements in one read transaction. */
async function driverRun(db: Database, work: Statement[][], seconds: number, connections: number): Promise<Latencies> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const statements = work[next++ % work.length]!;
      const t0 = performance.now();
      const session = db.session('READ');
      try {
        await session.executeRead(async (tx) => {
          for (const s of statements) await tx.run(s.query, s.params);
        });
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      } finally {
        await session.close();
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    errors,
  };
}

export async function runApiBench(
  options: ApiBenchOptions,
): Promise<{ figures: Figure[]; goals: Goal[]; failures: string[]; notes: string[] }> {
  const { db, size, log } = options;
  const figures: Figure[] = [];
  const goals: Goal[] = [];
  const failures: string[] = [];
  const notes: string[] = [];
  const samples = await pickSamples(db);
  const endpoints = endpointPaths(samples);

  // 1. One pass through the API with a recording database: the statements behind every request.
  const recorder = recordingDatabase(db);
  const recordingApp = await buildApp({ db: recorder.db });
  const work = new Map<string, Statement[][]>();
  const all: { endpoint: string; statement: Statement }[] = [];
  try {
    for (const [name, paths] of endpoints) {
      const list: Statement[][] = [];
      for (const path of paths) {
        const res = await recordingApp.inject({ method: 'GET', url: path });
        const statements = recorder.take();
        if (res.statusCode !== 200) notes.push(`api: ${path} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
        list.push(statements);
        for (const statement of statements) all.push({ endpoint: name, statement });
      }
      work.set(name, list);
    }
  } finally {
    await recordingApp.close();
  }

  // 2. EXPLAIN: no statement may scan a whole label.
  const { checked, findings } = await findScans(db, all);
  log(
    `api: EXPLAIN of ${checked} distinct statements: ${findings.length ? findings.map((f) => `${f.endpoint}: ${f.operator}`).join(', ') : 'no label scans'}`,
  );
  for (const f of findings) {
    failures.push(`api ${f.endpoint}: plan has ${f.operator} (scans a whole label or the whole store):\n${f.query}`);
  }

  // 3. Load: the real app over HTTP, then the same statements through the driver, same concurrency.
  const app = await buildApp({ db });
  const port = await freePort();
  await app.listen({ host: '127.0.0.1', port });
  const base = `http://127.0.0.1:${port}`;
  const measured = new Map<string, { api: Latencies; driver: Latencies }>();
  try {
    for (const [name, paths] of endpoints) {
      if (options.warmupS > 0) await autocannonRun(base, paths, options.warmupS, options.connections);
      const api = await autocannonRun(base, paths, options.durationS, options.connections);
      const driver = await driverRun(db, work.get(name)!, options.durationS, options.connections);
      measured.set(name, { api, driver });
      log(
        `api ${name}: HTTP p50 ${api.p50.toFixed(1)} / p95 ${api.p95.toFixed(1)} / p99 ${api.p99.toFixed(1)} ms, ${api.requests} requests, ${api.errors} errors; ` +
          `driver p50 ${driver.p50.toFixed(1)} / p95 ${driver.p95.toFixed(1)} ms`,
      );
      const f = (n: string, value: number, unit: string, baseline?: string, runs = api.requests): Figure => ({
        key: figureKey(PART, `${name} ${n}`, size),
        part: PART,
        name: `${name} ${n}`,
        size,
        value,
        unit,
        better: n === 'requests/s' ? 'higher' : 'lower',
        runs,
        ...(baseline ? { baseline: figureKey(PART, `${name} ${baseline}`, size) } : {}),
      });
      figures.push(
        f('p50', api.p50, 'ms', 'driver p50'),
        f('p95', api.p95, 'ms', 'driver p95'),
        f('p99', api.p99, 'ms', 'driver p99'),
        f('errors', api.errors, ''),
        f('requests/s', api.requests / options.durationS, 'req/s'),
        f('driver p50', driver.p50, 'ms', undefined, driver.requests),
        f('driver p95', driver.p95, 'ms', undefined, driver.requests),
        f('driver p99', driver.p99, 'ms', undefined, driver.requests),
      );
    }
  } finally {
    await app.close();
  }

  const at = `${size.toLocaleString('en-US')} papers, ${options.connections} connections`;
  const goal = (name: string, limitMs: number) => {
    const m = measured.get(name)!;
    goals.push({
      part: PART,
      goal: `${name} p95 ≤ ${limitMs} ms (${at})`,
      measured: formatValue(m.api.p95, 'ms'),
      baseline: formatValue(m.driver.p95, 'ms (driver, no HTTP)'),
      ratio: `${(m.api.p95 / m.driver.p95).toFixed(2)}× the driver`,
      met: m.api.p95 <= limitMs,
    });
  };
  goal('search', 50);
  goal('node', 50);
  goal('neighbourhood depth 1', 100);
  goal('neighbourhood depth 2', 300);
  goal('lineage', 100);
  goal('path', 200);
  goal('overview', 100);
  const errors = [...measured.values()].reduce((s, m) => s + m.api.errors, 0);
  goals.push({
    part: PART,
    goal: `0 errors over all endpoints (${at})`,
    measured: String(errors),
    baseline: '0',
    ratio: '',
    met: errors === 0,
  });
  goals.push({
    part: PART,
    goal: 'no API query scans a whole label (EXPLAIN)',
    measured: findings.length
      ? [...new Set(findings.map((f) => `${f.endpoint}: ${f.operator}`))].join('; ')
      : `none in ${checked} statements`,
    baseline: '',
    ratio: '',
    met: findings.length === 0,
  });
  return { figures, goals, failures, notes };
}
