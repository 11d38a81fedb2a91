// Baseline: the same rows written to CSV files (one per label and per relationship type and endpoint
// labels) and loaded with `LOAD CSV ... CALL { CREATE } IN TRANSACTIONS`. The bundled launcher lets
// LOAD CSV read only <data>/import, so the files are hard-linked there first.
import { createWriteStream, existsSync, linkSync, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, join } from 'node:path';
import type { Database } from '../../src/neo4j/driver.js';
import { isNodeLabel, isRelationshipType, type NodeLabel } from '../../src/shared/graph.js';
import { storable, type LoadRun } from './baseline-unwind.js';
import { readWireGraph } from './wire.js';

type Kind = 'string' | 'integer' | 'float' | 'boolean' | 'list';
const SEP = '\u241e';
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface CsvFile {
  path: string;
  columns: Map<string, Kind>;
  statement?: string;
  rows: number;
  kind: 'node' | 'edge';
  label?: NodeLabel;
  type?: string;
  source?: NodeLabel;
  target?: NodeLabel;
}

function kindOf(value: unknown): Kind {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float';
  return 'string';
}

function widen(a: Kind | undefined, b: Kind): Kind {
  if (!a || a === b) return b;
  if ((a === 'integer' && b === 'float') || (a === 'float' && b === 'integer')) return 'float';
  return 'string';
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join(SEP) : String(value);
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/"/g, '""')}"`;
}

function convert(key: string, kind: Kind): string {
  const v = `row.\`${key}\``;
  switch (kind) {
    case 'integer':
      return `toInteger(${v})`;
    case 'float':
      return `toFloat(${v})`;
    case 'boolean':
      return `toBoolean(${v})`;
    case 'list':
      return `split(${v}, '${SEP}')`;
    default:
      return v;
  }
}

function statementFor(file: CsvFile, txRows: number): string {
  const sets = [...file.columns]
    .filter(([key]) => !['source', 'target'].includes(key) || file.kind === 'node')
    .map(([key, kind]) => `x.\`${key}\` = ${convert(key, kind)}`)
    .join(', ');
  const body =
    file.kind === 'node'
      ? `CREATE (x:${file.label}) SET ${sets}`
      : `MATCH (a:${file.source} {id: row.source}) MATCH (b:${file.target} {id: row.target}) CREATE (a)-[x:${file.type}]->(b) SET ${sets}`;
  return `LOAD CSV WITH HEADERS FROM $url AS row CALL (row) { ${body} } IN TRANSACTIONS OF ${txRows} ROWS`;
}

async function writeLine(out: WriteStream, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain');
}

/** Two passes over the wire graph: the columns and their types, then the CSV rows. */
export async function writeCsvFiles(graphPath: string, dir: string): Promise<CsvFile[]> {
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, CsvFile>();
  const labels = new Map<string, NodeLabel>();
  const fileOf = (key: string, init: Omit<CsvFile, 'columns' | 'rows' | 'path'>): CsvFile => {
    let f = files.get(key);
    if (!f) files.set(key, (f = { ...init, path: join(dir, `${key.replace(/\|/g, '-')}.csv`), columns: new Map(), rows: 0 }));
    return f;
  };
  const record = (f: CsvFile, row: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(row)) if (KEY.test(k)) f.columns.set(k, widen(f.columns.get(k), kindOf(v)));
    f.rows++;
  };
  const rowOfNode = (node: { id: string; name: string; properties: Record<string, unknown> }) => ({
    ...storable(node.properties as never),
    id: node.id,
    name: node.name,
  });
  for await (const item of readWireGraph(graphPath)) {
    if (item.kind === 'node') {
      if (!isNodeLabel(item.node.label)) continue;
      labels.set(item.node.id, item.node.label);
      record(fileOf(item.node.label, { kind: 'node', label: item.node.label }), rowOfNode(item.node));
    } else {
      const s = labels.get(item.edge.source);
      const t = labels.get(item.edge.target);
      if (!s || !t || !isRelationshipType(item.edge.type)) continue;
      const f = fileOf(`${item.edge.type}|${s}|${t}`, { kind: 'edge', type: item.edge.type, source: s, target: t });
      record(f, { ...storable(item.edge.properties), id: item.edge.id, source: item.edge.source, target: item.edge.target });
    }
  }
  const streams = new Map<CsvFile, WriteStream>();
  for (const f of files.values()) {
    const out = createWriteStream(f.path);
    streams.set(f, out);
    await writeLine(out, `${[...f.columns.keys()].join(',')}\n`);
  }
  for await (const item of readWireGraph(graphPath)) {
    const f =
      item.kind === 'node'
        ? files.get(item.node.label)
        : files.get(`${item.edge.type}|${labels.get(item.edge.source)}|${labels.get(item.edge.target)}`);
    if (!f) continue;
    const row: Record<string, unknown> =
      item.kind === 'node'
        ? rowOfNode(item.node)
        : { ...storable(item.edge.properties), id: item.edge.id, source: item.edge.source, target: item.edge.target };
    await writeLine(streams.get(f)!, `${[...f.columns.keys()].map((k) => cell(row[k])).join(',')}\n`);
  }
  for (const out of streams.values()) {
    out.end();
    await once(out, 'finish');
  }
  return [...files.values()];
}

/** Loads the CSV files, nodes first; the timing covers the LOAD CSV statements only. */
export async function loadCsv(db: Database, files: CsvFile[], txRows: number, importDir: string): Promise<LoadRun> {
  mkdirSync(importDir, { recursive: true });
  for (const f of files) {
    const linked = join(importDir, basename(f.path));
    if (!existsSync(linked)) linkSync(f.path, linked);
  }
  const ordered = [...files.filter((f) => f.kind === 'node'), ...files.filter((f) => f.kind === 'edge')];
  let nodes = 0;
  let relationships = 0;
  const started = performance.now();
  let nodesDone = 0;
  for (const f of ordered) {
    if (f.kind === 'edge' && !nodesDone) nodesDone = performance.now();
    const session = db.session('WRITE');
    try {
      await session.run(statementFor(f, txRows), { url: `file:///${basename(f.path)}` });
    } finally {
      await session.close();
    }
    if (f.kind === 'node') nodes += f.rows;
    else relationships += f.rows;
  }
  const ended = performance.now();
  nodesDone ||= ended;
  return { nodes, relationships, ms: ended - started, nodesMs: nodesDone - started, relationshipsMs: ended - nodesDone, skipped: 0 };
}
