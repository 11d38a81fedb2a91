// Writes extracted graphs to Neo4j in batches: each batch resolves shared papers, then MERGEs
// nodes (grouped by label) before relationships (grouped by type) in one write transaction.
import type { Database } from '../../src/neo4j/driver.js';
import { isNodeLabel, isRelationshipType, type NodeLabel, type WireEdge, type WireGraph, type WireNode } from '../../src/shared/graph.js';
import type { CodeLink } from '../sources/types.js';
import { addCounts, emptyCounts, type LoadCounts } from './counts.js';
import { ATTACH_CODE_LINKS, RESOLVE_PAPERS } from './cypher.js';
import { updateDegrees } from '../../src/neo4j/degrees.js';
import { updateImportance } from '../../src/neo4j/importance/index.js';
import { parseRepositoryUrl } from '../extract/code-links.js';
import { matchKey } from '../extract/keys.js';
import { newRunId } from './run-id.js';
import { PaperResolver } from './resolve.js';
import { edgeRow, labelOfId, mergeRows, nodeRow, titleKey, type NodeRow } from './param-rows.js';
import type { GraphStore, NodeGroups, EdgeGroups } from './store.js';

export const DEFAULT_BATCH_SIZE = 5_000;

export interface WriterOptions {
  batchSize?: number;
  /** Called after every committed batch with the running totals. */
  onBatch?: (counts: LoadCounts) => void;
  /** Called for input the writer drops (unknown label or type, unresolvable endpoint). */
  onWarning?: (message: string) => void;
  /** The ingest run recorded on what attachCodeLinks writes (the Neo4j store records its own). */
  run?: string;
}

/**
 * Buffers graphs and flushes them through one or more stores (Neo4j, the JSON collector) in
 * batches of about `batchSize` rows. Nodes of a graph are buffered before its edges, so every
 * edge's endpoints are written in its batch or an earlier one.
 */
export class GraphWriter {
  private nodes: WireNode[] = [];
  private edges: WireEdge[] = [];
  readonly batchSize: number;
  private readonly resolver: PaperResolver;
  /** Labels of ids whose prefix does not say their label. */
  private readonly labels = new Map<string, NodeLabel>();
  readonly counts = emptyCounts();
  readonly run: string;
  private warned = new Set<string>();

  constructor(
    private readonly stores: GraphStore[],
    private readonly db: Database | undefined,
    private readonly options: WriterOptions = {},
  ) {
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.resolver = new PaperResolver(!db);
    this.run = options.run ?? newRunId();
  }

  async add(graph: WireGraph): Promise<void> {
    for (const node of graph.nodes) {
      this.nodes.push(node);
      if (this.nodes.length + this.edges.length >= this.batchSize) await this.flush();
    }
    for (const edge of graph.edges) {
      this.edges.push(edge);
      if (this.nodes.length + this.edges.length >= this.batchSize) await this.flush();
    }
  }

  private warn(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.options.onWarning?.(message);
  }

