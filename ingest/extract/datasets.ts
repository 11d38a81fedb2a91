// EVALUATED_ON: datasets and benchmarks a paper mentions, with the sentence that reports the
// evaluation (preferring sentences with evaluation words) as evidence.
import type { SentenceInfo } from './types.js';

export interface DatasetLink {
  target: string;
  sentence: number;
  evidence: string;
  confidence: number;
  /** The evidence sentence has evaluation words. */
  cue: boolean;
}

const EVALUATION_CUE =
  /\b(?:evaluat\w*|experiment\w*|benchmark\w*|results?|accuracy|outperform\w*|achiev\w*|test\w*|state-of-the-art|sota|error|scores?|validat\w*|trained on|classification|compar\w*|gains?|improv\w*)\b|%/i;

/** Smoothed precision of dataset mentions (63/65 on dev + default corpus), measured by `npm run eval`. */
export const DATASET_MENTION_PRECISION = 0.96;

export function findDatasets(sentences: SentenceInfo[], isDataset: (id: string) => boolean, exclude: Set<string>): DatasetLink[] {
  const best = new Map<string, DatasetLink>();
  for (const s of sentences) {
    for (const m of s.mentions) {
      if (!isDataset(m.id) || exclude.has(m.id)) continue;
      // The evidence is the sentence that reports the evaluation when there is one.
      const cue = EVALUATION_CUE.test(s.text);
      const prev = best.get(m.id);
      if (!prev || (cue && !prev.cue))
        best.set(m.id, { target: m.id, sentence: s.index, evidence: s.text, confidence: DATASET_MENTION_PRECISION, cue });
    }
  }
  return [...best.values()];
}

/** A dataset the text names by its own head noun ("the Picasso Dataset", "the FooBench-2 benchmark"). */
export interface NamedDataset {
  name: string;
  aliases: string[];
  evidence: string;
  /** The evidence sentence has evaluation words (preferred, as for known datasets). */
  cue: boolean;
}

/** Smoothed precision of datasets named by their head noun (3/3 on dev + default corpus), measured by `npm run eval`. */
export const NAMED_DATASET_PRECISION = 0.8;

const NAME_TOKEN = String.raw`[\p{Lu}\d][\p{L}\d]*(?:[-'][\p{L}\d]+)*`;
/** "<Name> Dataset" with a capitalised head, or "the <Name> dataset/benchmark" (one item, not "datasets"). */
const NAMED_HEAD = new RegExp(
  String.raw`(?<=^|[\s(,])(?:(the)\s+)?(${NAME_TOKEN}(?:\s+${NAME_TOKEN}){0,3})\s+(Dataset|Benchmark|Corpus|dataset|benchmark|corpus)\b(?![-\p{L}])`,
  'gu',
);
/** First words that open a sentence or describe rather than name ("This dataset", "Large Benchmark"). */
const NOT_A_NAME =
  /^(?:the|this|that|these|those|our|a|an|each|every|any|one|two|three|new|novel|large|small|public|standard|popular|existing|real|synthetic|english|chinese|multilingual|nlp|cv|in|on|for|with|from|by|to|we|it)$/i;

/** Whether a name names something rather than describing it: a capital, digit or hyphen inside, or several words. */
function nameLike(name: string): boolean {
  return /\s|\d|-|\p{Ll}\p{Lu}|\p{Lu}{2}/u.test(name.slice(1)) && !/^\p{Lu}{1,3}$/u.test(name);
}

/**
 * Datasets no vocabulary knows, named with their head noun. A capitalised head ("the People-Art Dataset")
 * names one; a lowercase head needs "the" and a name-like name ("the FooBench-2 benchmark"), or a name the
 * vocabulary knows as something else ("the Vicuna benchmark" is not the Vicuna model).
 */
export function findNamedDatasets(sentences: SentenceInfo[], resolve: (name: string) => string | undefined): NamedDataset[] {
  const out = new Map<string, NamedDataset>();
  for (const s of sentences.slice(1)) {
    for (const m of s.text.matchAll(NAMED_HEAD)) {
      const [, article, name, head] = m as unknown as [string, string | undefined, string, string];
      if (NOT_A_NAME.test(name.split(/\s+/)[0]!)) continue;
      // Part of a longer known name ("Abstraction and Reasoning Corpus", "... Dataset Collection").
      const start = m.index + m[0].indexOf(name);
      const end = m.index + m[0].length;
      if (s.mentions.some((x) => x.start < end && x.end > start && (x.start < start || x.end > end))) continue;
      const known = resolve(name);
      if (known?.startsWith('dataset:')) continue;
      const titled = /^\p{Lu}/u.test(head);
      if (!titled && !(article && (nameLike(name) || known !== undefined))) continue;
      const full = `${name} ${head[0]!.toUpperCase()}${head.slice(1)}`;
      if (resolve(full)) continue;
      const key = full.toLowerCase();
      const cue = EVALUATION_CUE.test(s.text);
      const prev = out.get(key);
      if (prev && (prev.cue || !cue)) continue;
      out.set(key, { name: full, aliases: known ? [] : [name], evidence: s.text, cue });
    }
  }
  return [...out.values()];
}
