// Streams a wire-format graph file written by the ingest's --json export (one node or edge per
// line) without loading it whole: a 100k-paper graph is over a gigabyte of JSON.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { WireEdge, WireNode } from '../../src/shared/graph.js';

export type WireItem = { kind: 'node'; node: WireNode } | { kind: 'edge'; edge: WireEdge };

export async function* readWireGraph(path: string): AsyncGenerator<WireItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let section: 'nodes' | 'edges' | undefined;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (line.startsWith('{"nodes":[')) section = 'nodes';
    if (line.includes('],"edges":[')) section = 'edges';
    let text = line.startsWith(',') ? line.slice(1) : line;
    if (text.startsWith('{"nodes":[') || text.startsWith('],"edges":[') || text === ']}' || text === '') continue;
    if (text.endsWith(',')) text = text.slice(0, -1);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new Error(
        `bench/ingest/wire: ${path} line ${lineNo}: expected one node or edge object per line (${(err as Error).message}); regenerate it with ingest --dry-run --json`,
        { cause: err },
      );
    }
    if (section === 'nodes') yield { kind: 'node', node: value as WireNode };
    else if (section === 'edges') yield { kind: 'edge', edge: value as WireEdge };
  }
}
