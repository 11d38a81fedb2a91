// The kind (Method, Architecture, Dataset) of a contribution from the words that describe it: the head noun
// of its descriptor ("a novel neural architecture"), of its own name ("Ring Mixer block"), or its suffix ("-Former").
import type { EntityKind, Taxonomy } from '../../taxonomy/taxonomy.js';
import type { AliasMatcher } from '../mentions.js';

export const METHOD_WORDS = new Set(
  'method methods technique techniques approach approaches algorithm algorithms mechanism mechanisms strategy strategies scheme schemes procedure procedures framework frameworks solution solutions paradigm recipe training distillation loss losses objective regularization regularizer search fine-tuning tuning optimization optimizer initialization activation activations function functions modulation parametrization parametrizations parameterization normalization pruning quantization metric protocol pipeline language operations operation learning annealing schedule encoding embedding interpretability'.split(
    ' ',
  ),
);
export const ARCHITECTURE_WORDS = new Set(
  'architecture architectures network networks net nets model models transformer transformers backbone layer layers block blocks unit units neuron neurons encoder encoders decoder decoders module modules system systems mixer mixers operator operators machine machines experts cell cells supernet'.split(
    ' ',
  ),
);
export const DATASET_WORDS = new Set('dataset datasets benchmark benchmarks corpus corpora suite testbed'.split(' '));

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

/** Kind from the head (last word) of a multi-word name, or a taxonomy entity that ends it. */
export function headKind(name: string, taxonomy: Taxonomy, matcher: AliasMatcher): EntityKind | undefined {
  if (!/[\s-]/.test(name)) return undefined;
  const tail = matcher
    .find(name)
    .filter((m) => m.end === name.length && m.start > 0)
    .pop();
  const entry = tail ? taxonomy.get(tail.id) : undefined;
  if (entry && entry.kind !== 'Dataset') return entry.kind;
  const last = (name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).pop() ?? '';
  return kindFromWords(last);
}

export function suffixKind(names: string[]): EntityKind | undefined {
  for (const n of names) {
    if (/(?:former|net|mlp|mixer|kan|transformer|gpt|bert|encoder|moe)\d*(?:-\w+)?$/i.test(n)) return 'Architecture';
    if (/(?:kd|nas|search|tuning|distillation|learning|darts)$/i.test(n)) return 'Method';
  }
  return undefined;
}