  private async lookupStored(rows: NodeRow[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (!this.db) return found;
    const session = this.db.session('READ');
    try {
      for (let i = 0; i < rows.length; i += this.batchSize) {
        const params = rows
          .slice(i, i + this.batchSize)
          .map((r) => ({ id: r.id, arxivId: r.arxivId ?? null, doi: r.doi ?? null, titleKey: r.titleKey ?? null }));
        const result = await session.executeRead((tx) => tx.run(RESOLVE_PAPERS, { rows: params }));
        for (const record of result.records) {
          const existing = record.get('existing') as string | null;
          if (existing) found.set(record.get('id') as string, existing);
        }
      }
    } finally {
      await session.close();
    }
    return found;
  }

  /** The stored id of a paper id of this run (another id when the paper was already stored under it). */
  paperId(id: string): string {
    return this.resolver.target(id);
  }

  private labelOf(id: string): NodeLabel | undefined {
    return this.labels.get(id) ?? labelOfId(id);
  }

  /** Writes everything buffered as one batch. */
  async flush(): Promise<void> {
    if (this.nodes.length === 0 && this.edges.length === 0) return;
    const nodes = this.nodes;
    const edges = this.edges;
    this.nodes = [];
    this.edges = [];

    const nodeGroups: NodeGroups = new Map();
    const papers: NodeRow[] = [];
    for (const node of nodes) {
      if (!isNodeLabel(node.label)) {
        this.warn(`label:${node.label}`, `ingest/load: dropped node ${node.id}: "${node.label}" is not a node label`);
        continue;
      }
      if (labelOfId(node.id) !== node.label) this.labels.set(node.id, node.label);
      const row = nodeRow(node);
      if (node.label === 'Paper') papers.push(row);
      else pushRow(nodeGroups, node.label, row);
    }
    for (const row of await this.resolver.resolve(papers, (rows) => this.lookupStored(rows))) pushRow(nodeGroups, 'Paper', row);

    const edgeGroups: EdgeGroups = new Map();
    const seenEdges = new Set<string>();
    for (const edge of edges) {
      if (!isRelationshipType(edge.type)) {
        this.warn(`type:${edge.type}`, `ingest/load: dropped edge ${edge.id}: "${edge.type}" is not a relationship type`);
        continue;
      }
      const row = this.resolver.edge(edge.type, edgeRow(edge));
      if (!row || seenEdges.has(row.id)) continue;
      seenEdges.add(row.id);
      const source = this.labelOf(row.source);
      const target = this.labelOf(row.target);
      if (!source || !target) {
        this.counts.relationships[edge.type].skipped += 1;
        this.warn(
          `endpoint:${edge.type}`,
          `ingest/load: dropped ${edge.type} edge ${edge.id}: no node with id ${source ? row.target : row.source}`,
        );
        continue;
      }
      const key = `${edge.type}|${source}|${target}`;
      let group = edgeGroups.get(key);
      if (!group) edgeGroups.set(key, (group = { type: edge.type, source, target, rows: [] }));
      group.rows.push(row);
    }

    const batch = emptyCounts();
    for (const [i, store] of this.stores.entries()) {
      const counts = await store.write(nodeGroups, edgeGroups, this.batchSize);
      // The first store (Neo4j when there is one) is the one whose counts are reported.
      if (i === 0) addCounts(batch, counts);
    }
    batch.batches = 1;
    addCounts(this.counts, batch);
    this.resolver.endBatch();
    this.options.onBatch?.(this.counts);
  }

  /**
   * Attaches code links whose paper was not among this run's records to papers already stored
   * (by arXiv id, else normalized title). Returns how many links found no paper.
   */
  async attachCodeLinks(links: CodeLink[]): Promise<number> {
    await this.flush();
    if (!this.db || links.length === 0) return links.length;
    const rows = links.flatMap((link) => {
      const repo = parseRepositoryUrl(link.repoUrl);
      if (!repo) return [];
      return [
        {
          arxivId: link.arxivId ?? null,
          titleKey: link.title ? titleKey(link.title) : null,
          repoId: repo.id,
          repo: { url: repo.url, host: repo.host, owner: repo.owner, name: repo.name },
          nameKey: matchKey(repo.url),
          props: {
            evidence: `Papers with Code lists ${repo.url} as ${link.official ? 'the official' : 'an unofficial'} implementation`,
            confidence: link.official ? 1 : 0.8,
            extractor: 'pwc-links',
            source: 'source-metadata',
          },
        },
      ];
    });
    let attached = 0;
    const session = this.db.session('WRITE');
    try {
      for (let i = 0; i < rows.length; i += this.batchSize) {
        const chunk = rows.slice(i, i + this.batchSize);
        const result = await session.executeWrite((tx) => tx.run(ATTACH_CODE_LINKS, { rows: chunk, run: this.run }));
        const updates = result.summary.counters.updates();
        const written = Number(result.records[0]?.get('written') ?? 0);
        attached += written;
        this.counts.nodes.Repository.created += updates.nodesCreated;
        this.counts.relationships.HAS_CODE.created += updates.relationshipsCreated;
        this.counts.relationships.HAS_CODE.present += written - updates.relationshipsCreated;
        this.counts.batches += 1;
      }
    } finally {
      await session.close();
    }
    this.options.onBatch?.(this.counts);
    return links.length - attached;
  }

  async close(): Promise<LoadCounts> {
    await this.flush();
    if (this.db && this.counts.batches > 0) {
      await updateDegrees(this.db);
      await updateImportance(this.db);
    }
    return this.counts;
  }
}

function pushRow(groups: NodeGroups, label: NodeLabel, row: NodeRow): void {
  let group = groups.get(label);
  if (!group) groups.set(label, (group = new Map()));
  const existing = group.get(row.id);
  if (existing) mergeRows(existing, row);
  else group.set(row.id, row);
}
