// Reads input files as text for the readers: gunzips .gz, rejects binary and non-UTF-8 content
// with the byte offset, and streams decoded chunks so large dumps are never loaded whole.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** A problem with a whole file (or the rest of it), reported as a SourceIssue by the reader. */
export class SourceFileError extends Error {
  override name = 'SourceFileError';
  constructor(
    message: string,
    readonly position = 'file',
  ) {
    super(message);
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

async function isGzip(path: string): Promise<boolean> {
  if (path.toLowerCase().endsWith('.gz')) return true;
  const stream = createReadStream(path, { start: 0, end: 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const head = Buffer.concat(chunks);
  return head.length === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** Opens a file as a byte stream; a missing or unreadable file becomes a SourceFileError. */
export async function openBytes(path: string): Promise<Readable> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SourceFileError(code === 'ENOENT' ? 'file not found; check the path' : `cannot read the file (${code ?? (err as Error).message})`);
  }
  if (info.isDirectory()) throw new SourceFileError('is a directory, not a file; name the files inside it');
  const raw = createReadStream(path, { highWaterMark: 256 * 1024 });
  return (await isGzip(path)) ? raw.pipe(createGunzip()) : raw;
}

export interface TextChunkOptions {
  /** Stop with an error after this many decoded characters (guards whole-file readers). */
  maxChars?: number;
}

/**
 * Streams a file as UTF-8 text. Throws SourceFileError for an empty file, a NUL byte (binary
 * content) or bytes that are not UTF-8, naming the byte offset.
 */
export async function* textChunks(path: string, options: TextChunkOptions = {}): AsyncGenerator<string> {
  const bytes = await openBytes(path);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  let chars = 0;
  try {
    for await (const chunk of bytes) {
      const buf = chunk as Buffer;
      const nul = buf.indexOf(0);
      if (nul >= 0) throw new SourceFileError(`binary content (a NUL byte at byte ${offset + nul}); expected a text file`);
      let text: string;
      try {
        text = decoder.decode(buf, { stream: true });
      } catch {
        throw new SourceFileError(`not UTF-8 text (invalid byte sequence near byte ${offset + firstInvalidUtf8(buf)}); re-save the file as UTF-8`);
      }
      offset += buf.length;
      chars += text.length;
      if (options.maxChars !== undefined && chars > options.maxChars) {
        throw new SourceFileError(`file too large for this format (more than ${options.maxChars} characters); split it`);
      }
      if (text) yield text;
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new SourceFileError(`not UTF-8 text (the file ends inside a multi-byte character at byte ${offset})`);
    }
    if (tail) yield tail;
    if (offset === 0) throw new SourceFileError('empty file; expected paper records');
  } catch (err) {
    if (err instanceof SourceFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new SourceFileError(`broken gzip data after ${offset} decompressed bytes (${(err as Error).message}); re-download or re-compress the file`);
    throw new SourceFileError(`cannot read the file: ${(err as Error).message}`);
  } finally {
    bytes.destroy();
  }
}

/** Reads a whole (small) file as text, with the same checks as textChunks. */
export async function readText(path: string, maxChars = 256 * 1024 * 1024): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of textChunks(path, { maxChars })) parts.push(chunk);
  const text = parts.join('');
  if (text.trim() === '') throw new SourceFileError('empty file (only whitespace); expected paper records');
  return text;
}

/** Streams a file line by line (1-based line numbers), with the same checks as textChunks. */
export async function* textLines(path: string): AsyncGenerator<{ line: number; text: string }> {
  let rest = '';
  let line = 0;
  for await (const chunk of textChunks(path)) {
    rest += chunk;
    let start = 0;
    let nl: number;
    while ((nl = rest.indexOf('\n', start)) >= 0) {
      line += 1;
      yield { line, text: rest.slice(start, nl).replace(/\r$/, '') };
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  if (rest !== '') yield { line: line + 1, text: rest.replace(/\r$/, '') };
}

/** Offset of the first byte that cannot start or continue valid UTF-8 (approximate for split chunks). */
function firstInvalidUtf8(buf: Buffer): number {
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** 1-based line number of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
