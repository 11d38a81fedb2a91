// GET /api/search: names first, then text. Exact and prefix matches of the normalised name key and
// alias keys stored at ingest (methods, architectures and datasets above everything else, the most
// important first), then full-text hits over names, titles and abstracts, with fuzzy words for typos.
// The ideas' name matches come from an index held in memory when it can answer alone (Searcher).
import type { Database } from '../../../neo4j/driver.js';
import { readTx } from '../../../neo4j/session.js';
import { leanNode, leanNodeCypher, nodeFromLean, toWireNode } from '../../convert.js';
import { NODE_LABELS, type NodeLabel, type WireNode } from '../../../shared/graph.js';
import type { SearchHit } from '../../../shared/api/search.js';
import { escapeLucene, nameKey } from '../../lucene.js';
import { int } from './locate.js';
import type { IndexedIdea, NameIndexReader } from './name-index.js';

const IDEAS: readonly WireNode['label'][] = ['Method', 'Architecture', 'Dataset'];

/**
 * Candidates are read without their abstracts and term lists (`leanNodeCypher`): a query reads up to
 * hundreds of them to rank and answers with a few, and a paper's abstract is most of its bytes.
 */
export const CANDIDATE = leanNodeCypher('n', ['nameKey']);

/**
 * Prefix seeks on each label's `nameKey` index (labels spliced from the whitelist, each branch
 * skipped unless asked for) and on the alias keys' keyword index; at most $fetch per branch.
 */
const BY_KEY = `CALL () {
${NODE_LABELS.map(
  (label) => `  MATCH (n:${label}) WHERE n.nameKey STARTS WITH $key AND '${label}' IN $labels
  RETURN n LIMIT $fetch`,
).join('\n  UNION\n')}
  UNION
  CALL db.index.fulltext.queryNodes('entity_alias_keys', $aliasQuery, {limit: $fetch}) YIELD node
  WITH node AS n WHERE any(l IN labels(n) WHERE l IN $labels)
  RETURN n
}
RETURN ${CANDIDATE} AS n`;

const BY_TEXT = `CALL db.index.fulltext.queryNodes('node_text', $lucene, {limit: $fetch}) YIELD node, score
WHERE any(l IN labels(node) WHERE l IN $labels)
WITH node AS n, score
RETURN ${CANDIDATE} AS n, score`;

/** A hit's `score`: 4 exact name or alias of an idea, 3 its prefix, 2 exact name of anything else, 1 its prefix, below 1 a text match. */
interface Candidate {
  node: WireNode;
  tier: number;
  /** Length of the matched name or alias key (0 for text matches). */
  keyLength: number;
  text: number;
  matched: string | null;
}

const numberOf = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * Where a name-key hit ranks: ideas above the rest, exact above prefix; the alias that matched when
 * the name did not. `aliasKeys` are the name keys of the node's aliases, when already known.
 */
function keyTier(node: WireNode, key: string, aliasKeys?: readonly string[]): { tier: number; matched: string | null } | undefined {
  const name = typeof node.properties.nameKey === 'string' ? node.properties.nameKey : '';
  const aliases = Array.isArray(node.properties.aliases) ? node.properties.aliases.map(String) : [];
  aliasKeys ??= aliases.map(nameKey);
  const idea = IDEAS.includes(node.label) ? 2 : 0;
  if (name === key) return { tier: idea + 2, matched: null };
  const exactAlias = aliasKeys.indexOf(key);
  if (exactAlias >= 0) return { tier: idea + 2, matched: aliases[exactAlias]! };
  if (name.startsWith(key)) return { tier: idea + 1, matched: null };
  const prefixAlias = aliasKeys.findIndex((a) => a.startsWith(key));
  if (prefixAlias >= 0) return { tier: idea + 1, matched: aliases[prefixAlias]! };
  return undefined;
}

function compare(a: Candidate, b: Candidate): number {
  return (
    b.tier - a.tier ||
    // Within a tier, the name's own match before an alias's, then the closest completion of what was
    // typed ("mamb": Mamba before MambaMixer), then the idea more built upon.
    Number(a.matched !== null) - Number(b.matched !== null) ||
    a.keyLength - b.keyLength ||
    numberOf(b.node.properties.importance) - numberOf(a.node.properties.importance) ||
    b.text - a.text ||
    a.node.name.length - b.node.name.length ||
    numberOf(b.node.properties.degree) - numberOf(a.node.properties.degree) ||
    a.node.id.localeCompare(b.node.id)
  );
}

/** The words of the query with a fuzzy variant (one edit) for words of five letters or more. */
export function withFuzzy(lucene: string, words: string[]): string {
  const fuzzy = words.filter((w) => w.length >= 5).map((w) => `${escapeLucene(w)}~1`);
  return fuzzy.length ? `${lucene} OR ${fuzzy.join(' OR ')}` : lucene;
}

