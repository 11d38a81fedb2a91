// The part of a paper's extraction that depends on the paper and the taxonomy alone: sentences, acronym
// definitions, named contributions and the keyphrase vector. It is what extraction workers run in
// parallel; everything that depends on other papers of the run happens after, in paper order.
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import type { PaperRecord } from '../types.js';
import { findAcronymDefinitions, type AcronymDefinition } from './acronyms.js';
import { candidateTerms, termVector } from './concepts.js';
import { findContributions } from './contributions/index.js';
import type { AliasMatcher } from './mentions.js';
import { analyzeText } from './sentences.js';
import type { Contribution, SentenceInfo } from './types.js';

/** A paper prepared for the run: plain data (it crosses worker_threads by structured clone). */
export interface PreparedPaper {
  record: PaperRecord;
  /** The title, then the abstract's sentences. */
  texts: string[];
  acronyms: AcronymDefinition[][];
  contributions: Contribution[];
  terms: string[];
  termCounts: number[];
}

export function preparePaper(record: PaperRecord, taxonomy: Taxonomy, taxonomyMatcher: AliasMatcher): PreparedPaper {
  const title = analyzeText(record.title);
  const abstract = analyzeText(record.abstract);
  const texts = [record.title.replace(/\s+/g, ' ').trim(), ...abstract.sentences];
  const acronyms = texts.map((text) => findAcronymDefinitions(text));
  const contributions = findContributions({ sentences: sentencesOf(texts, acronyms), taxonomy, matcher: taxonomyMatcher });
  const { terms, counts } = termVector(candidateTerms(title, abstract));
  return { record, texts, acronyms, contributions, terms, termCounts: counts };
}

/** The prepared paper's sentences, mentions not yet found. */
export function sentencesOf(texts: string[], acronyms: AcronymDefinition[][]): SentenceInfo[] {
  return texts.map((text, i) => ({ index: i, text, mentions: [], acronyms: acronyms[i] ?? [] }));
}
