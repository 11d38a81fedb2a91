// BUILDS_ON links from a paper's contributions: cue phrases in the same sentence ("based on",
// "extends", ...), names that contain a known entity ("MambaMixer" -> Mamba), and "X, a <E>" is-a appositives.
import { splitCamel } from './keys.js';
import type { AliasMatcher, Mention } from './mentions.js';
import type { Contribution, SentenceInfo } from './types.js';

export interface BuildsOnLink {
  source: string;
  target: string;
  sentence: number;
  evidence: string;
  confidence: number;
  extractor: string;
}

export const CUE =
  /\b(?:based (?:up)?on|builds? (?:up)?on|built (?:up)?on|building (?:up)?on|extends?|extending|an extension of|extensions? of|variants? of|a variation (?:on|of)|inspired by|draws? inspiration from|drawing inspiration from|employs?|employing|combines?|combining|a combination of|instantiations? of|on top of|adapts|adapting|integrat(?:es?|ing)(?!-and)|incorporat(?:es?|ing)|utiliz(?:es?|ing)|generaliz(?:es?|ing)|motivated by the success of|derived from|replac\w*\b[^.;]{0,80}?\bwith)\b/gi;
const FIRST_PERSON = /\b(?:we|our (?:method|approach|model|framework|architecture|system|work|design))\b/i;
const CLAUSE_BREAK = /[;]|\.\s|,|\b(?:of|for|in|while|whereas|where|but|than)\b/i;
const IS_A_HEAD = /^(?:\([^)]*\)\s*)?(?:(?:model|architecture|network|variant|method|layer|unit|module|block)s?)?$/i;
const OBJECT_CUT = /\b(?:that|which|where|whose|to|for|with|inspired by|based on|designed|capable|using|differing)\b|[;:]/i;

export interface BuildsOnOptions {
  /** Taxonomy entities and known contributions (this paper's and other papers'). */
  matcher: AliasMatcher;
  /** Kind of an entity id, to skip datasets. */
  isDataset: (id: string) => boolean;
  /** Also link the title-prefix contribution to entities named in the rest of the title (low confidence). */
  titleTail?: boolean;
}

/** The paper's main contribution: the one its title names, else the first introduced. */
export function primaryContribution(contributions: Contribution[]): Contribution | undefined {
  return contributions.find((c) => c.extractor === 'title-prefix') ?? [...contributions].sort((a, b) => a.sentence - b.sentence)[0];
}

