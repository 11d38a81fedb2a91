// Streams the top-level values of a JSON file with stream-json: each element of a top-level array
// (or a single top-level object) is assembled on its own, so dumps of any size use little memory.
import { pipeline, Readable } from 'node:stream';
import { parser } from 'stream-json';
import Assembler from 'stream-json/assembler.js';
import { SourceFileError, textChunks } from './text.js';

export interface JsonValue {
  /** 0-based index in the top-level array (0 for a top-level object). */
  index: number;
  value: unknown;
}

type Token = { name: string; value?: unknown };

function primitive(token: Token): { ok: true; value: unknown } | { ok: false } {
  switch (token.name) {
    case 'stringValue':
      return { ok: true, value: token.value };
    case 'numberValue':
      return { ok: true, value: Number(token.value) };
    case 'nullValue':
      return { ok: true, value: null };
    case 'trueValue':
      return { ok: true, value: true };
    case 'falseValue':
      return { ok: true, value: false };
    default:
      return { ok: false };
  }
}

/**
 * Yields each element of a top-level JSON array, or the one top-level object, in order.
 * Throws SourceFileError naming the record being read when the JSON is broken.
 */
export async function* jsonValues(path: string): AsyncGenerator<JsonValue & { top: 'array' | 'object' }> {
  // Surface file-level problems (missing, binary, not UTF-8, empty) before parsing.
  const chunks = textChunks(path);
  const first = await chunks.next();
  if (first.done) throw new SourceFileError('empty file; expected a JSON array of paper records');
  const text = Readable.from(
    (async function* () {
      yield first.value;
      yield* chunks;
    })(),
    { objectMode: false },
  );
  const tokens = parser.asStream({ streamValues: false });
  let sourceError: unknown;
  pipeline(text, tokens, (err) => {
    if (err) sourceError = err;
  });

  let top: 'array' | 'object' | undefined;
  let depth = 0;
  let index = 0;
  let asm: Assembler | undefined;
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      const name = token.name;
      if (top === undefined) {
        if (name === 'startArray') {
          top = 'array';
          depth = 1;
          continue;
        }
        if (name === 'startObject') {
          top = 'object';
          asm = new Assembler();
        } else {
          throw new SourceFileError('the JSON is a single value, not an array or object of paper records', 'record 1');
        }
      }
      if (top === 'array' && depth === 1 && !asm) {
        if (name === 'endArray') {
          depth = 0;
          continue;
        }
        const p = primitive(token);
        if (p.ok) {
          yield { index: index++, value: p.value, top };
          continue;
        }
        if (name !== 'startObject' && name !== 'startArray') continue;
        asm = new Assembler();
      }
      if (asm) {
        asm.consume(token as never);
        if (name === 'startObject' || name === 'startArray') depth += 1;
        else if (name === 'endObject' || name === 'endArray') depth -= 1;
        if (asm.done && depth === (top === 'array' ? 1 : 0)) {
          const value = asm.current;
          asm = undefined;
          yield { index: top === 'array' ? index++ : 0, value, top };
        }
      }
    }
  } catch (err) {
    const cause = sourceError ?? err;
    if (cause instanceof SourceFileError && cause.position !== 'file') throw cause;
    const where = top === 'array' ? `record ${index + 1}` : 'record 1';
    if (cause instanceof SourceFileError) throw new SourceFileError(cause.message, cause.position === 'file' ? where : cause.position);
    throw new SourceFileError(`broken JSON: ${(cause as Error).message}`, where);
  } finally {
    tokens.destroy();
    text.destroy();
  }
  if (sourceError) {
    const e = sourceError as Error;
    throw e instanceof SourceFileError ? e : new SourceFileError(`broken JSON: ${e.message}`, `record ${index + 1}`);
  }
  if (top === undefined) throw new SourceFileError('empty JSON; expected an array of paper records');
  if (depth !== 0 || asm) throw new SourceFileError(`the JSON ends early (truncated file?)`, `record ${index + 1}`);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
