// BUILDS_ON to the family the text says a contribution is: its descriptor ("FlashAttention, an IO-aware exact
// attention algorithm", "the convolution-augmented transformer ..., named Conformer", "a family of pure ConvNet
// models dubbed ConvNeXt") or a first-person proposal of an unnamed member ("we propose a new family of policy
// gradient methods", "we propose a hierarchical Transformer whose ..."). Families only mentioned nearby
// ("motivated by the success of RNNs") are not linked.
import { proposalObjects } from '../contributions/proposal-verbs.js';
import type { Mention } from '../mentions.js';
import type { BuildsOnLink, LineageContext } from './types.js';

/** Smoothed precision of descriptor family links (2/2 on dev + default corpus), measured by `npm run eval`. */
export const DESCRIPTOR_FAMILY_PRECISION = 0.75;
/** Smoothed precision of unnamed-member family links (2/2 on dev + default corpus), measured by `npm run eval`. */
export const UNNAMED_MEMBER_PRECISION = 0.75;

/**
 * A noun phrase ends at a preposition other than "of" after a family word, at a clause word, at a finite
 * verb, or at a participle that opens a clause of its own ("... model differing fundamentally from",
 * "... network trained with"; a descriptor may end on it, cut before its preposition).
 */
const NP_END =
  /\s(?:for|with|whose|which|that|to|in|on|using|via|by|from|where|based|and|as|inspired|is|are|was|were|can|could|will|would|may|might|must|should)\b|\s[a-z]+(?:ing|ed)(?:\s+(?:[a-z]+ly|on|in|from|to|with|for|by|over|across|at|under|into|as)\b|\s*$)|[,;:.()]/i;
const HEAD_AFTER =
  /^[\s-]*(?:(?:based\s+|language\s+|vision\s+|foundation\s+|neural\s+)?(?:model|models|architecture|architectures|network|networks|method|methods|algorithm|algorithms|approach|approaches|framework|variant|layer|layers|block|module|mechanism|design|family|backbone)\b)?\s*$/i;

/** "<noun> of X": X completes another head ("a parameterization of the reward model"), unless that noun names a kind. */
const OF_ANOTHER_HEAD = /\b([\p{L}-]+)\s+of\s+(?:the\s+|a\s+|an\s+)?$/iu;
const KIND_WORDS = /^(?:family|families|class|kind|form|version|variant|type|instance|member|generali[sz]ation)$/i;

/** Entities in a noun phrase that are its head or its family ("a family of X"), plus "X-augmented" parts. */
export function familyMentions(phrase: string, ctx: LineageContext): Mention[] {
  const np = phrase.slice(0, NP_END.exec(phrase)?.index ?? phrase.length);
  const found = ctx.matcher.find(np).filter((m) => !ctx.isDataset(m.id));
  const completesOther = (m: Mention) => {
    const of = OF_ANOTHER_HEAD.exec(np.slice(0, m.start));
    return of !== null && !KIND_WORDS.test(of[1]!);
  };
  const head = found.filter((m) => HEAD_AFTER.test(np.slice(m.end)) && !completesOther(m));
  const parts = found.filter((m) => /^-(?:augmented|based|enhanced|equipped)\b/i.test(np.slice(m.end)));
  return [...head, ...parts];
}

export function descriptorFamilyLinks(ctx: LineageContext): BuildsOnLink[] {
  const out: BuildsOnLink[] = [];
  for (const c of ctx.contributions) {
    if (c.kind === 'Dataset') continue;
    for (const d of c.descriptor.split(' | ')) {
      const phrase = d
        .replace(/^\s*(?:a|an|the|our)\s+/i, '')
        .replace(/^(?:[a-z-]+\s+){0,2}?(?:family|class|kind|form|version|variant|type)\s+of\s+/i, '');
      for (const m of familyMentions(phrase, ctx)) {
        if (ctx.contributions.some((x) => x.id === m.id)) continue;
        out.push({
          source: c.id,
          target: m.id,
          kind: 'variant',
          sentence: c.sentence,
          evidence: c.evidence,
          confidence: DESCRIPTOR_FAMILY_PRECISION,
          extractor: 'descriptor-family',
        });
      }
    }
  }
  return out;
}

export function unnamedMemberLinks(ctx: LineageContext): BuildsOnLink[] {
  const primary = ctx.primary;
  if (!primary || primary.kind === 'Dataset') return [];
  const out: BuildsOnLink[] = [];
  for (const s of ctx.sentences.slice(1)) {
    for (const o of proposalObjects(s)) {
      const unnamed = /^(?:a|an)\s+(?:new\s+|novel\s+)?(?:(?:family|class|kind|type)\s+of\s+)?(.*)$/i.exec(o.text);
      if (!unnamed) continue;
      for (const m of familyMentions(unnamed[1]!, ctx)) {
        if (ctx.contributions.some((x) => x.id === m.id)) continue;
        out.push({
          source: primary.id,
          target: m.id,
          kind: 'variant',
          sentence: s.index,
          evidence: s.text,
          confidence: UNNAMED_MEMBER_PRECISION,
          extractor: 'unnamed-member',
        });
      }
    }
  }
  return out;
}
