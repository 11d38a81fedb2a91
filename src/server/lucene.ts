// Turns what a user types into a safe Lucene query for the `node_text` full-text index: words are
// split like the index's analyzer splits them, lower-cased, escaped, and matched whole or as prefixes.

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every Lucene query-syntax character. */
export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

/** The words of a query as the standard analyzer sees them: runs of letters and digits, lower-cased. */
export function searchTerms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/**
 * Every word must match, either whole (boosted) or as a prefix, so "mamb" finds Mamba and
 * MambaMixer and "knowledge dist" finds knowledge distillation; the whole phrase boosts further,
 * and the words run together also match ("m2m kd" finds m2mKD). Undefined when there is no word.
 */
export function toLuceneQuery(text: string): string | undefined {
  const terms = searchTerms(text).map(escapeLucene);
  if (terms.length === 0) return undefined;
  const each = terms.map((t) => `(${t}^2 OR ${t}*)`);
  if (terms.length === 1) return each[0];
  const joined = terms.join('');
  return `(${each.map((c) => `+${c}`).join(' ')}) OR "${terms.join(' ')}"^4 OR ${joined}^2 OR ${joined}*`;
}

export { nameKey } from '../shared/name-key.js';
