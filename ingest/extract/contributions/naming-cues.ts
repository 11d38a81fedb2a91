// Names given by a naming cue: "called X", "which we call X", "dubbed X", "named X", "we call the resulting
// models X". A lowercase name counts when its head is a method word ("what we call classifier-free guidance"),
// not a phenomenon ("what we call echo collapse").
import { FIRST_PERSON, SELF_REFERENCE } from '../patterns.js';
import type { SentenceInfo } from '../types.js';
import type { Candidate } from './candidate.js';
import { leadingName } from './names.js';
import { definedName } from './acronym-names.js';

/** Smoothed precision of naming-cue names (12/12), measured by `npm run eval`. */
export const NAMING_CUE_PRECISION = 0.93;

const NAMING_CUE =
  /\b(what\s+)?(?:called|named|dubbed|termed|referred to as|we call|we dub|we name|coined)\s+(?:it\s+|them\s+|the resulting (?:models?|methods?|networks?)\s+)?(?:as\s+)?(?:the\s+)?/gi;
/** Cues that name something new by themselves, whoever speaks. */
const NAMING_ONLY = /^(?:what\s+)?(?:dubbed|termed|coined)/i;
/** Heads of phenomena, properties and problems: named, but not proposed. */
const PHENOMENON =
  /\b(?:collapse|effect|phenomenon|phenomena|property|properties|problem|issue|gap|bottleneck|bias|curse|paradox|regime|law|hypothesis|trap|dilemma|illusion|behaviou?r|shift|drift|forgetting|tax|barrier)s?$/i;
/** "The method, called X": a sentence that opens with the paper's method. */
const OPENING_SELF = /^\s*the\s+(?:[a-z-]+\s+)?(?:method|approach|model|framework|architecture|network|algorithm|system)\b/i;
const LOWER_NAME = /^([a-z][a-z0-9-]*(?:\s+[a-z][a-z0-9-]*){0,3}?)(?=\s*(?:[,.;:()]|$|\s+(?:to|for|which|that|in|and|with|,)\b))/;

export function namingCues(s: SentenceInfo): Candidate[] {
  const out: Candidate[] = [];
  for (const c of s.text.matchAll(NAMING_CUE)) {
    const before = s.text.slice(Math.max(0, c.index - 100), c.index);
    const clause = before.split(/[.;]/).pop() ?? '';
    const spoken = FIRST_PERSON.test(s.text) || SELF_REFERENCE.test(clause) || OPENING_SELF.test(clause) || NAMING_ONLY.test(c[0]);
    if (!spoken) continue;
    const rest = s.text.slice(c.index + c[0].length);
    const descriptor = before.split(/[,;(]|\bthat\b|\bwhich\b/).pop() ?? '';
    const at = c.index + c[0].length;
    const def = s.acronyms.find((d) => d.start >= at - 1 && d.start <= at + 2);
    const base = { sentence: s.index, extractor: 'naming-cue', confidence: NAMING_CUE_PRECISION, descriptor, claimsKnown: true };
    if (def) {
      const { long, short } = definedName(def, s.text);
      out.push({ ...base, name: long, aliases: short, nameRank: 2 });
      continue;
    }
    const quoted = /^['"‘“]([^'"’”]{2,60})['"’”]/.exec(rest);
    let name = quoted?.[1] ?? leadingName(rest);
    const lowercase = !name;
    if (!name) name = LOWER_NAME.exec(rest)?.[1];
    if (!name) continue;
    // "what we call X" names phenomena as often as methods: the lowercase head decides.
    if ((lowercase || c[1]) && PHENOMENON.test(name)) continue;
    // "DEtection TRansformer or DETR": the alternative after "or" is an alias.
    const alt = /^\s*(?:,\s*)?or\s+([\p{L}\p{N}][\p{L}\p{N}-]*)/u.exec(rest.slice(rest.indexOf(name) + name.length))?.[1];
    out.push({ ...base, name, aliases: alt ? [alt] : [], nameRank: 3 });
  }
  return out;
}
