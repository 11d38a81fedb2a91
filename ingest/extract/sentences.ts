// Sentence splitting, tokens and part-of-speech tags for titles and abstracts, via wink-nlp with
// its bundled English model (loaded once; nothing is downloaded at run time).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface AnalyzedText {
  sentences: string[];
  /** Lower-case token texts of the whole text, in order. */
  tokens: string[];
  /** Universal POS tag per token (NOUN, PROPN, ADJ, PUNCT, ...). */
  pos: string[];
  /** wink-nlp's lemma per noun and proper noun ("biases" -> "bias"); other tokens as written. */
  lemmas: string[];
  /** wink-nlp's stop-word flag per noun, proper noun and adjective (false for other tokens). */
  stop: boolean[];
}

let nlp: ReturnType<typeof winkNLP> | undefined;

function engine(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Splits a text into sentences and tags its tokens. Sentences are trimmed and never empty. */
export function analyzeText(text: string): AnalyzedText {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return { sentences: [], tokens: [], pos: [], lemmas: [], stop: [] };
  const e = engine();
  const doc = e.readDoc(clean);
  const sentences = repairSplits(doc.sentences().out() as string[]);
  const tokens = doc.tokens().out(e.its.normal) as string[];
  const pos = doc.tokens().out(e.its.pos) as string[];
  // Lemmas only where keyphrases use them (nouns); its.lemma is typed with a narrower signature than out() takes.
  const all = doc.tokens();
  const lemmaOf = e.its.lemma as unknown as typeof e.its.normal;
  const lemmas = tokens.map((t, i) => (pos[i] === 'NOUN' || pos[i] === 'PROPN' ? (all.itemAt(i).out(lemmaOf) as string).toLowerCase() : t));
  const phrase = (p: string | undefined) => p === 'NOUN' || p === 'PROPN' || p === 'ADJ';
  const stop = tokens.map((_, i) => phrase(pos[i]) && (all.itemAt(i).out(e.its.stopWordFlag) as unknown as boolean));
  return { sentences, tokens, pos, lemmas, stop };
}

/**
 * Re-joins splits wink makes after abbreviations ("e.g.", "i.e.", "et al.", "vs.") and drops
 * empty pieces, so evidence sentences read as written.
 */
function repairSplits(raw: string[]): string[] {
  const out: string[] = [];
  for (const piece of raw) {
    const s = piece.trim();
    if (s === '') continue;
    const prev = out[out.length - 1];
    const glued =
      prev !== undefined &&
      (/\b(?:e\.g|i\.e|et al|vs|cf|approx|etc|Fig|Eq|resp)\.$/i.test(prev) ||
        /^[a-z(/]/.test(s) ||
        (/\d\.$/.test(prev) && /^\d/.test(s)) ||
        (/!$/.test(prev) && /^[/-]/.test(s)));
    if (prev !== undefined && glued) {
      // "CIFAR-10." + "1 test set" and "WHAM!" + "/WHAMR!" were one token in the text: no space.
      const tight = (/\d\.$/.test(prev) && /^\d/.test(s)) || /^[/-]/.test(s);
      out[out.length - 1] = tight ? `${prev}${s}` : `${prev} ${s}`;
    } else out.push(s);
  }
  return out;
}
