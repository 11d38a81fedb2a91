// Tests for acronym definitions: Schwartz–Hearst long-form/short-form alignment and its extensions.
import { describe, expect, it } from 'vitest';
import { alignLongForm, findAcronymDefinitions, isShortForm } from '../../../ingest/extract/acronyms.js';

const defs = (s: string) => findAcronymDefinitions(s).map((d) => `${d.short}=${d.long}`);

describe('ingest/extract/acronyms', () => {
  describe('#alignLongForm', () => {
    it('should find the shortest long form whose words start the short form letters', () => {
      expect(alignLongForm('GAU', 'to sparsely activate a Gated Attention Unit')).toBe('Gated Attention Unit');
      expect(alignLongForm('SMBO', 'and sequential model-based optimization')).toBe('sequential model-based optimization');
      expect(alignLongForm('PolyCom', 'a novel category of polynomial composition activations')).toBe('polynomial composition activations');
      expect(alignLongForm('XYZ', 'nothing to see here')).toBeUndefined();
    });
  });

  describe('#findAcronymDefinitions', () => {
    it('should align plain, plural, hyphenated and CamelCase short forms', () => {
      expect(defs('we introduce Sparse Modular Activation (SMA), a general mechanism')).toEqual(['SMA=Sparse Modular Activation']);
      expect(defs('Linear State Space Models (SSMs) have demonstrated')).toEqual(
        ['SSM=Linear State Space Models'.replace('Linear ', '')].map((x) => x),
      );
      expect(defs('Vision Mixture-of-Experts (V-MoE).')).toEqual(['V-MoE=Vision Mixture-of-Experts']);
      expect(defs('we construct Emergent Mixture-of-Experts (EMoE).')).toEqual(['EMoE=Emergent Mixture-of-Experts']);
      expect(defs('we propose an activation space Selectable KAN (S-KAN).')).toEqual(['S-KAN=Selectable KAN']);
    });

    it('should read digits standing for words and version digits', () => {
      expect(defs('we propose a general module-to-module knowledge distillation (m2mKD) method')).toEqual([
        'm2mKD=module-to-module knowledge distillation',
      ]);
      expect(defs('we design Vision MambaMixer (ViM2) and Time Series MambaMixer (TSM2) architectures')).toEqual([
        'ViM2=Vision MambaMixer',
        'TSM2=Time Series MambaMixer',
      ]);
    });

    it('should strip quotes and leading determiners', () => {
      expect(defs("a technique we dub 'functional Token Resonance Imaging' (fTRI) -- inspired by fMRI")).toEqual([
        'fTRI=functional Token Resonance Imaging',
      ]);
      expect(defs('we introduce the Dynamical Systems Framework (DSF), which')).toEqual(['DSF=Dynamical Systems Framework']);
    });

    it('should reject parentheses that are not short forms or long forms that cross brackets', () => {
      expect(defs('on Tiny-ImageNet (up to 5.6%)')).toEqual([]);
      expect(defs('gains (i.e. better)')).toEqual([]);
      expect(defs('systems based on long short-term memory (LSTM) and bidirectional (BRNN) architectures')).toEqual([
        'LSTM=long short-term memory',
      ]);
    });
  });

  describe('#isShortForm', () => {
    it('should accept acronyms and reject words and numbers', () => {
      expect(isShortForm('KAN')).toBe(true);
      expect(isShortForm('m2mKD')).toBe(true);
      expect(isShortForm('up to')).toBe(false);
      expect(isShortForm('2021')).toBe(false);
      expect(isShortForm('however')).toBe(false);
    });
  });
});
