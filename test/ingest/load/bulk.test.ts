// Integration tests of the bulk first load: the same corpus loaded through Neo4j's offline importer
// and through the transactional writer gives the same graph (runs, pending references and schema
// included), in bundled Neo4j instances of its own; a later transactional ingest keeps them equal.
// The corpus is small but has every node label and relationship type (the test checks).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbConfig, type DbConfig } from '../../../src/neo4j/config.js';
import type { Database } from '../../../src/neo4j/driver.js';
import { bulkIngest, BulkRefusedError, openBundled, type BulkSummary } from '../../../ingest/load/bulk/index.js';
import { DEFAULT_CORPUS, ingest } from '../../../ingest/run.js';
import { writeCorpus } from '../../../bench/synthetic/cli.js';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../src/shared/graph.js';
import { QUICK_START_JVM } from '../../helpers/db.js';
import { freePort } from '../../helpers/ports.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'ingest');
const EXPORT_NODES = 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props';
const EXPORT_RELATIONSHIPS = 'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props';
const SHOW_SCHEMA =
  'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN name, type, labelsOrTypes, properties, state ORDER BY name';
const SHOW_CONSTRAINTS =
  'SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name';
const RUNS = 'MATCH (r:IngestRun) RETURN r.id AS id ORDER BY r.startedAt, r.id';

interface Exported {
  nodes: string[];
  relationships: string[];
  schema: string[];
}

/** A value with its Cypher type spelled out (2020 INTEGER and 2020.0 FLOAT differ) and run ids by their order. */
function typed(value: unknown, runs: Map<string, string>): unknown {
  if (neo4j.isInt(value)) return { int: value.toString() };
  if (typeof value === 'number') return { float: value };
  if (typeof value === 'string') {
    let text = value;
    for (const [id, name] of runs) text = text.replaceAll(id, name);
    return text;
  }
  if (Array.isArray(value)) return value.map((v) => typed(v, runs));
  return value;
}

/** Properties sorted by key; the run record's and the overview summary's clock times left out (they differ between any two runs). */
function sortedEntries(props: Record<string, unknown>, runs: Map<string, string>, labels: string[]): [string, unknown][] {
  return Object.keys(props)
    .filter((k) => !(labels.includes('IngestRun') && (k === 'startedAt' || k === 'finishedAt')))
    .filter((k) => !(labels.includes('GraphSummary') && k === 'computedAt'))
    .sort()
    .map((k) => [k, typed(props[k], runs)]);
}

/** Every node with labels and properties, every relationship with type, ends and properties, the schema; sorted. */
async function exportGraph(db: Database): Promise<Exported> {
  const session = db.session('READ');
  try {
    const runIds = (await session.run(RUNS)).records.map((r) => r.get('id') as string);
    const runs = new Map(runIds.map((id, i) => [id, `<run ${i + 1}>`]));
    const nodes = (await session.run(EXPORT_NODES)).records.map((r) => {
      const labels = [...(r.get('labels') as string[])].sort();
      return JSON.stringify([labels, sortedEntries(r.get('props') as Record<string, unknown>, runs, labels)]);
    });
    const relationships = (await session.run(EXPORT_RELATIONSHIPS)).records.map((r) =>
      JSON.stringify([r.get('type'), r.get('source'), r.get('target'), sortedEntries(r.get('props') as Record<string, unknown>, runs, [])]),
    );
    const indexes = (await session.run(SHOW_SCHEMA)).records.map((r) => JSON.stringify(r.toObject()));
    const constraints = (await session.run(SHOW_CONSTRAINTS)).records.map((r) => JSON.stringify(r.toObject()));
    return { nodes: nodes.sort(), relationships: relationships.sort(), schema: [...indexes, ...constraints] };
  } finally {
    await session.close();
  }
}

