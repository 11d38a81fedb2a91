// The topic step against Neo4j, after every run and every undo: reads the stored papers' keyphrase
// vectors in id order (three passes, `pageSize` at a time), and brings each batch's Concepts, MENTIONS
// and SIMILAR_TO to what the whole graph gives. Document frequencies are those of the papers the graph
// holds, whichever runs brought them, so A then B, B then A and A+B give the same topics, and undoing a
// run gives back the topics of what is left. Memory: TopicCorpus's bound (about 1 KiB a paper).
import neo4j from 'neo4j-driver';
import type { Database } from '../../src/neo4j/driver.js';
import { matchKey } from '../extract/keys.js';
import { TopicCorpus, type TopicDoc, type TopicOptions } from '../extract/topics/corpus.js';
import { paperTopics } from '../extract/topics/graph.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { LoadCounts } from './counts.js';
import {
  CONCEPT_RUNS,
  DROP_ORPHAN_CONCEPTS,
  DROP_STALE_MENTIONS,
  DROP_STALE_SIMILAR,
  ENTITY_KEYS,
  MERGE_MENTIONS,
  MERGE_SIMILAR,
  PAPER_VECTORS,
} from './topics-cypher.js';

export interface TopicStepOptions extends TopicOptions {
  /** Papers read and written per batch (default 1,000: one batch's topics stay well inside the transaction memory limit). */
  pageSize?: number;
  /** Called after each written batch with the papers done and the papers in the graph. */
  onProgress?: (done: number, total: number) => void;
}

export interface TopicCounts {
  papers: number;
  mentionsWritten: number;
  similarWritten: number;
  deleted: number;
  conceptsCreated: number;
  relationshipsCreated: number;
}

const KEY = /^[\p{L}\p{N}]+$/u;

/** The stored vectors, page by page in id order. */
async function* papers(db: Database, pageSize: number): AsyncGenerator<TopicDoc[]> {
  let after = '';
  for (;;) {
    const session = db.session('READ');
    let page: TopicDoc[];
    try {
      const result = await session.executeRead((tx) => tx.run(PAPER_VECTORS, { after, limit: neo4j.int(pageSize) }));
      page = result.records.map((r) => ({
        id: r.get('id') as string,
        terms: (r.get('terms') as string[] | null) ?? [],
        counts: (r.get('counts') as number[] | null) ?? [],
      }));
    } finally {
      await session.close();
    }
    if (page.length === 0) return;
    // Papers without a vector (stored by an older ingest) take no part in the topics.
    yield page.filter((d) => d.terms.length > 0 && d.terms.length === d.counts.length);
    after = page[page.length - 1]!.id;
    if (page.length < pageSize) return;
  }
}

/** Which terms of a batch name an entity: the taxonomy knows them, or the graph has such a name or alias. */
async function entityTerms(db: Database, taxonomy: Taxonomy, terms: Iterable<string>): Promise<Set<string>> {
  const named = new Set<string>();
  const byKey = new Map<string, string[]>();
  for (const term of terms) {
    if (taxonomy.resolve(term)) named.add(term);
    else {
      const key = matchKey(term);
      if (!KEY.test(key)) continue;
      const list = byKey.get(key);
      if (list) list.push(term);
      else byKey.set(key, [term]);
    }
  }
  if (byKey.size === 0) return named;
  const session = db.session('READ');
  try {
    const result = await session.executeRead((tx) => tx.run(ENTITY_KEYS, { keys: [...byKey.keys()] }));
    for (const r of result.records) for (const term of byKey.get(r.get('key') as string) ?? []) named.add(term);
  } finally {
    await session.close();
  }
  return named;
}

/** Runs the topic step over the whole graph; adds what it created to `counts` when given. */
export async function updateTopics(
  db: Database,
  taxonomy: Taxonomy,
  options: TopicStepOptions = {},
  counts?: LoadCounts,
): Promise<TopicCounts> {
  const pageSize = Math.max(1, options.pageSize ?? 1_000);
  const corpus = new TopicCorpus(options);
  for await (const page of papers(db, pageSize)) for (const d of page) corpus.count(d);
  for await (const page of papers(db, pageSize)) for (const d of page) corpus.index(d);
  const out: TopicCounts = {
    papers: corpus.documents,
    mentionsWritten: 0,
    similarWritten: 0,
    deleted: 0,
    conceptsCreated: 0,
    relationshipsCreated: 0,
  };
  let done = 0;
  for await (const page of papers(db, pageSize)) {
    const candidates = new Set(page.flatMap((d) => d.terms));
    const named = await entityTerms(db, taxonomy, candidates);
    const rows = page.map((d) => ({
      d,
      t: paperTopics(
        d.id,
        corpus.concepts(d, (term) => named.has(term)),
        corpus.neighbours(d),
      ),
    }));
    const mentions = rows.map(({ d, t }) => ({
      paper: d.id,
      keep: t.concepts.map((c) => c.id),
      concepts: t.concepts.map((c) => ({ id: c.id, name: c.name, nameKey: c.nameKey, edgeId: c.edge.id, props: c.edge.properties })),
    }));
    const similar = rows.map(({ d, t }) => ({
      paper: d.id,
      keep: t.similar.map((e) => e.target),
      similar: t.similar.map((e) => ({ target: e.target, edgeId: e.id, props: e.properties })),
    }));
    const session = db.session('WRITE');
    try {
      await session.executeWrite(async (tx) => {
        for (const [statement, params] of [
          [DROP_STALE_MENTIONS, { rows: mentions }],
          [MERGE_MENTIONS, { rows: mentions }],
          [DROP_STALE_SIMILAR, { rows: similar }],
          [MERGE_SIMILAR, { rows: similar }],
        ] as const) {
          const result = await tx.run(statement, params);
          const u = result.summary.counters.updates();
          out.deleted += u.relationshipsDeleted;
          out.conceptsCreated += u.nodesCreated;
          out.relationshipsCreated += u.relationshipsCreated;
          if (statement === MERGE_MENTIONS) {
            out.mentionsWritten += Number(result.records[0]?.get('written') ?? 0);
            if (counts) counts.relationships.MENTIONS.created += u.relationshipsCreated;
            if (counts) counts.nodes.Concept.created += u.nodesCreated;
          } else if (statement === MERGE_SIMILAR) {
            out.similarWritten += Number(result.records[0]?.get('written') ?? 0);
            if (counts) counts.relationships.SIMILAR_TO.created += u.relationshipsCreated;
          }
        }
      });
    } finally {
      await session.close();
    }
    if (counts) counts.batches += 1;
    done += page.length;
    options.onProgress?.(done, corpus.documents);
  }
  // CALL { ... } IN TRANSACTIONS needs auto-commit transactions (session.run).
  const session = db.session('WRITE');
  try {
    for (const statement of [DROP_ORPHAN_CONCEPTS, CONCEPT_RUNS]) {
      const u = (await session.run(statement)).summary.counters.updates();
      out.deleted += u.relationshipsDeleted;
    }
  } finally {
    await session.close();
  }
  return out;
}
