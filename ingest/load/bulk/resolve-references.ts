// Resolves a bulk run's pending references in memory, before the import: on an empty database the
// collected graph is the whole graph, so the RESOLVE_* statements (ingest/load/cypher.ts) would find
// exactly what this finds. Mirrors them step by step — batches of ids in order, the five statements
// one after another in each batch, MERGE keyed on the relationship id — so the relationships, their
// properties and the run's counts are those ReferenceResolver.resolve would write after the import.
import type { NodeLabel, RelationshipType } from '../../../src/shared/graph.js';
import type { LoadCounts } from '../counts.js';
import type { EdgeRow, Neo4jValue } from '../param-rows.js';
import type { PendingRow, ReferenceCounts } from '../references.js';
import { IDEA_LABELS, type IdeaLinks } from './idea-links.js';

/** What the resolver reads and writes of the collected graph. */
export interface ResolveGraph {
  readonly links: IdeaLinks;
  /** Nodes of a label in the order they were created. */
  nodesOf(label: NodeLabel): ReadonlyMap<string, { props: Record<string, Neo4jValue>; nameKey: string; aliasKeys: string[] }>;
  labelOf(id: string): NodeLabel | undefined;
  hasEdge(type: RelationshipType, id: string): boolean;
  addEdge(type: RelationshipType, source: NodeLabel, target: NodeLabel, row: EdgeRow): Promise<void>;
}

type Props = PendingRow['props'];

function pushTo(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** Property values of a relationship as the statements set them: a null (absent) value sets nothing. */
function defined(props: Record<string, string | number | boolean | undefined>): Record<string, Neo4jValue> {
  const out: Record<string, Neo4jValue> = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) out[k] = v;
  return out;
}

