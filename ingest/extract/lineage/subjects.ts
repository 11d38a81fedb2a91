// Who does the lineage verb: the nearest entity named before the verb in its clause decides. One of the
// paper's contributions is the subject; another entity ("Classifier guidance combines ...") is not; with no
// entity in between, "we", "our model", "it", "the proposed method" refer to the paper's contribution.
import type { Mention } from '../mentions.js';
import { SELF_REFERENCE } from '../patterns.js';
import type { Contribution, SentenceInfo } from '../types.js';

/** Contributions a verb at `at` has as subject (empty when someone else's work is the subject). */
export function subjectsOf(
  s: SentenceInfo,
  at: number,
  own: Map<string, Contribution>,
  primary: Contribution | undefined,
  namedOnly = false,
): Contribution[] {
  const clauseStart = Math.max(s.text.lastIndexOf(';', at), 0);
  const before: Mention[] = s.mentions.filter((m) => m.end <= at && m.start >= clauseStart);
  const nearest = before[before.length - 1];
  const between = s.text.slice(nearest ? nearest.end : clauseStart, at);
  if (nearest) {
    const c = own.get(nearest.id);
    if (c) return [c];
    // Another entity is the nearest subject unless "we"/"our model" stands between it and the verb.
    if (namedOnly || !SELF_REFERENCE.test(between)) return [];
  }
  if (namedOnly) return [];
  // Contributions defined in this very sentence ("we propose X, which extends Y").
  const defined = [...own.values()].filter((c) => c.sentence === s.index);
  if (defined.length && s.index > 0) return defined.slice(0, 1);
  if (primary && SELF_REFERENCE.test(s.text.slice(clauseStart, at))) return [primary];
  return [];
}
