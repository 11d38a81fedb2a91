// Resolves what a run could not resolve itself against the graph: stores the run's references as
// :PendingRef nodes, completes them against every stored node, and completes stored references from
// earlier runs against the nodes this run wrote — in batches, so that the order of arrival does not matter.
import { createHash } from 'node:crypto';
import type { Database } from '../../src/neo4j/driver.js';
import type { RelationshipType } from '../../src/shared/graph.js';
import type { UnresolvedReference } from '../extract/unresolved.js';
import type { LoadCounts } from './counts.js';
import {
  PENDING_FOR_RUN,
  RESOLVE_NAME_BUILDS_ON,
  RESOLVE_NAME_CITES,
  RESOLVE_NAME_USES,
  RESOLVE_PAPER_CITES,
  RESOLVE_PAPER_PROPOSES,
  STORE_PENDING,
} from './cypher.js';

/** A reference as stored: `from` is the paper making it (the method, for an introducing paper). */
export interface PendingRow {
  id: string;
  props: Record<string, string | number>;
}

/** What a Papers-with-Code method says about the paper that introduced it. */
export interface IntroducedBy {
  methodId: string;
  methodName: string;
  /** The paper's title as the dump gives it. */
  title: string;
  titleKey: string;
}

const KEY = /^[\p{L}\p{N}]+$/u;

function rowId(parts: (string | undefined)[]): string {
  return `pending:${createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 20)}`;
}

function compact(props: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

/** The stored form of an extractor's unresolved reference (`paperOf` maps the run's paper ids to stored ones); undefined when it cannot be matched. */
export function pendingRow(ref: UnresolvedReference, paperOf: (id: string) => string): PendingRow | undefined {
  const from = paperOf(ref.paperId);
  const common = {
    from,
    source: ref.source,
    buildsOnKind: ref.buildsOnKind,
    evidence: ref.evidence,
    confidence: ref.confidence,
    extractor: ref.extractor,
  };
  if (ref.target.kind === 'name') {
    if (!KEY.test(ref.target.key)) return undefined;
    return {
      id: rowId([from, 'name', ref.target.key, ref.source]),
      props: compact({ ...common, kind: 'name', targetKey: ref.target.key, targetName: ref.target.name }),
    };
  }
  const { arxivId, doi, titleKey } = ref.target;
  if (!arxivId && !doi && !titleKey) return undefined;
  return { id: rowId([from, 'paper', arxivId, doi, titleKey]), props: compact({ ...common, kind: 'paper', arxivId, doi, titleKey }) };
}

export function introducedRow(intro: IntroducedBy): PendingRow | undefined {
  if (!intro.titleKey) return undefined;
  return {
    id: rowId([intro.methodId, 'introduced', intro.titleKey]),
    props: {
      from: intro.methodId,
      kind: 'introduced',
      titleKey: intro.titleKey,
      evidence: `Papers with Code names "${intro.title}" as the paper that introduced ${intro.methodName}`,
      confidence: 0.9,
      extractor: 'pwc-methods',
    },
  };
}

const RESOLVE: { type: RelationshipType; statement: string }[] = [
  { type: 'BUILDS_ON', statement: RESOLVE_NAME_BUILDS_ON },
  { type: 'USES', statement: RESOLVE_NAME_USES },
  { type: 'CITES', statement: RESOLVE_NAME_CITES },
  { type: 'CITES', statement: RESOLVE_PAPER_CITES },
  { type: 'PROPOSES', statement: RESOLVE_PAPER_PROPOSES },
];

export interface ReferenceCounts {
  /** References of this run stored as pending. */
  stored: number;
  /** Relationships written by pending references (this run's and earlier runs') that found their target. */
  links: number;
}

/**
 * Collects a run's pending references and, at the end of the run, resolves them and the stored
 * ones its nodes complete. Rows are written as they come, `batchSize` at a time; only their ids
 * stay in memory.
 */
export class ReferenceResolver {
  private rows: PendingRow[] = [];
  private readonly ids = new Set<string>();
  readonly counts: ReferenceCounts = { stored: 0, links: 0 };

  constructor(
    private readonly db: Database,
    private readonly run: string,
    private readonly batchSize: number,
  ) {}

  async add(row: PendingRow | undefined): Promise<void> {
    if (!row || this.ids.has(row.id)) return;
    this.ids.add(row.id);
    this.rows.push(row);
    if (this.rows.length >= this.batchSize) await this.flush();
  }

  /** Takes references another writer already stored (the bulk importer's PendingRef file) as this run's. */
  adoptStored(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.ids.has(id)) continue;
      this.ids.add(id);
      this.counts.stored += 1;
    }
  }

  private async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    const session = this.db.session('WRITE');
    try {
      await session.executeWrite((tx) => tx.run(STORE_PENDING, { rows, run: this.run }));
    } finally {
      await session.close();
    }
    this.counts.stored += rows.length;
  }

  /**
   * Stores what is left, then resolves this run's references against the whole graph and the
   * stored references against this run's nodes; the relationships made are added to `counts`.
   */
  async resolve(counts: LoadCounts): Promise<ReferenceCounts> {
    await this.flush();
    const ids = new Set(this.ids);
    const session = this.db.session('WRITE');
    try {
      const earlier = await session.executeRead((tx) => tx.run(PENDING_FOR_RUN, { run: this.run }));
      for (const record of earlier.records) ids.add(record.get('id') as string);
      const all = [...ids];
      for (let i = 0; i < all.length; i += this.batchSize) {
        const batch = all.slice(i, i + this.batchSize);
        const tallies = await session.executeWrite(async (tx) => {
          const out: { type: RelationshipType; created: number; written: number }[] = [];
          for (const { type, statement } of RESOLVE) {
            const result = await tx.run(statement, { ids: batch });
            out.push({
              type,
              created: result.summary.counters.updates().relationshipsCreated,
              written: Number(result.records[0]?.get('written') ?? 0),
            });
          }
          return out;
        });
        for (const t of tallies) {
          counts.relationships[t.type].created += t.created;
          counts.relationships[t.type].present += t.written - t.created;
          this.counts.links += t.written;
        }
        counts.batches += 1;
      }
    } finally {
      await session.close();
    }
    return this.counts;
  }
}
