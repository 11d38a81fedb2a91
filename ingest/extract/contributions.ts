// Named contributions a paper proposes: title prefixes ("Name: ..."), proposal verbs ("we propose X"),
// naming cues ("called X"), appositives ("X, a novel ...") and acronym definitions; typed Method/Architecture/Dataset.
import { entityId, type EntityKind, type Taxonomy } from '../taxonomy/taxonomy.js';
import { matchKey } from './keys.js';
import type { AliasMatcher } from './mentions.js';
import type { Contribution, SentenceInfo } from './types.js';

const METHOD_WORDS = new Set(
  'method methods technique techniques approach approaches algorithm algorithms mechanism mechanisms strategy strategies scheme schemes procedure procedures framework frameworks solution solutions paradigm recipe training distillation loss losses objective regularization regularizer search fine-tuning tuning optimization optimizer initialization activation activations function functions modulation parametrization parametrizations parameterization normalization pruning quantization metric protocol pipeline language operations operation learning annealing schedule encoding embedding interpretability'.split(
    ' ',
  ),
);
const ARCHITECTURE_WORDS = new Set(
  'architecture architectures network networks net nets model models transformer transformers backbone layer layers block blocks unit units neuron neurons encoder encoders decoder decoders module modules system systems mixer mixers operator operators machine machines experts cell cells supernet'.split(
    ' ',
  ),
);
const DATASET_WORDS = new Set('dataset datasets benchmark benchmarks corpus corpora suite testbed'.split(' '));

/** Words after a name that belong to it ("Max-W regularization", "HyperCuboid search space"). */
const NAME_HEADS = /^(?:regularization|search space|loss|distillation|fine-tuning|tuning|initialization|normalization|pooling|attention)\b/i;

const SUBJECT_BEFORE =
  /(?:\b(?:we|i)(?:\s+(?:also|further|then|first|finally|here|therefore|now|additionally|thus|hence|next|instead|carefully|specifically|newly|hereby|thereby))*|\b(?:this|the present|our)\s+(?:paper|work|article|study|letter|thesis)|\bour\s+(?:main\s+|key\s+|primary\s+|first\s+|second\s+|central\s+)?contribution\s+(?:is|introduces))\s+$/i;
const COORDINATED_SUBJECT = /\b(?:we|i)\s+[a-z]+\b[^.;]{0,100}\s+and\s+$/i;
const PROPOSAL_VERB =
  /\b(propos(?:e|es|ed)|introduc(?:e|es|ed)|present(?:s|ed)?|design(?:s|ed)?|construct(?:s|ed)?|dub(?:s|bed)?|develop(?:s|ed)?|describ(?:e|es|ed)|suggest(?:s|ed)?|provid(?:e|es|ed)|offer(?:s|ed)?|build(?:s)?|creat(?:e|es|ed))\b|\bis\b/gi;
const NAMING_CUE = /(?<!\bwhat\s)\b(?:called|named|dubbed|termed|referred to as|we call|we dub|we name|coined)\s+(?:it\s+|them\s+)?(?:as\s+)?(?:the\s+)?/gi;
const FIRST_PERSON = /\b(?:we|our|i|this paper|this work)\b/i;
/** Where the part of an object phrase that names the contribution ends. */
const OBJECT_CUT =
  /\b(?:based on|built on|builds on|inspired by|using|utiliz\w+|via|by|which|that|where|whose|to|for|with|in order|such as|so that|allowing|enabling|designed|capable)\b|[;:]|,\s+(?:which|that|where|a|an|the|and|to)\b/i;

const NAME_STOP = new Set(
  'The A An Our This These That Its Their In On For To Of With And Or But We I It As At By From Two Three Four Five Several Many Some Each First Second Finally However Moreover Furthermore Code Experimental Experiments Extensive Results'.split(
    ' ',
  ),
);

