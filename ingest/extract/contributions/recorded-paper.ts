// Names the vocabulary records as introduced by this very paper (the entry's `paper` is this title, as in
// the bundled taxonomy or a Papers-with-Code methods file): the paper proposes such a name where its own
// title or abstract uses it. A name the text never uses is not proposed, however famous the paper is for it.
import type { Candidate, PatternContext } from './candidate.js';

/** Smoothed precision of names the vocabulary records as this paper's own (7/7 on the dev set), measured by `npm run eval`. */
export const RECORDED_PAPER_PRECISION = 0.89;

export function recordedNames(ctx: PatternContext): Candidate[] {
  const entries = ctx.taxonomy.introducedIn(ctx.sentences[0]?.text ?? '');
  if (entries.length === 0) return [];
  // The abstract's use is the better evidence, so its sentences come first; the title's is enough.
  const ordered = [...ctx.sentences.slice(1), ...ctx.sentences.slice(0, 1)].map((s) => ({ s, found: ctx.matcher.find(s.text) }));
  const out: Candidate[] = [];
  for (const entry of entries) {
    for (const { s, found } of ordered) {
      const used = found.find((m) => m.id === entry.id);
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
