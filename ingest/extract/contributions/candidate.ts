// A name one pattern found for a contribution, before the candidates of all patterns are merged.
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { AliasMatcher } from '../mentions.js';
import type { SentenceInfo } from '../types.js';

export interface Candidate {
  name: string;
  aliases: string[];
  sentence: number;
  extractor: string;
  confidence: number;
  descriptor: string;
  /** Words before the name ("an activation space Selectable KAN"): weaker evidence of its kind. */
  pre?: string;
  /** Rank of the name's source when choosing the display name (lower wins). */
  nameRank: number;
  /** The pattern introduces the name strongly enough to claim a name the taxonomy already knows. */
  claimsKnown: boolean;
}

export interface PatternContext {
  /** sentences[0] is the title. */
  sentences: SentenceInfo[];
  taxonomy: Taxonomy;
  /** Matches taxonomy names (types descriptors, recognises known names). */
  matcher: AliasMatcher;
}

/** The object phrase of a first-person proposal verb ("we propose <object>"), with its offset in the sentence. */
export interface ProposalObject {
  sentence: SentenceInfo;
  text: string;
  offset: number;
  verb: string;
}
