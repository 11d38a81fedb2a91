// Small wire graphs for the store unit tests.
import type { WireEdge, WireGraph, WireNode } from '../../../src/shared/graph.js';

export const node = (id: string, label: WireNode['label'], props: WireNode['properties'] = {}): WireNode => ({
  id,
  label,
  name: id.split(':')[1] ?? id,
  properties: props,
});

export const edge = (type: WireEdge['type'], source: string, target: string, props: WireEdge['properties'] = {}): WireEdge => ({
  id: `${type}:${source}->${target}`,
  type,
  source,
  target,
  properties: props,
});

/** SeqBoat builds on SMA, which builds on the SSM and GAU; one paper proposes SeqBoat and SMA. */
export function lineageGraph(): WireGraph {
  return {
    nodes: [
      node('architecture:seqboat', 'Architecture', { proposedYear: 2023 }),
      node('method:sma', 'Method', { proposedYear: 2023 }),
      node('architecture:ssm', 'Architecture', { proposedYear: 2021 }),
      node('architecture:gau', 'Architecture', { proposedYear: 2022 }),
      node('architecture:transformer', 'Architecture', { proposedYear: 2017 }),
    ],
    edges: [
      edge('BUILDS_ON', 'architecture:seqboat', 'method:sma', { evidence: 'SeqBoat employs SMA', confidence: 0.9 }),
      edge('BUILDS_ON', 'method:sma', 'architecture:ssm', { evidence: 'SMA uses an SSM', confidence: 0.8 }),
      edge('BUILDS_ON', 'architecture:seqboat', 'architecture:gau', { evidence: 'activate a GAU', confidence: 0.8 }),
      edge('BUILDS_ON', 'architecture:gau', 'architecture:transformer', { evidence: 'taxonomy', confidence: 1 }),
    ],
  };
}

export function smallGraph(): WireGraph {
  return {
    nodes: [
      node('paper:seqboat', 'Paper', { year: 2023, abstract: 'We introduce SMA and SeqBoat.' }),
      node('paper:mamba', 'Paper', { year: 2021 }),
      node('method:sma', 'Method', { aliases: ['Sparse Modular Activation'] }),
      node('architecture:seqboat', 'Architecture', { aliases: [] }),
      node('dataset:lra', 'Dataset', { aliases: ['Long Range Arena'] }),
    ],
    edges: [
      edge('PROPOSES', 'paper:seqboat', 'method:sma'),
      edge('PROPOSES', 'paper:seqboat', 'architecture:seqboat'),
      edge('EVALUATED_ON', 'paper:seqboat', 'dataset:lra'),
      edge('BUILDS_ON', 'architecture:seqboat', 'method:sma', {
        evidence: 'SeqBoat employs SMA',
        paperId: 'paper:seqboat',
        confidence: 0.9,
      }),
      edge('SIMILAR_TO', 'paper:seqboat', 'paper:mamba', { score: 0.4 }),
    ],
  };
}
