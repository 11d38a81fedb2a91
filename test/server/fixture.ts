// A small hand-made graph in the shape ingest produces, used by the API tests until the default
// corpus can be loaded (test/helpers/corpus.ts), and by tests that need a graph they fully know.
import type { Database } from '../../src/server/db/driver.js';

type N = { id: string; label: string; props: Record<string, unknown> };
type E = { type: string; source: string; target: string; props?: Record<string, unknown> };

const method = (slug: string, name: string, aliases: string[] = []): N => ({ id: `method:${slug}`, label: 'Method', props: { name, aliases } });
const arch = (slug: string, name: string, aliases: string[] = []): N => ({ id: `architecture:${slug}`, label: 'Architecture', props: { name, aliases } });
const paper = (key: string, title: string, year: number, abstract: string): N => ({
  id: `paper:${key}`,
  label: 'Paper',
  props: { title, year, abstract, sources: ['fixture'], titleKey: title.toLowerCase() },
});

export const FIXTURE_NODES: N[] = [
  method('knowledge-distillation', 'Knowledge Distillation', ['KD', 'distillation']),
  method('m2mkd', 'm2mKD', ['module-to-module knowledge distillation']),
  method('self-distillation', 'Self-Distillation'),
  method('mambamixer', 'MambaMixer'),
  arch('mamba', 'Mamba'),
  arch('state-space-model', 'State Space Model', ['SSM']),
  arch('transformer', 'Transformer'),
  arch('mixture-of-experts', 'Mixture of Experts', ['MoE']),
  arch('v-moe', 'V-MoE', ['Vision Mixture-of-Experts']),
  { id: 'dataset:imagenet', label: 'Dataset', props: { name: 'ImageNet', aliases: [] } },
  { id: 'dataset:tiny-imagenet', label: 'Dataset', props: { name: 'Tiny-ImageNet', aliases: [] } },
  { id: 'concept:modularity', label: 'Concept', props: { name: 'modularity' } },
  { id: 'repo:github.com/kamanphoebe/m2mkd', label: 'Repository', props: { url: 'https://github.com/kamanphoebe/m2mKD', host: 'github.com', owner: 'kamanphoebe', name: 'm2mkd' } },
  { id: 'author:ka-man-lo', label: 'Author', props: { name: 'Ka Man Lo' } },
  paper('m2mkd', 'm2mKD: Module-to-Module Knowledge Distillation for Modular Transformers', 2024,
    'We propose a general module-to-module knowledge distillation (m2mKD) method. We evaluate on Tiny-ImageNet and ImageNet with V-MoE.'),
  paper('mambamixer', 'MambaMixer: Efficient Selective State Space Models with Dual Token and Channel Selection', 2024,
    'MambaMixer builds on Mamba with selection across tokens and channels; evaluated on ImageNet.'),
  paper('mamba', 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces', 2023,
    'Mamba is a selective state space model architecture.'),
];

const ev = (paperId: string, evidence: string, extractor = 'fixture') => ({ evidence, paperId, confidence: 0.9, extractor });
const tax = (evidence: string) => ({ evidence, source: 'taxonomy', confidence: 1, extractor: 'taxonomy' });

