// CSV for Neo4j's importer: typed header columns (`year:long`, `aliases:string[]`), quoted fields,
// and buffered file writers that respect back-pressure.
import { open, type FileHandle } from 'node:fs/promises';
import type { Neo4jValue } from '../param-rows.js';

export type CsvType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'double[]' | 'boolean[]';

/**
 * Separates list items inside one field. A control character no title, abstract or alias
 * contains; values that do contain it are refused (see csvField).
 */
export const ARRAY_DELIMITER = '\u001f';
/** How the importer's --array-delimiter option names ARRAY_DELIMITER. */
export const ARRAY_DELIMITER_OPTION = 'U+001F';

/**
 * The importer type that stores the value as the transactional writer's driver parameters would:
 * JS numbers are sent as 64-bit floats (double), neo4j Integers as 64-bit integers (long).
 */
export function csvType(value: Neo4jValue): CsvType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) {
    const first = value[0];
    if (typeof first === 'number') return 'double[]';
    if (typeof first === 'boolean') return 'boolean[]';
    return 'string[]';
  }
  return 'long';
}

export function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

export class CsvValueError extends Error {
  override name = 'CsvValueError';
}

function item(value: string | number | boolean): string {
  if (typeof value === 'string') {
    if (value.includes(ARRAY_DELIMITER)) throw new CsvValueError(`list item ${JSON.stringify(value)} contains the list delimiter U+001F`);
    return value;
  }
  return String(value);
}

/** One field: strings always quoted (so "" stays an empty string), absent values empty. */
export function csvField(value: Neo4jValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return quote((value as (string | number | boolean)[]).map(item).join(ARRAY_DELIMITER));
  return value.toString();
}

/** Whether a value holds a line break (the importer then needs --multiline-fields). */
export function hasLineBreak(value: Neo4jValue): boolean {
  if (typeof value === 'string') return /[\r\n]/.test(value);
  return Array.isArray(value) && value.some((v) => typeof v === 'string' && /[\r\n]/.test(v));
}

const FLUSH_AT = 1 << 20;

/** Appends lines to a file in ~1 MB writes. */
export class CsvFile {
  private chunks: string[] = [];
  private size = 0;
  private handle: Promise<FileHandle>;
  rows = 0;

  constructor(readonly path: string) {
    this.handle = open(path, 'w');
  }

  async line(text: string): Promise<void> {
    if (this.push(text)) await this.flush();
  }

  /** Buffers a line; true when the buffer is full and the caller should await flush() (no promise per line). */
  push(text: string): boolean {
    this.chunks.push(text, '\n');
    this.size += text.length + 1;
    this.rows += 1;
    return this.size >= FLUSH_AT;
  }

  async flush(): Promise<void> {
    if (this.chunks.length === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    await (await this.handle).write(text);
  }

  async close(): Promise<void> {
    await this.flush();
    await (await this.handle).close();
  }
}
