// The extractor: turns paper records into the wire-format graph — per paper in addPaper (streaming),
// corpus-level links (cross-paper lineage, citations, concepts, similarity, taxonomy facts) in finish.
import type { WireEdge, WireGraph, WireNode } from '../../src/shared/graph.js';
import { defaultTaxonomy, entityId, type Taxonomy, type TaxonomyEntry } from '../taxonomy/taxonomy.js';
import type { PaperRecord } from '../types.js';
import { findAcronymDefinitions } from './acronyms.js';
import { CUE, findBuildsOn, primaryContribution, type BuildsOnLink } from './builds-on.js';
import { findRepositoryUrls, parseRepositoryUrl } from './code-links.js';
import { candidateTerms, TermStats, topConcepts, type TermVector } from './concepts.js';
import { findContributions } from './contributions.js';
import { findDatasets } from './datasets.js';
import { edge, mergeGraphs, node } from './graph.js';
import { matchKey, slug } from './keys.js';
import { AliasMatcher } from './mentions.js';
import { paperId, titleKey } from './paper-identity.js';
import { analyzeText, type AnalyzedText } from './sentences.js';
import { similarPapers } from './similarity.js';
import type { Contribution, SentenceInfo } from './types.js';
import type { UnresolvedReference } from './unresolved.js';
import { nameReference, paperReference } from './unresolved-refs.js';

export interface Extractor {
  addPaper(record: PaperRecord): WireGraph;
  finish(): WireGraph;
  /** After finish(): the names and record references no paper of the run resolved. */
  unresolved(): UnresolvedReference[];
}

export interface ExtractorOptions {
  taxonomy?: Taxonomy;
  /** Concepts kept per paper (default 6) and SIMILAR_TO neighbours per paper (default 5). */
  conceptsPerPaper?: number;
  similarTopK?: number;
  similarThreshold?: number;
  /** Link a title's "Name:" contribution to entities in the rest of the title (weak, confidence 0.5; default on). */
  titleTail?: boolean;
}

interface PaperState {
  id: string;
  primary?: string;
  vector: TermVector;
  /** Name-like tokens not matched when the paper was read, to link contributions found later. */
  deferred?: Deferred[];
  references?: { arxivId?: string; doi?: string; titleKey?: string }[];
}

/** A name-like token kept for later; the sentence is kept only when it could carry lineage. */
interface Deferred {
  key: string;
  name: string;
  sentence?: string;
  cue: boolean;
}

interface CrossRef {
  paper: number;
  target: string;
  evidence: string;
  /** BUILDS_ON source (a contribution of `paper`) when the mention supports lineage. */
  source?: string;
  confidence: number;
  extractor: string;
}

const FIRST_PERSON = /\b(?:we|our)\b/i;
const NAME_LIKE = /\b[\p{L}\p{N}]*(?:\p{Ll}\p{Lu}|\p{L}\d|\d\p{L})[\p{L}\p{N}-]*\b/gu;

class CorpusExtractor implements Extractor {
  private readonly taxonomy: Taxonomy;
  private taxonomyVersion = -1;
  private taxonomyMatcher!: AliasMatcher;
  private matcher!: AliasMatcher;
  private readonly contributions = new Map<string, { owner: number; names: string[]; kind: string }>();
  private readonly contributionByKey = new Map<string, string>();
  private readonly papers: PaperState[] = [];
  private readonly paperIndex = new Map<string, number>();
  private readonly byArxiv = new Map<string, number>();
  private readonly byDoi = new Map<string, number>();
  private readonly byTitleKey = new Map<string, number>();
  private readonly crossRefs: CrossRef[] = [];
  private readonly unresolvedRefs: UnresolvedReference[] = [];
  private readonly seenEntities = new Set<string>();
  private readonly stats = new TermStats();

  constructor(private readonly options: ExtractorOptions) {
    this.taxonomy = options.taxonomy ?? defaultTaxonomy();
    this.compile();
  }

