// What finish() needs of a paper, kept compact: its primary contribution, the name-like tokens it did not
// resolve (to link contributions of papers read later) and the references its sources give.
import { titleKey } from '../paper-identity.js';
import { carriesLineage, findBuildsOn, lineageKind } from '../lineage/index.js';
import { FIRST_PERSON } from '../patterns.js';
import type { CorpusState, Deferred, PaperState } from '../state.js';
import type { SentenceInfo } from '../types.js';
import { matchKey } from '../keys.js';
import type { PaperContext } from './context.js';

const NAME_LIKE = /\b[\p{L}\p{N}]*(?:\p{Ll}\p{Lu}|\p{L}\d|\d\p{L})[\p{L}\p{N}-]*\b/gu;
const MAX_DEFERRED = 8;
const MAX_EVIDENCE = 400;

export function rememberStep(state: CorpusState, p: PaperContext, known: boolean): void {
  const { record } = p;
  if (!known) {
    const paper: PaperState = { id: p.pid };
    if (p.primary && !p.primary.taxonomyId) paper.primary = p.primary.id;
    const deferred = deferredNames(p.sentences).map((d) => withLineage(d, state, p));
    if (deferred.length) paper.deferred = deferred;
    state.papers.push(paper);
    state.paperIndex.set(p.pid, p.index);
    if (record.arxivId && !state.byArxiv.has(record.arxivId)) state.byArxiv.set(record.arxivId, p.index);
    if (record.doi && !state.byDoi.has(record.doi.toLowerCase())) state.byDoi.set(record.doi.toLowerCase(), p.index);
    const tk = titleKey(record.title);
    if (!state.byTitleKey.has(tk)) state.byTitleKey.set(tk, p.index);
  }
  // References are kept whichever source of the paper brings them (a Semantic Scholar record may
  // follow the same paper from BibTeX), so CITES do not depend on the order of the sources.
  if (record.references?.length) {
    const paper = state.papers[state.paperIndex.get(p.pid)!]!;
    paper.references = [
      ...(paper.references ?? []),
      ...record.references.map((r) => ({
        ...(r.arxivId ? { arxivId: r.arxivId } : {}),
        ...(r.doi ? { doi: r.doi.toLowerCase() } : {}),
        ...(r.title ? { titleKey: titleKey(r.title) } : {}),
      })),
    ];
  }
  rememberCoMentionedFacts(state, p);
}

/** The taxonomy facts whose source and target this paper both names. */
function rememberCoMentionedFacts(state: CorpusState, p: PaperContext): void {
  const named = new Set(p.nodes.filter((n) => ENTITY_LABELS.has(n.label)).map((n) => n.id));
  for (const id of named) {
    for (const fact of state.taxonomy.factsFrom(id)) {
      if (named.has(fact.target)) state.coMentionedFacts.add(`${fact.source}->${fact.target}`);
    }
  }
}

const ENTITY_LABELS = new Set(['Method', 'Architecture', 'Dataset']);

/** Cross-paper links are capped below the in-paper rules: the other paper may name something else. */
const CROSS_PAPER_CAP = 0.8;
const PLACEHOLDER = 'deferred:name';

/**
 * The lineage a deferred name's sentence gives the paper's main contribution, found by the same rules as
 * if the name were already known (the name stands in as a mention): so a link to a paper read later, or
 * ingested later, carries the same rule, kind and confidence as one to a paper read earlier.
 */
function withLineage(d: Deferred, state: CorpusState, p: PaperContext): Deferred {
  if (!d.sentence || !p.primary) return d;
  const at = d.sentence.indexOf(d.name);
  if (at < 0) return d;
  const mention = { id: PLACEHOLDER, start: at, end: at + d.name.length, text: d.name };
  const others = state.matcher.find(d.sentence).filter((m) => m.end <= at || m.start >= mention.end);
  const sentence: SentenceInfo = {
    index: 1,
    text: d.sentence,
    mentions: [...others, mention].sort((a, b) => a.start - b.start),
    acronyms: [],
  };
  const links = findBuildsOn(
    {
      sentences: [sentence],
      contributions: p.contributions,
      primary: p.primary,
      matcher: state.matcher,
      isDataset: state.isNotLineageTarget,
      resolveName: state.resolveName,
      isContribution: state.isContribution,
    },
    { titleTail: false },
  );
  const link = links.filter((l) => l.target === PLACEHOLDER && l.source === p.primary!.id).sort((a, b) => b.confidence - a.confidence)[0];
  if (!link) return d;
  return {
    ...d,
    cue: true,
    kind: link.kind,
    lineage: { extractor: `cross-paper/${link.extractor}`, confidence: Math.min(link.confidence, CROSS_PAPER_CAP) },
  };
}

/** Name-like tokens ("SortedNet", "L2MU") no entity matched; the sentence is kept when it could carry lineage. */
function deferredNames(sentences: SentenceInfo[]): Deferred[] {
  const byKey = new Map<string, Deferred>();
  for (const s of sentences) {
    for (const m of s.text.matchAll(NAME_LIKE)) {
      if (s.mentions.some((x) => x.start <= m.index && m.index < x.end)) continue;
      const key = matchKey(m[0]);
      if (key.length < 3 || /^https?/.test(key)) continue;
      const prev = byKey.get(key);
      if (prev?.cue || (!prev && byKey.size >= MAX_DEFERRED)) continue;
      const lineage = carriesLineage(s.text);
      const cue = lineage || FIRST_PERSON.test(s.text);
      if (prev && !cue) continue;
      const entry: Deferred = { key, name: m[0], cue };
      if (cue) entry.sentence = s.text.length > MAX_EVIDENCE ? `${s.text.slice(0, MAX_EVIDENCE)}...` : s.text;
      if (lineage) entry.kind = lineageKind(s.text);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()];
}
