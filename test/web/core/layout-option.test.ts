// Unit tests of the ?layout=MS option: how long the layouts the explorer starts by itself run.
import { describe, expect, it } from 'vitest';
import { layoutMsFromSearch } from '../../../src/web/core/url/index.js';

describe('web/core/url', () => {
  describe('#layoutMsFromSearch', () => {
    it('should read ?layout=MS as the duration of the layouts the explorer starts by itself', () => {
      expect(layoutMsFromSearch('?layout=300')).toBe(300);
      expect(layoutMsFromSearch('?node=method%3Aa&layout=0')).toBe(0);
    });

    it('should leave the product durations (null) when the parameter is absent or not a whole number of milliseconds', () => {
      for (const search of ['', '?node=x', '?layout=', '?layout=fast', '?layout=-5', '?layout=1.5', '?layout=9999999']) {
        expect(layoutMsFromSearch(search), search).toBeNull();
      }
    });
  });
});
