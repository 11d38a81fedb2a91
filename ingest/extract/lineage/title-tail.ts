// BUILDS_ON from a title "Name: <what it is> ...": the head of the first noun phrase after the colon is the
// family ("RiverNet: Efficient Linear RNNs with Gating" -> Linear RNN). Not a field or a training stage
// ("... : Reinforcement Learning via ...", "...: Efficient Finetuning of ...").
import { titlePrefix } from '../contributions/title.js';
import { familyMentions } from './families.js';
import type { BuildsOnLink, LineageContext } from './types.js';

/** Smoothed precision of title-tail family links (3/3 on dev + default corpus), measured by `npm run eval`. */
export const TITLE_TAIL_PRECISION = 0.8;

const NOT_A_FAMILY = /(?:ing|learning|learners?)$/i;

export function titleTailLinks(ctx: LineageContext): BuildsOnLink[] {
  const primary = ctx.primary;
  const title = ctx.sentences[0];
  if (!primary || !title || primary.extractor !== 'title-prefix') return [];
  const prefix = titlePrefix(title.text);
  if (!prefix) return [];
  const tail = prefix.tail.replace(/^(?:a|an|the)\s+/i, '');
  // "Name: Exploring ...", "Name: Learning to ...": a verb phrase, not what the contribution is.
  if (/^\p{L}+ing\b/u.test(tail)) return [];
  const out: BuildsOnLink[] = [];
  for (const m of familyMentions(tail, ctx)) {
    if (m.id === primary.id || NOT_A_FAMILY.test(m.text)) continue;
    out.push({
      source: primary.id,
      target: m.id,
      kind: 'variant',
      sentence: 0,
      evidence: title.text,
      confidence: TITLE_TAIL_PRECISION,
      extractor: 'title-tail',
    });
  }
  return out;
}