export const FIXTURE_EDGES: E[] = [
  { type: 'PROPOSES', source: 'paper:m2mkd', target: 'method:m2mkd', props: ev('paper:m2mkd', 'we propose a general module-to-module knowledge distillation (m2mKD) method') },
  { type: 'USES', source: 'paper:m2mkd', target: 'method:knowledge-distillation', props: ev('paper:m2mkd', 'using techniques such as knowledge distillation') },
  { type: 'USES', source: 'paper:m2mkd', target: 'architecture:v-moe', props: ev('paper:m2mkd', 'Vision Mixture-of-Experts (V-MoE)') },
  { type: 'EVALUATED_ON', source: 'paper:m2mkd', target: 'dataset:tiny-imagenet', props: ev('paper:m2mkd', 'IID accuracy on Tiny-ImageNet') },
  { type: 'EVALUATED_ON', source: 'paper:m2mkd', target: 'dataset:imagenet', props: ev('paper:m2mkd', 'a 1% gain in both ImageNet and ImageNet-R') },
  { type: 'EVALUATED_ON', source: 'paper:mambamixer', target: 'dataset:imagenet', props: ev('paper:mambamixer', 'evaluated on ImageNet') },
  { type: 'HAS_CODE', source: 'paper:m2mkd', target: 'repo:github.com/kamanphoebe/m2mkd', props: ev('paper:m2mkd', 'Code is available at https://github.com/kamanphoebe/m2mKD.') },
  { type: 'AUTHORED_BY', source: 'paper:m2mkd', target: 'author:ka-man-lo', props: ev('paper:m2mkd', 'author list') },
  { type: 'MENTIONS', source: 'paper:m2mkd', target: 'concept:modularity', props: { ...ev('paper:m2mkd', 'modular neural architectures'), weight: 0.8 } },
  { type: 'BUILDS_ON', source: 'method:m2mkd', target: 'method:knowledge-distillation', props: ev('paper:m2mkd', 'm2mKD is a module-to-module knowledge distillation method') },
  { type: 'BUILDS_ON', source: 'method:self-distillation', target: 'method:knowledge-distillation', props: tax('self-distillation is distillation from the model itself') },
  { type: 'PROPOSES', source: 'paper:mambamixer', target: 'method:mambamixer', props: ev('paper:mambamixer', 'MambaMixer, a new architecture') },
  { type: 'PROPOSES', source: 'paper:mamba', target: 'architecture:mamba', props: ev('paper:mamba', 'Mamba is a selective state space model architecture') },
  { type: 'BUILDS_ON', source: 'method:mambamixer', target: 'architecture:mamba', props: ev('paper:mambamixer', 'MambaMixer builds on Mamba') },
  { type: 'BUILDS_ON', source: 'architecture:mamba', target: 'architecture:state-space-model', props: tax('Mamba is a selective state space model') },
  { type: 'BUILDS_ON', source: 'architecture:v-moe', target: 'architecture:mixture-of-experts', props: tax('V-MoE is a vision mixture of experts') },
  { type: 'BUILDS_ON', source: 'architecture:v-moe', target: 'architecture:transformer', props: tax('V-MoE is a vision transformer with MoE layers') },
  { type: 'SIMILAR_TO', source: 'paper:mambamixer', target: 'paper:mamba', props: { score: 0.7, evidence: 'shared terms', confidence: 0.7, extractor: 'similarity' } },
  { type: 'CITES', source: 'paper:mambamixer', target: 'paper:mamba', props: { ...ev('paper:mambamixer', 'MambaMixer builds on Mamba'), inferred: true } },
];

const edgeId = (e: E) => `${e.type}:${e.source}->${e.target}${e.type === 'BUILDS_ON' && e.props?.['paperId'] ? `@${String(e.props['paperId'])}` : ''}`;

/** Writes the fixture graph (the database should be empty, with the schema applied). */
export async function loadFixture(db: Database): Promise<void> {
  const session = db.session('WRITE');
  try {
    await session.executeWrite(async (tx) => {
      for (const n of FIXTURE_NODES) {
        // Labels come from the fixture above, never from input.
        await tx.run(`CREATE (n:${n.label}) SET n = $props, n.id = $id`, { id: n.id, props: n.props });
      }
      for (const e of FIXTURE_EDGES) {
        await tx.run(`MATCH (a {id: $source}), (b {id: $target}) CREATE (a)-[r:${e.type}]->(b) SET r = $props, r.id = $id`, {
          source: e.source,
          target: e.target,
          props: e.props ?? {},
          id: edgeId(e),
        });
      }
    });
  } finally {
    await session.close();
  }
}
