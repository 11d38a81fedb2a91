// A BUILDS_ON link found in one paper, and what the lineage rules share: the paper's sentences, its
// contributions, the matcher of known names and the primary contribution that "we" and "our model" refer to.
import type { BuildsOnKind } from '../../../src/shared/graph.js';
import type { AliasMatcher } from '../mentions.js';
import type { Contribution, SentenceInfo } from '../types.js';

export interface BuildsOnLink {
  source: string;
  target: string;
  kind: BuildsOnKind;
  sentence: number;
  evidence: string;
  confidence: number;
  extractor: string;
}

export interface LineageContext {
  sentences: SentenceInfo[];
  contributions: Contribution[];
  /** The contribution "we", "it" and "our model" refer to. */
  primary: Contribution | undefined;
  /** Taxonomy entities and known contributions (this paper's and other papers'). */
  matcher: AliasMatcher;
  isDataset: (id: string) => boolean;
  /** Known entities by exact name ("GPT", "LoRA"), for names that end in one ("TinyGPT", "QLoRA"). */
  resolveName: (name: string) => string | undefined;
  /** Whether an id is a contribution some paper of the corpus proposes (not only a taxonomy entry). */
  isContribution: (id: string) => boolean;
}

/** The paper's main contribution: the one its title names, else the first introduced. */
export function primaryContribution(contributions: Contribution[]): Contribution | undefined {
  return (
    contributions.find((c) => c.extractor === 'title-prefix' || c.extractor === 'whole-title') ??
    [...contributions].filter((c) => c.kind !== 'Dataset').sort((a, b) => a.sentence - b.sentence)[0]
  );
}
