// Sentence patterns shared by the extraction steps: who speaks (first person), where the naming part of an
// object phrase ends, and how the paper refers back to its own contribution. None of them is global (/g),
// so no caller has to reset lastIndex.

/** The authors speaking: "we", "our", "I", "this paper/work". */
export const FIRST_PERSON = /\b(?:we|our|i|this (?:paper|work|note|article|study))\b/i;

/** Where the part of an object phrase that names a contribution ends ("X based on Y", "X, which ..."). */
export const OBJECT_CUT =
  /\b(?:based on|built on|builds on|inspired by|using|utiliz\w+|via|by|which|that|where|whose|to|for|with|in order|such as|so that|allowing|enabling|designed|capable)\b|[;:]|,\s+(?:which|that|where|a|an|the|and|to)\b/i;

/** Phrases that refer back to the paper's own contribution ("our model", "the proposed method", "it"). */
export const SELF_REFERENCE =
  /\b(?:(?:our|the proposed|the new|the resulting|this|the presented)\s+(?:\w+[\s-]){0,2}?(?:method|approach|model|models|framework|architecture|network|algorithm|system|design|technique|module|layer|block|mechanism|scheme|variant|family)s?|it|we)\b/i;
