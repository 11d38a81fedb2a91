// Tests for alias matching: whole words only, tolerant of case, hyphens, spaces and plurals,
// acronyms matched as written, URLs ignored, longest match first.
import { describe, expect, it } from 'vitest';
import { AliasMatcher, maskUrls } from '../../../ingest/extract/mentions.js';
import { Taxonomy } from '../../../ingest/taxonomy/taxonomy.js';

const matcher = new AliasMatcher(Taxonomy.load().entries());
const ids = (text: string) => matcher.find(text).map((m) => m.id);

describe('ingest/extract/mentions', () => {
  describe('#find', () => {
    it('should match names whatever their case, hyphenation, spacing or plural', () => {
      for (const text of [
        'mixture of experts',
        'Mixture-of-Experts',
        'MIXTURE OF EXPERTS',
        'mixtures-of-experts'.replace('mixtures', 'mixture'),
        'MoEs',
      ]) {
        expect(ids(text), text).toEqual(['architecture:mixture-of-experts']);
      }
      expect(ids('Tiny-ImageNet, TinyImageNet and Tiny ImageNet')).toEqual([
        'dataset:tiny-imagenet',
        'dataset:tiny-imagenet',
        'dataset:tiny-imagenet',
      ]);
      expect(ids('CIFAR10 and CIFAR-100')).toEqual(['dataset:cifar-10', 'dataset:cifar-100']);
      expect(ids('TanksAndTemples')).toEqual(['dataset:tanks-and-temples']);
      expect(ids('State Space Models (SSMs)')).toEqual(['architecture:state-space-model', 'architecture:state-space-model']);
    });

    it('should never match inside another word', () => {
      expect(ids('Kanban boards, Moebius strips, skanning, transformerless, sadness, darts, mambaology')).toEqual([]);
      expect(ids('MambaMixer and ConvKAN and sharpDARTS')).toEqual([]);
      expect(ids('n-gram and the N as a variable')).toEqual([]);
    });

    it('should match acronyms only as written', () => {
      expect(ids('KAN and KANs')).toEqual(['architecture:kolmogorov-arnold-network', 'architecture:kolmogorov-arnold-network']);
      expect(ids('kan and kans')).toEqual([]);
      expect(ids('DARTS')).toEqual(['method:darts']);
      expect(ids('LAMB results')).toEqual(['method:lamb']);
      expect(ids('a lamb result')).toEqual([]);
    });

    it('should match a name with a stylised English word only as written', () => {
      // "SimplE model", "ZerO initialization", "ReaL labels": lower-cased, each is an everyday phrase.
      expect(ids('a simple model with zero initialization and real labels')).toEqual([]);
      expect(ids('the SimplE model')).toEqual(['method:simple-embedding']);
      // A version suffix is not a stylised word: MobileNetV2 still matches however it is written.
      expect(ids('mobilenetv2')).toEqual(ids('MobileNetV2'));
    });

    it('should match a one-word CamelCase name only without spaces, unless its spaced form is listed too', () => {
      expect(ids('a fast speech model that can image bind')).toEqual([]);
      expect(ids('FastSpeech and Fast-Speech and ImageBind')).toEqual(ids('FastSpeech FastSpeech ImageBind'));
      expect(ids('ImageBind')).toHaveLength(1);
      const listed = new AliasMatcher([{ id: 'x:echo', name: 'EchoNet', aliases: ['Echo Net'] }]);
      expect(listed.find('an Echo Net').map((m) => m.id)).toEqual(['x:echo']);
      const reversed = new AliasMatcher([{ id: 'x:echo', name: 'Echo Net', aliases: ['EchoNet'] }]);
      expect(reversed.find('an echo net').map((m) => m.id)).toEqual(['x:echo']);
    });

    it('should prefer the longest name', () => {
      expect(ids('V-MoE-Base')).toEqual(['architecture:v-moe']);
      expect(ids('CIFAR-10-C')).toEqual(['dataset:cifar-10-c']);
      expect(ids('Vision Mixture-of-Experts')).toEqual(['architecture:v-moe']);
      expect(ids('Llama-2-70B')).toEqual(['architecture:llama-2']);
    });

    it('should ignore URLs and report offsets into the original text', () => {
      expect(ids('see https://github.com/okojoalg/raft-mlp. for MLP code')).toEqual(['architecture:multilayer-perceptron']);
      const text = 'We use the Transformer.';
      const [m] = matcher.find(text);
      expect(text.slice(m!.start, m!.end)).toBe('Transformer');
      expect(maskUrls('a https://x.y/z b')).toBe(`a ${' '.repeat('https://x.y/z'.length)} b`);
    });

    it('should skip ids it is told to skip and find what they hide', () => {
      const m = new AliasMatcher([
        { id: 'x:long', name: 'module-to-module knowledge distillation', aliases: [] },
        ...Taxonomy.load().entries(),
      ]);
      expect(m.find('module-to-module knowledge distillation').map((x) => x.id)).toEqual(['x:long']);
      expect(m.find('module-to-module knowledge distillation', { skip: new Set(['x:long']) }).map((x) => x.id)).toEqual([
        'method:knowledge-distillation',
      ]);
    });
  });
});
