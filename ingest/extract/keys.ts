// Name normalization shared by the extraction steps: node-id slugs, separator-free match keys and
// CamelCase splitting ("MambaMixer" -> "Mamba Mixer").

/** slug = lower-case, non-alphanumerics -> '-' (runs collapsed, ends trimmed). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Separator- and case-free key: "Mixture-of-Experts" and "mixture of experts" share "mixtureofexperts". */
export { nameKey as matchKey } from '../../src/shared/name-key.js';

/** Letters and digits of a name with their case kept: "V-MoE" -> "VMoE". */
export function compactForm(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Splits CamelCase and letter/digit boundaries inside tokens: "sharpDARTS" -> "sharp DARTS". */
export function splitCamel(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2');
}

/**
 * A word written with a capital inside its last two letters ("SimplE", "ComplEx", "ZerO", "ReaL",
 * "TuckER"): a stylised English word, which lower-cased is that word ("a simple model", "zero
 * initialization"). Version suffixes are other tokens ("MobileNetV2" is not one).
 */
const STYLISED_WORD = /^[A-Za-z]*[a-z][A-Z][A-Za-z]?$/;

/**
 * True for names matched only with their own capitalization: short acronym-like names ("KAN", "MoE",
 * "DARTS", "S4") and names with a stylised English word ("SimplE model", "ZerO initialization").
 */
export function isCaseSensitiveAlias(alias: string): boolean {
  if (alias.split(/[^\p{L}\p{N}]+/u).some((token) => STYLISED_WORD.test(token))) return true;
  const compact = compactForm(alias);
  if (compact.length > 5 || compact.length < 2) return false;
  const upper = compact.replace(/[^A-Z]/g, '').length;
  const letters = compact.replace(/[^A-Za-z]/g, '').length;
  return upper >= 2 || (letters > 0 && upper === letters);
}
