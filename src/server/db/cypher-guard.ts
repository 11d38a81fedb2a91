// Checks an ad-hoc Cypher statement before it reaches Neo4j, on its tokens (string literals and
// comments stripped, so text inside them never counts): length and bracket nesting within limits,
// no clause that writes behind the planner's back, only allow-listed procedures and SHOW commands.

export interface Token {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';
  /** Words and back-quoted names without their quotes; punctuation as written. */
  text: string;
}

export interface ShapeLimits {
  /** Longest accepted statement in characters. */
  maxLength: number;
  /** Deepest accepted nesting of (), [] and {}. */
  maxDepth: number;
}

export const DEFAULT_SHAPE_LIMITS: ShapeLimits = { maxLength: 20_000, maxDepth: 64 };

/** Why a statement was refused before it ran; `kind` says which rule. */
export class GuardRefusal extends Error {
  override name = 'GuardRefusal';
  constructor(
    readonly kind: 'too_complex' | 'refused' | 'syntax',
    message: string,
  ) {
    super(message);
  }
}

/** Procedures an ad-hoc query may CALL: read-only introspection of this database's schema and text search. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'dbms.components',
]);

/** What may follow SHOW (after optional qualifiers such as RANGE, FULLTEXT, ALL, UNIQUE). */
const ALLOWED_SHOW = new Set(['INDEX', 'INDEXES', 'CONSTRAINT', 'CONSTRAINTS', 'PROCEDURE', 'PROCEDURES', 'FUNCTION', 'FUNCTIONS']);
const SHOW_QUALIFIERS = new Set([
  'ALL',
  'RANGE',
  'FULLTEXT',
  'TEXT',
  'POINT',
  'LOOKUP',
  'VECTOR',
  'BTREE',
  'UNIQUE',
  'UNIQUENESS',
  'EXISTENCE',
  'EXIST',
  'NODE',
  'REL',
  'RELATIONSHIP',
  'KEY',
  'PROPERTY',
  'BUILT',
  'IN',
  'USER',
  'DEFINED',
  'TYPE',
]);

/** Statements that administer the database: refused whatever follows. */
const ADMIN_FIRST_WORDS = new Set([
  'DROP',
  'ALTER',
  'GRANT',
  'DENY',
  'REVOKE',
  'START',
  'STOP',
  'RENAME',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'TERMINATE',
]);
const CREATE_ADMIN_OBJECTS = new Set([
  'DATABASE',
  'ALIAS',
  'USER',
  'ROLE',
  'SERVER',
  'COMPOSITE',
  'INDEX',
  'CONSTRAINT',
  'FULLTEXT',
  'RANGE',
  'TEXT',
  'POINT',
  'LOOKUP',
  'VECTOR',
  'BTREE',
  'OR',
]);

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_]/u;

/** Splits Cypher into tokens; comments and whitespace are dropped, literals kept as one token each. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  const closing = (quote: string, what: string): number => {
    let j = i + 1;
    while (j < n) {
      const c = query[j]!;
      if (c === '\\' && quote !== '`') j += 2;
      else if (c === quote) {
        if (quote === '`' && query[j + 1] === '`') j += 2;
        else return j;
      } else j += 1;
    }
    throw new GuardRefusal('syntax', `the ${what} that starts at character ${i + 1} is never closed`);
  };
  while (i < n) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '/' && query[i + 1] === '/') {
      const end = query.indexOf('\n', i);
      i = end === -1 ? n : end + 1;
    } else if (c === '/' && query[i + 1] === '*') {
      const end = query.indexOf('*/', i + 2);
      if (end === -1) throw new GuardRefusal('syntax', `the comment that starts at character ${i + 1} is never closed`);
      i = end + 2;
    } else if (c === "'" || c === '"') {
      const end = closing(c, 'string');
      tokens.push({ kind: 'string', text: query.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '`') {
      const end = closing(c, 'quoted name');
      tokens.push({ kind: 'quoted', text: query.slice(i + 1, end).replaceAll('``', '`') });
      i = end + 1;
    } else if (c === '$') {
      let j = i + 1;
      while (j < n && WORD_PART.test(query[j]!)) j += 1;
      tokens.push({ kind: 'param', text: query.slice(i, j) });
      i = Math.max(j, i + 1);
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(query[j]!) && !(query[j] === '.' && query[j + 1] === '.')) j += 1;
      tokens.push({ kind: 'number', text: query.slice(i, j) });
      i = j;
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(query[j]!)) j += 1;
      tokens.push({ kind: 'word', text: query.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    }
  }
  return tokens;
}

