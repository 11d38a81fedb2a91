// Named solutions a proposal lists under labels: "we propose three key solutions: (S1) Group Pooling. ...
// (S2) Tied Init. ...", "X introduces several innovations: (a) A (AA), a new ..., (b) B to ..., and (c) C".
// The guideline counts every labelled solution with a name as a contribution, and a part of the whole.
// Only a list that a proposal verb of the paper itself opens with a colon counts, and only when every item
// opens with a name: challenges, findings and results listed the same way ("we identify three challenges:
// (C1) ...", "(1) we show that ...") do not.
import { matchKey } from '../keys.js';
import type { SentenceInfo } from '../types.js';
import type { Candidate, PatternContext } from './candidate.js';
import { titlePrefix } from './title.js';

/** Smoothed precision of labelled-item names (6/6 on dev + default corpus), measured by `npm run eval`. */
export const LABELLED_ITEM_PRECISION = 0.88;

const PROPOSAL_CUE =
  /\b(?:propos(?:e|es|ed)|introduc(?:e|es|ed)|present(?:s|ed)?|develop(?:s|ed)?|design(?:s|ed)?|contribut(?:e|es|ed|ions?))\b[^:.;]{0,140}:\s*$/i;
const FIRST_PERSON_SUBJECT = /\b(?:we|our|this\s+(?:paper|work|article|study))\b/i;

/** A label opening an item: "(a)", "(ii)", "(3)", "(S2)"; its position in its sequence. */
const LABEL = /\((?:([a-h])|(i{1,3}|iv|vi{0,3}|ix)|([1-9])|S([1-9]))\)\s*/g;
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'];

interface Label {
  style: 'letter' | 'roman' | 'digit' | 'solution';
  ordinal: number;
  at: number;
  end: number;
}

function labelsIn(text: string): Label[] {
  const out: Label[] = [];
  for (const m of text.matchAll(LABEL)) {
    const [, letter, roman, digit, solution] = m;
    const at = m.index;
    const end = at + m[0].length;
    if (letter) out.push({ style: 'letter', ordinal: letter.charCodeAt(0) - 96, at, end });
    else if (roman) out.push({ style: 'roman', ordinal: ROMAN.indexOf(roman) + 1, at, end });
    else if (digit) out.push({ style: 'digit', ordinal: Number(digit), at, end });
    else out.push({ style: 'solution', ordinal: Number(solution), at, end });
  }
  return out;
}

/** Words that open a clause or a description rather than a name ("(1) We show", "(a) The model"). */
const NOT_A_NAME =
  /^(?:we|our|the|this|these|that|it|its|they|a|an|in|on|by|for|to|with|from|given|using|when|while|if|both|each|all|more|most|up|how|why|what|which|there|here)$/i;
/** Where the name of an item ends: punctuation, a parenthesis, or a word that starts its description. */
const NAME_END = /\s*(?:[(,.;:]|\s(?:to|that|which|for|with|by|and|is|are|was|were|can|will|where|whose|in|on|of)\b|$)/i;
const MAX_NAME_WORDS = 5;

interface Item {
  name: string;
  alias?: string;
  after: string;
}

/** The name opening an item and its acronym ("4-bit NormalFloat (NF4), a new data type ..."), if it is one. */
function itemName(item: string): Item | undefined {
  const cut = NAME_END.exec(item);
  const name = item.slice(0, cut?.index ?? item.length).trim();
  const words = name.split(/\s+/);
  if (words.length > MAX_NAME_WORDS || name.length < 3) return undefined;
  if (!/^[\p{Lu}\d]/u.test(name) || NOT_A_NAME.test(words[0]!)) return undefined;
  let after = item.slice(item.indexOf(name) + name.length);
  const acronym = /^\s*\(([\p{Lu}\d][\p{L}\d-]{1,11})\)/u.exec(after);
  if (acronym) after = after.slice(acronym[0].length);
  return { name, ...(acronym ? { alias: acronym[1]! } : {}), after };
}

/** Sentences from `from` on, joined, with where each starts. */
function joined(sentences: SentenceInfo[], from: number): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const s of sentences.slice(from)) {
    starts.push(text.length);
    text += `${s.text} `;
  }
  return { text, starts };
}

/** The labels of one list, in sequence from the first (a / i / 1 / S1), opened right after `start`. */
function sequenceFrom(labels: Label[], start: number): Label[] {
  const first = labels.find((l) => l.at >= start);
  if (!first || first.ordinal !== 1 || first.at - start > 2) return [];
  const out = [first];
  for (const l of labels) {
    const last = out[out.length - 1]!;
    if (l.at > last.at && l.style === first.style && l.ordinal === last.ordinal + 1) out.push(l);
  }
  return out.length >= 2 ? out : [];
}

/** Whether the clause before a colon is the paper's own proposal ("we propose", "X introduces"). */
function opensOwnProposal(clause: string, ownName: string | undefined): boolean {
  if (!PROPOSAL_CUE.test(clause)) return false;
  return FIRST_PERSON_SUBJECT.test(clause) || (ownName !== undefined && matchKey(clause).includes(matchKey(ownName)));
}

export function labelledItems(ctx: PatternContext, known: (name: string) => boolean): Candidate[] {
  const { sentences } = ctx;
  const ownName = titlePrefix(sentences[0]?.text ?? '')?.name;
  const out: Candidate[] = [];
  for (let i = 1; i < sentences.length; i += 1) {
    const s = sentences[i]!;
    const colon = s.text.indexOf(':');
    if (colon < 0 || !opensOwnProposal(s.text.slice(0, colon + 1), ownName)) continue;
    const { text, starts } = joined(sentences, i);
    const labels = sequenceFrom(labelsIn(text), colon + 1);
    const items = labels.map((label, k) => itemName(text.slice(label.end, labels[k + 1]?.at ?? text.length)));
    if (items.length === 0 || items.some((item) => item === undefined)) continue;
    items.forEach((item, k) => {
      if (!item || known(item.name)) return;
      out.push({
        name: item.name,
        aliases: item.alias ? [item.alias] : [],
        sentence: i + starts.filter((start) => start <= labels[k]!.at).length - 1,
        extractor: 'labelled-item',
        confidence: LABELLED_ITEM_PRECISION,
        descriptor: /^\s*,\s+(?:a|an)\s/i.test(item.after) ? item.after.replace(/^\s*,\s+/, '').slice(0, 60) : '',
        nameRank: 3,
        claimsKnown: false,
      });
    });
  }
  return out;
}
