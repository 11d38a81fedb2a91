// Measures the explorer in headless Chromium on the default corpus: navigation to first graph paint,
// the longest main-thread task while ForceAtlas2 runs, and the gzip size of the JS loaded before
// first paint. `--screenshots` also writes docs/screenshot-main.png and docs/screenshot-lineage.png.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../src/server/app.js';
import { dbConfig } from '../src/neo4j/config.js';
import { startBundledDb, type RunningDb } from '../src/neo4j/bundled.js';
import { openDatabase } from '../src/neo4j/driver.js';
import { applySchema } from '../src/neo4j/schema.js';
import { distDir, projectRoot } from '../src/neo4j/paths.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { loadDefaultCorpus } from '../test/helpers/corpus.js';
import { freePort } from '../test/helpers/ports.js';
import { ensureDist } from '../test/web/e2e/harness.js';

const RUNS = Number(process.env.BENCH_RUNS || 7);
const screenshots = process.argv.includes('--screenshots');

/** Installed before any page script: records long tasks and the gaps between animation frames. */
const OBSERVE = `
  window.__bench = { longtasks: [], frames: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__bench.unsupported = String(e); }
  const tick = (t) => { window.__bench.frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
`;

interface Run {
  firstPaintMs: number;
  layoutMs: number;
  longestTaskMs: number;
  longTasks: number;
  longestFrameGapMs: number;
  scripts: string[];
}

async function measure(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(url);
  await page.waitForFunction(() => window.__methodgraph?.ready === true, undefined, { timeout: 30_000 });
  await page.waitForFunction(() => performance.getEntriesByName('methodgraph:layout-stop').length > 0, undefined, { timeout: 30_000 });
  const run = (await page.evaluate(`(() => {
    const mark = (n) => performance.getEntriesByName(n)[0].startTime;
    const paint = mark('methodgraph:first-graph-paint');
    const start = mark('methodgraph:layout-start');
    const stop = mark('methodgraph:layout-stop');
    const tasks = window.__bench.longtasks.filter((t) => t.start + t.duration >= start && t.start <= stop);
    const frames = window.__bench.frames.filter((t) => t >= start && t <= stop);
    let gap = 0;
    for (let i = 1; i < frames.length; i++) gap = Math.max(gap, frames[i] - frames[i - 1]);
    const scripts = performance.getEntriesByType('resource')
      .filter((r) => r.startTime < paint && /\\.js($|\\?)/.test(r.name))
      .map((r) => new URL(r.name).pathname);
    return { firstPaintMs: paint, layoutMs: stop - start, longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0), longTasks: tasks.length, longestFrameGapMs: gap, scripts };
  })()`)) as Run;
  await context.close();
  return run;
}

function gzipKiB(paths: string[]): { file: string; raw: number; gzip: number }[] {
  return [...new Set(paths)].map((p) => {
    const bytes = readFileSync(join(distDir, p));
    return { file: p, raw: bytes.length / 1024, gzip: gzipSync(bytes, { level: 9 }).length / 1024 };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function shoot(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  const page: Page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__methodgraph?.ready === true && window.__methodgraph.layout() === 'idle', undefined, {
    timeout: 30_000,
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(projectRoot, 'docs', 'screenshot-main.png') });
  const lineage = new URL('?view=lineage&root=architecture%3Aseqboat', url).toString();
  await page.goto(lineage);
  await page.waitForFunction(() => window.__methodgraph?.mode() === 'lineage', undefined, { timeout: 30_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(projectRoot, 'docs', 'screenshot-lineage.png') });
  await context.close();
}

async function main(): Promise<void> {
  await ensureDist();
  let bundled: RunningDb | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'methodgraph-bench-neo4j-'));
    bundled = await startBundledDb({ ...dbConfig().bundled, port: await freePort(), dataDir, heap: '1g' });
    uri = bundled.uri;
  }
  const db = await openDatabase({ ...dbConfig(), uri });
  const app = await buildApp({ db, staticDir: distDir });
  let browser: Browser | undefined;
  try {
    await applySchema(db);
    console.log('bench/render-app: loading the default corpus…');
    await loadDefaultCorpus(db);
    const port = await freePort();
    await app.listen({ host: '127.0.0.1', port });
    const url = `http://127.0.0.1:${port}/`;
    browser = await launchBrowser();
    const cold = await measure(browser, url);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, url));
    const files = gzipKiB(runs.flatMap((r) => r.scripts));
    const order = await (async () => {
      const res = await app.inject({ method: 'GET', url: '/api/overview?limit=2000' });
      const g = (res.json() as { graph: { nodes: unknown[]; edges: unknown[] } }).graph;
      return `${g.nodes.length} nodes, ${g.edges.length} edges`;
    })();
    const summary = {
      corpus: order,
      runs: RUNS,
      firstPaintMs: {
        cold: Math.round(cold.firstPaintMs),
        median: Math.round(median(runs.map((r) => r.firstPaintMs))),
        max: Math.round(Math.max(...runs.map((r) => r.firstPaintMs))),
      },
      layoutRunMs: Math.round(median(runs.map((r) => r.layoutMs))),
      longestTaskDuringLayoutMs: Math.round(Math.max(cold.longestTaskMs, ...runs.map((r) => r.longestTaskMs))),
      longTasksDuringLayout: Math.max(cold.longTasks, ...runs.map((r) => r.longTasks)),
      longestFrameGapDuringLayoutMs: {
        median: Math.round(median(runs.map((r) => r.longestFrameGapMs))),
        max: Math.round(Math.max(...runs.map((r) => r.longestFrameGapMs))),
      },
      jsBeforeFirstPaint: {
        files: files.map((f) => `${f.file} ${f.raw.toFixed(1)} KiB raw, ${f.gzip.toFixed(1)} KiB gzip`),
        gzipKiB: Number(files.reduce((a, f) => a + f.gzip, 0).toFixed(1)),
      },
    };
    console.log(JSON.stringify(summary, null, 2));
    if (screenshots) {
      await shoot(browser, url);
      console.log('bench/render-app: wrote docs/screenshot-main.png and docs/screenshot-lineage.png');
    }
  } finally {
    await browser?.close();
    await app.close();
    await db.close();
    await bundled?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
