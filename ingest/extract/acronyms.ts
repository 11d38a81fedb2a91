// Acronym definitions "Long Form (LF)": Schwartz–Hearst long-form/short-form alignment, extended for
// digit stand-ins ("m2mKD" = module-to-module KD), plural short forms ("SSMs") and version digits ("ViM2").

export interface AcronymDefinition {
  short: string;
  long: string;
  /** Offsets in the sentence: long form start, and the end of the closing parenthesis. */
  start: number;
  end: number;
}

const PAREN = /\(([^()]{1,24})\)/g;
const MAX_SHORT = 12;

/** A plausible short form: 2-12 characters, starts with a letter or digit, has an upper-case letter. */
export function isShortForm(candidate: string): boolean {
  if (candidate.length < 2 || candidate.length > MAX_SHORT) return false;
  if (!/^[\p{L}\p{N}]/u.test(candidate)) return false;
  if (/\s/.test(candidate)) return false;
  if (!/\p{Lu}/u.test(candidate)) return false;
  const letters = candidate.replace(/[^\p{L}]/gu, '');
  return letters.length >= 1;
}

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Schwartz & Hearst (2003): walk the short form right to left, find each character in the long form
 * right to left; the first short-form character must start a word. Returns the long form or undefined.
 */
export function alignLongForm(shortForm: string, text: string): string | undefined {
  const sf = shortForm.toLowerCase();
  const lf = text.toLowerCase();
  let s = sf.length - 1;
  let l = lf.length - 1;
  while (s >= 0) {
    const c = sf[s]!;
    if (!isAlnum(c)) {
      s -= 1;
      continue;
    }
    while (l >= 0 && (lf[l] !== c || (s === 0 && l > 0 && isAlnum(lf[l - 1])))) l -= 1;
    if (l < 0) return undefined;
    l -= 1;
    s -= 1;
  }
  const start = l + 1;
  const long = text.slice(start).trim();
  if (long.length <= shortForm.length) return undefined;
  if (long.toLowerCase().includes(sf)) return undefined;
  return long;
}

const MINOR_WORD = /^(?:of|and|the|for|to|in|on|with|a|an)$/i;

/**
 * The shortest run of words ending the text whose initials spell the short form ("proximal policy
 * optimization" for PPO, where letter-by-letter alignment would stop at "policy optimization"). Minor words
 * may sit inside the run; hyphenated parts count as words.
 */
export function alignInitials(shortForm: string, text: string): string | undefined {
  const letters = shortForm.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters.length !== shortForm.replace(/[^\p{L}\p{N}]/gu, '').length) return undefined;
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  let k = letters.length - 1;
  for (let i = words.length - 1; i >= 0 && k >= 0; i -= 1) {
    const w = words[i]![0];
    if (w[0]!.toLowerCase() === letters[k]) {
      k -= 1;
      if (k < 0) return text.slice(words[i]!.index).trim();
      continue;
    }
    if (!MINOR_WORD.test(w) || k === letters.length - 1) return undefined;
  }
  return undefined;
}

/** Variants of a short form worth aligning: as written, "2"/"4" as "to"/"for", without version digits. */
function shortFormVariants(sf: string): string[] {
  const variants = [sf];
  const spelled = sf.replace(/(?<=\p{L})2(?=\p{L})/gu, 'to').replace(/(?<=\p{L})4(?=\p{L})/gu, 'for');
  if (spelled !== sf) variants.push(spelled);
  const noDigits = sf.replace(/\d+$/, '');
  if (noDigits !== sf && noDigits.length >= 2) variants.push(noDigits);
  return variants;
}

/** All "Long Form (SF)" definitions in one sentence. */
export function findAcronymDefinitions(sentence: string): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (const m of sentence.matchAll(PAREN)) {
    let short = m[1]!.split(/[;,]/)[0]!.trim();
    short = short.replace(/^['"‘“]|['"’”]$/g, '');
    if (!isShortForm(short)) continue;
    // Plural short form: "SSMs", "NACs".
    const singular = /\p{Lu}s$/u.test(short) ? short.slice(0, -1) : short;
    const before = sentence
      .slice(0, m.index)
      .replace(/['"‘’“”]+\s*$/, '')
      .trimEnd();
    const words = before.split(/\s+/);
    const letters = singular.replace(/[^\p{L}\p{N}]/gu, '').length;
    const window = Math.min(letters + 5, letters * 2 + 1);
    const tail = words.slice(-window).join(' ');
    let long: string | undefined;
    for (const variant of shortFormVariants(singular)) {
      long = alignInitials(variant, tail.replace(/^['"‘“]/, '')) ?? alignLongForm(variant, tail.replace(/^['"‘“]/, ''));
      if (long) break;
    }
    if (!long) continue;
    long = long.replace(/^['"‘“]+|['"’”]+$/g, '').trim();
    // Drop leading determiners the alignment may have swallowed ("the Gated ...").
    long = long.replace(/^(?:the|a|an|our|its|their)\s+/i, '');
    if (long.length <= singular.length) continue;
    if (/[()[\]:;]|--|—/.test(long)) continue;
    const start = sentence.lastIndexOf(long, m.index);
    out.push({ short: singular, long, start: start >= 0 ? start : m.index, end: m.index + m[0].length });
  }
  return out;
}
