// Topics as wire-format output: a paper's Concepts + MENTIONS {weight} and its SIMILAR_TO {score}, and
// the whole topic step over an in-memory graph (dry runs, the --json export, extractCorpus) — the same
// computation the loader runs against Neo4j, so both give the same edges for the same papers.
import type { WireEdge, WireGraph, WireNode } from '../../../src/shared/graph.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { edge, node } from '../graph.js';
import { matchKey, slug } from '../keys.js';
import { TopicCorpus, type ConceptScore, type Neighbour, type TopicDoc, type TopicOptions } from './corpus.js';

/** Labels whose names are entities, not topics: no concept:lora next to method:lora. */
export const NAMED_LABELS = ['Method', 'Architecture', 'Dataset'] as const;

export interface PaperTopics {
  concepts: { id: string; name: string; nameKey: string; edge: WireEdge }[];
  similar: WireEdge[];
}

export function conceptId(term: string): string {
  return `concept:${slug(term)}`;
}

/** The Concept ids and MENTIONS of one paper (one per concept id, the heaviest term first) and its SIMILAR_TO. */
export function paperTopics(paperId: string, concepts: ConceptScore[], neighbours: Neighbour[]): PaperTopics {
  const seen = new Set<string>();
  const out: PaperTopics = { concepts: [], similar: [] };
  for (const c of concepts) {
    const cid = conceptId(c.term);
    if (seen.has(cid)) continue;
    seen.add(cid);
    const mention = edge('MENTIONS', paperId, cid, {
      weight: c.weight,
      evidence: `keyphrase "${c.term}" occurs ${c.count} time(s) in the title and abstract`,
      paperId,
      confidence: c.weight,
      extractor: 'tfidf-keyphrase',
    });
    out.concepts.push({ id: cid, name: c.term, nameKey: matchKey(c.term), edge: mention });
  }
  for (const n of neighbours) {
    out.similar.push(
      edge('SIMILAR_TO', paperId, n.id, {
        score: n.score,
        evidence: `shared keyphrases: ${n.shared.join(', ')}`,
        paperId,
        confidence: n.score,
        extractor: 'tfidf-cosine',
      }),
    );
  }
  return out;
}

/** A Paper node's stored keyphrase vector, or undefined when it has none. */
export function topicDoc(n: WireNode): TopicDoc | undefined {
  const terms = n.properties.terms;
  const counts = n.properties.termCounts;
  if (!Array.isArray(terms) || !Array.isArray(counts) || terms.length !== counts.length) return undefined;
  return { id: n.id, terms: terms.map(String), counts: counts.map(Number) };
}

/** Whether a term names an entity: the taxonomy knows it, or a Method/Architecture/Dataset has it as name or alias. */
export function entityTermTest(taxonomy: Taxonomy, entityKeys: Set<string>): (term: string) => boolean {
  const cache = new Map<string, boolean>();
  return (term) => {
    let known = cache.get(term);
    if (known === undefined) {
      known = taxonomy.resolve(term) !== undefined || entityKeys.has(matchKey(term));
      cache.set(term, known);
    }
    return known;
  };
}

/** The name keys of the graph's methods, architectures and datasets (names and aliases). */
export function entityKeysOf(nodes: Iterable<WireNode>): Set<string> {
  const keys = new Set<string>();
  for (const n of nodes) {
    if (!(NAMED_LABELS as readonly string[]).includes(n.label)) continue;
    keys.add(matchKey(n.name));
    const aliases = n.properties.aliases;
    if (Array.isArray(aliases)) for (const a of aliases) if (typeof a === 'string') keys.add(matchKey(a));
  }
  keys.delete('');
  return keys;
}

/** The topic step over an in-memory graph: Concepts, MENTIONS and SIMILAR_TO of all its papers. */
export function graphTopics(graph: WireGraph, taxonomy: Taxonomy, options: TopicOptions = {}): WireGraph {
  const docs = graph.nodes.filter((n) => n.label === 'Paper').map(topicDoc);
  return docsTopics(
    docs.filter((d): d is TopicDoc => d !== undefined),
    entityTermTest(taxonomy, entityKeysOf(graph.nodes)),
    options,
  );
}

/** The topic step over papers held in memory (any order; they are read in id order). */
export function docsTopics(input: TopicDoc[], exclude: (term: string) => boolean, options: TopicOptions = {}): WireGraph {
  const docs = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const corpus = new TopicCorpus(options);
  for (const d of docs) corpus.count(d);
  for (const d of docs) corpus.index(d);
  const nodes = new Map<string, WireNode>();
  const edges: WireEdge[] = [];
  for (const d of docs) {
    const t = paperTopics(d.id, corpus.concepts(d, exclude), corpus.neighbours(d));
    for (const c of t.concepts) {
      const prev = nodes.get(c.id);
      // Terms that share a slug: the smallest name wins, whichever paper comes first (as in Neo4j).
      if (!prev || c.name < prev.name) nodes.set(c.id, node(c.id, 'Concept', c.name, { name: c.name }));
      edges.push(c.edge);
    }
    edges.push(...t.similar);
  }
  return { nodes: [...nodes.values()], edges };
}

export { TopicCorpus, type TopicDoc, type TopicOptions } from './corpus.js';
