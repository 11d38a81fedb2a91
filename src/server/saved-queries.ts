// Loads the saved queries in cypher/*.cypher (all but schema.cypher) once: each file's header gives
// its title, description, typed parameters with defaults and result columns; binds request params to them.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import neo4j from 'neo4j-driver';
import { badRequest } from './errors.js';
import { PARAM_TYPES, type ParamType, type ParamValue, type SavedQueryDescription, type SavedQueryParam } from '../shared/api/queries.js';

export interface SavedQuery {
  /** The file name without `.cypher`: the URL name in POST /api/queries/:name. */
  name: string;
  file: string;
  title: string;
  description: string;
  params: SavedQueryParam[];
  columns: string[];
  cypher: string;
}

export class SavedQueryError extends Error {
  override name = 'SavedQueryError';
}

function parseDefault(type: ParamType, raw: string, where: string): ParamValue {
  const fail = (): never => {
    throw new SavedQueryError(`${where}: default "${raw}" is not a valid ${type}`);
  };
  switch (type) {
    case 'string':
      return raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    case 'int':
      return /^-?\d+$/.test(raw) ? Number(raw) : fail();
    case 'float':
      return Number.isFinite(Number(raw)) && raw !== '' ? Number(raw) : fail();
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : fail();
    case 'string[]':
      return raw === '' || raw === '-'
        ? []
        : raw
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
  }
}

/**
 * Parses one file. Header lines, before the first line that is not a `//` comment:
 *   // title: <text>
 *   // description: <text, may continue on following comment lines>
 *   // @param <name> <type> <default> [min..max] [description]
 *   // @columns <a>, <b>, ...
 */
export function parseSavedQuery(file: string, text: string): SavedQuery {
  const name = basename(file, '.cypher');
  const lines = text.split('\n');
  let title = '';
  let description = '';
  let columns: string[] = [];
  const params: SavedQueryParam[] = [];
  let current: 'title' | 'description' | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('//')) break;
    const where = `cypher/${basename(file)} line ${i + 1}`;
    const body = line.slice(2).trim();
    let m: RegExpExecArray | null;
    if ((m = /^title:\s*(.*)$/.exec(body))) {
      title = m[1]!;
      current = 'title';
    } else if ((m = /^description:\s*(.*)$/.exec(body))) {
      description = m[1]!;
      current = 'description';
    } else if ((m = /^@param\s+(\w+)\s+(\S+)\s+("(?:[^"\\]|\\.)*"|\S+)(?:\s+(-?[\d.]+)\.\.(-?[\d.]+))?\s*(.*)$/.exec(body))) {
      const type = m[2] as ParamType;
      if (!PARAM_TYPES.includes(type))
        throw new SavedQueryError(`${where}: @param ${m[1]} has type "${m[2]}"; use one of ${PARAM_TYPES.join(', ')}`);
      params.push({
        name: m[1]!,
        type,
        default: parseDefault(type, m[3]!, where),
        ...(m[4] !== undefined ? { min: Number(m[4]), max: Number(m[5]) } : {}),
        description: m[6] ?? '',
      });
      current = undefined;
    } else if ((m = /^@columns\s+(.*)$/.exec(body))) {
      columns = m[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      current = undefined;
    } else if (body.startsWith('@')) {
      throw new SavedQueryError(`${where}: unknown header tag "${body.split(/\s/)[0]}"; use @param or @columns`);
    } else if (current === 'description' && body) {
      description += ` ${body}`;
    }
  }
  const cypher = lines.slice(i).join('\n').trim().replace(/;\s*$/, '');
  const file1 = `cypher/${basename(file)}`;
  if (!title) throw new SavedQueryError(`${file1}: the header has no "// title:" line`);
  if (!cypher) throw new SavedQueryError(`${file1}: no Cypher statement after the header`);
  if (columns.length === 0) throw new SavedQueryError(`${file1}: the header has no "// @columns" line`);
  return { name, file, title, description, params, columns, cypher };
}

