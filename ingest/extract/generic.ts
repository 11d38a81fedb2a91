// Generic nouns the annotation guideline says are not entities ("neural network, deep model, LLMs,
// foundation model, backbone, framework"), and the fields, paradigms and generic training stages it says
// are not mentions ("self-supervised / semi-supervised / reinforcement learning", "pre-training,
// fine-tuning"): never a BUILDS_ON target or a USES mention, even when the taxonomy lists them.
import { matchKey } from './keys.js';

const GENERIC_NAMES = [
  'neural network',
  'deep neural network',
  'deep model',
  'large language model',
  'language model',
  'foundation model',
  'backbone',
  'framework',
  'pretrained model',
  'pre-trained model',
];
const PARADIGMS = [
  'continual learning',
  'self-supervised learning',
  'semi-supervised learning',
  'unsupervised learning',
  'supervised learning',
  'reinforcement learning',
  'representation learning',
  'transfer learning',
  'few-shot learning',
  'zero-shot learning',
  'multi-task learning',
  'deep learning',
  'machine learning',
  'natural language processing',
  'pre-training',
  'fine-tuning',
  'training from scratch',
];
const GENERIC_KEYS = new Set([...GENERIC_NAMES, ...PARADIGMS].map(matchKey));

/** True for an entity whose name is a generic noun, a field or paradigm, or a generic training stage. */
export function isGenericEntity(entry: { name: string; aliases: string[] } | undefined): boolean {
  return entry !== undefined && GENERIC_KEYS.has(matchKey(entry.name));
}
