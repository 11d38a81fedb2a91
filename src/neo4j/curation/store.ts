// Curation records in Neo4j: stored as :Curation nodes (never deleted by --reset or --undo) and
// applied over the extracted graph — a rejected link moves to REJECTED, a re-kinded one gets its new
// kind, an added or retargeted one is written — in one write transaction, so it holds after every load.
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../driver.js';
import { CurationRecord, type CurateBody } from '../../shared/api/curation.js';
import { foldCurations, type LinkState } from './fold.js';
import { updateImportance } from '../importance/index.js';
import {
  CREATE_CURATION,
  LIST_CURATIONS,
  MERGE_CURATIONS,
  endLabel,
  hide,
  linkSnapshot,
  mark,
  markHidden,
  unhide,
  writeAdded,
  type EndLabel,
} from './statements.js';

const plain = (v: unknown): unknown => (v && typeof v === 'object' && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : v);

/** A stored :Curation node's properties as a record (absent properties are null). */
export function toCurationRecord(raw: Record<string, unknown>): CurationRecord {
  const keys = Object.keys(CurationRecord.shape) as (keyof CurationRecord)[];
  return Object.fromEntries(keys.map((k) => [k, plain(raw[k]) ?? null])) as CurationRecord;
}

/** Neo4j stores no nulls: the record without its empty fields. */
function storable(record: CurationRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null));
}

export interface CurationFilter {
  from?: string;
  to?: string;
  type?: string;
  node?: string;
}

async function listIn(tx: ManagedTransaction, filter: CurationFilter = {}): Promise<CurationRecord[]> {
  const result = await tx.run(LIST_CURATIONS, {
    from: filter.from ?? null,
    to: filter.to ?? null,
    type: filter.type ?? null,
    node: filter.node ?? null,
  });
  return result.records.map((r) => toCurationRecord(r.get('c') as Record<string, unknown>));
}

