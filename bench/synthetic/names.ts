// Invents the names of new contributions in the synthetic corpus (SparseMamba, VeloraNet,
// "Gated Residual Routing (GRR)"), people and repositories — unique, pronounceable, reproducible.
import type { Random } from './random.js';
import type { EntityKind, Term } from './vocabulary.js';

const SYLLABLES = [
  've',
  'lo',
  'ra',
  'ki',
  'to',
  'na',
  'mi',
  'sa',
  'do',
  'ze',
  'lu',
  'pe',
  'ta',
  'ro',
  'ni',
  'ka',
  'vi',
  'mo',
  'fe',
  'li',
  'so',
  'du',
  'ga',
  'be',
  'ri',
  'xo',
  'qua',
  'tri',
  'spa',
  'flo',
  'gra',
  'ne',
  'cy',
  'ha',
  'jo',
  'we',
];

const PREFIXES = [
  'Sparse',
  'Hyper',
  'Meta',
  'Dyn',
  'Lite',
  'Deep',
  'Gated',
  'Multi',
  'Cross',
  'Fast',
  'Quant',
  'Mod',
  'Flex',
  'Hier',
  'Local',
  'Bi',
  'Omni',
  'Neuro',
  'Eff',
  'Robust',
  'Cont',
  'Recur',
  'Fused',
  'Elastic',
  'Sorted',
  'Scal',
  'Tiny',
];

const SUFFIXES: Record<EntityKind, string[]> = {
  Architecture: ['Net', 'Former', 'Mixer', 'Mamba', 'KAN', 'GNN', 'RNN', 'ViT', 'Diff', 'NeRF', 'MoE', ''],
  Method: ['KD', 'NAS', 'Opt', 'Tune', 'Aug', 'Prune', 'Reg', 'Route', 'Distill', 'Match', ''],
  Dataset: ['Bench', '-1M', 'QA', 'Set', '-Eval', 'Corpus'],
};

const LONG_WORDS = [
  'Adaptive',
  'Gated',
  'Residual',
  'Sparse',
  'Hierarchical',
  'Modular',
  'Recurrent',
  'Latent',
  'Contrastive',
  'Dynamic',
  'Efficient',
  'Structured',
  'Routing',
  'Attention',
  'Mixture',
  'Memory',
  'Spectral',
  'Progressive',
  'Conditional',
  'Factorized',
  'Selective',
  'Kernel',
  'Token',
  'Expert',
  'Graph',
  'Temporal',
  'Neural',
  'Quantized',
  'Distillation',
  'Alignment',
  'Fusion',
  'Transfer',
  'Compression',
  'Embedding',
  'Decoding',
  'Scaling',
  'Pruning',
];

const FIRST = [
  'Alice',
  'Wei',
  'Maria',
  'Jonas',
  'Priya',
  'Kenji',
  'Fatima',
  'Lucas',
  'Olga',
  'Chen',
  'Amir',
  'Sofia',
  'Mateo',
  'Yuki',
  'Nadia',
  'Omar',
  'Elena',
  'Ravi',
  'Hannah',
  'Tariq',
  'Ines',
  'Pavel',
  'Mei',
  'David',
  'Aisha',
  'Tomás',
  'Ingrid',
  'Kwame',
  'Lea',
  'Sanjay',
  'Hyun',
  'Zara',
  'Felix',
  'Noor',
  'Ivan',
  'Camila',
  'Jun',
  'Leila',
  'Marco',
  'Anika',
  'Diego',
  'Sara',
  'Mikhail',
  'Yara',
  'Hugo',
  'Ayumi',
  'Kofi',
  'Lina',
  'Stefan',
  'Rosa',
];