/** Refuses a statement that is too long or nests brackets too deeply for the parser to be cheap. */
export function checkShape(query: string, tokens: readonly Token[], limits: ShapeLimits): void {
  if (query.length > limits.maxLength) {
    throw new GuardRefusal('too_complex', `the query is ${query.length} characters long; at most ${limits.maxLength} are accepted`);
  }
  let depth = 0;
  for (const token of tokens) {
    if (token.kind !== 'punct') continue;
    if (token.text === '(' || token.text === '[' || token.text === '{') {
      depth += 1;
      if (depth > limits.maxDepth) {
        throw new GuardRefusal(
          'too_complex',
          `brackets are nested more than ${limits.maxDepth} deep; simplify the expression (use WITH to name intermediate values)`,
        );
      }
    } else if (token.text === ')' || token.text === ']' || token.text === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
}

const isWord = (t: Token | undefined, ...words: string[]) => t?.kind === 'word' && words.includes(t.text.toUpperCase());
const isPunct = (t: Token | undefined, text: string) => t?.kind === 'punct' && t.text === text;
const isName = (t: Token | undefined) => t?.kind === 'word' || t?.kind === 'quoted';

/** The dotted name starting at tokens[i] (words or back-quoted parts) and the index after it. */
function dottedName(tokens: readonly Token[], i: number): { name: string; next: number } {
  const parts: string[] = [];
  let j = i;
  while (isName(tokens[j])) {
    parts.push(tokens[j]!.text);
    if (isPunct(tokens[j + 1], '.') && isName(tokens[j + 2])) j += 2;
    else {
      j += 1;
      break;
    }
  }
  return { name: parts.join('.'), next: j };
}

/** Index of the first token of the statement proper, after EXPLAIN/PROFILE and CYPHER options. */
function statementStart(tokens: readonly Token[]): number {
  let i = 0;
  for (;;) {
    if (isWord(tokens[i], 'EXPLAIN', 'PROFILE')) i += 1;
    else if (isWord(tokens[i], 'CYPHER')) {
      i += 1;
      while (
        tokens[i] &&
        (tokens[i]!.kind === 'number' || (tokens[i]!.kind === 'word' && isPunct(tokens[i + 1], '=')) || isPunct(tokens[i], '='))
      ) {
        i += tokens[i]!.kind === 'word' ? 3 : 1;
      }
    } else return i;
  }
}

const refuse = (why: string) => new GuardRefusal('refused', why);

/**
 * Refuses clauses the read-only guard must never let through, judged on tokens: CALL of a
 * procedure not on the allow-list, SHOW other than indexes, constraints, procedures and functions,
 * LOAD CSV, CALL { ... } IN TRANSACTIONS and administration commands.
 */
export function checkClauses(tokens: readonly Token[]): void {
  const start = statementStart(tokens);
  const first = tokens[start];
  if (isWord(first, ...ADMIN_FIRST_WORDS) || (isWord(first, 'CREATE') && isWord(tokens[start + 1], ...CREATE_ADMIN_OBJECTS))) {
    throw refuse('schema and administration commands change the database');
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    // A property key or label that happens to be a keyword (n.call, :Show) is not a clause.
    const before = tokens[i - 1];
    if (isPunct(before, '.') || isPunct(before, ':')) continue;
    const word = t.text.toUpperCase();
    if (word === 'LOAD' && isWord(tokens[i + 1], 'CSV')) throw refuse('LOAD CSV reads files and URLs from the database server');
    if (word === 'TRANSACTIONS' && (isWord(before, 'IN', 'CONCURRENT') || isWord(tokens[i - 2], 'IN'))) {
      throw refuse('CALL { ... } IN TRANSACTIONS commits batches of its own');
    }
    if (word === 'CALL' && isName(tokens[i + 1])) {
      const { name } = dottedName(tokens, i + 1);
      if (!ALLOWED_PROCEDURES.has(name)) {
        throw refuse(`procedure ${name} is not allowed; ad-hoc queries may call only ${[...ALLOWED_PROCEDURES].join(', ')}`);
      }
    }
    if (word === 'SHOW' && isName(tokens[i + 1])) {
      let j = i + 1;
      while (isWord(tokens[j], ...SHOW_QUALIFIERS)) j += 1;
      const what = tokens[j];
      if (!isWord(what, ...ALLOWED_SHOW)) {
        const shown = tokens
          .slice(i, j + 1)
          .map((x) => x.text.toUpperCase())
          .join(' ');
        throw refuse(`${shown} is not allowed; ad-hoc queries may only SHOW indexes, constraints, procedures and functions`);
      }
    }
  }
}

/** Tokenizes and applies every check; returns the tokens for callers that look further. */
export function guardQuery(query: string, limits: ShapeLimits = DEFAULT_SHAPE_LIMITS): Token[] {
  if (query.length > limits.maxLength) checkShape(query, [], limits);
  const tokens = tokenize(query);
  checkShape(query, tokens, limits);
  checkClauses(tokens);
  return tokens;
}
