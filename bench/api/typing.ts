// Search as one person types: every prefix of a few names sent one after the other, as the search box
// does, through the app of this checkout (and of `--base`), each warm (the second of two passes, after
// a wait for what the app builds at start), and the milliseconds of each keystroke printed in order.
// Run: NEO4J_URI=bolt://127.0.0.1:7910 npx tsx bench/api/typing.ts [--base /tmp/base] [--limit 8]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { dbConfig } from '../../src/neo4j/config.js';
import { openDatabase } from '../../src/neo4j/driver.js';
import { buildApp } from '../../src/server/app.js';

const NAMES = ['knowledge distillation', 'mixture of experts', 'transformer', 'sparsedino'];
/** What the app builds at start (search's name index) is built within this, on the 100k database. */
const SETTLE_MS = 5000;

const { values } = parseArgs({ options: { base: { type: 'string' }, limit: { type: 'string', default: '8' } } });
const uri = process.env.NEO4J_URI;
const baseApp = values.base ? join(values.base, 'src', 'server', 'app.ts') : null;
if (!uri || (baseApp && !existsSync(baseApp))) {
  console.error('bench/api/typing: set NEO4J_URI; --base must be a checkout with src/server/app.ts');
  process.exit(2);
}

const db = await openDatabase({ ...dbConfig(), uri });
const apps: [string, Awaited<ReturnType<typeof buildApp>>][] = [];
if (baseApp) apps.push(['base', await ((await import(baseApp)) as { buildApp: typeof buildApp }).buildApp({ db })]);
apps.push(['head', await buildApp({ db })]);
try {
  for (const [, app] of apps) await app.ready();
  await sleep(SETTLE_MS);
  console.log(`bench/api/typing: ms per keystroke, limit=${values.limit}, the second of two passes\n`);
  console.log(`| typed | ${apps.map(([name]) => name).join(' | ')} |`);
  console.log(`| --- | ${apps.map(() => '---').join(' | ')} |`);
  for (const name of NAMES) {
    const cells: string[] = [];
    for (const [, app] of apps) {
      const times: string[] = [];
      for (let pass = 0; pass < 2; pass++) {
        for (let i = 1; i <= name.length; i++) {
          const t0 = performance.now();
          const res = await app.inject({
            method: 'GET',
            url: `/api/search?q=${encodeURIComponent(name.slice(0, i))}&limit=${values.limit}`,
          });
          if (res.statusCode !== 200)
            throw new Error(`bench/api/typing: "${name.slice(0, i)}" answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
          if (pass === 1) times.push((performance.now() - t0).toFixed(0));
        }
      }
      cells.push(times.join(' '));
    }
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
} finally {
  for (const [, app] of apps) await app.close();
  await db.close();
}