const LAST = [
  'Zhang',
  'Müller',
  'Garcia',
  'Kim',
  'Nguyen',
  'Patel',
  'Rossi',
  'Ivanova',
  'Okafor',
  'Silva',
  'Tanaka',
  'Cohen',
  'Dubois',
  'Hansen',
  'Kowalski',
  'Singh',
  'Ali',
  'Novak',
  'Larsen',
  'Moreau',
  'Wang',
  'Li',
  'Chen',
  'Liu',
  'Yang',
  'Smith',
  'Brown',
  'Lopez',
  'Sato',
  'Park',
  'Khan',
  'Ahmed',
  'Schmidt',
  'Fischer',
  'Weber',
  'Bauer',
  'Costa',
  'Santos',
  'Romano',
  'Ferrari',
  'Jensen',
  'Berg',
  'Nilsson',
  'Popov',
  'Horvat',
  'Mensah',
  'Owusu',
  'Haddad',
  'Nakamura',
  'Suzuki',
  'Yilmaz',
  'Demir',
  'Kaya',
  'Reyes',
  'Cruz',
  'Torres',
  'Ramos',
  'Gupta',
  'Rao',
  'Iyer',
];

export interface Contribution {
  name: string;
  kind: EntityKind;
  /** The spelled-out form when the name is an acronym ("Gated Residual Routing" for GRR). */
  longForm?: string;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A one-word handle for a parent term to prefix ("Mamba", "ViT", "KAN"), or undefined. */
function handle(term: Term | Contribution): string | undefined {
  const short = 'short' in term ? term.short : undefined;
  if (short && /^[A-Za-z][A-Za-z0-9]{1,7}$/.test(short)) return short;
  if (/^[A-Z][A-Za-z0-9]{2,9}$/.test(term.name)) return term.name;
  return undefined;
}

/** Hands out contribution names that are unique across the corpus and never equal a vocabulary name. */
export class NameFactory {
  private readonly taken = new Set<string>();

  constructor(
    private readonly random: Random,
    reserved: Iterable<string>,
  ) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  private claim(name: string): string | undefined {
    const key = name.toLowerCase();
    if (this.taken.has(key) || name.length < 3) return undefined;
    this.taken.add(key);
    return name;
  }

  private syllableName(kind: EntityKind): string {
    const count = this.random.int(2, 3);
    let stem = '';
    for (let i = 0; i < count; i++) stem += this.random.pick(SYLLABLES);
    return capitalize(stem) + this.random.pick(SUFFIXES[kind]);
  }

  private acronym(): { name: string; longForm: string } {
    const words = this.random.shuffle(LONG_WORDS).slice(0, this.random.int(3, 4));
    return { name: words.map((w) => w[0]).join(''), longForm: words.join(' ') };
  }

  /** A new name for a contribution of `kind`, derived from `parent` when given ("SparseMamba"). */
  next(kind: EntityKind, parent?: Term | Contribution): Contribution {
    for (let attempt = 0; attempt < 12; attempt++) {
      const style = this.random.next();
      if (parent && style < 0.35) {
        const h = handle(parent);
        if (h) {
          const name = this.claim(this.random.pick(PREFIXES) + h);
          if (name) return { name, kind };
        }
      }
      if (style < 0.6 && kind !== 'Dataset') {
        const { name, longForm } = this.acronym();
        const claimed = this.claim(name);
        if (claimed) return { name: claimed, kind, longForm };
        continue;
      }
      const name = this.claim(this.syllableName(kind));
      if (name) return { name, kind };
    }
    // Crowded name space: a numbered syllable name is always new.
    for (let n = 2; ; n++) {
      const name = this.claim(`${this.syllableName(kind)}${n}`);
      if (name) return { name, kind };
    }
  }
}

export const AUTHOR_POOL_SIZE = FIRST.length * LAST.length;

/** The author at position `index` of the (deterministic) pool of FIRST × LAST names. */
export function authorName(index: number): string {
  // A fixed permutation (7919 is prime to the pool size), so popular ranks get varied names.
  const k = (index * 7919) % AUTHOR_POOL_SIZE;
  return `${FIRST[k % FIRST.length]!} ${LAST[Math.floor(k / FIRST.length) % LAST.length]!}`;
}

/** Repository-name slugs use the same rule as node ids. */
export { slug as slugify } from '../../ingest/extract/keys.js';
