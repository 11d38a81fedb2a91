// The explorer's actions on a large view, in headless Chromium against the database the bench is given:
// from an overview of 2,000 ranked nodes (`?overview=2000`: the first view itself draws fewer, with
// clusters for the rest) and its clusters, with one idea selected, each of *Lineage*, *Only this*,
// *Expand*, the legend's filter of papers and *Undo* of an expansion is clicked in a fresh page, and
// the Long Tasks API records the main thread from the click until the view has settled (the action
// drawn, the camera still, the layout idle).
import type { Browser, Page } from 'playwright-core';
import type { Database } from '../../src/neo4j/driver.js';
import { distDir } from '../../src/neo4j/paths.js';
import { buildApp } from '../../src/server/app.js';
import { launchBrowser } from '../../test/helpers/browser.js';
import { freePort } from '../../test/helpers/ports.js';
import { ensureDist } from '../../test/web/e2e/harness.js';
import { figureKey, formatValue, type Figure, type Goal } from '../lib/results.js';

export interface ActionsBenchOptions {
  db: Database;
  /** Papers in the database (for the figures' size). */
  size: number;
  runs: number;
  /** The node the actions apply to; by default the most important method or architecture of the first view. */
  node?: string;
  /** Which actions to measure (lineage, only-this, expand, filter, undo); all by default. */
  actions?: string[];
  log: (line: string) => void;
}

interface ActionRun {
  /** Longest main-thread task between the click and the settled view. */
  longestTaskMs: number;
  /** Sum of the long tasks' durations in that window. */
  longTaskMs: number;
  /** Each long task of that window: its start after the click and its duration, ms. */
  tasks: [number, number][];
  /** Longest gap between animation frames in that window. */
  longestFrameGapMs: number;
  /** From the click until the view settled (network and database included). */
  settledMs: number;
  nodesBefore: number;
  nodesAfter: number;
}

// Predicates run in the page (functions, not strings: the explorer's CSP forbids eval). `before` runs
// first, unmeasured: Undo takes back an expansion.
interface Action {
  id: string;
  name: string;
  button: string | RegExp;
  done: (before: number) => boolean;
  before?: (page: Page) => Promise<void>;
}

/** Expands the selected node and waits for the view to settle (what Undo then takes back). */
async function expandFirst(page: Page): Promise<void> {
  const before = (await page.evaluate('window.__methodgraph.order()')) as number;
  await page.getByRole('button', { name: 'Expand', exact: true }).click({ timeout: 300_000 });
  await page.waitForFunction((n) => window.__methodgraph?.order() !== n, before, { timeout: 180_000, polling: 50 });
  await settle(page);
}

const ACTIONS: Action[] = [
  { id: 'lineage', name: 'lineage', button: 'Lineage', done: () => window.__methodgraph?.mode() === 'lineage' },
  { id: 'only-this', name: 'only this', button: 'Show only this node', done: () => window.__methodgraph?.visibleOrder() === 1 },
  { id: 'expand', name: 'expand', button: 'Expand', done: (before: number) => window.__methodgraph?.order() !== before },
  // The legend's toggle of the papers (its name carries their count).
  { id: 'filter', name: 'filter', button: /^Hide Paper nodes/, done: (before: number) => window.__methodgraph?.visibleOrder() !== before },
  { id: 'undo', name: 'undo', button: 'Undo', before: expandFirst, done: (before: number) => window.__methodgraph?.order() !== before },
];

/** Installed before any page script: long tasks and animation-frame times. */
const OBSERVE = `
  window.__bench = { longtasks: [], frames: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const tick = (t) => { window.__bench.frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
`;

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => window.__methodgraph?.ready === true && window.__methodgraph.layout() === 'idle' && !window.__methodgraph.cameraMoving(),
    undefined,
    { timeout: 180_000, polling: 100 },
  );
  // Two more frames: what the last state change drew is on screen.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function runAction(browser: Browser, url: string, action: Action): Promise<ActionRun> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    await page.goto(url);
    await settle(page);
    await action.before?.(page);
    const button = page.getByRole('button', { name: action.button, exact: typeof action.button === 'string' });
    await button.waitFor({ timeout: 60_000 });
    // Nodes before and after: those drawn, or for a filter those it leaves visible.
    const count = action.id === 'filter' ? 'window.__methodgraph.visibleOrder()' : 'window.__methodgraph.order()';
    const before = (await page.evaluate(count)) as number;
    const t0 = (await page.evaluate('performance.now()')) as number;
    // A frozen page holds the click until its handler returns: the timeout must outlast a freeze.
    await button.click({ timeout: 300_000 });
    await page.waitForFunction(action.done, before, { timeout: 180_000, polling: 50 });
    await settle(page);
    return (await page.evaluate(`(() => {
      const t0 = ${t0}, t1 = performance.now();
      const tasks = window.__bench.longtasks.filter((t) => t.start + t.duration >= t0 && t.start <= t1);
      const frames = window.__bench.frames.filter((t) => t >= t0 && t <= t1);
      let gap = 0;
      for (let i = 1; i < frames.length; i++) gap = Math.max(gap, frames[i] - frames[i - 1]);
      return {
        longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
        longTaskMs: tasks.reduce((s, t) => s + t.duration, 0),
        tasks: tasks.map((t) => [Math.round(t.start - t0), Math.round(t.duration)]),
        longestFrameGapMs: gap,
        settledMs: t1 - t0,
        nodesBefore: ${before},
        nodesAfter: ${count},
      };
    })()`)) as ActionRun;
  } finally {
    await context.close();
  }
}

