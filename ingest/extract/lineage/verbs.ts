// Lineage verbs by what they say about the link (the BUILDS_ON kinds of the guideline). The subject of the
// verb must be the paper's contribution; its targets are the entities in the verb's clause.
import type { BuildsOnKind } from '../../../src/shared/graph.js';

export interface LineageVerb {
  kind: BuildsOnKind;
  /** Matched with matchAll (which copies the regex, so no lastIndex is shared). */
  pattern: RegExp;
  /** Targets may stand inside the verb phrase ("introduces cross-attention into the model"). */
  inside?: boolean;
  /** Only when the contribution itself is named as subject ("MobileNetV2 uses ..."), never "we use". */
  namedSubjectOnly?: boolean;
}

export const LINEAGE_VERBS: LineageVerb[] = [
  {
    kind: 'extends',
    pattern:
      /\b(?:extend(?:s|ed|ing)?|an extension of|extensions? of|improv(?:e|es|ed|ing)(?!\s+over)(?:\s+(?:up)?on)?|modif(?:y|ies|ied|ying)|re-?design(?:s|ed|ing)?|generali[sz](?:e|es|ed|ing)|a generali[sz]ation of|enhanc(?:e|es|ed|ing)|moderni[sz](?:e|es|ed|ing)|revis(?:e|es|ed|ing)|build(?:s|ing)? (?:up)?on|built (?:up)?on|based (?:up)?on|on top of|inspired by|draws? inspiration from|drawing inspiration from|derived? from|derives? from|augment(?:s|ed|ing)?)\b/gi,
  },
  {
    kind: 'variant',
    pattern:
      /\b(?:(?:is|are|as) (?:a|an) (?:[\w-]+ ){0,3}?(?:variant|version|instance|instantiation|form|kind|type|class|family|special case) of|variants? of|instantiat(?:es|ing|ion of)|a (?:new )?(?:form|kind|type|version|variant|family|class) of)\b/gi,
  },
  {
    kind: 'component',
    pattern:
      /\b(?:(?:built|constructed|composed|assembled|made) (?:entirely |solely )?(?:from|of|with)|consist(?:s|ing)? of|compris(?:e|es|ing)|incorporat(?:e|es|ed|ing)|integrat(?:e|es|ed|ing)(?!-and)|employ(?:s|ed|ing)?|utili[sz](?:e|es|ed|ing)|leverag(?:e|es|ed|ing)|equipped with|replac\w*\b[^.;]{0,80}?\bwith)\b/gi,
  },
  {
    kind: 'component',
    pattern: /\b(?:inject(?:s|ed|ing)?|insert(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|add(?:s|ed|ing)?)\b[^.;]{0,60}?\binto\b/gi,
    inside: true,
  },
  { kind: 'component', pattern: /\b(?:uses|relies on|adopts)\b/gi, namedSubjectOnly: true },
  {
    kind: 'combines',
    pattern: /\b(?:combin(?:e|es|ed|ing)|a combination of|unif(?:y|ies|ied|ying)|a hybrid of|merg(?:e|es|ed|ing))\b/gi,
    inside: true,
  },
  { kind: 'adapts', pattern: /\b(?:adapt(?:s|ed|ing)?|transfer(?:s|red|ring)?)\b/gi },
  { kind: 'distilled', pattern: /\b(?:distill?(?:s|ed|ing)?(?: from)?|fine-?tun(?:e|es|ed|ing))\b/gi },
];

/** Whether a sentence uses any lineage verb (String.search ignores the regex's lastIndex). */
export function carriesLineage(text: string): boolean {
  return LINEAGE_VERBS.some((v) => text.search(v.pattern) >= 0);
}

/** The kind of the first lineage verb in a sentence, for links made without a resolved clause. */
export function lineageKind(text: string): BuildsOnKind {
  let best: { at: number; kind: BuildsOnKind } | undefined;
  for (const v of LINEAGE_VERBS) {
    const at = text.search(v.pattern);
    if (at >= 0 && (!best || at < best.at)) best = { at, kind: v.kind };
  }
  return best?.kind ?? 'extends';
}
