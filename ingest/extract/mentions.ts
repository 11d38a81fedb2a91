// Whole-word alias matching for taxonomy entries and discovered contributions: one character trie
// over separator-free lower-case keys, walked from each token start (case, hyphen, space, plural tolerant).
import { compactForm, isCaseSensitiveAlias, matchKey } from './keys.js';

export interface Mention {
  id: string;
  /** Character offsets in the searched text. */
  start: number;
  end: number;
  text: string;
}

interface Terminal {
  id: string;
  /** For acronym-like aliases: the exact letters and digits the text must show ("MoE"). */
  exact?: string;
  /**
   * A one-word CamelCase alias ("FastSpeech", "DeepWalk"): written with spaces its words are ordinary
   * English ("a fast speech model", "a deep walk"), so it matches only without them.
   */
  oneWord?: boolean;
}

/** One word with a capital inside it, after a lower-case letter, and no separators: "FastSpeech". */
const CAMEL_WORD = /^[\p{L}\p{N}]*\p{Ll}\p{Lu}[\p{L}\p{N}]*$/u;

interface TrieNode {
  next: Map<number, TrieNode>;
  terminals?: Terminal[];
}

interface Token {
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+|\b[\w.-]+\.(?:com|org|io|co|net)\/\S*/gi;

/** Masks URLs with spaces so aliases never match inside them. */
export function maskUrls(text: string): string {
  return text.replace(URL_LIKE, (m) => ' '.repeat(m.length));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) tokens.push({ start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** Tokens may be joined into one alias across spaces, hyphens and slashes, and '.' between digits. */
function joinable(text: string, a: Token, b: Token): boolean {
  const gap = b.start - a.end;
  if (gap === 0) return true;
  if (gap > 2) return false;
  const between = text.slice(a.end, b.start);
  if (/^[\s\-/–]+$/.test(between)) return true;
  return between === '.' && /\d/.test(text[a.end - 1] ?? '') && /\d/.test(text[b.start] ?? '');
}

export class AliasMatcher {
  private readonly root: TrieNode = { next: new Map() };
  private readonly ids = new Set<string>();

  constructor(entries: Iterable<{ id: string; name: string; aliases: string[] }> = []) {
    for (const entry of entries) this.add(entry.id, [entry.name, ...entry.aliases]);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Adds names for an id; a key already owned by another id keeps its first owner. */
  add(id: string, names: string[], options: { exact?: boolean } = {}): void {
    this.ids.add(id);
    for (const name of names) {
      const key = matchKey(name);
      if (key.length < 2 && !/\d/.test(key)) continue;
      let node = this.root;
      for (let i = 0; i < key.length; i += 1) {
        const code = key.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) {
          child = { next: new Map() };
          node.next.set(code, child);
        }
        node = child;
      }
      const terminal: Terminal = options.exact || isCaseSensitiveAlias(name) ? { id, exact: compactForm(name) } : { id };
      if (CAMEL_WORD.test(name.trim())) terminal.oneWord = true;
      node.terminals ??= [];
      const same = node.terminals.find((t) => t.id === id && t.exact === terminal.exact);
      if (same) {
        // The name is also listed with its spaces ("Fast Speech"): then spaced text names it too.
        if (!terminal.oneWord) delete same.oneWord;
        continue;
      }
      if (!terminal.exact && node.terminals.some((t) => !t.exact && t.id !== id)) continue;
      node.terminals.push(terminal);
    }
  }

  /** Longest non-overlapping whole-word matches, left to right. */
  find(text: string, options: { skip?: ReadonlySet<string> } = {}): Mention[] {
    const skip = options.skip;
    const masked = maskUrls(text);
    let lower = masked.toLowerCase();
    if (lower.length !== masked.length) lower = masked.replace(/[^\s]/g, (c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c));
    const tokens = tokenize(masked);
    const out: Mention[] = [];
    let i = 0;
    while (i < tokens.length) {
      const best = this.longestAt(masked, lower, tokens, i, skip);
      if (best) {
        out.push({ id: best.id, start: tokens[i]!.start, end: best.end, text: text.slice(tokens[i]!.start, best.end) });
        i = best.nextToken;
      } else i += 1;
    }
    return out;
  }

  private longestAt(
    text: string,
    lower: string,
    tokens: Token[],
    first: number,
    skip: ReadonlySet<string> | undefined,
  ): { id: string; end: number; nextToken: number } | undefined {
    let node: TrieNode | undefined = this.root;
    let best: { id: string; end: number; nextToken: number } | undefined;
    let spaced = false;
    for (let t = first; t < tokens.length && node; t += 1) {
      const tok = tokens[t]!;
      if (t > first && !joinable(text, tokens[t - 1]!, tok)) break;
      if (t > first && /\s/.test(text.slice(tokens[t - 1]!.end, tok.start))) spaced = true;
      for (let c = tok.start; c < tok.end && node; c += 1) {
        // Plural: the alias ends one or two letters before the token does ("SSMs", "approaches").
        const rest = tok.end - c;
        if (node.terminals && c > tok.start && rest <= 2) {
          const suffix = lower.slice(c, tok.end);
          if (suffix === 's' || suffix === 'es') {
            const hit = this.accept(node.terminals, text, tokens, first, t, c, skip, spaced);
            if (hit && (!best || tok.end > best.end)) best = { id: hit, end: tok.end, nextToken: t + 1 };
          }
        }
        node = node.next.get(lower.charCodeAt(c));
      }
      if (node?.terminals) {
        const hit = this.accept(node.terminals, text, tokens, first, t, tok.end, skip, spaced);
        if (hit && (!best || tok.end >= best.end)) best = { id: hit, end: tok.end, nextToken: t + 1 };
      }
    }
    return best;
  }

  private accept(
    terminals: Terminal[],
    text: string,
    tokens: Token[],
    first: number,
    last: number,
    end: number,
    skip: ReadonlySet<string> | undefined,
    spaced: boolean,
  ): string | undefined {
    let loose: string | undefined;
    let compact: string | undefined;
    for (const terminal of terminals) {
      if (skip?.has(terminal.id) || (spaced && terminal.oneWord)) continue;
      if (!terminal.exact) {
        loose ??= terminal.id;
        continue;
      }
      compact ??= compactSpan(text, tokens, first, last, end);
      if (compact === terminal.exact) return terminal.id;
    }
    return loose;
  }
}

function compactSpan(text: string, tokens: Token[], first: number, last: number, end: number): string {
  let out = '';
  for (let t = first; t <= last; t += 1) {
    const tok = tokens[t]!;
    out += text.slice(tok.start, t === last ? end : tok.end);
  }
  return out;
}
