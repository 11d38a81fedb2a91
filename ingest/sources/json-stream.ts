// Streams the top-level values of a JSON file with stream-json's parser and StreamArray, driven
// synchronously chunk by chunk: each element of a top-level array is assembled on its own (dumps
// of any size use little memory), and invalid bytes are pinned to the element they fall in.
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import streamArray from 'stream-json/core/streamers/stream-array.js';
import streamValues from 'stream-json/core/streamers/stream-values.js';
import { SourceFileError, textChunks } from './file-text.js';
import type { InvalidBytes } from './utf8.js';

export interface JsonValue {
  /** 0-based index in the top-level array (0 for a top-level object). */
  index: number;
  value: unknown;
  top: 'array' | 'object';
  /** The first invalid byte sequence inside this value, if any: the reader rejects it. */
  invalid?: InvalidBytes;
  /** For a top-level object: invalid bytes inside elements of its `data` array, by index. */
  dataInvalid?: Map<number, InvalidBytes>;
}

// stream-chain's protocol values (registered symbols): "no output" and "several outputs".
const NONE = Symbol.for('object-stream.none');
const MANY = Symbol.for('object-stream.many');

function outputs<T>(out: unknown): T[] {
  if (out === NONE || out === undefined) return [];
  if (typeof out === 'object' && out !== null && MANY in out) return (out as unknown as { values: T[] }).values;
  return [out as T];
}

const PIECE_CHARS = 4096;
const RECOVER_SLICE = 64;
/** Text kept for re-reading a broken element; past this (one huge element) recovery is skipped. */
const REPLAY_CHARS = 4 * 1024 * 1024;

type Streamer = (token: Token) => unknown;

/**
 * Feeds text to the parser and tokens to the streamer, and tracks where in the structure the
 * parser is, so an invalid byte can be attributed to the element being read.
 */
class JsonDriver {
  private readonly parse = jsonParser({ streamValues: false });
  private streamer: Streamer | undefined;
  top: 'array' | 'object' | undefined;
  depth = 0;
  /** Elements emitted so far (array top) — the next one is the one being read. */
  emitted = 0;
  /** For an object top: elements of its `data` array completed so far, and whether we are in it. */
  private dataIndex = -1;
  private lastKey: string | undefined;
  readonly ready: JsonValue[] = [];
  private readonly pending = new Map<number, InvalidBytes>();
  private readonly dataInvalid = new Map<number, InvalidBytes>();
  /**
   * Text since the last piece boundary that fell between two elements of the top-level array
   * (or since the start of the file), and the element index then; undefined past REPLAY_CHARS.
   */
  private replay: string | undefined = '';
  private replayFromStart = true;
  private replayIndex = 0;

  /**
   * Parses text piece by piece. A parse error loses the tokens of the piece it happens in, so
   * before rethrowing it the text since the last boundary between elements is re-read one
   * character at a time: every element completed before the error is kept, the broken one named.
   */
  feed(text: string): void {
    for (let from = 0; from < text.length;) {
      // Pieces end after a "}" where possible: often the end of an element, a boundary to resume from.
      let to = Math.min(text.length, from + PIECE_CHARS);
      const brace = to < text.length ? text.lastIndexOf('}', to - 1) : -1;
      if (brace > from) to = brace + 1;
      const piece = text.slice(from, to);
      from = to;
      let tokens: Token[];
      try {
        tokens = outputs<Token>(this.parse(piece));
      } catch (err) {
        if (this.replay !== undefined) this.recover(this.replay + piece);
        throw err;
      }
      for (const token of tokens) this.token(token);
      if (this.top === 'array' && this.depth === 1) {
        this.replay = '';
        this.replayFromStart = false;
        this.replayIndex = this.emitted;
      } else if (this.replay !== undefined) {
        this.replay = this.replay.length + piece.length > REPLAY_CHARS ? undefined : this.replay + piece;
      }
    }
  }

  /** Re-reads `text` (from a boundary between elements) up to the error, emitting what completes. */
  private recover(text: string): void {
    if (this.top !== 'array') return;
    const rest = this.replayFromStart ? text : `[${text.replace(/^\s*,?/, '')}`;
    // First find the small slice the error is in (the parser is deterministic), then re-read up
    // to that slice in one call and the slice itself one character at a time.
    const probe = jsonParser({ streamValues: false });
    let failing = rest.length;
    for (let i = 0; i < rest.length; i += RECOVER_SLICE) {
      try {
        probe(rest.slice(i, i + RECOVER_SLICE));
      } catch {
        failing = i;
        break;
      }
    }
    const parse = jsonParser({ streamValues: false });
    const streamer = streamArray() as Streamer;
    const pieces = [rest.slice(0, failing), ...rest.slice(failing, failing + RECOVER_SLICE)];
    try {
      for (const piece of pieces) {
        for (const token of outputs<Token>(parse(piece))) {
          for (const item of outputs<{ key: number; value: unknown }>(streamer(token))) {
            if (this.replayIndex + item.key >= this.emitted) this.emit(this.replayIndex + item.key, item.value);
          }
        }
      }
    } catch {
      // The error itself: everything before it has been emitted.
    }
  }

