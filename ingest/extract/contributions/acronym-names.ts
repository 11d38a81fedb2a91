// Names introduced by an acronym definition: inside a proposal object ("we propose module-to-module
// knowledge distillation (m2mKD)"), or in the title.
// A head noun right after the parenthesis stays part of the name: "vector-matrix (VM) decomposition".
import type { AcronymDefinition } from '../acronyms.js';
import type { SentenceInfo } from '../types.js';
import type { Candidate, ProposalObject } from './candidate.js';
import { descriptorAfter } from './names.js';
import { objectCut } from './proposal-verbs.js';

/** Smoothed precision of acronym definitions in proposal objects (13/13), measured by `npm run eval`. */
export const PROPOSAL_ACRONYM_PRECISION = 0.93;
/** Smoothed precision of acronyms defined in the title (1/1), measured by `npm run eval`. */
export const TITLE_ACRONYM_PRECISION = 0.67;

/** Head nouns that make a name with the words before them ("VM decomposition"), unlike "method" or "model". */
const NAMED_HEADS = new Set(
  'decomposition attention pooling normalization regularization initialization loss embedding encoding gating routing layer block module unit mechanism'.split(
    ' ',
  ),
);

/** Long and short form, extended by a head noun that follows the parenthesis ("(VM) decomposition"). */
export function definedName(def: AcronymDefinition, sentence: string): { long: string; short: string[] } {
  const head = /^\s+([a-z][a-z-]+)\b/.exec(sentence.slice(def.end))?.[1];
  if (head && NAMED_HEADS.has(head) && !def.long.toLowerCase().endsWith(head)) {
    return { long: `${def.long} ${head}`, short: [`${def.short} ${head}`, def.short] };
  }
  return { long: def.long, short: [def.short] };
}

export function acronymsInObject(o: ProposalObject): Candidate[] {
  const out: Candidate[] = [];
  const cutAt = objectCut(o.text);
  for (const def of o.sentence.acronyms) {
    if (def.start < o.offset || def.start - o.offset > cutAt) continue;
    const { long, short } = definedName(def, o.sentence.text);
    out.push({
      name: long,
      aliases: short,
      sentence: o.sentence.index,
      extractor: 'proposal-acronym',
      confidence: PROPOSAL_ACRONYM_PRECISION,
      descriptor: descriptorAfter(o.sentence.text.slice(def.end)),
      pre: o.sentence.text.slice(o.offset, def.start),
      nameRank: 2,
      claimsKnown: true,
    });
  }
  return out;
}

/** Acronyms defined in the title ("... Using Sorted Fine-Tuning (SoFT)"). */
export function titleAcronyms(title: SentenceInfo | undefined): Candidate[] {
  return (title?.acronyms ?? []).map((def) => ({
    name: def.long,
    aliases: [def.short],
    sentence: 0,
    extractor: 'title-acronym',
    confidence: TITLE_ACRONYM_PRECISION,
    descriptor: def.long,
    nameRank: 2,
    claimsKnown: false,
  }));
}
