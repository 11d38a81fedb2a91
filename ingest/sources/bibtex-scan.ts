// Splits BibTeX text into its @-blocks in one linear pass (with each block's line), and reads a
// block's `name = value # value` fields far enough to see which @string macros they use and how
// long they expand — before @retorquere/bibtex-parser decodes them.

/** One `@type{...}` or `@type(...)` block of the file. */
export interface BibBlock {
  /** Lower-cased block type: "article", "string", "comment", ... */
  type: string;
  /** Character offsets of the `@` and just past the closing delimiter (or the cut-off point). */
  start: number;
  end: number;
  /** 1-based line of the `@`. */
  line: number;
  /** The text after the opening delimiter, without the closing one, and where it starts. */
  body: string;
  bodyStart: number;
  /** False when the file (or the next block at the start of a line) cut the block off. */
  terminated: boolean;
}

const BLOCK_START = /@[ \t\r\n]*([A-Za-z][\w-]*)[ \t\r\n]*([{(])/y;
const NEXT_BLOCK_AT_LINE_START = /[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/y;
const SPECIAL = /[@%\n]/g;
const IN_BLOCK = /[{}()"\\\n]/g;

/**
 * The blocks of a BibTeX file, in order. Text outside blocks is a comment (as in BibTeX); a `%`
 * line comment hides an `@`. A block whose braces never balance ends at the next line that
 * starts a block, so one unterminated entry does not swallow the rest of the file.
 */
export function* bibBlocks(src: string): Generator<BibBlock> {
  let line = 1;
  let lineFrom = 0;
  const lineOf = (offset: number): number => {
    for (let i = src.indexOf('\n', lineFrom); i >= 0 && i < offset; i = src.indexOf('\n', i + 1)) line += 1;
    lineFrom = Math.max(lineFrom, offset);
    return line;
  };
  let pos = 0;
  while (pos < src.length) {
    SPECIAL.lastIndex = pos;
    const m = SPECIAL.exec(src);
    if (!m) return;
    if (m[0] === '%') {
      const nl = src.indexOf('\n', m.index);
      pos = nl < 0 ? src.length : nl + 1;
      continue;
    }
    if (m[0] === '\n') {
      pos = m.index + 1;
      continue;
    }
    BLOCK_START.lastIndex = m.index;
    const head = BLOCK_START.exec(src);
    if (!head) {
      // A stray "@" (or "@comment" without braces): BibTeX treats the rest of the line as a comment.
      const nl = src.indexOf('\n', m.index);
      pos = nl < 0 ? src.length : nl + 1;
      continue;
    }
    const open = head[2]!;
    const bodyStart = head.index + head[0].length;
    const { end, close, terminated } = blockEnd(src, bodyStart, open);
    yield {
      type: head[1]!.toLowerCase(),
      start: head.index,
      end,
      line: lineOf(head.index),
      body: src.slice(bodyStart, close),
      bodyStart,
      terminated,
    };
    pos = end;
  }
}

/** Where the block whose body starts at `from` ends: its closing delimiter, or where it was cut off. */
function blockEnd(src: string, from: number, open: string): { end: number; close: number; terminated: boolean } {
  let depth = 0;
  let quoted = false;
  IN_BLOCK.lastIndex = from;
  for (let m = IN_BLOCK.exec(src); m; m = IN_BLOCK.exec(src)) {
    const c = m[0];
    const at = m.index;
    if (c === '\\') {
      IN_BLOCK.lastIndex = at + 2;
    } else if (c === '{') {
      depth += 1;
    } else if (c === '}') {
      if (depth === 0 && open === '{') return { end: at + 1, close: at, terminated: true };
      depth = Math.max(0, depth - 1);
    } else if (c === ')') {
      if (depth === 0 && !quoted && open === '(') return { end: at + 1, close: at, terminated: true };
    } else if (c === '"') {
      if (depth === 0) quoted = !quoted;
    } else {
      NEXT_BLOCK_AT_LINE_START.lastIndex = at + 1;
      if (NEXT_BLOCK_AT_LINE_START.test(src)) return { end: at + 1, close: at, terminated: false };
    }
  }
  return { end: src.length, close: src.length, terminated: false };
}

/** One piece of a field value: literal text (its raw length) or a reference to an @string macro. */
export type ValuePart = { kind: 'text'; text: string } | { kind: 'macro'; name: string };

export interface BibField {
  name: string;
  parts: ValuePart[];
  /** Offsets of the value (all its parts) in the block body. */
  valueStart: number;
  valueEnd: number;
}

/** A block's citation key and fields, or undefined when its syntax is beyond a quick reading. */
export interface BibFields {
  key: string;
  fields: BibField[];
}

const NAME = /[^\s=,{}"#()%]+/y;
const BARE = /[^\s=,{}"#()%]+/y;
const DIGITS = /^\d+$/;

class Cursor {
  i = 0;
  constructor(readonly s: string) {}

  /** Skips whitespace and `%` comments (as @retorquere/bibtex-parser does). */
  skip(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 37 /* % */) {
        const nl = s.indexOf('\n', this.i);
        this.i = nl < 0 ? s.length : nl + 1;
      } else if (c === 32 || c === 9 || c === 10 || c === 13) {
        this.i += 1;
      } else {
        return;
      }
    }
  }

  sticky(re: RegExp): string | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (!m || m[0] === '') return undefined;
    this.i += m[0].length;
    return m[0];
  }

  /** The inside of a `{...}` or `"..."` value starting at the cursor, or undefined if unclosed. */
  delimited(): string | undefined {
    const s = this.s;
    const quote = s[this.i] === '"';
    let depth = 0;
    for (let j = this.i + 1; j < s.length; j++) {
      const c = s[j];
      if (c === '\\') j += 1;
      else if (c === '{') depth += 1;
      else if (c === '}') {
        if (!quote && depth === 0) return this.take(j);
        depth -= 1;
      } else if (c === '"' && quote && depth <= 0) return this.take(j);
    }
    return undefined;
  }

  private take(close: number): string {
    const inner = this.s.slice(this.i + 1, close);
    this.i = close + 1;
    return inner;
  }
}

function readValue(c: Cursor): ValuePart[] | undefined {
  const parts: ValuePart[] = [];
  for (;;) {
    c.skip();
    const ch = c.s[c.i];
    if (ch === '{' || ch === '"') {
      const text = c.delimited();
      if (text === undefined) return undefined;
      parts.push({ kind: 'text', text });
    } else {
      const word = c.sticky(BARE);
      if (word === undefined) return undefined;
      parts.push(DIGITS.test(word) ? { kind: 'text', text: word } : { kind: 'macro', name: word.toLowerCase() });
    }
    c.skip();
    if (c.s[c.i] !== '#') return parts;
    c.i += 1;
  }
}

/**
 * Reads `key, name = value, ...` (an entry) or `name = value` (an @string body). Returns
 * undefined for syntax it does not follow; the BibTeX parser then reports the problem.
 */
export function bibFields(body: string, withKey: boolean): BibFields | undefined {
  const c = new Cursor(body);
  let key = '';
  if (withKey) {
    c.skip();
    const start = c.i;
    const comma = body.indexOf(',', start);
    const eq = body.indexOf('=', start);
    if (comma >= 0 && (eq < 0 || comma < eq)) {
      key = body.slice(start, comma).trim();
      c.i = comma + 1;
    } else if (eq < 0) {
      return { key: body.trim(), fields: [] };
    }
  }
  const fields: BibField[] = [];
  for (;;) {
    c.skip();
    if (c.i >= body.length) return { key, fields };
    const name = c.sticky(NAME);
    if (name === undefined) return undefined;
    c.skip();
    if (body[c.i] !== '=') return undefined;
    c.i += 1;
    c.skip();
    const valueStart = c.i;
    const parts = readValue(c);
    if (!parts) return undefined;
    fields.push({ name: name.toLowerCase(), parts, valueStart, valueEnd: c.i });
    c.skip();
    if (c.i >= body.length) return { key, fields };
    if (body[c.i] !== ',') return undefined;
    c.i += 1;
  }
}
