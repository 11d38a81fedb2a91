// BUILDS_ON from a whole to its own named parts: the paper's primary contribution builds on the blocks,
// losses, mechanisms and procedures the same paper names ("HexNet is built from our new Hex Block",
// "QLoRA introduces (a) NF4 (b) Double Quantization", "MambaMixer ... called Selective Token and Channel Mixer").
import { matchKey } from '../keys.js';
import type { BuildsOnLink, LineageContext } from './types.js';

/** Smoothed precision of whole-to-part links (12/14 on dev + default corpus), measured by `npm run eval`. */
export const OWN_PART_PRECISION = 0.81;

/** Names of parts (not of bigger systems that would use the whole). */
const PART =
  /\b(?:block|blocks|layer|layers|module|modules|unit|units|mechanism|attention|loss|regulari[sz]ation|initiali[sz]ation|normali[sz]ation|quantization|optimizers?|data type|embedding|encoding|pool|pooling|gating|mixer|cell|operator|schedule|search space|search|decomposition|bottleneck|residuals?)\b/i;
const PART_EXTRACTORS = new Set(['proposal-list', 'naming-cue', 'proposal-name', 'proposal-acronym', 'mechanism-phrase', 'labelled-item']);

export function ownPartLinks(ctx: LineageContext): BuildsOnLink[] {
  const whole = ctx.primary;
  // A labelled solution is a part, never the whole: without a named whole its siblings are not its parts.
  if (!whole || whole.kind === 'Dataset' || whole.extractor === 'labelled-item') return [];
  const out: BuildsOnLink[] = [];
  const wholeKeys = [whole.name, ...whole.aliases].map(matchKey);
  for (const part of ctx.contributions) {
    if (part.id === whole.id || part.kind === 'Dataset' || !PART_EXTRACTORS.has(part.extractor)) continue;
    // A name built on the whole ("Vision MambaMixer") is a variant of it, not a part.
    if ([part.name, ...part.aliases].some((n) => wholeKeys.some((k) => matchKey(n).includes(k)))) continue;
    // A solution the paper lists under a label is a part whatever its name ("(S2) Group Pooling").
    const described = part.extractor === 'labelled-item' || PART.test(`${part.name} ${part.descriptor}`);
    if (!described) continue;
    out.push({
      source: whole.id,
      target: part.id,
      kind: 'component',
      sentence: part.sentence,
      evidence: part.evidence,
      confidence: OWN_PART_PRECISION,
      extractor: 'own-part',
    });
  }
  return out;
}