export function findBuildsOn(sentences: SentenceInfo[], contributions: Contribution[], options: BuildsOnOptions): BuildsOnLink[] {
  const { matcher, isDataset } = options;
  const links = new Map<string, BuildsOnLink>();
  const own = new Set(contributions.map((c) => c.id));
  const byId = new Map(contributions.map((c) => [c.id, c]));
  const add = (link: BuildsOnLink) => {
    if (link.source === link.target || isDataset(link.target) || byId.get(link.source)?.kind === 'Dataset') return;
    const key = `${link.source}->${link.target}`;
    const prev = links.get(key);
    if (!prev || prev.confidence < link.confidence) links.set(key, link);
  };
  const primary = primaryContribution(contributions);

  // 1. Names containing a known entity.
  for (const c of contributions) {
    if (c.taxonomyId) continue;
    for (const name of [c.name, ...c.aliases]) {
      for (const target of containedEntities(name, c.id, matcher)) {
        add({ source: c.id, target, sentence: c.sentence, evidence: c.evidence, confidence: 0.8, extractor: 'name-contains' });
      }
    }
  }

  // 2. Cue phrases.
  for (const s of sentences) {
    CUE.lastIndex = 0;
    const cues = [...s.text.matchAll(CUE)];
    if (cues.length === 0) continue;
    const defined = contributions.filter((c) => c.sentence === s.index && !c.taxonomyId);
    for (const cue of cues) {
      const cueStart = cue.index;
      const cueEnd = cue.index + cue[0].length;
      let subjects: Contribution[] = defined;
      if (subjects.length === 0) {
        subjects = s.mentions.filter((m) => m.end <= cueStart && own.has(m.id)).map((m) => byId.get(m.id)!);
      }
      if (subjects.length === 0 && primary && (FIRST_PERSON.test(s.text.slice(0, cueStart)) || (s.index === 0 && primary.extractor === 'title-prefix'))) {
        subjects = [primary];
      }
      if (subjects.length === 0) continue;
      for (const target of targetsAfter(s.text, s.mentions, cueEnd)) {
        for (const subject of subjects) {
          if (subject.id === target || subject.taxonomyId) continue;
          add({ source: subject.id, target, sentence: s.index, evidence: s.text, confidence: 0.85, extractor: 'cue-phrase' });
        }
      }
    }
  }

  // 3. "X, a <...> E" / "X is a <...> E model".
  for (const s of sentences.slice(1)) {
    for (const m of s.mentions) {
      const c = byId.get(m.id);
      if (!c || c.taxonomyId) continue;
      const after = /^\s*(?:\([^)]*\)\s*)?(?:,\s*|\s+is\s+)(?:a|an)\s+/i.exec(s.text.slice(m.end));
      if (!after) continue;
      const rest = s.text.slice(m.end + after[0].length);
      const cut = OBJECT_CUT.exec(rest);
      const d = cut ? rest.slice(0, cut.index) : rest;
      const inner = s.mentions.filter((x) => x.start >= m.end + after[0].length && x.end <= m.end + after[0].length + d.length);
      const last = inner[inner.length - 1];
      if (!last || last.id === c.id) continue;
      const tail = d
        .slice(last.end - (m.end + after[0].length))
        .replace(/^[)\]\s]+/, '')
        .trim()
        .replace(/[,.]+$/, '');
      if (IS_A_HEAD.test(tail)) add({ source: c.id, target: last.id, sentence: s.index, evidence: s.text, confidence: 0.75, extractor: 'is-a' });
    }
  }

  // 4. Title tail: "MambaMixer: Efficient Selective State Space Models ..." (weak).
  if (options.titleTail && primary?.extractor === 'title-prefix' && !primary.taxonomyId) {
    const title = sentences[0];
    const colon = title ? title.text.search(/:\s|\s--?\s/) : -1;
    if (title && colon > 0) {
      for (const m of title.mentions) {
        if (m.start <= colon) continue;
        const before = title.text.slice(Math.max(colon, m.start - 24), m.start);
        if (/\b(?:for|in|on|of|without|beyond|than|vs)\b[^,]*$/i.test(before)) continue;
        add({ source: primary.id, target: m.id, sentence: 0, evidence: title.text, confidence: 0.5, extractor: 'title-tail' });
      }
    }
  }
  return [...links.values()];
}

/** Entities mentioned after a cue up to the end of its clause (the first list of them). */
function targetsAfter(text: string, mentions: Mention[], from: number): string[] {
  const out: string[] = [];
  let last = from;
  for (const m of mentions) {
    if (m.start < from) continue;
    // "RNN-free", "attention-less": named to be excluded.
    if (/^-?(?:free|less)\b/i.test(text.slice(m.end))) continue;
    const gap = text.slice(last, m.start);
    if (out.length > 0 && CLAUSE_BREAK.test(gap)) break;
    if (/[;]|\.\s/.test(gap)) break;
    if (!out.includes(m.id)) out.push(m.id);
    last = m.end;
  }
  return out;
}

/** Entities named inside a name: "Sorted LLaMA" -> LLaMA, "MambaMixer" -> Mamba (CamelCase split). */
export function containedEntities(name: string, selfId: string, matcher: AliasMatcher): string[] {
  const out = new Set<string>();
  const skip = new Set([selfId]);
  const found = matcher.find(name, { skip }).filter((m) => !(m.start === 0 && m.end === name.length));
  const covered: [number, number][] = found.map((m) => [m.start, m.end]);
  for (const m of found) out.add(m.id);
  for (const tok of name.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = tok.index;
    const end = start + tok[0].length;
    if (covered.some(([a, b]) => a <= start && end <= b)) continue;
    const split = splitCamel(tok[0]);
    if (split === tok[0]) continue;
    // Only entities inside one CamelCase part ("Mamba" in "MambaMixer"), never across parts.
    for (const m of matcher.find(split, { skip })) if (!/\s/.test(m.text) && !(m.start === 0 && m.end === split.length)) out.add(m.id);
  }
  out.delete(selfId);
  return [...out];
}
