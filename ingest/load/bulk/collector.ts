// The bulk loader's IngestSink: takes the batches the Neo4j writer would get and applies the same
// MERGE rules in memory (ingest/load/cypher.ts: first value wins, lists unioned in order, the
// Entity label, name and alias keys, the run on everything, relationships keyed on their id and
// skipped when an endpoint does not exist yet), streams relationships to CSV and writes nodes and
// pending references at the end.
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { NodeLabel, RelationshipType } from '../../../src/shared/graph.js';
import { matchKey } from '../../extract/keys.js';
import type { CodeLink } from '../../sources/types.js';
import type { TaxonomyInput } from '../../taxonomy/taxonomy.js';
import { docsTopics, entityTermTest, NAMED_LABELS, type TopicDoc } from '../../extract/topics/graph.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { emptyCounts, type LoadCounts } from '../counts.js';
import { GraphWriter } from '../writer.js';
import type { PendingRow } from '../references.js';
import type { EdgeRow, Neo4jValue, NodeRow } from '../param-rows.js';
import { nameKeyOf, type EdgeGroups, type IngestSink, type NodeGroups } from '../store.js';
import { CsvFile, csvField, csvType, hasLineBreak, quote, type CsvType } from './csv.js';
import { writeNodeFiles, type CsvGroup, type NodeEntry } from './node-files.js';
import { IdeaLinks } from './idea-links.js';
import { importanceInMemory, type ImportanceGraph } from './importance.js';
import { resolveInMemory, type ResolveGraph } from './resolve-references.js';
import type { ReferenceCounts } from '../references.js';

export type { CsvGroup } from './node-files.js';

/** Papers per page of the Neo4j topic step (ingest/load/topics.ts), which counts one batch a page. */
const TOPIC_PAGE = 1_000;
/** Keys the Neo4j topic step can look up as entity names (ENTITY_KEYS): letters and digits only. */
const ENTITY_KEY = /^[\p{L}\p{N}]+$/u;

/** Labels whose MERGE unions aliases and their keys; Paper unions sources (see mergeNodes). */
const ALIASED = new Set<NodeLabel>(['Method', 'Architecture', 'Dataset']);

/** A node as the MERGE statements leave it, before the import. */
interface StoredNode {
  props: Record<string, Neo4jValue>;
  nameKey: string;
  aliases: string[];
  aliasKeys: string[];
  sources: string[];
}

interface EdgeFile {
  body: CsvFile;
  header: string;
}

/** A relationship file and the order its property columns take. */
interface EdgeLayout {
  file: EdgeFile;
  keys: string[];
}

/** Appends the items of `from` that `into` lacks, in order, each once (the MERGE's reduce). */
function union(into: string[], from: readonly string[]): void {
  for (const x of from) if (!into.includes(x)) into.push(x);
}

function aliasKeysOf(aliases: readonly string[]): string[] {
  return [...new Set(aliases.map(matchKey).filter((k) => k !== ''))];
}

const NO_NODES: ReadonlyMap<string, StoredNode> = new Map();

export class BulkCollector implements IngestSink, ResolveGraph, ImportanceGraph {
  private readonly nodes = new Map<NodeLabel, Map<string, StoredNode>>();
  private readonly edgeIds = new Map<RelationshipType, Set<string>>();
  private readonly edgeFiles = new Map<string, EdgeFile>();
  private readonly layouts = new Map<string, EdgeLayout>();
  private runField: string | undefined;
  private readonly degrees = new Map<string, number>();
  private readonly pending = new Map<string, PendingRow>();
  /** Who proposes, uses and builds on which idea: what resolveReferences and addImportance read back. */
  readonly links = new IdeaLinks();
  private labels: Map<string, NodeLabel> | undefined;
  /** Properties computed over the whole collected graph (importance, ranks), by node id. */
  private derived = new Map<string, Record<string, Neo4jValue>>();
  private summary: Record<string, Neo4jValue> | undefined;
  /** Code links whose paper was not among the records: attached through Cypher after the import. */
  readonly deferredLinks: CodeLink[] = [];
  /** The taxonomy entries the run's Papers-with-Code methods added. */
  readonly taxonomy: TaxonomyInput[] = [];
  /** Whether some value holds a line break (the importer then needs --multiline-fields). */
  multiline = false;
  relationships = 0;
  /** Time spent in write() (mostly writing relationship CSV). */
  writeMs = 0;

