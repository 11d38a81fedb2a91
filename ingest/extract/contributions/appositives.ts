// Names in appositives: "a novel neural architecture, SeqBoat, which ..." (inside a proposal object),
// "FastKAN, a new ..." anywhere, and versions named by apposition: "a smaller version of the network, Fast YOLO,".
import type { SentenceInfo } from '../types.js';
import type { Candidate, ProposalObject } from './candidate.js';
import { isNameToken, isStrongName, leadingName } from './names.js';

/** Smoothed precision of appositive names (4/4 with version appositives), measured by `npm run eval`. */
export const APPOSITIVE_PRECISION = 0.83;

const NEW_APPOSITIVE =
  /(?:^|[.;:]\s+|\s)([\p{L}\p{N}][\p{L}\p{N}-]*(?:\s+[\p{Lu}][\p{L}\p{N}-]*){0,3}),\s+(?:a|an)\s+(?:novel|new)\b([^,.;]*)/gu;

export function appositiveInObject(o: ProposalObject): Candidate[] {
  const m = /^(?:a|an|the)\s+([^,.;()]{3,90}?),\s+(.+)$/i.exec(o.text);
  if (!m) return [];
  const name = leadingName(m[2]!);
  if (!name || !isStrongName(name)) return [];
  const after = m[2]!.slice(m[2]!.indexOf(name) + name.length);
  if (!/^\s*(?:,|\.|$|which\b|that\b|to\b)/i.test(after)) return [];
  return [
    {
      name,
      aliases: [],
      sentence: o.sentence.index,
      extractor: 'proposal-appositive',
      confidence: APPOSITIVE_PRECISION,
      descriptor: m[1]!,
      nameRank: 3,
      claimsKnown: true,
    },
  ];
}

/** "X, a novel ..." / "X, a new ..." anywhere in a sentence. */
export function newAppositives(s: SentenceInfo): Candidate[] {
  const out: Candidate[] = [];
  for (const m of s.text.matchAll(NEW_APPOSITIVE)) {
    const name = m[1]!;
    if (!isStrongName(name) || !isNameToken(name.split(/\s+/)[0]!)) continue;
    out.push({
      name,
      aliases: [],
      sentence: s.index,
      extractor: 'novel-appositive',
      confidence: APPOSITIVE_PRECISION,
      descriptor: m[2]!,
      nameRank: 3,
      claimsKnown: false,
    });
  }
  return out;
}

/** Smoothed precision of parenthesized labels of new things (2/2), measured by `npm run eval`. */
export const LABEL_PRECISION = 0.75;

const LABEL = /\(([\p{L}\p{N}][\p{L}\p{N}.+-]{1,20})\)/gu;
const NEW_THING = /(?:\b(?:a|an|the|our)\s+)?\b(?:novel|new|corresponding|proposed)\s+([^.;()]{0,80})$/i;

/**
 * A label in parentheses after a new thing: "a novel neuromorphic dataset based on ... (SHD-Adding)",
 * "the Segment Anything Model (SAM) and corresponding dataset (SA-1B)". Only for labels that are not
 * acronym definitions and look like names (capitals with digits, hyphens or inner capitals).
 */
export function labelsOfNewThings(s: SentenceInfo): Candidate[] {
  const out: Candidate[] = [];
  for (const m of s.text.matchAll(LABEL)) {
    const label = m[1]!;
    if (!/\p{Lu}/u.test(label) || !/[\d-]|\p{Ll}\p{Lu}/u.test(label)) continue;
    if (s.acronyms.some((d) => d.end === m.index + m[0].length)) continue;
    const before =
      s.text
        .slice(Math.max(0, m.index - 120), m.index)
        .split(/[;]|\band\b(?=[^,]*$)/)
        .pop() ?? '';
    const thing = NEW_THING.exec(before);
    if (!thing || !/\b(?:dataset|benchmark|corpus|model|method|architecture|network|suite|task)s?\b/i.test(thing[1]!)) continue;
    out.push({
      name: label,
      aliases: [],
      sentence: s.index,
      extractor: 'new-label',
      confidence: LABEL_PRECISION,
      descriptor: thing[1]!,
      nameRank: 3,
      claimsKnown: false,
    });
  }
  return out;
}
