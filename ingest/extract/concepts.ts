// Keyphrases per paper: noun phrases from wink's POS tags, lemmas and stop-word flags, counted per paper
// into the term vector stored on the paper's node; topics/ scores them by TF-IDF against the graph into
// Concept + MENTIONS {weight}. Generic phrases ("research", "promising result", "higher accuracy") never become concepts.
import type { AnalyzedText } from './sentences.js';

const GENERIC = new Set(
  `paper papers work works approach approaches method methods model models result results performance task tasks problem problems way ways number numbers use study studies analysis framework state art time times set sets data lot terms term order case cases fact effect effects ability abilities level levels type types kind kinds part parts example examples addition respect aim aims field fields area areas role roles issue issues challenge challenges advantage advantages insight insights question questions need needs paradigm new novel recent various several different other such many more most same first second third key main general specific significant important large small high low previous existing current standard strong art-of-the state-of-the-art experiment experiments evaluation evaluations improvement improvements application applications domain domains practice variety range end amount size training learning network networks neural deep system systems technique techniques solution solutions capability capabilities property properties process processes structure structures component components design designs feature features representation representations information parameter parameters function functions layer layers module modules architecture architectures hardware code cost costs efficiency accuracy ms benchmark benchmarks dataset datasets mechanism mechanisms step steps input inputs output outputs way form forms light presence basis detail details`.split(
    /\s+/,
  ),
);
const MORE_GENERIC = new Set(
  `research researcher researchers result outcome outcomes accuracy accuracies efficacy effectiveness quality gain gains improvement progress success scale scales manner fashion way regard means aspect aspects setting settings scenario scenarios direction directions line lines context contexts baseline baselines comparison analysis study trade-off tradeoff order magnitude`.split(
    /\s+/,
  ),
);
/** Evaluative adjectives: "promising result", "higher accuracy", "strong performance" say nothing about a topic. */
const EVALUATIVE = new Set(
  `promising high higher highest low lower lowest good better best great greater strong stronger superior competitive remarkable impressive significant substantial considerable notable excellent favorable comparable similar simple simpler efficient effective novel new recent large larger small smaller wide broad extensive comprehensive various numerous several many few whole overall`.split(
    /\s+/,
  ),
);
const PHRASE_POS = new Set(['NOUN', 'PROPN', 'ADJ']);

const isGeneric = (w: string) => GENERIC.has(w) || MORE_GENERIC.has(w);

/** Candidate terms (1-3 word noun-phrase tails) with counts. Title terms count double. */
export function candidateTerms(title: AnalyzedText, abstract: AnalyzedText): Map<string, number> {
  const counts = new Map<string, number>();
  const collect = (a: AnalyzedText, weight: number) => {
    let chunk: string[] = [];
    let heads: boolean[] = [];
    const flush = () => {
      for (let end = chunk.length; end > 0; end -= 1) {
        if (!heads[end - 1]) continue;
        for (let n = 1; n <= 3 && end - n >= 0; n += 1) {
          const words = chunk.slice(end - n, end);
          if (EVALUATIVE.has(words[0]!)) continue;
          if (n === 1 && (isGeneric(words[0]!) || words[0]!.length < 3)) continue;
          if (words.every(isGeneric)) continue;
          const term = words.join(' ');
          counts.set(term, (counts.get(term) ?? 0) + weight);
        }
        break;
      }
      chunk = [];
      heads = [];
    };
    for (let i = 0; i < a.tokens.length; i += 1) {
      const tok = a.tokens[i]!;
      const pos = a.pos[i]!;
      if (tok === '-' && chunk.length > 0 && PHRASE_POS.has(a.pos[i + 1] ?? '')) {
        const next = a.pos[i + 1] === 'ADJ' ? a.tokens[i + 1]! : a.lemmas[i + 1]!;
        chunk[chunk.length - 1] = `${chunk[chunk.length - 1]}-${next}`;
        heads[heads.length - 1] = a.pos[i + 1] !== 'ADJ';
        i += 1;
        continue;
      }
      if (PHRASE_POS.has(pos) && /^[\p{L}][\p{L}\p{N}-]*$/u.test(tok) && tok.length > 1 && !a.stop[i]) {
        chunk.push(pos === 'ADJ' ? tok : a.lemmas[i]!);
        heads.push(pos !== 'ADJ');
        if (chunk.length > 6) {
          chunk.shift();
          heads.shift();
        }
      } else flush();
    }
    flush();
  };
  collect(title, 2);
  collect(abstract, 1);
  return counts;
}

/** 32-bit FNV-1a hash: terms are stored as numbers, names only once they are shared. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i += 1) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const MAX_TERMS = 48;

/**
 * A paper's keyphrase vector as stored on its node: its top terms (multi-word phrases favoured) with
 * their counts. Depends on the paper alone; document frequencies are the corpus's (see topics/).
 */
export function termVector(counts: Map<string, number>): { terms: string[]; counts: number[] } {
  const ranked = [...counts.entries()]
    .map(([term, c]) => [term, c * (1 + 0.5 * (term.split(' ').length - 1))] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_TERMS);
  return { terms: ranked.map(([term]) => term), counts: ranked.map(([term]) => counts.get(term)!) };
}
