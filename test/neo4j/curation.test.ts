// Curation over extraction, against the real Neo4j: a re-ingest, --reset and an undone run keep every
// curation and its effect; export → a fresh database → ingest → import gives the same curated state;
// a bad export file is refused naming the record and field. Plus the fold of records into link states.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/run.js';
import { undoRun } from '../../ingest/load/index.js';
import type { Database } from '../../src/neo4j/driver.js';
import { curationCli } from '../../src/neo4j/curation/cli.js';
import { foldCurations } from '../../src/neo4j/curation/fold.js';
import { createCuration, listCurations } from '../../src/neo4j/curation/store.js';
import { parseCurationFile, readCurationFile, writeCurationFile } from '../../src/neo4j/curation/transfer.js';
import type { CurationRecord } from '../../src/shared/api/curation.js';
import { loadDefaultCorpus } from '../helpers/corpus.js';
import { emptyDatabase, freshTestDatabase, openTestDatabase } from '../helpers/db.js';

let db: Database;
let dir: string;

async function rows<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = db.session('READ');
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

interface Link {
  from: string;
  to: string;
  kind: string;
}

/** Extracted BUILDS_ON links between methods or architectures, one relationship per pair. */
const extracted = () =>
  rows<Link>(
    `MATCH (a:Method|Architecture)-[r:BUILDS_ON]->(b:Method|Architecture)
     WHERE r.source = 'extraction' AND r.kind IS NOT NULL AND COUNT { (a)-[:BUILDS_ON]->(b) } = 1
     RETURN a.id AS from, b.id AS to, r.kind AS kind ORDER BY r.id LIMIT 4`,
  );

let links: Link[];
let added: { from: string; to: string };
let newTarget: string;

/** Every relationship between the curated pairs, as text: type, ends, kind, curation, evidence. */
async function curatedState(): Promise<string[]> {
  const pairs = [...links.map((l) => [l.from, l.to]), [added.from, added.to], [links[3]!.from, newTarget]];
  const found = await rows<{ line: string }>(
    `UNWIND $pairs AS pair
     MATCH (a:Entity {id: pair[0]})-[r]->(b:Entity {id: pair[1]})
     RETURN type(r) + ' ' + a.id + '->' + b.id + ' ' + coalesce(r.kind, '-') + ' ' + coalesce(r.curation, '-') + ' ' + coalesce(r.evidence, '-') AS line`,
    { pairs },
  );
  return found.map((r) => r.line).sort();
}

beforeAll(async () => {
  db = await freshTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'methodgraph-curation-'));
  await loadDefaultCorpus(db);
  links = await extracted();
  const [other] = await rows<{ id: string }>(
    'MATCH (m:Method) WHERE NOT m.id IN $ids AND NOT (:Entity {id: $from})-[:BUILDS_ON]->(m) RETURN m.id AS id ORDER BY m.id LIMIT 1',
    { ids: links.flatMap((l) => [l.from, l.to]), from: links[3]!.from },
  );
  newTarget = other!.id;
  const [pair] = await rows<{ from: string; to: string }>(
    'MATCH (a:Architecture), (b:Architecture) WHERE a <> b AND NOT (a)-[:BUILDS_ON]-(b) RETURN a.id AS from, b.id AS to ORDER BY a.id, b.id LIMIT 1',
  );
  added = pair!;
  const who = { who: 'curation test' };
  await createCuration(db, { action: 'reject', from: links[0]!.from, to: links[0]!.to, type: 'BUILDS_ON', note: 'wrong' }, who);
  await createCuration(
    db,
    { action: 'kind', from: links[1]!.from, to: links[1]!.to, kind: links[1]!.kind === 'variant' ? 'adapts' : 'variant' },
    who,
  );
  await createCuration(db, { action: 'accept', from: links[2]!.from, to: links[2]!.to, type: 'BUILDS_ON' }, who);
  await createCuration(db, { action: 'retarget', from: links[3]!.from, to: links[3]!.to, newTarget }, who);
  await createCuration(db, { action: 'add', ...added, kind: 'combines', note: 'Table 2 combines both.' }, who);
  // Loading the corpus on a busy machine can take minutes.
}, 900_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.close();
});