/** A name-key hit ranked (see keyTier). */
function keyCandidate(node: WireNode, key: string, aliasKeys?: readonly string[]): Candidate | undefined {
  const tier = keyTier(node, key, aliasKeys);
  return tier && { node, ...tier, keyLength: nameKey(tier.matched ?? node.name).length, text: 0 };
}

/** What a search answers for its ranked candidates. */
function hits(ranked: readonly Candidate[]): SearchHit[] {
  return ranked.map((c) => {
    leanNode(c.node);
    return { node: c.node, score: Math.round((c.tier > 0 ? c.tier : c.text * 0.99) * 1000) / 1000, matched: c.matched };
  });
}

/** Search through Neo4j alone: its name-key and alias indexes, then its full-text index. */
export async function search(
  db: Database,
  lucene: string,
  words: string[],
  labels: readonly NodeLabel[],
  limit: number,
  timeoutMs?: number,
): Promise<SearchHit[]> {
  const key = nameKey(words.join(''));
  return readTx(
    db,
    async (tx) => {
      const found = new Map<string, Candidate>();
      if (key !== '') {
        const byKey = await tx.run(BY_KEY, { key, aliasQuery: `${escapeLucene(key)}*`, labels, fetch: int(Math.max(limit * 10, 200)) });
        for (const record of byKey.records) {
          const candidate = keyCandidate(toWireNode(nodeFromLean(record.get('n'))), key);
          if (candidate) found.set(candidate.node.id, candidate);
        }
      }
      const ranked = [...found.values()].sort(compare);
      if (ranked.length < limit) {
        // The full-text index spans every label and the label filter applies after its limit: a search
        // narrowed to some labels reads further down the hits so that theirs are among them.
        const fetch = labels.length < NODE_LABELS.length ? Math.max(limit * 20, 200) : limit * 2;
        const byText = await tx.run(BY_TEXT, { lucene: withFuzzy(lucene, words), labels, fetch: int(fetch) });
        const texts: Candidate[] = [];
        for (const record of byText.records) {
          const node = toWireNode(nodeFromLean(record.get('n')));
          if (found.has(node.id)) continue;
          const score = record.get('score') as number;
          texts.push({ node, tier: 0, keyLength: 0, text: score, matched: null });
        }
        texts.sort((a, b) => b.text - a.text || a.node.id.localeCompare(b.node.id));
        const top = texts[0]?.text ?? 1;
        for (const t of texts) ranked.push({ ...t, text: t.text / top });
      }
      return hits(ranked.slice(0, limit));
    },
    timeoutMs,
  );
}

/**
 * Search with the name index (name-index.ts) when it can answer alone: ideas' name matches rank above
 * everything else, so when at least `limit` ideas match the typed name, they are the answer, ranked in
 * memory, with the nodes the index holds. Otherwise (too few, or the index still building) the search
 * reads Neo4j as `search` does. Whether enough ideas match is first asked of the index built last,
 * without reading the graph's state: when too few do, the search goes to Neo4j at once (Neo4j has the
 * answer, fresh or not the index); when enough do, the index of the current state answers.
 */
export class Searcher {
  constructor(
    private readonly db: Database,
    private readonly names: NameIndexReader,
  ) {}

  async search(lucene: string, words: string[], labels: readonly NodeLabel[], limit: number, timeoutMs?: number): Promise<SearchHit[]> {
    const key = nameKey(words.join(''));
    const latest = key === '' ? undefined : this.names.latest();
    // No index yet (the build at start failed, say while Neo4j was down): try again, in the background.
    // A failure there is this search's too, which reports it.
    if (latest === undefined && key !== '') this.names.index(timeoutMs).catch(() => {});
    const found = latest?.prefixed(key, labels) ?? [];
    if (found.length >= limit) {
      const index = await this.names.index(timeoutMs);
      const ranked = index === undefined ? [] : rankedIdeas(index === latest ? found : index.prefixed(key, labels), key, limit);
      // The answer's nodes are copies: hits() makes them lean in place, and the index keeps its own.
      if (ranked.length >= limit) return hits(ranked.map((c) => ({ ...c, node: { ...c.node, properties: { ...c.node.properties } } })));
    }
    return search(this.db, lucene, words, labels, limit, timeoutMs);
  }
}

/** The first `limit` of these ideas, found by the name key `key`, ranked. */
function rankedIdeas(found: readonly IndexedIdea[], key: string, limit: number): Candidate[] {
  return found
    .map((idea) => keyCandidate(idea.node, key, idea.aliasKeys))
    .filter((c): c is Candidate => c !== undefined)
    .sort(compare)
    .slice(0, limit);
}
