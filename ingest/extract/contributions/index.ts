// Named contributions a paper proposes: each pattern (proposal verbs, acronym definitions, naming cues,
// appositives, lowercase mechanisms, labelled solutions, the title, the vocabulary's record of the paper) proposes candidates;
// candidates sharing a name merge into one contribution, typed Method / Architecture / Dataset. A name the
// taxonomy already knows counts only when a pattern introduces it strongly (the DeiT paper proposes DeiT).
import { entityId, type EntityKind } from '../../taxonomy/taxonomy.js';
import { matchKey } from '../keys.js';
import { OBJECT_CUT } from '../patterns.js';
import type { Contribution } from '../types.js';
import { acronymsInObject, titleAcronyms } from './acronym-names.js';
import { appositiveInObject, labelsOfNewThings, newAppositives } from './appositives.js';
import type { Candidate, PatternContext, ProposalObject } from './candidate.js';
import { headKind, kindFromWords, suffixKind } from './kinds.js';
import { labelledItems } from './labelled-items.js';
import { mechanismsInObject } from './mechanisms.js';
import { listItemsInObject, namesInObject, proposalObjects } from './proposal-verbs.js';
import { titlePrefix, titlePrefixName, wholeTitleName } from './title.js';
import { isStrongName } from './names.js';
import { namingCues } from './naming-cues.js';
import { recordedNames } from './recorded-paper.js';

export type { PatternContext as ContributionOptions } from './candidate.js';
export { titlePrefix } from './title.js';
export { kindFromWords } from './kinds.js';
export { leadingName } from './names.js';

/** Extractors whose names may be lowercase or single plain words. */
const WEAK_NAME_OK = new Set(['naming-cue', 'title-prefix', 'whole-title', 'mechanism-phrase', 'labelled-item']);

/** Candidates of every abstract pattern, and the proposal objects (which the title patterns use to confirm). */
function abstractCandidates(ctx: PatternContext): { candidates: Candidate[]; objects: ProposalObject[] } {
  const candidates: Candidate[] = [];
  const objects: ProposalObject[] = [];
  const known = (name: string) => ctx.taxonomy.resolve(name) !== undefined;
  for (const s of ctx.sentences.slice(1)) {
    for (const o of proposalObjects(s)) {
      objects.push(o);
      const acronyms = acronymsInObject(o);
      candidates.push(...acronyms);
      if (acronyms.length === 0) candidates.push(...namesInObject(o, known));
      candidates.push(...appositiveInObject(o), ...mechanismsInObject(o), ...listItemsInObject(o, known));
    }
    candidates.push(...namingCues(s), ...newAppositives(s), ...labelsOfNewThings(s));
  }
  candidates.push(...labelledItems(ctx, known));
  return { candidates, objects };
}

/** Candidates sharing a name or alias key. */
function groupCandidates(candidates: Candidate[]): Candidate[][] {
  const groups: Candidate[][] = [];
  for (const c of candidates) {
    const keys = new Set([c.name, ...c.aliases].map(matchKey));
    const group = groups.find((g) => g.some((o) => [o.name, ...o.aliases].some((n) => keys.has(matchKey(n)))));
    if (group) group.push(c);
    else groups.push([c]);
  }
  return groups;
}

function kindOf(group: Candidate[], names: string[], ctx: PatternContext, fallback: string, titleTail: string): EntityKind {
  const { taxonomy, matcher } = ctx;
  const descriptors = group.map((c) => c.descriptor).filter((d) => d.trim() !== '');
  const pres = group.map((c) => c.pre ?? '').filter((d) => d.trim() !== '');
  const fromTitle = group.some((c) => c.sentence === 0 || c.extractor === 'title-prefix');
  return (
    descriptors.map((d) => kindFromWords(d, taxonomy, matcher)).find((k) => k !== undefined) ??
    names.map((n) => headKind(n, taxonomy, matcher)).find((k) => k !== undefined) ??
    pres.map((d) => kindFromWords(d, taxonomy, matcher)).find((k) => k !== undefined) ??
    suffixKind(names) ??
    (fallback ? kindFromWords(fallback, taxonomy, matcher) : undefined) ??
    (fromTitle ? kindFromWords(titleTail, taxonomy, matcher) : undefined) ??
    'Method'
  );
}

/** One contribution per group, or none when the group names nothing new enough. */
function contributionOf(group: Candidate[], ctx: PatternContext, fallback: string, titleTail: string): Contribution | undefined {
  group.sort((a, b) => a.nameRank - b.nameRank || b.confidence - a.confidence);
  const best = group[0]!;
  const byLower = new Map<string, string>();
  for (const n of group.flatMap((c) => [c.name, ...c.aliases]).map((x) => x.trim()))
    if (!byLower.has(n.toLowerCase())) byLower.set(n.toLowerCase(), n);
  const names = [...byLower.values()];
  const known = names.map((n) => ctx.taxonomy.resolve(n)).find((e) => e !== undefined);
  if (known && !group.some((c) => c.claimsKnown)) return undefined;
  if (names.every((n) => !isStrongName(n)) && !group.some((c) => WEAK_NAME_OK.has(c.extractor))) return undefined;
  // Introduced where an abstract pattern found it (more informative evidence), else where the best one did.
  const introduced = group.find((c) => c.sentence > 0) ?? best;
  const kind = known ? known.kind : kindOf(group, names, ctx, fallback, titleTail);
  return {
    id: known ? known.id : entityId(kind, best.name),
    name: known ? known.name : best.name,
    aliases: names.filter((n) => n.toLowerCase() !== (known ? known.name : best.name).toLowerCase()),
    kind,
    sentence: introduced.sentence,
    evidence: ctx.sentences[introduced.sentence]?.text ?? ctx.sentences[0]?.text ?? '',
    extractor: best.extractor,
    confidence: Math.max(...group.map((c) => c.confidence)),
    descriptor: group.map((c) => c.descriptor).join(' | '),
    ...(known ? { taxonomyId: known.id } : {}),
  };
}

/** Finds the named contributions of one paper; `ctx.sentences[0]` is the title. */
export function findContributions(ctx: PatternContext): Contribution[] {
  const { candidates, objects } = abstractCandidates(ctx);
  candidates.push(...titleAcronyms(ctx.sentences[0]), ...recordedNames(ctx));
  const prefix = titlePrefixName(ctx, candidates, objects);
  const whole = prefix ? undefined : wholeTitleName(ctx, candidates, objects);
  for (const c of [prefix, whole]) if (c) candidates.unshift(c);

  const fallback = objects.map((o) => o.text.split(OBJECT_CUT)[0] ?? '').find((t) => /^(?:a|an)\s/i.test(t)) ?? '';
  const titleTail = titlePrefix(ctx.sentences[0]?.text ?? '')?.tail ?? '';
  const out: Contribution[] = [];
  const seen = new Set<string>();
  for (const group of groupCandidates(candidates)) {
    const c = contributionOf(group, ctx, fallback, titleTail);
    if (!c || seen.has(c.id)) continue;
    seen.add(c.id);
    out.push(c);
  }
  return out;
}
