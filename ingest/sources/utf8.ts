// Streaming UTF-8 decoding that never gives up on a file: each invalid byte sequence becomes one
// U+FFFD and is reported with its byte and character offsets, so a reader can reject just the
// record it falls in and keep the records around it.
import { isUtf8 } from 'node:buffer';

/** One invalid byte sequence (or a NUL byte) in the decoded stream. */
export interface InvalidBytes {
  /** Offset of the replacement character in the whole decoded text. */
  char: number;
  /** Offset of the first offending byte in the whole (decompressed) byte stream. */
  byte: number;
  kind: 'utf8' | 'nul';
}

export interface DecodedText {
  text: string;
  /** Invalid sequences in this piece of text, in order (offsets are for the whole stream). */
  invalid: InvalidBytes[];
}

export const REPLACEMENT = '\uFFFD';

/** The length of the UTF-8 sequence a lead byte starts (0 when it cannot start one). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `b` may follow `lead` as its second byte (excludes overlongs, surrogates, > U+10FFFF). */
function validSecond(lead: number, b: number): boolean {
  if (lead === 0xe0) return b >= 0xa0 && b <= 0xbf;
  if (lead === 0xed) return b >= 0x80 && b <= 0x9f;
  if (lead === 0xf0) return b >= 0x90 && b <= 0xbf;
  if (lead === 0xf4) return b >= 0x80 && b <= 0x8f;
  return b >= 0x80 && b <= 0xbf;
}

/**
 * Length of the valid sequence at `i`, or the negative length of the invalid maximal subpart
 * there (the bytes one U+FFFD replaces, as the WHATWG decoder does).
 */
function sequenceAt(buf: Uint8Array, i: number): number {
  const lead = buf[i]!;
  const n = sequenceLength(lead);
  if (n === 0) return -1;
  if (n === 1) return 1;
  let k = 1;
  for (; k < n && i + k < buf.length; k++) {
    const b = buf[i + k]!;
    if (k === 1 ? !validSecond(lead, b) : b < 0x80 || b > 0xbf) return -k;
  }
  return k === n ? n : -k;
}

/** How many bytes at the end of `buf` start a sequence that the next chunk may complete. */
function incompleteTail(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if (b >= 0x80 && b <= 0xbf) continue; // a continuation byte: look further back
    const n = sequenceLength(b);
    if (n > back && sequenceAt(buf, buf.length - back) === -back) return back;
    return 0;
  }
  return 0;
}

/**
 * Decodes a byte stream chunk by chunk. Valid chunks take the native fast path; a chunk with
 * invalid bytes (or NUL bytes, which text formats never contain) is walked byte by byte.
 */
export class Utf8StreamDecoder {
  private carry: Uint8Array = new Uint8Array(0);
  private bytes = 0;
  private chars = 0;
  private first = true;

  decode(chunk: Uint8Array): DecodedText {
    let buf = chunk;
    if (this.carry.length) {
      buf = new Uint8Array(this.carry.length + chunk.length);
      buf.set(this.carry);
      buf.set(chunk, this.carry.length);
    }
    const keep = incompleteTail(buf);
    const body = keep ? buf.subarray(0, buf.length - keep) : buf;
    this.carry = keep ? buf.slice(buf.length - keep) : new Uint8Array(0);
    const out = this.decodeComplete(body);
    this.bytes += body.length;
    return out;
  }

  /** Ends the stream: an incomplete sequence left at the end is one invalid sequence. */
  end(): DecodedText {
    if (!this.carry.length) return { text: '', invalid: [] };
    const invalid: InvalidBytes[] = [{ char: this.chars, byte: this.bytes, kind: 'utf8' }];
    this.bytes += this.carry.length;
    this.carry = new Uint8Array(0);
    this.chars += 1;
    return { text: REPLACEMENT, invalid };
  }

  /** Bytes consumed so far (decompressed), for messages about where reading stopped. */
  get byteOffset(): number {
    return this.bytes + this.carry.length;
  }

  private decodeComplete(body: Uint8Array): DecodedText {
    const buffer = Buffer.from(body.buffer, body.byteOffset, body.length);
    if (isUtf8(buffer) && buffer.indexOf(0) < 0) {
      let text = buffer.toString('utf8');
      if (this.first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = this.first && text === '';
      this.chars += text.length;
      return { text, invalid: [] };
    }
    const parts: string[] = [];
    const invalid: InvalidBytes[] = [];
    let run = 0;
    let length = 0;
    const flush = (to: number) => {
      if (to > run) {
        let piece = buffer.toString('utf8', run, to);
        if (this.first && length === 0 && piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
        parts.push(piece);
        length += piece.length;
      }
    };
    for (let i = 0; i < body.length;) {
      const b = body[i]!;
      if (b < 0x80 && b !== 0) {
        i += 1;
        continue;
      }
      const n = b === 0 ? -1 : sequenceAt(body, i);
      if (n > 0) {
        i += n;
        continue;
      }
      flush(i);
      invalid.push({ char: this.chars + length, byte: this.bytes + i, kind: b === 0 ? 'nul' : 'utf8' });
      parts.push(REPLACEMENT);
      length += 1;
      i -= n;
      run = i;
    }
    flush(body.length);
    this.first = this.first && length === 0;
    this.chars += length;
    return { text: parts.join(''), invalid };
  }
}

/** The message for an invalid sequence, naming its byte offset and what to do. */
export function invalidBytesReason(bad: InvalidBytes): string {
  return bad.kind === 'nul'
    ? `binary content (a NUL byte at byte ${bad.byte}); expected text`
    : `not UTF-8 text (invalid byte sequence near byte ${bad.byte}); re-save the file as UTF-8`;
}

/**
 * Finds the invalid sequences that fall in character ranges that arrive in increasing order
 * (records, lines, entries): each lookup moves forward, so a whole file costs linear time.
 */
export class InvalidCursor {
  private i = 0;
  constructor(private readonly all: InvalidBytes[] = []) {}

  add(more: InvalidBytes[]): void {
    for (const bad of more) this.all.push(bad);
  }

  /** The invalid sequences before `char`, dropped from the cursor. */
  takeBefore(char: number): InvalidBytes[] {
    const out: InvalidBytes[] = [];
    while (this.i < this.all.length && this.all[this.i]!.char < char) out.push(this.all[this.i++]!);
    return out;
  }

  /** The first invalid sequence with start <= char < end, dropping those before `end`. */
  firstIn(start: number, end: number): InvalidBytes | undefined {
    let found: InvalidBytes | undefined;
    while (this.i < this.all.length && this.all[this.i]!.char < end) {
      const bad = this.all[this.i]!;
      if (!found && bad.char >= start) found = bad;
      this.i += 1;
    }
    return found;
  }
}