describe('neo4j/curation', { timeout: 600_000 }, () => {
  let curated: string[];

  it('should apply every curation over the extracted graph', async () => {
    curated = await curatedState();
    const [rejected, kind, accepted, retargeted] = links;
    expect(curated).toContainEqual(expect.stringMatching(new RegExp(`^REJECTED ${rejected!.from}->${rejected!.to} \\S+ rejected `)));
    expect(curated).toContainEqual(
      expect.stringMatching(new RegExp(`^BUILDS_ON ${kind!.from}->${kind!.to} (variant|adapts) kind-changed `)),
    );
    expect(curated).toContainEqual(expect.stringMatching(new RegExp(`^BUILDS_ON ${accepted!.from}->${accepted!.to} \\S+ accepted `)));
    expect(curated).toContainEqual(expect.stringMatching(new RegExp(`^REJECTED ${retargeted!.from}->${retargeted!.to} \\S+ retargeted `)));
    expect(curated).toContainEqual(
      expect.stringMatching(new RegExp(`^BUILDS_ON ${retargeted!.from}->${newTarget} ${retargeted!.kind} added `)),
    );
    expect(curated).toContain(`BUILDS_ON ${added.from}->${added.to} combines added Table 2 combines both.`);
  });

  it('should keep the curated state through a re-ingest (a rejected link does not come back)', async () => {
    await ingest(db, {});
    expect(await curatedState()).toEqual(curated);
  });

  it('should keep curations through --reset and an undone run', async () => {
    const summary = await ingest(db, { reset: true });
    expect(await curatedState()).toEqual(curated);
    await undoRun(db, summary.run!);
    expect((await listCurations(db)).length).toBe(5);
    expect(await rows('MATCH (n:Entity) RETURN n LIMIT 1')).toEqual([]);
    await ingest(db, {});
    expect(await curatedState()).toEqual(curated);
  });

  it('should give the same curated state after export → a fresh database → ingest → import', async () => {
    const file = join(dir, 'curations.json');
    expect(await curationCli(['export', file], sink(), sink(), openTestDatabase)).toBe(0);
    expect((await readCurationFile(file)).curations).toHaveLength(5);
    await emptyDatabase(db);
    await ingest(db, {});
    expect(await curatedState()).not.toEqual(curated);
    const out = sink();
    expect(await curationCli(['import', file], out, sink(), openTestDatabase)).toBe(0);
    expect(out.text).toMatch(/read 5 curation\(s\) .*: 5 new/);
    expect(await curatedState()).toEqual(curated);
    // Importing twice adds nothing.
    const again = sink();
    expect(await curationCli(['import', file], again, sink(), openTestDatabase)).toBe(0);
    expect(again.text).toMatch(/: 0 new/);
  });

  it('should refuse a bad file naming the record and field, before touching the database', async () => {
    const file = join(dir, 'bad.json');
    const good = (await listCurations(db))[0]!;
    writeFileSync(
      file,
      JSON.stringify({
        format: 'methodgraph-curations',
        version: 1,
        exportedAt: 'x',
        curations: [good, { ...good, id: 'c2', kind: 'improves' }],
      }),
    );
    const err = sink();
    expect(await curationCli(['import', file], sink(), err, openTestDatabase)).toBe(1);
    expect(err.text).toMatch(/curation import: .*bad\.json: record 2 \(curations\[1\], id c2\): field "kind" must be one of: extends/);
    expect(() => parseCurationFile('{"format":', 'x.json')).toThrow(/x\.json is not JSON/);
    expect(() => parseCurationFile('{"format":"other","version":1,"exportedAt":"","curations":[]}', 'y.json')).toThrow(
      /y\.json: field "format" must be "methodgraph-curations"/,
    );
    await writeCurationFile(join(dir, 'empty.json'), []);
    expect((await readCurationFile(join(dir, 'empty.json'))).curations).toEqual([]);
  });
});

describe('neo4j/curation/fold', () => {
  const record = (over: Partial<CurationRecord>): CurationRecord => ({
    id: 'c',
    action: 'accept',
    who: 'a',
    at: '2026-12-01T00:00:00.000Z',
    note: null,
    from: 'method:a',
    to: 'method:b',
    type: 'BUILDS_ON',
    kind: null,
    newTarget: null,
    evidence: 'A builds on B.',
    paperId: 'paper:p',
    confidence: 0.8,
    previousKind: 'extends',
    ...over,
  });

  it('should let the latest curation of a link decide, keeping a chosen kind', () => {
    const [state] = foldCurations([
      record({ id: '3', action: 'accept', at: '2026-12-01T00:00:03.000Z' }),
      record({ id: '1', action: 'kind', kind: 'variant', at: '2026-12-01T00:00:01.000Z' }),
      record({ id: '2', action: 'reject', at: '2026-12-01T00:00:02.000Z' }),
    ]);
    expect(state).toMatchObject({ hidden: false, status: 'accepted', kind: 'variant', last: '3' });
  });

  it('should move a retargeted link with its evidence and kind', () => {
    const states = foldCurations([record({ id: '1', action: 'retarget', newTarget: 'method:c', note: 'meant C' })]);
    expect(states.find((s) => s.to === 'method:b')).toMatchObject({ hidden: true, status: 'retargeted', retargetedTo: 'method:c' });
    expect(states.find((s) => s.to === 'method:c')).toMatchObject({
      hidden: false,
      status: 'added',
      kind: 'extends',
      added: { evidence: 'A builds on B.', paperId: 'paper:p', confidence: 0.8, retargetedFrom: 'method:b', note: 'meant C' },
    });
  });
});

/** A writable that keeps what the CLI prints. */
function sink(): NodeJS.WriteStream & { text: string } {
  const s = {
    text: '',
    write(chunk: string) {
      s.text += chunk;
      return true;
    },
  };
  return s as unknown as NodeJS.WriteStream & { text: string };
}