  private compile(): void {
    if (this.taxonomyVersion === this.taxonomy.version) return;
    this.taxonomyMatcher = new AliasMatcher(this.taxonomy.entries());
    this.matcher = new AliasMatcher(this.taxonomy.entries());
    for (const [id, c] of this.contributions) this.registerNames(id, c.names);
    this.taxonomyVersion = this.taxonomy.version;
  }

  private registerNames(id: string, names: string[]): void {
    for (const n of names) {
      if (!this.contributionByKey.has(matchKey(n))) this.contributionByKey.set(matchKey(n), id);
      // Single-token names must match as written ("SortedNet"), so common words never link papers.
      this.matcher.add(id, [n], /\s/.test(n.trim()) ? {} : { exact: true });
    }
  }

  private isDataset = (id: string): boolean => id.startsWith('dataset:');

  addPaper(record: PaperRecord): WireGraph {
    this.compile();
    const pid = paperId(record);
    const nodes: WireNode[] = [];
    const edges: WireEdge[] = [];
    const known = this.paperIndex.get(pid);
    const index = known ?? this.papers.length;

    nodes.push(
      node(pid, 'Paper', record.title, {
        title: record.title,
        abstract: record.abstract,
        year: record.year,
        arxivId: record.arxivId,
        doi: record.doi,
        url: record.url,
        sources: [record.source],
        titleKey: titleKey(record.title),
      }),
    );

    const titleText: AnalyzedText = analyzeText(record.title);
    const abstractText = analyzeText(record.abstract);
    const texts = [record.title.replace(/\s+/g, ' ').trim(), ...abstractText.sentences];
    const sentences: SentenceInfo[] = texts.map((text, i) => ({ index: i, text, mentions: [], acronyms: findAcronymDefinitions(text) }));

    const contributions = findContributions(sentences, { taxonomy: this.taxonomy, matcher: this.taxonomyMatcher });
    for (const c of contributions) {
      if (c.taxonomyId) continue;
      if (!this.contributions.has(c.id)) {
        this.contributions.set(c.id, { owner: index, names: [c.name, ...c.aliases], kind: c.kind });
        this.registerNames(c.id, [c.name, ...c.aliases]);
      }
    }
    for (const s of sentences) s.mentions = this.matcher.find(s.text);
    const ownIds = new Set(contributions.map((c) => c.id));
    const isOther = (id: string) => {
      const c = this.contributions.get(id);
      return c !== undefined && c.owner !== index && !ownIds.has(id);
    };

    // PROPOSES and contribution nodes.
    for (const c of contributions) {
      nodes.push(this.contributionNode(c));
      edges.push(edge('PROPOSES', pid, c.id, { evidence: c.evidence, paperId: pid, confidence: c.confidence, extractor: c.extractor }));
    }

    // BUILDS_ON within the paper; links to other papers' contributions wait for finish().
    const links = findBuildsOn(sentences, contributions, { matcher: this.matcher, isDataset: this.isDataset, titleTail: this.options.titleTail ?? true });
    for (const link of links) {
      if (isOther(link.target)) {
        this.crossRefs.push({ paper: index, target: link.target, evidence: link.evidence, source: link.source, confidence: Math.min(link.confidence, 0.8), extractor: `cross-paper/${link.extractor}` });
        continue;
      }
      this.pushEntity(nodes, link.target);
      edges.push(this.buildsOnEdge(link, pid));
    }

    // USES (taxonomy methods/architectures mentioned, not proposed) and mentions of other papers' contributions.
    const proposed = new Set(contributions.map((c) => c.taxonomyId ?? c.id));
    const uses = new Map<string, { count: number; sentence: string }>();
    const primary = primaryContribution(contributions);
    for (const s of sentences) {
      for (const m of s.mentions) {
        if (proposed.has(m.id) || this.isDataset(m.id) || ownIds.has(m.id)) continue;
        if (isOther(m.id)) {
          const lineage = primary && !primary.taxonomyId && (CUE.test(s.text) || FIRST_PERSON.test(s.text));
          CUE.lastIndex = 0;
          this.crossRefs.push({
            paper: index,
            target: m.id,
            evidence: s.text,
            ...(lineage ? { source: primary.id } : {}),
            confidence: lineage ? 0.7 : 0.6,
            extractor: 'cross-paper/mention',
          });
          continue;
        }
        if (!this.taxonomy.get(m.id)) continue;
        const u = uses.get(m.id);
        if (u) u.count += 1;
        else uses.set(m.id, { count: 1, sentence: s.text });
      }
    }
    for (const [target, u] of uses) {
      this.pushEntity(nodes, target);
      edges.push(edge('USES', pid, target, { evidence: u.sentence, paperId: pid, confidence: Math.min(0.9, 0.5 + 0.1 * (u.count - 1)), extractor: 'mention' }));
    }
    for (const m of record.methods ?? []) {
      const entry = this.taxonomy.resolve(m.name) ?? (m.fullName ? this.taxonomy.resolve(m.fullName) : undefined);
      const id = entry ? entry.id : entityId('Method', m.name);
      if (entry) this.pushEntity(nodes, entry.id);
      else nodes.push(node(id, 'Method', m.name, { name: m.name, aliases: m.fullName && m.fullName !== m.name ? [m.fullName] : [], description: m.description, source: 'source-metadata' }));
      if (entry?.kind === 'Dataset') continue;
      edges.push(edge('USES', pid, id, { evidence: `${record.source} tags the paper with method "${m.name}"`, paperId: pid, confidence: 0.9, extractor: 'source-metadata' }));
    }

    // EVALUATED_ON.
    for (const d of findDatasets(sentences, this.isDataset, proposed)) {
      this.pushEntity(nodes, d.target);
      edges.push(edge('EVALUATED_ON', pid, d.target, { evidence: d.evidence, paperId: pid, confidence: d.confidence, extractor: 'dataset-mention' }));
    }

    // HAS_CODE.
    const repos = new Set<string>();
    for (const s of sentences) {
      for (const { repo } of findRepositoryUrls(s.text)) {
        if (repos.has(repo.id)) continue;
        repos.add(repo.id);
        nodes.push(node(repo.id, 'Repository', repo.url, { url: repo.url, host: repo.host, owner: repo.owner, name: repo.name }));
        edges.push(edge('HAS_CODE', pid, repo.id, { evidence: s.text, paperId: pid, confidence: 0.95, extractor: 'code-url' }));
      }
    }
    for (const url of record.code ?? []) {
      const repo = parseRepositoryUrl(url);
      if (!repo || repos.has(repo.id)) continue;
      repos.add(repo.id);
      nodes.push(node(repo.id, 'Repository', repo.url, { url: repo.url, host: repo.host, owner: repo.owner, name: repo.name }));
      edges.push(edge('HAS_CODE', pid, repo.id, { evidence: `code link given by ${record.source}: ${url}`, paperId: pid, confidence: 0.95, extractor: 'source-metadata' }));
    }

    // AUTHORED_BY.
    for (const author of record.authors ?? []) {
      const name = author.replace(/\s+/g, ' ').trim();
      const aslug = slug(name);
      if (!aslug) continue;
      nodes.push(node(`author:${aslug}`, 'Author', name, { name }));
      edges.push(edge('AUTHORED_BY', pid, `author:${aslug}`, { evidence: `author list of ${record.source}`, paperId: pid, confidence: 1, extractor: 'source-metadata' }));
    }

    // Corpus-level state (compact).
    if (known === undefined) {
      const state: PaperState = { id: pid, vector: this.stats.add(candidateTerms(titleText, abstractText)) };
      if (primary && !primary.taxonomyId) state.primary = primary.id;
      const deferred = this.deferredNames(sentences);
      if (deferred.length) state.deferred = deferred;
      this.papers.push(state);
      this.paperIndex.set(pid, index);
      if (record.arxivId && !this.byArxiv.has(record.arxivId)) this.byArxiv.set(record.arxivId, index);
      if (record.doi && !this.byDoi.has(record.doi.toLowerCase())) this.byDoi.set(record.doi.toLowerCase(), index);
      const tk = titleKey(record.title);
      if (!this.byTitleKey.has(tk)) this.byTitleKey.set(tk, index);
    }
    // References are kept whichever source of the paper brings them (a Semantic Scholar record may
    // follow the same paper from BibTeX), so CITES do not depend on the order of the sources.
    if (record.references?.length) {
      const state = this.papers[this.paperIndex.get(pid)!]!;
      state.references = [
        ...(state.references ?? []),
        ...record.references.map((r) => ({
          ...(r.arxivId ? { arxivId: r.arxivId } : {}),
          ...(r.doi ? { doi: r.doi.toLowerCase() } : {}),
          ...(r.title ? { titleKey: titleKey(r.title) } : {}),
        })),
      ];
    }
    for (const n of nodes) if (n.label === 'Method' || n.label === 'Architecture' || n.label === 'Dataset') this.seenEntities.add(n.id);
    return mergeGraphs([{ nodes, edges }]);
  }

