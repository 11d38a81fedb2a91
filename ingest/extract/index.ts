// The extractor: turns paper records into the wire-format graph — per paper in addPaper (streaming), one
// step per relation; corpus-level links (cross-paper lineage, citations, concepts, similarity, taxonomy
// facts) in finish; what the run could not resolve in unresolved(), for the loader.
import type { WireGraph } from '../../src/shared/graph.js';
import { defaultTaxonomy, type Taxonomy } from '../taxonomy/taxonomy.js';
import type { PaperRecord } from '../types.js';
import { findAcronymDefinitions } from './acronyms.js';
import { findContributions } from './contributions/index.js';
import { mergeGraphs, node } from './graph.js';
import { primaryContribution } from './lineage/index.js';
import { paperId, titleKey } from './paper-identity.js';
import { analyzeText } from './sentences.js';
import { CorpusState } from './state.js';
import { authorsStep } from './steps/authors.js';
import { buildsOnStep } from './steps/builds-on.js';
import { codeStep } from './steps/code.js';
import { conceptsStep } from './steps/concepts.js';
import type { PaperContext } from './steps/context.js';
import { crossPaperStep } from './steps/cross-paper.js';
import { evaluatedOnStep } from './steps/evaluated-on.js';
import { proposesStep } from './steps/proposes.js';
import { referencesStep } from './steps/references.js';
import { rememberStep } from './steps/remember.js';
import { similarStep } from './steps/similar.js';
import { taxonomyFactsStep } from './steps/taxonomy-facts.js';
import { usesStep } from './steps/uses.js';
import type { SentenceInfo } from './types.js';
import type { UnresolvedReference } from './unresolved.js';

export interface Extractor {
  addPaper(record: PaperRecord): WireGraph;
  finish(): WireGraph;
  /**
   * After finish(): every cross-paper name and every record reference this run could not resolve to one of
   * its own papers or contributions (the loader resolves them against the database).
   */
  unresolved(): UnresolvedReference[];
}

export interface ExtractorOptions {
  taxonomy?: Taxonomy;
  /** Concepts kept per paper (default 6) and SIMILAR_TO neighbours per paper (default 5). */
  conceptsPerPaper?: number;
  similarTopK?: number;
  similarThreshold?: number;
  /** Link a title's "Name:" contribution to the family the rest of the title names (default on). */
  titleTail?: boolean;
}

class CorpusExtractor implements Extractor {
  private readonly state: CorpusState;
  private finished = false;

  constructor(private readonly options: ExtractorOptions) {
    this.state = new CorpusState(options.taxonomy ?? defaultTaxonomy());
  }

  addPaper(record: PaperRecord): WireGraph {
    const state = this.state;
    state.compile();
    const pid = paperId(record);
    const known = state.paperIndex.get(pid);
    const index = known ?? state.papers.length;
    const title = analyzeText(record.title);
    const abstract = analyzeText(record.abstract);
    const texts = [record.title.replace(/\s+/g, ' ').trim(), ...abstract.sentences];
    const sentences: SentenceInfo[] = texts.map((text, i) => ({ index: i, text, mentions: [], acronyms: findAcronymDefinitions(text) }));

    const contributions = findContributions({ sentences, taxonomy: state.taxonomy, matcher: state.taxonomyMatcher });
    for (const c of contributions) state.registerContribution(c, index);
    for (const s of sentences) s.mentions = state.matcher.find(s.text);
    const ownIds = new Set(contributions.map((c) => c.id));
    const p: PaperContext = {
      record,
      pid,
      index,
      sentences,
      contributions,
      primary: primaryContribution(contributions),
      proposed: new Set(contributions.map((c) => c.taxonomyId ?? c.id)),
      isOther: (id) => {
        const c = state.contributions.get(id);
        return c !== undefined && c.owner !== index && !ownIds.has(id);
      },
      nodes: [paperNode(record, pid)],
      edges: [],
    };
    proposesStep(state, p);
    buildsOnStep(state, p, this.options.titleTail ?? true);
    usesStep(state, p);
    evaluatedOnStep(state, p);
    codeStep(p);
    authorsStep(p);
    rememberStep(state, p, known !== undefined, title, abstract);
    return mergeGraphs([{ nodes: p.nodes, edges: p.edges }]);
  }

  finish(): WireGraph {
    const graph: WireGraph = { nodes: [], edges: [] };
    this.state.unresolved = [];
    crossPaperStep(this.state, graph.edges);
    referencesStep(this.state, graph.edges);
    conceptsStep(this.state, graph.nodes, graph.edges, this.options.conceptsPerPaper ?? 6);
    similarStep(this.state, graph.edges, { topK: this.options.similarTopK ?? 5, threshold: this.options.similarThreshold ?? 0.12 });
    taxonomyFactsStep(this.state, graph.edges);
    this.finished = true;
    return mergeGraphs([graph]);
  }

  unresolved(): UnresolvedReference[] {
    if (!this.finished) throw new Error('ingest/extract: unresolved() is valid after finish(); call finish() first');
    return [...this.state.unresolved];
  }
}

function paperNode(record: PaperRecord, pid: string) {
  return node(pid, 'Paper', record.title, {
    title: record.title,
    abstract: record.abstract,
    year: record.year,
    arxivId: record.arxivId,
    doi: record.doi,
    url: record.url,
    sources: [record.source],
    titleKey: titleKey(record.title),
  });
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
export type { UnresolvedReference } from './unresolved.js';
