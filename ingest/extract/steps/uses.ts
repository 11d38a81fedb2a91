// USES: taxonomy methods and architectures the paper mentions but does not propose (generic nouns left
// out), methods the source tags the paper with, and mentions of other papers' contributions (kept for
// finish(), with lineage when the sentence carries it).
import { entityId } from '../../taxonomy/taxonomy.js';
import { isGenericEntity } from '../generic.js';
import { edge, node } from '../graph.js';
import { carriesLineage, lineageKind } from '../lineage/index.js';
import { FIRST_PERSON } from '../patterns.js';
import type { CorpusState } from '../state.js';
import type { PaperContext } from './context.js';

/** Smoothed precision of mention USES (91/100 on the dev set), measured by `npm run eval`. */
export const MENTION_PRECISION = 0.9;
/** Confidence of a mention of another paper's contribution, with and without a lineage sentence. */
export const CROSS_MENTION_LINEAGE = 0.7;
export const CROSS_MENTION = 0.6;
/** A method the source itself tags the paper with (Papers with Code). */
export const SOURCE_METADATA_CONFIDENCE = 0.9;

export function usesStep(state: CorpusState, p: PaperContext): void {
  const uses = new Map<string, string>();
  for (const s of p.sentences) {
    for (const m of s.mentions) {
      if (p.proposed.has(m.id) || state.isDataset(m.id)) continue;
      if (p.isOther(m.id)) {
        const lineage = p.primary && !p.primary.taxonomyId && (carriesLineage(s.text) || FIRST_PERSON.test(s.text));
        state.crossRefs.push({
          paper: p.index,
          target: m.id,
          evidence: s.text,
          ...(lineage ? { source: p.primary!.id, kind: lineageKind(s.text) } : {}),
          confidence: lineage ? CROSS_MENTION_LINEAGE : CROSS_MENTION,
          extractor: 'cross-paper/mention',
        });
        continue;
      }
      const entry = state.taxonomy.get(m.id);
      if (!entry || isGenericEntity(entry)) continue;
      if (!uses.has(m.id)) uses.set(m.id, s.text);
    }
  }
  // Every lineage target the paper does not propose is also one it uses (the guideline's second check):
  // "Sorted LLaMA" builds on LLaMA by its name alone, and so names LLaMA.
  for (const e of p.edges) {
    if (e.type !== 'BUILDS_ON' || p.proposed.has(e.target) || state.isDataset(e.target) || uses.has(e.target)) continue;
    if (typeof e.properties.evidence === 'string') uses.set(e.target, e.properties.evidence);
  }
  for (const [target, sentence] of uses) {
    state.pushEntity(p.nodes, target);
    p.edges.push(edge('USES', p.pid, target, { evidence: sentence, paperId: p.pid, confidence: MENTION_PRECISION, extractor: 'mention' }));
  }
  sourceMethods(state, p);
}

function sourceMethods(state: CorpusState, p: PaperContext): void {
  const { record } = p;
  for (const m of record.methods ?? []) {
    const entry = state.taxonomy.resolve(m.name) ?? (m.fullName ? state.taxonomy.resolve(m.fullName) : undefined);
    const id = entry ? entry.id : entityId('Method', m.name);
    if (entry) state.pushEntity(p.nodes, entry.id);
    else
      p.nodes.push(
        node(id, 'Method', m.name, {
          name: m.name,
          aliases: m.fullName && m.fullName !== m.name ? [m.fullName] : [],
          description: m.description,
          source: 'source-metadata',
        }),
      );
    if (entry?.kind === 'Dataset') continue;
    p.edges.push(
      edge('USES', p.pid, id, {
        evidence: `${record.source} tags the paper with method "${m.name}"`,
        paperId: p.pid,
        confidence: SOURCE_METADATA_CONFIDENCE,
        extractor: 'source-metadata',
      }),
    );
  }
}
