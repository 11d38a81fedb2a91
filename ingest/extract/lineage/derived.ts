// BUILDS_ON of a model obtained from a named model by a named procedure: "we fine-tune GPT-3 with supervised
// learning ... using reinforcement learning from human feedback. We call the resulting models InstructGPT"
// -> InstructGPT builds on GPT-3 and on RLHF (kind distilled).
import { targetsInClause } from './clause.js';
import type { BuildsOnLink, LineageContext } from './types.js';

/** Smoothed precision of derived-model links (1/1), measured by `npm run eval`. */
export const DERIVED_MODEL_PRECISION = 0.67;

const RESULTING = /\bthe result(?:ing)?\b|\bthe (?:final|obtained) models?\b/i;
const PROCEDURE = /\b(?:fine-?tun(?:e|es|ed|ing)|distill?(?:s|ed|ing)?|(?:further\s+)?train(?:s|ed|ing)?)\b/gi;

export function derivedModelLinks(ctx: LineageContext): BuildsOnLink[] {
  const out: BuildsOnLink[] = [];
  for (const c of ctx.contributions) {
    const at = ctx.sentences[c.sentence];
    if (!at || c.kind === 'Dataset' || !RESULTING.test(at.text)) continue;
    for (const s of ctx.sentences.slice(Math.max(1, c.sentence - 3), c.sentence + 1)) {
      if (!/\bwe\b/i.test(s.text)) continue;
      for (const v of s.text.matchAll(PROCEDURE)) {
        for (const t of targetsInClause(s.text, s.mentions, v.index + v[0].length)) {
          if (t.id === c.id || ctx.isDataset(t.id)) continue;
          out.push({ source: c.id, target: t.id, kind: 'distilled', sentence: s.index, evidence: `${s.text} ${at.text}`, confidence: DERIVED_MODEL_PRECISION, extractor: 'derived-model' });
        }
      }
    }
  }
  return out;
}
