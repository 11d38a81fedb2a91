// Tests for the curated taxonomy: the bundled JSON loads and validates, facts resolve, aliases are
// unambiguous, and the taxonomy can be extended at run time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchKey } from '../../../ingest/extract/keys.js';
import { Taxonomy, entityId } from '../../../ingest/taxonomy/taxonomy.js';

describe('ingest/taxonomy', () => {
  describe('#load', () => {
    const taxonomy = Taxonomy.load();

    it('should load a few hundred entries of every kind with aliases', () => {
      expect(taxonomy.size).toBeGreaterThanOrEqual(400);
      const kinds = new Set(taxonomy.entries().map((e) => e.kind));
      expect([...kinds].sort()).toEqual(['Architecture', 'Dataset', 'Method']);
      for (const e of taxonomy.entries()) {
        expect(e.id).toBe(entityId(e.kind, e.name));
        expect(Array.isArray(e.aliases)).toBe(true);
      }
    });

    it('should hold the BUILDS_ON facts the issue names, with justifications', () => {
      const facts = new Map(taxonomy.facts().map((f) => [`${f.source}->${f.target}`, f.evidence]));
      expect(facts.get('architecture:vision-transformer->architecture:transformer')).toBeTruthy();
      expect(facts.get('architecture:mamba->architecture:selective-state-space-model')).toBeTruthy();
      expect(facts.get('architecture:v-moe->architecture:mixture-of-experts')).toBeTruthy();
      expect(facts.get('architecture:v-moe->architecture:vision-transformer')).toBeTruthy();
      for (const f of taxonomy.facts()) {
        expect(taxonomy.get(f.source)).toBeDefined();
        expect(taxonomy.get(f.target)).toBeDefined();
        expect(f.evidence.length).toBeGreaterThan(3);
      }
    });

    it('should cover the families the default corpus touches', () => {
      for (const name of ['KAN', 'MoE', 'SSM', 'S4', 'Mamba', 'LSTM', 'GRU', 'ResNet', 'U-Net', 'MLP-Mixer', 'SNN', 'NeRF', 'hypernetwork', 'DARTS', 'knowledge distillation', 'continual learning', 'LLaMA', 'GPT-2', 'BERT', 'GELU', 'GAU', 'LoRA', 'dropout', 'ImageNet', 'Tiny-ImageNet', 'ImageNet-R', 'CIFAR-10', 'CIFAR-100', 'MNIST', 'LRA', 'GLUE', 'SQuAD', 'WikiText-103', 'enwik8', 'COCO', 'Omniglot']) {
        expect(taxonomy.resolve(name), name).toBeDefined();
      }
    });

    it('should not give one alias to two entries', () => {
      const owner = new Map<string, string>();
      for (const e of taxonomy.entries()) {
        for (const alias of [e.name, ...e.aliases]) {
          const key = matchKey(alias);
          const prev = owner.get(key);
          if (prev !== undefined) expect(prev, `alias "${alias}"`).toBe(e.id);
          owner.set(key, e.id);
        }
      }
    });

    it('should name the file and entry when a builds-on target is unknown', () => {
      const dir = mkdtempSync(join(tmpdir(), 'methodgraph-taxonomy-'));
      try {
        writeFileSync(join(dir, 'architectures.json'), JSON.stringify({ kind: 'Architecture', entries: [{ name: 'Foo', aliases: [], buildsOn: { Bar: 'why' } }] }));
        writeFileSync(join(dir, 'methods.json'), JSON.stringify({ kind: 'Method', entries: [] }));
        writeFileSync(join(dir, 'datasets.json'), JSON.stringify({ kind: 'Dataset', entries: [] }));
        expect(() => Taxonomy.load(pathToFileURL(`${dir}/`))).toThrow(/architectures\.json: entry "Foo" builds on "Bar"/);
        writeFileSync(join(dir, 'methods.json'), JSON.stringify({ kind: 'Technique', entries: [] }));
        expect(() => Taxonomy.load(pathToFileURL(`${dir}/`))).toThrow(/methods\.json/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('#extend', () => {
    it('should add new entries, merge known ones and bump the version', () => {
      const taxonomy = Taxonomy.load();
      const before = taxonomy.version;
      const result = taxonomy.extend([
        { kind: 'Method', name: 'Stochastic Depth', aliases: ['DropPath'], description: 'Randomly drops residual blocks.', buildsOn: { Dropout: 'drops whole blocks' } },
        { kind: 'Architecture', name: 'Vision Transformer', aliases: ['ViT-G'] },
      ]);
      expect(result).toEqual({ added: 1, merged: 1, skippedFacts: 0 });
      expect(taxonomy.version).toBeGreaterThan(before);
      expect(taxonomy.resolve('droppath')?.id).toBe('method:stochastic-depth');
      expect(taxonomy.resolve('ViT-G')?.id).toBe('architecture:vision-transformer');
      expect(taxonomy.facts().some((f) => f.source === 'method:stochastic-depth' && f.target === 'method:dropout')).toBe(true);
    });
  });
});
