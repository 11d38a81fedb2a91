// Rendering bench driver: builds the sigma and vis-network bench pages with Vite, serves them, and
// measures first paint, fps while panning/zooming and main-thread stalls during layout in headless Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium, serveDirectory } from '../lib/chromium.js';
import { medianOf } from '../lib/stats.js';
import type { RenderResult } from './graph.js';

const here = dirname(fileURLToPath(import.meta.url));
export const LIBRARIES = ['sigma', 'vis-network'] as const;
export type Library = (typeof LIBRARIES)[number];

export interface RenderOptions {
  sizes: number[];
  runs: number;
  fpsMs: number;
  layoutMs: number;
  /** Give up on one page after this long (vis-network at 50k nodes can take minutes). */
  timeoutMs: number;
  log?: (line: string) => void;
}

export interface RenderFigures {
  library: Library;
  nodes: number;
  edges: number;
  runs: number;
  timedOut: number;
  firstPaintMs: number;
  navigationToPaintMs: number;
  fps: number;
  layoutLongestTaskMs: number;
  layoutMaxGapMs: number;
  layoutLongTasks: number;
  /** Median main-thread time of one draw call (sigma: WebGL submit; vis-network: the whole canvas draw). */
  renderMs: number;
}

/** Builds bench/render/*.html into a temporary directory. */
export async function buildPages(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: here,
    logLevel: 'warn',
    base: './',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { sigma: join(here, 'sigma.html'), vis: join(here, 'vis.html') } },
    },
  });
}

export async function runRenderBench(options: RenderOptions): Promise<RenderFigures[]> {
  const log = options.log ?? (() => {});
  const outDir = mkdtempSync(join(tmpdir(), 'methodgraph-render-bench-'));
  const browser = await launchChromium().catch((err: unknown) => {
    rmSync(outDir, { recursive: true, force: true });
    throw err;
  });
  let server: Awaited<ReturnType<typeof serveDirectory>> | undefined;
  try {
    await buildPages(outDir);
    server = await serveDirectory(outDir);
    const figures: RenderFigures[] = [];
    for (const n of options.sizes) {
      for (const library of LIBRARIES) {
        const results: RenderResult[] = [];
        let timedOut = 0;
        for (let run = 0; run < options.runs; run++) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
          try {
            const file = library === 'sigma' ? 'sigma.html' : 'vis.html';
            await page.goto(`${server.url}/${file}?n=${n}&fps=${options.fpsMs}&layout=${options.layoutMs}`);
            const result = await Promise.race([
              page.evaluate(() => window.benchResult!),
              new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), options.timeoutMs)),
            ]);
            if (result) results.push(result);
            else timedOut++;
          } finally {
            await page.close().catch(() => {});
          }
          if (timedOut) break; // a page that times out once will again; do not spend the budget twice
        }
        const f: RenderFigures = {
          library,
          nodes: n,
          edges: results[0]?.edges ?? n * 5,
          runs: results.length,
          timedOut,
          firstPaintMs: medianOf(results, (r) => r.firstPaintMs),
          navigationToPaintMs: medianOf(results, (r) => r.navigationToPaintMs),
          fps: medianOf(results, (r) => r.fps),
          layoutLongestTaskMs: medianOf(results, (r) => r.layout.longestTaskMs),
          layoutMaxGapMs: medianOf(results, (r) => r.layout.maxGapMs),
          layoutLongTasks: medianOf(results, (r) => r.layout.longTasks),
          renderMs: medianOf(results, (r) => r.renderMs),
        };
        log(
          `render ${library} ${n} nodes: first paint ${f.firstPaintMs.toFixed(0)} ms, ${f.fps.toFixed(1)} fps (${f.renderMs.toFixed(1)} ms/draw on main thread), ` +
            `layout longest task ${f.layoutLongestTaskMs.toFixed(0)} ms (max gap ${f.layoutMaxGapMs.toFixed(0)} ms)` +
            (timedOut ? `, timed out after ${options.timeoutMs / 1000} s` : ''),
        );
        figures.push(f);
      }
    }
    return figures;
  } finally {
    await server?.close();
    await browser.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
  const figures = await runRenderBench({
    sizes,
    runs: Number(process.argv[3] ?? 1),
    fpsMs: 2000,
    layoutMs: 2000,
    timeoutMs: 120_000,
    log: console.log,
  });
  console.log(JSON.stringify(figures, null, 2));
}
