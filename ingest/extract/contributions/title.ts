// Names a title gives: the part before the colon ("EchoNet: ..."), confirmed by the abstract when it is not
// one strong token, and a whole title that is itself a name ("Graph Attention Networks", "Mask R-CNN").
import { matchKey } from '../keys.js';
import type { Candidate, PatternContext, ProposalObject } from './candidate.js';
import { descriptorAfter, isNameToken, isStrongName } from './names.js';

/** Smoothed precision of title-prefix names (34/34), measured by `npm run eval`. */
export const TITLE_PREFIX_PRECISION = 0.97;
/** Smoothed precision of title-prefix names the abstract does not confirm (none yet: 0.5), measured by `npm run eval`. */
export const TITLE_PREFIX_UNCONFIRMED_PRECISION = 0.5;
/** Smoothed precision of whole-title names (7/7), measured by `npm run eval`. */
export const WHOLE_TITLE_PRECISION = 0.89;

export function titlePrefix(title: string): { name: string; tail: string } | undefined {
  const m = /^(.{1,70}?)(?::\s|\s+--?\s+|\s+—\s+|(?<=\S)-\s+(?=\p{Lu})|,\s+(?:a|an|the)\s)/u.exec(title);
  if (!m) return undefined;
  const name = m[1]!.trim().replace(/^the\s+/i, '');
  return { name, tail: title.slice(m[0].length) };
}

/** Whether a key names the same thing as the title's key (equal, or a long-enough prefix of it). */
function sameAs(key: string): (k: string) => boolean {
  return (k) => k === key || (k.length >= 6 && key.startsWith(k) && k.length >= key.length * 0.6);
}

/** Where the abstract confirms a title name: another pattern's candidate, an acronym, a proposal object. */
function confirmation(name: string, ctx: PatternContext, candidates: Candidate[], objects: ProposalObject[]) {
  const key = matchKey(name);
  const same = sameAs(key);
  let at: number | undefined;
  let descriptor = '';
  const aliases: string[] = [];
  for (const c of candidates) {
    if ([c.name, ...c.aliases].map(matchKey).some(same)) {
      at ??= c.sentence;
      aliases.push(c.name, ...c.aliases);
    }
  }
  for (const s of ctx.sentences.slice(1)) {
    for (const def of s.acronyms) {
      if (!same(matchKey(def.long))) continue;
      at ??= s.index;
      aliases.push(def.long, def.short);
      descriptor ||= descriptorAfter(s.text.slice(def.end));
    }
  }
  for (const o of objects) {
    const bare = o.text.replace(/^(?:the|a|an)\s+/i, '');
    if (at !== undefined || !matchKey(bare).startsWith(key)) continue;
    at = o.sentence.index;
    descriptor = descriptorAfter(bare.split(/\s+/).slice(name.split(/\s+/).length).join(' '));
  }
  return { at, descriptor, aliases: [...new Set(aliases)].filter((a) => a !== name) };
}

/** "Name: rest of the title" (also "Name - ..." and "Name, a ..."). */
export function titlePrefixName(ctx: PatternContext, candidates: Candidate[], objects: ProposalObject[]): Candidate | undefined {
  const prefix = titlePrefix(ctx.sentences[0]?.text ?? '');
  if (!prefix) return undefined;
  const words = prefix.name.split(/\s+/);
  const first = words[0] ?? '';
  if (words.length > 5 || /ing$/i.test(first) || !isNameToken(first) || matchKey(prefix.name).length < 2) return undefined;
  const { at, descriptor, aliases } = confirmation(prefix.name, ctx, candidates, objects);
  const mentionsKnown = ctx.matcher.find(prefix.name).some((m) => m.end - m.start < prefix.name.length);
  const single = words.length === 1 && isStrongName(prefix.name);
  const named = at ?? ctx.sentences.findIndex((s, i) => i > 0 && s.text.includes(prefix.name));
  const confirmed = at !== undefined || named > 0;
  if (!single && !confirmed && !mentionsKnown) return undefined;
  return {
    name: prefix.name,
    aliases,
    sentence: named > 0 ? named : 0,
    extractor: 'title-prefix',
    confidence: confirmed ? TITLE_PREFIX_PRECISION : TITLE_PREFIX_UNCONFIRMED_PRECISION,
    descriptor,
    nameRank: 1,
    claimsKnown: confirmed,
  };
}

const FUNCTION_WORD =
  /^(?:a|an|the|of|for|with|via|in|on|to|from|by|and|or|is|are|be|how|what|why|when|can|do|does|towards?|beyond|as|at|your|our|all|you|we)$/i;

/**
 * A title that is only a name — at most five title-case words without function words — which the abstract
 * defines, proposes or names ("Graph Attention Networks" with "we present graph attention networks (GATs)",
 * "Mask R-CNN" with "the method, called Mask R-CNN").
 */
export function wholeTitleName(ctx: PatternContext, candidates: Candidate[], objects: ProposalObject[]): Candidate | undefined {
  const title = (ctx.sentences[0]?.text ?? '').replace(/[.?!]$/, '').trim();
  const words = title.split(/\s+/);
  if (words.length > 5 || words.length === 0 || /[:,;?]/.test(title)) return undefined;
  if (words.some((w) => FUNCTION_WORD.test(w) || !/^[\p{Lu}\d]/u.test(w))) return undefined;
  const { at, descriptor, aliases } = confirmation(title, ctx, candidates, objects);
  if (at === undefined) return undefined;
  return {
    name: title,
    aliases,
    sentence: at ?? 0,
    extractor: 'whole-title',
    confidence: WHOLE_TITLE_PRECISION,
    descriptor: descriptor || title,
    nameRank: 1,
    claimsKnown: true,
  };
}
