// Names the vocabulary records as introduced by this very paper (the entry's `paper` is this title, as in
// the bundled taxonomy or a Papers-with-Code methods file): the paper proposes such a name where its own
// title or abstract uses it. A name the text never uses is not proposed, however famous the paper is for it.
import type { Candidate, PatternContext } from './candidate.js';

/** Smoothed precision of names the vocabulary records as this paper's own (7/7 on the dev set), measured by `npm run eval`. */
export const RECORDED_PAPER_PRECISION = 0.89;

export function recordedNames(ctx: PatternContext): Candidate[] {
  const title = ctx.sentences[0]?.text ?? '';
  const out: Candidate[] = [];
  for (const entry of ctx.taxonomy.introducedIn(title)) {
    // The abstract's use is the better evidence; the title's is enough.
    const order = [...ctx.sentences.slice(1), ...ctx.sentences.slice(0, 1)];
    for (const s of order) {
      const used = ctx.matcher.find(s.text).find((m) => m.id === entry.id);
      if (!used) continue;
      out.push({
        name: entry.name,
        aliases: used.text === entry.name ? [] : [used.text],
        sentence: s.index,
        extractor: 'recorded-paper',
        confidence: RECORDED_PAPER_PRECISION,
        descriptor: '',
        nameRank: 3,
        claimsKnown: true,
      });
      break;
    }
  }
  return out;
}
