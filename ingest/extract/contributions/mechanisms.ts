// Lowercase named mechanisms: "we propose the retention mechanism", "we introduce exponential gating". The
// object's leading noun phrase is chunked on wink-nlp's POS tags; it counts when its head is a method or
// architecture noun, its article is "the" or none ("a novel framework" is unnamed), and one of its modifiers
// is not a generic adjective.
import { analyzeText } from '../sentences.js';
import type { Candidate, ProposalObject } from './candidate.js';
import { objectCut } from './proposal-verbs.js';

/** Smoothed precision of lowercase mechanism names (none on the eval sets yet: 0/0 gives 0.5), measured by `npm run eval`. */
export const MECHANISM_PRECISION = 0.5;

const HEADS = new Set(
  'mechanism gating gate attention pooling normalization regularization regularizer initialization loss decomposition embedding encoding layer block module unit operator trick objective distillation pruning quantization routing sampling tokenization dropout activation convolution recurrence retention scheduling guidance'.split(
    ' ',
  ),
);
const GENERIC = new Set(
  'novel new simple efficient effective general unified scalable different better improved principled lightweight flexible powerful first second third deep neural learning proposed standard modified additional same key main various several robust fast generic special specific single multiple such this our their its whole overall final resulting corresponding theoretical empirical practical following above two three'.split(
    ' ',
  ),
);
const PHRASE_POS = new Set(['ADJ', 'NOUN', 'VERB', 'PROPN']);

export function mechanismsInObject(o: ProposalObject): Candidate[] {
  const article = /^(the|a|an|our)\s+/i.exec(o.text);
  if (article && article[1]!.toLowerCase() !== 'the') return [];
  const phrase = o.text
    .slice(article ? article[0].length : 0, objectCut(o.text))
    .split(/[,.;:(]/)[0]!
    .trim();
  if (!/^[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}$/.test(phrase)) return [];
  // POS-tag only phrases that contain a head noun at all.
  if (!phrase.split(/\s+/).some((w) => HEADS.has(w))) return [];
  const { tokens, pos } = analyzeText(phrase);
  // The head: the last word of the leading run of nouns and adjectives.
  let end = 0;
  while (end < tokens.length && (PHRASE_POS.has(pos[end]!) || tokens[end] === '-')) end += 1;
  const words = tokens.slice(0, end).join(' ').replace(/\s-\s/g, '-').split(' ');
  const head = words[words.length - 1];
  if (!head || words.length < 2 || !HEADS.has(head)) return [];
  if (words.slice(0, -1).every((w) => GENERIC.has(w))) return [];
  const name = words.join(' ');
  return [
    {
      name,
      aliases: [],
      sentence: o.sentence.index,
      extractor: 'mechanism-phrase',
      confidence: MECHANISM_PRECISION,
      descriptor: head,
      nameRank: 4,
      claimsKnown: false,
    },
  ];
}
