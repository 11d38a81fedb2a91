// Types shared by the extraction steps: analyzed sentences of one paper and the named
// contributions found in them.
import type { EntityKind } from '../taxonomy/taxonomy.js';
import type { AcronymDefinition } from './acronyms.js';
import type { Mention } from './mentions.js';

export interface SentenceInfo {
  /** 0 is the title; abstract sentences follow from 1. */
  index: number;
  text: string;
  /** Taxonomy entities (and known contributions) mentioned, by id. */
  mentions: Mention[];
  acronyms: AcronymDefinition[];
}

export interface Contribution {
  id: string;
  name: string;
  aliases: string[];
  kind: EntityKind;
  /** Sentence the contribution is introduced in (evidence for PROPOSES and name-based BUILDS_ON). */
  sentence: number;
  evidence: string;
  extractor: string;
  confidence: number;
  /** Set when the named contribution is an existing taxonomy entry (a title naming it). */
  taxonomyId?: string;
  /** Text around the name that says what it is ("a novel neural architecture"), used for its kind. */
  descriptor: string;
}
