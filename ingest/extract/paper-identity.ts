// Paper identity: the normalized title key used to de-duplicate papers across sources, and the
// stable paper node id derived from it.
import { createHash } from 'node:crypto';
import type { PaperRecord } from '../types.js';
import { slug } from './keys.js';

/** Lower-case, accents, LaTeX commands and punctuation removed, single spaces: "m2mkd module to module ...". */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\\[a-zA-Z]+\s*/g, ' ')
    .replace(/[{}$]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const MAX_SLUG = 80;

/**
 * paper:<key>, where key is the slug of the title key (long titles are cut and suffixed with a
 * short hash so ids stay readable and unique). The same title from any source gives the same id.
 */
export function paperId(record: Pick<PaperRecord, 'title'>): string {
  const key = titleKey(record.title);
  const s = slug(key);
  if (s.length <= MAX_SLUG) return `paper:${s || hash(key)}`;
  return `paper:${s.slice(0, MAX_SLUG).replace(/-+$/, '')}-${hash(key)}`;
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 8);
}