  /** The run's pending references, kept for the PendingRef file (the same rows STORE_PENDING gets). */
  readonly references = {
    add: async (row: PendingRow | undefined): Promise<void> => {
      if (row && !this.pending.has(row.id)) this.pending.set(row.id, row);
    },
  };

  constructor(
    private readonly dir: string,
    readonly run: string,
  ) {}

  private has(label: NodeLabel, id: string): boolean {
    return this.nodes.get(label)?.has(id) === true;
  }

  async write(nodes: NodeGroups, edges: EdgeGroups): Promise<LoadCounts> {
    const started = performance.now();
    try {
      const counts = emptyCounts();
      this.mergeNodes(nodes, counts);
      await this.mergeEdges(edges, counts);
      return counts;
    } finally {
      this.writeMs += performance.now() - started;
    }
  }

  private mergeNodes(nodes: NodeGroups, counts: LoadCounts): void {
    for (const [label, rows] of nodes) {
      let stored = this.nodes.get(label);
      if (!stored) this.nodes.set(label, (stored = new Map()));
      const aliased = ALIASED.has(label);
      for (const row of rows.values()) {
        const existing = stored.get(row.id);
        if (existing) {
          for (const [key, value] of Object.entries(row.props)) if (!(key in existing.props)) existing.props[key] = value;
          if (aliased) {
            union(existing.aliases, row.aliases);
            union(existing.aliasKeys, aliasKeysOf(row.aliases));
          }
          if (label === 'Paper') union(existing.sources, row.sources);
          counts.nodes[label].present += 1;
        } else {
          stored.set(row.id, this.created(label, row));
          counts.nodes[label].created += 1;
        }
      }
    }
  }

  private created(label: NodeLabel, row: NodeRow): StoredNode {
    const node: StoredNode = { props: { ...row.props }, nameKey: nameKeyOf(label, row), aliases: [], aliasKeys: [], sources: [] };
    if (ALIASED.has(label)) {
      union(node.aliases, row.aliases);
      union(node.aliasKeys, aliasKeysOf(row.aliases));
    }
    if (label === 'Paper') {
      union(node.sources, row.sources);
      // The MERGE sets an empty abstract right after creating a paper without one, so no later row fills it.
      if (node.props.abstract === undefined) node.props.abstract = '';
    }
    return node;
  }

  private async mergeEdges(edges: EdgeGroups, counts: LoadCounts): Promise<void> {
    for (const group of edges.values()) {
      const tally = counts.relationships[group.type];
      let ids = this.edgeIds.get(group.type);
      if (!ids) this.edgeIds.set(group.type, (ids = new Set()));
      for (const row of group.rows) {
        if (!this.has(group.source, row.source) || !this.has(group.target, row.target)) {
          tally.skipped += 1;
        } else if (ids.has(row.id)) {
          tally.present += 1;
        } else {
          ids.add(row.id);
          await this.writeEdge(group.type, group.source, group.target, row);
          tally.created += 1;
        }
      }
    }
  }

  /** Keeps code links for after the import (the writer's attachCodeLinks needs a database). */
  extendTaxonomy(extensions: TaxonomyInput[]): void {
    this.taxonomy.push(...extensions);
  }

  deferCodeLinks(links: CodeLink[]): void {
    this.deferredLinks.push(...links);
  }

  /** Ids of the pending references written to the PendingRef file. */
  pendingIds(): string[] {
    return [...this.pending.keys()];
  }

