// The reference scoring's normalisation of names, titles and code URLs (extraction-dev README, "Measuring").

/**
 * Lowercase; dashes, underscores, slashes and runs of spaces become one space; characters other than
 * letters, digits, spaces, '.', '+', '!' are dropped; one trailing 's' is dropped from strings longer
 * than 3 characters that do not end in 'ss'.
 */
export function normalizeName(name: string): string {
  let s = name
    .toLowerCase()
    .replace(/[-_/\u2010-\u2015\s]+/g, ' ')
    .replace(/[^\p{L}\p{N} .+!]/gu, '')
    .replace(/ +/g, ' ')
    .trim();
  if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  return s;
}

/** Papers are paired by title as lowercase letters and digits only. */
export function normalizeTitle(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Code URLs lowercased without scheme, `www.`, trailing '/', '.git' or trailing punctuation. */
export function normalizeUrl(url: string): string {
  let s = url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '');
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s
      .replace(/[.,;:!?)\]}'"]+$/, '')
      .replace(/\/+$/, '')
      .replace(/\.git$/, '');
  }
  return s;
}