  private deferredNames(sentences: SentenceInfo[]): Deferred[] {
    const byKey = new Map<string, Deferred>();
    for (const s of sentences) {
      for (const m of s.text.matchAll(NAME_LIKE)) {
        if (s.mentions.some((x) => x.start <= m.index && m.index < x.end)) continue;
        const key = matchKey(m[0]);
        if (key.length < 3 || /^https?/.test(key)) continue;
        const prev = byKey.get(key);
        if (prev?.cue || (!prev && byKey.size >= 8)) continue;
        CUE.lastIndex = 0;
        const cue = CUE.test(s.text) || FIRST_PERSON.test(s.text);
        if (prev && !cue) continue;
        const entry: Deferred = { key, name: m[0], cue };
        if (cue) entry.sentence = s.text.length > 400 ? `${s.text.slice(0, 400)}...` : s.text;
        byKey.set(key, entry);
      }
    }
    CUE.lastIndex = 0;
    return [...byKey.values()];
  }

  private contributionNode(c: Contribution): WireNode {
    if (c.taxonomyId) return this.entityNode(this.taxonomy.get(c.taxonomyId)!);
    return node(c.id, c.kind, c.name, { name: c.name, aliases: c.aliases, source: 'extraction' });
  }

  private entityNode(entry: TaxonomyEntry): WireNode {
    return node(entry.id, entry.kind, entry.name, { name: entry.name, aliases: entry.aliases, description: entry.description, source: 'taxonomy' });
  }

