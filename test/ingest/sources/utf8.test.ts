// The streaming UTF-8 decoder: valid text passes unchanged whatever the chunking, each invalid
// sequence becomes one U+FFFD reported with its byte and character offsets.
import { describe, expect, it } from 'vitest';
import { InvalidCursor, Utf8StreamDecoder, type InvalidBytes } from '../../../ingest/sources/utf8.js';

function decodeIn(chunks: Uint8Array[]): { text: string; invalid: InvalidBytes[] } {
  const decoder = new Utf8StreamDecoder();
  let text = '';
  const invalid: InvalidBytes[] = [];
  for (const chunk of [...chunks.map((c) => decoder.decode(c)), decoder.end()]) {
    text += chunk.text;
    invalid.push(...chunk.invalid);
  }
  return { text, invalid };
}

/** Every way of cutting `bytes` into two chunks. */
function everySplit(bytes: Uint8Array): Uint8Array[][] {
  const out: Uint8Array[][] = [[bytes]];
  for (let i = 1; i < bytes.length; i++) out.push([bytes.subarray(0, i), bytes.subarray(i)]);
  return out;
}

describe('ingest/sources/utf8', () => {
  describe('#Utf8StreamDecoder', () => {
    it('should decode valid text the same however it is cut into chunks', () => {
      const text = 'Café – Über 𝔼[x] 日本 done';
      const bytes = Buffer.from(text, 'utf8');
      for (const chunks of everySplit(bytes)) expect(decodeIn(chunks)).toEqual({ text, invalid: [] });
    });

    it('should drop a byte-order mark at the start only', () => {
      const bytes = Buffer.from('\uFEFFa\uFEFFb', 'utf8');
      for (const chunks of everySplit(bytes)) expect(decodeIn(chunks).text).toBe('a\uFEFFb');
    });

    it('should replace each invalid sequence by one U+FFFD and report its byte and character offsets', () => {
      // "Caf" + Latin-1 é (0xE9) + " Ω" + a lone continuation byte + "x" + an overlong "/" + "y"
      const bytes = Buffer.concat([
        Buffer.from('Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' Ω'),
        Buffer.from([0x80]),
        Buffer.from('x'),
        Buffer.from([0xc0, 0xaf]),
        Buffer.from('y'),
      ]);
      for (const chunks of everySplit(bytes)) {
        const { text, invalid } = decodeIn(chunks);
        expect(text).toBe('Caf\uFFFD Ω\uFFFDx\uFFFD\uFFFDy');
        expect(invalid.map((b) => [b.char, b.byte, b.kind])).toEqual([
          [3, 3, 'utf8'],
          [6, 7, 'utf8'],
          [8, 9, 'utf8'],
          [9, 10, 'utf8'],
        ]);
      }
    });

    it('should refuse encoded surrogates and code points above U+10FFFF', () => {
      const surrogate = decodeIn([Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62])]);
      expect(surrogate.text).toBe('a\uFFFD\uFFFD\uFFFDb');
      expect(surrogate.invalid[0]).toEqual({ char: 1, byte: 1, kind: 'utf8' });
      const tooHigh = decodeIn([Buffer.from([0xf4, 0x90, 0x80, 0x80])]);
      expect(tooHigh.invalid).toHaveLength(4);
    });

    it('should report a multi-byte character cut off by the end of the stream', () => {
      const bytes = Buffer.concat([Buffer.from('ok '), Buffer.from('€', 'utf8').subarray(0, 2)]);
      for (const chunks of everySplit(bytes)) {
        expect(decodeIn(chunks)).toEqual({ text: 'ok \uFFFD', invalid: [{ char: 3, byte: 3, kind: 'utf8' }] });
      }
    });

    it('should report NUL bytes as binary content', () => {
      expect(decodeIn([Buffer.from([0x61, 0x00, 0x62])]).invalid).toEqual([{ char: 1, byte: 1, kind: 'nul' }]);
    });
  });

  describe('#InvalidCursor', () => {
    it('should find the first invalid sequence in ranges asked for in order', () => {
      const at = (char: number): InvalidBytes => ({ char, byte: char, kind: 'utf8' });
      const cursor = new InvalidCursor([at(5), at(7), at(30)]);
      expect(cursor.firstIn(0, 5)).toBeUndefined();
      expect(cursor.firstIn(5, 10)).toEqual(at(5));
      expect(cursor.firstIn(12, 20)).toBeUndefined();
      cursor.add([at(40)]);
      expect(cursor.firstIn(35, 50)).toEqual(at(40));
    });
  });
});
