// Builds the references a run leaves unresolved (see unresolved.ts): names no paper of the run
// proposes, with the lineage a cue phrase gives them, and record references that matched no paper.
import type { EntityKind } from '../taxonomy/taxonomy.js';
import { findBuildsOn } from './builds-on.js';
import { AliasMatcher, type Mention } from './mentions.js';
import type { Contribution } from './types.js';
import type { UnresolvedReference } from './unresolved.js';

/** A name-like token kept by addPaper (the sentence only when it could carry lineage). */
export interface DeferredName {
  key: string;
  name: string;
  sentence?: string;
  cue: boolean;
}

export interface NameContext {
  /** The paper's main contribution (its id, names and kind), the lineage source. */
  primary?: { id: string; names: string[]; kind: EntityKind };
  /** Taxonomy entities and known contributions, to find the other mentions of the sentence. */
  matcher: AliasMatcher;
  isDataset: (id: string) => boolean;
}

const PLACEHOLDER = 'unresolved:name';

/**
 * The reference a deferred name makes. When its sentence links the paper's main contribution to
 * the name by a cue phrase (as it would had the name been known), the reference carries that
 * link ("cross-paper/cue-phrase", at most 0.8) — the same one a run holding both papers makes;
 * otherwise the mention link the run would make once the name is found.
 */
export function nameReference(paperId: string, d: DeferredName, context: NameContext): UnresolvedReference {
  const target = { kind: 'name' as const, key: d.key, name: d.name };
  const { primary } = context;
  if (d.sentence && primary) {
    const link = cueLink(d, primary, context);
    if (link) return { paperId, target, source: primary.id, evidence: link.evidence, confidence: Math.min(link.confidence, 0.8), extractor: `cross-paper/${link.extractor}` };
  }
  const lineage = d.cue && primary !== undefined;
  return {
    paperId,
    target,
    ...(lineage ? { source: primary.id } : {}),
    evidence: d.sentence ?? `the abstract names ${d.name}`,
    confidence: lineage ? 0.7 : 0.6,
    extractor: 'cross-paper/mention',
  };
}

function cueLink(d: DeferredName, primary: NonNullable<NameContext['primary']>, context: NameContext) {
  const text = d.sentence!;
  const own = new AliasMatcher();
  own.add(PLACEHOLDER, [d.name], { exact: true });
  const mentions: Mention[] = [...context.matcher.find(text), ...own.find(text)].sort((a, b) => a.start - b.start);
  const contribution: Contribution = {
    id: primary.id,
    name: primary.names[0] ?? '',
    aliases: primary.names.slice(1),
    kind: primary.kind,
    sentence: -1,
    evidence: text,
    extractor: 'unresolved',
    confidence: 1,
    descriptor: '',
  };
  const links = findBuildsOn([{ index: 1, text, mentions, acronyms: [] }], [contribution], { matcher: context.matcher, isDataset: context.isDataset, titleTail: false });
  return links.filter((l) => l.target === PLACEHOLDER && l.source === primary.id).sort((a, b) => b.confidence - a.confidence)[0];
}

/** A record reference (arXiv id, DOI or title key) that matched no paper of the run. */
export function paperReference(paperId: string, ref: { arxivId?: string; doi?: string; titleKey?: string }): UnresolvedReference {
  return { paperId, target: { kind: 'paper', ...ref }, evidence: 'reference list of the source record', confidence: 1, extractor: 'references' };
}