/** Ranked nodes of the view the actions start from: the largest overview the API gives. */
const VIEW_NODES = 2000;

/** The most important method or architecture of that view (the one whose lineage is largest). */
async function pickNode(app: Awaited<ReturnType<typeof buildApp>>): Promise<{ id: string; name: string; nodes: number }> {
  const res = await app.inject({ method: 'GET', url: `/api/overview?limit=2000&top=${VIEW_NODES}` });
  if (res.statusCode !== 200) throw new Error(`bench/render/actions: /api/overview answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
  const nodes = (res.json() as { graph: { nodes: { id: string; label: string; name: string; properties: Record<string, unknown> }[] } })
    .graph.nodes;
  const ideas = nodes.filter((n) => n.label === 'Method' || n.label === 'Architecture');
  const score = (n: (typeof ideas)[number]) => (typeof n.properties.importance === 'number' ? n.properties.importance : 0);
  const best = ideas.sort((a, b) => score(b) - score(a))[0];
  if (!best) throw new Error('bench/render/actions: the first view holds no method or architecture; ingest a corpus first');
  return { id: best.id, name: best.name, nodes: nodes.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runActionsBench(options: ActionsBenchOptions): Promise<{ figures: Figure[]; goals: Goal[]; notes: string[] }> {
  const { db, size, log } = options;
  await ensureDist();
  const app = await buildApp({ db, staticDir: distDir });
  let browser: Browser | undefined;
  const figures: Figure[] = [];
  const goals: Goal[] = [];
  const notes: string[] = [];
  try {
    const port = await freePort();
    await app.listen({ host: '127.0.0.1', port });
    const picked = await pickNode(app);
    const id = options.node ?? picked.id;
    const url = `http://127.0.0.1:${port}/?overview=${VIEW_NODES}&node=${encodeURIComponent(id)}`;
    notes.push(
      `actions: from the overview of ${VIEW_NODES} ranked nodes (${picked.nodes} with its clusters) with ${id === picked.id ? `${picked.name} (${id})` : id} selected`,
    );
    browser = await launchBrowser();
    const unknown = (options.actions ?? []).filter((a) => !ACTIONS.some((x) => x.id === a));
    if (unknown.length)
      throw new Error(`bench/render/actions: unknown action(s) ${unknown.join(', ')}; use ${ACTIONS.map((a) => a.id).join(', ')}`);
    for (const action of ACTIONS.filter((a) => !options.actions || options.actions.includes(a.id))) {
      const runs: ActionRun[] = [];
      for (let i = 0; i < options.runs; i++) {
        runs.push(await runAction(browser, url, action));
        log(
          `actions ${action.name}: run ${i + 1}/${options.runs}, longest task ${runs.at(-1)!.longestTaskMs.toFixed(0)} ms ` +
            `(long tasks, ms after the click: duration: ${runs
              .at(-1)!
              .tasks.map(([at, d]) => `${at}: ${d}`)
              .join(', ')})`,
        );
      }
      const longest = median(runs.map((r) => r.longestTaskMs));
      log(
        `actions ${action.name}: longest task ${runs.map((r) => r.longestTaskMs.toFixed(0)).join(' / ')} ms, ` +
          `long tasks in all ${runs.map((r) => r.longTaskMs.toFixed(0)).join(' / ')} ms, settled after ${runs.map((r) => r.settledMs.toFixed(0)).join(' / ')} ms, ` +
          `${runs[0]!.nodesBefore} → ${runs[0]!.nodesAfter} nodes`,
      );
      const f = (name: string, value: number, unit: string): Figure => ({
        key: figureKey('actions', `${action.name} ${name}`, size),
        part: 'actions',
        name: `${action.name} ${name}`,
        size,
        value,
        unit,
        better: 'lower',
        runs: runs.length,
      });
      figures.push(
        f('longest main-thread task', longest, 'ms'),
        f('long tasks in all', median(runs.map((r) => r.longTaskMs)), 'ms'),
        f('longest frame gap', median(runs.map((r) => r.longestFrameGapMs)), 'ms'),
        f('click to settled view', median(runs.map((r) => r.settledMs)), 'ms'),
        f('nodes after', median(runs.map((r) => r.nodesAfter)), 'nodes'),
      );
      goals.push({
        part: 'actions',
        goal: `${action.name} from a ${picked.nodes.toLocaleString('en-US')}-node view: longest main-thread task ≤ 200 ms (${size.toLocaleString('en-US')} papers)`,
        measured: formatValue(longest, 'ms'),
        baseline: '',
        ratio: '',
        met: longest <= 200,
      });
    }
  } finally {
    await browser?.close();
    await app.close();
  }
  return { figures, goals, notes };
}
