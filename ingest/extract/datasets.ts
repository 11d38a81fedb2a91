// EVALUATED_ON: datasets and benchmarks a paper mentions, with the sentence that reports the
// evaluation (preferring sentences with evaluation words) as evidence.
import type { SentenceInfo } from './types.js';

export interface DatasetLink {
  target: string;
  sentence: number;
  evidence: string;
  confidence: number;
}

const EVALUATION_CUE =
  /\b(?:evaluat\w*|experiment\w*|benchmark\w*|results?|accuracy|outperform\w*|achiev\w*|test\w*|state-of-the-art|sota|error|scores?|validat\w*|trained on|classification|compar\w*|gains?|improv\w*)\b|%/i;

export function findDatasets(sentences: SentenceInfo[], isDataset: (id: string) => boolean, exclude: Set<string>): DatasetLink[] {
  const best = new Map<string, DatasetLink>();
  for (const s of sentences) {
    for (const m of s.mentions) {
      if (!isDataset(m.id) || exclude.has(m.id)) continue;
      const cue = EVALUATION_CUE.test(s.text);
      const confidence = cue ? 0.9 : s.index === 0 ? 0.7 : 0.6;
      const prev = best.get(m.id);
      if (!prev || prev.confidence < confidence) best.set(m.id, { target: m.id, sentence: s.index, evidence: s.text, confidence });
    }
  }
  return [...best.values()];
}