function isNameToken(token: string): boolean {
  const t = token.replace(/^[("'‘“]+|[)"'’”,.;:!?]+$/g, '');
  if (t === '' || NAME_STOP.has(t)) return false;
  if (/^[\p{Lu}\d]/u.test(t) && /\p{L}/u.test(t)) return true;
  return /\p{Ll}\p{Lu}/u.test(t) || (/\d/.test(t) && /\p{Lu}/u.test(t));
}

function isStrongName(name: string): boolean {
  // One token with internal capitals or digits ("SeqBoat", "m2mKD", "L2MU") or several capitalized words.
  const words = name.split(/\s+/);
  if (words.length > 1) return true;
  return /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}|\d|-/u.test(name) || /^\p{Lu}\p{Ll}+$/u.test(name);
}

/** A run of capitalized / CamelCase tokens at the start of `text`, plus a trailing head like "regularization". */
export function leadingName(text: string): string | undefined {
  const trimmed = text.replace(/^\s*(?:the|a|an|our)\s+/i, '').replace(/^['"‘“]/, '');
  const tokens = trimmed.split(/\s+/);
  const taken: string[] = [];
  for (let i = 0; i < tokens.length && taken.length < 6; i += 1) {
    const tok = tokens[i]!;
    if (isNameToken(tok)) {
      taken.push(tok);
      if (/[,;:.!?)"'’”]$/.test(tok)) break;
      continue;
    }
    if ((tok === 'of' || tok === 'for' || tok === 'and') && taken.length > 0 && isNameToken(tokens[i + 1] ?? '') && /^\p{Lu}/u.test(tokens[i + 1] ?? '')) {
      taken.push(tok);
      continue;
    }
    break;
  }
  while (taken.length && ['of', 'for', 'and'].includes(taken[taken.length - 1]!)) taken.pop();
  if (taken.length === 0) return undefined;
  let name = taken.join(' ').replace(/[,;:.!?)"'’”]+$/g, '');
  const rest = trimmed.slice(taken.join(' ').length).replace(/^[,;:.!?)"'’”]*/, '');
  if (!/[,;:.!?)]$/.test(taken[taken.length - 1]!)) {
    const head = NAME_HEADS.exec(rest.trimStart());
    if (head) name = `${name} ${head[0]}`;
  }
  if (name.length > 80 || !/\p{L}/u.test(name)) return undefined;
  return name;
}

/** The kind a descriptor points to: the last kind word wins (the head of a noun phrase comes last). */
export function kindFromWords(text: string, taxonomy?: Taxonomy, matcher?: AliasMatcher): EntityKind | undefined {
  let kind: EntityKind | undefined;
  let at = -1;
  const words = text.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? [];
  let offset = 0;
  const lower = text.toLowerCase();
  for (const w of words) {
    const pos = lower.indexOf(w, offset);
    offset = pos + w.length;
    const bare = w.replace(/-$/, '');
    const k: EntityKind | undefined = DATASET_WORDS.has(bare)
      ? 'Dataset'
      : ARCHITECTURE_WORDS.has(bare)
        ? 'Architecture'
        : METHOD_WORDS.has(bare)
          ? 'Method'
          : undefined;
    if (k) {
      kind = k;
      at = pos;
    }
  }
  if (taxonomy && matcher) {
    for (const m of matcher.find(text)) {
      const entry = taxonomy.get(m.id);
      if (entry && m.end > at && entry.kind !== 'Dataset') {
        kind = entry.kind;
        at = m.end;
      }
    }
  }
  return kind;
}

interface Candidate {
  name: string;
  aliases: string[];
  sentence: number;
  extractor: string;
  confidence: number;
  descriptor: string;
  /** Words before the name ("an activation space Selectable KAN"): weaker evidence of its kind. */
  pre?: string;
  /** Rank of the name's source when choosing the display name (lower wins). */
  nameRank: number;
}

export interface ContributionOptions {
  taxonomy: Taxonomy;
  /** Matches taxonomy names (used to type descriptors and to reject known entities). */
  matcher: AliasMatcher;
}

function descriptorAfter(text: string): string {
  const m = /^\s*\)?\s*,?\s*(?:(?:is|as)\s+)?(?:a|an|the)?\s*/i.exec(text);
  const rest = text.slice(m ? m[0].length : 0);
  const cut = OBJECT_CUT.exec(rest);
  return (cut ? rest.slice(0, cut.index) : rest).slice(0, 120);
}

function titlePrefix(title: string): { name: string; tail: string } | undefined {
  const m = /^(.{1,70}?)(?::\s|\s+--?\s+|\s+—\s+|(?<=\S)-\s+(?=\p{Lu})|,\s+(?:a|an|the)\s)/u.exec(title);
  if (!m) return undefined;
  const name = m[1]!.trim().replace(/^the\s+/i, '');
  return { name, tail: title.slice(m[0].length) };
}

/**
 * Finds the named contributions of one paper. `sentences[0]` is the title. Names that are known
 * taxonomy entries are kept only when the title itself names them (the paper introducing them).
 */
export function findContributions(sentences: SentenceInfo[], options: ContributionOptions): Contribution[] {
  const { taxonomy, matcher } = options;
  const candidates: Candidate[] = [];
  const objects: { sentence: number; text: string }[] = [];
  const title = sentences[0]?.text ?? '';

  // Proposal verbs and naming cues in the abstract.
  for (const s of sentences.slice(1)) {
    PROPOSAL_VERB.lastIndex = 0;
    for (let v = PROPOSAL_VERB.exec(s.text); v; v = PROPOSAL_VERB.exec(s.text)) {
      const before = s.text.slice(Math.max(0, v.index - 140), v.index);
      const isCopula = v[0].toLowerCase() === 'is';
      const subject = isCopula ? /\bcontributions?\s+$/i.test(before) : SUBJECT_BEFORE.test(before);
      const coordinated = !isCopula && /^(?:propos|introduc|present|design)/i.test(v[0]) && COORDINATED_SUBJECT.test(before);
      if (!subject && !coordinated) continue;
      const objectStart = v.index + v[0].length;
      const object = s.text.slice(objectStart).replace(/^\s+/, '');
      if (/^(?:that|to|how|whether|in|on|with)\b/i.test(object)) continue;
      objects.push({ sentence: s.index, text: object });
      const cutAt = OBJECT_CUT.exec(object)?.index ?? object.length;
      // Acronym definitions inside the naming part of the object.
      const offset = s.text.length - object.length;
      let acronymFound = false;
      for (const def of s.acronyms) {
        if (def.start < offset || def.start - offset > Math.max(cutAt, 0) + 1) continue;
        if (def.start - offset > cutAt) continue;
        acronymFound = true;
        candidates.push({
          name: def.long,
          aliases: [def.short],
          sentence: s.index,
          extractor: 'proposal-acronym',
          confidence: 0.9,
          descriptor: descriptorAfter(s.text.slice(def.end)),
          pre: s.text.slice(offset, def.start),
          nameRank: 2,
        });
      }
      // "we introduce NN-Factory, an ..." / "the L2MU, a ..." / "Differentiable ... Search and the HyperCuboid search space".
      const lead = leadingName(object);
      if (lead && !acronymFound) {
        const after = object.slice(object.indexOf(lead) + lead.length);
        if (/^\s*(?:[,.(;:]|$|which\b|that\b|to\b|and\b|as\b|is\b|for\b|with\b|utiliz|in\b)/i.test(after) || NAME_HEADS.test(lead.split(' ').pop() ?? '')) {
          candidates.push({ name: lead, aliases: [], sentence: s.index, extractor: 'proposal-name', confidence: 0.8, descriptor: descriptorAfter(after), nameRank: 3 });
          const second = /^\s*and\s+(?:the\s+)?(.*)$/i.exec(after);
          const lead2 = second ? leadingName(second[1]!) : undefined;
          if (lead2) {
            const after2 = second![1]!.slice(second![1]!.indexOf(lead2) + lead2.length);
            candidates.push({ name: lead2, aliases: [], sentence: s.index, extractor: 'proposal-name', confidence: 0.7, descriptor: descriptorAfter(after2), nameRank: 3 });
          }
        }
      }
      // "a novel neural architecture, SeqBoat, which ..."
      const appositive = /^(?:a|an|the)\s+([^,.;()]{3,90}?),\s+(.+)$/i.exec(object);
      if (appositive) {
        const name = leadingName(appositive[2]!);
        if (name && isStrongName(name)) {
          const after = appositive[2]!.slice(appositive[2]!.indexOf(name) + name.length);
          if (/^\s*(?:,|\.|$|which\b|that\b|to\b)/i.test(after)) {
            candidates.push({ name, aliases: [], sentence: s.index, extractor: 'proposal-appositive', confidence: 0.85, descriptor: appositive[1]!, nameRank: 3 });
          }
        }
      }
    }
    if (FIRST_PERSON.test(s.text)) {
      NAMING_CUE.lastIndex = 0;
      for (let c = NAMING_CUE.exec(s.text); c; c = NAMING_CUE.exec(s.text)) {
        const rest = s.text.slice(c.index + c[0].length);
        const before = s.text.slice(Math.max(0, c.index - 100), c.index);
        const descriptor = before.split(/[,;(]|\bthat\b|\bwhich\b/).pop() ?? '';
        const def = s.acronyms.find((d) => d.start >= c!.index + c![0].length - 1 && d.start <= c!.index + c![0].length + 2);
        if (def) {
          candidates.push({ name: def.long, aliases: [def.short], sentence: s.index, extractor: 'naming-cue', confidence: 0.85, descriptor, nameRank: 2 });
          continue;
        }
        const quoted = /^['"‘“]([^'"’”]{2,60})['"’”]/.exec(rest);
        let name = quoted?.[1] ?? leadingName(rest);
        if (!name) {
          const lower = /^([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})(?=\s*(?:[,.;)]|\s+(?:to|for|which|that)\b))/.exec(rest);
          name = lower?.[1];
        }
        if (name) candidates.push({ name, aliases: [], sentence: s.index, extractor: 'naming-cue', confidence: 0.85, descriptor, nameRank: 3 });
      }
    }
    // "X, a novel ..." anywhere.
    for (const m of s.text.matchAll(/(?:^|[.;:]\s+|\s)([\p{L}\p{N}][\p{L}\p{N}-]*(?:\s+[\p{Lu}][\p{L}\p{N}-]*){0,3}),\s+(?:a|an)\s+(?:novel|new)\b([^,.;]*)/gu)) {
      const name = m[1]!;
      if (isStrongName(name) && isNameToken(name.split(/\s+/)[0]!)) {
        candidates.push({ name, aliases: [], sentence: s.index, extractor: 'novel-appositive', confidence: 0.75, descriptor: m[2]!, nameRank: 3 });
      }
    }
  }

  // Acronyms defined in the title ("... Using Sorted Fine-Tuning (SoFT)").
  for (const def of sentences[0]?.acronyms ?? []) {
    candidates.push({ name: def.long, aliases: [def.short], sentence: 0, extractor: 'title-acronym', confidence: 0.8, descriptor: def.long, nameRank: 2 });
  }

  // Title prefix "Name: ...".
  const prefix = titlePrefix(title);
  let prefixCandidate: Candidate | undefined;
  if (prefix) {
    const words = prefix.name.split(/\s+/);
    const key = matchKey(prefix.name);
    const firstWord = words[0] ?? '';
    const plausible = words.length <= 5 && !/ing$/i.test(firstWord) && isNameToken(firstWord) && key.length >= 2;
    if (plausible) {
      let confirmedAt: number | undefined;
      const sameThing = (k: string) => k === key || (k.length >= 6 && key.startsWith(k) && k.length >= key.length * 0.6);
      const extraAliases: string[] = [];
      let descriptor = '';
      for (const c of candidates) {
        if ([c.name, ...c.aliases].map(matchKey).some(sameThing)) {
          confirmedAt ??= c.sentence;
          extraAliases.push(c.name, ...c.aliases);
        }
      }
      for (const s of sentences.slice(1)) {
        for (const def of s.acronyms) {
          if (!sameThing(matchKey(def.long)) || taxonomy.resolve(def.short)) continue;
          confirmedAt ??= s.index;
          extraAliases.push(def.long, def.short);
          descriptor ||= descriptorAfter(s.text.slice(def.end));
        }
      }
      for (const o of objects) {
        const bare = o.text.replace(/^(?:the|a|an)\s+/i, '');
        if (confirmedAt !== undefined || !matchKey(bare).startsWith(key)) continue;
        confirmedAt = o.sentence;
        descriptor = descriptorAfter(bare.split(/\s+/).slice(words.length).join(' '));
      }
      const mentionsKnown = matcher.find(prefix.name).some((m) => m.end - m.start < prefix.name.length);
      const single = words.length === 1 && isStrongName(prefix.name);
      if (single || confirmedAt !== undefined || mentionsKnown) {
        // Evidence: the abstract sentence that names it, else the title.
        const evidenceAt = confirmedAt ?? sentences.findIndex((s, i) => i > 0 && s.text.toLowerCase().includes(prefix.name.toLowerCase()));
        prefixCandidate = {
          name: prefix.name,
          aliases: [...new Set(extraAliases)].filter((a) => a !== prefix.name),
          sentence: evidenceAt > 0 ? evidenceAt : 0,
          extractor: 'title-prefix',
          confidence: single || confirmedAt !== undefined ? 0.9 : 0.75,
          descriptor,
          nameRank: 1,
        };
        candidates.unshift(prefixCandidate);
      }
    }
  }

  // Merge candidates sharing a name or alias key.
  const groups: Candidate[][] = [];
  for (const c of candidates) {
    const keys = new Set([c.name, ...c.aliases].map(matchKey));
    const group = groups.find((g) => g.some((o) => [o.name, ...o.aliases].some((n) => keys.has(matchKey(n)))));
    if (group) group.push(c);
    else groups.push([c]);
  }

  const fallbackDescriptor = objects.map((o) => o.text.split(OBJECT_CUT)[0] ?? '').find((t) => /^(?:a|an)\s/i.test(t)) ?? '';
  const titleTail = prefix?.tail ?? '';
  const out: Contribution[] = [];
  const seenIds = new Set<string>();
  for (const group of groups) {
    group.sort((a, b) => a.nameRank - b.nameRank || b.confidence - a.confidence);
    const best = group[0]!;
    const byLower = new Map<string, string>();
    for (const n of group.flatMap((c) => [c.name, ...c.aliases]).map((x) => x.trim())) if (!byLower.has(n.toLowerCase())) byLower.set(n.toLowerCase(), n);
    const names = [...byLower.values()];
    const name = best.name;
    const fromTitle = group.some((c) => c.extractor === 'title-prefix');
    const known = names.map((n) => taxonomy.resolve(n)).find((e) => e !== undefined);
    if (known && !fromTitle) continue;
    if (names.every((n) => !isStrongName(n) && !group.some((c) => c.extractor === 'naming-cue' || c.extractor === 'title-prefix'))) continue;
    // Introduced where a non-title rule found it (more informative evidence), else where the best rule did.
    const introduced = group.find((c) => c.sentence > 0) ?? best;
    let kind: EntityKind;
    if (known) kind = known.kind;
    else {
      const descriptors = group.map((c) => c.descriptor).filter((d) => d.trim() !== '');
      const pres = group.map((c) => c.pre ?? '').filter((d) => d.trim() !== '');
      kind =
        descriptors.map((d) => kindFromWords(d, taxonomy, matcher)).find((k) => k !== undefined) ??
        names.map((n) => headKind(n, taxonomy, matcher)).find((k) => k !== undefined) ??
        pres.map((d) => kindFromWords(d, taxonomy, matcher)).find((k) => k !== undefined) ??
        suffixKind(names) ??
        (fallbackDescriptor ? kindFromWords(fallbackDescriptor, taxonomy, matcher) : undefined) ??
        (fromTitle ? kindFromWords(titleTail, taxonomy, matcher) : undefined) ??
        'Method';
    }
    const id = known ? known.id : entityId(kind, name);
    if (seenIds.has(id)) continue;
    seenIds.add(id);
    const evidenceSentence = sentences[introduced.sentence]?.text ?? title;
    out.push({
      id,
      name: known ? known.name : name,
      aliases: names.filter((n) => n.toLowerCase() !== name.toLowerCase()),
      kind,
      sentence: introduced.sentence,
      evidence: evidenceSentence,
      extractor: best.extractor,
      confidence: Math.max(...group.map((c) => c.confidence)),
      descriptor: group.map((c) => c.descriptor).join(' | '),
      ...(known ? { taxonomyId: known.id } : {}),
    });
  }
  return out;
}

/** Kind from the head (last word) of a multi-word name, or a taxonomy entity that ends it. */
function headKind(name: string, taxonomy: Taxonomy, matcher: AliasMatcher): EntityKind | undefined {
  if (!/[\s-]/.test(name)) return undefined;
  const tail = matcher.find(name).filter((m) => m.end === name.length && m.start > 0).pop();
  const entry = tail ? taxonomy.get(tail.id) : undefined;
  if (entry && entry.kind !== 'Dataset') return entry.kind;
  const last = (name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).pop() ?? '';
  return kindFromWords(last);
}

function suffixKind(names: string[]): EntityKind | undefined {
  for (const n of names) {
    if (/(?:former|net|mlp|mixer|kan|transformer|gpt|bert|encoder|moe)\d*(?:-\w+)?$/i.test(n)) return 'Architecture';
    if (/(?:kd|nas|search|tuning|distillation|learning|darts)$/i.test(n)) return 'Method';
  }
  return undefined;
}