const str = (v: string | number | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

interface NameTarget {
  from: string;
  e: string;
  owner: string;
}

interface PaperTarget {
  p: string;
  how: string;
}

class Lookups {
  readonly byNameKey = new Map<string, string[]>();
  readonly byAliasKey = new Map<string, string[]>();
  readonly byPaperField = { arxivId: new Map<string, string>(), doi: new Map<string, string>(), titleKey: new Map<string, string>() };

  constructor(private readonly graph: ResolveGraph) {
    for (const label of IDEA_LABELS) {
      for (const [id, node] of graph.nodesOf(label)) {
        pushTo(this.byNameKey, node.nameKey, id);
        for (const key of new Set(node.aliasKeys)) pushTo(this.byAliasKey, key, id);
      }
    }
    for (const [id, node] of graph.nodesOf('Paper')) {
      for (const field of ['arxivId', 'doi', 'titleKey'] as const) {
        const value = node.props[field];
        const index = this.byPaperField[field];
        if (typeof value === 'string' && !index.has(value)) index.set(value, id);
      }
    }
  }

  /** NAME_TARGET: the entity a name reference points at and its owner, or undefined. */
  nameTarget(r: Props): NameTarget | undefined {
    const from = str(r.from);
    const key = str(r.targetKey);
    if (r.kind !== 'name' || from === undefined || key === undefined || !this.graph.nodesOf('Paper').has(from)) return undefined;
    let best: { rank: number; e: string; owner: string } | undefined;
    const consider = (ids: string[] | undefined, rank: number) => {
      for (const e of ids ?? []) {
        if (this.graph.links.proposes(from, e)) continue;
        for (const owner of this.graph.links.proposers.get(e) ?? []) {
          if (owner === from) continue;
          if (!best || rank < best.rank || (rank === best.rank && (e < best.e || (e === best.e && owner < best.owner)))) {
            best = { rank, e, owner };
          }
        }
      }
    };
    consider(this.byNameKey.get(key), 0);
    consider(this.byAliasKey.get(key), 1);
    return best && { from, e: best.e, owner: best.owner };
  }

  /** PAPER_TARGET: the paper a record reference points at (arXiv id, else DOI, else title key), or undefined. */
  paperTarget(r: Props): PaperTarget | undefined {
    if (r.kind !== 'paper' && r.kind !== 'introduced') return undefined;
    const find = (field: 'arxivId' | 'doi' | 'titleKey') => {
      const value = str(r[field]);
      return value === undefined ? undefined : this.byPaperField[field].get(value);
    };
    const pa = find('arxivId');
    const pd = pa === undefined ? find('doi') : undefined;
    const pt = pa === undefined && pd === undefined ? find('titleKey') : undefined;
    const p = pa ?? pd ?? pt;
    if (p === undefined || p === r.from) return undefined;
    const how = pa !== undefined ? `arXiv ${String(r.arxivId)}` : pd !== undefined ? `DOI ${String(r.doi)}` : 'title';
    return { p, how };
  }
}

/**
 * Resolves `pending` (in the order the run stored them) against the collected graph in batches of
 * `batchSize`, adds the relationships to it and their tallies to `counts`; returns the links made.
 */
export async function resolveInMemory(
  graph: ResolveGraph,
  pending: PendingRow[],
  batchSize: number,
  counts: LoadCounts,
): Promise<ReferenceCounts> {
  const lookups = new Lookups(graph);
  const result: ReferenceCounts = { stored: pending.length, links: 0 };
  let tally = { created: 0, written: 0 };
  const merge = async (type: RelationshipType, source: NodeLabel, target: NodeLabel, row: EdgeRow) => {
    tally.written += 1;
    if (graph.hasEdge(type, row.id)) return;
    await graph.addEdge(type, source, target, row);
    tally.created += 1;
  };
  const statement = async (type: RelationshipType, work: () => Promise<void>) => {
    tally = { created: 0, written: 0 };
    await work();
    counts.relationships[type].created += tally.created;
    counts.relationships[type].present += tally.written - tally.created;
    result.links += tally.written;
  };
  const labelOf = (id: string): NodeLabel => {
    const label = graph.labelOf(id);
    if (!label) throw new Error(`ingest/load/bulk: the reference target ${id} is not in the collected graph`);
    return label;
  };

  for (let i = 0; i < pending.length; i += Math.max(1, batchSize)) {
    const batch = pending.slice(i, i + Math.max(1, batchSize)).map((row) => row.props);
    const names = batch.map((r) => ({ r, t: lookups.nameTarget(r) }));
    await statement('BUILDS_ON', async () => {
      for (const { r, t } of names) {
        if (!t) continue;
        const source = str(r.source);
        const eLabel = labelOf(t.e);
        if (source === undefined || source === t.e || eLabel === 'Dataset') continue;
        const sLabel = graph.labelOf(source);
        if (!sLabel) continue;
        const props = defined({
          evidence: r.evidence,
          paperId: t.from,
          confidence: r.confidence,
          extractor: r.extractor,
          source: 'extraction',
          kind: r.buildsOnKind,
        });
        await merge('BUILDS_ON', sLabel, eLabel, { id: `BUILDS_ON:${source}->${t.e}@${t.from}`, source, target: t.e, props });
      }
    });
    await statement('USES', async () => {
      for (const { r, t } of names) {
        if (!t) continue;
        const eLabel = labelOf(t.e);
        if (eLabel === 'Dataset') continue;
        const props = defined({ evidence: r.evidence, paperId: t.from, confidence: r.confidence, extractor: 'cross-paper/mention' });
        await merge('USES', 'Paper', eLabel, { id: `USES:${t.from}->${t.e}`, source: t.from, target: t.e, props });
      }
    });
    await statement('CITES', async () => {
      for (const { r, t } of names) {
        if (!t) continue;
        const props = defined({
          evidence: r.evidence,
          paperId: t.from,
          confidence: r.confidence,
          extractor: 'cross-paper',
          inferred: true,
        });
        await merge('CITES', 'Paper', 'Paper', { id: `CITES:${t.from}->${t.owner}`, source: t.from, target: t.owner, props });
      }
    });
    const papers = batch.map((r) => ({ r, t: lookups.paperTarget(r) }));
    await statement('CITES', async () => {
      for (const { r, t } of papers) {
        const from = str(r.from);
        if (!t || r.kind !== 'paper' || from === undefined || !graph.nodesOf('Paper').has(from)) continue;
        const props = defined({
          evidence: r.evidence === undefined ? undefined : `${String(r.evidence)} (matched by ${t.how})`,
          paperId: from,
          confidence: r.confidence,
          extractor: r.extractor,
        });
        await merge('CITES', 'Paper', 'Paper', { id: `CITES:${from}->${t.p}`, source: from, target: t.p, props });
      }
    });
    await statement('PROPOSES', async () => {
      for (const { r, t } of papers) {
        const m = str(r.from);
        if (!t || r.kind !== 'introduced' || m === undefined) continue;
        const mLabel = graph.labelOf(m);
        if (!mLabel) continue;
        const props = defined({ evidence: r.evidence, paperId: t.p, confidence: r.confidence, extractor: r.extractor });
        await merge('PROPOSES', 'Paper', mLabel, { id: `PROPOSES:${t.p}->${m}`, source: t.p, target: m, props });
      }
    });
    counts.batches += 1;
  }
  return result;
}