  finish(): void {
    for (const token of outputs<Token>(this.parse(NONE as never))) this.token(token);
  }

  /**
   * Marks the element being read now as holding an invalid byte sequence. Between elements the
   * sequence (read as a space) harms nothing and marks nothing.
   */
  markInvalid(bad: InvalidBytes): void {
    let index: number;
    if (this.top === 'array') {
      if (this.depth <= 1) return;
      index = this.emitted;
    } else if (this.top === 'object' && this.dataIndex >= 0) {
      if (this.depth >= 3 && !this.dataInvalid.has(this.dataIndex)) this.dataInvalid.set(this.dataIndex, bad);
      return;
    } else if (this.top === 'object' && this.depth >= 1) {
      index = 0;
    } else {
      return;
    }
    if (!this.pending.has(index)) this.pending.set(index, bad);
  }

  private token(token: Token): void {
    if (!this.streamer) {
      if (token.name === 'startArray') {
        this.top = 'array';
        this.streamer = streamArray() as Streamer;
      } else if (token.name === 'startObject') {
        this.top = 'object';
        this.streamer = streamValues() as Streamer;
      } else {
        throw new SourceFileError('the JSON is a single value, not an array or object of paper records', 'record 1');
      }
    }
    this.track(token);
    for (const item of outputs<{ key: number; value: unknown }>(this.streamer(token))) {
      this.emit(this.top === 'array' ? item.key : 0, item.value);
    }
  }

  private emit(index: number, item: unknown): void {
    const value: JsonValue = { index, value: item, top: this.top! };
    const bad = this.pending.get(index);
    if (bad) {
      value.invalid = bad;
      this.pending.delete(index);
    }
    if (this.top === 'object' && this.dataInvalid.size) value.dataInvalid = new Map(this.dataInvalid);
    this.emitted += 1;
    this.ready.push(value);
  }

  private track(token: Token): void {
    const name = token.name;
    if (name === 'startObject' || name === 'startArray') {
      if (this.top === 'object' && this.depth === 1 && name === 'startArray' && this.lastKey === 'data') this.dataIndex = 0;
      this.depth += 1;
      return;
    }
    if (name === 'keyValue') {
      if (this.depth === 1) this.lastKey = token.value;
      return;
    }
    const closes = name === 'endObject' || name === 'endArray';
    if (closes) this.depth -= 1;
    if (this.top !== 'object' || this.dataIndex < 0) return;
    if (closes && this.depth === 1) this.dataIndex = -1;
    else if (this.depth === 2 && (closes || name.endsWith('Value'))) this.dataIndex += 1;
  }
}

/**
 * Yields each element of a top-level JSON array, or the one top-level object, in order.
 * Throws SourceFileError naming the record being read when the JSON is broken.
 */
export async function* jsonValues(path: string): AsyncGenerator<JsonValue> {
  const driver = new JsonDriver();
  const where = () => (driver.top === 'array' ? `record ${driver.emitted + 1}` : 'record 1');
  let any = false;
  try {
    for await (const chunk of textChunks(path)) {
      any = any || chunk.text.trim() !== '';
      let from = 0;
      for (const bad of chunk.invalid) {
        // The parser reads the invalid sequence as a space: valid inside a string and between
        // tokens, so the broken element is rejected on its own and the parse goes on.
        const at = bad.char - chunk.start;
        driver.feed(chunk.text.slice(from, at));
        driver.markInvalid(bad);
        driver.feed(' ');
        from = at + 1;
      }
      driver.feed(from ? chunk.text.slice(from) : chunk.text);
      yield* driver.ready.splice(0);
    }
    driver.finish();
    yield* driver.ready.splice(0);
  } catch (err) {
    yield* driver.ready.splice(0);
    if (err instanceof SourceFileError) throw err.position === 'file' && driver.top ? new SourceFileError(err.message, where()) : err;
    throw new SourceFileError(`broken JSON: ${(err as Error).message}`, where());
  }
  if (!any || driver.top === undefined) throw new SourceFileError('empty JSON; expected an array of paper records');
  if (driver.depth !== 0) throw new SourceFileError('broken JSON: the file ends early (truncated file?)', where());
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