/** How many exported nodes carry each label set, relationships each type: where two graphs differ, at a glance. */
function histogram(lines: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of lines) {
    const key = JSON.stringify((JSON.parse(line) as unknown[])[0]);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

function expectSameGraph(actual: Exported, expected: Exported): void {
  // Counts per label and type, then the first differences both ways, readable, before the whole lists.
  expect(histogram(actual.nodes)).toEqual(histogram(expected.nodes));
  expect(histogram(actual.relationships)).toEqual(histogram(expected.relationships));
  const have = { nodes: new Set(actual.nodes), relationships: new Set(actual.relationships) };
  const want = { nodes: new Set(expected.nodes), relationships: new Set(expected.relationships) };
  expect(expected.nodes.filter((n) => !have.nodes.has(n)).slice(0, 3)).toEqual([]);
  expect(actual.nodes.filter((n) => !want.nodes.has(n)).slice(0, 3)).toEqual([]);
  expect(expected.relationships.filter((r) => !have.relationships.has(r)).slice(0, 3)).toEqual([]);
  expect(actual.relationships.filter((r) => !want.relationships.has(r)).slice(0, 3)).toEqual([]);
  expect(actual.nodes).toEqual(expected.nodes);
  expect(actual.relationships).toEqual(expected.relationships);
  expect(actual.schema).toEqual(expected.schema);
}

/** A Neo4j of this file's own; the client compiler only, as the other tests' short-lived Neo4j processes (the corpus is small). */
async function bundledConfig(dataDir: string): Promise<DbConfig> {
  const base = dbConfig({});
  const bundled = { ...base.bundled, dataDir, port: await freePort(), heap: '768m', pageCache: '64m', txMemory: '256m' };
  return { ...base, bundled: { ...bundled, javaOptions: [...(bundled.javaOptions ?? []), ...QUICK_START_JVM] } };
}

/** Synthetic papers beside the fixtures: enough for every label and relationship type (the test checks). */
const SYNTHETIC_PAPERS = 40;

/** Label sets and relationship types present in an export. */
function present(graph: Exported): { labels: Set<string>; types: Set<string> } {
  const labels = new Set(graph.nodes.flatMap((n) => (JSON.parse(n) as [string[]])[0]));
  const types = new Set(graph.relationships.map((r) => (JSON.parse(r) as [string])[0]));
  return { labels, types };
}

describe('ingest/load/bulk', () => {
  const dirs: string[] = [];
  let files: string[];
  let bulkConfig: DbConfig;
  let bulk: BulkSummary;
  const later = join(fixtures, 'incremental', 'b.json');

  const tempDir = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `methodgraph-${name}-`));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    const corpusDir = tempDir('bulk-corpus');
    const synthetic = join(corpusDir, 'synthetic.jsonl');
    await writeCorpus({ papers: SYNTHETIC_PAPERS, seed: 7, out: synthetic, builtIn: true });
    // Papers-with-Code methods and links (deferred code links, introducing papers), references
    // that resolve only against the stored graph, and references that stay pending.
    files = [
      synthetic,
      join(fixtures, 'pwc', 'methods.json'),
      join(fixtures, 'pwc', 'links-between-papers-and-code.json'),
      join(fixtures, 'pwc', 'papers-with-abstracts.json'),
      join(fixtures, 'incremental', 'a.json'),
      join(fixtures, 'incremental', 'cites-barnet.s2.json'),
      join(fixtures, 'incremental', 's2net.json'),
      // Introduces a method by a paper of a.json: a reference resolved at the end of the first load.
      join(fixtures, 'incremental', 'pwc-methods.json'),
    ];
    bulkConfig = await bundledConfig(join(tempDir('bulk-a'), 'neo4j'));
    // The CSV files outside a data directory that does not exist yet: the import creates it.
    bulk = await bulkIngest({ files, config: bulkConfig, batchSize: 500, csvDir: tempDir('bulk-csv') });
  }, 1_800_000);

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('#bulkIngest', () => {
    it('should load the same graph as the transactional writer, and stay the same after a later transactional ingest', async () => {
      const transactionalConfig = await bundledConfig(join(tempDir('bulk-b'), 'neo4j'));
      const tdb = await openBundled(transactionalConfig);
      let expected: Exported;
      let expectedLater: Exported;
      let transactional: Awaited<ReturnType<typeof ingest>>;
      try {
        const summary = (transactional = await ingest(tdb, { files, batchSize: 500 }));
        expect(summary.wrote).toBe(true);
        expected = await exportGraph(tdb);
        await ingest(tdb, { files: [later] });
        expectedLater = await exportGraph(tdb);
      } finally {
        await tdb.close();
      }
      const bdb = await openBundled(bulkConfig);
      let actual: Exported;
      let actualLater: Exported;
      try {
        actual = await exportGraph(bdb);
        await ingest(bdb, { files: [later] });
        actualLater = await exportGraph(bdb);
      } finally {
        await bdb.close();
      }
      expect(bulk.wrote).toBe(true);
      expect(bulk.bulk.nodes).toBeGreaterThan(200);
      expect(bulk.references?.stored).toBeGreaterThan(0);
      // References were resolved and importance computed in memory, before the import, as the Cypher steps would have.
      expect(transactional.references?.links).toBeGreaterThan(0);
      expect(bulk.references).toEqual(transactional.references);
      expect(bulk.bulk.finishSteps.map((s) => s.step)).not.toContain('references');
      expect(bulk.bulk.importanceComputed).toBe(false);
      expect(bulk.codeLinks.read).toBeGreaterThan(0);
      const covered = present(expected);
      expect(NODE_LABELS.filter((l) => !covered.labels.has(l))).toEqual([]);
      expect(RELATIONSHIP_TYPES.filter((t) => !covered.types.has(t))).toEqual([]);
      expect(['PendingRef', 'IngestRun', 'Entity'].filter((l) => !covered.labels.has(l))).toEqual([]);
      expectSameGraph(actual, expected);
      expect(actual.schema.filter((s) => s.includes('"state"')).every((s) => s.includes('"ONLINE"'))).toBe(true);
      expectSameGraph(actualLater, expectedLater);
    }, 1_800_000);

    it('should refuse a bulk load into a database that holds nodes', async () => {
      const refused: unknown = await bulkIngest({ files: [DEFAULT_CORPUS], config: bulkConfig }).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(BulkRefusedError);
      expect((refused as Error).message).toMatch(
        /already holds \d+ node\(s\); a bulk load only fills an empty database\. Load without --bulk/,
      );
    }, 1_200_000);

    it('should write CSV files, the run state and the neo4j-admin command for an external Neo4j', async () => {
      const csvDir = tempDir('bulk-external');
      const lines: string[] = [];
      const config = { ...dbConfig({}), uri: 'bolt://127.0.0.1:1' };
      const summary = await bulkIngest({ files: [DEFAULT_CORPUS], config, csvDir, onStep: (l) => lines.push(l) });
      const command = summary.bulk.command!;
      expect(command).toMatch(/^neo4j-admin database import full /);
      const named = [...command.matchAll(/--(nodes|relationships)=(\S+)/g)];
      expect(named.some((m) => m[1] === 'nodes')).toBe(true);
      expect(named.some((m) => m[1] === 'relationships')).toBe(true);
      for (const m of named) for (const file of m[2]!.split(',')) expect(existsSync(file)).toBe(true);
      const paperFile = named.find((m) => m[1] === 'nodes' && m[2]!.includes('Paper'))![2]!;
      const [header, first] = readFileSync(paperFile, 'utf8').split('\n');
      expect(header).toMatch(
        /^id:ID\(Paper\),:LABEL,abstract:string,.*degree:long,.*nameKey:string,.*runs:string\[\],sources:string\[\],.*title:string/,
      );
      // Labels are split on the array delimiter (U+001F), as lists are.
      expect(first!.split(',')[1]).toBe('Paper\u001fEntity');
      expect(first).toMatch(/^"[^"]+",/);
      expect(existsSync(join(csvDir, 'methodgraph-bulk-run.json'))).toBe(true);
      expect(lines.join('\n')).toContain(command);
      expect(lines.join('\n')).toContain(`--bulk-finish ${csvDir}`);
      expect(summary.wrote).toBe(false);
    }, 300_000);
  });
});
