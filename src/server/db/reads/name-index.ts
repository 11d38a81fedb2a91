// Search's name index: the name and alias keys of every method, architecture and dataset, held in
// memory and sorted, so the name matches of a search are a binary search and a scan of the keys that
// share the prefix, instead of index seeks in Neo4j on every keystroke. It is built once per graph
// state (graph-state.ts) in the background; until it is ready, and whenever it cannot answer alone,
// search reads Neo4j as before (search.ts). Each entry is the idea as search answers it (a lean node:
// 68k ideas and 35 MB of heap at 100k papers, built in 3 s), so a search the index answers reads nothing
// from Neo4j but the graph state, which concurrent requests share.
import type { Database } from '../../../neo4j/driver.js';
import { nodeFromLean, toWireNode } from '../../convert.js';
import type { NodeLabel, WireNode } from '../../../shared/graph.js';
import { nameKey } from '../../../shared/name-key.js';
import type { GraphStateReader } from './graph-state.js';
import { CANDIDATE } from './search.js';

/** Every idea, read as search reads its candidates (labels from the whitelist). */
const IDEAS = `MATCH (n:Method|Architecture|Dataset) WHERE n.id IS NOT NULL
RETURN ${CANDIDATE} AS n`;

/**
 * Most keys one search scans. Keys are sorted, so the exact match comes first and longer completions
 * later; the scan stops there (a one-letter search of a large graph), which only leaves out long
 * completions, ranked below the rest anyway.
 */
export const MAX_SCANNED = 5000;

/** An idea as a search candidate: the node as search answers it, with its name key. */
export interface IndexedIdea {
  node: WireNode;
  /** Name keys of its aliases, in the order of `node.properties.aliases`. */
  aliasKeys: string[];
}

export class NameIndex {
  private readonly keys: string[];
  private readonly owners: number[];

  constructor(readonly ideas: readonly IndexedIdea[]) {
    const pairs: [string, number][] = [];
    ideas.forEach((idea, i) => {
      const own = idea.node.properties.nameKey;
      if (typeof own === 'string' && own !== '') pairs.push([own, i]);
      for (const k of new Set(idea.aliasKeys)) if (k !== '' && k !== own) pairs.push([k, i]);
    });
    pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x - y));
    this.keys = pairs.map(([k]) => k);
    this.owners = pairs.map(([, i]) => i);
  }

  /** Ideas of these labels whose name key or an alias key starts with `key`, each once, in key order. */
  prefixed(key: string, labels: readonly NodeLabel[]): IndexedIdea[] {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    const seen = new Set<number>();
    const found: IndexedIdea[] = [];
    for (let i = lo; i < this.keys.length && i - lo < MAX_SCANNED && this.keys[i]!.startsWith(key); i++) {
      const owner = this.owners[i]!;
      if (seen.has(owner)) continue;
      seen.add(owner);
      const idea = this.ideas[owner]!;
      if ((labels as readonly string[]).includes(idea.node.label)) found.push(idea);
    }
    return found;
  }
}

/** A search candidate (a node read with CANDIDATE) as an index entry. */
export function indexedIdea(node: WireNode): IndexedIdea {
  const aliases = Array.isArray(node.properties.aliases) ? node.properties.aliases.map(String) : [];
  return { node, aliasKeys: aliases.map(nameKey) };
}

async function buildIndex(db: Database): Promise<NameIndex> {
  const ideas: IndexedIdea[] = [];
  const session = db.session('READ');
  try {
    // Streamed: rows become entries as they arrive, never also a buffered list of records.
    for await (const record of session.run(IDEAS)) ideas.push(indexedIdea(toWireNode(nodeFromLean(record.get('n')))));
  } finally {
    await session.close();
  }
  return new NameIndex(ideas);
}

/**
 * Keeps the name index of the graph's current state. A search asks for it; when the state changed
 * (a load, an undone run, a curation) the index is rebuilt in the background and the search reads
 * Neo4j meanwhile, so no request waits for a build.
 */
export class NameIndexReader {
  private current: { key: string; index: NameIndex | undefined } | undefined;
  private lastBuilt: NameIndex | undefined;

  constructor(
    private readonly db: Database,
    private readonly state: GraphStateReader,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /**
   * The index built last, whatever the graph's state now, without reading it: enough to tell that a
   * search cannot be answered from memory (see Searcher), never to answer one.
   */
  latest(): NameIndex | undefined {
    return this.lastBuilt;
  }

  /** The index of the graph as it is now, or undefined while it is being built. */
  async index(timeoutMs?: number): Promise<NameIndex | undefined> {
    const { key } = await this.state.read(timeoutMs);
    if (this.current?.key !== key) {
      const building: { key: string; index: NameIndex | undefined } = { key, index: undefined };
      this.current = building;
      buildIndex(this.db).then(
        (index) => {
          building.index = index;
          this.lastBuilt = index;
        },
        (error: unknown) => {
          // The next search starts another build.
          if (this.current === building) this.current = undefined;
          this.onError(error);
        },
      );
    }
    return this.current.index;
  }
}
