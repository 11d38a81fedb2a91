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
