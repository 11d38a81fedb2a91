// A CPU profile of one explorer action from the actions bench's 2,000-node view (Chrome DevTools
// Protocol profiler through playwright-core): the functions with the most self time between the
// click and the settled view, and the long tasks in that window. Extra query parameters go to the
// page (`--query programs=compat`), to compare variants of the same action. `--stub-draws` is an
// experiment, never a mode of the product: every WebGL draw call of the page does nothing, so what
// is left is the main thread's work without the software rasteriser's (SwiftShader) draws.
// Run: NEO4J_URI=bolt://127.0.0.1:7900 npx tsx bench/render/profile-action.ts --action only-this [--node <id>] [--query k=v] [--top 25] [--save x.cpuprofile]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dbConfig } from '../../src/neo4j/config.js';
import { openDatabase } from '../../src/neo4j/driver.js';
import { distDir } from '../../src/neo4j/paths.js';
import { buildApp } from '../../src/server/app.js';
import { launchBrowser } from '../../test/helpers/browser.js';
import { freePort } from '../../test/helpers/ports.js';
import { ensureDist } from '../../test/web/e2e/harness.js';

const { values } = parseArgs({
  options: {
    action: { type: 'string', default: 'only-this' },
    node: { type: 'string', default: 'method:volume-rendering' },
    query: { type: 'string', default: '' },
    top: { type: 'string', default: '25' },
    'stub-draws': { type: 'boolean', default: false },
    /** Writes the raw profile there (a .cpuprofile file DevTools opens), for a look at whole call trees. */
    save: { type: 'string' },
  },
});
// Undo takes back an expansion made first (not profiled); the filter is the legend's toggle of the papers.
const BUTTONS: Record<string, string | RegExp> = {
  lineage: 'Lineage',
  'only-this': 'Show only this node',
  expand: 'Expand',
  filter: /^Hide Paper nodes/,
  undo: 'Undo',
};
const button = BUTTONS[values.action];
if (!process.env.NEO4J_URI || !button) {
  console.error(`bench/render/profile-action: set NEO4J_URI and give --action ${Object.keys(BUTTONS).join('|')}`);
  process.exit(2);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

await ensureDist();
const db = await openDatabase({ ...dbConfig(), uri: process.env.NEO4J_URI });
const app = await buildApp({ db, staticDir: distDir });
const port = await freePort();
await app.listen({ host: '127.0.0.1', port });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  if (values['stub-draws'])
    await page.addInitScript(`for (const C of [WebGLRenderingContext, WebGL2RenderingContext])
      for (const f of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) if (C.prototype[f]) C.prototype[f] = function () {};`);
  await page.addInitScript(
    `window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`,
  );
  const extra = values.query ? `&${values.query}` : '';
  await page.goto(`http://127.0.0.1:${port}/?overview=2000&node=${encodeURIComponent(values.node)}${extra}`);
  const settle = () =>
    page.waitForFunction(
      () => window.__methodgraph?.ready === true && window.__methodgraph.layout() === 'idle' && !window.__methodgraph.cameraMoving(),
      undefined,
      { timeout: 180_000, polling: 100 },
    );
  await settle();
  if (values.action === 'undo') {
    const before = (await page.evaluate('window.__methodgraph.order()')) as number;
    await page.getByRole('button', { name: 'Expand', exact: true }).click({ timeout: 300_000 });
    await page.waitForFunction((n) => window.__methodgraph?.order() !== n, before, { timeout: 180_000, polling: 50 });
    await settle();
  }
  const target = page.getByRole('button', { name: button, exact: typeof button === 'string' });
  await target.waitFor({ timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = (await page.evaluate('performance.now()')) as number;
  await target.click({ timeout: 300_000 });
  await page.waitForTimeout(300);
  await settle();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  if (values.save) writeFileSync(values.save, JSON.stringify(profile));
  const long = (await page.evaluate(`window.__long.filter(([s, d]) => s + d >= ${t0})`)) as [number, number][];
  // Self time per function: each sample's time goes to the node it landed in.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
    if (f.functionName !== '(idle)') total += dt;
  });
  console.log(
    `action ${values.action}${extra}${values['stub-draws'] ? ' (WebGL draws stubbed)' : ''}: long tasks ${long.map(([, d]) => d.toFixed(0)).join(', ')} ms; sampled busy time ${total.toFixed(0)} ms`,
  );
  for (const [key, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
  // The longest stretch of samples with no idle one between them (≈ the longest task), and what it ran.
  let best: [number, number] = [0, 0];
  let bestMs = 0;
  let start = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName === '(idle)') {
      start = i + 1;
      busy = 0;
      return;
    }
    busy += (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (busy > bestMs) [best, bestMs] = [[start, i + 1], busy];
  });
  const inTask = new Map<string, number>();
  for (let i = best[0]; i < best[1]; i++) {
    const f = byId.get(profile.samples[i]!)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`.trim();
    inTask.set(key, (inTask.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  console.log(`\nlongest busy stretch: ${bestMs.toFixed(0)} ms`);
  for (const [key, ms] of [...inTask.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
  await context.close();
} finally {
  await browser.close();
  await app.close();
  await db.close();
}