  private pushEntity(nodes: WireNode[], id: string): void {
    const entry = this.taxonomy.get(id);
    if (entry) nodes.push(this.entityNode(entry));
  }

  private buildsOnEdge(link: BuildsOnLink, pid: string): WireEdge {
    return edge('BUILDS_ON', link.source, link.target, { evidence: link.evidence, paperId: pid, confidence: link.confidence, extractor: link.extractor, source: 'extraction' }, pid);
  }

  finish(): WireGraph {
    const nodes: WireNode[] = [];
    const edges: WireEdge[] = [];

    // Contributions found after a paper that names them.
    this.papers.forEach((p, index) => {
      for (const d of p.deferred ?? []) {
        const target = this.contributionByKey.get(d.key);
        if (!target) {
          const c = p.primary ? this.contributions.get(p.primary) : undefined;
          const primary = c && p.primary ? { id: p.primary, names: c.names, kind: c.kind as Contribution['kind'] } : undefined;
          this.unresolvedRefs.push(nameReference(p.id, d, { primary, matcher: this.matcher, isDataset: this.isDataset }));
          continue;
        }
        const owner = this.contributions.get(target)?.owner;
        if (owner === undefined || owner <= index) continue;
        this.crossRefs.push({
          paper: index,
          target,
          evidence: d.sentence ?? `the abstract names ${d.name}`,
          ...(d.cue && p.primary ? { source: p.primary } : {}),
          confidence: d.cue && p.primary ? 0.7 : 0.6,
          extractor: 'cross-paper/mention',
        });
      }
    });

    // Cross-paper lineage, inferred citations and uses.
    for (const ref of this.crossRefs) {
      const owner = this.contributions.get(ref.target)?.owner;
      if (owner === undefined || owner === ref.paper) continue;
      const from = this.papers[ref.paper]!.id;
      const to = this.papers[owner]!.id;
      if (ref.source && ref.source !== ref.target && !this.isDataset(ref.target)) {
        edges.push(edge('BUILDS_ON', ref.source, ref.target, { evidence: ref.evidence, paperId: from, confidence: ref.confidence, extractor: ref.extractor, source: 'extraction' }, from));
      }
      if (!this.isDataset(ref.target)) {
        edges.push(edge('USES', from, ref.target, { evidence: ref.evidence, paperId: from, confidence: ref.confidence, extractor: 'cross-paper/mention' }));
      }
      edges.push(edge('CITES', from, to, { evidence: ref.evidence, paperId: from, confidence: ref.confidence, extractor: 'cross-paper', inferred: true }));
    }

    // CITES from the records' references.
    this.papers.forEach((p) => {
      for (const r of p.references ?? []) {
        const target =
          (r.arxivId !== undefined ? this.byArxiv.get(r.arxivId) : undefined) ??
          (r.doi !== undefined ? this.byDoi.get(r.doi) : undefined) ??
          (r.titleKey !== undefined ? this.byTitleKey.get(r.titleKey) : undefined);
        if (target === undefined) this.unresolvedRefs.push(paperReference(p.id, r));
        if (target === undefined || this.papers[target]!.id === p.id) continue;
        const how = r.arxivId && this.byArxiv.get(r.arxivId) === target ? `arXiv ${r.arxivId}` : r.doi && this.byDoi.get(r.doi) === target ? `DOI ${r.doi}` : 'title';
        edges.push(edge('CITES', p.id, this.papers[target]!.id, { evidence: `reference list of the source record (matched by ${how})`, paperId: p.id, confidence: 1, extractor: 'references' }));
      }
    });

    // Concepts and MENTIONS.
    for (const p of this.papers) {
      for (const c of topConcepts(p.vector, this.stats, { perPaper: this.options.conceptsPerPaper ?? 6 })) {
        const cid = `concept:${slug(c.term)}`;
        nodes.push(node(cid, 'Concept', c.term, { name: c.term }));
        edges.push(edge('MENTIONS', p.id, cid, { weight: c.weight, evidence: `keyphrase "${c.term}" occurs ${c.count} time(s) in the title and abstract`, paperId: p.id, confidence: c.weight, extractor: 'tfidf-keyphrase' }));
      }
    }

    // SIMILAR_TO.
    const pairs = similarPapers(
      this.papers.map((p) => p.vector),
      this.stats,
      { topK: this.options.similarTopK ?? 5, threshold: this.options.similarThreshold ?? 0.12 },
    );
    for (const pair of pairs) {
      const a = this.papers[pair.a]!.id;
      const b = this.papers[pair.b]!.id;
      const shared = pair.shared.map((h) => this.stats.names.get(h)).filter((t): t is string => t !== undefined);
      edges.push(edge('SIMILAR_TO', a, b, { score: pair.score, evidence: `shared keyphrases: ${shared.join(', ')}`, paperId: a, confidence: pair.score, extractor: 'tfidf-cosine' }));
    }

    // Taxonomy facts among the entities seen.
    for (const fact of this.taxonomy.facts()) {
      if (!this.seenEntities.has(fact.source) || !this.seenEntities.has(fact.target)) continue;
      edges.push(edge('BUILDS_ON', fact.source, fact.target, { evidence: fact.evidence, confidence: 1, extractor: 'taxonomy', source: 'taxonomy' }));
    }
    return mergeGraphs([{ nodes, edges }]);
  }

  unresolved(): UnresolvedReference[] {
    return this.unresolvedRefs;
  }
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  return new CorpusExtractor(options);
}

/** All addPaper outputs plus finish, merged. */
export function extractCorpus(records: PaperRecord[], options: ExtractorOptions = {}): WireGraph {
  const extractor = createExtractor(options);
  const graphs: WireGraph[] = records.map((r) => extractor.addPaper(r));
  graphs.push(extractor.finish());
  return mergeGraphs(graphs);
}

export { mergeGraphs } from './graph.js';
export { paperId, titleKey } from './paper-identity.js';