export async function listCurations(db: Database, filter: CurationFilter = {}, timeoutMs?: number): Promise<CurationRecord[]> {
  const session = db.session('READ');
  try {
    return await session.executeRead((tx) => listIn(tx, filter), timeoutMs === undefined ? undefined : { timeout: timeoutMs });
  } finally {
    await session.close();
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The id of the relationship a person added between two nodes (one per pair). */
export const addedEdgeId = (from: string, to: string) => `BUILDS_ON:${from}->${to}@curation`;

/** Writes the folded states onto the graph: shown links first (unhide, add, mark), then hidden ones. */
export async function applyLinkStates(tx: ManagedTransaction, states: LinkState[]): Promise<void> {
  const groups = groupBy(states, (s) => `${s.type}|${endLabel(s.from)}|${endLabel(s.to)}`);
  for (const group of groups.values()) {
    const { type, from, to } = group[0]!;
    const a: EndLabel = endLabel(from);
    const b: EndLabel = endLabel(to);
    const rows = (list: LinkState[]) =>
      list.map((s) => ({ from: s.from, to: s.to, status: s.status, last: s.last, kind: s.kind, retargetedTo: s.retargetedTo }));
    const shown = group.filter((s) => !s.hidden);
    const hidden = group.filter((s) => s.hidden);
    if (shown.length > 0) {
      await tx.run(unhide(type, a, b), { rows: rows(shown), type });
      const added = shown.filter((s) => s.added && type === 'BUILDS_ON');
      if (added.length > 0) {
        await tx.run(writeAdded(a, b), {
          rows: added.map((s) => ({ from: s.from, to: s.to, edgeId: addedEdgeId(s.from, s.to), kind: s.kind, added: s.added })),
        });
      }
      await tx.run(mark(type, a, b), { rows: rows(shown) });
    }
    if (hidden.length > 0) {
      await tx.run(hide(type, a, b), { rows: rows(hidden), type });
      await tx.run(markHidden(a, b), { rows: rows(hidden), type });
    }
  }
}

async function applyAllIn(tx: ManagedTransaction): Promise<number> {
  const states = foldCurations(await listIn(tx));
  await applyLinkStates(tx, states);
  return states.length;
}

/** Applies every stored curation over the graph (after a load, an import, a reset or an undo). Returns the links curated. */
export async function applyCurations(db: Database): Promise<number> {
  const session = db.session('WRITE');
  try {
    return await session.executeWrite(applyAllIn);
  } finally {
    await session.close();
  }
}

/** The link as stored now, for the record of what was curated; undefined when there is no such link. */
export async function linkSnapshotOf(
  tx: ManagedTransaction,
  link: { from: string; to: string; type: string },
): Promise<
  { evidence: string | null; paperId: string | null; confidence: number | null; kind: string | null; hidden: boolean } | undefined
> {
  const record = (await tx.run(linkSnapshot(endLabel(link.from), endLabel(link.to)), link)).records[0];
  if (!record) return undefined;
  const text = (k: string) => (typeof record.get(k) === 'string' ? (record.get(k) as string) : null);
  const confidence = plain(record.get('confidence'));
  return {
    evidence: text('evidence'),
    paperId: text('paperId'),
    confidence: typeof confidence === 'number' ? Math.min(1, Math.max(0, confidence)) : null,
    kind: text('kind'),
    hidden: record.get('hidden') === true,
  };
}

/** The link type a curation body names (kind, retarget and add are about BUILDS_ON). */
export const bodyType = (body: CurateBody): string => ('type' in body ? body.type : 'BUILDS_ON');

/**
 * Stores one curation and applies every curation again, in one write transaction: either the
 * record and its effect are both there, or neither is.
 */
export interface CurationOptions {
  who: string;
  now?: Date;
  /**
   * What follows a change of lineage (descendants, communities and the overview's ranking computed
   * again). By default it is awaited; the API hands it to a background refresher instead.
   */
  lineageChanged?: (db: Database) => Promise<void>;
}

export async function createCuration(db: Database, body: CurateBody, options: CurationOptions): Promise<CurationRecord> {
  const session = db.session('WRITE');
  let created: CurationRecord;
  try {
    created = await session.executeWrite(async (tx) => {
      const type = bodyType(body);
      const snapshot = body.action === 'add' ? undefined : await linkSnapshotOf(tx, { from: body.from, to: body.to, type });
      const record: CurationRecord = {
        id: randomUUID(),
        action: body.action,
        who: body.who ?? options.who,
        at: (options.now ?? new Date()).toISOString(),
        note: body.note ? body.note : null,
        from: body.from,
        to: body.to,
        type: type as CurationRecord['type'],
        kind: body.action === 'kind' || body.action === 'add' ? body.kind : null,
        newTarget: body.action === 'retarget' ? body.newTarget : null,
        evidence: snapshot?.evidence ?? null,
        paperId: snapshot?.paperId ?? null,
        confidence: snapshot?.confidence ?? null,
        previousKind: snapshot?.kind ?? null,
      };
      await tx.run(CREATE_CURATION, { record: storable(record) });
      await applyAllIn(tx);
      return record;
    });
  } finally {
    await session.close();
  }
  await (options.lineageChanged ?? lineageChanged)(db);
  return created;
}

/**
 * A rejected, retargeted or added link changes who builds on whom: descendants, communities and the
 * overview's ranking are computed again (forced: a retarget leaves every count as it was).
 */
async function lineageChanged(db: Database): Promise<void> {
  await updateImportance(db, { force: true });
}

/** Stores curations from an export (each once, by id) and applies them all. Returns how many were new. */
export async function importCurations(db: Database, records: CurationRecord[]): Promise<{ added: number; links: number }> {
  const session = db.session('WRITE');
  let applied: { added: number; links: number };
  try {
    applied = await session.executeWrite(async (tx) => {
      const result = await tx.run(MERGE_CURATIONS, { records: records.map(storable) });
      const added = result.summary.counters.updates().nodesCreated;
      const links = await applyAllIn(tx);
      return { added, links };
    });
  } finally {
    await session.close();
  }
  await lineageChanged(db);
  return applied;
}
