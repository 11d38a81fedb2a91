// The extractor: turns paper records into the wire-format graph — per paper in addPaper (streaming;
// prepare may run in a worker), one step per relation; cross-paper lineage, citations and taxonomy facts
// in finish; what the run could not resolve in unresolved(), for the loader. Topics are computed over the
// stored graph (topics/), extractCorpus computes them over its own output.
import type { WireGraph } from '../../src/shared/graph.js';
import { defaultTaxonomy, type Taxonomy } from '../taxonomy/taxonomy.js';
import type { PaperRecord } from '../types.js';
import { mergeGraphs, node } from './graph.js';
import { primaryContribution } from './lineage/index.js';
import { paperId, titleKey } from './paper-identity.js';
import { preparePaper, sentencesOf, type PreparedPaper } from './prepare.js';
import { CorpusState } from './state.js';
import { authorsStep } from './steps/authors.js';
import { buildsOnStep } from './steps/builds-on.js';
import { codeStep } from './steps/code.js';
import type { PaperContext } from './steps/context.js';
import { crossPaperStep } from './steps/cross-paper.js';
import { evaluatedOnStep } from './steps/evaluated-on.js';
import { proposesStep } from './steps/proposes.js';
import { referencesStep } from './steps/references.js';
import { rememberStep } from './steps/remember.js';
import { taxonomyFactsStep } from './steps/taxonomy-facts.js';
import { isIdiomaticMention } from './idioms.js';
import { usesStep } from './steps/uses.js';
import { graphTopics, type TopicOptions } from './topics/graph.js';
import type { UnresolvedReference } from './unresolved.js';

export interface Extractor {
  addPaper(record: PaperRecord): WireGraph;
  /** The part of addPaper that depends on the paper alone (what extraction workers run). */
  prepare(record: PaperRecord): PreparedPaper;
  /** addPaper for a paper prepared here or by a worker with the same taxonomy. */
  addPrepared(prepared: PreparedPaper): WireGraph;
  /**
   * Cross-paper lineage, citations and taxonomy facts among the run's papers. Topics (Concepts,
   * MENTIONS, SIMILAR_TO) are corpus-wide and computed over the graph afterwards (see topics/).
   */
  finish(): WireGraph;
  /**
   * After finish(): every cross-paper name and every record reference this run could not resolve to one of
   * its own papers or contributions (the loader resolves them against the database).
   */
  unresolved(): UnresolvedReference[];
  /** The taxonomy the extractor matches with (extended at run time by Papers-with-Code methods). */
  readonly taxonomy: Taxonomy;
}

export interface ExtractorOptions {
  taxonomy?: Taxonomy;
  /** Topic options for extractCorpus (Concepts per paper, SIMILAR_TO neighbours and threshold). */
  topics?: TopicOptions;
  /** Link a title's "Name:" contribution to the family the rest of the title names (default on). */
  titleTail?: boolean;
}

class CorpusExtractor implements Extractor {
  private readonly state: CorpusState;
  private finished = false;

  constructor(private readonly options: ExtractorOptions) {
    this.state = new CorpusState(options.taxonomy ?? defaultTaxonomy());
  }

  get taxonomy(): Taxonomy {
    return this.state.taxonomy;
  }

  prepare(record: PaperRecord): PreparedPaper {
    this.state.compile();
    return preparePaper(record, this.state.taxonomy, this.state.taxonomyMatcher);
  }

  addPaper(record: PaperRecord): WireGraph {
    return this.addPrepared(this.prepare(record));
  }

  addPrepared(prepared: PreparedPaper): WireGraph {
    const state = this.state;
    state.compile();
    const { record, contributions } = prepared;
    const pid = paperId(record);
    const known = state.paperIndex.get(pid);
    const index = known ?? state.papers.length;
    const sentences = sentencesOf(prepared.texts, prepared.acronyms);
    for (const c of contributions) state.registerContribution(c, index);
    for (const s of sentences) s.mentions = state.matcher.find(s.text).filter((m) => !isIdiomaticMention(s.text, m));
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
      nodes: [paperNode(record, pid, prepared)],
      edges: [],
    };
    proposesStep(state, p);
    buildsOnStep(state, p, this.options.titleTail ?? true);
    usesStep(state, p);
    evaluatedOnStep(state, p);
    codeStep(p);
    authorsStep(p);
    rememberStep(state, p, known !== undefined);
    return mergeGraphs([{ nodes: p.nodes, edges: p.edges }]);
  }

  finish(): WireGraph {
    const graph: WireGraph = { nodes: [], edges: [] };
    this.state.unresolved = [];
    crossPaperStep(this.state, graph.edges);
    referencesStep(this.state, graph.edges);
    taxonomyFactsStep(this.state, graph.edges);
    this.finished = true;
    return mergeGraphs([graph]);
  }

  unresolved(): UnresolvedReference[] {
    if (!this.finished) throw new Error('ingest/extract: unresolved() is valid after finish(); call finish() first');
    return [...this.state.unresolved];
  }
}

function paperNode(record: PaperRecord, pid: string, prepared: PreparedPaper) {
  return node(pid, 'Paper', record.title, {
    title: record.title,
    abstract: record.abstract,
    year: record.year,
    arxivId: record.arxivId,
    doi: record.doi,
    url: record.url,
    sources: [record.source],
    titleKey: titleKey(record.title),
    // The keyphrase vector, kept so that topics are computed over the whole graph, in any later run too.
    terms: prepared.terms.length ? prepared.terms : undefined,
    termCounts: prepared.terms.length ? prepared.termCounts : undefined,
  });
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  return new CorpusExtractor(options);
}

/** All addPaper outputs plus finish, merged, with the topics of its papers. */
export function extractCorpus(records: PaperRecord[], options: ExtractorOptions = {}): WireGraph {
  const extractor = createExtractor(options);
  const graphs: WireGraph[] = records.map((r) => extractor.addPaper(r));
  graphs.push(extractor.finish());
  const graph = mergeGraphs(graphs);
  return mergeGraphs([graph, graphTopics(graph, extractor.taxonomy, options.topics)]);
}

export { mergeGraphs } from './graph.js';
export type { PreparedPaper } from './prepare.js';
export { paperId, titleKey } from './paper-identity.js';
export type { UnresolvedReference } from './unresolved.js';
