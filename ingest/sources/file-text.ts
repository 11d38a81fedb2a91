// Reads input files as text for the readers: gunzips .gz, decodes UTF-8 with each invalid byte
// sequence replaced and reported (so readers reject only the record it falls in), streams decoded
// chunks so large dumps are never loaded whole, and turns I/O failures into messages.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { InvalidCursor, Utf8StreamDecoder, type DecodedText, type InvalidBytes } from './utf8.js';

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
const CHUNK_BYTES = 256 * 1024;

/** What an operating-system error code means for someone whose file could not be read. */
export function ioErrorReason(err: unknown, where: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  const detail = (err as Error)?.message ?? String(err);
  switch (code) {
    case 'ENOENT':
      return 'file not found; check the path';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code}); check that you may read the file`;
    case 'EISDIR':
      return 'is a directory, not a file; name the files inside it';
    case 'EIO':
      return `input/output error (EIO) ${where}: the disk, network share or device failed; check it, copy the file elsewhere and retry`;
    case 'ENOSPC':
      return `no space left on the device (ENOSPC) ${where}; free some disk space and retry`;
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${code}) ${where}; raise the open-file limit (ulimit -n) or read fewer files at once`;
    case 'ETIMEDOUT':
    case 'ESTALE':
      return `the file's storage stopped answering (${code}) ${where}; check the network share and retry`;
    default:
      return `cannot read the file ${where} (${code ?? detail}); check the disk and retry`;
  }
}

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
    throw new SourceFileError(ioErrorReason(err, 'when opening it'));
  }
  if (info.isDirectory()) throw new SourceFileError('is a directory, not a file; name the files inside it');
  let gzip: boolean;
  try {
    gzip = await isGzip(path);
  } catch (err) {
    throw new SourceFileError(ioErrorReason(err, 'at byte 0'));
  }
  const raw = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  if (!gzip) return raw;
  // pipe() forwards no errors: a read error must reach whoever iterates the gunzipped stream.
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  gunzip.on('close', () => raw.destroy());
  return raw.pipe(gunzip);
}

export interface TextChunkOptions {
  /** Stop with an error after this many decoded characters (guards whole-file readers). */
  maxChars?: number;
}

/** A decoded piece of the file: its text, where it starts, and the invalid bytes inside it. */
export interface TextChunk extends DecodedText {
  /** Offset of this chunk's first character in the whole decoded text. */
  start: number;
}

/**
 * Streams a file as UTF-8 text. Invalid byte sequences become U+FFFD and are listed with the
 * chunk; a NUL byte in the first chunk means a binary file (SourceFileError). Throws
 * SourceFileError for an empty file, broken gzip data or an I/O error, naming how far it got.
 */
export async function* textChunks(path: string, options: TextChunkOptions = {}): AsyncGenerator<TextChunk> {
  const bytes = await openBytes(path);
  const decoder = new Utf8StreamDecoder();
  let chars = 0;
  let first = true;
  try {
    for await (const chunk of bytes) {
      const decoded = decoder.decode(chunk as Buffer);
      if (first) {
        const nul = decoded.invalid.find((bad) => bad.kind === 'nul');
        if (nul) throw new SourceFileError(`binary content (a NUL byte at byte ${nul.byte}); expected a text file`);
        first = false;
      }
      const start = chars;
      chars += decoded.text.length;
      if (options.maxChars !== undefined && chars > options.maxChars) {
        throw new SourceFileError(`file too large for this format (more than ${options.maxChars} characters); split it`);
      }
      if (decoded.text) yield { ...decoded, start };
    }
    const tail = decoder.end();
    if (tail.text) yield { ...tail, start: chars };
    if (decoder.byteOffset === 0) throw new SourceFileError('empty file; expected paper records');
  } catch (err) {
    if (err instanceof SourceFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const at = decoder.byteOffset;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      throw new SourceFileError(
        `broken gzip data after ${at} decompressed bytes (${(err as Error).message}); re-download or re-compress the file`,
      );
    }
    throw new SourceFileError(ioErrorReason(err, `after reading ${at} bytes`));
  } finally {
    bytes.destroy();
  }
}

/** A whole file as text, with its invalid byte sequences. */
export interface WholeText {
  text: string;
  invalid: InvalidBytes[];
}

/** Reads a whole (small) file as text, with the same checks as textChunks. */
export async function readText(path: string, maxChars = 256 * 1024 * 1024): Promise<WholeText> {
  const parts: string[] = [];
  const invalid: InvalidBytes[] = [];
  for await (const chunk of textChunks(path, { maxChars })) {
    parts.push(chunk.text);
    for (const bad of chunk.invalid) invalid.push(bad);
  }
  const text = parts.join('');
  if (text.trim() === '') throw new SourceFileError('empty file (only whitespace); expected paper records');
  return { text, invalid };
}

/** One line of a file: 1-based number, text without the line break, its first invalid bytes. */
export interface TextLine {
  line: number;
  text: string;
  invalid?: InvalidBytes;
}

/** Streams a file line by line (1-based line numbers), with the same checks as textChunks. */
export async function* textLines(path: string): AsyncGenerator<TextLine> {
  const cursor = new InvalidCursor();
  let pending: string[] = [];
  let pendingStart = 0;
  let line = 0;
  const make = (text: string, start: number, end: number): TextLine => {
    line += 1;
    const invalid = cursor.firstIn(start, end);
    const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
    return invalid ? { line, text: clean, invalid } : { line, text: clean };
  };
  for await (const chunk of textChunks(path)) {
    cursor.add(chunk.invalid);
    const text = chunk.text;
    let from = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', from)) >= 0) {
      const piece = text.slice(from, nl);
      const start = pending.length ? pendingStart : chunk.start + from;
      const whole = pending.length ? pending.join('') + piece : piece;
      pending = [];
      yield make(whole, start, chunk.start + nl);
      from = nl + 1;
    }
    if (from < text.length) {
      if (!pending.length) pendingStart = chunk.start + from;
      pending.push(text.slice(from));
    }
  }
  if (pending.length) yield make(pending.join(''), pendingStart, Number.MAX_SAFE_INTEGER);
}

/**
 * 1-based line numbers of character offsets asked for in increasing order: counts line breaks
 * once, from the last offset asked for, so numbering every record of a file is linear.
 */
export class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    let i = this.text.indexOf('\n', this.offset);
    while (i >= 0 && i < offset) {
      this.line += 1;
      i = this.text.indexOf('\n', i + 1);
    }
    this.offset = offset;
    return this.line;
  }
}
