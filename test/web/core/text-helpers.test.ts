// Unit tests of the small helpers: search-as-you-type, abstract highlighting, CSV and UI steps.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/web/core/csv.js';
import { highlightSegments } from '../../../src/web/core/highlight.js';
import { moveActive, shouldSearch } from '../../../src/web/core/search/index.js';
import { initialState } from '../../../src/web/core/state.js';
import { beginLoading, endLoading, setError } from '../../../src/web/core/ui.js';

describe('web/core/search', () => {
  describe('#shouldSearch and #moveActive', () => {
    it('should wait for two characters and wrap the active suggestion', () => {
      expect(shouldSearch(' m ')).toBe(false);
      expect(shouldSearch('kd')).toBe(true);
      expect(moveActive(-1, 1, 3)).toBe(0);
      expect(moveActive(2, 1, 3)).toBe(0);
      expect(moveActive(0, -1, 3)).toBe(2);
      expect(moveActive(0, 1, 0)).toBe(-1);
    });
  });
});

describe('web/core/highlight', () => {
  describe('#highlightSegments', () => {
    it('should mark whole-word mentions of names and aliases, longest first', () => {
      const entities = [
        { id: 'method:sma', label: 'Method', terms: ['SMA', 'Sparse Modular Activation'] },
        { id: 'architecture:seqboat', label: 'Architecture', terms: ['SeqBoat'] },
      ];
      const segs = highlightSegments('We introduce Sparse Modular Activation (SMA); SeqBoat uses SMA. SMAx is not it.', entities);
      const marked = segs.filter((s) => s.entity).map((s) => s.text);
      expect(marked).toEqual(['Sparse Modular Activation', 'SMA', 'SeqBoat', 'SMA']);
      expect(segs.map((s) => s.text).join('')).toBe('We introduce Sparse Modular Activation (SMA); SeqBoat uses SMA. SMAx is not it.');
    });

    it('should return the text whole when nothing matches', () => {
      expect(highlightSegments('plain', [])).toEqual([{ text: 'plain' }]);
    });
  });
});

describe('web/core/csv', () => {
  describe('#toCsv', () => {
    it('should quote commas, quotes and newlines and serialise objects', () => {
      expect(
        toCsv({
          columns: ['a', 'b'],
          rows: [
            ['x,y', 'say "hi"'],
            [null, { n: 1 }],
          ],
        }),
      ).toBe('a,b\r\n"x,y","say ""hi"""\r\n,"{""n"":1}"\r\n');
    });
  });
});

describe('web/core/ui', () => {
  describe('#setError and loading', () => {
    it('should hold an error and count concurrent loads', () => {
      const s = endLoading()(beginLoading()(beginLoading()(setError({ message: 'down' })(initialState))));
      expect(s.error?.message).toBe('down');
      expect(s.loading).toBe(1);
      expect(endLoading()(endLoading()(s)).loading).toBe(0);
    });
  });
});