/** The `$name` parameters a statement uses, ignoring comments and string literals. */
export function cypherParams(cypher: string): string[] {
  const stripped = cypher
    .replace(/\/\/[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return [...new Set([...stripped.matchAll(/\$(\w+)/g)].map((m) => m[1]!))].sort();
}

/** Every saved query in a folder, by name, sorted; schema.cypher is not a query. */
export function loadSavedQueries(dir: string): Map<string, SavedQuery> {
  const out = new Map<string, SavedQuery>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cypher') && f !== 'schema.cypher')
    .sort();
  for (const f of files) {
    const query = parseSavedQuery(join(dir, f), readFileSync(join(dir, f), 'utf8'));
    const declared = query.params.map((p) => p.name).sort();
    const used = cypherParams(query.cypher);
    if (declared.join(',') !== used.join(',')) {
      throw new SavedQueryError(
        `cypher/${f}: the header declares parameters [${declared.join(', ')}] but the statement uses [${used.join(', ')}]; make the @param lines match`,
      );
    }
    out.set(query.name, query);
  }
  return out;
}

/**
 * A number given as JSON or as plain decimal text: `3`, `"3"`, `"-2"`, `"0.5"` (floats); not `"0x3"`,
 * `" 3 "`, `"1e3"` for integers, `""` or anything Number() would stretch to a number.
 */
function strictNumber(raw: unknown, type: 'int' | 'float'): number | undefined {
  const pattern = type === 'int' ? /^-?\d{1,15}$/ : /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && pattern.test(raw) ? Number(raw) : undefined;
  if (n === undefined || !Number.isFinite(n)) return undefined;
  if (type === 'int' && !Number.isSafeInteger(n)) return undefined;
  return n;
}

/** Checks request params against a query's header and fills defaults; ints become Neo4j integers. */
export function bindParams(query: SavedQuery, given: Record<string, unknown>, where: string): Record<string, unknown> {
  const known = new Set(query.params.map((p) => p.name));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      throw badRequest(
        `${where}: unknown parameter "${key}" for saved query "${query.name}"; it takes: ${[...known].join(', ') || 'no parameters'}`,
      );
    }
  }
  const out: Record<string, unknown> = {};
  for (const param of query.params) {
    const bad = (what: string) => badRequest(`${where}: parameter "${param.name}" of saved query "${query.name}" ${what}`);
    if (given[param.name] === null) throw bad(`must not be null; leave it out to use the default (${JSON.stringify(param.default)})`);
    const raw = given[param.name] ?? param.default;
    switch (param.type) {
      case 'string':
        if (typeof raw !== 'string' || raw.length > 2000) throw bad('must be a string of at most 2000 characters');
        out[param.name] = raw;
        break;
      case 'int':
      case 'float': {
        const n = strictNumber(raw, param.type);
        if (n === undefined) {
          throw bad(
            param.type === 'int'
              ? 'must be a whole number such as 3 (a JSON number, or a string of digits)'
              : 'must be a number such as 0.5',
          );
        }
        if (param.min !== undefined && param.max !== undefined && (n < param.min || n > param.max)) {
          throw bad(`must be from ${param.min} to ${param.max}`);
        }
        out[param.name] = param.type === 'int' ? neo4j.int(n) : n;
        break;
      }
      case 'boolean':
        if (typeof raw !== 'boolean') throw bad('must be true or false');
        out[param.name] = raw;
        break;
      case 'string[]':
        if (!Array.isArray(raw) || !raw.every((s) => typeof s === 'string')) throw bad('must be a list of strings');
        out[param.name] = raw;
        break;
    }
  }
  return out;
}

/** What GET /api/queries shows of a saved query. */
export function describeQuery(query: SavedQuery): SavedQueryDescription {
  return {
    name: query.name,
    title: query.title,
    description: query.description,
    params: query.params,
    columns: query.columns,
    cypher: query.cypher,
  };
}
