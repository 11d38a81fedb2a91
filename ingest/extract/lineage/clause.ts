// The target side of a lineage verb: entities named after the verb up to the end of its clause, leaving out
// those the text negates or sets against the contribution ("RNN-free", "without attention", "unlike X",
// "outperforms X", "instead of X") and those it only measures or runs ("the accuracy of X").
import type { Mention } from '../mentions.js';

/** Where a verb's clause ends: sentence punctuation, a contrast, a comparison, a new finite clause. */
const CLAUSE_END =
  /[;:]|\b(?:in order to|so as to|such as)\b|\bto\s+(?:introduce|enable|allow|make|improve|reduce|achieve|learn|train|obtain|provide|support|perform|handle|address|solve|design|search|find)\b|\.\s|\b(?:while|whereas|but|although|though|than|compared|outperform\w*|unlike|surpass\w*|beat\w*|versus|vs\.?)\b|,\s+(?:and\s+)?[a-z]+ing\b|,\s+(?:and\s+)?(?:which|while|whereas|but|we|it|this|achiev\w*|outperform\w*|yielding|resulting|leading|reaching)\b/i;
/** Just before a mention: it is excluded, replaced or compared, not built on. */
const NEGATED_BEFORE =
  /\b(?:without|no|not|instead of|rather than|unlike|replac\w+|remov\w+|eliminat\w+|free of|beyond|over|than|against|outperform\w*|to)\s+(?:the\s+|any\s+|a\s+|an\s+|standard\s+|conventional\s+|vanilla\s+)?(?:[^\s-]+[\s-]+){0,1}$/i;
const NEGATED_AFTER = /^-?(?:free|less)\b/i;
/** Just before a mention: what is measured or run on it ("improves the fine-tuning of LLaMA"), not built on. */
const MEASURED_ON =
  /\b(?:accuracy|performance|efficiency|robustness|training|fine-?tuning|inference|quality|results?|speed|throughput|generali[sz]ation|scalability|costs?|latency|stability|convergence|capabilit(?:y|ies)|interpretability)\s+(?:of|on|for)\s+(?:the\s+|a\s+|an\s+)?(?:[^\s-]+[\s-]+){0,1}$/i;

export function targetsInClause(text: string, mentions: Mention[], from: number, options: { allowTo?: boolean } = {}): Mention[] {
  const rest = text.slice(from);
  const end = CLAUSE_END.exec(rest);
  const limit = from + (end ? end.index : rest.length);
  const out: Mention[] = [];
  for (const m of mentions) {
    if (m.start < from || m.end > limit) continue;
    if (NEGATED_AFTER.test(text.slice(m.end))) continue;
    const before = text.slice(Math.max(from, m.start - 40), m.start);
    const negated = NEGATED_BEFORE.exec(before);
    if (negated && !(options.allowTo && /^to\b/i.test(negated[0]))) continue;
    if (MEASURED_ON.test(before)) continue;
    out.push(m);
  }
  return out;
}