  /** The file of a relationship's type, endpoint labels and property types; `keys` in the row's own order. */
  private edgeFile(type: RelationshipType, source: NodeLabel, target: NodeLabel, keys: string[], types: CsvType[]): EdgeLayout {
    // Rows from one code path list their properties in one order: the sorted layout is worked out once per order.
    let signature = `${type}|${source}|${target}|`;
    for (let i = 0; i < keys.length; i++) signature += `${keys[i]}:${types[i]},`;
    const cached = this.layouts.get(signature);
    if (cached) return cached;
    const order = keys.map((_, i) => i).sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0));
    const columns = order.map((i) => `${keys[i]}:${types[i]}`);
    const key = `${type}|${source}|${target}|${columns.join(',')}`;
    let file = this.edgeFiles.get(key);
    if (!file) {
      const name = `rel-${type}-${source}-${target}-${this.edgeFiles.size}`;
      const header = [`:START_ID(${source})`, `:END_ID(${target})`, ':TYPE', 'id:string', 'runs:string[]', ...columns];
      file = { body: new CsvFile(join(this.dir, `${name}.csv`)), header: header.join(',') };
      this.edgeFiles.set(key, file);
    }
    const layout = { file, keys: order.map((i) => keys[i]!) };
    this.layouts.set(signature, layout);
    return layout;
  }

  private async writeEdge(type: RelationshipType, source: NodeLabel, target: NodeLabel, row: EdgeRow): Promise<void> {
    const own = Object.keys(row.props);
    const { file, keys } = this.edgeFile(
      type,
      source,
      target,
      own,
      own.map((k) => csvType(row.props[k]!)),
    );
    this.runField ??= csvField([this.run]);
    let line = `${quote(row.source)},${quote(row.target)},${type},${quote(row.id)},${this.runField}`;
    for (const k of keys) {
      const value = row.props[k]!;
      if (!this.multiline && hasLineBreak(value)) this.multiline = true;
      line += `,${field(value, `${type} relationship ${row.id}, property ${k}`)}`;
    }
    if (!this.multiline && hasLineBreak(row.id)) this.multiline = true;
    if (file.body.push(line)) await file.body.flush();
    this.relationships += 1;
    this.bump(source, row.source);
    // A loop counts once in a node's degree, as COUNT { (n)--() } counts it.
    if (source !== target || row.source !== row.target) this.bump(target, row.target);
    this.links.track(type, source, target, row.source, row.target);
  }

  nodesOf(label: NodeLabel): ReadonlyMap<string, StoredNode> {
    return this.nodes.get(label) ?? NO_NODES;
  }

  /** The label of a node id (ids are unique across labels: every node is an Entity). */
  labelOf(id: string): NodeLabel | undefined {
    if (!this.labels) {
      this.labels = new Map();
      for (const [label, rows] of this.nodes) for (const nodeId of rows.keys()) this.labels.set(nodeId, label);
    }
    return this.labels.get(id);
  }

  hasEdge(type: RelationshipType, id: string): boolean {
    return this.edgeIds.get(type)?.has(id) === true;
  }

  edgeCount(type: RelationshipType): number {
    return this.edgeIds.get(type)?.size ?? 0;
  }

  degree(label: NodeLabel, id: string): number {
    return this.degrees.get(`${label}|${id}`) ?? 0;
  }

  /** Adds a relationship the collected graph does not have yet (the in-memory reference step). */
  async addEdge(type: RelationshipType, source: NodeLabel, target: NodeLabel, row: EdgeRow): Promise<void> {
    let ids = this.edgeIds.get(type);
    if (!ids) this.edgeIds.set(type, (ids = new Set()));
    ids.add(row.id);
    await this.writeEdge(type, source, target, row);
  }

  /**
   * Resolves the run's pending references against the collected graph, which on an empty database
   * is the whole graph, as ReferenceResolver.resolve would after the import; adds the tallies to `counts`.
   */
  async resolveReferences(batchSize: number, counts: LoadCounts): Promise<ReferenceCounts> {
    this.labels = undefined;
    return resolveInMemory(this, [...this.pending.values()], batchSize, counts);
  }

  /** Importance, communities and the overview's ranking over the collected graph, written with the nodes. */
  addImportance(computedAt?: Date): void {
    const { props, summary } = importanceInMemory(this, computedAt);
    this.derived = props;
    this.summary = summary;
  }

  private bump(label: NodeLabel, id: string): void {
    const key = `${label}|${id}`;
    this.degrees.set(key, (this.degrees.get(key) ?? 0) + 1);
  }

  /**
   * The topic step over the collected graph, which on an empty database is the whole graph: Concepts,
   * MENTIONS and SIMILAR_TO go into the CSV files with the rest instead of through Cypher after the
   * import. Terms name an entity as ENTITY_KEYS finds them in Neo4j: the taxonomy resolves them, or a
   * Method, Architecture or Dataset has the term's key (letters and digits only) as name or alias key.
   * Returns what the Neo4j topic step would have counted, pages of `pageSize` papers included.
   */
  async addTopics(taxonomy: Taxonomy, pageSize = TOPIC_PAGE): Promise<LoadCounts> {
    const docs: TopicDoc[] = [];
    const papers = this.nodes.get('Paper') ?? new Map<string, StoredNode>();
    for (const [id, node] of papers) {
      const { terms, termCounts } = node.props;
      if (Array.isArray(terms) && Array.isArray(termCounts) && terms.length > 0 && terms.length === termCounts.length) {
        docs.push({ id, terms: terms.map(String), counts: termCounts.map(Number) });
      }
    }
    const entityKeys = new Set<string>();
    for (const label of NAMED_LABELS) {
      for (const node of this.nodes.get(label)?.values() ?? []) {
        for (const key of [node.nameKey, ...node.aliasKeys]) if (ENTITY_KEY.test(key)) entityKeys.add(key);
      }
    }
    const writer = new GraphWriter([this], undefined, { run: this.run });
    await writer.add(docsTopics(docs, entityTermTest(taxonomy, entityKeys)));
    const written = await writer.close();
    const counts = emptyCounts();
    counts.nodes.Concept.created = written.nodes.Concept.created;
    counts.relationships.MENTIONS.created = written.relationships.MENTIONS.created;
    counts.relationships.SIMILAR_TO.created = written.relationships.SIMILAR_TO.created;
    counts.batches = Math.ceil(papers.size / pageSize);
    return counts;
  }

  /** Nodes in the files: entities and papers, and pending references. */
  nodeCount(): number {
    let n = this.pending.size + (this.summary ? 1 : 0);
    for (const rows of this.nodes.values()) n += rows.size;
    return n;
  }

  /** Closes the relationship files and writes the node files; returns every file group. */
  async finish(): Promise<CsvGroup[]> {
    const groups: CsvGroup[] = [];
    const note = (multiline: boolean) => {
      if (multiline) this.multiline = true;
    };
    for (const [label, rows] of this.nodes) {
      const entries = [...rows].map(([id, node]) => this.entry(label, id, node));
      const written = await writeNodeFiles(this.dir, label, [label, 'Entity'], entries);
      note(written.multiline);
      groups.push(...written.groups);
    }
    if (this.summary) {
      const written = await writeNodeFiles(this.dir, 'GraphSummary', ['GraphSummary'], [{ id: 'overview', props: this.summary }]);
      groups.push(...written.groups);
    }
    if (this.pending.size) {
      const entries = [...this.pending.values()].map((row) => ({
        id: row.id,
        props: { ...row.props, runs: [this.run], degree: neo4j.int(0) },
      }));
      const written = await writeNodeFiles(this.dir, 'PendingRef', ['PendingRef'], entries);
      note(written.multiline);
      groups.push(...written.groups);
    }
    for (const file of this.edgeFiles.values()) {
      await file.body.close();
      const headerPath = file.body.path.replace(/\.csv$/, '-header.csv');
      const header = new CsvFile(headerPath);
      await header.line(file.header);
      await header.close();
      groups.push({ kind: 'relationships', files: [headerPath, file.body.path], rows: file.body.rows });
    }
    return groups;
  }

  /** The properties the MERGE statements leave on a node (lists only where they are not empty). */
  private entry(label: NodeLabel, id: string, node: StoredNode): NodeEntry {
    const props: Record<string, Neo4jValue> = { ...node.props };
    delete props.id;
    props.nameKey = node.nameKey;
    props.runs = [this.run];
    props.degree = neo4j.int(this.degrees.get(`${label}|${id}`) ?? 0);
    if (node.aliases.length) props.aliases = node.aliases;
    if (node.aliasKeys.length) props.aliasKeys = node.aliasKeys;
    if (node.sources.length) props.sources = node.sources;
    const derived = this.derived.get(id);
    if (derived) Object.assign(props, derived);
    return { id, props };
  }
}

function field(value: Neo4jValue | undefined, where: string): string {
  try {
    return csvField(value);
  } catch (err) {
    throw new Error(`ingest/load/bulk: ${where}: ${(err as Error).message}; load without --bulk`, { cause: err });
  }
}
