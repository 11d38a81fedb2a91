// What the per-paper steps share while one paper is extracted: the record, its analyzed sentences, its
// contributions, and the nodes and edges the steps add.
import type { WireEdge, WireNode } from '../../../src/shared/graph.js';
import type { PaperRecord } from '../../types.js';
import type { Contribution, SentenceInfo } from '../types.js';

export interface PaperContext {
  record: PaperRecord;
  pid: string;
  /** Position of the paper in the run (the first source of it). */
  index: number;
  sentences: SentenceInfo[];
  contributions: Contribution[];
  primary: Contribution | undefined;
  /** Ids this paper proposes (taxonomy ids included). */
  proposed: Set<string>;
  /** A contribution of another paper of the run. */
  isOther: (id: string) => boolean;
  nodes: WireNode[];
  edges: WireEdge[];
}
