// Generic nouns the annotation guideline says are not entities ("neural network, deep model, LLMs,
// foundation model, backbone, framework"): never a BUILDS_ON target or a USES mention, even when the
// taxonomy lists them as families.
import { matchKey } from './keys.js';

const GENERIC_NAMES = ['neural network', 'deep neural network', 'deep model', 'large language model', 'language model', 'foundation model', 'backbone', 'framework', 'pretrained model', 'pre-trained model'];
const GENERIC_KEYS = new Set(GENERIC_NAMES.map(matchKey));

/** True for an entity whose name or any alias is a generic noun. */
export function isGenericEntity(entry: { name: string; aliases: string[] } | undefined): boolean {
  return entry !== undefined && [entry.name, ...entry.aliases].some((n) => GENERIC_KEYS.has(matchKey(n)));
}
