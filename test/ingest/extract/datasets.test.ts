// Datasets a paper is evaluated on that no vocabulary knows, found by their head noun, on invented
// sentences (never sentences of the development set).
import { describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../ingest/extract/index.js';
import type { WireGraph } from '../../../src/shared/graph.js';

const one = (title: string, abstract: string) => extractCorpus([{ title, abstract, source: 'invented.json#1' }]);
const evaluatedOn = (g: WireGraph) =>
  g.edges
    .filter((e) => e.type === 'EVALUATED_ON')
    .map((e) => g.nodes.find((n) => n.id === e.target)!)
    .map((n) => `${n.label}:${n.name}`)
    .sort();

describe('ingest/extract datasets', () => {
  describe('#findNamedDatasets', () => {
    it('should take a dataset named with a capitalised head, or "the" and a name-like name before a lowercase one', () => {
      const g = one(
        'Reading Tiles',
        'Our reader beats every baseline on the Mosaic Tiles Dataset and on the TileBench-2 benchmark by a wide margin.',
      );
      expect(evaluatedOn(g)).toEqual(['Dataset:Mosaic Tiles Dataset', 'Dataset:TileBench-2 Benchmark']);
      const tiles = g.nodes.find((n) => n.name === 'Mosaic Tiles Dataset')!;
      expect(tiles.properties.aliases).toEqual(['Mosaic Tiles']);
      expect(g.edges.find((e) => e.target === tiles.id)!.properties.evidence).toMatch(/^Our reader beats/);
    });

    it('should keep a benchmark apart from the model whose name it carries', () => {
      const g = one('Small Chat Models', 'Our chat model reaches 97% on the DeiT benchmark.');
      expect(evaluatedOn(g)).toEqual(['Dataset:DeiT Benchmark']);
      expect(g.nodes.find((n) => n.name === 'DeiT Benchmark')!.properties.aliases).toEqual([]);
    });

    it('should not take descriptions, languages, plurals or part of a longer known name', () => {
      const g = one(
        'Reading Tiles',
        'These datasets are small. Results on the English benchmark will follow. We build a Large Dataset of tiles ' +
          'and test on several Tile datasets. Experiments on Abstraction and Reasoning Corpus show gains.',
      );
      expect(evaluatedOn(g)).toEqual(['Dataset:Abstraction and Reasoning Corpus']);
    });

    it('should not also evaluate a paper on the dataset it proposes', () => {
      const g = one(
        'HexSet: Tiles for Everyone',
        'We release the HexSet Dataset, a collection of hexagonal tiles, and test ten models on it.',
      );
      expect(evaluatedOn(g)).toEqual([]);
    });
  });
});
