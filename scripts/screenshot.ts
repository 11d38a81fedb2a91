// Takes a 1400×900 screenshot of a running explorer once its first view is drawn and laid out:
//   npx tsx scripts/screenshot.ts <explorer url> <out.png> [--open-cluster]
// `--open-cluster` double-clicks the largest group first (a view of a cluster opened).
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser.js';

const [url, out] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!url || !out) {
  console.error('usage: npx tsx scripts/screenshot.ts <explorer url> <out.png> [--open-cluster]');
  process.exit(2);
}

/** Waits until the explorer says it is ready and no layout runs. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__methodgraph?.ready === true, undefined, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  await page.waitForFunction(() => window.__methodgraph?.layout() === 'idle', undefined, { timeout: 120_000 });
  await page.waitForTimeout(1500);
}

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await settled(page);
  if (process.argv.includes('--open-cluster')) {
    const target = await page.evaluate(() => {
      const h = window.__methodgraph!;
      const cluster = h.visibleNodes().find((id) => id.startsWith('cluster:'));
      return cluster ? { id: cluster, at: h.nodeOnScreen(cluster) } : null;
    });
    if (!target?.at) throw new Error('scripts/screenshot: no cluster node on screen to open');
    await page.mouse.dblclick(target.at.x, target.at.y);
    await page.waitForFunction((id) => !window.__methodgraph!.hasNode(id), target.id, { timeout: 60_000 });
    await settled(page);
  }
  await page.screenshot({ path: out });
  console.log(`scripts/screenshot: wrote ${out}`);
} finally {
  await browser.close();
}
