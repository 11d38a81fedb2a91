// BUILDS_ON from lineage verbs: "X extends Y", "we modify Y ...", "our model is built from Y and Z",
// "X, which injects ... into each layer of the Transformer" — subject resolved to the paper's contribution,
// targets limited to the verb's clause.
import type { BuildsOnLink, LineageContext } from './types.js';
import { targetsInClause } from './clause.js';
import { subjectsOf } from './subjects.js';
import { LINEAGE_VERBS } from './verbs.js';

/** Smoothed precision of verb-in-clause links (35/44 on dev + default corpus), measured by `npm run eval`. */
export const CLAUSE_VERB_PRECISION = 0.78;

/** A verb right after a comparison is the thing compared with, not done: "better than fine-tuning". */
const COMPARED = /\b(?:than|compared (?:to|with)|unlike|over|versus|vs\.?)\s+(?:[\w-]+\s+){0,2}$/i;

/** "X extends seamlessly to ...": applicability to new settings, not lineage. */
const INTRANSITIVE_TO = /^\s+(?:\w+ly\s+)?to\b/i;

export function clauseVerbLinks(ctx: LineageContext): BuildsOnLink[] {
  const own = new Map(ctx.contributions.map((c) => [c.id, c]));
  const out: BuildsOnLink[] = [];
  for (const s of ctx.sentences) {
    for (const verb of LINEAGE_VERBS) {
      for (const v of s.text.matchAll(verb.pattern)) {
        if (COMPARED.test(s.text.slice(Math.max(0, v.index - 40), v.index))) continue;
        if (verb.kind === 'extends' && INTRANSITIVE_TO.test(s.text.slice(v.index + v[0].length))) continue;
        const subjects = subjectsOf(s, v.index, own, s.index === 0 ? undefined : ctx.primary, verb.namedSubjectOnly);
        if (subjects.length === 0) continue;
        const from = verb.inside ? v.index + v[0].split(/\s+/)[0]!.length : v.index + v[0].length;
        for (const t of targetsInClause(s.text, s.mentions, from)) {
          for (const subject of subjects) {
            if (subject.id === t.id) continue;
            out.push({
              source: subject.id,
              target: t.id,
              kind: verb.kind,
              sentence: s.index,
              evidence: s.text,
              confidence: CLAUSE_VERB_PRECISION,
              extractor: 'clause-verb',
            });
          }
        }
      }
    }
  }
  return out;
}
