// Named parts listed in an enumeration of a contribution sentence: "we propose two variants: (i) sLSTM ...
// (ii) mLSTM", "X introduces innovations: (a) 4-bit NormalFloat (NF4) ... (b) Double Quantization".
import { FIRST_PERSON } from '../patterns.js';
import type { SentenceInfo } from '../types.js';
import type { Candidate } from './candidate.js';
import { definedName } from './acronym-names.js';
import { descriptorAfter, isStrongName, leadingName } from './names.js';

/** Smoothed precision of enumerated names (3/3), measured by `npm run eval`. */
export const ENUMERATION_PRECISION = 0.8;

const MARKER = /\((?:[a-h]|i{1,3}|iv|vi{0,3}|[1-9]|S[1-9])\)\s*/g;
const INTRODUCING = /\b(?:propos|introduc|present|design|develop|consist|compris|contribut|innovation|component|novel|new)\w*/i;
/** The sentence opens with a name as its subject ("QLoRA introduces ..."). */
const NAMED_SUBJECT = /^[\p{L}\p{N}-]*(?:\p{Lu}[\p{L}\p{N}-]*)\s+(?:also\s+)?(?:introduces|proposes|presents|uses|consists|comprises|contains|has)\b/u;

export function enumeratedNames(s: SentenceInfo): Candidate[] {
  const markers = [...s.text.matchAll(MARKER)];
  if (markers.length < 2) return [];
  if (!INTRODUCING.test(s.text.slice(0, markers[0]!.index))) return [];
  if (!FIRST_PERSON.test(s.text) && !NAMED_SUBJECT.test(s.text)) return [];
  const out: Candidate[] = [];
  for (const m of markers) {
    const at = m.index + m[0].length;
    const def = s.acronyms.find((d) => d.start === at);
    if (def) {
      const { long, short } = definedName(def, s.text);
      out.push(candidate(s, long, short, descriptorAfter(s.text.slice(def.end))));
      continue;
    }
    const rest = s.text.slice(at);
    const name = leadingName(rest);
    if (!name || !isStrongName(name)) continue;
    out.push(candidate(s, name, [], descriptorAfter(rest.slice(rest.indexOf(name) + name.length))));
  }
  return out;
}

function candidate(s: SentenceInfo, name: string, aliases: string[], descriptor: string): Candidate {
  return { name, aliases, sentence: s.index, extractor: 'enumeration', confidence: ENUMERATION_PRECISION, descriptor, nameRank: 3, claimsKnown: false };
}
