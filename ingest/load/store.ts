// Where a batch goes: Neo4j (MERGE in one write transaction, nodes before relationships) or an
// in-memory graph (dry runs and the --json export), both reporting new vs already-present rows.
import type { Database } from '../../src/neo4j/driver.js';
import type { NodeLabel, RelationshipType, WireEdge, WireGraph, WireNode, Properties } from '../../src/shared/graph.js';
import { emptyCounts, type LoadCounts } from './counts.js';
import { mergeNodes, mergeRelationships } from './cypher.js';
import { mergeRows, type EdgeRow, type Neo4jValue, type NodeRow } from './param-rows.js';
import type { ManagedTransaction } from 'neo4j-driver';
import { matchKey } from '../extract/keys.js';
import { newRunId } from './run-id.js';
import { NAMED_LABELS } from '../extract/topics/graph.js';
import type { TopicDoc } from '../extract/topics/corpus.js';
import type { PendingRow } from './references.js';
import type { CodeLink } from '../sources/types.js';
import type { TaxonomyInput } from '../taxonomy/taxonomy.js';

/** The normalised name key every entity carries: of the title for papers, of the URL for repositories. */
export function nameKeyOf(label: NodeLabel, row: NodeRow): string {
  const name = label === 'Paper' ? row.props.title : label === 'Repository' ? row.props.url : row.props.name;
  return matchKey(typeof name === 'string' ? name : row.id);
}

export type NodeGroups = Map<NodeLabel, Map<string, NodeRow>>;
export type EdgeGroups = Map<string, { type: RelationshipType; source: NodeLabel; target: NodeLabel; rows: EdgeRow[] }>;

export interface GraphStore {
  write(nodes: NodeGroups, edges: EdgeGroups, chunkSize: number): Promise<LoadCounts>;
}

/**
 * What stands in for the database when a run is written somewhere else first (the bulk loader):
 * the run's batches, its pending references and the code links no paper of the run took.
 */
export interface IngestSink extends GraphStore {
  readonly run: string;
  readonly references: { add(row: PendingRow | undefined): Promise<void> };
  deferCodeLinks(links: CodeLink[]): void;
  /** The Papers-with-Code methods the run extended the taxonomy with (the topic step after the import needs them). */
  extendTaxonomy(extensions: TaxonomyInput[]): void;
}

/** Writes each batch in one write transaction (retried by the driver on transient errors), recording `run` on all it writes. */
export class Neo4jStore implements GraphStore {
  constructor(
    private readonly db: Database,
    readonly run: string = newRunId(),
  ) {}

  async write(nodes: NodeGroups, edges: EdgeGroups, chunkSize: number): Promise<LoadCounts> {
    const session = this.db.session('WRITE');
    try {
      return await session.executeWrite(async (tx) => {
        const counts = emptyCounts();
        for (const [label, rows] of nodes) {
          const params = [...rows.values()].map((r) => ({
            id: r.id,
            props: r.props,
            nameKey: nameKeyOf(label, r),
            aliases: r.aliases,
            aliasKeys: [...new Set(r.aliases.map(matchKey).filter((k) => k !== ''))],
            sources: r.sources,
          }));
          const { created, written } = await runRows(tx, mergeNodes(label), params, chunkSize, 'nodes', this.run);
          counts.nodes[label].created += created;
          counts.nodes[label].present += written - created;
        }
        for (const group of edges.values()) {
          const { created, written } = await runRows(
            tx,
            mergeRelationships(group.type, group.source, group.target),
            group.rows,
            chunkSize,
            'relationships',
            this.run,
          );
          const tally = counts.relationships[group.type];
          tally.created += created;
          tally.present += written - created;
          tally.skipped += group.rows.length - written;
        }
        return counts;
      });
    } finally {
      await session.close();
    }
  }
}

function plain(value: Neo4jValue): Properties[string] {
  return typeof value === 'object' && !Array.isArray(value) ? value.toNumber() : value;
}

