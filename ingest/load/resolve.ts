// Recognises the same paper across sources: maps incoming Paper ids to the id already used (in this
// run or in the database) for the same arXiv id, DOI or normalized title, and rewrites edges to match.
import { edgeId } from '../extract/graph.js';
import type { EdgeRow, NodeRow } from './param-rows.js';

interface Known {
  id: string;
  arxivId?: string;
  doi?: string;
}

/** Looks incoming papers up in the database: incoming id -> stored id (absent when new). */
export type StoredPaperLookup = (rows: NodeRow[]) => Promise<Map<string, string>>;

export class PaperResolver {
  /** Incoming paper id -> the id it was merged into (only for papers that were remapped). */
  private remapped = new Map<string, string>();
  /** Identity keys seen in this run: "a:<arxivId>", "d:<doi>", "t:<titleKey>". */
  private keys = new Map<string, Known>();
  private seen = new Set<string>();

  /**
   * @param rememberKeys keep every paper's keys for the whole run (needed without a database;
   *   with one, earlier batches are found by the database lookup instead).
   */
  constructor(private readonly rememberKeys: boolean) {}

  /** The id a node or edge endpoint should use. */
  target(id: string): string {
    return this.remapped.get(id) ?? id;
  }

  private fromKeys(row: NodeRow): Known | undefined {
    const compatible = (k: Known | undefined) =>
      k && (!row.arxivId || !k.arxivId || k.arxivId === row.arxivId) && (!row.doi || !k.doi || k.doi === row.doi) ? k : undefined;
    return (
      (row.arxivId ? this.keys.get(`a:${row.arxivId}`) : undefined) ??
      compatible(row.doi ? this.keys.get(`d:${row.doi}`) : undefined) ??
      compatible(row.titleKey ? this.keys.get(`t:${row.titleKey}`) : undefined)
    );
  }

  private remember(row: NodeRow, id: string): void {
    const known: Known = { id, arxivId: row.arxivId, doi: row.doi };
    for (const key of [row.arxivId && `a:${row.arxivId}`, row.doi && `d:${row.doi}`, row.titleKey && `t:${row.titleKey}`]) {
      if (key && !this.keys.has(key)) this.keys.set(key, known);
    }
  }

  /**
   * Resolves a batch of Paper rows (rewriting their ids in place) and returns the rows merged by
   * id. `stored` answers for papers neither this run nor this batch has seen.
   */
  async resolve(rows: NodeRow[], stored?: StoredPaperLookup): Promise<NodeRow[]> {
    const unknown = rows.filter((r) => !this.remapped.has(r.id) && !this.seen.has(r.id) && !this.fromKeys(r));
    const found = stored && unknown.length ? await stored(unknown) : new Map<string, string>();
    for (const row of rows) {
      const original = row.id;
      const id =
        this.remapped.get(original) ?? (this.seen.has(original) ? original : (this.fromKeys(row)?.id ?? found.get(original) ?? original));
      if (id !== original) this.remapped.set(original, id);
      row.id = id;
      this.seen.add(original);
      this.remember(row, id);
    }
    return rows;
  }

  /** Forgets the identity keys (not the remapping) after a batch is safely in the database. */
  endBatch(): void {
    if (!this.rememberKeys) this.keys.clear();
  }

  /**
   * Rewrites an edge's endpoints, its paperId and its id (`TYPE:source->target[@paperId]`, rebuilt
   * from the resolved ids, never parsed) to the resolved paper ids. Ids of another form are kept.
   * Returns undefined for a Paper self-loop the merge created.
   */
  edge(type: string, row: EdgeRow): EdgeRow | undefined {
    const source = this.target(row.source);
    const target = this.target(row.target);
    const paperId = typeof row.props.paperId === 'string' ? this.target(row.props.paperId) : undefined;
    if (source === row.source && target === row.target && paperId === row.props.paperId) return row;
    if (source === target && row.source !== row.target) return undefined;
    const stated = row.props.paperId;
    let id = row.id;
    if (id === edgeId(type, row.source, row.target)) id = edgeId(type, source, target);
    else if (typeof stated === 'string' && id === edgeId(type, row.source, row.target, stated)) id = edgeId(type, source, target, paperId);
    return { id, source, target, props: paperId === undefined ? row.props : { ...row.props, paperId } };
  }
}
