// Splits an Atom feed into its <entry> elements in one linear pass, with each entry's line, so
// each entry is validated and parsed on its own: a broken or truncated entry costs only itself.

export interface AtomEntryBlock {
  /** Character offsets of `<entry` and just past `</entry>` (or where the entry was cut off). */
  start: number;
  end: number;
  /** 1-based line of `<entry`. */
  line: number;
  /** How the entry ends: closed, cut off by the end of the file, or by another `<entry`. */
  ending: 'closed' | 'eof' | 'next-entry';
}

export interface AtomLayout {
  entries: AtomEntryBlock[];
  /** Text before the first entry (the feed's own elements), or all of it when there is none. */
  header: string;
  /** Text after the last entry. */
  trailer: string;
}

const OUTSIDE = /<entry(?=[\s>/])|<!--|<!\[CDATA\[/g;
const INSIDE = /<\/entry\s*>|<entry(?=[\s>/])|<!--|<!\[CDATA\[/g;
const SELF_CLOSING = /<entry\s*\/>/y;

/** Offset just past the comment or CDATA section opening at `at` (the end of the text if unclosed). */
function skipSpecial(src: string, at: number, opener: string): number {
  const closer = opener === '<!--' ? '-->' : ']]>';
  const end = src.indexOf(closer, at + opener.length);
  return end < 0 ? src.length : end + closer.length;
}

/** Finds the end of the entry opening at `start`. */
function entryEnd(src: string, start: number): { end: number; ending: AtomEntryBlock['ending'] } {
  SELF_CLOSING.lastIndex = start;
  if (SELF_CLOSING.test(src)) return { end: SELF_CLOSING.lastIndex, ending: 'closed' };
  INSIDE.lastIndex = start + 1;
  for (let m = INSIDE.exec(src); m; m = INSIDE.exec(src)) {
    if (m[0] === '<!--' || m[0] === '<![CDATA[') {
      INSIDE.lastIndex = skipSpecial(src, m.index, m[0]);
    } else if (m[0].startsWith('</')) {
      return { end: m.index + m[0].length, ending: 'closed' };
    } else {
      return { end: m.index, ending: 'next-entry' };
    }
  }
  return { end: src.length, ending: 'eof' };
}

/** The entries of a feed, its header and its trailer. */
export function atomLayout(src: string): AtomLayout {
  const entries: AtomEntryBlock[] = [];
  let line = 1;
  let counted = 0;
  const lineOf = (offset: number): number => {
    for (let i = src.indexOf('\n', counted); i >= 0 && i < offset; i = src.indexOf('\n', i + 1)) line += 1;
    counted = Math.max(counted, offset);
    return line;
  };
  let pos = 0;
  for (;;) {
    OUTSIDE.lastIndex = pos;
    const m = OUTSIDE.exec(src);
    if (!m) break;
    if (m[0] !== '<entry') {
      pos = skipSpecial(src, m.index, m[0]);
      continue;
    }
    const { end, ending } = entryEnd(src, m.index);
    entries.push({ start: m.index, end, line: lineOf(m.index), ending });
    pos = end;
  }
  const first = entries[0];
  const last = entries[entries.length - 1];
  return { entries, header: src.slice(0, first ? first.start : src.length), trailer: last ? src.slice(last.end) : '' };
}

/** 1-based line of the end of the text (where a truncated file stops). */
export function lastLine(src: string): number {
  let line = 1;
  for (let i = src.indexOf('\n'); i >= 0 && i < src.length - 1; i = src.indexOf('\n', i + 1)) line += 1;
  return line;
}