/** Keeps the whole resolved graph in memory, merged by id: the dry-run store and --json export. */
export class MemoryStore implements GraphStore {
  private nodes = new Map<string, { label: NodeLabel; row: NodeRow }>();
  private edges = new Map<string, { type: RelationshipType; row: EdgeRow }>();

  async write(nodes: NodeGroups, edges: EdgeGroups): Promise<LoadCounts> {
    const counts = emptyCounts();
    for (const [label, rows] of nodes) {
      for (const row of rows.values()) {
        const existing = this.nodes.get(row.id);
        if (existing) {
          mergeRows(existing.row, row);
          counts.nodes[label].present += 1;
        } else {
          this.nodes.set(row.id, { label, row: { ...row, props: { ...row.props }, aliases: [...row.aliases], sources: [...row.sources] } });
          counts.nodes[label].created += 1;
        }
      }
    }
    for (const group of edges.values()) {
      for (const row of group.rows) {
        const tally = counts.relationships[group.type];
        if (!this.nodes.has(row.source) || !this.nodes.has(row.target)) {
          tally.skipped += 1;
        } else if (this.edges.has(row.id)) {
          tally.present += 1;
        } else {
          this.edges.set(row.id, { type: group.type, row });
          tally.created += 1;
        }
      }
    }
    return counts;
  }

  /** The papers' keyphrase vectors and the entity name keys, for the topic step over what is held. */
  topicInput(): { docs: TopicDoc[]; entityKeys: Set<string> } {
    const docs: TopicDoc[] = [];
    const entityKeys = new Set<string>();
    for (const { label, row } of this.nodes.values()) {
      const { terms, termCounts } = row.props;
      if (label === 'Paper' && Array.isArray(terms) && Array.isArray(termCounts) && terms.length === termCounts.length) {
        docs.push({ id: row.id, terms: terms.map(String), counts: termCounts.map(Number) });
      }
      if ((NAMED_LABELS as readonly string[]).includes(label)) {
        for (const name of [row.props.name, ...row.aliases]) if (typeof name === 'string') entityKeys.add(matchKey(name));
      }
    }
    entityKeys.delete('');
    return { docs, entityKeys };
  }

  /** The graph in the wire format of DESIGN.md. */
  graph(): WireGraph {
    const nodes: WireNode[] = [];
    for (const { label, row } of this.nodes.values()) {
      const properties: Properties = {};
      for (const [key, value] of Object.entries(row.props)) if (key !== 'name') properties[key] = plain(value);
      if (label === 'Method' || label === 'Architecture' || label === 'Dataset') properties.aliases = row.aliases;
      if (label === 'Paper') {
        properties.sources = row.sources;
        properties.abstract ??= '';
      }
      const name = typeof row.props.name === 'string' ? row.props.name : row.id;
      nodes.push({ id: row.id, label, name, properties });
    }
    const edges: WireEdge[] = [];
    for (const { type, row } of this.edges.values()) {
      const properties: Properties = {};
      for (const [key, value] of Object.entries(row.props)) properties[key] = plain(value);
      edges.push({ id: row.id, type, source: row.source, target: row.target, properties });
    }
    return { nodes, edges };
  }
}

/** Runs one statement over rows in chunks inside a transaction; returns created and written. */
export async function runRows(
  tx: ManagedTransaction,
  statement: string,
  rows: object[],
  chunkSize: number,
  kind: 'nodes' | 'relationships',
  run: string,
): Promise<{ created: number; written: number }> {
  let created = 0;
  let written = 0;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const result = await tx.run(statement, { rows: rows.slice(i, i + chunkSize), run });
    const updates = result.summary.counters.updates();
    created += kind === 'nodes' ? updates.nodesCreated : updates.relationshipsCreated;
    written += Number(result.records[0]?.get('written') ?? 0);
  }
  return { created, written };
}
