// Names introduced as the object of a first-person proposal verb: "we propose X", "this paper presents X",
// "our contribution is X", "X introduces ... (a) Y (b) Z" — the object phrases, and the plain names in them.
import { OBJECT_CUT } from '../patterns.js';
import type { SentenceInfo } from '../types.js';
import type { Candidate, ProposalObject } from './candidate.js';
import { descriptorAfter, leadingName, NAME_HEADS } from './names.js';

/** Smoothed precision of "we propose X" names (8/8 on dev + default corpus), measured by `npm run eval`. */
export const PROPOSAL_NAME_PRECISION = 0.9;

const SUBJECT_BEFORE =
  /(?:\b(?:we|i)(?:\s+(?:also|further|then|first|finally|here|therefore|now|additionally|thus|hence|next|instead|carefully|specifically|newly|hereby|thereby))*|\b(?:this|the present|our)\s+(?:paper|work|article|study|letter|thesis|note)|\b(?:led|leads|lead|allow(?:s|ed)?|enabl(?:e|es|ed)|motivat(?:e|es|ed))\s+us\s+to|\bour\s+(?:main\s+|key\s+|primary\s+|first\s+|second\s+|central\s+)?contribution\s+(?:is|introduces))\s+$/i;
const COORDINATED_SUBJECT = /\b(?:we|i)\s+[a-z]+\b[^.;]{0,100}\s+and\s+$/i;
const PROPOSAL_VERB =
  /\b(?:propos(?:e|es|ed)|introduc(?:e|es|ed)|present(?:s|ed)?|design(?:s|ed)?|construct(?:s|ed)?|dub(?:s|bed)?|develop(?:s|ed)?|describ(?:e|es|ed)|suggest(?:s|ed)?|provid(?:e|es|ed)|offer(?:s|ed)?|build(?:s)?|creat(?:e|es|ed)|releas(?:e|es|ing))\b|\bis\b/gi;
/** An object that is not a thing: "we propose that ...", "we present how ...", "we build on ...". */
const NOT_A_THING = /^(?:that|to|how|whether|in|on|with|upon|here|results?)\b/i;
/** What may follow a name in a proposal object: punctuation, a relative clause, a new clause. */
const NAME_END = /^\s*(?:[,.(;:]|$|which\b|that\b|to\b|and\b|as\b|is\b|for\b|with\b|utiliz|in\b)/i;
/** A known (taxonomy) name only counts when the object is the name itself, not "X to ..." or "X for ...". */
const KNOWN_NAME_END = /^\s*(?:[,.(;:]|$|which\b|that\b)/i;

/** The objects of first-person proposal verbs in one sentence (never the title). */
export function proposalObjects(s: SentenceInfo): ProposalObject[] {
  const out: ProposalObject[] = [];
  for (const v of s.text.matchAll(PROPOSAL_VERB)) {
    const before = s.text.slice(Math.max(0, v.index - 140), v.index);
    const isCopula = v[0].toLowerCase() === 'is';
    const subject = isCopula ? /\bcontributions?\s+$/i.test(before) : SUBJECT_BEFORE.test(before);
    const coordinated = !isCopula && /^(?:propos|introduc|present|design)/i.test(v[0]) && COORDINATED_SUBJECT.test(before);
    if (!subject && !coordinated) continue;
    const start = v.index + v[0].length;
    const text = s.text.slice(start).replace(/^\s+/, '');
    if (NOT_A_THING.test(text)) continue;
    out.push({ sentence: s, text, offset: s.text.length - text.length, verb: v[0].toLowerCase() });
  }
  return out;
}

/** "we introduce NN-Factory, an ..." / "we present YOLO, a new approach" / "... X and the Y search space". */
export function namesInObject(o: ProposalObject, known: (name: string) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const lead = leadingName(o.text);
  if (!lead) return out;
  const after = o.text.slice(o.text.indexOf(lead) + lead.length);
  const headed = NAME_HEADS.test(lead.split(' ').pop() ?? '');
  if (!NAME_END.test(after) && !headed) return out;
  const claimsKnown = KNOWN_NAME_END.test(after);
  if (known(lead) && !claimsKnown) return out;
  out.push(candidate(lead, o, after, claimsKnown));
  const second = /^\s*and\s+(?:the\s+|a\s+new\s+|our\s+)?(.*)$/i.exec(after);
  const lead2 = second ? leadingName(second[1]!) : undefined;
  if (lead2) {
    const after2 = second![1]!.slice(second![1]!.indexOf(lead2) + lead2.length);
    if (!known(lead2) || KNOWN_NAME_END.test(after2)) out.push(candidate(lead2, o, after2, KNOWN_NAME_END.test(after2)));
  }
  return out;
}

function candidate(name: string, o: ProposalObject, after: string, claimsKnown: boolean): Candidate {
  return {
    name,
    aliases: [],
    sentence: o.sentence.index,
    extractor: 'proposal-name',
    confidence: PROPOSAL_NAME_PRECISION,
    descriptor: descriptorAfter(after),
    nameRank: 3,
    claimsKnown,
  };
}

/** Where the naming part of an object ends (its first cut word or punctuation). */
export function objectCut(text: string): number {
  return OBJECT_CUT.exec(text)?.index ?? text.length;
}

/** Smoothed precision of names in later items of a proposal list (1/1), measured by `npm run eval`. */
export const PROPOSAL_LIST_PRECISION = 0.67;

const LIST_SEPARATOR = /;\s+|,\s+(?:and\s+)?|\s+and\s+/;
const KIND_AFTER =
  /^\s+(?:[a-z-]+\s+){0,3}?(?:method|approach|algorithm|schedule|block|blocks|layer|module|loss|regularization|network|architecture|model|dataset|benchmark|mechanism|search space|strategy|technique)\b/;

/**
 * Later items of a proposal list: "we introduce novel blocks; a better-optimized Cosine Power Annealing
 * learning rate schedule; and ...". An item counts when it names something followed by a kind noun.
 */
export function listItemsInObject(o: ProposalObject, known: (name: string) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const items = o.text.split(/[.]\s/)[0]!.split(LIST_SEPARATOR).slice(1);
  for (const item of items) {
    const bare = item.replace(/^(?:(?:a|an|the|our)\s+)?(?:[a-z][a-z-]*\s+){0,3}(?=\p{Lu})/u, '');
    const name = leadingName(bare);
    if (!name || name.split(/\s+/).length < 2 || known(name)) continue;
    const after = bare.slice(bare.indexOf(name) + name.length);
    if (!KIND_AFTER.test(after)) continue;
    out.push({
      ...candidate(name, o, after, false),
      extractor: 'proposal-list',
      confidence: PROPOSAL_LIST_PRECISION,
      descriptor: after.slice(0, 60),
    });
  }
  return out;
}
